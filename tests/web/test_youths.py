"""The mediator's workspace in a real browser: the demo mediator of Dar Al Amal registers a
young person (first without a first name: the error summary links to the field and nothing
is registered), then finds them in "My young people" and on their own page — in French, in
Arabic (right to left) and without JavaScript; the same form sent twice registers once; a
referral awaiting an answer is counted on the list. Staff of an agency may not come in."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from playwright.async_api import Page

from tests.web.conftest import (
    AGENCY,
    COORDINATOR,
    IN_EACH_LANGUAGE,
    MEDIATOR,
    Console,
    SignIn,
    follow,
    screenshot,
)
from tests.web.referrals import new_referral
from web.pages.youths import STATUSES, sections

HEADINGS = {"fr": "Enregistrer un jeune", "ar": "تسجيل شاب"}
DEMO01 = '{ youths(filter: {search: "JY-DEMO01"}) { nodes { id lastName } } }'
NAMES = "{ youths(first: 100) { totalCount nodes { lastName } } }"


def last_names(console: Console) -> list[str | None]:
    """The last names of the mediator's young people, as the API gives them."""
    found: Any = console.graphql(NAMES, token=console.token(MEDIATOR))["youths"]
    return [node["lastName"] for node in found["nodes"]]


async def submit(page: Page) -> int:
    return await follow(page, "main form[method=post] button[type=submit]")


@IN_EACH_LANGUAGE
async def test_the_mediator_registers_a_young_person_and_finds_them(
    as_user: SignIn,
    console: Console,
    lang: str,
    direction: str,
    javascript: bool,
    request: pytest.FixtureRequest,
) -> None:
    # given: the mediator on their list of young people
    last = f"Benali-{request.node.callspec.id}"
    page = await as_user(MEDIATOR, lang=lang, javascript=javascript)
    await page.goto("/youths")
    assert await page.get_attribute("html", "dir") == direction
    assert await page.locator("nav a[href='/youths']").count() == 1
    async with page.expect_navigation():
        await page.click("main a[href='/youths/new']")
    assert await page.inner_text("main h1") == HEADINGS[lang]

    # when: they send the form without the first name
    await page.fill("#lastName", last)
    await page.fill("#birthDate", "2009-05-14")
    await page.check("#gender-FEMALE")
    await page.fill("#expectedLeavingDate", "2027-06-30")
    status = await submit(page)

    # then: the error summary links to the field, the form keeps what was typed, and
    # nobody is registered
    assert status == 400
    summary = page.locator(".error-summary")
    assert await summary.locator("a[href='#firstName']").count() == 1
    assert await page.locator("#firstName-error").count() == 1
    assert await page.input_value("#lastName") == last
    assert await page.is_checked("#gender-FEMALE")
    if javascript:
        await screenshot(page, request, f"youth-new-errors-{lang}")
    assert last not in last_names(console)

    # when: they give the first name and send again
    await page.fill("#firstName", "Salma")
    status = await submit(page)

    # then: the young person's page, registered once, with their names and dates
    assert status == 200
    assert "/youths/" in page.url and page.url.endswith("?registered=1")
    assert await page.locator(".banner--success").count() == 1
    main = await page.locator("main").inner_text()
    assert f"Salma {last}" in main
    assert await page.locator("time[datetime='2009-05-14']").count() == 1
    assert await page.locator("time[datetime='2027-06-30']").count() == 1
    assert last_names(console).count(last) == 1
    if javascript:
        await screenshot(page, request, f"youth-{lang}")

    # and they are on the list, in care, with a link to their page
    youth_path = page.url.split("?")[0].removeprefix(console.base)
    await page.goto("/youths")
    row = page.locator("#section-IN_CARE tr", has_text=last)
    assert await row.count() == 1
    assert await row.locator(f"a[href='{youth_path}']").count() == 1
    if javascript:
        await screenshot(page, request, f"youths-{lang}")


async def test_the_same_registration_sent_twice_registers_once(
    as_user: SignIn, console: Console
) -> None:
    # given: the registration form filled in, as the browser would send it
    page = await as_user(MEDIATOR, lang="fr")
    await page.goto("/youths/new")
    await page.fill("#firstName", "Nadia")
    await page.fill("#lastName", "Twice-sent")
    await page.fill("#birthDate", "2008-11-02")
    form = await page.evaluate(
        "() => Object.fromEntries(new FormData(document.querySelector('main form')))"
    )

    # when: it is sent twice (a double click, a resend after a lost answer)
    answers = [await page.request.post("/youths/new", form=form, max_redirects=0) for _ in range(2)]

    # then: both lead to the same young person, registered once
    assert [a.status for a in answers] == [303, 303]
    first, second = (a.headers["location"] for a in answers)
    assert first == second and first.startswith("/youths/")
    assert last_names(console).count("Twice-sent") == 1

    # when: the same form is sent again with another last name
    changed = await page.request.post(
        "/youths/new", form={**form, "lastName": "Other-details"}, max_redirects=0
    )

    # then: refused and said so, with a fresh key in the form, and nobody else registered
    assert changed.status == 400
    html = await changed.text()
    assert "error-summary" in html and "déjà enregistré un jeune" in html
    assert form["idempotencyKey"] not in html
    assert "Other-details" not in last_names(console)


async def counts_of(page: Page, code: str) -> tuple[str | None, str | None]:
    """What "My young people" shows as needing attention for the young person ``code``."""
    await page.goto("/youths")
    cell = page.locator("tr", has_text=code).locator("td[data-awaiting]")
    return await cell.get_attribute("data-awaiting"), await cell.get_attribute("data-late")


async def test_a_referral_awaiting_an_answer_is_counted_on_the_list(
    as_user: SignIn, console: Console, request: pytest.FixtureRequest
) -> None:
    # given: the mediator's list, as it counts JY-DEMO01's open referrals
    page = await as_user(MEDIATOR, lang="fr")
    awaiting, late = await counts_of(page, "JY-DEMO01")
    assert awaiting is not None

    # when: the mediator's actor sends one more referral for them (through the API)
    await asyncio.to_thread(new_referral, console, "Un premier emploi")

    # then: one more awaits an answer; none of them became late
    assert await counts_of(page, "JY-DEMO01") == (str(int(awaiting) + 1), late)
    row = page.locator("tr", has_text="JY-DEMO01")
    verb = "attend" if int(awaiting) + 1 == 1 else "attendent"
    assert f"{verb} une réponse" in await row.inner_text()
    await screenshot(page, request, "youths-attention-fr")


@pytest.mark.parametrize("path", ["/youths", "/youths/new"])
async def test_agency_staff_may_not_use_the_mediators_workspace(
    as_user: SignIn, console: Console, path: str
) -> None:
    page = await as_user(AGENCY, lang="fr")
    answer = await page.goto(path)

    assert answer is not None and answer.status == 403
    assert await page.locator("nav a[href='/youths']").count() == 0


async def test_a_coordinator_sees_a_young_persons_page_without_their_identity(
    as_user: SignIn, console: Console, request: pytest.FixtureRequest
) -> None:
    # given: JY-DEMO01 of Dar Al Amal (Fès), whose names the mediator reads
    found: Any = console.graphql(DEMO01, token=console.token(MEDIATOR))["youths"]["nodes"][0]
    assert found["lastName"]

    # when: the coordinator of Fès-Meknès opens their page
    page = await as_user(COORDINATOR, lang="fr")
    answer = await page.goto(f"/youths/{found['id']}")

    # then: the code and status, but neither names nor birth date
    assert answer is not None and answer.status == 200
    main = await page.locator("main").inner_text()
    assert "JY-DEMO01" in main and "Prépare sa sortie" in main
    assert found["lastName"] not in main
    assert main.count("non visible pour vous") == 2  # the name, the birth date
    await screenshot(page, request, "youth-coordinator-fr")


def test_the_sections_follow_the_status_order_and_leaving_soonest_first() -> None:
    youths: list[dict[str, Any]] = [
        {"id": "1", "status": "IN_CARE", "expectedLeavingDate": None},
        {"id": "2", "status": "PREPARING_TO_LEAVE", "expectedLeavingDate": "2027-03-01"},
        {"id": "3", "status": "LOST_CONTACT", "expectedLeavingDate": None},
        {"id": "4", "status": "PREPARING_TO_LEAVE", "expectedLeavingDate": None},
        {"id": "5", "status": "PREPARING_TO_LEAVE", "expectedLeavingDate": "2026-12-20"},
    ]

    found = sections(youths)

    assert [s["status"] for s in found] == STATUSES
    assert STATUSES[0] == "PREPARING_TO_LEAVE" and STATUSES[-1] == "LOST_CONTACT"
    assert [[y["id"] for y in s["rows"]] for s in found] == [["5", "2", "4"], ["1"], [], [], ["3"]]
