"""The pieces of the Samenvatting sheet a kind writes its block with: a plain table, and counts with a bar chart."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..steps.shapes import Bars
from .cells import safe_text, write
from .tables import BOLD

CHART_ROWS = 16  # rows a chart covers at its default height


def table(sheet: Worksheet, row: int, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    """A plain header and rows (no Excel table: this sheet is for reading); returns the row after a blank line."""
    for column, header in enumerate(headers, start=1):
        write(sheet.cell(row, column), header)
        sheet.cell(row, column).font = BOLD
    for offset, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            write(sheet.cell(row + offset, column), value)
    return row + len(rows) + 2


def bars(sheet: Worksheet, row: int, label_header: str, results: Bars, label_of: Callable[[str], Any], title: str,
         *, horizontal: bool = True) -> int:
    """Counts per label: everyone, then one column per perspective group that is large enough; a chart beside."""
    groups = results.groups
    headers = [label_header, 'Iedereen', *[f'{group.name} ({group.respondents})' for group in groups]]
    rows = [(label_of(bar.label), bar.count, *[group.bars[index].count for group in groups])
            for index, bar in enumerate(results.bars)]
    end = table(sheet, row, headers, rows)
    chart(sheet, row, len(headers) + 2, len(rows), title, horizontal)
    notes = [f'{results.respondents} deelnemers gaven antwoord.']
    if results.hidden_respondents and groups:
        notes.append(f'{results.hidden_respondents} van hen staan niet in een groep: zij kozen geen perspectief '
                     'of hun groep is te klein.')
    for offset, note in enumerate(notes):
        write(sheet.cell(end - 1 + offset, 1), note)
    return max(end + len(notes), row + CHART_ROWS)


def chart(sheet: Worksheet, row: int, column: int, count: int, title: str, horizontal: bool, *,
          series: int = 1) -> None:
    """Bars of the `series` columns after the label column of the table whose header is at `row`."""
    if not count:
        return
    bar_chart = BarChart()
    bar_chart.type = 'bar' if horizontal else 'col'
    bar_chart.title = safe_text(title)[:200]
    bar_chart.add_data(Reference(sheet, min_col=2, max_col=1 + series, min_row=row, max_row=row + count),
                       titles_from_data=True)
    bar_chart.set_categories(Reference(sheet, min_col=1, min_row=row + 1, max_row=row + count))
    bar_chart.x_axis.delete = bar_chart.y_axis.delete = False  # openpyxl 3.1 hides the axes otherwise
    if horizontal:
        bar_chart.x_axis.scaling.orientation = 'maxMin'  # the first bar on top, as in the table
    if series == 1:
        bar_chart.legend = None
    sheet.add_chart(bar_chart, f'{get_column_letter(column)}{row}')
