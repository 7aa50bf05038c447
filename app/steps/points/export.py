"""Points in the workbook: each item a participant gave points a Stemmen row (value = the points); per item the
total, mean and share in the Samenvatting, for everyone and per perspective group large enough to show."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl.worksheet.worksheet import Worksheet

from ...export.blocks import CHART_ROWS, chart, table
from ...export.cells import write
from ...models import Answer, Step
from .rules import ItemPoints, PointsResults

if TYPE_CHECKING:  # the export imports the registry, which imports every kind
    from ...export.facts import Facts

COLUMNS = ('totaal', 'gemiddeld', 'aandeel (%)')


def vote(answer: Answer) -> tuple[Any, str, str]:
    return answer.value, answer.choice, answer.choice


def summary(sheet: Worksheet, row: int, facts: Facts, step: Step, results: PointsResults) -> int:
    """One row per item, most points first: everyone's total, mean and share, then those of each group."""
    groups = results.groups
    headers = ['Onderwerp', *(name.capitalize() for name in COLUMNS),
               *(f'{group.name} ({group.respondents}) {name}' for group in groups for name in COLUMNS)]
    rows = [(item.card.text, *_numbers(item), *(number for group in groups for number in _numbers(group.items[index])))
            for index, item in enumerate(results.items)]
    end = table(sheet, row, headers, rows)
    chart(sheet, row, len(headers) + 2, len(rows), step.title, True)
    notes = [f'{results.respondents} deelnemers verdeelden {results.points} punten; ieder had er {results.budget}. '
             'Gemiddeld: per deelnemer die punten gaf. Aandeel: deel van alle gegeven punten.']
    if results.hidden_respondents and groups:
        notes.append(f'{results.hidden_respondents} van hen staan niet in een groep: zij kozen geen perspectief '
                     'of hun groep is te klein.')
    for offset, note in enumerate(notes):
        write(sheet.cell(end - 1 + offset, 1), note)
    return max(end + len(notes), row + CHART_ROWS if rows else 0)


def _numbers(item: ItemPoints) -> tuple[int, float, float]:
    return item.total, item.mean, item.share
