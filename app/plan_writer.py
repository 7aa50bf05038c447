"""A plan written as a plan file: the inverse of `plans.read`, so a plan saved by one municipality is read by
another as the same steps and settings. The layout is that of sessions/*.toml: the plan's own fields, the ladder's
rungs, then each step with its kind's settings beside its key, kind and title."""
from __future__ import annotations

import re
from typing import Any

from .plans import Plan, StepPlan

HEADER = '# A Samenspraak session plan (sessions/*.toml). Every step\'s own settings stand beside its key and kind.\n'
BARE_KEY = re.compile(r'^[A-Za-z0-9_-]+$')
ESCAPES = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r'}


def as_raw(plan: Plan) -> dict[str, Any]:
    """The plan as the plain data a plan file holds (what `plans.parse` reads)."""
    return {'title': plan.title, 'question': plan.question, 'description': plan.description,
            'min_group_size': plan.min_group_size, 'perspectives': list(plan.perspectives),
            'ladder': [dict(rung) for rung in plan.ladder], 'steps': [_step(step) for step in plan.steps]}


def _step(step: StepPlan) -> dict[str, Any]:
    raw: dict[str, Any] = {'key': step.key, 'kind': step.kind, 'title': step.title}
    if step.body:
        raw['body'] = step.body
    if step.cards:
        raw['cards'] = list(step.cards)
    return {**raw, **{name: value for name, value in step.settings.items() if value is not None}}


def dump(plan: Plan) -> str:
    raw = as_raw(plan)
    tables = {name: raw.pop(name) for name in ('ladder', 'steps')}
    lines = [HEADER, *_pairs(raw)]
    for name, rows in tables.items():
        for row in rows:
            lines += ['', f'[[{name}]]', *_pairs(row)]
    return '\n'.join(lines) + '\n'


def _pairs(table: dict[str, Any]) -> list[str]:
    return [f'{_key(name)} = {_value(value)}' for name, value in table.items()]


def _key(name: str) -> str:
    return name if BARE_KEY.match(name) else _string(name)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        if not value:
            return '[]'
        return '[\n' + ''.join(f'  {_value(item)},\n' for item in value) + ']'
    if isinstance(value, dict):
        return '{ ' + ', '.join(f'{_key(name)} = {_value(item)}' for name, item in value.items()) + ' }'
    raise TypeError(f'a plan file cannot hold {type(value).__name__}')


def _string(text: str) -> str:
    """A basic string; text of several lines as a multi-line string, as people write it."""
    if '\n' in text:
        return '"""\n' + ''.join('\n' if char == '\n' else _escape(char) for char in text) + '"""'
    return '"' + ''.join(_escape(char) for char in text) + '"'


def _escape(char: str) -> str:
    if char in ESCAPES:
        return ESCAPES[char]
    return f'\\u{ord(char):04x}' if ord(char) < 0x20 or ord(char) == 0x7f else char
