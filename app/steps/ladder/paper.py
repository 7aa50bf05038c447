"""On paper: the rungs with what they mean, then per card (or a line to write one) a box per rung, for now and, when
asked, for where it should be."""
from __future__ import annotations

from ...models import Step, Workshop
from ..paper import Note, PaperForm, Part, Tick, each_card
from ..shapes import Asks
from .rules import Settings


def paper_form(step: Step, workshop: Workshop, asks: Asks) -> PaperForm:
    settings = Settings.model_validate(step.settings)
    rungs: list[Part] = []
    for number, rung in enumerate(workshop.ladder, start=1):
        rungs.append(Note(('ladder.paper.rung', {'number': number, 'label': rung['label']}), strong=True))
        if rung.get('explanation'):
            rungs.append(Note(rung['explanation']))
    numbers = Tick(tuple(str(number) for number in range(1, len(workshop.ladder) + 1)))
    places = [part for position in settings.positions() for part in (Note((f'ladder.paper.{position}', {})), numbers)]
    return PaperForm((Note(('ladder.paper.explain', {})), Note(('ladder.paper.rungs', {})), *rungs,
                      Note(('ladder.paper.cards', {})), *each_card(asks, ('ladder.paper.card', {}), *places)))
