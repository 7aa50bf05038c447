"""An Excel file picker behind an ordinary labelled button.

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
    async def upload(event: UploadEventArguments) -> None:
        event.sender.reset()  # the same file may be chosen again after it was fixed
        await on_data(await event.file.read())

    uploader = ui.upload(auto_upload=True, max_file_size=max_bytes, on_upload=upload,
                         on_rejected=lambda: report(tr('intake.rejected', max=max_bytes // MEGABYTE))) \
        .props(f'accept=.xlsx data-testid={testid}').classes('hidden')
    ui.button(label, icon='upload_file', on_click=lambda: uploader.run_method('pickFiles')) \
        .props(f'outline data-testid={testid}-button')
