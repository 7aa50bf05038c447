"""Vragen: residents ask questions or make remarks and vote for the questions of others they also want answered."""
from ..kind import MODERATED_CARDS, ON_PAPER, SHOWS_RESULTS, Export, Kind, own_key
from . import demo, export, outcome, paper, rules, simulate

KIND = Kind(name='questions', settings=rules.Settings, record=rules.record, mine=rules.mine, results=rules.results,
            paper_form=paper.paper_form, paper_entry=ON_PAPER, asks=rules.asks, moderate=rules.moderate,
            export=Export(label='vragen', about='Deelnemers stellen vragen en stemmen op de vragen van anderen die zij '
                                                'ook beantwoord willen zien.', vote=export.vote,
                          summary=export.summary),
            capabilities=frozenset({MODERATED_CARDS, SHOWS_RESULTS}), card_source=own_key,
            card_max_length=rules.card_max_length, simulate=simulate.answer, demo=demo.actions,
            outcome=outcome.outcome, position=35)
