"""Importing this package registers every page route."""
from . import accessibility, console, login, phone, screen, start  # noqa: F401
