"""A real headless Chromium (Debian's ``chromium``) driven by Playwright, and a real API
process for it to open: fixtures for the tests of what a person sees in a browser.

Playwright drives the machine's Chromium (``CHROMIUM``); its own browser downloads are
never used. Outside CI a missing Chromium skips the test; under CI it fails it.
Screenshots go to ``tests/output/`` (ignored by git), one folder per test module.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, async_playwright

from tests.api import TEST_DATA_KEY
from tests.schema.referrals.servers import api_process
from tests.services import missing

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUTPUT = Path(__file__).parent / "output"


def chromium_program() -> str:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        missing("Chromium (Debian's chromium package)")
    return CHROMIUM if Path(CHROMIUM).exists() else str(shutil.which("chromium"))


def output_folder(request: pytest.FixtureRequest) -> Path:
    """``tests/output/<test module>/``, made when missing."""
    folder = OUTPUT / Path(str(request.node.path)).stem
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    program = chromium_program()
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=program, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            await launched.close()


@pytest.fixture
async def page(browser: Browser) -> AsyncIterator[Page]:
    """A fresh browser context (no stored headers or cookies) and its page."""
    context = await browser.new_context(viewport={"width": 1400, "height": 900}, locale="fr-FR")
    try:
        yield await context.new_page()
    finally:
        await context.close()


@pytest.fixture(scope="session")
def demo_server(demo_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real API process (uvicorn on loopback) on the read-only demo database; its URL."""
    env = {
        "JISR_DATABASE_URL": demo_url,
        "JISR_VAR_DIR": str(tmp_path_factory.mktemp("server-var")),
        "JISR_SECRET_KEY": "test-secret",
        "JISR_DATA_KEY": TEST_DATA_KEY,
        "JISR_ENV": "development",
    }
    with api_process(env) as base:
        yield base
