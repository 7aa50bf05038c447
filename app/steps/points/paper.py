"""On paper, once there is something to divide over (its options, or the cards): a line for the points of each."""
from __future__ import annotations

from ...models import Step, Workshop
from ..paper import Note, PaperForm, Write
from ..shapes import Asks
from .rules import Settings


def paper_form(step: Step, workshop: Workshop, asks: Asks) -> PaperForm | None:
    if not asks.cards:
        return None  # the cards are written during the session: print this form then
    budget = Settings.model_validate(step.settings).budget
    return PaperForm((Note(('points.paper.explain', {'budget': budget})),
                      *(Write(('points.paper.item', {'text': card.text}), lines=1) for card in asks.cards)))
