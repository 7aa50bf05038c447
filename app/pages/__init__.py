"""Importing this package registers every page route."""
from . import accessibility, console, helper, login, phone, results, screen, start  # noqa: F401
