"""On paper: the options, each with a box."""
from __future__ import annotations

from ...models import Step, Workshop
from ..paper import Note, PaperForm, Tick
from ..shapes import Asks
from .rules import Settings


def paper_form(step: Step, workshop: Workshop, asks: Asks) -> PaperForm:
    settings = Settings.model_validate(step.settings)
    return PaperForm((Note(('poll.multiple' if settings.multiple else 'poll.paper.one', {})),
                      Tick(tuple(settings.options))))
