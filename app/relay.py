"""Change marks between processes on PostgreSQL: LISTEN on the channel the writers NOTIFY (app/changes.py) and
hand every mark to this process's hub. The database stays the only source of truth; only marks travel.

Chosen over Redis pub/sub: PostgreSQL already runs wherever several processes do, and a NOTIFY sent inside the
writing transaction is delivered exactly when, and only if, that transaction commits."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import psycopg

from . import changes, db

RETRY_SECONDS = 1.0
log = logging.getLogger(__name__)


async def relay(on_reconnect: Callable[[], None]) -> None:
    """Listen until cancelled. Marks sent while the connection was down are lost, so after every (re)connect
    `on_reconnect` makes each page refresh from the database."""
    conninfo = db.engine().url.set(drivername='postgresql').render_as_string(hide_password=False)
    while True:
        try:
            async with await psycopg.AsyncConnection.connect(conninfo, autocommit=True) as connection:
                await connection.execute(f'LISTEN {changes.CHANNEL}')
                on_reconnect()
                async for notice in connection.notifies():
                    changes.deliver(changes.decode(notice.payload))
        except (psycopg.OperationalError, OSError) as error:
            log.warning('change relay lost the database (%s); trying again', error)
            await asyncio.sleep(RETRY_SECONDS)
