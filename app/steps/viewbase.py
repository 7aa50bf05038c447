"""What a kind's views are given. A views module provides:
  phone(ctx: PhoneContext)  builds what a participant sees and may do on this step
  screen(ctx: ScreenContext) -> Callable[[results], None]  builds the results view; the callable updates it in place
  console(ctx: ScreenContext) -> Callable[[results], None]  optional: facilitator-only parts beside the preview
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from ..i18n import Translator
from ..models import Step, Workshop
from .shapes import Asks


@dataclass
class PhoneContext:
    tr: Translator
    step: Step
    workshop: Workshop
    mine: dict[str, Any]  # what this participant has given here
    asks: Asks  # what the step asks about; a phone never gets the step's results (no counts before the reveal)
    send: Callable[[dict[str, Any]], Awaitable[dict[str, Any] | None]]  # stores an action; new `mine` or None


@dataclass
class ScreenContext:
    tr: Translator
    step: Step
    workshop: Workshop
    # on the console only: run a facilitator's action through the kind's `moderate` (True when it was stored)
    moderate: Callable[[dict[str, Any]], Awaitable[bool]] | None = None
