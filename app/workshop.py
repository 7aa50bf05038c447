"""Rules every step shares: create, join, act, advance, lock, reveal, timer, moderate, edit, end.

Every function here is one short transaction and blocks: pages call them through `run.io_bound`."""
from __future__ import annotations

import secrets
from urllib.parse import urlencode
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, delete as sql_delete, func, select

from . import changes, config, db, table_hosts
from .models import PAPER, Answer, Card, Participant, Step, Workshop, now
from .plans import Plan
from .steps import KINDS, kind_of
from .steps.base import SPLITS, DomainError, perspective_counts as counts_per_perspective
from .steps.kind import COLLECTS_IDEAS
from .steps.shapes import Asks
from .text import clean
from .throttle import Throttle

CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'  # no 0/O or 1/I: easy to read aloud and type
CODE_LENGTH = 6
NICKNAME_MAX_LENGTH = 40
PSEUDONYM_TRIES = 5  # draws of a pseudonym (one of 32^6) before a join gives up
TITLE_MAX_LENGTH = 120
BODY_MAX_LENGTH = 2000
IDEA_STEP_KEY = 'ideeen'  # the Methode Jet plan's ideas step, where a follow-up session's cards go
PLAN_ORIGIN = 'plan'  # a card the session plan lists for a step
TYPED_ORIGIN = 'begeleider'  # a card the facilitator typed in the console


@dataclass
class State:
    """A detached picture of a workshop and its steps, shared by every page of that workshop."""
    workshop: Workshop
    steps: list[Step] = field(default_factory=list)
    removed: list[Step] = field(default_factory=list)  # steps taken out with answers in them, which can be put back

    @property
    def current(self) -> Step | None:
        return next((step for step in self.steps if step.id == self.workshop.current_step_id), None)


def _random_code(alphabet: str, length: int) -> str:
    return ''.join(secrets.choice(alphabet) for _ in range(length))


def create(plan: Plan, *, title: str = '', municipality: str = '', place: str = '', facilitator: str = '',
           owner_id: int | None = None) -> Workshop:
    with db.transaction() as session:
        return _create(session, plan, title=title, municipality=municipality, place=place, facilitator=facilitator,
                       owner_id=owner_id)


def _create(session: Session, plan: Plan, *, title: str, municipality: str = '', place: str = '',
            facilitator: str = '', owner_id: int | None = None, previous: dict[str, Any] | None = None) -> Workshop:
    workshop = Workshop(
        code=_unused_code(session), join_token=secrets.token_urlsafe(24), screen_token=secrets.token_urlsafe(24),
        host_token=secrets.token_urlsafe(24),
        title=clean(title, max_length=TITLE_MAX_LENGTH, required=False, multiline=False) or plan.title,
        question=plan.question, municipality=municipality, place=place, facilitator=facilitator,
        plan_name=plan.name, ladder=plan.ladder, perspectives=plan.perspectives,
        min_group_size=plan.min_group_size, owner_id=owner_id, previous=previous)
    session.add(workshop)
    session.flush()
    add_plan_steps(session, workshop, plan)
    return workshop


def add_plan_steps(session: Session, workshop: Workshop, plan: Plan) -> None:
    """The plan's steps with the cards it lists, in the workshop that has none yet; the first one is current."""
    steps = [Step(workshop_id=workshop.id, position=position, key=step_plan.key, kind=step_plan.kind,
                  title=step_plan.title, body=step_plan.body, settings=step_plan.settings)
             for position, step_plan in enumerate(plan.steps)]
    session.add_all(steps)
    session.flush()
    for step, step_plan in zip(steps, plan.steps):
        if step_plan.cards:
            _add_cards(session, step, [(text, '') for text in step_plan.cards], origin=PLAN_ORIGIN)
    workshop.current_step_id = steps[0].id
    steps[0].opened_at = now()


def _unused_code(session: Session) -> str:
    while True:
        code = _random_code(CODE_ALPHABET, CODE_LENGTH)
        if session.exec(select(Workshop.id).where(Workshop.code == code)).first() is None:
            return code


def find(*, code: str = '', join_token: str = '', screen_token: str = '', host_token: str = '') -> Workshop | None:
    """The workshop with this code or token, or None. Exactly one argument is given."""
    column, value = next((name, value) for name, value in
                         (('code', code.strip().upper()), ('join_token', join_token), ('screen_token', screen_token),
                          ('host_token', host_token)) if value)
    with db.reading() as session:
        return session.exec(select(Workshop).where(getattr(Workshop, column) == value)).first()


TABLE_PARAMETER = 'tafel'  # in a table's join address


def join_address(join_token: str, table: str = '') -> str:
    """What the QR code holds and the screen and the printed kit write out: the phone's page of the workshop; with a
    table, a phone joining there is at that table (its host shows this one)."""
    address = f'{config.settings().effective_public_url}/w/{join_token}'
    return f'{address}?{urlencode({TABLE_PARAMETER: table})}' if table else address


# A venue's phones may share one public address, so the per-address limit is generous; the overall limit alone
# makes guessing one of 32**6 codes hopeless.
WRONG_CODES_PER_ADDRESS = Throttle(30, 15 * 60)
WRONG_CODES_OVERALL = Throttle(300, 15 * 60)


def find_typed_code(code: str, address: str) -> Workshop | None:
    """The workshop for a code a resident typed; wrong guesses are counted and too many are refused."""
    if WRONG_CODES_OVERALL.blocked('all') or WRONG_CODES_PER_ADDRESS.blocked(address):
        raise DomainError('error.too_many_codes')
    found = find(code=code) if code.strip() else None
    if found is None:
        WRONG_CODES_OVERALL.record('all')
        WRONG_CODES_PER_ADDRESS.record(address)
    return found


def state(workshop_id: int) -> State:
    with db.reading() as session:
        workshop = session.get(Workshop, workshop_id)
        steps = list(session.exec(select(Step).where(Step.workshop_id == workshop_id).order_by(Step.position)))
        return State(workshop=workshop, steps=[step for step in steps if step.removed_at is None],
                     removed=[step for step in steps if step.removed_at is not None])


# --- participants -------------------------------------------------------------------------------------------

def participant(workshop_id: int, browser_key: str) -> Participant | None:
    with db.reading() as session:
        return session.exec(select(Participant).where(Participant.workshop_id == workshop_id,
                                                      Participant.browser_key == browser_key)).first()


def join(workshop_id: int, browser_key: str, *, nickname: str = '', perspective: str = '',
         table: str = '') -> Participant:
    """The participant for this phone; a phone that joined before gets its own participant back."""
    existing = participant(workshop_id, browser_key)
    if existing is not None:
        return existing
    return enter(workshop_id, browser_key, nickname=nickname, perspective=perspective, table=table)


def enter(workshop_id: int, browser_key: str, *, nickname: str, perspective: str, table: str = '',
          helper_id: int | None = None) -> Participant:
    """A new participant while joining is open: a phone, or (with `helper_id`) a resident on paper at that table
    host's table. An unknown perspective or table is left empty."""
    nickname = clean(nickname, max_length=NICKNAME_MAX_LENGTH, required=False, multiline=False)
    for _ in range(PSEUDONYM_TRIES):
        try:
            with db.transaction() as session:
                workshop = session.get(Workshop, workshop_id)
                if workshop.status != 'open' or workshop.joining_locked:
                    raise DomainError('error.joining_closed')
                new = Participant(workshop_id=workshop_id, browser_key=browser_key, nickname=nickname,
                                  perspective=perspective if perspective in workshop.perspectives else '',
                                  table_name=table if table and table in table_hosts.tables(session, workshop_id)
                                  else '',
                                  pseudonym='D-' + _random_code(CODE_ALPHABET, 6))
                if helper_id is not None:
                    helper = table_hosts.active(session, helper_id)
                    if helper.workshop_id != workshop_id:
                        raise DomainError('error.bad_request')
                    new.source, new.helper_id, new.table_name = PAPER, helper.id, helper.table_name
                session.add(new)
                return new
        except IntegrityError:
            existing = participant(workshop_id, browser_key)
            if existing is not None:  # the same phone joined twice at once: the first one won
                return existing
            # else someone else in the room drew the same pseudonym: draw again
    raise DomainError('error.bad_request')


def participant_count(workshop_id: int) -> int:
    with db.reading() as session:
        return session.exec(select(func.count()).select_from(Participant)
                            .where(Participant.workshop_id == workshop_id)).one()


# --- a participant's action ---------------------------------------------------------------------------------

def act(participant_id: int, step_id: int, action: dict[str, Any]) -> dict[str, Any]:
    """Record one action on the current, open step and return what the participant has given there now."""
    with db.transaction() as session:
        return record(session, lock_participant(session, participant_id), step_id, action)


def record(session: Session, actor: Participant | None, step_id: int, action: dict[str, Any]) -> dict[str, Any]:
    """One action of `actor` (locked by `lock_participant`) by the rule of the step's kind, in the caller's
    transaction; returns what they have given there now.

    The step's state is checked in the same transaction as the write, under the lock on the participant,
    so neither a late replay nor two quick taps can get around a rule."""
    step = session.get(Step, step_id)
    check_open(session, actor, step)
    kind = kind_of(step.kind)
    kind.record(session, step, actor, action)
    session.flush()
    return kind.mine(session, step, [actor])[actor.id]


def check_open(session: Session, actor: Participant | None, step: Step | None) -> None:
    """Refused unless `step` is the current step of the actor's running workshop and not locked."""
    if actor is None or step is None or step.workshop_id != actor.workshop_id:
        raise DomainError('error.bad_request')
    workshop = session.get(Workshop, step.workshop_id)
    if workshop.status == 'ended':
        raise DomainError('error.workshop_ended')
    if workshop.current_step_id != step.id:
        raise DomainError('error.step_not_current')
    if step.locked:
        raise DomainError('error.step_locked')


def lock_participant(session: Session, participant_id: int) -> Participant | None:
    # SQLite's write transactions are already serial (BEGIN IMMEDIATE); PostgreSQL needs a row lock.
    query = select(Participant).where(Participant.id == participant_id)
    if session.get_bind().dialect.name == 'postgresql':
        query = query.with_for_update()
    return session.exec(query).first()


def mine(participant_id: int, step_id: int) -> dict[str, Any]:
    with db.reading() as session:
        step = session.get(Step, step_id)
        return kind_of(step.kind).mine(session, step, [session.get(Participant, participant_id)])[participant_id]


def mine_of_everyone(step_id: int) -> dict[int, dict[str, Any]]:
    """What every participant of the workshop has given on this step, read in one session: after a step change
    each phone needs its own, and one query for the room is far cheaper than one per phone."""
    with db.reading() as session:
        step = session.get(Step, step_id)
        people = list(session.exec(select(Participant).where(Participant.workshop_id == step.workshop_id)))
        return kind_of(step.kind).mine(session, step, people)


def results(step_id: int) -> Any:
    """The step's results, as its kind shapes them (a dataclass)."""
    with db.reading() as session:
        step = session.get(Step, step_id)
        return kind_of(step.kind).results(session, step, session.get(Workshop, step.workshop_id))


def answered(step_id: int) -> int:
    """How many participants gave anything on this step."""
    with db.reading() as session:
        step = session.get(Step, step_id)
        return kind_of(step.kind).answered(session, step)


def asks(step_id: int) -> Asks:
    """What the step asks every phone about, computed once for the room."""
    with db.reading() as session:
        step = session.get(Step, step_id)
        return kind_of(step.kind).asks(session, step, session.get(Workshop, step.workshop_id))


# --- the facilitator ----------------------------------------------------------------------------------------

def _update_workshop(workshop_id: int, **fields: Any) -> None:
    with db.transaction() as session:
        workshop = session.get(Workshop, workshop_id)
        for name, value in fields.items():
            setattr(workshop, name, value)


def open_for_joining(workshop_id: int) -> None:
    _update_workshop(workshop_id, status='open')


def lock_joining(workshop_id: int, locked: bool) -> None:
    _update_workshop(workshop_id, joining_locked=locked)


def blank_screen(workshop_id: int, blank: bool) -> None:
    """The projector screen goes black (or comes back), as presenters expect from B."""
    _update_workshop(workshop_id, screen_blank=blank)


def end(workshop_id: int) -> None:
    _update_workshop(workshop_id, status='ended', ended_at=now())


def contents(workshop_id: int) -> tuple[int, int, int]:
    """How many participants, cards and answers a workshop holds: what deleting it would destroy."""
    with db.reading() as session:
        return (session.exec(select(func.count()).select_from(Participant)
                             .where(Participant.workshop_id == workshop_id)).one(),
                session.exec(select(func.count()).select_from(Card).where(Card.workshop_id == workshop_id)).one(),
                session.exec(select(func.count()).select_from(Answer).join(Step, Step.id == Answer.step_id)
                             .where(Step.workshop_id == workshop_id)).one())


def delete(workshop_id: int) -> None:
    """The workshop and everything in it: steps, participants, cards, answers (the database cascades)."""
    with db.transaction() as session:
        session.exec(sql_delete(Workshop).where(Workshop.id == workshop_id))
        changes.mark(session, changes.Mark(workshop_id, changes.STATE))  # its open pages show "not found"


def delete_expired(retention_days: int) -> int:
    """Delete workshops that ended more than `retention_days` ago; return how many."""
    cutoff = now() - timedelta(days=retention_days)
    with db.transaction() as session:
        expired = list(session.exec(select(Workshop.id).where(Workshop.ended_at < cutoff)))
        if expired:
            session.exec(sql_delete(Workshop).where(Workshop.id.in_(expired)))
        return len(expired)


def go_to_step(workshop_id: int, step_id: int) -> None:
    with db.transaction() as session:
        step = session.get(Step, step_id)
        if step is None or step.workshop_id != workshop_id or step.removed_at is not None:
            raise DomainError('error.bad_request')
        session.get(Workshop, workshop_id).current_step_id = step.id
        step.opened_at = step.opened_at or now()


def neighbour_step(state_: State, offset: int) -> Step | None:
    """The step `offset` places from the current one, or None at either end."""
    ids = [step.id for step in state_.steps]
    if state_.workshop.current_step_id not in ids:
        return state_.steps[0] if state_.steps else None
    index = ids.index(state_.workshop.current_step_id) + offset
    return state_.steps[index] if 0 <= index < len(ids) else None


def _update_step(step_id: int, **fields: Any) -> None:
    with db.transaction() as session:
        step = session.get(Step, step_id)
        for name, value in fields.items():
            setattr(step, name, value)


def lock_step(step_id: int, locked: bool) -> None:
    _update_step(step_id, locked=locked, closed_at=now() if locked else None)


def show_results(step_id: int, visible: bool) -> None:
    _update_step(step_id, results_visible=visible)


def split_results(step_id: int, by: str) -> None:
    """Show the step's results per perspective or per table ('' for everyone together)."""
    if by and by not in SPLITS:
        raise DomainError('error.bad_request')
    _update_step(step_id, split_by=by)


def start_timer(step_id: int, minutes: float | None) -> None:
    _update_step(step_id, timer_ends_at=now() + timedelta(minutes=minutes) if minutes else None)


def hide_card(card_id: int, hidden: bool) -> None:
    with db.transaction() as session:
        session.get(Card, card_id).hidden = hidden


def merge_card(card_id: int, into_card_id: int | None) -> None:
    """Put a card in the group of another card of the same step (or take it out with None)."""
    with db.transaction() as session:
        card = session.get(Card, card_id)
        if into_card_id is None:
            card.group_id = None
            return
        target = session.get(Card, into_card_id)
        if target is None or target.step_id != card.step_id or target.id == card.id:
            raise DomainError('error.bad_request')
        lead_id = target.group_id or target.id
        for member in session.exec(select(Card).where(Card.group_id == card.id)):
            member.group_id = lead_id  # the merged card's own group moves along
        card.group_id = lead_id


def moderate(workshop_id: int, step_id: int, action: dict[str, Any]) -> None:
    """A facilitator's action on a step of this workshop, by the rule of its kind."""
    with db.transaction() as session:
        step = session.get(Step, step_id)
        kind = kind_of(step.kind) if step is not None and step.workshop_id == workshop_id else None
        if kind is None or kind.moderate is None:
            raise DomainError('error.bad_request')
        kind.moderate(session, step, action)


def cards_of_step(step_id: int) -> list[Card]:
    with db.reading() as session:
        return list(session.exec(select(Card).where(Card.step_id == step_id).order_by(Card.id)))


# --- cards the facilitator brings in ----------------------------------------------------------------------

def idea_step(steps: list[tuple[str, str]]) -> int | None:
    """The index of the step that collects ideas, from (key, kind) pairs: 'ideeen', else the first step of a kind
    where residents write cards."""
    writing = [index for index, (_, name) in enumerate(steps) if name in KINDS and KINDS[name].has(COLLECTS_IDEAS)]
    return next((index for index in writing if steps[index][0] == IDEA_STEP_KEY), writing[0] if writing else None)


def own_cards_step(step_id: int, workshop_id: int | None = None) -> Step:
    """The step, when it holds cards of its own (a cards step, a ladder without `cards_from`) in this workshop."""
    with db.reading() as session:
        step = session.get(Step, step_id)
    if step is None or not kind_of(step.kind).holds_own_cards(step) or workshop_id not in (None, step.workshop_id):
        raise DomainError('error.bad_request')
    return step


def seed_cards(step_id: int, cards: list[tuple[str, str]], *, origin: str) -> None:
    """Add facilitator cards (no author) to a step with cards of its own, all in one transaction."""
    step = own_cards_step(step_id)
    with db.transaction() as session:
        _add_cards(session, step, cards, origin=origin)


def add_card(workshop_id: int, step_id: int, text: str) -> None:
    """A card the facilitator typed, under the same text rules as a resident's card."""
    step = own_cards_step(step_id, workshop_id)
    seed_cards(step.id, [(clean(text, max_length=kind_of(step.kind).card_max_length(step)), '')], origin=TYPED_ORIGIN)


def create_follow_up(plan: Plan, *, title: str, municipality: str, previous: dict[str, Any],
                     cards: list[tuple[str, str]], merged_into: dict[int, int], owner_id: int | None = None) -> Workshop:
    """A new workshop whose idea step starts with an earlier session's cards (`merged_into` maps a card's index
    to its lead's index), marked 'sessie <code>'; workshop and cards are stored together or not at all."""
    target = idea_step([(step.key, step.kind) for step in plan.steps])
    if target is None:
        raise DomainError('intake.no_cards_step')
    with db.transaction() as session:
        workshop = _create(session, plan, title=title, municipality=municipality, owner_id=owner_id,
                           previous=previous)
        step = session.exec(select(Step).where(Step.workshop_id == workshop.id, Step.position == target)).one()
        _add_cards(session, step, cards, origin=f'sessie {previous["code"]}', merged_into=merged_into)
        return workshop


def _add_cards(session: Session, step: Step, cards: list[tuple[str, str]], *, origin: str,
               merged_into: dict[int, int] | None = None) -> None:
    added = [Card(workshop_id=step.workshop_id, step_id=step.id, text=text, motivation=motivation, origin=origin)
             for text, motivation in cards]
    session.add_all(added)
    session.flush()
    for index, lead in (merged_into or {}).items():
        added[index].group_id = added[lead].id


# --- editing the plan of a workshop -------------------------------------------------------------------------

def add_step(workshop_id: int, kind: str, title: str, settings: dict[str, Any], after_step_id: int | None) -> Step:
    validated = kind_of(kind).validate(settings).model_dump()
    title = clean(title, max_length=TITLE_MAX_LENGTH, multiline=False)
    with db.transaction() as session:
        steps = _plan(session, workshop_id)
        index = next((i + 1 for i, step in enumerate(steps) if step.id == after_step_id), len(steps))
        keys = {step.key for step in steps}
        key = next(f'{kind}-{n}' for n in range(1, 1000) if f'{kind}-{n}' not in keys)
        new = Step(workshop_id=workshop_id, position=0, key=key, kind=kind, title=title, settings=validated)
        steps.insert(index, new)
        session.add(new)
        _renumber(steps)
        return new


def step_contents(step_id: int) -> tuple[int, int]:
    """How many cards and answers a step holds: what taking it out of the plan would take away."""
    with db.reading() as session:
        return (session.exec(select(func.count()).select_from(Card).where(Card.step_id == step_id)).one(),
                session.exec(select(func.count()).select_from(Answer).where(Answer.step_id == step_id)).one())


def remove_step(step_id: int) -> None:
    """Take a step out of the plan. One with cards or answers is kept, marked removed, and can be put back
    (`restore_step`); the export still has its data. An empty one is deleted."""
    cards, answers = step_contents(step_id)
    with db.transaction() as session:
        step = session.get(Step, step_id)
        workshop = session.get(Workshop, step.workshop_id)
        steps = _plan(session, workshop.id)
        if len(steps) == 1:
            raise DomainError('error.last_step')
        if workshop.current_step_id == step.id:
            index = steps.index(step)
            workshop.current_step_id = (steps[index + 1] if index + 1 < len(steps) else steps[index - 1]).id
        steps.remove(step)
        if cards or answers:
            step.removed_at = now()  # its position stays: where it goes back to
        else:
            session.delete(step)
        _renumber(steps)


def restore_step(step_id: int) -> None:
    """Put a removed step back in the plan, where it was."""
    with db.transaction() as session:
        step = session.get(Step, step_id)
        if step is None or step.removed_at is None:
            raise DomainError('error.bad_request')
        steps = _plan(session, step.workshop_id)
        step.removed_at = None
        steps.insert(min(step.position, len(steps)), step)
        _renumber(steps)


def move_step(step_id: int, offset: int) -> None:
    with db.transaction() as session:
        step = session.get(Step, step_id)
        steps = _plan(session, step.workshop_id)
        index = steps.index(step)
        new_index = min(max(index + offset, 0), len(steps) - 1)
        steps.insert(new_index, steps.pop(index))
        _renumber(steps)


def _plan(session: Session, workshop_id: int) -> list[Step]:
    """The workshop's steps in order, without the removed ones."""
    return list(session.exec(select(Step).where(Step.workshop_id == workshop_id, Step.removed_at.is_(None))
                             .order_by(Step.position)))


def _renumber(steps: list[Step]) -> None:
    for position, step in enumerate(steps):
        step.position = position


def edit_step(step_id: int, *, title: str, body: str, settings: dict[str, Any]) -> None:
    with db.transaction() as session:
        step = session.get(Step, step_id)
        step.settings = kind_of(step.kind).validate(settings).model_dump()
        step.title = clean(title, max_length=TITLE_MAX_LENGTH, multiline=False)
        step.body = clean(body, max_length=BODY_MAX_LENGTH, required=False)


def perspective_counts(workshop_id: int) -> list[tuple[str, int]]:
    """(perspective, participants) in the plan's order; '' means not given."""
    with db.reading() as session:
        return counts_per_perspective(session, session.get(Workshop, workshop_id))
