"""Wie bent u hier? Each participant may say which perspective they speak from (never required)."""
from ..kind import ON_PAPER, SHOWS_RESULTS, Export, Kind
from . import export, outcome, paper, rules

KIND = Kind(name='perspective', settings=rules.Settings, record=rules.record, mine=rules.mine, results=rules.results,
            paper_form=paper.paper_form, paper_entry=ON_PAPER, export=Export(label='perspectief',
                          about='Deelnemers kiezen van welk perspectief zij spreken (hoeft niet).',
                          responders=export.responders, summary=export.summary),
            capabilities=frozenset({SHOWS_RESULTS}), answered=rules.answered, outcome=outcome.outcome, position=20)
