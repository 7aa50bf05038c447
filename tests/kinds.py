"""A plan with one step of every registered kind, for the tests that must cover each kind (the contract test, the
accessibility test): a kind added as a folder is in them without editing a test."""
from __future__ import annotations

from app import plan_writer, plans
from app import workshop as workshops
from app.i18n import Translator
from app.models import Workshop
from app.steps import KINDS
from app.steps.kind import COLLECTS_IDEAS

IDEAS = ['Een huiskamer in de wijk', 'Brieven in gewone taal', 'Eén vast aanspreekpunt']
IDEAS_KEY = 'ideeen'


def step_key(kind_name: str) -> str:
    return f'stap-{kind_name}'


def every_kind_plan() -> plans.Plan:
    """Ideas first (a kind where residents write cards, with three cards), then one step per kind, each with the
    settings its kind starts a new step with."""
    ideas = next(kind for kind in KINDS.values() if kind.has(COLLECTS_IDEAS))
    steps = [plans.StepPlan(key=IDEAS_KEY, kind=ideas.name, title='Ideeën', cards=IDEAS)]
    for kind in KINDS.values():
        settings = kind.starter(steps, Translator())
        steps.append(plans.StepPlan(key=step_key(kind.name), kind=kind.name, title=f'Stap: {kind.name}',
                                    settings=settings))
    default = plans.load(plans.DEFAULT_PLAN)
    draft = plans.Plan(name='elke-soort', title='Elke soort stap', question='Werkt elke soort stap?', description='',
                       min_group_size=default.min_group_size, perspectives=default.perspectives,
                       ladder=default.ladder, steps=steps)
    return plans.parse(plan_writer.as_raw(draft), 'elke-soort.toml')  # checked as a plan file is


def every_kind_workshop(owner_id: int | None = None) -> Workshop:
    workshop = workshops.create(every_kind_plan(), owner_id=owner_id)
    workshops.open_for_joining(workshop.id)
    return workshop
