"""The Samenvatting sheet: each step's results for people to read, with a bar chart where it helps.

The numbers come from each kind's rules `results()` (the same computation the screen shows), so groups
below the minimum size are already left out of the per-perspective columns."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .. import workshop as workshops
from ..steps import RULES
from .cells import safe_text, write
from .facts import Facts

BOLD = Font(bold=True)
CHART_ROWS = 16  # rows a chart covers at its default height
CONSENT = {'ja': 'Ja', 'ja_maar': 'Ja, maar…', 'nee_want': 'Nee, want…'}


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
        row = _step(sheet, row + 1, facts, step) + 1


def _step(sheet: Worksheet, row: int, facts: Facts, step: Any) -> int:
    """Write one step's results from `row` on; return the first free row after them."""
    if step.kind == 'ladder':
        return _ladder(sheet, row, step)
    if step.kind not in RULES:
        return row
    results = workshops.results(step.id)
    if step.kind == 'perspective':
        return _table(sheet, row, ['Perspectief', 'Deelnemers'],
                      [(line['perspective'] or 'Niet gezegd', line['count']) for line in results['counts']])
    if step.kind in ('cards', 'arrange'):
        return _table(sheet, row, ['Kaartje', 'Motivatie', 'Samengevoegd'],
                      [(card['text'], card['motivation'], len(card['merged'])) for card in results['cards']])
    if step.kind == 'scale':
        row = _bars(sheet, row, 'Cijfer', results, int, step.title, horizontal=False)
        return _table(sheet, row, ['Gemiddelde', 'Mediaan'], [(results['mean'], results['median'])])
    if step.kind == 'poll':
        return _bars(sheet, row, 'Antwoord', results, str, step.title)
    if step.kind == 'dots':
        texts = {str(card['id']): card['text'] for card in results['cards']}
        return _bars(sheet, row, 'Kaartje', results, lambda label: texts[label], step.title)
    if step.kind == 'consent':
        for item in results['items']:
            write(sheet.cell(row, 1), item['text'])
            sheet.cell(row, 1).font = BOLD
            row = _bars(sheet, row + 1, 'Antwoord', item, CONSENT.get, item['text'])
        return row
    return row


def _bars(sheet: Worksheet, row: int, label_header: str, results: dict[str, Any], label_of: Any, title: str,
          *, horizontal: bool = True) -> int:
    """Counts per label: everyone, then one column per perspective group that is large enough; a chart beside."""
    groups = results['groups']
    headers = [label_header, 'Iedereen', *[f'{group["perspective"]} ({group["respondents"]})' for group in groups]]
    rows = [(label_of(bar['label']), bar['count'], *[group['bars'][index]['count'] for group in groups])
            for index, bar in enumerate(results['bars'])]
    end = _table(sheet, row, headers, rows)
    _chart(sheet, row, len(headers) + 2, len(rows), title, horizontal)
    notes = [f'{results["respondents"]} deelnemers gaven antwoord.']
    if results['hidden_respondents'] and groups:
        notes.append(f'{results["hidden_respondents"]} van hen staan niet in een groep: zij kozen geen perspectief '
                     'of hun groep is te klein.')
    for offset, note in enumerate(notes):
        write(sheet.cell(end - 1 + offset, 1), note)
    return max(end + len(notes), row + CHART_ROWS)


LADDER_HEADERS = ['Kaartje', 'Mediaan nu', 'Mediaan gewenst', 'Verschil', 'Spreiding nu', 'Spreiding gewenst']


def _ladder(sheet: Worksheet, row: int, step: Any) -> int:
    """Medians, gap and spread per card as the screen shows them; then the same per perspective group."""
    results = workshops.results(step.id)
    texts = {card['id']: card['text'] for card in results['cards']}

    def rows(summaries: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
        return [(texts[card['card_id']], card['median_now'], card['median_desired'], card['gap'], card['spread_now'],
                 card['spread_desired']) for card in summaries]

    everyone = rows([{**card, 'card_id': card['id']} for card in results['cards']])
    end = _table(sheet, row, LADDER_HEADERS, everyone)
    if everyone:
        _chart(sheet, row, len(LADDER_HEADERS) + 2, len(everyone), step.title, True, series=2)
        end = max(end, row + CHART_ROWS)
    for group in results['groups']:
        write(sheet.cell(end, 1), f'{group["perspective"]} ({group["respondents"]})')
        sheet.cell(end, 1).font = BOLD
        end = _table(sheet, end + 1, LADDER_HEADERS, rows([group['cards'][card['id']] for card in results['cards']]))
    if results['hidden_respondents'] and results['groups']:
        write(sheet.cell(end, 1), f'{results["hidden_respondents"]} deelnemers staan niet in een groep: zij kozen '
                                  'geen perspectief of hun groep is te klein.')
        end += 2
    return end


def _table(sheet: Worksheet, row: int, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    """A plain header and rows (no Excel table: this sheet is for reading); returns the row after a blank line."""
    for column, header in enumerate(headers, start=1):
        write(sheet.cell(row, column), header)
        sheet.cell(row, column).font = BOLD
    for offset, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            write(sheet.cell(row + offset, column), value)
    return row + len(rows) + 2


def _chart(sheet: Worksheet, row: int, column: int, count: int, title: str, horizontal: bool, *,
           series: int = 1) -> None:
    """Bars of the `series` columns after the label column of the table whose header is at `row`."""
    if not count:
        return
    chart = BarChart()
    chart.type = 'bar' if horizontal else 'col'
    chart.title = safe_text(title)[:200]
    chart.add_data(Reference(sheet, min_col=2, max_col=1 + series, min_row=row, max_row=row + count),
                   titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=row + 1, max_row=row + count))
    chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl 3.1 hides the axes otherwise
    if horizontal:
        chart.x_axis.scaling.orientation = 'maxMin'  # the first bar on top, as in the table
    if series == 1:
        chart.legend = None
    sheet.add_chart(chart, f'{get_column_letter(column)}{row}')
