"""Consent in the workbook: each answer a Stemmen row with its reason; per item the counts in the Samenvatting."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl.worksheet.worksheet import Worksheet

from ...export.blocks import BOLD, bars
from ...export.cells import write
from ...models import Answer, Step
from .rules import ConsentResults

if TYPE_CHECKING:  # the export imports the registry, which imports every kind
    from ...export.facts import Facts

LABELS = {'ja': 'Ja', 'ja_maar': 'Ja, maar…', 'nee_want': 'Nee, want…'}


def vote(answer: Answer) -> tuple[Any, str, str]:
    return None, answer.choice, LABELS.get(answer.choice, answer.choice)


def summary(sheet: Worksheet, row: int, facts: Facts, step: Step, results: ConsentResults) -> int:
    for item in results.items:
        write(sheet.cell(row, 1), item.card.text)
        sheet.cell(row, 1).font = BOLD
        row = bars(sheet, row + 1, 'Antwoord', item.votes, LABELS.get, item.card.text)
    return row
