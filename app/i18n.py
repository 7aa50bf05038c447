"""All user-facing text: t(key, **args) over one TOML file per language in app/locales (LOCALES_DIR), merged with
each step kind's own texts (app/steps/<kind>/locale/<language>.toml).

Adding a language is adding one file (and one per kind); `meta.direction = "rtl"` lays the pages out right to left."""
from __future__ import annotations

import tomllib
from functools import lru_cache

from .config import settings

DEFAULT_LANGUAGE = 'nl'


@lru_cache
def catalog(language: str) -> dict[str, str]:
    from .steps import KINDS  # the kinds' rules know nothing of texts; only their folders hold them
    merged: dict[str, str] = {}
    for path in [settings().locales_dir / f'{language}.toml',
                 *(kind.folder / 'locale' / f'{language}.toml' for kind in KINDS.values())]:
        if not path.exists():
            continue
        with path.open('rb') as file:
            texts = _flatten(tomllib.load(file))
        if twice := set(texts) & set(merged):
            raise ValueError(f'{path}: {", ".join(sorted(twice))} also stand in another locale file')
        merged.update(texts)
    return merged


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


class Translator:
    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = language if language in languages() else DEFAULT_LANGUAGE
        self.direction = catalog(self.language).get('meta.direction', 'ltr')

    def __call__(self, key: str, **args: object) -> str:
        if args.get('count') == 1:
            key = key + '_one' if key + '_one' in catalog(self.language) else key  # "1 deelnemer", not "1 deelnemers"
        text = catalog(self.language).get(key) or catalog(DEFAULT_LANGUAGE).get(key) or key
        return text.format(**args) if args else text
