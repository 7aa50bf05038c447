"""Trap van eigenaarschap: each participant puts each chosen card on a rung of the ownership ladder."""
from ..kind import MODERATED_CARDS, ON_PAPER, SHOWS_RESULTS, Export, Kind, Sheet
from . import demo, export, outcome, paper, rules, simulate

KIND = Kind(name='ladder', settings=rules.Settings, record=rules.record, mine=rules.mine, results=rules.results,
            paper_form=paper.paper_form, paper_entry=ON_PAPER, asks=rules.asks,
            export=Export(label='ladder', about='Deelnemers zetten kaartjes op een trede van de trap van '
                                                'eigenaarschap: nu en gewenst.', summary=export.summary,
                          sheet=Sheet(name='Ladder', tables='Ladder, LadderPerKaart',
                                      about='Eén rij per plaatsing van een kaartje op de trap van eigenaarschap; '
                                            'rechts daarvan per kaartje de telling per trede, de medianen, het '
                                            'verschil en de spreiding.', fill=export.fill, columns=export.columns)),
            capabilities=frozenset({MODERATED_CARDS, SHOWS_RESULTS}), card_source=rules.card_source,
            simulate=simulate.answer, demo=demo.actions, outcome=outcome.outcome, position=80)
