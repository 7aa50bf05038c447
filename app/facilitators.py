"""`python -m app facilitator add|list|remove`: manage facilitator accounts from the command line."""
from __future__ import annotations

import argparse
import getpass
import sys

from . import accounts
from .i18n import Translator
from .text import TextError


def main(arguments: argparse.Namespace) -> int:
    tr = Translator('en')
    if arguments.action == 'list':
        for account in accounts.all_accounts():
            print(f'{account.name}{" (admin)" if account.is_admin else ""}')
        return 0
    if arguments.action == 'remove':
        if accounts.remove(arguments.name):
            print(f'Removed {arguments.name}.')
            return 0
        print(f'No account named {arguments.name!r}.', file=sys.stderr)
        return 1
    try:
        accounts.add(arguments.name, read_password(), admin=arguments.admin)
    except (accounts.AccountError, TextError) as error:
        print(tr(error.key, **error.args_), file=sys.stderr)
        return 1
    print(f'Added {arguments.name}.')
    return 0


def read_password() -> str:
    """Asked twice on a terminal; the first line of stdin otherwise (for scripts)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip('\n')
    password = getpass.getpass('Password: ')
    if getpass.getpass('Password again: ') != password:
        raise accounts.AccountError('account.passwords_differ')
    return password
