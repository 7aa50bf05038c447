"""Punten verdelen: each participant divides a budget of points over the cards of an earlier step or over options."""
from ..kind import MODERATED_CARDS, ON_PAPER, SHOWS_RESULTS, Export, Kind, cards_from, latest_ideas
from . import demo, export, outcome, paper, rules, simulate


def starter(steps: list, tr) -> dict:  # type: ignore[no-untyped-def]
    """The cards of the latest step where residents write them; without one, options to rename."""
    chosen = latest_ideas(steps)
    return chosen if chosen['cards_from'] else {'options': [tr('points.option', number=n) for n in (1, 2, 3)]}


KIND = Kind(name='points', settings=rules.Settings, record=rules.record, mine=rules.mine, results=rules.results,
            paper_form=paper.paper_form, paper_entry=ON_PAPER, asks=rules.asks,
            export=Export(label='punten', about='Deelnemers verdelen een aantal punten over kaartjes of keuzes: '
                                                'meer punten is belangrijker. Waarde: de punten.',
                          vote=export.vote, summary=export.summary),
            capabilities=frozenset({MODERATED_CARDS, SHOWS_RESULTS}), card_source=cards_from, starter=starter,
            simulate=simulate.answer, demo=demo.actions, outcome=outcome.outcome, position=75)
