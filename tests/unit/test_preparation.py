"""Preparing a workshop: its plan saved as a plan file reads back into another workshop as the same plan."""
from __future__ import annotations

import pytest

from app import plan_writer, plans, preparation
from app import workshop as workshops
from app.steps import kind_of
from app.steps.base import DomainError

from ..kinds import every_kind_plan


def saved_and_loaded(plan: plans.Plan) -> plans.Plan:
    """Made into a workshop, saved as a file, read back and loaded into a second, new workshop."""
    first = workshops.create(plan)
    saved = plan_writer.dump(preparation.plan_of(first.id)).encode('utf-8')
    second = workshops.create(plans.load(plans.DEFAULT_PLAN), title='Andere gemeente')
    preparation.load_plan(second.id, plans.read(saved, 'gedeeld.toml'))
    return preparation.plan_of(second.id)


@pytest.mark.parametrize('plan', [plans.load(plans.DEFAULT_PLAN), every_kind_plan()], ids=['default', 'every-kind'])
def test_a_workshop_s_plan_round_trips_through_a_file_into_a_new_workshop(database, plan):
    again = saved_and_loaded(plan)
    assert [(s.key, s.kind, s.title, s.body, s.settings, s.cards) for s in again.steps] == \
        [(s.key, s.kind, s.title, s.body, s.settings, s.cards) for s in plan.steps]
    assert (again.title, again.question, again.perspectives, again.ladder, again.min_group_size) == \
        (plan.title, plan.question, plan.perspectives, plan.ladder, plan.min_group_size)


def test_the_plan_follows_edits_moves_and_typed_cards(database):
    workshop = workshops.create(every_kind_plan())
    steps = workshops.state(workshop.id).steps
    workshops.move_step(steps[2].id, -1)
    own = next(step for step in steps if kind_of(step.kind).holds_own_cards(step))
    workshops.add_card(workshop.id, own.id, 'Getypt kaartje')
    preparation.edit_header(workshop.id, title='Buurtgesprek', question='Wat kan beter?', min_group_size=4,
                            perspectives=['Inwoner', 'Gemeente'], ladder=[{'label': f'Trede {n}'} for n in range(3)])
    plan = preparation.plan_of(workshop.id)
    assert [step.key for step in plan.steps][:3] == [steps[0].key, steps[2].key, steps[1].key]
    assert plan.steps[0].cards[-1] == 'Getypt kaartje'
    assert (plan.title, plan.question, plan.min_group_size, plan.perspectives) == \
        ('Buurtgesprek', 'Wat kan beter?', 4, ['Inwoner', 'Gemeente'])
    assert plan.ladder == [{'label': f'Trede {n}', 'explanation': ''} for n in range(3)]


def test_a_plan_is_not_loaded_once_someone_joined(database):
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN))
    workshops.open_for_joining(workshop.id)
    resident = workshops.join(workshop.id, 'browser-1')
    ideas = next(step for step in workshops.state(workshop.id).steps if step.key == workshops.IDEA_STEP_KEY)
    workshops.go_to_step(workshop.id, ideas.id)
    workshops.act(resident.id, ideas.id, {'text': 'Een idee van een inwoner'})
    assert all(step.cards == [] for step in preparation.plan_of(workshop.id).steps)  # a resident's card is no plan's
    with pytest.raises(DomainError, match='prepare.not_draft'):
        preparation.load_plan(workshop.id, every_kind_plan())
    with pytest.raises(DomainError, match='prepare.not_draft'):
        preparation.edit_header(workshop.id, title='Anders', question='', min_group_size=3, perspectives=['Inwoner'],
                                ladder=[{'label': f'Trede {n}'} for n in range(3)])
    assert len(workshops.state(workshop.id).steps) == len(plans.load(plans.DEFAULT_PLAN).steps)
