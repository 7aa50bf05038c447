"""Cells that keep residents' text as text: never a formula, never an error value, never a broken file."""
from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

MAX_LENGTH = 32_767  # Excel's limit per cell
DATETIME_FORMAT = 'dd-mm-yyyy hh:mm:ss'
# characters openpyxl refuses, plus those that make the saved XML unreadable
_UNWRITABLE = re.compile(f'{ILLEGAL_CHARACTERS_RE.pattern}|[\ud800-\udfff\ufffe\uffff]')
_FORMULA_STARTS = ('=', '+', '-', '@', '\t', '\r')


def safe_text(value: object) -> str:
    """The text as it can be stored in a cell: writable characters only, at most Excel's length."""
    return _UNWRITABLE.sub('', str(value))[:MAX_LENGTH]


def write(cell: Cell, value: Any) -> None:
    """Put a value in a cell with its real type: text stays literal text, datetimes get a date-time format.

    Datetimes must already be naive local time; an empty string leaves the cell empty."""
    if isinstance(value, str):
        text = safe_text(value)
        cell.value = text or None
        if text:
            cell.data_type = 's'  # openpyxl made '=…' a formula and '#N/A' an error value
            if text.startswith(_FORMULA_STARTS):
                cell.quotePrefix = True  # and a spreadsheet must not re-read it as one
        return
    cell.value = value
    if isinstance(value, datetime):
        cell.number_format = DATETIME_FORMAT
