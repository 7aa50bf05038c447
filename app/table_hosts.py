"""Table hosts: the facilitator adds a helper for a table; the helper opens a secret link of their own on a phone
and enters the answers of the residents at that table who answer on paper (app/paper.py).

Only a hash of a helper's token is stored: the link is shown once, when the helper is added. Revoking a helper
closes their page at once. Wrong tokens are throttled like wrong join codes."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlmodel import Session, select

from . import db
from .config import settings
from .models import Helper, Workshop, now
from .steps.base import DomainError
from .text import clean
from .throttle import Throttle

NAME_MAX_LENGTH = 40
WRONG_TOKENS_PER_ADDRESS = Throttle(30, 15 * 60)
WRONG_TOKENS_OVERALL = Throttle(300, 15 * 60)


@dataclass(frozen=True)
class NewHelper:
    helper: Helper
    token: str  # the secret link's token: shown once, never stored


def address(token: str) -> str:
    """The helper page's address, for the helper's phone."""
    return f'{settings().effective_public_url}/t/{token}'


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add(workshop_id: int, name: str, table: str) -> NewHelper:
    """A new helper for `table`; their token is in the returned value only."""
    name = clean(name, max_length=NAME_MAX_LENGTH, multiline=False)
    table = clean(table, max_length=NAME_MAX_LENGTH, multiline=False)
    token = secrets.token_urlsafe(24)
    with db.transaction() as session:
        if session.get(Workshop, workshop_id) is None:
            raise DomainError('error.bad_request')
        helper = Helper(workshop_id=workshop_id, name=name, table_name=table, token_hash=digest(token))
        session.add(helper)
        return NewHelper(helper, token)


def of_workshop(workshop_id: int) -> list[Helper]:
    """The workshop's helpers who may still act, in the order they were added."""
    with db.reading() as session:
        return list(session.exec(select(Helper).where(Helper.workshop_id == workshop_id, Helper.revoked_at.is_(None))
                                 .order_by(Helper.id)))


def tables(session: Session, workshop_id: int) -> list[str]:
    """The tables of the workshop's active helpers: what a phone may choose when joining."""
    names = session.exec(select(Helper.table_name).where(Helper.workshop_id == workshop_id,
                                                         Helper.revoked_at.is_(None)).order_by(Helper.id))
    return list(dict.fromkeys(names))


def tables_of(workshop_id: int) -> list[str]:
    with db.reading() as session:
        return tables(session, workshop_id)


def revoke(workshop_id: int, helper_id: int) -> None:
    with db.transaction() as session:
        helper = session.get(Helper, helper_id)
        if helper is None or helper.workshop_id != workshop_id:
            raise DomainError('error.bad_request')
        helper.revoked_at = helper.revoked_at or now()


def find(token: str, address: str) -> Helper | None:
    """The active helper with this token, or None; wrong guesses are counted and too many are refused."""
    if WRONG_TOKENS_OVERALL.blocked('all') or WRONG_TOKENS_PER_ADDRESS.blocked(address):
        raise DomainError('error.too_many_codes')
    with db.reading() as session:
        found = session.exec(select(Helper).where(Helper.token_hash == digest(token),
                                                  Helper.revoked_at.is_(None))).first()
    if found is None:
        WRONG_TOKENS_OVERALL.record('all')
        WRONG_TOKENS_PER_ADDRESS.record(address)
    return found


def active(session: Session, helper_id: int) -> Helper:
    """The helper, checked in the caller's transaction: a revoked helper can no longer act."""
    helper = session.get(Helper, helper_id)
    if helper is None or helper.revoked_at is not None:
        raise DomainError('paper.helper_revoked')
    return helper
