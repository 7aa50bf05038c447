"""The per-card summary of ladder placements: counts per rung, medians now and desired, gap, spread.
One computation for the screen (rules.results) and the workbook.

Pure: it gets (card id, slot, rung) facts and the number of rungs; slot 0 is "nu", slot 1 "gewenst",
rungs are 0-based in and 1-based out (as people count them)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median, quantiles

NOW, DESIRED = 0, 1


@dataclass
class CardSummary:
    card_id: int
    counts_now: list[int]
    counts_desired: list[int]
    median_now: float | None
    median_desired: float | None
    gap: float | None  # median desired minus median now: how far up (or down) people want it to move
    spread_now: float | None  # interquartile range: 0 when the middle half agrees on one rung
    spread_desired: float | None


def summarize(placements: Iterable[tuple[int, int, int]], rungs: int,
              card_ids: Iterable[int] = ()) -> list[CardSummary]:
    """One summary per card placed (and per card in `card_ids`, placed or not), in the order of the card ids."""
    by_card: dict[int, dict[int, list[int]]] = {card_id: {NOW: [], DESIRED: []} for card_id in card_ids}
    for card_id, slot, rung in placements:
        if 0 <= rung < rungs and slot in (NOW, DESIRED):
            by_card.setdefault(card_id, {NOW: [], DESIRED: []})[slot].append(rung + 1)
    summaries = []
    for card_id, given in sorted(by_card.items()):
        now, desired = _median(given[NOW]), _median(given[DESIRED])
        summaries.append(CardSummary(
            card_id=card_id, counts_now=_counts(given[NOW], rungs), counts_desired=_counts(given[DESIRED], rungs),
            median_now=now, median_desired=desired,
            gap=desired - now if now is not None and desired is not None else None,
            spread_now=_spread(given[NOW]), spread_desired=_spread(given[DESIRED])))
    return summaries


def _counts(values: list[int], rungs: int) -> list[int]:
    return [values.count(rung) for rung in range(1, rungs + 1)]


def _median(values: list[int]) -> float | None:
    return median(values) if values else None


def _spread(values: list[int]) -> float | None:
    if len(values) < 2:
        return 0 if values else None
    first, _, third = quantiles(values, n=4, method='inclusive')
    return third - first
