"""A file picker (an Excel file's, a plan file's) behind an ordinary labelled button.

Quasar's uploader shows an icon button without an accessible name (axe: aria-command-name), so the uploader
stays hidden and the button opens its file chooser; the caller reports progress and errors in its status line."""
from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui
from nicegui.events import UploadEventArguments

from ..i18n import Translator

MEGABYTE = 1024 * 1024


def excel_upload(tr: Translator, label: str, *, testid: str, max_bytes: int,
                 on_data: Callable[[bytes], Awaitable[None]], report: Callable[[str], None]) -> None:
    file_upload(label, testid=testid, accept='.xlsx', max_bytes=max_bytes,
                rejected=tr('intake.rejected', max=max_bytes // MEGABYTE),
                on_data=lambda data, name: on_data(data), report=report)


def file_upload(label: str, *, testid: str, accept: str, max_bytes: int, rejected: str,
                on_data: Callable[[bytes, str], Awaitable[None]], report: Callable[[str], None]) -> None:
    """A picker for one file of this type; `on_data` gets its bytes and the name it had on the facilitator's
    computer (hostile text, like the bytes). A file over `max_bytes` is refused with `rejected`, unread."""
    async def upload(event: UploadEventArguments) -> None:
        event.sender.reset()  # the same file may be chosen again after it was fixed
        await on_data(await event.file.read(), event.file.name)

    uploader = ui.upload(auto_upload=True, max_file_size=max_bytes, on_upload=upload,
                         on_rejected=lambda: report(rejected)) \
        .props(f'accept={accept} data-testid={testid}').classes('hidden')
    ui.button(label, icon='upload_file', on_click=lambda: uploader.run_method('pickFiles')) \
        .props(f'outline data-testid={testid}-button')
