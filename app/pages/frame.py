"""What every page shares: language, colours, stylesheet, and the translator for this browser."""
from __future__ import annotations

import json

from nicegui import app, ui

from ..i18n import DEFAULT_LANGUAGE, Translator, full_languages, languages
from ..steps import KINDS

KIND_STYLESHEETS = {f'/assets/steps/{declared.name}.css': declared.stylesheet for declared in KINDS.values()
                    if declared.stylesheet}

# Colours with at least 4.5:1 contrast against white (WCAG AA)
COLORS = {'primary': '#1d4f91', 'secondary': '#5a3d8a', 'accent': '#8a3d00', 'positive': '#1e6b34',
          'negative': '#a3161a', 'info': '#1d4f91', 'warning': '#7a5200'}


def translator(*, residents: bool = True) -> Translator:
    """The language chosen in this browser. A facilitator's page (residents=False) only in one with every text: a
    phone language (Turkish, Arabic, …) would leave it Dutch text in another language's layout."""
    language = app.storage.user.get('language', DEFAULT_LANGUAGE)
    return Translator(language if residents or language in full_languages() else DEFAULT_LANGUAGE)


def frame(tr: Translator, *, kind: str) -> None:
    """Set up a page of `kind` (phone, screen, console, start) in the browser's language."""
    # language codes come from our own file names, never from a request
    # again on load: Quasar's language plugin sets the server-wide default on <html> while the page starts
    ui.add_head_html(f'<script>const setLanguage = () => {{document.documentElement.lang = "{tr.language}"; '
                     f'document.documentElement.dir = "{tr.direction}";}}; setLanguage(); '
                     'window.addEventListener("load", setLanguage);</script>'
                     '<link rel="stylesheet" href="/assets/samenspraak.css">'
                     + ''.join(f'<link rel="stylesheet" href="{url}">' for url in KIND_STYLESHEETS))
    ui.add_body_html('<script defer src="/assets/reconnect.js"></script>')  # after socket.io, before the page starts
    # NiceGUI's notice of a lost connection is English ("Connection lost. Trying to reconnect..."): say it in ours
    ui.add_body_html('<script>document.addEventListener("DOMContentLoaded", () => {'
                     'const [lost, trying] = document.querySelectorAll("#popup span"); '
                     f'lost.textContent = {json.dumps(tr("connection.lost"))}; '
                     f'trying.textContent = {json.dumps(tr("connection.reconnecting"))};}});</script>')
    if kind == 'screen':
        ui.add_body_html('<script defer src="/assets/screen-fit.js"></script>')
    ui.colors(**COLORS)
    ui.query('body').classes(f'page-{kind}')


def page_title(tr: Translator, key: str) -> None:
    ui.label(tr(key)).classes('page-title').props('role=heading aria-level=1')


def language_switch(tr: Translator, *, residents: bool = True) -> None:
    """Links to the other languages (on a facilitator's page those with every text); the choice is remembered for
    this browser."""
    def choose(language: str) -> None:
        app.storage.user['language'] = language
        ui.navigate.reload()

    with ui.row().classes('language-switch gap-1'):
        for language in languages() if residents else full_languages():
            if language != tr.language:
                ui.button(Translator(language)('meta.name'), on_click=lambda language=language: choose(language)) \
                    .props(f'flat dense no-caps lang={language} data-testid=language-{language}')
