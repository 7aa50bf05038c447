"""All user-facing text: t(key, **args) over one TOML file per language in app/locales (LOCALES_DIR), merged with
each step kind's own texts (app/steps/<kind>/locale/<language>.toml).

Adding a language is adding one file (and one per kind); `meta.direction = "rtl"` lays the pages out right to left.
A phone language (`meta.scope = "phone"`: Turkish, Arabic, Polish, Ukrainian) has every text a resident reads —
`phone_keys()` — and falls back to Dutch for the rest; the facilitator's pages are offered only in the languages
that have every text (Dutch, English)."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from .config import settings

DEFAULT_LANGUAGE = 'nl'
# The app's own texts a resident reads: joining and the phone's steps, its errors and connection notices, the start
# page where a code is typed, the results page and the accessibility statement linked from every page
PHONE_SECTIONS = frozenset({'meta', 'app', 'start', 'phone', 'connection', 'timer', 'results', 'error', 'outcome',
                            'decision', 'results_page', 'accessibility'})
# A kind's texts are a resident's, but for its settings form and its printed form (in the facilitator's language)
FACILITATOR_PARTS = frozenset({'settings', 'paper'})


@lru_cache
def catalog(language: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for path, texts in _files(language):
        if twice := set(texts) & set(merged):
            raise ValueError(f'{path}: {", ".join(sorted(twice))} also stand in another locale file')
        merged.update(texts)
    return merged


@lru_cache
def phone_keys() -> frozenset[str]:
    """The Dutch keys every phone language has (a count's singular form, `…_one`, may be left out)."""
    own, *kinds = _files(DEFAULT_LANGUAGE)
    keys = {key for key in own[1] if key.split('.')[0] in PHONE_SECTIONS}
    keys |= {key for _, texts in kinds for key in texts if not FACILITATOR_PARTS & set(key.split('.')[1:-1])}
    return frozenset(key for key in keys if not key.endswith('_one'))


def _files(language: str) -> list[tuple[Path, dict[str, str]]]:
    """The language's texts per file: the app's own first, then each kind's."""
    from .steps import KINDS  # the kinds' rules know nothing of texts; only their folders hold them
    found = []
    for path in [settings().locales_dir / f'{language}.toml',
                 *(declared.folder / 'locale' / f'{language}.toml' for declared in KINDS.values())]:
        texts = {}
        if path.exists():
            with path.open('rb') as file:
                texts = _flatten(tomllib.load(file))
        found.append((path, texts))
    return found


def _flatten(data: dict, prefix: str = '') -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f'{prefix}{key}.'))
        else:
            flat[f'{prefix}{key}'] = value
    return flat


@lru_cache
def languages() -> list[str]:
    """Language codes with a file, the default first."""
    codes = sorted(path.stem for path in settings().locales_dir.glob('*.toml'))
    return sorted(codes, key=lambda code: code != DEFAULT_LANGUAGE)


@lru_cache
def full_languages() -> list[str]:
    """The languages with every text, not only a phone's: those a facilitator's page is offered in."""
    return [code for code in languages() if catalog(code).get('meta.scope') != 'phone']


class Translator:
    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = language if language in languages() else DEFAULT_LANGUAGE
        self.direction = catalog(self.language).get('meta.direction', 'ltr')

    def __call__(self, key: str, **args: object) -> str:
        if args.get('count') == 1:
            key = key + '_one' if key + '_one' in catalog(self.language) else key  # "1 deelnemer", not "1 deelnemers"
        text = catalog(self.language).get(key) or catalog(DEFAULT_LANGUAGE).get(key) or key
        return text.format(**args) if args else text
