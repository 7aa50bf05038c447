"""A step's settings as a form, generated from its kind's typed settings: numbers within their bounds, switches
for yes/no, one line per option for option lists, and a choice of earlier steps for `cards_from` and `ranked_by`.
The values are checked by the same model a plan file is; a problem is said in the facilitator's language."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, get_origin

from annotated_types import Ge, Le, MaxLen, MinLen
from nicegui import ui
from pydantic import ValidationError

from ..i18n import Translator
from ..models import Step
from ..steps import kind_of
from ..steps.kind import DOT_VOTE, Kind

STEP_CHOICES = {  # settings that name an earlier step: which steps qualify
    'cards_from': lambda step: kind_of(step.kind).holds_own_cards(step),
    'ranked_by': lambda step: kind_of(step.kind).has(DOT_VOTE),
}


def label(tr: Translator, kind: Kind, name: str) -> str:
    """A setting's label: the kind's own text for it, else the text settings of that name share."""
    own = tr(f'{kind.name}.settings.{name}')
    return own if own != f'{kind.name}.settings.{name}' else tr(f'settings.{name}')


class SettingsForm:
    def __init__(self, tr: Translator, kind: Kind, values: dict[str, Any], earlier: list[Step]) -> None:
        self.tr, self.kind = tr, kind
        self.read: dict[str, Callable[[], Any]] = {}
        for name, field in kind.settings.model_fields.items():
            self.read[name] = self._field(name, field, values.get(name, None if field.is_required() else field.default),
                                          earlier)

    def _field(self, name: str, field: Any, value: Any, earlier: list[Step]) -> Callable[[], Any]:
        text = label(self.tr, self.kind, name)
        testid = f'setting-{name}'
        bounds = {type(rule): rule for rule in field.metadata}
        if name in STEP_CHOICES:
            choices = {step.key: step.title for step in earlier if STEP_CHOICES[name](step)}
            if not field.is_required() or not choices:
                choices = {'': self.tr('settings.no_step'), **choices}
            chosen = ui.select(choices, value=value if value in choices else next(iter(choices)), label=text) \
                .props(f'outlined data-testid={testid}').classes('w-full')
            return lambda: chosen.value or ''
        if field.annotation is bool:
            switch = ui.switch(text, value=bool(value)).props(f'data-testid={testid}')
            return lambda: switch.value
        if field.annotation is int:
            # the bounds only as the browser's hints: ui.number's own min, max and precision would silently change
            # 99 into 20 (or 2.5 into 2) when the field loses the focus, instead of the rule's clear refusal
            hints = ' '.join(f'{name}={getattr(bounds[rule], bound)}'
                             for name, rule, bound in (('min', Ge, 'ge'), ('max', Le, 'le')) if rule in bounds)
            number = ui.number(text, value=value, step=1).props(f'outlined {hints} data-testid={testid}') \
                .classes('w-full')
            return lambda: whole(number.value)
        if get_origin(field.annotation) is list:
            lines = ui.textarea(text, value='\n'.join(value or [])) \
                .props(f'outlined autogrow data-testid={testid}').classes('w-full')
            ui.label(self.tr('settings.one_per_line', low=getattr(bounds.get(MinLen), 'min_length', 1),
                             high=getattr(bounds.get(MaxLen), 'max_length', 99))).classes('hint')
            return lambda: [line.strip() for line in (lines.value or '').split('\n') if line.strip()]
        line = ui.input(text, value=value or '').props(f'outlined data-testid={testid}').classes('w-full')
        return lambda: line.value or ''

    def values(self) -> dict[str, Any]:
        return {name: read() for name, read in self.read.items()}

    def problem(self, error: ValidationError) -> str:
        """The first problem, in plain words, with the setting's label."""
        return problem(self.tr, error, lambda name: label(self.tr, self.kind, name))


def whole(value: float | None) -> int | float | None:
    """A number field's value as the rule gets it: a whole number as an int, anything else as typed (refused)."""
    return int(value) if value is not None and value == int(value) else value


def problem(tr: Translator, error: ValidationError, field_label: Callable[[str], str]) -> str:
    """The first problem of a form's values, in plain words, with the label of the field it is about."""
    first = error.errors()[0]
    field = field_label(str(first['loc'][0])) if first['loc'] else ''
    context = first.get('ctx') or {}
    limit = next((context[bound] for bound in ('ge', 'le', 'min_length', 'max_length') if bound in context), '')
    key = f'settings.error_{first["type"]}'
    message = tr(key, limit=limit)
    if message == key:
        message = tr('settings.error_other')
    return f'{field}: {message}' if field else tr('settings.error_together')
