"""On paper: per idea (or once, for the step's own question) ja / ja, maar… / nee, want… and lines for why."""
from __future__ import annotations

from ...models import Step, Workshop
from ..paper import Note, PaperForm, Tick, Write, each_card
from ..shapes import Asks
from .rules import ANSWERS


def paper_form(step: Step, workshop: Workshop, asks: Asks) -> PaperForm:
    return PaperForm((Note(('consent.paper.explain', {})),
                      *each_card(asks, ('consent.paper.idea', {}),
                                 Tick(tuple((f'consent.{answer}', {}) for answer in ANSWERS)),
                                 Write(('consent.reason', {}), lines=2))))
