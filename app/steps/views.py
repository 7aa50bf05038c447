"""The registry of step kinds' views (NiceGUI); the rules' registry is steps/__init__.py."""
from types import ModuleType

from .arrange import views as arrange
from .cards import views as cards
from .consent import views as consent
from .dots import views as dots
from .info import views as info
from .perspective import views as perspective
from .poll import views as poll
from .scale import views as scale

VIEWS: dict[str, ModuleType] = {
    'info': info,
    'perspective': perspective,
    'cards': cards,
    'scale': scale,
    'poll': poll,
    'arrange': arrange,
    'dots': dots,
    'consent': consent,
}
