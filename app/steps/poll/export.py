"""A poll in the workbook: each choice a Stemmen row; the counts per option in the Samenvatting."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl.worksheet.worksheet import Worksheet

from ...export.blocks import bars
from ...models import Answer, Step
from ..shapes import Bars

if TYPE_CHECKING:  # the export imports the registry, which imports every kind
    from ...export.facts import Facts


def vote(answer: Answer) -> tuple[Any, str, str]:
    return None, answer.choice, answer.choice


def summary(sheet: Worksheet, row: int, facts: Facts, step: Step, results: Bars) -> int:
    return bars(sheet, row, 'Antwoord', results, str, step.title)
