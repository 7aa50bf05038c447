"""The command line: `python -m app` serves; `demo`, `export`, `import-responses`, `report`, `kit`, `facilitator`
and `simulate` do the rest (see --help)."""
from __future__ import annotations

import argparse
import os
import sys


def main() -> None:
    parser = argparse.ArgumentParser(prog='python -m app', description='Samenspraak')
    commands = parser.add_subparsers(dest='command')
    commands.add_parser('serve', help='serve the app (the default)')
    demo = commands.add_parser('demo', help='create a sample workshop with participants and answers')
    demo.add_argument('--json', action='store_true', help='print one JSON object with the links')
    export = commands.add_parser('export', help="write a workshop's Excel workbook")
    export.add_argument('code', help='the workshop code, e.g. K7PQ2M')
    export.add_argument('-o', '--output', help='file to write (default: samenspraak-<CODE>-<date>.xlsx)')
    responses = commands.add_parser('import-responses',
                                    help="store the municipality's answers (Besluit, Toelichting, …) from a filled "
                                         'workbook')
    responses.add_argument('code', help='the workshop code, e.g. K7PQ2M')
    responses.add_argument('file', help='the workbook (.xlsx) exported from this workshop, with the answers filled in')
    report = commands.add_parser('report', help="write a workshop's participatieverslag (PDF)")
    report.add_argument('code', help='the workshop code, e.g. K7PQ2M')
    report.add_argument('-o', '--output', help='file to write (default: participatieverslag-<CODE>.pdf)')
    kit = commands.add_parser('kit', help="write a workshop's printed kit (PDF): poster with QR code, table card, "
                                          'paper forms')
    kit.add_argument('code', help='the workshop code, e.g. K7PQ2M')
    kit.add_argument('-o', '--output', help='file to write (default: materiaal-<CODE>.pdf)')
    kit.add_argument('--language', default='nl', help='language of the texts: nl (the default) or en')
    facilitator = commands.add_parser('facilitator', help='manage facilitator accounts')
    actions = facilitator.add_subparsers(dest='action', required=True)
    add = actions.add_parser('add', help='add an account; the password is asked for, or read from stdin')
    add.add_argument('name')
    add.add_argument('--admin', action='store_true', help='may see and run every workshop')
    actions.add_parser('list', help='list the accounts')
    remove = actions.add_parser('remove', help='remove an account (its workshops stay)')
    remove.add_argument('name')
    cluster = commands.add_parser('cluster', help='serve as several processes behind HAProxy (PostgreSQL only)')
    cluster.add_argument('--processes', type=int, default=3, help='how many app processes (default 3)')
    add_simulate(commands)
    arguments = parser.parse_args()

    if arguments.command in (None, 'serve'):
        from .config import settings
        # NiceGUI keeps browser storage in files; beside the database, not in whatever folder we started from
        os.environ.setdefault('NICEGUI_STORAGE_PATH', str(settings().data_dir.resolve() / 'nicegui'))
        from .server import serve
        serve()
        return
    if arguments.command == 'cluster':
        from .cluster import run as run_cluster
        sys.exit(run_cluster(arguments.processes))
    if arguments.command == 'simulate':  # a client of a running server: no database of its own
        from .simulate.crowd import main as simulate_main
        simulate_main(url=arguments.url, join_url=arguments.join_url, code=arguments.code, phones=arguments.phones,
                      join_rate=arguments.join_rate, scenario_names=arguments.scenario, spread=arguments.spread,
                      storm_title=arguments.storm, card_writers=arguments.card_writers, duration=arguments.duration,
                      report=arguments.report, seed=arguments.seed)
        return
    from . import db
    from .config import settings
    db.configure(settings().effective_database_url)
    if arguments.command == 'demo':
        from .demo import main as demo_main
        demo_main(as_json=arguments.json)
    elif arguments.command == 'export':
        sys.exit(export_workbook(arguments.code, arguments.output))
    elif arguments.command == 'import-responses':
        sys.exit(import_responses(arguments.code, arguments.file))
    elif arguments.command == 'report':
        sys.exit(write_report(arguments.code, arguments.output))
    elif arguments.command == 'kit':
        sys.exit(write_kit(arguments.code, arguments.output, arguments.language))
    else:
        from .facilitators import main as facilitator_main
        sys.exit(facilitator_main(arguments))


def add_simulate(commands: argparse._SubParsersAction) -> None:
    simulate = commands.add_parser('simulate', help='let simulated phones take part in a workshop (a rehearsal)')
    where = simulate.add_mutually_exclusive_group(required=True)
    where.add_argument('--code', help="the workshop's code, typed on the start page of --url")
    where.add_argument('--join-url', default='', help="the workshop's join link (what the QR code holds)")
    simulate.add_argument('--url', default='http://127.0.0.1:8080', help='the server (with --code)')
    simulate.add_argument('--phones', type=int, default=20, help='how many phones (default 20)')
    simulate.add_argument('--join-rate', type=float, default=10, help='phones joining per second (default 10)')
    simulate.add_argument('--scenario', default='all',
                          help='what phones do after joining, comma-separated: join (nothing more), cards, scale, '
                               'poll, dots, ladder (place every card on the ladder), reconnect, all (default)')
    simulate.add_argument('--spread', type=float, default=10,
                          help='phones answer a step at a random moment within this many seconds (default 10)')
    simulate.add_argument('--storm', default='', metavar='STEP_TITLE',
                          help='on the step with this title every phone answers within 2 seconds')
    simulate.add_argument('--card-writers', type=int, default=12,
                          help='how many phones write a card on a cards step (default 12)')
    simulate.add_argument('--duration', type=float, help='leave after this many seconds (default: at Ctrl-C)')
    simulate.add_argument('--report', default='', help='write everything the phones saw and did as JSON lines')
    simulate.add_argument('--seed', type=int, default=1, help='seed for the phones\' random choices')


def export_workbook(code: str, output: str | None) -> int:
    from . import workshop as workshops
    from .export import workbook
    found = workshops.find(code=code)
    if found is None:
        print(f'No workshop with code {code!r}.', file=sys.stderr)
        return 1
    path = output or workbook.filename(found)
    workbook.export(found.id, path)
    print(f'Workshop {found.code} written to {path}.')
    return 0


def import_responses(code: str, path: str) -> int:
    """Print what changed, or every problem of the file (and change nothing)."""
    from pathlib import Path

    from . import workshop as workshops
    from .export.responses import Refused, import_responses as store
    from .i18n import Translator
    from .steps.base import DomainError
    found = workshops.find(code=code)
    if found is None:
        print(f'No workshop with code {code!r}.', file=sys.stderr)
        return 1
    tr = Translator()
    try:
        changed = store(found.id, Path(path).read_bytes())
    except DomainError as error:
        print(tr(error.key, **error.args_), file=sys.stderr)
        for problem in error.problems if isinstance(error, Refused) else []:
            print('  ' + tr(problem.key, **problem.args_), file=sys.stderr)
        return 1
    print(tr('responses.saved', count=changed))
    return 0


def write_report(code: str, output: str | None) -> int:
    from pathlib import Path

    from . import report
    from . import workshop as workshops
    found = workshops.find(code=code)
    if found is None:
        print(f'No workshop with code {code!r}.', file=sys.stderr)
        return 1
    path = output or report.filename(found)
    Path(path).write_bytes(report.pdf(found.id))
    print(f'Participatieverslag of workshop {found.code} written to {path}.')
    return 0


def write_kit(code: str, output: str | None, language: str) -> int:
    from pathlib import Path

    from . import kit
    from . import workshop as workshops
    from .i18n import full_languages
    if language not in full_languages():  # a phone language has not the kit's texts
        print(f'The kit is written in {" or ".join(full_languages())}, not {language!r}.', file=sys.stderr)
        return 1
    found = workshops.find(code=code)
    if found is None:
        print(f'No workshop with code {code!r}.', file=sys.stderr)
        return 1
    path = output or kit.filename(found)
    Path(path).write_bytes(kit.pdf(found.id, language))
    print(f'Printed kit of workshop {found.code} written to {path}.')
    return 0


if __name__ == '__main__':
    main()
