import re
from pathlib import Path

import pytest

from app.i18n import Translator, catalog, full_languages, languages, phone_keys

APP = Path(__file__).parents[2] / 'app'


def test_dutch_is_the_default_and_english_is_available():
    assert languages()[0] == 'nl'
    assert 'en' in languages()
    assert Translator()('phone.join') == 'Meedoen'
    assert Translator('en')('phone.join') == 'Join'


PHONE_LANGUAGES = ['tr', 'ar', 'pl', 'uk']
PLACEHOLDER = re.compile(r'\{(\w+)\}')


def test_the_full_languages_have_every_key_and_the_phone_languages_are_offered():
    assert full_languages() == ['nl', 'en']
    dutch = set(catalog('nl'))
    assert set(catalog('en')) == dutch
    assert set(PHONE_LANGUAGES) <= set(languages())


@pytest.mark.parametrize('language', PHONE_LANGUAGES)
def test_a_phone_language_has_every_phone_key_with_the_same_placeholders(language):
    """Everything a resident reads, with the same {placeholders} as the Dutch; nothing Dutch does not have."""
    texts, dutch = catalog(language), catalog('nl')
    assert sorted(phone_keys() - set(texts)) == []
    assert sorted(set(texts) - set(dutch)) == []
    assert {key: PLACEHOLDER.findall(text) for key, text in texts.items()
            if set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(dutch[key]))} == {}
    assert texts['meta.scope'] == 'phone' and texts['meta.name'] != dutch['meta.name']


def test_phone_keys_are_a_residents_texts_and_not_the_facilitators():
    keys = phone_keys()
    assert {'phone.join', 'error.card_limit', 'cards.why', 'ladder.choose_card', 'results_page.why'} <= keys
    assert not [key for key in keys if key.split('.')[0] in {'console', 'account', 'report', 'kit', 'settings'}
                or '.settings.' in key or '.paper.' in key]


def test_arabic_is_right_to_left_and_a_phone_language_falls_back_to_dutch_for_the_facilitator():
    assert Translator('ar').direction == 'rtl' and Translator('tr').direction == 'ltr'
    assert Translator('tr')('phone.join') == 'Katıl'
    assert Translator('tr')('console.next') == Translator('nl')('console.next')


def test_every_literal_key_in_the_code_is_translated():
    used = set()
    for path in APP.rglob('*.py'):
        used |= set(re.findall(r"""(?:tr\(|Error\(|page_title\(tr,)\s*'([a-z_]+\.[a-z_.]+)'""", path.read_text()))
    assert used, 'the scan found no keys: the pattern is broken'
    assert sorted(used - set(catalog('nl'))) == []


def test_unknown_language_falls_back_to_dutch():
    assert Translator('xx').language == 'nl'


def test_arguments_are_filled_in():
    assert Translator()('dots.left', count=2) == 'U heeft nog 2 stippen.'


def test_a_count_of_one_takes_the_singular_form():
    assert Translator()('screen.participants', count=1) == '1 deelnemer'
    assert Translator()('screen.participants', count=2) == '2 deelnemers'
    assert Translator('en')('screen.participants', count=1) == '1 participant'
