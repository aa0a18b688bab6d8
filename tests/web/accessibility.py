"""axe-core, run in the page by the browser: the accessibility rules nobody here wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.async_api import Page

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


async def axe_violations(page: Page) -> list[dict[str, Any]]:
    """The serious and critical violations of WCAG 2.x A/AA and best practices on ``page``."""
    if not await page.evaluate("() => typeof window.axe === 'object'"):
        await page.add_script_tag(path=str(AXE))
    results = await page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
            }));
        }"""
    )
    return [v for v in results if v["impact"] in SERIOUS]
