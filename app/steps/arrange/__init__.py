"""Ordenen: the facilitator groups and merges the cards of an earlier step on the screen; residents watch."""
from ..base import no_record, nothing_given
from ..cards.export import summary
from ..kind import MODERATED_CARDS, NOTHING_TO_ANSWER, SHOWS_RESULTS, Export, Kind, cards_from, latest_ideas
from ..paper import no_paper_form
from . import rules

KIND = Kind(name='arrange', settings=rules.Settings, record=no_record, mine=nothing_given, results=rules.results,
            paper_form=no_paper_form, paper_entry=NOTHING_TO_ANSWER,
            export=Export(label='ordenen', about='De begeleider voegt kaartjes samen; deelnemers kijken mee.',
                          summary=summary),
            capabilities=frozenset({MODERATED_CARDS, SHOWS_RESULTS}), card_source=cards_from, starter=latest_ideas,
            position=60)
