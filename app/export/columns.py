"""Columns several sheets share, by their Dutch header: part of the workbook's contract (see workbook.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..feedback import DECISIONS, Answer
from .tables import Column

if TYPE_CHECKING:  # facts reads the kinds' results, and the ladder's export imports this module
    from .facts import Facts

STEP = Column('Stap', 'Nummer van de stap in het programma (1 is de eerste); zie blad Stappen.', 7)
PARTICIPANT = Column('Deelnemer', 'Code van de deelnemer (zoals D-ABC123); zie blad Deelnemers.', 12)
PERSPECTIVE = Column('Perspectief', 'Perspectief van de deelnemer. Leeg als de deelnemer niets koos, of als '
                                    'minder deelnemers dit perspectief kozen dan de minimale groepsgrootte.', 28)
CARD = Column('Kaart', 'Nummer van het kaartje; zie blad Kaarten.', 8)
CARD_TEXT = Column('Kaarttekst', 'Tekst van het kaartje.', 50)
SOURCE = Column('Bron', 'Hoe de deelnemer meedeed: telefoon (met de eigen telefoon) of papier (een tafelhulp vulde de '
                        'antwoorden in, van een papieren formulier of zoals de deelnemer ze zei).', 10)
TABLE = Column('Tafel', 'Aan welke tafel de deelnemer zat (zelf gekozen bij het meedoen, of de tafel van de tafelhulp); '
                        'leeg als er geen tafel is gekozen.', 12)
MOMENT = Column('Tijdstip', 'Wanneer het antwoord gegeven werd (bij een gewijzigd antwoord: de eerste keer).', 19)

# The municipality fills these in on Kaarten and LadderPerKaart and uploads the workbook back (export/responses.py)
DECISION = Column('Besluit', 'Wat de gemeente met het kaartje doet. Kies uit de lijst: ' + ', '.join(DECISIONS)
                  + '. Leeg: nog geen reactie.', 18)
RESPONSE = (DECISION,
            Column('Toelichting', 'Waarom: de uitleg van de gemeente bij het besluit. Inwoners lezen dit op de '
                                  'uitkomstenpagina. Schrijf gewone tekst, geen formule.', 50),
            Column('Wie pakt het op', 'Wie met het kaartje verder gaat (een afdeling, een organisatie, de inwoners).',
                   24),
            Column('Wanneer', 'Wanneer dat gebeurt of klaar is, bijvoorbeeld "voor de zomer van 2027".', 16))


def response_cells(facts: Facts, card_id: int) -> tuple[str, str, str, str]:
    """The RESPONSE columns of a card's row: its stored answer, or empty."""
    answer = facts.responses.get(card_id, Answer(''))
    return answer.decision, answer.explanation, answer.owner, answer.due


def decision_list(sheet: Worksheet, column: int, rows: int) -> None:
    """Excel's drop-down of the four decisions on the Besluit cells of a table's rows (its header in row 1)."""
    letter = get_column_letter(column)
    validation = DataValidation(type='list', formula1='"' + ','.join(DECISIONS) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle='Besluit',
                                error='Kies een besluit uit de lijst: ' + ', '.join(DECISIONS) + '.')
    validation.add(f'{letter}2:{letter}{1 + max(rows, 1)}')
    sheet.add_data_validation(validation)
