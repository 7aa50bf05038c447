"""The Samenvatting sheet: each step's results for people to read, with a bar chart where it helps.

Each kind writes its own block (its export.summary) from the results in the export's one snapshot (the same
computation the screen shows), so groups below the minimum size are already left out of the per-perspective columns."""
from __future__ import annotations

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ..steps import kind_of
from .cells import write
from .facts import Facts


def write_sheet(sheet: Worksheet, facts: Facts) -> None:
    workshop = facts.workshop
    write(sheet.cell(1, 1), f'Uitkomsten: {workshop.title}')
    sheet.cell(1, 1).font = Font(bold=True, size=16)
    write(sheet.cell(2, 1), ', '.join(part for part in (workshop.municipality, workshop.place) if part))
    write(sheet.cell(3, 1), f'Per perspectief staan alleen groepen van minstens {workshop.min_group_size} '
                            'deelnemers; het getal tussen haakjes is het aantal deelnemers in die groep.')
    for letter, width in zip('ABCDEFGH', (50, 18, 18, 18, 18, 18, 18, 18)):
        sheet.column_dimensions[letter].width = width
    row = 5
    for number, step in enumerate(facts.steps, start=1):
        write(sheet.cell(row, 1), f'Stap {number}. {step.title}')
        sheet.cell(row, 1).font = Font(bold=True, size=13)
        block = kind_of(step.kind).export.summary
        row = (block(sheet, row + 1, facts, step, facts.results[step.id]) if block else row + 1) + 1
