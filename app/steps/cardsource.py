"""Cards that later steps work on: the visible cards of an earlier cards step (or of a ladder's own list),
merged cards folded into the card they were merged into, optionally ranked by an earlier dot vote."""
from __future__ import annotations

from collections import Counter

from sqlmodel import Session, select

from ..models import Answer, Card, Step, Workshop
from .shapes import ShownCard


def step_by_key(db: Session, workshop: Workshop, key: str) -> Step | None:
    return db.exec(select(Step).where(Step.workshop_id == workshop.id, Step.key == key)).first()


def lead_cards(db: Session, workshop: Workshop, step_key: str) -> tuple[ShownCard, ...]:
    """Visible cards that were not merged into another, each with the texts merged into it."""
    step = step_by_key(db, workshop, step_key)
    if step is None:
        return ()
    cards = list(db.exec(select(Card).where(Card.step_id == step.id, Card.hidden == False)  # noqa: E712
                         .order_by(Card.id)))
    merged: dict[int, list[str]] = {card.id: [] for card in cards if card.group_id is None}
    for card in cards:
        if card.group_id is not None and card.group_id in merged:
            merged[card.group_id].append(card.text)
    return tuple(ShownCard(card.id, card.text, card.motivation, tuple(merged[card.id]))
                 for card in cards if card.group_id is None)


def dot_counts(db: Session, workshop: Workshop, dots_key: str) -> Counter[int]:
    """Dots per lead card: a dot on a card that was merged later counts for the card it was merged into."""
    step = step_by_key(db, workshop, dots_key)
    if step is None:
        return Counter()
    rows = db.exec(select(Answer.card_id, Card.group_id).join(Card, Card.id == Answer.card_id)
                   .where(Answer.step_id == step.id))
    return Counter(group_id or card_id for card_id, group_id in rows)


def chosen_cards(db: Session, workshop: Workshop, cards_from: str, ranked_by: str, top: int) -> tuple[ShownCard, ...]:
    """The cards a step is about: all lead cards, or the `top` ones by dots when `ranked_by` names a dot vote."""
    cards = list(lead_cards(db, workshop, cards_from))
    if ranked_by:
        counts = dot_counts(db, workshop, ranked_by)
        cards.sort(key=lambda card: (-counts.get(card.id, 0), card.id))
    return tuple(cards[:top] if top else cards)
