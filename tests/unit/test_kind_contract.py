"""What every registered step kind promises, checked for each kind the registry finds (a new folder is in here
without a line of this file changing): settings round-trip, garbage refused with a domain error, an empty room,
results that serialise, texts in every language, its rows in the workbook, and its paper form in the printed kit."""
from __future__ import annotations

import dataclasses
import io
import json
import random

import openpyxl
import pytest
from sqlmodel import func, select

from app import db, kit, paper, table_hosts
from app import workshop as workshops
from app.export import workbook
from app.i18n import Translator, catalog, full_languages, languages
from app.models import Answer, Card
from app.steps import KINDS
from app.steps.base import DomainError
from app.steps.kind import PaperEntry
from app.steps.paper import Note, PaperForm, Tick, Write, text_of
from app.steps.shapes import Asks
from app.text import TextError
from app.widgets.settings_form import label

from ..kinds import every_kind_plan, every_kind_workshop, step_key
from .pdfs import text_of as pdf_text

GARBAGE = [{}, {'card': 'x'}, {'card': None}, {'card': True}, {'value': 'veel'}, {'option': -1}, {'text': 7},
           {'text': ['a']}, {'rung': 99}, {'answer': 'misschien'}, {'perspective': 3}, {'points': 'alles'},
           {'card': 10 ** 12, 'add': True}]
KIND_NAMES = list(KINDS)


@pytest.fixture
def room(database):
    workshop = every_kind_workshop()
    steps = {step.key: step for step in workshops.state(workshop.id).steps}
    return workshop, steps


def test_the_registry_finds_every_folder_with_a_kind():
    assert KIND_NAMES and all(kind.folder.name == name for name, kind in KINDS.items())


@pytest.mark.parametrize('name', KIND_NAMES)
def test_settings_round_trip(name):
    step = next(step for step in every_kind_plan().steps if step.key == step_key(name))
    settings = KINDS[name].validate(step.settings)
    assert KINDS[name].validate(settings.model_dump()) == settings


@pytest.mark.parametrize('name', KIND_NAMES)
def test_garbage_actions_are_refused_with_a_domain_error_and_change_nothing(room, name):
    workshop, steps = room
    step = steps[step_key(name)]
    workshops.go_to_step(workshop.id, step.id)
    person = workshops.join(workshop.id, 'garbage')
    before = counts()
    for action in GARBAGE:
        try:
            workshops.act(person.id, step.id, action)
        except (DomainError, TextError) as refused:
            assert catalog('nl').get(refused.key), refused.key  # a message the phone can show
        else:
            raise AssertionError(f'{name} accepted {action}')
    assert counts() == before


@pytest.mark.parametrize('name', KIND_NAMES)
def test_an_empty_room_has_valid_answers_asks_and_results_that_serialise(room, name):
    workshop, steps = room
    step = steps[step_key(name)]
    assert workshops.mine_of_everyone(step.id) == {}
    person = workshops.join(workshop.id, 'alleen')
    assert isinstance(workshops.mine(person.id, step.id), dict)
    assert isinstance(workshops.asks(step.id), Asks)
    results = workshops.results(step.id)
    assert dataclasses.is_dataclass(results)
    json.dumps(dataclasses.asdict(results))


@pytest.mark.parametrize('name', KIND_NAMES)
def test_every_language_has_the_kinds_texts(name):
    folder = KINDS[name].folder
    for language in languages():
        assert (folder / 'locale' / f'{language}.toml').exists(), language
        assert catalog(language).get(f'kind.{name}'), language


@pytest.mark.parametrize('name', KIND_NAMES)
def test_every_setting_has_a_label_for_its_form_in_every_language(name):
    kind = KINDS[name]
    for language in languages():
        missing = [field for field in kind.settings.model_fields
                   if label(Translator(language), kind, field) == f'settings.{field}']
        assert missing == [], language


@pytest.mark.parametrize('name', KIND_NAMES)
def test_views_give_a_phone_and_a_screen(name):
    views = KINDS[name].view_module()
    assert callable(views.phone) and callable(views.screen)


@pytest.mark.parametrize('name', KIND_NAMES)
def test_every_kind_says_whether_and_how_it_is_answered_on_paper(room, name):
    """A paper resident's answers, entered by their table host, go through the kind's own rule: its demo answers
    count like a phone's, garbage is refused; a kind that cannot be answered on paper says why, in every language."""
    kind = KINDS[name]
    assert isinstance(kind.paper_entry, PaperEntry)
    workshop, steps = room
    step = steps[step_key(name)]
    workshops.go_to_step(workshop.id, step.id)
    helper = table_hosts.add(workshop.id, 'Hanna', 'Tafel 1').helper
    resident = paper.add_resident(helper.id)
    before = counts()
    if not kind.paper_entry.answers:
        assert not kind.paper_entry.stack
        assert all(catalog(language).get(kind.paper_entry.why_not) for language in full_languages())
        with pytest.raises(DomainError) as refused:
            paper.act_for(helper.id, resident.id, step.id, {})
        assert refused.value.key == kind.paper_entry.why_not and counts() == before
        return
    for action in GARBAGE:
        with pytest.raises((DomainError, TextError)):
            paper.act_for(helper.id, resident.id, step.id, action)
    assert counts() == before
    actions = kind.demo(step, workshops.asks(step.id), [resident], random.Random(5)) if kind.demo else []
    for person, action in actions:
        paper.act_for(helper.id, person.id, step.id, action)
    assert workshops.answered(step.id) == (1 if actions else 0)


@pytest.mark.parametrize('name', KIND_NAMES)
def test_every_kind_declares_its_paper_form_and_the_kit_prints_all_of_it(room, name, tmp_path):
    """A kind's paper form (here with the cards its step asks about) is None, nothing to print, or parts whose every
    text is said in each full language and stands in the printed kit under the step's heading."""
    workshop, steps = room
    step = steps[step_key(name)]
    form = KINDS[name].paper_form(step, workshop, workshops.asks(step.id))
    printed = pdf_text(kit.pdf(workshop.id), tmp_path)
    heading = f'{step.title} Bijeenkomst:'
    if form is None:
        assert heading not in printed
        return
    assert isinstance(form, PaperForm) and form.parts
    texts = [text for part in form.parts for text in (
        [part.text] if isinstance(part, Note) else [part.label] if isinstance(part, Write) else part.choices)]
    assert all(isinstance(part, Note | Write | Tick) for part in form.parts)
    for language in ('nl', 'en'):
        said = [text_of(Translator(language), text) for text in texts]
        assert not [text for text in said if '{' in text or text in catalog('nl')], language  # no key, no hole
    form_text = printed[printed.index(heading):]
    assert [text for text in texts if text_of(Translator(), text) not in form_text] == []


def test_the_workbook_has_every_kinds_step_and_answers(room):
    """Each kind's demo answers (where it has them) reach the workbook: the step in Stappen with its label and
    its number of responses, and every answer of a kind with Stemmen rows as one row there."""
    workshop, steps = room
    people = [workshops.join(workshop.id, f'p{number}', perspective='Inwoner') for number in range(4)]
    rng = random.Random(3)
    for name, kind in KINDS.items():
        step = steps[step_key(name)]
        workshops.go_to_step(workshop.id, step.id)
        for person, action in (kind.demo(step, workshops.asks(step.id), people, rng) if kind.demo else []):
            workshops.act(person.id, step.id, action)
    book = openpyxl.load_workbook(io.BytesIO(workbook.as_bytes(workshop.id)))
    stappen = {row[1]: row for row in book['Stappen'].iter_rows(min_row=2, values_only=True)}
    stemmen = [row for row in book['Stemmen'].iter_rows(min_row=2, values_only=True) if row[0] is not None]
    for name, kind in KINDS.items():
        step = steps[step_key(name)]
        assert stappen[step.key][2] == kind.export.label
        number = stappen[step.key][0]
        if kind.export.vote is not None:
            with db.reading() as session:
                given = session.exec(select(func.count()).select_from(Answer).where(Answer.step_id == step.id)).one()
            assert sum(1 for row in stemmen if row[0] == number) == given, name


def counts() -> tuple[int, int]:
    with db.reading() as session:
        return (session.exec(select(func.count()).select_from(Answer)).one(),
                session.exec(select(func.count()).select_from(Card)).one())
