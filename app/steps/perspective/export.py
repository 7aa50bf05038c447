"""The perspective step in the workbook: who chose one, and the counts in the Samenvatting."""
from __future__ import annotations

from typing import TYPE_CHECKING
from openpyxl.worksheet.worksheet import Worksheet

from ...export.blocks import table
from ...models import Step
from .rules import PerspectiveResults

if TYPE_CHECKING:  # the export imports the registry, which imports every kind
    from ...export.facts import Facts


def responders(facts: Facts, step: Step) -> list[int | None]:
    return [person.id for person in facts.participants if person.perspective]


def summary(sheet: Worksheet, row: int, facts: Facts, step: Step, results: PerspectiveResults) -> int:
    return table(sheet, row, ['Perspectief', 'Deelnemers'],
                 [(line.perspective or 'Niet gezegd', line.count) for line in results.counts])
