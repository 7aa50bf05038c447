"""Shared fixtures: a real database (SQLite file, and PostgreSQL when TEST_DATABASE_URL is set)."""
from __future__ import annotations

import os
import secrets

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from app import db

DATABASES = ['sqlite'] + (['postgresql'] if os.environ.get('TEST_DATABASE_URL') else [])


@pytest.fixture(scope='session')
def postgresql_url():
    """A database of our own on TEST_DATABASE_URL's server, dropped at the end: test runs sharing the server at the
    same time never see each other's tables."""
    server = make_url(os.environ['TEST_DATABASE_URL'])
    name = f'samenspraak_test_{secrets.token_hex(6)}'
    admin = create_engine(server.set(drivername='postgresql+psycopg'), isolation_level='AUTOCOMMIT')
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE {name}')
    yield server.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE {name} WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def empty_postgresql(postgresql_url):
    """The address of the private database with nothing in it, as a new installation finds it."""
    drop_every_table(postgresql_url)
    return postgresql_url


def drop_every_table(url: str) -> None:
    """Every table of the private database, alembic_version too."""
    engine = create_engine(make_url(url).set(drivername='postgresql+psycopg'))
    with engine.begin() as connection:
        connection.exec_driver_sql('DROP SCHEMA public CASCADE; CREATE SCHEMA public')
    engine.dispose()


@pytest.fixture(params=DATABASES)
def database(request, tmp_path):
    """An empty database of each kind the machine offers, with the migrated schema; the app's engine points at it."""
    if request.param == 'sqlite':
        engine = db.configure(f'sqlite:///{tmp_path / "test.db"}')
    else:
        engine = db.configure(request.getfixturevalue('empty_postgresql'))
    yield request.param
    engine.dispose()
