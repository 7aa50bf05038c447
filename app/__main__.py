"""The command line: `python -m app` serves; `python -m app demo [--json]` fills a sample workshop;
`python -m app export CODE [-o FILE]` writes a workshop's Excel workbook."""
from __future__ import annotations

import argparse
import sys


def main() -> None:
    parser = argparse.ArgumentParser(prog='python -m app', description='Samenspraak')
    commands = parser.add_subparsers(dest='command')
    commands.add_parser('serve', help='serve the app (the default)')
    demo = commands.add_parser('demo', help='create a sample workshop with participants and answers')
    demo.add_argument('--json', action='store_true', help='print one JSON object with the links')
    export = commands.add_parser('export', help="write a workshop's results to an Excel workbook")
    export.add_argument('code', help="the workshop's code, e.g. ABC234")
    export.add_argument('-o', '--output', help='the .xlsx file (default: samenspraak-CODE-DATE.xlsx)')
    arguments = parser.parse_args()
    if arguments.command == 'demo':
        from .demo import main as demo_main
        demo_main(as_json=arguments.json)
    elif arguments.command == 'export':
        sys.exit(export_workbook(arguments.code, arguments.output))
    else:
        from .server import serve
        serve()


def export_workbook(code: str, output: str | None) -> int:
    from . import db
    from . import workshop as workshops
    from .config import settings
    from .export import workbook
    db.configure(settings().effective_database_url)
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
