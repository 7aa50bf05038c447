"""Wie bent u hier? Each participant may say which perspective they speak from (never required)."""
from ..kind import ON_PAPER, SHOWS_RESULTS, Export, Kind
from . import export, outcome, rules

KIND = Kind(name='perspective', settings=rules.Settings, record=rules.record, mine=rules.mine, results=rules.results,
            export=Export(label='perspectief',
                          about='Deelnemers kiezen van welk perspectief zij spreken (hoeft niet).',
                          responders=export.responders, summary=export.summary),
            paper=ON_PAPER,
            capabilities=frozenset({SHOWS_RESULTS}), answered=rules.answered, outcome=outcome.outcome, position=20)
