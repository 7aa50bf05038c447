"""The registry of step kinds' rules. Adding a kind = a folder with rules.py and views.py, and one line here."""
from types import ModuleType

from .arrange import rules as arrange
from .cards import rules as cards
from .consent import rules as consent
from .dots import rules as dots
from .info import rules as info
from .ladder import rules as ladder
from .perspective import rules as perspective
from .poll import rules as poll
from .scale import rules as scale

RULES: dict[str, ModuleType] = {
    'info': info,
    'perspective': perspective,
    'cards': cards,
    'scale': scale,
    'poll': poll,
    'arrange': arrange,
    'dots': dots,
    'ladder': ladder,
    'consent': consent,
}
