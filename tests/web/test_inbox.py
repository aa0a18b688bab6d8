"""The agency's workspace in a real browser: a mediator's referral (made through the API)
arrives live in the agency's inbox; the agency declines without a reason (refused,
nothing changed), accepts, starts, completes with an outcome, adds notes; a second
browser answering the same referral sees that someone else answered first. In Arabic
and French, the core flows again without JavaScript. Each test makes its own referral."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from playwright.async_api import Page, expect

from tests.web.conftest import AGENCY, Console, SignIn, screenshot
from tests.web.referrals import as_dict, new_referral
from web.pages.inbox import sections

STATE = "query($id: ID!) { node(id: $id) { ... on Referral { status version outcome } } }"
ACCEPT = """
mutation($id: ID!, $version: Int!) {
  acceptReferral(input: {id: $id, version: $version}) { referral { version } userErrors { code } }
}"""


def state(console: Console, referral_id: str) -> dict[str, Any]:
    """The referral as the agency reads it through the API."""
    return as_dict(console.graphql(STATE, {"id": referral_id}, token=console.token(AGENCY))["node"])


def accept_through_api(console: Console, referral_id: str) -> None:
    version = state(console, referral_id)["version"]
    answer = as_dict(
        console.graphql(
            ACCEPT, {"id": referral_id, "version": version}, token=console.token(AGENCY)
        )["acceptReferral"]
    )
    assert answer["userErrors"] == []


async def status_shown(page: Page) -> str | None:
    return await page.get_attribute("#referral-status", "data-status")


@pytest.mark.parametrize("lang,direction", [("fr", "ltr"), ("ar", "rtl")])
async def test_a_referral_made_through_the_api_appears_in_the_open_inbox_without_reload(
    as_user: SignIn, console: Console, lang: str, direction: str, request: pytest.FixtureRequest
) -> None:
    # given: the agency's inbox is open and listening
    page = await as_user(AGENCY, lang=lang)
    async with page.expect_response(lambda r: r.url.endswith("/live")):
        await page.goto("/inbox")
    assert await page.get_attribute("html", "dir") == direction
    await page.evaluate("window.jisrKept = true")
    await page.wait_for_selector("body[data-live-ready]", state="attached")  # stream listens

    # when: a mediator sends a referral to the agency's service through the API
    referral_id = await asyncio.to_thread(new_referral, console, f"Recherche d'emploi ({lang})")

    # then: its row appears in the "new" section, the page was not reloaded
    row = page.locator(f"#section-new tr[data-referral='{referral_id}']")
    await expect(row).to_be_visible(timeout=10_000)
    assert await page.evaluate("window.jisrKept") is True
    await expect(row.locator(f"a[href='/referrals/{referral_id}']")).to_contain_text("JY-DEMO01")
    await screenshot(page, request, f"inbox-{lang}")


async def test_without_javascript_a_reload_shows_the_new_referral(
    as_user: SignIn, console: Console
) -> None:
    page = await as_user(AGENCY, lang="fr", javascript=False)
    await page.goto("/inbox")
    referral_id = await asyncio.to_thread(new_referral, console, "Sans JavaScript")
    assert await page.locator(f"tr[data-referral='{referral_id}']").count() == 0

    await page.reload()

    await expect(page.locator(f"#section-new tr[data-referral='{referral_id}']")).to_be_visible()


@pytest.mark.parametrize(
    "lang,javascript", [("fr", True), ("ar", True), ("fr", False), ("ar", False)]
)
async def test_declining_without_a_reason_changes_nothing_then_accepting_and_a_note(
    as_user: SignIn,
    console: Console,
    lang: str,
    javascript: bool,
    request: pytest.FixtureRequest,
) -> None:
    # given: a new referral, open on the agency's page
    referral_id = await asyncio.to_thread(new_referral, console, "Accompagnement vers l'emploi")
    before = await asyncio.to_thread(state, console, referral_id)
    page = await as_user(AGENCY, lang=lang, javascript=javascript)
    await page.goto(f"/referrals/{referral_id}")
    assert await status_shown(page) == "SENT"
    assert await page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    assert await page.locator("#form-complete").count() == 0  # not while it is SENT

    # when: the agency declines without choosing a reason
    await page.click("#form-decline button[type=submit]")

    # then: the error summary links to the reasons, and the referral is unchanged
    summary = page.locator(".error-summary")
    await expect(summary).to_be_visible()
    assert await summary.locator("a").get_attribute("href") == "#reason"
    assert await page.locator("#reason-error").count() == 1
    assert await asyncio.to_thread(state, console, referral_id) == before

    # when: the agency accepts
    await page.click("#form-accept button[type=submit]")

    # then: the page shows it accepted, and so does the API
    await expect(page.locator("#referral-status")).to_have_attribute("data-status", "ACCEPTED")
    assert (await asyncio.to_thread(state, console, referral_id))["status"] == "ACCEPTED"
    assert await page.locator("#form-accept").count() == 0
    assert await page.locator("#form-start").count() == 1

    # when: an empty note, then a note
    await page.click("#form-note button[type=submit]")
    await expect(page.locator(".error-summary a[href='#note']")).to_be_visible()
    await page.fill("#note", f"Rendez-vous fixé mardi ({lang})")
    await page.click("#form-note button[type=submit]")

    # then: the note is in the timeline
    note = page.locator(".timeline__event[data-kind='NOTE'] .timeline__note")
    await expect(note).to_have_text(f"Rendez-vous fixé mardi ({lang})")
    if lang == "ar" and javascript:
        await screenshot(page, request, "referral-ar")


@pytest.mark.parametrize(
    "lang,second",
    [("fr", "decline"), ("ar", "decline"), ("fr", "accept"), ("ar", "accept")],
)
async def test_a_second_browser_answering_the_same_referral_sees_someone_answered_first(
    as_user: SignIn,
    console: Console,
    lang: str,
    second: str,
    request: pytest.FixtureRequest,
) -> None:
    # given: two browsers of the agency open the same new referral
    referral_id = await asyncio.to_thread(new_referral, console, "Deux réponses")
    first = await as_user(AGENCY, lang=lang)
    other = await as_user(AGENCY, lang=lang)
    for page in (first, other):
        await page.goto(f"/referrals/{referral_id}")

    # when: the first accepts, then the second answers from its old page
    await first.click("#form-accept button[type=submit]")
    await expect(first.locator("#referral-status")).to_have_attribute("data-status", "ACCEPTED")
    if second == "decline":
        await other.check("#reason")
        await other.click("#form-decline button[type=submit]")
    else:
        await other.click("#form-accept button[type=submit]")

    # then: the second sees the conflict and the fresh state; nothing was overwritten
    await expect(other.locator("#conflict")).to_be_visible()
    assert await status_shown(other) == "ACCEPTED"
    assert (await asyncio.to_thread(state, console, referral_id))["status"] == "ACCEPTED"
    assert await other.locator(".timeline__event[data-kind='DECLINED']").count() == 0
    if lang == "fr" and second == "decline":
        await screenshot(other, request, "conflict-fr")


@pytest.mark.parametrize("lang", ["ar", "fr"])
async def test_an_open_referral_page_tells_when_someone_else_answers(
    as_user: SignIn, console: Console, lang: str
) -> None:
    # given: the agency's page of a new referral, open and listening
    referral_id = await asyncio.to_thread(new_referral, console, "Une réponse ailleurs")
    page = await as_user(AGENCY, lang=lang)
    async with page.expect_response(lambda r: r.url.endswith("/live")):
        await page.goto(f"/referrals/{referral_id}")
    assert await page.locator("#changed").is_hidden()
    await page.wait_for_selector("body[data-live-ready]", state="attached")  # stream listens

    # when: a colleague accepts it elsewhere (through the API)
    await asyncio.to_thread(accept_through_api, console, referral_id)

    # then: the page says it changed and links to its fresh state
    await expect(page.locator("#changed")).to_be_visible(timeout=10_000)
    await page.click(f"#changed a[href='/referrals/{referral_id}']")
    await expect(page.locator("#referral-status")).to_have_attribute("data-status", "ACCEPTED")


@pytest.mark.parametrize("lang,javascript", [("fr", True), ("ar", True), ("fr", False)])
async def test_start_then_complete_needs_an_outcome(
    as_user: SignIn, console: Console, lang: str, javascript: bool
) -> None:
    # given: an accepted referral
    referral_id = await asyncio.to_thread(new_referral, console, "Atelier CV")
    await asyncio.to_thread(accept_through_api, console, referral_id)
    page = await as_user(AGENCY, lang=lang, javascript=javascript)
    await page.goto(f"/referrals/{referral_id}")

    # when: the agency starts it
    await page.click("#form-start button[type=submit]")
    await expect(page.locator("#referral-status")).to_have_attribute("data-status", "IN_PROGRESS")
    assert await page.locator("#form-decline").count() == 0

    # when: it completes without an outcome
    await page.click("#form-complete button[type=submit]")

    # then: refused, still in progress
    await expect(page.locator(".error-summary a[href='#outcome']")).to_be_visible()
    assert (await asyncio.to_thread(state, console, referral_id))["status"] == "IN_PROGRESS"

    # when: with an outcome
    await page.check("#outcome")  # the first outcome: served
    await page.fill("#complete-note", "Inscrit à l'atelier")
    await page.click("#form-complete button[type=submit]")

    # then: completed, the outcome shown, no more answers offered
    await expect(page.locator("#referral-status")).to_have_attribute("data-status", "COMPLETED")
    assert await page.locator("#referral-outcome").count() == 1
    assert await page.locator("form.answer[id^='form-'][action$='/complete']").count() == 0
    api = await asyncio.to_thread(state, console, referral_id)
    assert (api["status"], api["outcome"]) == ("COMPLETED", "SERVED")


@pytest.mark.parametrize("lang,javascript", [("fr", True), ("ar", True), ("fr", False)])
async def test_redirecting_to_another_service_of_the_same_axis(
    as_user: SignIn, console: Console, lang: str, javascript: bool
) -> None:
    # given: a new referral, open on the agency's page
    referral_id = await asyncio.to_thread(new_referral, console, "Pas notre territoire")
    page = await as_user(AGENCY, lang=lang, javascript=javascript)
    await page.goto(f"/referrals/{referral_id}")
    options = page.locator("#serviceId option")
    assert await options.count() > 1  # "choose" and at least one other actor's service

    # when: the agency sends it on without choosing a service
    await page.click("#form-redirect button[type=submit]")

    # then: refused, nothing changed
    await expect(page.locator(".error-summary a[href='#serviceId']")).to_be_visible()
    assert (await asyncio.to_thread(state, console, referral_id))["status"] == "SENT"

    # when: with a service
    await page.select_option("#serviceId", index=1)
    await page.click("#form-redirect button[type=submit]")

    # then: this referral ends redirected, no answer is offered any more
    await expect(page.locator("#referral-status")).to_have_attribute("data-status", "REDIRECTED")
    assert (await asyncio.to_thread(state, console, referral_id))["status"] == "REDIRECTED"
    assert await page.locator("form.answer:not(#form-note)").count() == 0


async def test_a_referral_of_another_actor_or_none_is_not_found(
    as_user: SignIn, console: Console
) -> None:
    # given: a referral to the agency, and staff of another actor of Fès
    referral_id = await asyncio.to_thread(new_referral, console, "Pas pour vous")
    page = await as_user("staff.ifmh-saiss@jisr.example.ma", lang="fr")

    # then: neither that referral nor a made-up one exists for them
    for target in (f"/referrals/{referral_id}", "/referrals/not-a-referral"):
        answer = await page.goto(target)
        assert answer is not None and answer.status == 404, target
        assert "Pas pour vous" not in await page.content()
        assert await page.locator("#referral-status").count() == 0


async def test_the_language_switch_of_a_refused_answer_opens_the_referral(
    as_user: SignIn, console: Console
) -> None:
    # given: the page that refused a decline without a reason (the answer to a post)
    referral_id = await asyncio.to_thread(new_referral, console, "Changer de langue")
    page = await as_user(AGENCY, lang="fr", javascript=False)
    await page.goto(f"/referrals/{referral_id}")
    await page.click("#form-decline button[type=submit]")
    await expect(page.locator(".error-summary")).to_be_visible()

    # when: the person switches to Arabic
    await page.click("ul.languages a[lang='ar']")

    # then: the referral's page in Arabic, nothing posted again
    await expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.url.split("?")[0].endswith(f"/referrals/{referral_id}")
    assert await status_shown(page) == "SENT"


def test_each_open_referral_is_in_one_section_most_urgent_first() -> None:
    now = datetime(2026, 12, 3, 9, tzinfo=UTC)

    def row(status: str, due_in_days: float | None, overdue: bool = False) -> dict[str, Any]:
        due = None if due_in_days is None else (now + timedelta(days=due_in_days)).isoformat()
        return {"status": status, "respondBy": due, "overdue": overdue}

    rows = [
        row("SENT", 4),
        row("SENT", -1, overdue=True),
        row("SENT", 1.5),
        row("ACCEPTED", None, overdue=True),  # a follow-up is late: still in progress
        row("IN_PROGRESS", None),
        row("SENT", None),
    ]

    placed = {s["key"]: s["rows"] for s in sections(rows, now)}

    assert list(placed) == ["overdue", "due-soon", "new", "in-progress"]
    assert placed["overdue"] == [rows[1]]
    assert placed["due-soon"] == [rows[2]]
    assert placed["new"] == [rows[0], rows[5]]
    assert placed["in-progress"] == [rows[3], rows[4]]
