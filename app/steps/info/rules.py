"""An information step: title and text on phone and screen; nothing to answer."""
from __future__ import annotations

from sqlmodel import Session

from ...models import Step, Workshop
from ..base import StrictSettings
from ..shapes import NoResults


class Settings(StrictSettings):
    pass


def results(db: Session, step: Step, workshop: Workshop) -> NoResults:
    return NoResults()
