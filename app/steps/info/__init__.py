"""Uitleg: the step's title and text on phone and screen; nothing to answer."""
from ..base import no_record, nothing_given
from ..kind import NOTHING_TO_ANSWER, Export, Kind
from . import rules

KIND = Kind(name='info', settings=rules.Settings, record=no_record, mine=nothing_given, results=rules.results,
            export=Export(label='uitleg', about='Uitleg; er is niets te beantwoorden.'),
            paper=NOTHING_TO_ANSWER, position=10)
