"""Importing this package registers every page route."""
from . import accessibility, console, login, phone, prepare, results, screen, start  # noqa: F401
