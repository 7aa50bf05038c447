import re
from pathlib import Path

from app.i18n import Translator, catalog, languages

APP = Path(__file__).parents[2] / 'app'


def test_dutch_is_the_default_and_english_is_available():
    assert languages()[0] == 'nl'
    assert 'en' in languages()
    assert Translator()('phone.join') == 'Meedoen'
    assert Translator('en')('phone.join') == 'Join'


def test_every_language_has_the_same_keys():
    dutch = set(catalog('nl'))
    for language in languages():
        assert set(catalog(language)) == dutch, language


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
