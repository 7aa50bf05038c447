"""On paper: the numbers of the scale, one to tick, with the words at its ends."""
from __future__ import annotations

from ...models import Step, Workshop
from ..paper import Note, PaperForm, Tick
from ..shapes import Asks
from .rules import Settings


def paper_form(step: Step, workshop: Workshop, asks: Asks) -> PaperForm:
    settings = Settings.model_validate(step.settings)
    ends = (Note(('scale.ends', {'low': settings.min, 'low_label': settings.low_label, 'high': settings.max,
                                 'high_label': settings.high_label})),) \
        if settings.low_label and settings.high_label else ()
    return PaperForm((Note(('scale.paper.explain', {})), *ends,
                      Tick(tuple(str(value) for value in settings.values()))))
