"""Importing this package registers every page route."""
from . import accessibility, console, phone, screen, start  # noqa: F401
