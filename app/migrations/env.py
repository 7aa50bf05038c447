"""Alembic's entry point. At start-up db.configure() hands over its connection, with the upgrade lock held; a
developer's `alembic revision --autogenerate` compares the models with the database the settings name."""
from alembic import context
from sqlmodel import SQLModel

from app import db, models  # noqa: F401  (models registers the tables)


def run_migrations(connection) -> None:  # type: ignore[no-untyped-def]
    # render_as_batch: SQLite cannot alter most of a table, so autogenerate writes batch operations that copy it
    context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if (given := context.config.attributes.get('connection')) is not None:
    run_migrations(given)
else:
    from app.config import settings
    with db.make_engine(settings().effective_database_url).connect() as connection:
        run_migrations(connection)
