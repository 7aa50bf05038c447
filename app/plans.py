"""Session plans: read and check sessions/*.toml into plain objects, with a clear error per file."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .steps import KINDS
from .steps.base import CARD_MAX_LENGTH
from .text import TextError, clean

SESSIONS_DIR = Path(__file__).parent.parent / 'sessions'
DEFAULT_PLAN = 'methode-jet'
MAX_PLAN_CARDS = 50
MAX_PLAN_STEPS = 60
MAX_PLAN_BYTES = 256 * 1024  # an uploaded plan; the default plan is about 5 KiB


class PlanError(ValueError):
    """A plan file that cannot be used; the message names the file and the problem."""


class Rung(BaseModel):
    model_config = ConfigDict(extra='forbid')
    label: str = Field(min_length=1, max_length=80)
    explanation: str = Field(default='', max_length=200)


class StepPlan(BaseModel):
    model_config = ConfigDict(extra='forbid')
    key: str = Field(pattern=r'^[a-z0-9_-]{1,40}$')
    kind: str
    title: str = Field(min_length=1, max_length=120)
    body: str = Field(default='', max_length=2000)
    cards: list[str] = Field(default=[], max_length=MAX_PLAN_CARDS)  # a ladder's own cards (or a cards step's first)
    settings: dict[str, Any] = {}


Perspective = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]


class PlanHeader(BaseModel):
    """What a plan says before its steps: the workshop's title, question, perspectives and ladder."""
    model_config = ConfigDict(extra='forbid')
    title: str = Field(min_length=1, max_length=120)
    question: str = Field(default='', max_length=500)
    description: str = Field(default='', max_length=2000)
    min_group_size: int = Field(default=3, ge=1, le=50)
    perspectives: list[Perspective] = Field(min_length=1, max_length=20)
    ladder: list[Rung] = Field(min_length=3, max_length=8)


class PlanFile(PlanHeader):
    steps: list[StepPlan] = Field(min_length=1, max_length=MAX_PLAN_STEPS)


@dataclass
class Plan:
    name: str
    title: str
    question: str
    description: str
    min_group_size: int
    perspectives: list[str]
    ladder: list[dict[str, str]]
    steps: list[StepPlan] = field(default_factory=list)


def available() -> list[str]:
    names = sorted(path.stem for path in SESSIONS_DIR.glob('*.toml'))
    return sorted(names, key=lambda name: name != DEFAULT_PLAN)


def titles() -> dict[str, str]:
    """Each available plan's title by its name, as a facilitator chooses it; a plan that cannot be read by its name."""
    found = {}
    for name in available():
        try:
            found[name] = load(name).title
        except PlanError:
            found[name] = name
    return found


def load(name_or_path: str | Path) -> Plan:
    path = Path(name_or_path)
    if path.suffix != '.toml':
        path = SESSIONS_DIR / f'{name_or_path}.toml'
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise PlanError(f'{path.name}: file not found') from error
    return read(data, path.name)


def read(data: bytes, source: str) -> Plan:
    """A plan from the bytes of a file (one in sessions/, or an uploaded one: hostile until checked)."""
    if len(data) > MAX_PLAN_BYTES:
        raise PlanError(f'{source}: larger than {MAX_PLAN_BYTES // 1024} KiB')
    try:
        raw = tomllib.loads(data.decode('utf-8'))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise PlanError(f'{source}: not valid TOML ({error})') from error
    return parse(raw, source)


def parse(raw: dict[str, Any], source: str) -> Plan:
    raw = dict(raw)
    raw['steps'] = [_split_settings(step) for step in raw.get('steps', [])]
    try:
        plan_file = PlanFile.model_validate(raw)
    except ValidationError as error:
        raise PlanError(f'{source}: {_describe(error)}') from error
    _clean_header(plan_file, source)
    seen: dict[str, str] = {}
    for number, step in enumerate(plan_file.steps, start=1):
        where = f'{source}: step {number} ({step.key})'
        step.title = _text(step.title, f'{where}: title', max_length=120, multiline=False)
        step.body = _text(step.body, f'{where}: body', max_length=2000, required=False)
        if step.key in seen:
            raise PlanError(f'{where}: the key "{step.key}" is used twice')
        kind = KINDS.get(step.kind)
        if kind is None:
            raise PlanError(f'{where}: unknown kind "{step.kind}" (known: {", ".join(sorted(KINDS))})')
        try:
            settings = kind.validate(step.settings)
        except ValidationError as error:
            raise PlanError(f'{where}: {_describe(error)}') from error
        for source_key in _step_references(settings):
            if source_key and seen.get(source_key) is None:
                raise PlanError(f'{where}: refers to "{source_key}", which is not an earlier step')
        step.settings = settings.model_dump()
        step.cards = _cards(step, where)
        seen[step.key] = step.kind
    return Plan(name=Path(source).stem, title=plan_file.title, question=plan_file.question,
                description=plan_file.description, min_group_size=plan_file.min_group_size,
                perspectives=plan_file.perspectives, ladder=[rung.model_dump() for rung in plan_file.ladder],
                steps=plan_file.steps)


def header(raw: dict[str, Any]) -> PlanHeader:
    """A plan's own fields as a facilitator edits them, checked and cleaned as in a plan file: raises pydantic's
    ValidationError (for the form) or PlanError."""
    checked = PlanHeader.model_validate(raw)
    _clean_header(checked, '')
    return checked


def _clean_header(plan: PlanHeader, source: str) -> None:
    """The plan's texts cleaned like a resident's: an uploaded plan comes from anywhere."""
    where = f'{source}: ' if source else ''
    plan.title = _text(plan.title, f'{where}title', max_length=120, multiline=False)
    plan.question = _text(plan.question, f'{where}question', max_length=500, required=False)
    plan.description = _text(plan.description, f'{where}description', max_length=2000, required=False)
    plan.perspectives = [_text(name, f'{where}perspectives.{number}', max_length=80, multiline=False)
                         for number, name in enumerate(plan.perspectives)]
    twice = next((name for name in plan.perspectives if plan.perspectives.count(name) > 1), None)
    if twice is not None:
        raise PlanError(f'{where}perspectives: "{twice}" is listed twice')
    for number, rung in enumerate(plan.ladder):
        rung.label = _text(rung.label, f'{where}ladder.{number}.label', max_length=80, multiline=False)
        rung.explanation = _text(rung.explanation, f'{where}ladder.{number}.explanation', max_length=200,
                                 required=False)


def _text(value: str, where: str, *, max_length: int, required: bool = True, multiline: bool = True) -> str:
    try:
        return clean(value, max_length=max_length, required=required, multiline=multiline)
    except TextError as error:
        problem = 'is empty' if error.key == 'error.text_empty' else f'is longer than {max_length} characters'
        raise PlanError(f'{where} {problem}') from error


def _split_settings(step: Any) -> Any:
    """In the file a step's own settings stand beside its key, kind, title and body."""
    if not isinstance(step, dict):
        return step
    common = {name: step[name] for name in StepPlan.model_fields if name != 'settings' and name in step}
    return {**common, 'settings': {name: value for name, value in step.items() if name not in common}}


def _cards(step: StepPlan, where: str) -> list[str]:
    """The step's listed cards, cleaned like a resident's; only a step that holds its own cards may list them."""
    if step.cards and not KINDS[step.kind].holds_own_cards(step):
        raise PlanError(f'{where}: only a cards step, or a ladder without cards_from, lists cards of its own')
    max_length = CARD_MAX_LENGTH
    try:
        return [clean(text, max_length=max_length) for text in step.cards]
    except TextError as error:
        raise PlanError(f'{where}: a card is empty or longer than {max_length} characters') from error


def _step_references(settings: BaseModel) -> list[str]:
    return [getattr(settings, name) for name in ('cards_from', 'ranked_by') if hasattr(settings, name)]


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    place = '.'.join(str(part) for part in first['loc'] if part != 'settings')
    return f'{place}: {first["msg"]}' if place else first['msg']
