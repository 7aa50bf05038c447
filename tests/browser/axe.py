"""axe-core (from npm) run inside the page: WCAG 2.1 A and AA rules."""
from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

AXE_SCRIPT = Path(__file__).parents[2] / 'node_modules' / 'axe-core' / 'axe.min.js'
WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']


def violations(page: Page) -> list[dict]:
    """What axe finds on the page as it is now; an empty list means no violation."""
    if not page.evaluate('typeof window.axe !== "undefined"'):
        page.add_script_tag(content=AXE_SCRIPT.read_text())
    return page.evaluate('''async (tags) => {
        const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
        return result.violations.map(v => ({rule: v.id, impact: v.impact, help: v.help,
            where: v.nodes.slice(0, 3).map(n => n.html.slice(0, 160))}));
    }''', WCAG_TAGS)
