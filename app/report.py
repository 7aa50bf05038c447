"""The participatieverslag: who took part and how, what was asked, what came out of each step, and what the
municipality does with it (and what not, and why). One list of blocks, written as a PDF (to attach to a council
proposal) and as the workbook's Verslag sheet. Also the A4 with the results page's QR code, to hang up or hand out.

In Dutch, the language of the council; every text through app/i18n. The PDF is app/pdf.py's document, whose font has
the glyphs residents type. Blocks: the console calls through run.io_bound."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from . import feedback, outcomes
from . import workshop as workshops
from .config import settings
from .export.cells import write
from .feedback import DECISIONS
from .i18n import Translator
from .models import Workshop
from .outcomes import Outcomes
from .pdf import Document
from .steps.outcome import say

SIZES = {'title': 18, 'heading': 14, 'subheading': 12, 'text': 11, 'item': 11, 'detail': 10}  # points
BOLD = {'title', 'heading', 'subheading'}
Block = tuple[str, str]  # (style, text): one of SIZES, and the text


def blocks(workshop_id: int, tr: Translator | None = None) -> list[Block]:
    tr = tr or Translator()
    found = outcomes.read(workshop_id)
    workshop = found.workshop
    out: list[Block] = [('title', tr('report.title', title=workshop.title)), ('heading', tr('report.about'))]
    out += [('text', tr(key, value=value)) for key, value in (
        ('report.municipality', workshop.municipality), ('report.place', workshop.place),
        ('report.facilitator', workshop.facilitator), ('report.plan', workshop.plan_name),
        ('report.code', workshop.code)) if value]
    out.append(('text', tr('report.held', start=_day(workshop.created_at), end=_day(workshop.ended_at))
                if workshop.ended_at else tr('report.held_open', start=_day(workshop.created_at))))
    out += _who(found, tr) + _asked(found, tr) + _results(found, tr) + _done(found, tr)
    out.append(('text', tr('report.link', url=feedback.results_url(workshop_id))))
    return out


def _who(found: Outcomes, tr: Translator) -> list[Block]:
    out: list[Block] = [('heading', tr('report.who')), ('text', tr('results_page.participants', count=found.participants)),
                        ('text', tr('report.by_phone'))]
    out += [('item', tr('results_page.perspective', perspective=perspective, count=count))
            for perspective, count in found.perspectives]
    if found.unnamed:
        out.append(('text', tr('results_page.unnamed', count=found.unnamed, min=found.workshop.min_group_size)))
    out.append(('subheading', tr('report.sources')))
    for origin, count in sorted(found.card_sources.items()):
        key = 'report.source_session' if origin.startswith('sessie ') else f'report.source_{origin or "residents"}'
        out.append(('item', tr(key, count=count, code=origin.removeprefix('sessie '))))
    return out


def _asked(found: Outcomes, tr: Translator) -> list[Block]:
    out: list[Block] = [('heading', tr('report.asked'))]
    if found.workshop.question:
        out.append(('text', found.workshop.question))
    return out + [('text', tr('report.steps', count=len(found.steps)))] + [
        ('item', step.title) for step, _ in found.steps]


def _results(found: Outcomes, tr: Translator) -> list[Block]:
    out: list[Block] = [('heading', tr('report.results'))]
    for step, outcome in found.steps:
        out.append(('subheading', step.title))
        out += [('text', say(tr, line)) for line in outcome.lines]
        for item in outcome.items:
            out.append(('item', ' — '.join([item.text, *[say(tr, figure) for figure in item.figures]])))
            if item.detail:
                out.append(('detail', tr('results_page.why', text=item.detail)))
    return out


def _done(found: Outcomes, tr: Translator) -> list[Block]:
    """Per decision the cards it was given, with why, who and when; then how many still wait for an answer."""
    cards = {item.card_id: item.text for _, outcome in found.steps for item in outcome.items if item.card_id}
    out: list[Block] = [('heading', tr('report.done'))]
    for decision in DECISIONS:
        given = [(card_id, answer) for card_id, answer in found.answers.items()
                 if card_id in cards and answer.decision == decision]
        if not given:
            continue
        out.append(('subheading', tr('decision.' + decision.replace(' ', '_'))))
        for card_id, answer in given:
            out.append(('item', cards[card_id]))
            out += [('detail', text) for text in (
                answer.explanation, answer.owner and tr('results_page.owner', owner=answer.owner),
                answer.due and tr('results_page.due', due=answer.due)) if text]
    waiting = len(set(cards) - set(found.answers))
    out.append(('text', tr('report.waiting', count=waiting) if waiting else tr('report.all_answered')))
    return out


def _day(moment: datetime) -> str:
    return moment.astimezone(ZoneInfo(settings().timezone)).strftime('%d-%m-%Y')


# --- the PDF -----------------------------------------------------------------------------------------------------

def _document(title: str) -> Document:
    return Document(title, SIZES, BOLD)


def pdf(workshop_id: int) -> bytes:
    content = blocks(workshop_id)
    document = _document(content[0][1])
    for style, text in content:
        document.block(style, text)
    document.qr(feedback.results_url(workshop_id), 40)
    return bytes(document.output())


def poster(workshop_id: int, tr: Translator | None = None) -> bytes:
    """An A4 with the results page's QR code, for the wall of the community centre or to hand out."""
    tr = tr or Translator()
    workshop = workshops.state(workshop_id).workshop
    url = feedback.results_url(workshop_id)
    document = _document(tr('report.poster_title'))
    document.block('title', tr('report.poster_title'))
    document.block('heading', workshop.title)
    document.block('text', tr('report.poster_text'))
    document.ln(6)
    document.qr(url, 120)
    document.block('text', url)
    return bytes(document.output())


def filename(workshop: Workshop, name: str = 'participatieverslag') -> str:
    return f'{name}-{workshop.code}.pdf'


# --- the workbook's Verslag sheet --------------------------------------------------------------------------------

def write_sheet(sheet: Worksheet, workshop_id: int) -> None:
    sheet.column_dimensions['A'].width = 120
    for row, (style, text) in enumerate(blocks(workshop_id), start=1):
        cell = sheet.cell(row, 1)
        write(cell, ('• ' if style == 'item' else '    ' if style == 'detail' else '') + text)
        cell.font = Font(bold=style in BOLD, size=SIZES[style])
        cell.alignment = Alignment(wrap_text=True, vertical='top')
