"""Stippen: each participant gives a number of dots to the cards of an earlier step they find most important."""
from ..kind import DOT_VOTE, MODERATED_CARDS, PAPER_STACK, SHOWS_RESULTS, Export, Kind, cards_from, latest_ideas
from . import demo, export, outcome, paper, rules, simulate

KIND = Kind(name='dots', settings=rules.Settings, record=rules.record, mine=rules.mine, results=rules.results,
            paper_form=paper.paper_form, paper_entry=PAPER_STACK, asks=rules.asks,
            export=Export(label='stippen', about='Deelnemers geven stippen aan de kaartjes die zij het belangrijkst '
                                                 'vinden. Waarde: 1 per stip.',
                          vote=export.vote, summary=export.summary),
            capabilities=frozenset({DOT_VOTE, MODERATED_CARDS, SHOWS_RESULTS}), card_source=cards_from,
            starter=latest_ideas, simulate=simulate.answer, demo=demo.actions, outcome=outcome.outcome, position=70)
