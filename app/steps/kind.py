"""What a step kind declares about itself: one `Kind` object in `app/steps/<name>/__init__.py` named KIND.

The core (pages, workshop rules, export, simulator, demo, tests) loops over the registered kinds and asks what they
declare; it never names a kind. Nothing here imports NiceGUI: a kind's views are named by module and imported only
by the pages."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from ..models import Participant, Step, Workshop
from .base import CARD_MAX_LENGTH, answered
from .paper import PaperForm
from .shapes import Asks

if TYPE_CHECKING:  # the export's and the simulator's types; importing them here would make a cycle
    from openpyxl.worksheet.worksheet import Worksheet

    from ..export.facts import Facts
    from ..models import Answer

# What a kind can declare it does, for code that needs "a step that holds cards" and the like
COLLECTS_IDEAS = 'collects_ideas'  # residents write cards here: a follow-up session seeds it with earlier cards
MODERATED_CARDS = 'moderated_cards'  # the console lists the cards it shows, to hide and merge them
SHOWS_RESULTS = 'shows_results'  # has results the facilitator can reveal on the screen
DOT_VOTE = 'dot_vote'  # each answer is a dot on a card: the Kaarten sheet counts them per card

Rows = list[tuple[Any, ...]]


@dataclass(frozen=True)
class PaperEntry:
    """Whether and how a resident without a phone answers a step of this kind: a table host enters it for them on
    the helper page, through the kind's own phone view and `record`, so the same rules and limits hold."""
    answers: bool  # a table host can enter a paper resident's answers here
    stack: bool = False  # a stack of paper forms can be entered one by one, each form one new paper participant
    why_not: str = ''  # with answers False: the translation key of what the helper page says instead


NOTHING_TO_ANSWER = PaperEntry(answers=False, why_not='paper.nothing_to_answer')  # residents answer nothing here
ON_PAPER = PaperEntry(answers=True)  # a paper resident's answers, entered by their table host
PAPER_STACK = PaperEntry(answers=True, stack=True)  # also a stack of anonymous forms: one form is one paper participant


@dataclass(frozen=True)
class Export:
    """What a kind adds to the workbook. `label` and `about` are Dutch: the workbook is a Dutch contract."""
    label: str  # the kind as written in the workbook (Stappen, Stemmen)
    about: str  # its meaning, for the Toelichting sheet
    # (value, choice, label) of one answer as a Stemmen row, or None: the kind writes no Stemmen rows
    vote: Callable[[Answer], tuple[Any, str, str]] | None = None
    # who responded on the step (participant ids, None for a facilitator's card), when not its cards and answers
    responders: Callable[[Facts, Step], list[int | None]] | None = None
    # writes the step's block in the Samenvatting from `row` on and returns the next free row
    summary: Callable[[Worksheet, int, Facts, Step, Any], int] | None = None
    sheet: Sheet | None = None  # a sheet of its own (the ladder's placements)


@dataclass(frozen=True)
class Sheet:
    name: str
    tables: str  # its Excel tables, for the Toelichting
    about: str
    fill: Callable[[Worksheet, Facts], None]
    columns: Callable[[Facts], list[tuple[str, Iterable[Any]]]]  # (sheet, columns) for the Toelichting


@dataclass(frozen=True)
class Kind:
    name: str  # as written in plans and stored with each step
    settings: type  # a StrictSettings model: the plan's settings of a step of this kind
    record: Callable[[Session, Step, Participant, dict[str, Any]], None]  # one action, in the caller's transaction
    mine: Callable[[Session, Step, list[Participant]], dict[int, Any]]  # what each of these people gave here
    results: Callable[[Session, Step, Workshop], Any]  # a dataclass for screen, console and export
    export: Export
    # what a resident without a phone fills in on paper (the printed kit), from the plan and what the step asks
    # about now; None: nothing to print (yet). Every kind declares it: a new kind brings its own form
    paper_form: Callable[[Step, Workshop, Asks], PaperForm | None]
    # whether and how a table host enters a paper resident's answers on the helper page; every kind says
    paper_entry: PaperEntry
    asks: Callable[[Session, Step, Workshop], Asks] = lambda db, step, workshop: Asks()  # what a phone is asked about
    # a facilitator's action on the step (hide an answer, approve a question), in the caller's transaction
    moderate: Callable[[Session, Step, dict[str, Any]], None] | None = None
    capabilities: frozenset[str] = frozenset()
    views: str = ''  # module with phone(ctx), screen(ctx) and optionally console(ctx); '' is <kind package>.views
    # the step whose cards it shows: its own key, another step's key from its settings, or '' (no cards)
    card_source: Callable[[Step], str] = lambda step: ''
    # a new step's settings, from the steps before it, to refine in its form (tr translates placeholder texts)
    starter: Callable[[list[Step], Callable[..., str]], dict[str, Any]] = lambda steps, tr: {}
    card_max_length: Callable[[Step], int] = lambda step: CARD_MAX_LENGTH  # of a card the facilitator types
    answered: Callable[[Session, Step], int] = answered  # how many participants gave anything here
    # what the step came to, for the results page and the report (a StepOutcome, or None: nothing to report)
    outcome: Callable[[Step, Any], Any] = lambda step, results: None
    simulate: Callable[..., Any] | None = None  # async (phone, page) -> None: how a simulated phone answers it
    demo: Callable[..., list[tuple[Participant, dict[str, Any]]]] | None = None  # (step, asks, people, rng) -> actions
    folder: Path = field(default=Path())  # its locale/ and style.css
    position: int = 100  # where it stands in lists of kinds: the order of a Methode Jet session

    def holds_own_cards(self, step: Step) -> bool:
        """The cards written or listed in this step are its own (a cards step; a ladder without cards_from)."""
        return self.card_source(step) == step.key

    def has(self, capability: str) -> bool:
        return capability in self.capabilities

    def validate(self, settings: dict[str, Any]) -> Any:
        return self.settings.model_validate(settings)

    def view_module(self) -> ModuleType:
        return import_module(self.views or f'{__package__}.{self.name}.views')

    @property
    def stylesheet(self) -> Path | None:
        path = self.folder / 'style.css'
        return path if path.exists() else None


def own_key(step: Step) -> str:
    """card_source for a kind whose step holds its own cards."""
    return step.key


def cards_from(step: Step) -> str:
    """card_source for a kind that works on the cards of the step its settings name."""
    return step.settings.get('cards_from', '')


def latest_ideas(steps: list[Step], tr: Callable[..., str] | None = None) -> dict[str, Any]:
    """starter for a kind that works on cards: those of the latest step where residents write them."""
    from . import kind_of  # the registry imports every kind, and each kind this module
    written = [step.key for step in steps if kind_of(step.kind).has(COLLECTS_IDEAS)]
    return {'cards_from': written[-1] if written else ''}
