"""On paper, once there are cards: every card with a box per dot it may get."""
from __future__ import annotations

from ...models import Step, Workshop
from ..paper import Note, PaperForm, Tick
from ..shapes import Asks
from .rules import Settings


def paper_form(step: Step, workshop: Workshop, asks: Asks) -> PaperForm | None:
    if not asks.cards:
        return None  # the cards are written during the session: print this form then
    settings = Settings.model_validate(step.settings)
    return PaperForm((Note(('dots.paper.explain', {'count': settings.dots})),
                      Note(('dots.paper.several' if settings.several_on_one_card else 'dots.paper.one_per_card', {})),
                      Tick(tuple(card.text for card in asks.cards),
                           boxes=settings.dots if settings.several_on_one_card else 1)))
