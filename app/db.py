"""Database engine and transactions: an SQLite file by default, PostgreSQL through DATABASE_URL."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, create_engine

MIGRATIONS = Path(__file__).parent / 'migrations'
BASELINE = '0001_baseline'  # the schema as it was when Alembic came in; older databases are stamped with it
UPGRADE_LOCK = 0x53616D65  # 'Same': the PostgreSQL advisory lock our processes take around an upgrade

_engine: Engine | None = None
# SQLite lets one writer in at a time and makes the others poll, sleeping up to 100 ms between tries: under
# a room of phones the lock then sits free while every waiter sleeps. Queueing our own writers here hands the
# lock on at once (bench/ladder_bench.py). PostgreSQL locks rows and needs none of this.
_sqlite_writer = threading.Lock()


def configure(url: str) -> Engine:
    """Create the engine for `url` and bring its schema up to the newest migration."""
    global _engine  # noqa: PLW0603
    if _engine is not None:
        _engine.dispose()
    _engine = make_engine(url)
    upgrade(_engine)
    return _engine


def make_engine(url: str) -> Engine:
    if url.startswith('postgresql://'):
        url = 'postgresql+psycopg://' + url.removeprefix('postgresql://')
    if url.startswith('sqlite'):
        Path(url.split('///', 1)[1]).parent.mkdir(parents=True, exist_ok=True)
        new_engine = create_engine(url, connect_args={'check_same_thread': False, 'timeout': 30})
        _make_sqlite_safe(new_engine)
        return new_engine
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def upgrade(new_engine: Engine, to: str = 'head') -> None:
    """Run the migrations up to `to` (the newest by default). A database made before Alembic (its tables, no alembic_version) has
    the baseline's schema: it is stamped at the baseline first, so only the revisions after it run."""
    config = Config()
    config.set_main_option('script_location', str(MIGRATIONS))
    with _migrating(new_engine) as connection:
        config.attributes['connection'] = connection
        tables = inspect(connection).get_table_names()
        if 'workshop' in tables and 'alembic_version' not in tables:
            command.stamp(config, BASELINE)
        command.upgrade(config, to)


@contextmanager
def _migrating(new_engine: Engine) -> Iterator[Connection]:
    """One transaction for the whole upgrade, one process at a time: processes starting together on one
    database wait for the first one's upgrade and then find nothing left to do."""
    with new_engine.connect() as connection:
        if new_engine.dialect.name == 'postgresql':
            with connection.begin():
                connection.execute(text('SELECT pg_advisory_xact_lock(:key)'), {'key': UPGRADE_LOCK})
                yield connection
            return
        # A migration that rebuilds an SQLite table drops the old one, and with foreign keys on that deletes
        # every row referring to it (ON DELETE CASCADE). The pragma is ignored inside a transaction.
        sqlite = connection.connection.driver_connection
        sqlite.execute('PRAGMA foreign_keys=OFF')
        try:
            with connection.execution_options(sqlite_begin='IMMEDIATE').begin():  # the write lock, at once
                yield connection
        finally:
            sqlite.execute('PRAGMA foreign_keys=ON')


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
