"""The printed kit of a workshop (one PDF): a poster with the QR code, the short code and the written join address;
a table card with what a table host does, one per table that has a host (one with a blank for the table otherwise); and the paper form of every step whose kind prints one now
(`paper_form`, app/steps/paper.py). Printed before the session it has the forms the plan makes possible; printed
during the session also those that list the cards written so far (stippen, the ladder).

Large type (at least 14 points), black on white, and nothing said by colour alone: a box to tick and a line to write
on are drawn shapes beside their words. In the facilitator's language (Dutch by default); every text through
app/i18n. Blocks: the console calls it in a worker process."""
from __future__ import annotations

from . import table_hosts
from . import workshop as workshops
from .config import settings
from .i18n import DEFAULT_LANGUAGE, Translator
from .models import Step, Workshop
from .pdf import Document
from .steps import kind_of
from .steps.paper import Note, PaperForm, Part, Tick, Write, text_of

SIZES = {'title': 28, 'heading': 20, 'subheading': 16, 'text': 16, 'address': 14, 'code': 48, 'footer': 14}  # points
BOLD = {'title', 'heading', 'subheading', 'code'}
LINE_GAP = 11  # millimetres between lines to write on: room for handwriting
BOX = 8  # millimetres: a box to tick
BOXES_IN_A_ROW = 5
SHORT = 3  # characters: choices this short (numbers of a scale or a rung) stand side by side
HOST_STEPS = ('kit.host_welcome', 'kit.host_phone', 'kit.host_paper', 'kit.host_read', 'kit.host_collect',
              'kit.host_help')


def pdf(workshop_id: int, language: str = DEFAULT_LANGUAGE) -> bytes:
    tr = Translator(language)
    state = workshops.state(workshop_id)
    workshop = state.workshop
    document = Document(tr('kit.title', title=workshop.title), SIZES, BOLD, tr.language)
    _poster(document, tr, workshop)
    for table in table_hosts.tables_of(workshop_id) or [None]:
        _table_card(document, tr, workshop, table)
    for number, step in enumerate(state.steps, start=1):
        form = kind_of(step.kind).paper_form(step, workshop, workshops.asks(step.id))
        if form is not None:
            document.add_page()
            _form(document, tr, workshop, number, step, form)
    return bytes(document.output())


def filename(workshop: Workshop) -> str:
    return f'materiaal-{workshop.code}.pdf'


def _poster(document: Document, tr: Translator, workshop: Workshop) -> None:
    address = workshops.join_address(workshop.join_token)
    document.block('title', tr('kit.poster_title'), align='C')
    document.block('heading', workshop.title, align='C')
    if workshop.question:
        document.block('text', workshop.question, align='C')
    document.block('text', tr('screen.scan'), align='C')
    document.qr(address, 95)
    document.block('text', tr('screen.or_type_code', address=settings().effective_public_url), align='C')
    document.block('code', workshop.code, align='C')
    document.block('address', address, align='C')
    document.block('subheading', tr('kit.poster_paper'), align='C')


def _table_card(document: Document, tr: Translator, workshop: Workshop, table: str | None) -> None:
    document.add_page()
    document.block('title', tr('kit.table_title'))
    if table is None:
        _part(document, tr, Write(('kit.table', {}), lines=1))
    else:
        document.block('heading', tr('kit.table_named', table=table))
    document.block('heading', tr('kit.host_heading'))
    for number, key in enumerate(HOST_STEPS, start=1):
        document.block('text', tr('kit.numbered', number=number, text=tr(key)))
    document.block('subheading', tr('kit.join', code=workshop.code))
    document.block('address', workshops.join_address(workshop.join_token))
    if table is not None:  # this table's own code: a phone that scans it joins at this table
        document.block('text', tr('kit.table_qr', table=table))
        document.qr(workshops.join_address(workshop.join_token, table), 60)


def _form(document: Document, tr: Translator, workshop: Workshop, number: int, step: Step, form: PaperForm) -> None:
    document.block('heading', tr('kit.form_title', number=number, title=step.title))
    document.block('text', tr('kit.form_for', title=workshop.title, code=workshop.code))
    if step.body:
        document.block('text', step.body)
    for part in (Write(('kit.who', {}), lines=1), Write(('kit.table', {}), lines=1), *form.parts):
        _part(document, tr, part)


def _part(document: Document, tr: Translator, part: Part) -> None:
    if isinstance(part, Note):
        if part.strong:  # a card or a rung: not alone at the foot of a page, away from what is about it
            _keep_together(document, 3 * LINE_GAP)
        document.block('subheading' if part.strong else 'text', text_of(tr, part.text))
    elif isinstance(part, Write):
        _keep_together(document, SIZES['text'] * 0.5 + LINE_GAP * part.lines)
        document.block('text', text_of(tr, part.label))
        for _ in range(part.lines):
            document.ln(LINE_GAP - 2)
            document.set_line_width(0.4)
            document.line(document.l_margin, document.get_y(), document.w - document.r_margin, document.get_y())
        document.ln(4)
    elif all(len(text_of(tr, choice)) <= SHORT for choice in part.choices):
        _side_by_side(document, tr, part)
    else:
        for choice in part.choices:
            _tick(document, text_of(tr, choice), part.boxes)


def _side_by_side(document: Document, tr: Translator, part: Tick) -> None:
    """Short choices in rows, each a box with its number after it."""
    width = BOX + 16
    in_a_row = int(document.epw // width)
    for start in range(0, len(part.choices), in_a_row):
        _keep_together(document, BOX + 4)
        y = document.get_y()
        document.set_font(document.font_family, 'B', SIZES['text'])
        document.set_line_width(0.5)
        for index, choice in enumerate(part.choices[start:start + in_a_row]):
            x = document.l_margin + index * width
            document.rect(x, y, BOX, BOX)
            document.set_xy(x + BOX + 2, y)
            document.cell(12, BOX, text_of(tr, choice))
        document.set_xy(document.l_margin, y + BOX + 4)


def _tick(document: Document, text: str, boxes: int) -> None:
    """A choice: its boxes on the left (rows of BOXES_IN_A_ROW), its text beside them."""
    rows = -(-boxes // BOXES_IN_A_ROW)
    _keep_together(document, rows * (BOX + 2) + 2)
    y = document.get_y()
    document.set_line_width(0.5)
    for index in range(boxes):
        row, column = divmod(index, BOXES_IN_A_ROW)
        document.rect(document.l_margin + column * (BOX + 2), y + row * (BOX + 2), BOX, BOX)
    margin = document.l_margin
    document.set_left_margin(margin + min(boxes, BOXES_IN_A_ROW) * (BOX + 2) + 3)
    document.set_xy(document.l_margin, y)
    document.set_font(document.font_family, '', SIZES['text'])
    document.multi_cell(0, BOX, text, align='L', new_x='LMARGIN', new_y='NEXT')
    document.set_left_margin(margin)
    document.set_xy(margin, max(document.get_y(), y + rows * (BOX + 2)) + 2)


def _keep_together(document: Document, height: float) -> None:
    """A new page first when what follows (a label with its lines, a row of boxes) would not fit on this one."""
    if document.will_page_break(height):
        document.add_page()
