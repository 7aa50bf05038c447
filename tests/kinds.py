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


def every_kind_plan(ideas: list[str] = IDEAS, own_cards: list[str] | None = None) -> plans.Plan:
    """Ideas first (a kind where residents write cards, with these cards), then one step per kind, each with the
    settings its kind starts a new step with; a step that holds cards of its own gets `own_cards`, if given."""
    collecting = next(kind for kind in KINDS.values() if kind.has(COLLECTS_IDEAS))
    steps = [plans.StepPlan(key=IDEAS_KEY, kind=collecting.name, title='Ideeën', cards=ideas)]
    for kind in KINDS.values():
        step = plans.StepPlan(key=step_key(kind.name), kind=kind.name, title=f'Stap: {kind.name}',
                              settings=kind.starter(steps, Translator()))
        if own_cards and kind.holds_own_cards(step):  # type: ignore[arg-type]  (it reads key and settings)
            step.cards = own_cards
        steps.append(step)
    default = plans.load(plans.DEFAULT_PLAN)
    draft = plans.Plan(name='elke-soort', title='Elke soort stap', question='Werkt elke soort stap?', description='',
                       min_group_size=default.min_group_size, perspectives=default.perspectives,
                       ladder=default.ladder, steps=steps)
    return plans.parse(plan_writer.as_raw(draft), 'elke-soort.toml')  # checked as a plan file is


def every_kind_workshop(owner_id: int | None = None, plan: plans.Plan | None = None) -> Workshop:
    workshop = workshops.create(plan or every_kind_plan(), owner_id=owner_id)
    workshops.open_for_joining(workshop.id)
    return workshop
