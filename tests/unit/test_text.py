import pytest

from app.text import TextError, clean


def test_clean_trims_and_normalises():
    assert clean('  Cafe\u0301   in de   wijk  ', max_length=50) == 'Café in de wijk'


def test_clean_removes_control_and_bidi_characters():
    raw = 'a\x00b\x1bc\u202eevil\u2066x\ufffe\x7f'
    assert clean(raw, max_length=50) == 'abcevilx'


def test_clean_keeps_line_breaks_but_not_runs_of_blank_lines():
    assert clean('een\r\n\r\n\r\n\r\ntwee\rdrie', max_length=50) == 'een\n\ntwee\ndrie'


def test_single_line_text_loses_its_line_breaks():
    assert clean('een\ntwee', max_length=50, multiline=False) == 'een twee'


@pytest.mark.parametrize('raw', ['', '   ', '\u202e\n\t', None])
def test_empty_text_is_refused_with_a_message_key(raw):
    with pytest.raises(TextError) as caught:
        clean(raw, max_length=10)
    assert caught.value.key == 'error.text_empty'


def test_empty_text_is_allowed_when_optional():
    assert clean('  ', max_length=10, required=False) == ''


def test_too_long_text_is_refused_with_its_length():
    with pytest.raises(TextError) as caught:
        clean('x' * 11, max_length=10)
    assert caught.value.key == 'error.text_too_long'
    assert caught.value.args_ == {'max': 10, 'length': 11}


def test_html_is_kept_as_plain_text():
    assert clean('<script>alert(1)</script>', max_length=50) == '<script>alert(1)</script>'


INVISIBLE = ['\u200b', '\ufeff\u200b', '\u180e', '\u2060 \u200d', '\u3000\u00a0', '\u3164\u115f', '\u2800', '\ufe0f']


@pytest.mark.parametrize('raw', INVISIBLE)
def test_text_with_nothing_visible_is_refused_like_empty_text(raw):
    with pytest.raises(TextError) as caught:
        clean(raw, max_length=10)
    assert caught.value.key == 'error.text_empty'


@pytest.mark.parametrize('raw', INVISIBLE)
def test_optional_text_with_nothing_visible_is_stored_empty(raw):
    assert clean(raw, max_length=10, required=False) == ''


@pytest.mark.parametrize('raw', ['👍🏽', 'e\u0301', '\u200bja', 'مرحبا', '·'])
def test_text_with_something_visible_is_kept(raw):
    assert clean(raw, max_length=10) != ''
