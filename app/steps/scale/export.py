"""A scale step in the workbook: each answer a Stemmen row; counts, mean and median in the Samenvatting."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl.worksheet.worksheet import Worksheet

from ...export.blocks import bars, table
from ...models import Answer, Step
from .rules import ScaleResults

if TYPE_CHECKING:  # the export imports the registry, which imports every kind
    from ...export.facts import Facts


def vote(answer: Answer) -> tuple[Any, str, str]:
    return answer.value, answer.choice, answer.choice


def summary(sheet: Worksheet, row: int, facts: Facts, step: Step, results: ScaleResults) -> int:
    row = bars(sheet, row, 'Cijfer', results.votes, int, step.title, horizontal=False)
    return table(sheet, row, ['Gemiddelde', 'Mediaan'], [(results.mean, results.median)])
