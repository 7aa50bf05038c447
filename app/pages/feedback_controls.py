"""The console's terugkoppeling section: the residents' results link, the municipality's answers uploaded from the
workbook (every problem listed per row, or what changed), the participatieverslag and the A4 with the QR code."""
from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import run, ui

from .. import feedback, report
from ..export import intake
from ..export.responses import Refused, import_responses
from ..i18n import Translator
from ..models import Workshop
from ..steps.base import DomainError
from ..widgets.excel_upload import excel_upload

PDF = 'application/pdf'


class FeedbackControls:
    def __init__(self, tr: Translator, workshop: Workshop, still_allowed: Callable[[], Awaitable[bool]],
                 say: Callable[[str], None], done: Callable[[], None]) -> None:
        self.tr, self.workshop, self.still_allowed, self.say, self.done = tr, workshop, still_allowed, say, done

    async def build(self) -> None:
        tr = self.tr
        url = await run.io_bound(feedback.results_url, self.workshop.id)
        ui.label(tr('console.feedback')).classes('section-title').props('role=heading aria-level=2')
        ui.label(tr('console.feedback_hint')).classes('hint')
        with ui.row().classes('gap-4 items-center'):
            ui.link(tr('console.results_page'), url, new_tab=True).props('data-testid=results-link')
            ui.label(url).classes('hint').props('data-testid=results-address')
        with ui.row().classes('gap-2 items-center'):
            excel_upload(tr, tr('console.responses_from_excel'), testid='responses-upload',
                         max_bytes=intake.MAX_BYTES, on_data=self.upload, report=self.say)
            ui.button(tr('console.download_report'), on_click=self.download_report) \
                .props('outline data-testid=download-report')
            ui.button(tr('console.download_poster'), on_click=self.download_poster) \
                .props('outline data-testid=download-poster')
        self.problems = ui.column().classes('gap-1').props('data-testid=response-problems')

    async def upload(self, data: bytes) -> None:
        """Store the answers of an uploaded workbook, or list what is wrong with it (and store nothing)."""
        if not await self.still_allowed():
            return
        self.problems.clear()
        try:
            changed = await run.io_bound(import_responses, self.workshop.id, data)
        except DomainError as error:
            self.say(self.tr(error.key, **error.args_))
            with self.problems:
                for problem in error.problems if isinstance(error, Refused) else []:
                    ui.label(self.tr(problem.key, **problem.args_)).props('data-testid=response-problem')
            return
        self.say(self.tr('responses.saved', count=changed))

    async def download_report(self) -> None:
        """In a worker process, like the workbook: a large workshop's PDF is seconds of pure Python."""
        if not await self.still_allowed():
            return
        self.say(self.tr('console.preparing_report'))
        data = await run.cpu_bound(report.pdf, self.workshop.id)
        if data is not None:  # None while the server shuts down
            ui.download(data, report.filename(self.workshop), PDF)
            self.done()

    async def download_poster(self) -> None:
        if not await self.still_allowed():
            return
        data = await run.io_bound(report.poster, self.workshop.id)
        if data is not None:
            ui.download(data, report.filename(self.workshop, 'uitkomsten-a4'), PDF)
            self.done()
