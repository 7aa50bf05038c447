"""The ladder in the workbook: its own sheet (one row per placement, and a summary per card beside it) and its
block in the Samenvatting: the same numbers the screen shows."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from openpyxl.worksheet.worksheet import Worksheet

from ...export.blocks import BOLD, CHART_ROWS, chart, table
from ...export.cells import write
from ...export.columns import (CARD, CARD_TEXT, DECISION, MOMENT, PARTICIPANT, PERSPECTIVE, RESPONSE, SOURCE, STEP,
                               TABLE, decision_list, response_cells)
from ...export.tables import Column, put_table
from ...models import Step
from .rules import LadderResults
from .summary import CardSummary, summarize

if TYPE_CHECKING:  # the export imports the registry, which imports every kind
    from ...export.facts import Facts

POSITIONS = ('nu', 'gewenst')
PLACEMENTS = (STEP, CARD, CARD_TEXT, PARTICIPANT, PERSPECTIVE,
              Column('Positie', '"nu" (waar het onderwerp nu staat) of "gewenst" (waar het zou moeten staan).', 10),
              Column('Trede', 'Nummer van de trede: 1 is de onderste (de gemeente beslist).', 7),
              Column('Trede naam', 'Naam van de trede; zie de tabel Treden hieronder.', 36),
              MOMENT, SOURCE, TABLE)
SUMMARY_HEADERS = ['Kaartje', 'Mediaan nu', 'Mediaan gewenst', 'Verschil', 'Spreiding nu', 'Spreiding gewenst']


def summary_columns(rungs: int) -> list[Column]:
    """The LadderPerKaart table: one count column per rung and position, as many as the ladder has rungs."""
    return [STEP, CARD, CARD_TEXT,
            *[Column(f'Nu trede {n}', f'Aantal keer dat het kaartje op trede {n} werd gezet als "nu".', 8)
              for n in range(1, rungs + 1)],
            *[Column(f'Gewenst trede {n}', f'Aantal keer dat het kaartje op trede {n} werd gezet als "gewenst".', 8)
              for n in range(1, rungs + 1)],
            Column('Mediaan nu', 'Middelste trede van de plaatsingen "nu".', 9),
            Column('Mediaan gewenst', 'Middelste trede van de plaatsingen "gewenst".', 9),
            Column('Verschil', 'Mediaan gewenst min mediaan nu: hoeveel treden omhoog men het wil.', 9),
            Column('Spreiding nu', 'Interkwartielafstand van "nu" in treden: 0 is eens, groter is minder eens.', 9),
            Column('Spreiding gewenst', 'Interkwartielafstand van "gewenst" in treden.', 9),
            *RESPONSE]  # the municipality's answer per card, as on Kaarten


def columns(facts: Facts) -> list[tuple[str, Sequence[Column]]]:
    return [('Ladder', PLACEMENTS), ('Ladder', summary_columns(len(facts.workshop.ladder)))]


def is_ladder(kind: Any) -> bool:
    return kind.name == 'ladder'  # this sheet holds the placements of every ladder step


def fill(sheet: Worksheet, facts: Facts) -> None:
    rungs = [rung['label'] for rung in facts.workshop.ladder]
    put_table(sheet, 'Ladder', PLACEMENTS, (
        (facts.step_number[answer.step_id], answer.card_id, facts.card_text.get(answer.card_id),
         facts.pseudonym[answer.participant_id], facts.perspective[answer.participant_id],
         POSITIONS[answer.slot] if answer.slot < len(POSITIONS) else None,
         answer.value + 1 if answer.value is not None else None,
         rungs[answer.value] if answer.value is not None and 0 <= answer.value < len(rungs) else None,
         facts.local(answer.created_at), facts.participant[answer.participant_id].source,
         facts.participant[answer.participant_id].table_name) for answer in facts.answers_where(is_ladder)))
    per_card = summary_columns(len(rungs))
    count = put_table(sheet, 'LadderPerKaart', per_card, summary_rows(facts), column=len(PLACEMENTS) + 2)
    decision_list(sheet, len(PLACEMENTS) + 2 + per_card.index(DECISION), count)


def card_summaries(facts: Facts, step: Step) -> list[CardSummary]:
    return summarize([(answer.card_id, answer.slot, answer.value) for answer in facts.answers
                      if answer.step_id == step.id and answer.value is not None], len(facts.workshop.ladder))


def summary_rows(facts: Facts) -> list[tuple[Any, ...]]:
    """LadderPerKaart's rows, step by step: the same numbers the Samenvatting shows."""
    rows = []
    for step in facts.steps:
        if not is_ladder(facts.kind(step.id)):
            continue
        for card in card_summaries(facts, step):
            rows.append((facts.step_number[step.id], card.card_id, facts.card_text.get(card.card_id),
                         *card.counts_now, *card.counts_desired, card.median_now, card.median_desired, card.gap,
                         card.spread_now, card.spread_desired, *response_cells(facts, card.card_id)))
    return rows


def summary(sheet: Worksheet, row: int, facts: Facts, step: Step, results: LadderResults) -> int:
    """Medians, gap and spread per card as the screen shows them; then the same per perspective group."""
    def rows(summaries: Sequence[tuple[str, CardSummary]]) -> list[tuple[Any, ...]]:
        return [(text, card.median_now, card.median_desired, card.gap, card.spread_now, card.spread_desired)
                for text, card in summaries]

    everyone = rows([(item.card.text, item.summary) for item in results.cards])
    end = table(sheet, row, SUMMARY_HEADERS, everyone)
    if everyone:
        chart(sheet, row, len(SUMMARY_HEADERS) + 2, len(everyone), step.title, True, series=2)
        end = max(end, row + CHART_ROWS)
    for group in results.groups:
        write(sheet.cell(end, 1), f'{group.name} ({group.respondents})')
        sheet.cell(end, 1).font = BOLD
        end = table(sheet, end + 1, SUMMARY_HEADERS,
                    rows([(item.card.text, group.cards[item.card.id]) for item in results.cards]))
    if results.hidden_respondents and results.groups:
        write(sheet.cell(end, 1), f'{results.hidden_respondents} deelnemers staan niet in een groep: zij kozen '
                                  'geen perspectief of hun groep is te klein.')
        end += 2
    return end
