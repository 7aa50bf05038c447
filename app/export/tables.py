"""An Excel table on a sheet: one bold header row, one row per fact, filter buttons, fixed column widths."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from .cells import write

BOLD = Font(bold=True)


@dataclass(frozen=True)
class Column:
    header: str
    about: str  # the column's meaning, for the Toelichting sheet
    width: int = 14


def put_table(sheet: Worksheet, name: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]], *,
              row: int = 1, column: int = 1) -> int:
    """Write the header and rows with their top-left corner at (row, column); return the number of rows."""
    for offset, spec in enumerate(columns):
        cell = sheet.cell(row, column + offset)
        write(cell, spec.header)
        cell.font = BOLD
        sheet.column_dimensions[get_column_letter(column + offset)].width = spec.width
    count = 0
    for count, values in enumerate(rows, start=1):
        for offset, value in enumerate(values):
            write(sheet.cell(row + count, column + offset), value)
    last_row = row + max(count, 1)  # an Excel table needs a data row, even an empty one
    ref = f'{get_column_letter(column)}{row}:{get_column_letter(column + len(columns) - 1)}{last_row}'
    sheet.add_table(Table(displayName=name, ref=ref,
                          tableStyleInfo=TableStyleInfo(name='TableStyleMedium2', showRowStripes=True)))
    return count
