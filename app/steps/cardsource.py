"""Cards that later steps work on: the visible cards of an earlier cards step (or of a ladder's own list),
merged cards folded into the card they were merged into, optionally ranked by an earlier dot vote."""
from __future__ import annotations

from collections import Counter
from typing import Any

from sqlmodel import Session, select

from ..models import Answer, Card, Step, Workshop


def holds_own_cards(kind: str, settings: dict[str, Any]) -> bool:
    """A cards step holds the cards written in it; a ladder without `cards_from` holds the cards the facilitator
    lists for it (in the plan, typed in the console, or from an Excel list)."""
    return kind == 'cards' or (kind == 'ladder' and not settings.get('cards_from'))


def card_source(step: Step) -> str:
    """The key of the step whose cards `step` shows: its own, or the one its `cards_from` names ('' if none)."""
    return step.key if holds_own_cards(step.kind, step.settings) else step.settings.get('cards_from', '')


def step_by_key(db: Session, workshop: Workshop, key: str) -> Step | None:
    return db.exec(select(Step).where(Step.workshop_id == workshop.id, Step.key == key)).first()


def lead_cards(db: Session, workshop: Workshop, step_key: str) -> list[dict[str, Any]]:
    """Visible cards that were not merged into another, each with the texts merged into it."""
    step = step_by_key(db, workshop, step_key)
    if step is None:
        return []
    cards = list(db.exec(select(Card).where(Card.step_id == step.id, Card.hidden == False)  # noqa: E712
                         .order_by(Card.id)))
    leads = {card.id: {'id': card.id, 'text': card.text, 'motivation': card.motivation, 'merged': []}
             for card in cards if card.group_id is None}
    for card in cards:
        if card.group_id is not None and card.group_id in leads:
            leads[card.group_id]['merged'].append(card.text)
    return list(leads.values())


def dot_counts(db: Session, workshop: Workshop, dots_key: str) -> Counter[int]:
    """Dots per lead card: a dot on a card that was merged later counts for the card it was merged into."""
    step = step_by_key(db, workshop, dots_key)
    if step is None:
        return Counter()
    rows = db.exec(select(Answer.card_id, Card.group_id).join(Card, Card.id == Answer.card_id)
                   .where(Answer.step_id == step.id))
    return Counter(group_id or card_id for card_id, group_id in rows)


def chosen_cards(db: Session, workshop: Workshop, cards_from: str, ranked_by: str, top: int) -> list[dict[str, Any]]:
    """The cards a step is about: all lead cards, or the `top` ones by dots when `ranked_by` names a dot vote."""
    cards = lead_cards(db, workshop, cards_from)
    if ranked_by:
        counts = dot_counts(db, workshop, ranked_by)
        cards.sort(key=lambda card: (-counts.get(card['id'], 0), card['id']))
    return cards[:top] if top else cards
