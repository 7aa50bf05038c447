"""A dot vote in the workbook: each dot a Stemmen row; the dots per card in the Samenvatting."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl.worksheet.worksheet import Worksheet

from ...export.blocks import bars
from ...models import Answer, Step
from .rules import DotResults

if TYPE_CHECKING:  # the export imports the registry, which imports every kind
    from ...export.facts import Facts


def vote(answer: Answer) -> tuple[Any, str, str]:
    return answer.value, answer.choice, answer.choice


def summary(sheet: Worksheet, row: int, facts: Facts, step: Step, results: DotResults) -> int:
    texts = {str(card.id): card.text for card in results.cards}
    return bars(sheet, row, 'Kaartje', results.votes, lambda label: texts[label], step.title)
