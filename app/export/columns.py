"""Columns several sheets share, by their Dutch header: part of the workbook's contract (see workbook.py)."""
from .tables import Column

STEP = Column('Stap', 'Nummer van de stap in het programma (1 is de eerste); zie blad Stappen.', 7)
PARTICIPANT = Column('Deelnemer', 'Code van de deelnemer (zoals D-ABC123); zie blad Deelnemers.', 12)
PERSPECTIVE = Column('Perspectief', 'Perspectief van de deelnemer. Leeg als de deelnemer niets koos, of als '
                                    'minder deelnemers dit perspectief kozen dan de minimale groepsgrootte.', 28)
CARD = Column('Kaart', 'Nummer van het kaartje; zie blad Kaarten.', 8)
CARD_TEXT = Column('Kaarttekst', 'Tekst van het kaartje.', 50)
MOMENT = Column('Tijdstip', 'Wanneer het antwoord gegeven werd (bij een gewijzigd antwoord: de eerste keer).', 19)
