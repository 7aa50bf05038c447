"""Peiling: one or several choices from a list of options."""
from ..kind import PAPER_STACK, SHOWS_RESULTS, Export, Kind
from . import export, outcome, paper, rules, simulate


def starter(steps: list, tr) -> dict:  # type: ignore[no-untyped-def]
    return {'options': [tr('poll.option', number=1), tr('poll.option', number=2)]}


KIND = Kind(name='poll', settings=rules.Settings, record=rules.record, mine=rules.mine, results=rules.results,
            paper_form=paper.paper_form, paper_entry=PAPER_STACK, export=Export(label='peiling',
                          about='Deelnemers kiezen één of meer antwoorden. Keuze en Antwoord: het gekozen antwoord.',
                          vote=export.vote,
                          summary=export.summary),
            capabilities=frozenset({SHOWS_RESULTS}), starter=starter, simulate=simulate.answer,
            outcome=outcome.outcome, position=50)
