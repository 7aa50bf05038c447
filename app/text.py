"""Residents' text, cleaned at the door so that every view and the export can trust it."""
from __future__ import annotations

import re
import unicodedata

# C0/C1 controls except newline, bidi embeddings/overrides/isolates, noncharacters and lone surrogates
_UNSAFE = re.compile('[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]')
_SPACES = re.compile(r'[ \t]+')
_BLANK_LINES = re.compile(r'\n{3,}')
# What draws nothing on its own: controls, format characters (U+200B, U+FEFF, U+180E, U+2060 …), separators,
# unassigned code points, marks without a letter to sit on, and the letters that are blank by design
_DRAWS_NOTHING = {'Cc', 'Cf', 'Cs', 'Co', 'Cn', 'Zs', 'Zl', 'Zp', 'Mn', 'Me'}
_BLANK_LETTERS = set('\u115f\u1160\u3164\uffa0\u2800')  # Hangul fillers, the empty Braille pattern


class TextError(ValueError):
    """Carries a translation key and its arguments for the message the resident sees."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


def clean(raw: object, *, max_length: int, required: bool = True, multiline: bool = True) -> str:
    """Return the text as stored: NFC, without unsafe characters, trimmed. Refuse empty or too long text.

    Text with nothing visible counts as empty: a resident would see a blank card."""
    text = unicodedata.normalize('NFC', str(raw or '')).replace('\r\n', '\n').replace('\r', '\n')
    text = _UNSAFE.sub('', text.replace('\t', ' '))
    if not multiline:
        text = text.replace('\n', ' ')
    text = _BLANK_LINES.sub('\n\n', '\n'.join(_SPACES.sub(' ', line).strip() for line in text.split('\n'))).strip()
    if not any(unicodedata.category(char) not in _DRAWS_NOTHING and char not in _BLANK_LETTERS for char in text):
        text = ''
    if required and not text:
        raise TextError('error.text_empty')
    if len(text) > max_length:
        raise TextError('error.text_too_long', max=max_length, length=len(text))
    return text


def isolated(text: str) -> str:
    """A resident's text set inside one of our sentences ('Waarom: …'): the isolate marks give it its own direction,
    so an Arabic reason keeps its punctuation on its own side of a Dutch line (clean() strips such marks from input)."""
    return f'\u2068{text}\u2069'
