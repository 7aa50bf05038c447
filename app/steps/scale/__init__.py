"""Schaal: each participant picks one whole number, e.g. 1 to 5."""
from ..kind import PAPER_STACK, SHOWS_RESULTS, Export, Kind
from . import demo, export, outcome, paper, rules, simulate

KIND = Kind(name='scale', settings=rules.Settings, record=rules.record, mine=rules.mine, results=rules.results,
            paper_form=paper.paper_form, paper_entry=PAPER_STACK,
            export=Export(label='schaal', about='Deelnemers kiezen een getal op een schaal. Waarde: het gekozen getal.',
                          vote=export.vote,
                          summary=export.summary),
            capabilities=frozenset({SHOWS_RESULTS}), simulate=simulate.answer, demo=demo.actions,
            outcome=outcome.outcome, position=40)
