"""The schema is versioned with Alembic: a database made by main before Alembic, or an empty one, is upgraded in
place at start-up with every workshop, answer and card kept (SQLite, and PostgreSQL when TEST_DATABASE_URL is set)."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, String, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from app import db, plans
from app import workshop as workshops

from ..conftest import DATABASES, drop_every_table

FIXTURES = Path(__file__).parent / 'fixtures'
TABLES = ['account', 'workshop', 'participant', 'step', 'card', 'answer']
WHEN = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def head() -> str:
    config = Config()
    config.set_main_option('script_location', str(db.MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


@pytest.fixture(params=DATABASES)
def empty_url(request, tmp_path):
    """The address of an empty database of each kind; nothing configured yet (the next configure() disposes the
    engine a test leaves, and the private PostgreSQL database is dropped with its connections at the end)."""
    if request.param == 'sqlite':
        return f'sqlite:///{tmp_path / "samenspraak.db"}'
    return request.getfixturevalue('empty_postgresql')


def plain_engine(url: str):  # type: ignore[no-untyped-def]
    """An engine that knows nothing of the app, to build and read the database as an outsider."""
    parsed = make_url(url)
    return create_engine(parsed.set(drivername='postgresql+psycopg') if parsed.drivername == 'postgresql' else parsed)


def build_main_before_alembic(url: str) -> None:
    """The tables main made with create_all before Alembic (frozen DDL) and a workshop that was run in them."""
    engine = plain_engine(url)
    on_sqlite = engine.dialect.name == 'sqlite'
    when = WHEN.strftime('%Y-%m-%d %H:%M:%S.%f') if on_sqlite else WHEN  # as SQLAlchemy wrote it on SQLite

    def insert(table: str, **row: object) -> int:
        row = {key: json.dumps(value) if isinstance(value, list | dict) else value for key, value in row.items()}
        names = ', '.join(row)
        values = ', '.join(f':{name}' for name in row)
        return connection.execute(text(f'INSERT INTO {table} ({names}) VALUES ({values}) RETURNING id'), row).scalar()

    with engine.begin() as connection:
        for statement in (FIXTURES / f'main_before_alembic.{engine.dialect.name}.sql').read_text().split(';\n'):
            if statement.strip():
                connection.exec_driver_sql(statement)
        owner = insert('account', name='Fenna', password_hash='$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
                       is_admin=False, created_at=when)
        workshop = insert(
            'workshop', code='OUD123', join_token='j' * 43, screen_token='s' * 43, host_token='h' * 43,
            title='Speeltuin Oosterpark', question='Wat maakt de speeltuin veilig?', municipality='Amsterdam',
            place='Buurthuis', facilitator='Fenna', owner_id=owner, plan_name='Methode Jet',
            ladder=[{'label': 'Informeren', 'description': 'De gemeente vertelt'}, {'label': 'Meebeslissen'}],
            perspectives=['bewoner', 'ondernemer'], min_group_size=3, status='ended', joining_locked=True,
            current_step_id=None, created_at=when, ended_at=when,
            previous={'code': 'VOR001', 'title': 'Vorig jaar', 'cards': [['Meer licht', 'bij de ingang']]})
        steps = {kind: insert('step', workshop_id=workshop, position=position, key=kind, kind=kind, title=kind.title(),
                              body='', settings=settings, locked=position < 4, results_visible=True,
                              split_by_perspective=kind == 'scale', timer_ends_at=None, opened_at=when, closed_at=when)
                 for position, (kind, settings) in enumerate([
                     ('cards', {'max_cards': 3}), ('dots', {'cards_from': 'cards', 'dots': 3, 'stack': True}),
                     ('scale', {'labels': ['slecht', 'goed'], 'current_and_wanted': True}),
                     ('poll', {'options': ['ja', 'nee', 'weet niet']}), ('consent', {})])}
        connection.execute(text('UPDATE workshop SET current_step_id = :step'), {'step': steps['consent']})
        anna, bram = (insert('participant', workshop_id=workshop, browser_key=key, pseudonym=pseudonym, nickname=nick,
                             perspective=perspective, joined_at=when)
                      for key, pseudonym, nick, perspective in [('k-anna', 'Vos 1', 'Anna', 'bewoner'),
                                                                ('k-bram', 'Uil 2', '', 'ondernemer')])
        light = insert('card', workshop_id=workshop, step_id=steps['cards'], participant_id=anna, text='Meer licht',
                       motivation="'s avonds donker", hidden=False, group_id=None, origin='', request_key='r-1',
                       created_at=when)
        insert('card', workshop_id=workshop, step_id=steps['cards'], participant_id=bram, text='Lampen',
               motivation='', hidden=False, group_id=light, origin='', request_key='r-2', created_at=when)
        insert('card', workshop_id=workshop, step_id=steps['cards'], participant_id=None, text='=SOM(A1)',
               motivation='', hidden=True, group_id=None, origin='lijst', request_key=None, created_at=when)
        for participant, target, slot, card, value, choice, reason in [
                (anna, light, 0, light, None, '', ''), (anna, light, 1, light, None, '', ''),
                (bram, light, 0, light, None, '', '')]:
            insert('answer', step_id=steps['dots'], participant_id=participant, target=target, slot=slot,
                   card_id=card, value=value, choice=choice, reason=reason, created_at=when)
        for slot, value in enumerate([2, 5]):  # now and wanted
            insert('answer', step_id=steps['scale'], participant_id=anna, target=0, slot=slot, card_id=None,
                   value=value, choice='', reason='', created_at=when)
        insert('answer', step_id=steps['poll'], participant_id=bram, target=0, slot=1, card_id=None, value=None,
               choice='nee', reason='', created_at=when)
        insert('answer', step_id=steps['consent'], participant_id=anna, target=0, slot=0, card_id=None, value=None,
               choice='bezwaar', reason='Te weinig bankjes', created_at=when)
    engine.dispose()


def every_row(url: str) -> dict[str, list[dict]]:
    engine = plain_engine(url)
    with engine.connect() as connection:
        rows = {table: [dict(row._mapping) for row in connection.execute(text(f'SELECT * FROM {table} ORDER BY id'))]
                for table in TABLES}
    engine.dispose()
    return rows


def test_a_database_from_before_alembic_is_upgraded_with_every_workshop_answer_and_card(empty_url):
    build_main_before_alembic(empty_url)
    before = every_row(empty_url)

    db.configure(empty_url)

    after = every_row(empty_url)
    replaced = {'split_by_perspective'}  # by split_by (0007): a step that was split stays split, by perspective
    for table in TABLES:
        assert [{name: row[name] for name in old if name not in replaced}
                for row, old in zip(after[table], before[table], strict=True)] \
            == [{name: value for name, value in row.items() if name not in replaced} for row in before[table]], table
    assert [row['split_by'] for row in after['step']] == ['', '', 'perspective', '', '']
    assert [len(before[table]) for table in TABLES] == [1, 1, 2, 5, 3, 7]
    assert {row['source'] for row in after['participant']} == {'telefoon'}  # who joined before paper: by phone
    with db.engine().connect() as connection:
        assert connection.execute(text('SELECT version_num FROM alembic_version')).scalars().all() == [head()]
    kept = workshops.find(code='OUD123')  # the app reads it as it did before
    assert kept.ladder[0]['label'] == 'Informeren' and kept.previous['cards'] == [['Meer licht', 'bij de ingang']]
    assert kept.created_at == WHEN
    cards = next(step for step in workshops.state(kept.id).steps if step.kind == 'cards')
    assert [card.text for card in workshops.cards_of_step(cards.id)] == ['Meer licht', 'Lampen', '=SOM(A1)']
    workshops.create(plans.load(plans.DEFAULT_PLAN), title='Na de upgrade')  # new rows get new ids
    workshops.delete(kept.id)  # and its cards and answers go with it (ON DELETE CASCADE survived)
    assert {table: len(rows) for table, rows in every_row(empty_url).items()
            if table in ('participant', 'card', 'answer')} == {'participant': 0, 'card': 0, 'answer': 0}


def test_an_empty_database_gets_the_schema_the_models_declare(empty_url):
    db.configure(empty_url)
    db.configure(empty_url)  # a second start finds nothing to do
    with db.engine().connect() as connection:
        assert connection.execute(text('SELECT version_num FROM alembic_version')).scalars().all() == [head()]
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []


def test_the_baseline_makes_the_schema_main_had_before_alembic(empty_url):
    """The baseline must be what create_all made, or stamping an old database would be a lie."""
    build_main_before_alembic(empty_url)
    old = describe(empty_url)
    if make_url(empty_url).drivername == 'sqlite':
        Path(make_url(empty_url).database).unlink()
    else:
        drop_every_table(empty_url)
    baseline_engine = db.make_engine(empty_url)
    db.upgrade(baseline_engine, db.BASELINE)
    baseline_engine.dispose()
    assert describe(empty_url) == old


def describe(url: str) -> dict[str, object]:
    engine = plain_engine(url)
    inspector = inspect(engine)
    described = {}
    for table in TABLES:
        described[table] = (
            [(column['name'], str(column['type']), column['nullable']) for column in inspector.get_columns(table)],
            sorted((tuple(key['constrained_columns']), key['referred_table'], key['options'].get('ondelete'))
                   for key in inspector.get_foreign_keys(table)),
            sorted((index['name'], tuple(index['column_names']), bool(index['unique']))
                   for index in inspector.get_indexes(table)),
            sorted(tuple(unique['column_names']) for unique in inspector.get_unique_constraints(table)))
    engine.dispose()
    return described


def test_processes_starting_together_upgrade_the_database_once(empty_url):
    starts = [subprocess.Popen([sys.executable, '-c', 'import sys; from app import db; db.configure(sys.argv[1])',
                                empty_url], cwd=Path(__file__).parents[2], stderr=subprocess.PIPE, text=True)
              for _ in range(3)]
    for start in starts:
        assert start.wait(timeout=120) == 0, start.stderr.read()
    db.configure(empty_url)
    with db.engine().connect() as connection:
        assert connection.execute(text('SELECT version_num FROM alembic_version')).scalars().all() == [head()]


def test_a_migration_that_rebuilds_an_sqlite_table_keeps_the_rows_that_refer_to_it(tmp_path):
    """SQLite alters a table by copying it and dropping the old one; with foreign keys on, that drop would delete
    every step, participant, card and answer of every workshop (ON DELETE CASCADE)."""
    db.configure(f'sqlite:///{tmp_path / "samenspraak.db"}')
    made = workshops.create(plans.load(plans.DEFAULT_PLAN), title='Blijft staan')
    steps = len(workshops.state(made.id).steps)
    with db._migrating(db.engine()) as connection:  # what a future revision's batch_alter_table does
        operations = Operations(MigrationContext.configure(connection))
        with operations.batch_alter_table('workshop', recreate='always') as batch:
            batch.add_column(Column('note', String(), nullable=True))
    assert len(workshops.state(made.id).steps) == steps > 0
    with db.engine().connect() as connection:
        assert connection.exec_driver_sql('PRAGMA foreign_keys').scalar() == 1  # on again for the app
    db.engine().dispose()
