"""A cards step in the Samenvatting: its cards with their motivation and how many were merged into each."""
from __future__ import annotations

from typing import TYPE_CHECKING
from openpyxl.worksheet.worksheet import Worksheet

from ...export.blocks import table
from ...models import Step
from ..shapes import CardList

if TYPE_CHECKING:  # the export imports the registry, which imports every kind
    from ...export.facts import Facts


def summary(sheet: Worksheet, row: int, facts: Facts, step: Step, results: CardList) -> int:
    return table(sheet, row, ['Kaartje', 'Motivatie', 'Samengevoegd'],
                 [(card.text, card.motivation, len(card.merged)) for card in results.cards])
