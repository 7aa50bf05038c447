"""Serve the app: one NiceGUI process on the configured database, with live updates through the hub."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import Request, Response
from nicegui import app, background_tasks, core, run, ui

from . import db, late_taps, nicegui_speedups, reconnect
from . import workshop as workshops
from .config import settings
from .hub import hub

ASSETS = Path(__file__).parent.parent / 'assets'
GRACEFUL_SHUTDOWN_SECONDS = 5
# NiceGUI derives the socket's ping timeout from the app-wide reconnect timeout (40 %): the default 3 s gives
# 2 s, and a busy step change for hundreds of phones stalls longer than that, dropping their sockets.
RECONNECT_SECONDS = 20
RETENTION_CHECK_SECONDS = 3600
log = logging.getLogger(__name__)


def allowed_origins() -> list[str]:
    """Browsers may open a live connection only from the addresses this server is reached by."""
    config = settings()
    return sorted({config.effective_public_url, f'http://{config.host}:{config.port}',
                   f'http://127.0.0.1:{config.port}', f'http://localhost:{config.port}'})


SECURITY_HEADERS = {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',  # the secret links of console, screen and join page never leak to other sites
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
}
SCREEN_PATH = '/s/'


async def add_security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    response.headers.update(SECURITY_HEADERS)
    if request.url.path.startswith(SCREEN_PATH):  # the console shows the screen page as its live miniature
        response.headers['X-Frame-Options'] = 'SAMEORIGIN'
    if settings().effective_public_url.startswith('https://'):
        response.headers['Strict-Transport-Security'] = 'max-age=31536000'
    return response


async def remove_expired_workshops() -> None:
    """Ended workshops older than the retention period are deleted with all their data, checked every hour."""
    while True:
        removed = await run.io_bound(workshops.delete_expired, settings().retention_days)
        if removed:
            log.info('deleted %d workshops past the retention period', removed)
        await asyncio.sleep(RETENTION_CHECK_SECONDS)


def serve() -> None:
    config = settings()
    db.configure(config.effective_database_url)
    nicegui_speedups.install()
    from . import pages  # noqa: F401  (registers the routes)
    from .pages.frame import KIND_STYLESHEETS
    for url, path in KIND_STYLESHEETS.items():  # before /assets, which would answer for them with a 404
        app.add_static_file(local_file=path, url_path=url)
    app.add_static_files('/assets', ASSETS)
    reconnect.install()
    late_taps.install()
    app.on_startup(hub.start)
    app.on_startup(lambda: background_tasks.create(remove_expired_workshops(), name='retention'))
    app.middleware('http')(add_security_headers)
    core.sio.eio.cors_allowed_origins = allowed_origins()
    # run.cpu_bound's workers (the Excel export) start clean and open their own database engine from the same
    # settings; forked ones would inherit this process's threads and open database connections
    run.process_pool_start_method = 'spawn'
    # Quasar's request progress bar has no accessible name (axe: aria-progressbar-name) and tells residents nothing
    app.config.quasar_config['loadingBar']['skipHijack'] = True
    ui.run(host=config.host, port=config.port, title='Samenspraak', language='nl', reload=False, show=False,
           tailwind=False, storage_secret=config.effective_storage_secret(), favicon=ASSETS / 'favicon.svg',
           timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS, reconnect_timeout=RECONNECT_SECONDS,
           session_middleware_kwargs={'same_site': 'lax',
                                      'https_only': config.effective_public_url.startswith('https://')})
