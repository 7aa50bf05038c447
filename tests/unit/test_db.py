from sqlalchemy import inspect, text

from app import db, plans
from app import workshop as workshops


def test_an_older_database_gets_new_columns_and_keeps_its_workshops(database):
    made = workshops.create(plans.load(plans.DEFAULT_PLAN), title='Van vorig jaar')
    url = db.engine().url.render_as_string(hide_password=False)
    with db.engine().begin() as connection:  # the database as an older release left it
        connection.execute(text('ALTER TABLE workshop DROP COLUMN place'))
    db.configure(url)
    assert 'place' in {column['name'] for column in inspect(db.engine()).get_columns('workshop')}
    kept = workshops.find(code=made.code)
    assert kept.title == 'Van vorig jaar' and kept.place == ''
