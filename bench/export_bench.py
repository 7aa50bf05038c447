"""How long the Excel export of a large workshop takes, and how big the file gets. Not part of the tests.

    python bench/export_bench.py [--participants 500] [--cards 2000] [--database sqlite:///tmp/bench.db]

Rows are inserted in bulk, straight into the tables, so setting up stays quick; the export then reads them
like any other workshop."""
from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

from sqlalchemy import insert
from sqlmodel import select

sys.path.insert(0, str(Path(__file__).parents[1]))

from app import db, plans  # noqa: E402
from app import workshop as workshops  # noqa: E402
from app.export import workbook  # noqa: E402
from app.models import Answer, Card, Participant, Step  # noqa: E402

DOTS = 11  # dots per participant
LADDER_CARDS = 12  # cards each participant places, now and desired


def fill(participants: int, cards: int, owner_id: int | None = None) -> tuple[int, int]:
    """A workshop from the default plan plus a ladder step; returns its id and the number of answers."""
    rng = random.Random(1)
    plan = plans.load(plans.DEFAULT_PLAN)
    workshop = workshops.create(plan, title='Benchmark', municipality='Benchgemeente', owner_id=owner_id)
    with db.transaction() as session:
        steps = {step.key: step for step in session.exec(select(Step).where(Step.workshop_id == workshop.id))}
        ladder = Step(workshop_id=workshop.id, position=len(steps), key='eigenaar', kind='ladder',
                      title='Wie wordt eigenaar?', settings={'cards_from': 'ideeen'})
        session.add(ladder)
        session.execute(insert(Participant), [
            {'workshop_id': workshop.id, 'browser_key': f'b{n}', 'pseudonym': f'D-{n:06d}',
             'perspective': rng.choice(plan.perspectives + [''])} for n in range(participants)])
        session.flush()
        people = list(session.exec(select(Participant.id).where(Participant.workshop_id == workshop.id)))
        session.execute(insert(Card), [
            {'workshop_id': workshop.id, 'step_id': steps['ideeen'].id, 'participant_id': rng.choice(people),
             'text': f'Idee {n}: ' + 'meer ruimte in de wijk ' * rng.randint(1, 8),
             'motivation': 'Omdat het nodig is. ' * rng.randint(0, 5)} for n in range(cards)])
        card_ids = list(session.exec(select(Card.id).where(Card.workshop_id == workshop.id)))
        top = card_ids[:3]
        answers = []
        for person in people:
            answers += [{'step_id': steps[key].id, 'participant_id': person, 'value': rng.randint(1, 5)}
                        for key in ('nu', 'evaluatie')]
            answers += [{'step_id': steps['kiezen'].id, 'participant_id': person, 'slot': slot, 'value': 1,
                         'card_id': rng.choice(card_ids)} for slot in range(DOTS)]
            answers += [{'step_id': steps['leven'].id, 'participant_id': person, 'target': card, 'card_id': card,
                         'choice': rng.choice(['ja', 'ja_maar', 'nee_want'])} for card in top]
            answers += [{'step_id': ladder.id, 'participant_id': person, 'target': card, 'slot': slot, 'card_id': card,
                         'value': rng.randint(0, 5)} for card in card_ids[:LADDER_CARDS] for slot in (0, 1)]
        session.execute(insert(Answer), answers)
        return workshop.id, len(answers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--participants', type=int, default=500)
    parser.add_argument('--cards', type=int, default=2000)
    parser.add_argument('--database', default='', help='default: a new SQLite file in a temporary folder')
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db.configure(arguments.database or f'sqlite:///{folder}/bench.db')
        started = time.perf_counter()
        workshop_id, answers = fill(arguments.participants, arguments.cards)
        print(f'filled: {arguments.participants} participants, {arguments.cards} cards, {answers} answers '
              f'in {time.perf_counter() - started:.1f} s')
        started = time.perf_counter()
        book = workbook.build(workshop_id)
        built = time.perf_counter() - started
        stream = BytesIO()
        book.save(stream)
        total = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f'export: {total:.2f} s (build {built:.2f} s, save {total - built:.2f} s), '
              f'{len(stream.getvalue()) / 1e6:.2f} MB, peak memory {peak:.0f} MB')


if __name__ == '__main__':
    main()
