"""On paper: the plan's perspectives, one to tick (never required)."""
from __future__ import annotations

from ...models import Step, Workshop
from ..paper import Note, PaperForm, Tick
from ..shapes import Asks


def paper_form(step: Step, workshop: Workshop, asks: Asks) -> PaperForm:
    return PaperForm((Note(('perspective.paper.explain', {})), Tick(tuple(workshop.perspectives))))
