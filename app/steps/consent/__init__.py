"""Draagvlak: "Kunt u hiermee leven?" ja / ja, maar… / nee, want… — per top idea, or once for the step."""
from ..kind import MODERATED_CARDS, PAPER_STACK, SHOWS_RESULTS, Export, Kind, cards_from
from . import export, outcome, paper, rules

KIND = Kind(name='consent', settings=rules.Settings, record=rules.record, mine=rules.mine, results=rules.results,
            paper_form=paper.paper_form, paper_entry=PAPER_STACK, asks=rules.asks,
            export=Export(label='draagvlak', about='Kunt u hiermee leven? Keuze: ja, ja_maar of nee_want; '
                                                   'Antwoord: Ja / Ja, maar… / Nee, want…; Reden: waarom.',
                          vote=export.vote,
                          summary=export.summary),
            capabilities=frozenset({MODERATED_CARDS, SHOWS_RESULTS}), card_source=cards_from,
            outcome=outcome.outcome, position=90)
