"""Uitleg: the step's title and text on phone and screen; nothing to answer."""
from ..base import no_record, nothing_given
from ..kind import NOTHING_TO_ANSWER, Export, Kind
from ..paper import no_paper_form
from . import rules

KIND = Kind(name='info', settings=rules.Settings, record=no_record, mine=nothing_given, results=rules.results,
            paper_form=no_paper_form, paper_entry=NOTHING_TO_ANSWER,
            export=Export(label='uitleg', about='Uitleg; er is niets te beantwoorden.'), position=10)
