"""Kaartjes: residents write short cards, optionally with why it matters to them."""
from ..kind import COLLECTS_IDEAS, MODERATED_CARDS, ON_PAPER, SHOWS_RESULTS, Export, Kind, own_key
from . import demo, export, outcome, paper, rules, simulate

KIND = Kind(name='cards', settings=rules.Settings, record=rules.record, mine=rules.mine, results=rules.results,
            paper_form=paper.paper_form, paper_entry=ON_PAPER,
            export=Export(label='kaartjes', about='Deelnemers schrijven kaartjes, soms met een motivatie.',
                          summary=export.summary),
            capabilities=frozenset({COLLECTS_IDEAS, MODERATED_CARDS, SHOWS_RESULTS}), card_source=own_key,
            card_max_length=rules.card_max_length, simulate=simulate.answer, demo=demo.actions,
            outcome=outcome.outcome, position=30)
