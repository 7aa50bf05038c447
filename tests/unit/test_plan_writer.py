"""A plan written by plan_writer reads back as the same plan: every plan in sessions/, and one with every kind."""
from __future__ import annotations

import pytest

from app import plan_writer, plans

from ..kinds import every_kind_plan


def read_back(plan: plans.Plan, source: str) -> plans.Plan:
    return plans.read(plan_writer.dump(plan).encode('utf-8'), source)


@pytest.mark.parametrize('name', plans.available())
def test_every_plan_in_sessions_round_trips(name):
    plan = plans.load(name)
    assert read_back(plan, f'{name}.toml') == plan


def test_a_plan_with_every_kind_round_trips():
    plan = every_kind_plan()
    again = read_back(plan, 'elke-soort.toml')
    assert again == plan
    assert [(step.kind, step.settings, step.cards) for step in again.steps] == \
        [(step.kind, step.settings, step.cards) for step in plan.steps]


def test_awkward_text_round_trips():
    plan = plans.load(plans.DEFAULT_PLAN)
    plan.question = 'Wat vindt u van "de wijk"? \\ 100 % — één café 😀'
    plan.steps[0].title = 'Titel met "aanhalingstekens" en \\n als tekst'
    plan.steps[0].body = 'Eerste regel\n"Tweede" regel eindigt op een aanhalingsteken"'
    plan.perspectives = ['Inwoner = buurtbewoner', "Mantelzorger's"]
    assert read_back(plan, f'{plan.name}.toml') == plan
