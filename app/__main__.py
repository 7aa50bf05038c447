"""The command line: `python -m app` serves; `demo`, `export` and `facilitator` do the rest (see --help)."""
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
    facilitator = commands.add_parser('facilitator', help='manage facilitator accounts')
    actions = facilitator.add_subparsers(dest='action', required=True)
    add = actions.add_parser('add', help='add an account; the password is asked for, or read from stdin')
    add.add_argument('name')
    add.add_argument('--admin', action='store_true', help='may see and run every workshop')
    actions.add_parser('list', help='list the accounts')
    remove = actions.add_parser('remove', help='remove an account (its workshops stay)')
    remove.add_argument('name')
    arguments = parser.parse_args()

    if arguments.command in (None, 'serve'):
        from .config import settings
        # NiceGUI keeps browser storage in files; beside the database, not in whatever folder we started from
        os.environ.setdefault('NICEGUI_STORAGE_PATH', str(settings().data_dir.resolve() / 'nicegui'))
        from .server import serve
        serve()
        return
    from . import db
    from .config import settings
    db.configure(settings().effective_database_url)
    if arguments.command == 'demo':
        from .demo import main as demo_main
        demo_main(as_json=arguments.json)
    elif arguments.command == 'export':
        sys.exit(export_workbook(arguments.code, arguments.output))
    else:
        from .facilitators import main as facilitator_main
        sys.exit(facilitator_main(arguments))


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


if __name__ == '__main__':
    main()
