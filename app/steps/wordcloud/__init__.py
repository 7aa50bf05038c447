"""Woordwolk: each participant gives a few short answers; the screen shows them as a cloud, sized by how often they
were given, with the most given listed with their counts. The facilitator can hide an answer from the screen.

In the workbook every answer is a Stemmen row, not a Kaarten row: an answer is one participant's fact with its
perspective and moment (like a dot or a poll choice), kept as an Answer whose slot the database limits, and it is
counted by what it means (its key), not moderated or merged as a card of its own. Hiding works per answer key, for
everyone who gave it, so it is stored as one facilitator's hidden card per hidden answer (see rules.py)."""
from ..kind import ON_PAPER, SHOWS_RESULTS, Export, Kind
from . import demo, export, outcome, paper, rules, simulate

KIND = Kind(name='wordcloud', settings=rules.Settings, record=rules.record, mine=rules.mine, results=rules.results,
            paper_form=paper.paper_form, paper_entry=ON_PAPER, moderate=rules.moderate,
            export=Export(label='woordwolk', about='Deelnemers geven een paar korte antwoorden; het scherm toont ze '
                                                   'als woordwolk: hoe vaker gegeven, hoe groter.',
                          vote=export.vote, responders=export.responders, summary=export.summary),
            capabilities=frozenset({SHOWS_RESULTS}), simulate=simulate.answer, demo=demo.actions,
            outcome=outcome.outcome, position=35)
