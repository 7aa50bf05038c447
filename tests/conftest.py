"""Shared fixtures: a real database (SQLite file, and PostgreSQL when TEST_DATABASE_URL is set)."""
from __future__ import annotations

import os

import pytest
from sqlmodel import SQLModel

from app import db

DATABASES = ['sqlite'] + (['postgresql'] if os.environ.get('TEST_DATABASE_URL') else [])


@pytest.fixture(params=DATABASES)
def database(request, tmp_path):
    """An empty database of each kind the machine offers; the app's engine points at it."""
    if request.param == 'sqlite':
        engine = db.configure(f'sqlite:///{tmp_path / "test.db"}')
    else:
        engine = db.configure(os.environ['TEST_DATABASE_URL'])
        SQLModel.metadata.drop_all(engine)
        SQLModel.metadata.create_all(engine)
    yield request.param
    engine.dispose()
