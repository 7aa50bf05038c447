"""What every facilitator's page of one workshop shares: the page is shown only to who may run the workshop, and
each action is checked again and run off the event loop, with what went wrong said in the facilitator's words."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import run, ui
from nicegui.element import Element

from .. import accounts
from .. import workshop as workshops
from ..i18n import Translator
from ..models import Workshop
from ..steps.base import DomainError
from ..text import TextError
from .frame import page_title
from .login import signed_in


async def workshop_for(tr: Translator, host_token: str, path: str) -> Workshop | None:
    """The workshop of this secret link if the signed-in facilitator may run it; else a sign-in link back to `path`."""
    workshop = await run.io_bound(workshops.find, host_token=host_token)
    if workshop is None or not accounts.may_run(await signed_in(), workshop):
        page_title(tr, 'console.not_allowed')
        ui.link(tr('account.sign_in'), f'/login?next={path}').props('data-testid=sign-in-link')
        return None
    return workshop


async def may_act(tr: Translator, user_storage: dict, workshop: Workshop, say: Callable[[str], None]) -> bool:
    """Checked again for every action: events can be forged and an account can be signed out or removed."""
    if accounts.may_run(await signed_in(user_storage), workshop):
        return True
    say(tr('console.not_allowed'))
    return False


async def attempt(tr: Translator, say: Callable[[str], None], function: Callable[..., Any], *args: Any,
                  **kwargs: Any) -> bool:
    """Run one action off the event loop; True when it was stored, else what was refused is said."""
    try:
        await run.io_bound(function, *args, **kwargs)
    except (DomainError, TextError) as error:
        say(tr(error.key, **error.args_))
        return False
    return True


def named(element: Element, name: str) -> Element:
    """Give an element its accessible name. Not through `.props()`: a step's title can come from a shared plan
    file, and props parsed from a string would take `x" href="javascript:…` as a second prop."""
    element._props['aria-label'] = name
    return element
