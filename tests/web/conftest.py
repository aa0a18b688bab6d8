"""Fixtures of the console's tests: a real server process, a real Chromium, signed-in pages.

``console``: Jisr as ``jisr serve`` runs it (uvicorn, ``web.app:create_app``) on a private
copy of the demo database, one per test module; tests that write use data that no other
test of the module reads. ``browser``, ``page`` come from tests/browser.py (Debian's
Chromium through Playwright; CI fails without it). ``as_user`` signs a fresh browser
context in through the console's own sign-in page, in the language asked.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page

from tests.browser import browser, output_folder  # noqa: F401
from tests.schema.referrals.servers import Served, module_server, server_environment

PASSWORD = "jisr-demo-2026"
MEDIATOR = "mediation.dar-al-amal@jisr.example.ma"
AGENCY = "staff.aec-fes@jisr.example.ma"  # staff of the employment agency AEC Fès Atlas
COORDINATOR = "coordination.fes-meknes@jisr.example.ma"
ADMIN = "admin@jisr.example.ma"
LOCALES = {"ar": "ar-MA", "fr": "fr-FR", "en": "en-GB"}


Console = Served
"""The console's server process, on its copy of the demo."""


def console_environment(db_url: str, var: Path, **extra: str) -> dict[str, str]:
    return server_environment(db_url, var, **({"JISR_WS_VIEWER_CHECK_SECONDS": "1"} | extra))


console = module_server("console", console_environment, Console)


SignIn = Callable[..., Awaitable[Page]]


@pytest.fixture
async def as_user(browser: Browser, console: Console) -> AsyncIterator[SignIn]:  # noqa: F811
    """``await as_user(email, lang="fr", javascript=True)``: a page signed in as ``email``."""
    contexts = []

    async def sign_in(email: str | None, lang: str = "fr", javascript: bool = True) -> Page:
        context = await browser.new_context(
            viewport={"width": 1400, "height": 900},
            locale=LOCALES[lang],
            java_script_enabled=javascript,
            base_url=console.base,
        )
        contexts.append(context)
        page = await context.new_page()
        await page.goto(f"/sign-in?lang={lang}")
        if email is None:
            return page
        await page.fill("#email", email)
        await page.fill("#password", PASSWORD)
        async with page.expect_navigation():
            await page.click("form[action='/sign-in'] button[type=submit]")
        assert "/sign-in" not in page.url, await page.content()
        return page

    yield sign_in
    for context in contexts:
        await context.close()


async def screenshot(page: Page, request: pytest.FixtureRequest, name: str) -> Path:
    """A full-page screenshot kept under tests/output/<module>/<name>.png."""
    path = output_folder(request) / f"{name}.png"
    await page.screenshot(path=str(path), full_page=True)
    return path


# a flow in French, in Arabic (right to left) and in French without JavaScript
IN_EACH_LANGUAGE = pytest.mark.parametrize(
    "lang,direction,javascript",
    [("fr", "ltr", True), ("ar", "rtl", True), ("fr", "ltr", False)],
    ids=["fr", "ar", "fr-without-javascript"],
)


async def follow(page: Page, selector: str) -> int:
    """Click ``selector`` and wait for the page it leads to; that page's status."""
    async with page.expect_navigation() as navigation:
        await page.click(selector)
    answer = await navigation.value
    assert answer is not None
    return answer.status
