"""What a step prints on a paper form, for a resident who answers on paper (the printed kit): plain data, no PDF.

Each kind declares `paper_form(step, workshop, asks)` in its KIND, usually from its paper.py: a PaperForm, or None
when there is nothing to print — nothing to answer (an explanation, the ordering), or not yet (stippen before there
are cards to put them on). Printed before the session a form has what the plan says; printed during the session
also the cards the step asks about (`asks`). The kit (app/kit.py) lays the parts out; a kind only says what they are.
Texts are translation keys with their arguments (like an outcome's lines), or the plan's and residents' own text."""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Translator
from ..models import Step, Workshop
from .outcome import Line, say
from .shapes import Asks

Text = str | Line  # the plan's or a resident's own text, or a translation key with its arguments


@dataclass(frozen=True)
class Note:
    """A sentence to read: an instruction, a card, a rung of the ladder."""
    text: Text
    strong: bool = False  # a card or an item the boxes below are about


@dataclass(frozen=True)
class Write:
    """Empty lines to write on, under a label."""
    label: Text
    lines: int = 2


@dataclass(frozen=True)
class Tick:
    """Choices, each with a box to tick before it; `boxes` per choice where a choice can be ticked more than once."""
    choices: tuple[Text, ...]
    boxes: int = 1


Part = Note | Write | Tick


@dataclass(frozen=True)
class PaperForm:
    parts: tuple[Part, ...]


def no_paper_form(step: Step, workshop: Workshop, asks: Asks) -> None:
    """paper_form of a kind with nothing to answer on paper."""
    return None


def text_of(tr: Translator, text: Text) -> str:
    return text if isinstance(text, str) else say(tr, text)


BLANKS = 3  # places to write a card on a form printed before the cards exist


def each_card(asks: Asks, blank: Line, *parts: Part) -> tuple[Part, ...]:
    """`parts` once per card the step asks about, after the card's text; before there are cards, after a line on
    which the table host writes one (`blank`), BLANKS times."""
    heads = [Note(card.text, strong=True) for card in asks.cards] or [Write(blank, lines=1)] * BLANKS
    return tuple(part for head in heads for part in (head, *parts))
