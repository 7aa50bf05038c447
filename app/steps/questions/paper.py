"""On paper: room for a few questions. Voting for other people's questions needs them, so that stays on the phone."""
from __future__ import annotations

from ...models import Step, Workshop
from ..paper import Note, PaperForm, Write
from ..shapes import Asks
from .rules import Settings

ON_A_FORM = 3  # questions on one form


def paper_form(step: Step, workshop: Workshop, asks: Asks) -> PaperForm:
    count = min(Settings.model_validate(step.settings).max_per_person, ON_A_FORM)
    return PaperForm((Note(('questions.privacy', {})), *[Write(('questions.ask', {}), lines=3)] * count))
