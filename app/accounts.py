"""Facilitator accounts: argon2-hashed passwords, sign-in with throttling, and who may run which workshop."""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import select

from . import db
from .models import Account, Workshop
from .text import clean
from .throttle import Throttle

HASHER = PasswordHasher()
MIN_PASSWORD_LENGTH = 10
FAILURES_PER_NAME = 5  # failed sign-ins per name, and per address, within the window
FAILURES_OVERALL = 50  # failed sign-ins from everywhere within the window
WINDOW_SECONDS = 15 * 60


class AccountError(ValueError):
    """Carries the translation key of the message the facilitator sees."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


def add(name: str, password: str, *, admin: bool = False) -> Account:
    name = clean(name, max_length=80, multiline=False)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError('account.password_too_short', min=MIN_PASSWORD_LENGTH)
    with db.transaction() as session:
        if session.exec(select(Account).where(Account.name == name)).first():
            raise AccountError('account.name_taken', name=name)
        account = Account(name=name, password_hash=HASHER.hash(password), is_admin=admin)
        session.add(account)
        return account


def ensure(name: str, password: str) -> Account:
    """The account with this name, made if missing, with this password from now on (used by the demo)."""
    with db.transaction() as session:
        account = session.exec(select(Account).where(Account.name == name)).first() or Account(name=name)
        account.password_hash = HASHER.hash(password)
        session.add(account)
        return account


def all_accounts() -> list[Account]:
    with db.reading() as session:
        return list(session.exec(select(Account).order_by(Account.name)))


def remove(name: str) -> bool:
    """Remove the account; its workshops stay (an admin still sees them)."""
    with db.transaction() as session:
        account = session.exec(select(Account).where(Account.name == name)).first()
        if account is None:
            return False
        for workshop in session.exec(select(Workshop).where(Workshop.owner_id == account.id)):
            workshop.owner_id = None
        session.delete(account)
        return True


def get(account_id: int | None) -> Account | None:
    if account_id is None:
        return None
    with db.reading() as session:
        return session.get(Account, account_id)


def may_run(account: Account | None, workshop: Workshop) -> bool:
    return account is not None and (account.is_admin or workshop.owner_id == account.id)


def workshops_of(account: Account) -> list[Workshop]:
    with db.reading() as session:
        query = select(Workshop).order_by(Workshop.created_at.desc())
        if not account.is_admin:
            query = query.where(Workshop.owner_id == account.id)
        return list(session.exec(query))


PER_KEY = Throttle(FAILURES_PER_NAME, WINDOW_SECONDS)
OVERALL = Throttle(FAILURES_OVERALL, WINDOW_SECONDS)


def sign_in(name: str, password: str, address: str) -> Account:
    """The account for these credentials, or AccountError; repeated failures block the name and the address."""
    keys = [f'name:{name.strip().casefold()}', f'address:{address}']
    if OVERALL.blocked('all') or any(PER_KEY.blocked(key) for key in keys):
        raise AccountError('account.too_many_attempts', minutes=WINDOW_SECONDS // 60)
    with db.reading() as session:
        account = session.exec(select(Account).where(Account.name == name.strip())).first()
    try:
        if account is None:
            HASHER.hash(password)  # the same work as a real check, so timing does not reveal names
            raise VerificationError()
        HASHER.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        OVERALL.record('all')
        for key in keys:
            PER_KEY.record(key)
        raise AccountError('account.wrong_credentials') from None
    return account
