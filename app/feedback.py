"""Terugkoppeling: the municipality's answer per card, and the link where residents read it.

Every function here is one short transaction and blocks: pages call them through `run.io_bound`."""
from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlmodel import Session, select, update

from . import db
from .config import settings
from .models import Response, Workshop, now

DECISIONS = ('overgenomen', 'deels overgenomen', 'niet overgenomen', 'wordt onderzocht')  # the workbook's Besluit


@dataclass(frozen=True)
class Answer:
    """What the municipality says about one card: Besluit, Toelichting, Wie pakt het op, Wanneer."""
    decision: str
    explanation: str = ''
    owner: str = ''
    due: str = ''


def answers(workshop_id: int) -> dict[int, Answer]:
    """The stored answers of a workshop, by card id."""
    with db.reading() as session:
        return answers_in(session, workshop_id)


def answers_in(session: Session, workshop_id: int) -> dict[int, Answer]:
    return {response.card_id: Answer(response.decision, response.explanation, response.owner, response.due)
            for response in session.exec(select(Response).where(Response.workshop_id == workshop_id))}


def save(workshop_id: int, changes: dict[int, Answer | None]) -> None:
    """Store the answers for these cards (None takes a card's answer away), all in one transaction."""
    with db.transaction() as session:
        stored = {response.card_id: response for response in
                  session.exec(select(Response).where(Response.workshop_id == workshop_id,
                                                      Response.card_id.in_(list(changes))))}
        for card_id, answer in changes.items():
            response = stored.get(card_id)
            if answer is None:
                if response is not None:
                    session.delete(response)
                continue
            response = response or Response(workshop_id=workshop_id, card_id=card_id, decision=answer.decision)
            response.decision, response.explanation = answer.decision, answer.explanation
            response.owner, response.due, response.updated_at = answer.owner, answer.due, now()
            session.add(response)


def results_token(workshop_id: int) -> str:
    """The secret part of the workshop's results link, made the first time it is asked for."""
    with db.transaction() as session:
        session.exec(update(Workshop).where(Workshop.id == workshop_id, Workshop.results_token.is_(None))
                     .values(results_token=secrets.token_urlsafe(24)))
        return session.get(Workshop, workshop_id).results_token


def results_url(workshop_id: int) -> str:
    """The address of the workshop's results page, to share or print as a QR code."""
    return f'{settings().effective_public_url}/r/{results_token(workshop_id)}'


def find(token: str) -> Workshop | None:
    with db.reading() as session:
        return session.exec(select(Workshop).where(Workshop.results_token == token)).first() if token else None

