"""Importing this package registers every page route."""
from . import accessibility, console, helper, login, phone, prepare, results, screen, start  # noqa: F401
