"""Database engine and transactions: an SQLite file by default, PostgreSQL through DATABASE_URL."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, create_engine

from . import models  # noqa: F401  (registers the tables)

_engine: Engine | None = None
# SQLite lets one writer in at a time and makes the others poll, sleeping up to 100 ms between tries: under
# a room of phones the lock then sits free while every waiter sleeps. Queueing our own writers here hands the
# lock on at once (bench/ladder_bench.py). PostgreSQL locks rows and needs none of this.
_sqlite_writer = threading.Lock()


def configure(url: str) -> Engine:
    """Create the engine for `url` and the tables it lacks."""
    global _engine  # noqa: PLW0603
    if _engine is not None:
        _engine.dispose()
    if url.startswith('postgresql://'):
        url = 'postgresql+psycopg://' + url.removeprefix('postgresql://')
    if url.startswith('sqlite'):
        Path(url.split('///', 1)[1]).parent.mkdir(parents=True, exist_ok=True)
        _engine = create_engine(url, connect_args={'check_same_thread': False, 'timeout': 30})
        _make_sqlite_safe(_engine)
    else:
        _engine = create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
    SQLModel.metadata.create_all(_engine)
    _add_missing_columns(_engine)
    return _engine


def _add_missing_columns(new_engine: Engine) -> None:
    """create_all makes missing tables but not missing columns: add the columns a newer release brought to the
    tables of an older database, so an upgrade keeps every municipality's workshops."""
    inspector = inspect(new_engine)
    with new_engine.begin() as connection:
        for table in SQLModel.metadata.sorted_tables:
            present = {column['name'] for column in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in present:
                    kind = column.type.compile(dialect=new_engine.dialect)
                    default = _literal(column.default.arg) if column.default is not None and column.default.is_scalar \
                        else None
                    connection.exec_driver_sql(f'ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}'
                                               + (f' NOT NULL DEFAULT {default}' if default is not None else ''))


def _literal(value: object) -> str | None:
    if isinstance(value, bool):
        return str(int(value)) if engine().dialect.name == 'sqlite' else str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return None


def engine() -> Engine:
    if _engine is None:
        from .config import settings
        return configure(settings().effective_database_url)
    return _engine


def is_postgres() -> bool:
    return engine().dialect.name == 'postgresql'


def _make_sqlite_safe(sqlite_engine: Engine) -> None:
    """WAL, a busy timeout and foreign keys; every transaction takes the write lock at its start
    (BEGIN IMMEDIATE) of a write transaction, so a rule's check and its insert can never interleave with another writer."""

    @event.listens_for(sqlite_engine, 'connect')
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # let us issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute('PRAGMA journal_mode=WAL')
        cursor.execute('PRAGMA busy_timeout=30000')
        cursor.execute('PRAGMA foreign_keys=ON')
        cursor.execute('PRAGMA synchronous=NORMAL')
        cursor.close()

    @event.listens_for(sqlite_engine, 'begin')
    def _on_begin(connection):  # type: ignore[no-untyped-def]
        connection.exec_driver_sql(f'BEGIN {connection.get_execution_options().get("sqlite_begin", "DEFERRED")}')


@contextmanager
def transaction() -> Iterator[Session]:
    """One short transaction: committed on success, rolled back on any error."""
    queue = nullcontext() if is_postgres() else _sqlite_writer
    with queue, Session(engine().execution_options(sqlite_begin='IMMEDIATE'), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def reading() -> Iterator[Session]:
    with Session(engine(), expire_on_commit=False) as session:
        yield session


@contextmanager
def snapshot() -> Iterator[Session]:
    """Reads that all see the database as it was at the first of them, while others write: one transaction
    (SQLite in WAL mode keeps a reader's snapshot), REPEATABLE READ on PostgreSQL."""
    bind = engine().execution_options(isolation_level='REPEATABLE READ') if is_postgres() else engine()
    with Session(bind, expire_on_commit=False) as session, session.begin():
        yield session
