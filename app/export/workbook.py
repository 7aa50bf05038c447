"""The Excel workbook the municipality imports: a contract, not a dump.

Sheet names, their order, table names and column headers are fixed by SCHEMA_VERSION; change them only
together with that number. The Toelichting sheet is written from the same column definitions, so the
documentation cannot drift from the data. Every function blocks: the console runs `in_worker` in a worker process
(run.cpu_bound), which opens its own database engine from the settings."""
from __future__ import annotations

import os
from collections import Counter
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from .. import report
from ..config import settings
from ..feedback import DECISIONS
from ..models import Workshop
from ..steps import KINDS
from ..steps.kind import DOT_VOTE
from . import summary
from .cells import write
from .columns import CARD, CARD_TEXT, DECISION, MOMENT, PARTICIPANT, PERSPECTIVE, RESPONSE, SOURCE, STEP, TABLE, \
    decision_list, response_cells
from .facts import Facts, read
from .tables import Column, put_table

# 1.1: Kaarten got Herkomst; 1.2: the municipality's response columns, Verslag, Weggehaald;
# 1.3: Deelnemers, Stemmen and Ladder got Bron (telefoon, papier) and Tafel
SCHEMA_VERSION = '1.3'
READABLE_SCHEMAS = ('1.0', '1.1', '1.2', SCHEMA_VERSION)  # what a follow-up session can start from
RESPONSE_SCHEMAS = ('1.2', SCHEMA_VERSION)  # the workbooks that have the response columns
READ_SHEETS = ('Sessie', 'Stappen', 'Kaarten', 'Ladder')  # the sheets a follow-up or a response upload reads
WORKER_NICENESS = 10  # 0 is normal, 19 the lowest priority
CORE_SHEETS = {  # name: (its Excel tables, what it holds); the kinds' own sheets come before the Toelichting
    'Samenvatting': ('', 'De uitkomsten per stap om te lezen, met grafieken. Per perspectief alleen groepen die groot '
                         'genoeg zijn.'),
    'Verslag': ('', 'Het participatieverslag: wie deden mee en hoe, wat er gevraagd is, de uitkomsten per stap en wat '
                    'de gemeente ermee doet (en wat niet, en waarom). Dezelfde tekst als de PDF.'),
    'Sessie': ('Sessie, Perspectieven', 'De bijeenkomst zelf (gegeven en waarde) en hoeveel deelnemers er per '
                                        'perspectief waren.'),
    'Stappen': ('Stappen', 'Elke stap van het programma, in volgorde. Eén rij per stap.'),
    'Deelnemers': ('Deelnemers', 'Eén rij per deelnemer. De deelnemercode verbindt dit blad met de andere bladen.'),
    'Kaarten': ('Kaarten', 'Eén rij per kaartje: geschreven door een deelnemer of ingebracht door de begeleider.'),
    'Stemmen': ('Stemmen', 'Eén rij per antwoord bij schaal, peiling, stippen en draagvlak: een stip, een cijfer, '
                           'een keuze. Antwoorden van papier tellen mee zoals die van een telefoon (kolom Bron).'),
}
EXPLANATION = 'Toelichting'
KIND_SHEETS = {declared.export.sheet.name: declared.export.sheet for declared in KINDS.values()
               if declared.export.sheet}
SHEETS = {**CORE_SHEETS, **{name: (sheet.tables, sheet.about) for name, sheet in KIND_SHEETS.items()},
          EXPLANATION: ('Bladen, Kolommen, Soorten, Treden, Besluiten', 'Deze uitleg: elk blad, elke kolom, de '
                                                                        'soorten stappen, de treden van de ladder en '
                                                                        'de besluiten.')}
DECISION_MEANINGS = {
    'overgenomen': 'De gemeente doet wat het kaartje vraagt.',
    'deels overgenomen': 'De gemeente doet een deel ervan; de toelichting zegt welk deel en waarom de rest niet.',
    'niet overgenomen': 'De gemeente doet het niet; de toelichting zegt waarom niet.',
    'wordt onderzocht': 'De gemeente zoekt het nog uit; de toelichting zegt wat en wanneer.',
}
STATUS = {'draft': 'concept', 'open': 'open', 'ended': 'afgelopen'}

SESSION = (Column('Gegeven', 'Wat er beschreven wordt.', 24),
           Column('Waarde', 'De waarde: tekst, getal of datum en tijd.', 60))
PERSPECTIVES = (Column('Perspectief', 'Een perspectief uit het programma; "Niet gezegd" als de deelnemer niets '
                                      'koos. Dit zijn tellingen van de hele zaal.', 40),
                Column('Deelnemers', 'Aantal deelnemers met dit perspectief.', 12))
STEPS = (STEP,
         Column('Sleutel', 'Vaste naam van de stap in het programma, gelijk in elke bijeenkomst met dit programma.',
                14),
         Column('Soort', 'Soort stap; zie de tabel Soorten hieronder.', 12),
         Column('Titel', 'Titel van de stap.', 40),
         Column('Geopend', 'Wanneer de stap voor het eerst openging; leeg als hij nooit openging.', 19),
         Column('Gesloten', 'Wanneer de begeleider de stap sloot; leeg als hij open bleef.', 19),
         Column('Reacties', 'Aantal kaartjes (kaartjes), antwoorden (schaal, peiling, stippen, draagvlak), '
                            'plaatsingen (ladder) of gekozen perspectieven (perspectief).', 10),
         Column('Deelnemers met reactie', 'Aantal verschillende deelnemers die bij deze stap iets gaven.', 12))
STEPS_WRITTEN = (*STEPS, Column('Weggehaald', '"ja" als de begeleider de stap uit het programma haalde; de kaartjes '
                                              'en antwoorden staan er nog bij. Anders "nee".', 12))  # not read back
PARTICIPANTS = (PARTICIPANT, PERSPECTIVE,
                Column('Meegedaan op', 'Wanneer de deelnemer binnenkwam.', 19), SOURCE, TABLE)
NICKNAME = Column('Bijnaam', 'Voornaam of bijnaam die de deelnemer zelf invulde (alleen als daarom gevraagd is).',
                  16)
CARDS = (CARD, STEP,
         Column('Tekst', 'Tekst van het kaartje, zoals de deelnemer het schreef.', 50),
         Column('Motivatie', 'Waarom de deelnemer dit belangrijk vindt (als de stap daarom vroeg).', 40),
         Column('Auteur', 'Code van de deelnemer die het kaartje schreef; zie blad Deelnemers.', 12),
         PERSPECTIVE,
         Column('Groep', 'Nummer van het kaartje waarmee dit kaartje is samengevoegd; leeg als het los staat.', 8),
         Column('Verborgen', '"ja" als de begeleider het kaartje verborg, anders "nee".', 10),
         Column('Stippen', 'Aantal stippen dat precies dit kaartje kreeg (stippen op een samengevoegd kaartje '
                           'tellen hier, niet bij de groep).', 9),
         Column('Geschreven op', 'Wanneer het kaartje verstuurd werd.', 19),
         Column('Herkomst', 'Leeg als een deelnemer het kaartje schreef. Anders waar het vandaan kwam: plan (stond in '
                            'het programma), begeleider (getypt tijdens de bijeenkomst), lijst (uit een Excel-lijst) '
                            'of sessie met een code (uit een eerdere bijeenkomst).', 16),
         *RESPONSE)
VOTES = (STEP, Column('Soort', 'Soort stap; de tabel Soorten hieronder zegt per soort wat Waarde, Keuze en Antwoord '
                                 'betekenen.', 11), PARTICIPANT, PERSPECTIVE,
         Column('Kaart', 'Nummer van het kaartje waar het antwoord over gaat; leeg als het niet over een kaartje gaat.',
                8),
         CARD_TEXT,
         Column('Waarde', 'Een getal, als de soort stap daarom vraagt (een cijfer, een stip, punten); anders leeg.', 8),
         Column('Keuze', 'De keuze zoals de app die bewaart (bijvoorbeeld ja_maar bij draagvlak).', 14),
         Column('Antwoord', 'De keuze in gewone woorden.', 24),
         Column('Reden', 'De reden die de deelnemer gaf, als die er is.', 40),
         MOMENT, SOURCE, TABLE)


def build(workshop_id: int) -> Workbook:
    facts = read(workshop_id)
    book = Workbook()
    book.remove(book.active)
    sheets = {name: book.create_sheet(name) for name in SHEETS}
    summary.write_sheet(sheets['Samenvatting'], facts)
    report.write_sheet(sheets['Verslag'], workshop_id)
    fills = {'Sessie': _session, 'Stappen': _steps, 'Deelnemers': _participants, 'Kaarten': _cards,
             'Stemmen': _votes, **{name: sheet.fill for name, sheet in KIND_SHEETS.items()}}
    for name, fill in fills.items():
        fill(sheets[name], facts)
        sheets[name].freeze_panes = 'A2'
    _explanation(sheets[EXPLANATION], facts)
    return book


def export(workshop_id: int, path_or_stream: str | Path | IO[bytes]) -> None:
    build(workshop_id).save(path_or_stream)


def as_bytes(workshop_id: int) -> bytes:
    stream = BytesIO()
    export(workshop_id, stream)
    return stream.getvalue()


def in_worker(workshop_id: int) -> bytes:
    """as_bytes for the console's worker process, at a lower CPU priority than the live server: on a busy
    machine the phones and the screen keep their share of the processor and the export waits."""
    os.setpriority(os.PRIO_PROCESS, 0, WORKER_NICENESS)
    return as_bytes(workshop_id)


def filename(workshop: Workshop, day: date | None = None) -> str:
    day = day or datetime.now(ZoneInfo(settings().timezone)).date()
    return f'samenspraak-{workshop.code}-{day.isoformat()}.xlsx'


# --- the data sheets ---------------------------------------------------------------------------------------

def _session(sheet: Worksheet, facts: Facts) -> None:
    workshop = facts.workshop
    rows = [('Gemeente', workshop.municipality), ('Titel', workshop.title), ('Vraag', workshop.question),
            ('Begonnen op', facts.local(workshop.created_at)), ('Afgelopen op', facts.local(workshop.ended_at)),
            ('Plaats', workshop.place), ('Begeleider', workshop.facilitator), ('Programma', workshop.plan_name),
            ('Code', workshop.code), ('Status', STATUS.get(workshop.status, workshop.status)),
            ('Deelnemers', len(facts.participants)), ('Minimale groepsgrootte', workshop.min_group_size),
            ('Schemaversie', SCHEMA_VERSION), ('Geëxporteerd op', facts.local(datetime.now(UTC)))]
    put_table(sheet, 'Sessie', SESSION, rows)
    room = Counter(person.perspective for person in facts.participants)
    names = [*workshop.perspectives, *sorted(set(room) - set(workshop.perspectives) - {''}), '']
    put_table(sheet, 'Perspectieven', PERSPECTIVES,
              [(name or 'Niet gezegd', room[name]) for name in names], column=len(SESSION) + 2)


def _steps(sheet: Worksheet, facts: Facts) -> None:
    given: dict[int, list[int | None]] = {step.id: [] for step in facts.steps}  # who responded, per step
    for fact in [*facts.cards, *facts.answers]:
        given[fact.step_id].append(fact.participant_id)
    rows = []
    for step in facts.steps:
        responders = facts.kind(step.id).export.responders
        if responders is not None:
            given[step.id] = responders(facts, step)
        rows.append((facts.step_number[step.id], step.key, _label(step.kind), step.title, facts.local(step.opened_at),
                     facts.local(step.closed_at), len(given[step.id]), len(set(given[step.id]) - {None}),
                     'nee' if step.removed_at is None else 'ja'))
    put_table(sheet, 'Stappen', STEPS_WRITTEN, rows)


def _participants(sheet: Worksheet, facts: Facts) -> None:
    with_nickname = any(person.nickname for person in facts.participants)
    columns = [*PARTICIPANTS, NICKNAME] if with_nickname else PARTICIPANTS
    put_table(sheet, 'Deelnemers', columns, (
        (person.pseudonym, facts.perspective[person.id], facts.local(person.joined_at), person.source,
         person.table_name, *([person.nickname] if with_nickname else [])) for person in facts.participants))


def _cards(sheet: Worksheet, facts: Facts) -> None:
    dots = Counter(answer.card_id for answer in facts.answers_where(lambda kind: kind.has(DOT_VOTE)))
    count = put_table(sheet, 'Kaarten', CARDS, (
        (card.id, facts.step_number[card.step_id], card.text, card.motivation, facts.pseudonym.get(card.participant_id),
         facts.perspective.get(card.participant_id, ''), card.group_id, 'ja' if card.hidden else 'nee', dots[card.id],
         facts.local(card.created_at), card.origin, *response_cells(facts, card.id)) for card in facts.cards))
    decision_list(sheet, CARDS.index(DECISION) + 1, count)


def _votes(sheet: Worksheet, facts: Facts) -> None:
    rows = []
    for answer in facts.answers_where(lambda kind: kind.export.vote is not None):
        kind = facts.kind(answer.step_id)
        value, choice, label = kind.export.vote(answer)
        person = facts.participant[answer.participant_id]
        rows.append((facts.step_number[answer.step_id], kind.export.label, person.pseudonym,
                     facts.perspective[person.id], answer.card_id, facts.card_text.get(answer.card_id),
                     value, choice, label, answer.reason, facts.local(answer.created_at), person.source,
                     person.table_name))
    put_table(sheet, 'Stemmen', VOTES, rows)


def _label(kind: str) -> str:
    return KINDS[kind].export.label if KINDS.get(kind) else kind


# --- the data dictionary -----------------------------------------------------------------------------------

def _explanation(sheet: Worksheet, facts: Facts) -> None:
    minimum = facts.workshop.min_group_size
    lines = [
        'Toelichting bij de Samenspraak-export',
        f'Schemaversie {SCHEMA_VERSION}. Bladen, tabellen en kolommen veranderen alleen met een nieuwe schemaversie.',
        'Elk gegevensblad heeft één kopregel en één rij per feit, als Excel-tabel met filters. Tijden staan in de '
        f'tijdzone {settings().timezone}.',
        'Privacy: deelnemers hebben een willekeurige code (zoals D-ABC123) die alleen in deze bijeenkomst geldt. '
        'Er staan geen namen, e-mailadressen of telefoonnummers in dit bestand. Een bijnaam staat er alleen in als de '
        'begeleider daarom vroeg en de deelnemer er zelf een invulde.',
        f'Een perspectief dat minder dan {minimum} deelnemers kozen, wordt niet genoemd bij losse antwoorden en '
        'niet apart getoond in de Samenvatting: zo is niemands antwoord terug te vinden.',
        'Kaartjes en redenen zijn vrije tekst van deelnemers. Lees ze na voordat u ze deelt. Deel dit bestand alleen '
        'met wie het nodig heeft en bewaar het niet langer dan nodig.',
        'Reactie van de gemeente: vul bij een kaartje (blad Kaarten of de tabel LadderPerKaart) Besluit, Toelichting, '
        'Wie pakt het op en Wanneer in, bewaar het bestand en upload het op de pagina van de begeleider. Verander de '
        'andere kolommen niet. Inwoners lezen het besluit en de toelichting op de uitkomstenpagina. Later opnieuw '
        'uploaden kan: de nieuwe reacties vervangen de oude.',
    ]
    for row, line in enumerate(lines, start=1):
        write(sheet.cell(row, 1), line)
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    row = len(lines) + 2
    row += _block(sheet, row, 'Bladen', ('Blad', 'Tabellen', 'Inhoud'),
                  [(name, tables, about) for name, (tables, about) in SHEETS.items()])
    columns = [('Sessie', SESSION), ('Sessie', PERSPECTIVES), ('Stappen', STEPS_WRITTEN),
               ('Deelnemers', [*PARTICIPANTS, NICKNAME]), ('Kaarten', CARDS), ('Stemmen', VOTES),
               *[table for sheet in KIND_SHEETS.values() for table in sheet.columns(facts)]]
    row += _block(sheet, row, 'Kolommen', ('Blad', 'Kolom', 'Uitleg'),
                  [(name, spec.header, spec.about) for name, specs in columns for spec in specs])
    row += _block(sheet, row, 'Soorten', ('Soort', 'Code', 'Uitleg'),
                  [(declared.export.label, declared.name, declared.export.about) for declared in KINDS.values()])
    row += _block(sheet, row, 'Treden', ('Trede', 'Naam', 'Uitleg'),
                  [(number, rung['label'], rung.get('explanation', ''))
                   for number, rung in enumerate(facts.workshop.ladder, start=1)])
    _block(sheet, row, 'Besluiten', ('Besluit', 'Betekenis'),
           [(decision, DECISION_MEANINGS[decision]) for decision in DECISIONS])


def _block(sheet: Worksheet, row: int, name: str, headers: tuple[str, ...], rows: list[tuple[Any, ...]]) -> int:
    """A titled table of up to three columns; returns the rows it used, with a blank row after it."""
    write(sheet.cell(row, 1), name)
    sheet.cell(row, 1).font = Font(bold=True, size=12)
    columns = [Column(header, '', width) for header, width in zip(headers, (16, 30, 100))]
    return put_table(sheet, name, columns, rows, row=row + 1) + 4
