"""Serve the app: one NiceGUI process on the configured database, with live updates through the hub."""
from __future__ import annotations

from pathlib import Path

from nicegui import app, core, ui

from . import db
from .config import settings
from .hub import hub

ASSETS = Path(__file__).parent.parent / 'assets'
GRACEFUL_SHUTDOWN_SECONDS = 5


def allowed_origins() -> list[str]:
    """Browsers may open a live connection only from the addresses this server is reached by."""
    config = settings()
    return sorted({config.effective_public_url, f'http://{config.host}:{config.port}',
                   f'http://127.0.0.1:{config.port}', f'http://localhost:{config.port}'})


def serve() -> None:
    config = settings()
    db.configure(config.effective_database_url)
    from . import pages  # noqa: F401  (registers the routes)
    app.add_static_files('/assets', ASSETS)
    app.on_startup(hub.start)
    core.sio.eio.cors_allowed_origins = allowed_origins()
    # Quasar's request progress bar has no accessible name (axe: aria-progressbar-name) and tells residents nothing
    app.config.quasar_config['loadingBar']['skipHijack'] = True
    ui.run(host=config.host, port=config.port, title='Samenspraak', language='nl', reload=False, show=False,
           tailwind=False, storage_secret=config.effective_storage_secret(), favicon=ASSETS / 'favicon.svg',
           timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS)
