"""Excel in: a list of cards for a cards step, or an earlier session's workbook to start a follow-up session.

A card list is the first worksheet of an .xlsx file. Column A holds one card text per row, column B an optional
explanation (stored as the card's motivation); anything in a later column is refused. Empty rows are skipped.
The first filled row is a header, and skipped, when its column A is one of HEADERS (any case, a trailing colon
allowed). A cell counts as the value Excel shows (a formula by its last computed result; 12.0 reads as "12").

Everything is checked before anything is stored: one bad row and no card is added. Errors are DomainErrors
with a translation key. Every function blocks: pages call them through run.io_bound."""
from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO
from typing import Any
from zipfile import BadZipFile, ZipFile

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

from .. import workshop as workshops
from ..models import Workshop
from ..plans import Plan
from ..steps import KINDS, kind_of
from ..steps.base import CARD_MAX_LENGTH, MOTIVATION_MAX_LENGTH, DomainError
from ..steps.ladder.export import summary_columns as ladder_summary_columns
from ..text import TextError, clean
from . import workbook
from .cells import MAX_LENGTH
from .tables import Column

MAX_MEGABYTES = 5
MAX_BYTES = MAX_MEGABYTES * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * MAX_BYTES  # a small file that unpacks to gigabytes is refused before it is read
MAX_CARDS = 500
HEADERS = {'tekst', 'text', 'kaart', 'kaartje', 'kaartjes', 'kaarttekst', 'idee', 'ideeën', 'card', 'idea'}
LIST_ORIGIN = 'lijst'
ROW_ERRORS = {'error.text_empty': 'intake.row_empty', 'error.text_too_long': 'intake.row_too_long'}
KIND_CODES = {declared.export.label: declared.name for declared in KINDS.values()}  # 'Soort' in the workbook -> kind


# --- a card list ---------------------------------------------------------------------------------------------

def read_card_list(data: bytes, *, max_length: int = CARD_MAX_LENGTH) -> list[tuple[str, str]]:
    """(text, explanation) per filled row of the first worksheet, cleaned; refused whole when any row is wrong."""
    book = _open(data, read_only=True)
    try:
        cards: list[tuple[str, str]] = []
        filled = 0
        for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
            values = [_shown(value).strip() for value in row]
            if not any(values):
                continue
            filled += 1
            if any(values[2:]):
                raise DomainError('intake.too_many_columns', row=number)
            text, explanation = (values + ['', ''])[:2]
            if filled == 1 and text.rstrip(':').lower() in HEADERS:
                continue
            if len(cards) == MAX_CARDS:
                raise DomainError('intake.too_many_cards', max=MAX_CARDS)
            cards.append((_clean(text, number, max_length=max_length),
                          _clean(explanation, number, max_length=MOTIVATION_MAX_LENGTH, required=False)))
    finally:
        book.close()
    if not cards:
        raise DomainError('intake.empty')
    return cards


def add_card_list(step_id: int, data: bytes) -> int:
    """Read a card list and add its cards to a step with cards of its own (a cards step, a ladder without
    `cards_from`), marked as coming from a list; returns how many."""
    step = workshops.own_cards_step(step_id)
    cards = read_card_list(data, max_length=kind_of(step.kind).card_max_length(step))
    workshops.seed_cards(step_id, cards, origin=LIST_ORIGIN)
    return len(cards)


# --- a follow-up session -------------------------------------------------------------------------------------

def start_follow_up(data: bytes, plan: Plan, *, title: str = '', owner_id: int | None = None) -> Workshop:
    """A new workshop from `plan` that continues the session exported in `data`.

    The earlier idea step's visible cards (the step 'ideeen', else the first cards step) go to the new idea step,
    merged cards still merged into their lead, marked 'sessie <code>'. The earlier ladder summary per card is
    kept in Workshop.previous. The title is `title`, else the earlier session's title."""
    target = workshops.idea_step([(step.key, step.kind) for step in plan.steps])
    if target is None:
        raise DomainError('intake.no_cards_step')
    max_length = kind_of(plan.steps[target].kind).card_max_length(plan.steps[target])
    book = _open(data, read_only=False)  # Excel tables are only visible outside read-only mode
    if book.sheetnames != list(workbook.SHEETS):
        raise DomainError('intake.not_our_workbook')
    facts = {row['Gegeven']: row['Waarde'] for _, row in _table(book['Sessie'], 'Sessie', workbook.SESSION)}
    if facts.get('Schemaversie') not in workbook.READABLE_SCHEMAS:
        raise DomainError('intake.wrong_schema', found=_shown(facts.get('Schemaversie')),
                          expected=workbook.SCHEMA_VERSION)
    cards, merged_into = _idea_cards(book, max_length=max_length)
    previous = {'code': _fact(facts, 'Code'), 'title': _fact(facts, 'Titel'), 'ladder': _ladder(book)}
    if not previous['code']:
        raise DomainError('intake.not_our_workbook')
    return workshops.create_follow_up(plan, title=title or previous['title'], municipality=_fact(facts, 'Gemeente'),
                                      previous=previous, cards=cards, merged_into=merged_into, owner_id=owner_id)


def _idea_cards(book: Workbook, *, max_length: int) -> tuple[list[tuple[str, str]], dict[int, int]]:
    """The visible cards of the earlier idea step, and for each merged card the index of its lead."""
    steps = [row for _, row in _table(book['Stappen'], 'Stappen', workbook.STEPS)]
    source = workshops.idea_step([(_shown(row['Sleutel']), KIND_CODES.get(row['Soort'], '')) for row in steps])
    source_number = steps[source]['Stap'] if source is not None else None
    rows = [(number, row) for number, row in _table(book['Kaarten'], 'Kaarten', workbook.CARDS)
            if row['Stap'] == source_number and row['Verborgen'] != 'ja']
    cards = [(_clean(row['Tekst'], number, max_length=max_length),
              _clean(row['Motivatie'], number, max_length=MOTIVATION_MAX_LENGTH, required=False))
             for number, row in rows]
    index = {row['Kaart']: position for position, (_, row) in enumerate(rows)}
    return cards, {position: index[row['Groep']] for position, (_, row) in enumerate(rows) if row['Groep'] in index}


def _ladder(book: Workbook) -> list[dict[str, Any]]:
    """The earlier ladder summary per card: its text, the medians now and desired, and the gap."""
    return [{'card': _clean(row['Kaarttekst'], number, max_length=MAX_LENGTH, required=False),
             'median_now': _number(row['Mediaan nu']), 'median_desired': _number(row['Mediaan gewenst']),
             'gap': _number(row['Verschil'])}
            for number, row in _table(book['Ladder'], 'LadderPerKaart', ladder_summary_columns(0))]


# --- reading -------------------------------------------------------------------------------------------------

def _open(data: bytes, *, read_only: bool) -> Workbook:
    if len(data) > MAX_BYTES:
        raise DomainError('intake.too_big', max=MAX_MEGABYTES)
    try:
        with ZipFile(BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except BadZipFile as error:
        raise DomainError('intake.not_a_workbook') from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise DomainError('intake.too_big', max=MAX_MEGABYTES)
    try:
        return load_workbook(BytesIO(data), read_only=read_only, data_only=True)
    except Exception as error:  # a zip that is no workbook fails in many ways (missing part, bad XML, …)
        raise DomainError('intake.not_a_workbook') from error


def _table(sheet: Worksheet, name: str, columns: Iterable[Column]) -> list[tuple[int, dict[str, Any]]]:
    """(row number, values by header) per row of an Excel table that has at least the given columns."""
    if name not in sheet.tables:
        raise DomainError('intake.not_our_workbook')
    min_col, min_row, max_col, max_row = CellRange(sheet.tables[name].ref).bounds
    rows = list(sheet.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col,
                                values_only=True))
    headers = list(rows[0])
    if not {column.header for column in columns} <= set(headers):
        raise DomainError('intake.not_our_workbook')
    return [(number, dict(zip(headers, row))) for number, row in enumerate(rows[1:], start=min_row + 1)
            if any(value is not None for value in row)]


def _shown(value: Any) -> str:
    """A cell's value as text, as a spreadsheet shows it."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return '' if value is None else str(value)


def _number(value: Any) -> float | None:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _fact(facts: dict[str, Any], name: str) -> str:
    """A fact of the Sessie sheet as one line of clean text; one our export cannot have written means a strange file."""
    try:
        return clean(_shown(facts.get(name)), max_length=workshops.TITLE_MAX_LENGTH, required=False, multiline=False)
    except TextError as error:
        raise DomainError('intake.not_our_workbook') from error


def _clean(value: Any, row: int, *, max_length: int, required: bool = True) -> str:
    try:
        return clean(_shown(value), max_length=max_length, required=required)
    except TextError as error:
        raise DomainError(ROW_ERRORS[error.key], row=row, **error.args_) from error
