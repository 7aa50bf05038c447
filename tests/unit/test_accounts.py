import pytest

from app import accounts, plans
from app import workshop as workshops
from app.accounts import AccountError
from app.throttle import Throttle


@pytest.fixture(autouse=True)
def fresh_throttles(monkeypatch):
    monkeypatch.setattr(accounts, 'PER_KEY', Throttle(accounts.FAILURES_PER_NAME, accounts.WINDOW_SECONDS))
    monkeypatch.setattr(accounts, 'OVERALL', Throttle(accounts.FAILURES_OVERALL, accounts.WINDOW_SECONDS))


def test_passwords_are_stored_as_argon2_hashes(database):
    account = accounts.add('Fenna', 'correct horse battery')
    assert account.password_hash.startswith('$argon2id$')
    assert 'correct horse' not in account.password_hash
    assert accounts.sign_in('Fenna', 'correct horse battery', '10.0.0.1').id == account.id


def test_short_passwords_and_taken_names_are_refused(database):
    with pytest.raises(AccountError) as caught:
        accounts.add('Fenna', 'kort')
    assert caught.value.key == 'account.password_too_short'
    accounts.add('Fenna', 'lang genoeg wachtwoord')
    with pytest.raises(AccountError) as caught:
        accounts.add('Fenna', 'nog een wachtwoord')
    assert caught.value.key == 'account.name_taken'


def test_repeated_failures_block_the_name_even_with_the_right_password(database):
    accounts.add('Fenna', 'correct horse battery')
    for attempt in range(accounts.FAILURES_PER_NAME):
        with pytest.raises(AccountError) as caught:
            accounts.sign_in('Fenna', f'gok {attempt}', f'10.0.0.{attempt}')
        assert caught.value.key == 'account.wrong_credentials'
    with pytest.raises(AccountError) as caught:
        accounts.sign_in('Fenna', 'correct horse battery', '10.0.0.99')
    assert caught.value.key == 'account.too_many_attempts'


def test_repeated_failures_block_the_address_for_other_names(database):
    accounts.add('Jan', 'correct horse battery')
    for attempt in range(accounts.FAILURES_PER_NAME):
        with pytest.raises(AccountError):
            accounts.sign_in(f'naam{attempt}', 'gok', '10.9.9.9')
    with pytest.raises(AccountError) as caught:
        accounts.sign_in('Jan', 'correct horse battery', '10.9.9.9')
    assert caught.value.key == 'account.too_many_attempts'
    assert accounts.sign_in('Jan', 'correct horse battery', '10.1.1.1').name == 'Jan'


def test_a_facilitator_runs_only_their_own_workshops_and_an_admin_runs_all(database):
    fenna, jan = accounts.add('Fenna', 'wachtwoord 1234'), accounts.add('Jan', 'wachtwoord 5678')
    admin = accounts.add('Beheer', 'wachtwoord 9012', admin=True)
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN), owner_id=fenna.id)
    assert accounts.may_run(fenna, workshop)
    assert not accounts.may_run(jan, workshop)
    assert not accounts.may_run(None, workshop)
    assert accounts.may_run(admin, workshop)
    assert [made.id for made in accounts.workshops_of(jan)] == []
    assert [made.id for made in accounts.workshops_of(admin)] == [workshop.id]


def test_removing_an_account_keeps_its_workshops(database):
    fenna = accounts.add('Fenna', 'wachtwoord 1234')
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN), owner_id=fenna.id)
    assert accounts.remove('Fenna')
    assert workshops.find(code=workshop.code).owner_id is None
    assert not accounts.remove('Fenna')
