"""A word cloud in the workbook: each answer given a Stemmen row (Keuze: what it counts as; Antwoord: as typed);
the shown answers with their counts, per perspective group too, and a chart in the Samenvatting."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl.worksheet.worksheet import Worksheet

from ...export.blocks import bars
from ...export.cells import write
from ...models import Answer, Step
from .rules import CloudResults, key_of

if TYPE_CHECKING:  # the export imports the registry, which imports every kind
    from ...export.facts import Facts


def vote(answer: Answer) -> tuple[Any, str, str]:
    return None, key_of(answer.choice), answer.choice


def responders(facts: Facts, step: Step) -> list[int | None]:
    """Who gave answers: the cards that hide an answer are the facilitator's, not responses."""
    return [answer.participant_id for answer in facts.answers if answer.step_id == step.id]


def summary(sheet: Worksheet, row: int, facts: Facts, step: Step, results: CloudResults) -> int:
    texts = {word.id: word.text for word in results.words}
    row = bars(sheet, row, 'Antwoord', results.counts, texts.get, step.title)
    if results.hidden:
        write(sheet.cell(row, 1), 'Antwoorden die de begeleider verborg (niet op het scherm en niet in deze telling; '
                                  f'wel op het blad Stemmen): {len(results.hidden)}')
        row += 2
    return row
