"""On paper: a short line per answer a participant may give."""
from __future__ import annotations

from ...models import Step, Workshop
from ..paper import Note, PaperForm, Write
from ..shapes import Asks
from .rules import Settings


def paper_form(step: Step, workshop: Workshop, asks: Asks) -> PaperForm:
    count = Settings.model_validate(step.settings).answers
    return PaperForm((Note(('wordcloud.paper.explain', {'count': count})), Note(('wordcloud.privacy', {})),
                      *[Write(('wordcloud.answer', {}), lines=1)] * count))
