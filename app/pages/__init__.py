"""Importing this package registers every page route."""
from . import console, phone, screen, start  # noqa: F401
