"""The typed shapes kinds share: what a phone is asked about (`Asks`), and the result shapes several kinds use.

A phone view gets a step's `Asks` and the participant's own answers, never its results: it cannot show a count
before the facilitator reveals it, because it never receives one."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ShownCard:
    """A card as phones, the screen and the export show it, with the texts merged into it."""
    id: int
    text: str
    motivation: str = ''
    merged: tuple[str, ...] = ()


@dataclass(frozen=True)
class Asks:
    """What a step asks each phone about, the same for the whole room: the cards to vote on or place (or the one
    question, id 0). Never a count."""
    cards: tuple[ShownCard, ...] = ()


@dataclass(frozen=True)
class Bar:
    label: str
    count: int


@dataclass(frozen=True)
class Group:
    name: str  # a perspective, or a table when the step is split by table
    respondents: int
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Bars:
    """Counts per label, overall and per perspective group large enough to show (the others only counted)."""
    respondents: int
    bars: tuple[Bar, ...]
    groups: tuple[Group, ...] = ()
    hidden_respondents: int = 0


@dataclass(frozen=True)
class CardList:
    """The visible cards of a step, merged ones folded into their lead card."""
    cards: tuple[ShownCard, ...]


@dataclass(frozen=True)
class NoResults:
    """A kind with nothing to count."""
