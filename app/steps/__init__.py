"""The registry of step kinds: every folder here whose __init__ declares a KIND is one. Adding a kind is adding
a folder; nothing outside app/steps/<kind>/ names a kind."""
from __future__ import annotations

import pkgutil
from dataclasses import replace
from importlib import import_module
from pathlib import Path

from .base import DomainError
from .kind import Kind


def _discover() -> dict[str, Kind]:
    found = []
    for module in pkgutil.iter_modules(__path__):
        if not module.ispkg:
            continue
        package = import_module(f'{__name__}.{module.name}')
        kind = getattr(package, 'KIND', None)
        if kind is None:
            continue
        if kind.name != module.name:
            raise RuntimeError(f'app/steps/{module.name} declares the kind {kind.name!r}: name it as its folder')
        found.append(replace(kind, folder=Path(package.__file__).parent))
    return {kind.name: kind for kind in sorted(found, key=lambda kind: (kind.position, kind.name))}


KINDS: dict[str, Kind] = _discover()


def kind_of(name: str) -> Kind:
    """The kind of this name; an unknown name is a refused request (a forged or outdated step kind)."""
    kind = KINDS.get(name)
    if kind is None:
        raise DomainError('error.bad_request')
    return kind
