"""On paper: a few cards, each with lines for what (and, when the step asks it, why)."""
from __future__ import annotations

from ...models import Step, Workshop
from ..paper import Note, PaperForm, Write
from ..shapes import Asks
from .rules import Settings

ON_A_FORM = 3  # cards on one form: more take a second form


def paper_form(step: Step, workshop: Workshop, asks: Asks) -> PaperForm:
    settings = Settings.model_validate(step.settings)
    card = (Write(('cards.paper.what', {}), lines=2),
            *((Write(('cards.paper.why', {}), lines=3),) if settings.motivation else ()))
    count = min(settings.max_per_person, ON_A_FORM)
    return PaperForm((Note(('cards.paper.explain', {'count': count})), Note(('cards.privacy', {})),
                      *(part for number in range(1, count + 1)
                        for part in (Note(('cards.paper.card', {'number': number}), strong=True), *card))))
