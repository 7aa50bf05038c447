"""Terugkoppeling: the municipality's answer per card, and the link where residents read it.

Every function here is one short transaction and blocks: pages call them through `run.io_bound`."""
from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass

from sqlmodel import select, update

from . import db
from . import workshop as workshops
from .config import settings
from .models import Card, Response, Step, Workshop, now
from .steps.outcome import StepOutcome, outcome

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
        return {response.card_id: _answer(response) for response in
                session.exec(select(Response).where(Response.workshop_id == workshop_id))}


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


def _answer(response: Response) -> Answer:
    return Answer(response.decision, response.explanation, response.owner, response.due)


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


# --- what residents read ---------------------------------------------------------------------------------------

@dataclass
class Outcomes:
    """What the results page and the participatieverslag show of a workshop."""
    workshop: Workshop
    participants: int
    perspectives: list[tuple[str, int]]  # the groups large enough to name, in the plan's order
    unnamed: int  # participants in no group named: no perspective given, or too small a group
    card_sources: Counter[str]  # cards by where they came from: '' written by a resident, else Card.origin
    steps: list[tuple[Step, StepOutcome]]  # the steps that were opened and have something to report
    answers: dict[int, Answer]  # the municipality's answers by card id
    mine: set[int]  # the (lead) cards the participant wrote or had merged into them


def outcomes(workshop_id: int, participant_id: int | None = None) -> Outcomes:
    state = workshops.state(workshop_id)
    counts = workshops.perspective_counts(workshop_id)
    named = [(row['perspective'], row['count']) for row in counts
             if row['perspective'] and row['count'] >= state.workshop.min_group_size]
    total = sum(row['count'] for row in counts)
    with db.reading() as session:
        cards = list(session.exec(select(Card).where(Card.workshop_id == workshop_id)))
    steps = [(step, found) for step in state.steps if step.opened_at is not None
             and (found := outcome(step, workshops.results(step.id))) is not None]
    return Outcomes(workshop=state.workshop, participants=total, perspectives=named,
                    unnamed=total - sum(count for _, count in named),
                    card_sources=Counter(card.origin for card in cards), steps=steps,
                    answers=answers(workshop_id),
                    mine={card.group_id or card.id for card in cards
                          if participant_id is not None and card.participant_id == participant_id})
