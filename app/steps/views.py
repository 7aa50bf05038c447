"""The registry of step kinds' views (NiceGUI), one `views` module beside each kind's `rules` module."""
from importlib import import_module
from types import ModuleType

from . import RULES

VIEWS: dict[str, ModuleType] = {kind: import_module(f'{__package__}.{kind}.views') for kind in RULES}
