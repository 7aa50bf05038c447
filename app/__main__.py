"""The command line: `python -m app` serves; `python -m app demo [--json]` fills a sample workshop."""
from __future__ import annotations

import argparse


def main() -> None:
    parser = argparse.ArgumentParser(prog='python -m app', description='Samenspraak')
    commands = parser.add_subparsers(dest='command')
    commands.add_parser('serve', help='serve the app (the default)')
    demo = commands.add_parser('demo', help='create a sample workshop with participants and answers')
    demo.add_argument('--json', action='store_true', help='print one JSON object with the links')
    arguments = parser.parse_args()
    if arguments.command == 'demo':
        from .demo import main as demo_main
        demo_main(as_json=arguments.json)
    else:
        from .server import serve
        serve()


if __name__ == '__main__':
    main()
