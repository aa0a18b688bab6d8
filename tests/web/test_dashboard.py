"""The coordinator's dashboard in a real browser: the Fès-Meknès coordinator sees the figures
of their region, the charts drawn with the table of their numbers beside each, and the
coverage map's shapes — in French and in Arabic (right to left) — and no count of 1 to 4
anywhere: where the API hides a count (null) the page says "fewer than 5". A recompute
starts a job whose progress shows; the activity report downloads as CSV. A mediator may
not come in."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.async_api import Page, Request

from tests.web.conftest import COORDINATOR, MEDIATOR, Console, SignIn, screenshot
from web.pages.dashboard import spans

HEADINGS = {"fr": "Tableau de bord de la coordination", "ar": "لوحة قيادة التنسيق"}
HIDDEN = {"fr": "moins de 5", "ar": "أقل من 5"}
FIRST_LOAD_BYTES = 250_000
# the coordinator's region and its figures, as the API gives them to them
FIGURES = """
query($t: ID) {
  me { territory { id } }
  coordinationMetrics(territoryId: $t) {
    referralsSent referralsAccepted referralsDeclined referralsExpired referralsCompleted
    overdueFollowUps
  }
}
"""
REFERRAL_FIGURES = [
    "referralsSent",
    "referralsAccepted",
    "referralsDeclined",
    "referralsExpired",
    "referralsCompleted",
    "overdueFollowUps",
]
JOB = "query($id: ID!) { job(id: $id) { id kind status } }"
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def figures(console: Console) -> dict[str, Any]:
    token = console.token(COORDINATOR)
    region = console.graphql(FIGURES, token=token)["me"]["territory"]["id"]
    metrics: dict[str, Any] = console.graphql(FIGURES, {"t": region}, token=token)[
        "coordinationMetrics"
    ]
    return metrics


async def counts_shown(page: Page) -> list[tuple[str, str]]:
    """(data-count, text) of every count of people or referrals on the page."""
    found: list[tuple[str, str]] = await page.eval_on_selector_all(
        ".count", "all => all.map(e => [e.dataset.count, e.textContent.trim()])"
    )
    return found


@pytest.mark.parametrize("lang,direction", [("fr", "ltr"), ("ar", "rtl")], ids=["fr", "ar"])
async def test_the_coordinator_sees_the_figures_charts_and_coverage_map(
    as_user: SignIn, console: Console, lang: str, direction: str, request: pytest.FixtureRequest
) -> None:
    # given: the Fès-Meknès coordinator, with the browser's cache off (a first load)
    page = await as_user(COORDINATOR, lang=lang)
    cdp = await page.context.new_cdp_session(page)
    await cdp.send("Network.enable")
    await cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    loaded: list[Request] = []
    page.on("requestfinished", lambda request: loaded.append(request))

    # when: they open the dashboard from the menu
    async with page.expect_navigation():
        await page.click("nav a[href='/dashboard']")
    await page.wait_for_selector("#coverage-map path.leaflet-interactive")
    await page.wait_for_load_state("networkidle")

    # then: their region's figures, in their language
    assert await page.get_attribute("html", "dir") == direction
    assert await page.inner_text("main h1") == HEADINGS[lang]
    # the charts are drawn, each with the table of its numbers
    for name in ("trend", "rates", "response"):
        assert await page.is_visible(f"#chart-{name}")
        assert await page.evaluate(f"!!Chart.getChart('chart-{name}')")
        assert await page.locator(f"#table-{name} tbody tr").count() >= 1
    start = date.fromisoformat(await page.input_value("#from"))
    end = date.fromisoformat(await page.input_value("#to"))
    assert await page.locator("#table-trend tbody tr").count() == len(spans(start, end)) > 1
    # the coverage map draws the provinces of the region, with its legend and table
    assert await page.locator("#coverage-map path.leaflet-interactive").count() >= 5
    assert await page.is_visible("#coverage-legend")
    rows = await page.locator("#table-coverage tbody tr[data-territory]").count()
    assert rows == await page.locator("#coverage-map path.leaflet-interactive").count()

    # and: where the API hides a count, the page says so; no count of 1 to 4 anywhere
    api = figures(console)
    hidden = [name for name in REFERRAL_FIGURES if api[name] is None]
    assert hidden, "the demo has hidden counts in Fès-Meknès"
    shown = page.locator("#referral-figures dd")
    for index, name in enumerate(REFERRAL_FIGURES):
        text = (await shown.nth(index).inner_text()).strip()
        if api[name] is None:
            assert text == HIDDEN[lang]
        else:
            assert text.translate(DIGITS).replace("\u202f", "").replace(".", "") == str(api[name])
    counts = await counts_shown(page)
    assert sum(1 for value, _ in counts if value == "") >= len(hidden)
    for value, text in counts:
        if value == "":
            assert text == HIDDEN[lang]
        else:
            assert int(value) == 0 or int(value) >= 5
            number = re.sub(r"\D", "", text.translate(DIGITS))
            assert number == value
    drawn = await page.evaluate(
        "Chart.getChart('chart-trend').data.datasets.flatMap(set => set.data)"
    )
    assert not [n for n in drawn if n is not None and 1 <= n <= 4]
    # the page's first load stays light
    sent = [(await r.sizes())["responseBodySize"] for r in loaded]
    assert 0 < sum(sent) <= FIRST_LOAD_BYTES, [
        (r.url, n) for r, n in zip(loaded, sent, strict=True)
    ]
    await screenshot(page, request, f"dashboard-{lang}")


async def test_without_javascript_the_tables_are_the_charts(as_user: SignIn) -> None:
    page = await as_user(COORDINATOR, lang="fr", javascript=False)
    await page.goto("/dashboard")

    for name in ("trend", "rates", "response", "coverage", "activity"):
        assert await page.is_visible(f"#table-{name}")
    assert not await page.is_visible("#chart-trend")
    assert not await page.is_visible("#coverage-map")
    assert await page.locator("#table-coverage tbody tr[data-territory]").count() >= 5


async def test_a_recompute_starts_a_job_whose_progress_shows(
    as_user: SignIn, console: Console
) -> None:
    page = await as_user(COORDINATOR, lang="fr")
    await page.goto("/dashboard")

    async with page.expect_navigation():
        await page.click("form[action='/dashboard/recompute'] button[type=submit]")

    job_id = parse_qs(urlsplit(page.url).query)["job"][0]
    status = await page.get_attribute("#job", "data-status")
    assert status in ("QUEUED", "RUNNING", "SUCCEEDED")
    words = {"QUEUED": "En attente", "RUNNING": "Calcul en cours", "SUCCEEDED": "Terminé"}
    assert await page.inner_text("#job .job__status") == words[str(status)]
    # and while it waits, the page asks for its progress again
    if status != "SUCCEEDED":
        async with page.expect_response(lambda r: "/dashboard/jobs/" in r.url) as polled:
            pass
        answer = await polled.value
        assert answer.status == 200 and 'data-status="' in await answer.text()
    job: Any = console.graphql(JOB, {"id": job_id}, token=console.token(COORDINATOR))
    assert job["job"]["kind"] == "metrics.recompute"


async def test_the_activity_report_downloads_as_csv(as_user: SignIn) -> None:
    page = await as_user(COORDINATOR, lang="fr")
    await page.goto("/dashboard")
    shown = await page.locator("#table-activity tbody tr").count()

    async with page.expect_download() as downloading:
        await page.click("#activity-csv")
    download = await downloading.value
    path = await download.path()

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0] == ["Unité", "Axe", "Type de service", "Services rendus"]
    assert len(rows) - 1 == shown or (shown == 1 and len(rows) == 1)
    for row in rows[1:]:
        assert row[3] == HIDDEN["fr"] or int(row[3]) == 0 or int(row[3]) >= 5


async def test_a_mediator_may_not_see_the_dashboard(as_user: SignIn) -> None:
    page = await as_user(MEDIATOR, lang="fr")
    assert await page.locator("nav a[href='/dashboard']").count() == 0

    answer = await page.goto("/dashboard")

    assert answer is not None and answer.status == 403
    answer = await page.goto("/dashboard/activity.csv")
    assert answer is not None and answer.status == 403
