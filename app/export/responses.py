"""Excel in: the municipality's answers per card, filled in the workbook and uploaded back.

The answers stand in the columns RESPONSE of the Kaarten sheet and of the Ladder's per-card summary (LadderPerKaart),
matched by card id. A card listed twice (on both sheets) takes the answer that differs from the stored one, so a change
on either sheet counts; two different changes for one card are a conflict. An empty row takes a card's answer away.

Everything is checked before anything is stored: any problem, and nothing changes. The problems are DomainErrors
naming the sheet and row. A cell Excel holds as a formula (what typing `=…` gives) is a problem, since what the
analyst meant cannot be known; text that merely starts with `=` is kept as that text. Blocks: pages call through
run.io_bound."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.workbook.workbook import Workbook
from sqlmodel import select

from .. import db, feedback
from ..feedback import DECISIONS, Answer
from ..models import Card, Workshop
from ..steps.base import DomainError
from ..text import TextError, clean
from . import workbook
from .columns import CARD, CARD_TEXT, DECISION, RESPONSE
from .intake import open_workbook, session_facts, shown, table_cells
from .tables import Column

MAX_LENGTH = 2000  # per answer cell
MAX_PROBLEMS = 50  # a wholly wrong file is not reported cell by cell
TABLES = (('Kaarten', 'Kaarten', 'Tekst'), ('Ladder', 'LadderPerKaart', CARD_TEXT.header))  # sheet, table, text
FIELDS = ((RESPONSE[1].header, 'explanation'), (RESPONSE[2].header, 'owner'), (RESPONSE[3].header, 'due'))


class Refused(DomainError):
    """A file with problems: nothing was stored. `problems` says what is wrong, per sheet and row (the first
    MAX_PROBLEMS of them; `count` is how many there are)."""

    def __init__(self, problems: list[DomainError]) -> None:
        super().__init__('responses.refused', count=len(problems))
        self.problems = problems[:MAX_PROBLEMS]


def import_responses(workshop_id: int, data: bytes) -> int:
    """Read the answers in an uploaded workbook of this workshop and store them; returns how many cards changed."""
    with db.reading() as session:
        cards = {card.id: card.text for card in session.exec(select(Card).where(Card.workshop_id == workshop_id))}
        code = session.get(Workshop, workshop_id).code
    book = open_workbook(data, read_only=False, data_only=False)  # formulas as formulas, to refuse them
    facts = session_facts(book)
    if facts.get('Schemaversie') not in workbook.RESPONSE_SCHEMAS:
        raise DomainError('responses.no_columns', found=shown(facts.get('Schemaversie')))
    found = shown(facts.get('Code'))
    if found != code:
        raise DomainError('responses.other_workshop', found=found, code=code)
    stored = feedback.answers(workshop_id)
    given: dict[int, list[Answer | None]] = {}
    problems: list[DomainError] = []
    for card_id, answer in _rows(book, cards, problems):
        given.setdefault(card_id, []).append(answer)
    changes: dict[int, Answer | None] = {}
    for card_id, answers in given.items():
        changed = set(answers) - {stored.get(card_id)}
        if len(changed) > 1:
            problems.append(DomainError('responses.conflict', card=card_id))
        elif changed:
            changes[card_id] = changed.pop()
    if problems:
        raise Refused(problems)
    feedback.save(workshop_id, changes)
    return len(changes)


def _rows(book: Workbook, cards: dict[int, str], problems: list[DomainError]) -> Iterator[tuple[int, Answer | None]]:
    """(card id, answer or None) per row that passes; the problems of the others go to `problems`."""
    for sheet, table, text_header in TABLES:
        for row, cells in table_cells(book[sheet], table, (CARD, Column(text_header, ''), *RESPONSE)):
            where = {'sheet': sheet, 'row': row}
            card_id = cells[CARD.header].value
            if isinstance(card_id, float) and card_id.is_integer():
                card_id = int(card_id)
            if card_id not in cards:
                problems.append(DomainError('responses.unknown_card', card=shown(card_id), **where))
                continue
            if shown(cells[text_header].value) != cards[card_id]:
                problems.append(DomainError('responses.text_changed', card=card_id, **where))
                continue
            try:
                yield card_id, _answer(cells, where)
            except DomainError as problem:
                problems.append(problem)


def _answer(cells: dict[str, Cell], where: dict[str, Any]) -> Answer | None:
    """The answer in one row, None when its answer cells are empty; a DomainError when one of them is wrong."""
    texts = {header: _text(cells[header], header, where) for header, _ in
             ((DECISION.header, ''), *FIELDS)}
    decision = texts.pop(DECISION.header).lower()
    if decision and decision not in DECISIONS:
        raise DomainError('responses.bad_decision', value=decision, choices=', '.join(DECISIONS), **where)
    if not decision:
        if any(texts.values()):
            raise DomainError('responses.decision_missing', **where)
        return None
    return Answer(decision, **{name: texts[header] for header, name in FIELDS})


def _text(cell: Cell, header: str, where: dict[str, Any]) -> str:
    if cell.data_type in ('f', 'e'):  # a formula, or an error value such as #N/A
        raise DomainError('responses.formula', column=header, **where)
    value = cell.value
    if isinstance(value, datetime | date):  # Excel makes a typed date in Wanneer a date
        value = value.strftime('%d-%m-%Y')
    try:
        return clean(shown(value), max_length=MAX_LENGTH, required=False)
    except TextError as error:
        raise DomainError('responses.too_long', column=header, max=MAX_LENGTH, **where) from error
