from __future__ import annotations

from typing import Any

from ..viewbase import PhoneContext, ScreenContext


def phone(ctx: PhoneContext) -> None:
    pass  # the frame shows the step's title and text


def screen(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    def update(results: dict[str, Any]) -> None:
        pass
    return update
