"""A word cloud in the workbook: each answer given a Stemmen row (Keuze: what it counts as; Antwoord: as typed);
the shown answers with their counts in the Samenvatting, the ten most given in a chart beside them."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl.worksheet.worksheet import Worksheet

from ...export.blocks import CHART_ROWS, chart, table
from ...export.cells import write
from ...models import Answer, Step
from .rules import CloudResults, key_of

if TYPE_CHECKING:  # the export imports the registry, which imports every kind
    from ...export.facts import Facts

CHARTED = 10  # the most given answers in the chart


def vote(answer: Answer) -> tuple[Any, str, str]:
    return None, key_of(answer.choice), answer.choice


def responders(facts: Facts, step: Step) -> list[int | None]:
    """Who gave answers: the cards that hide an answer are the facilitator's, not responses."""
    return [answer.participant_id for answer in facts.answers if answer.step_id == step.id]


def summary(sheet: Worksheet, row: int, facts: Facts, step: Step, results: CloudResults) -> int:
    end = table(sheet, row, ['Antwoord', 'Aantal'], [(word.text, word.count) for word in results.words])
    chart(sheet, row, 4, min(len(results.words), CHARTED), step.title, True)
    notes = [f'{results.respondents} deelnemers gaven samen {results.answers} antwoorden.']
    if results.hidden:
        notes.append(f'{len(results.hidden)} antwoorden verborg de begeleider; ze staan wel op het blad Stemmen.')
    for offset, note in enumerate(notes):
        write(sheet.cell(end - 1 + offset, 1), note)
    return max(end + len(notes), row + CHART_ROWS if results.words else 0)
