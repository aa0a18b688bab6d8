"""What needs attention first and the search on "My young people", in a real browser: the
demo's overdue plan action of JY-DEMO01 leads the list, with a link to their plan and a
count on their row; the name search (the API's, by full name) finds Yassine Benali and the
status filter narrows the list, both kept in the URL — in French, in Arabic (right to left)
and without JavaScript; a search the API refuses is said in the error summary, and a search
matching nobody says so."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.async_api import Page

from tests.web.conftest import IN_EACH_LANGUAGE, MEDIATOR, Console, SignIn, follow, screenshot
from web.pages.youth_attention import FOLLOW_UP_DUE, LATE_ANSWER, overdue, rows

DEMO01 = '{ youths(filter: {search: "JY-DEMO01"}) { nodes { id } } }'
NO_MATCH = {"fr": "Aucun jeune ne correspond.", "ar": "لا يطابق البحث أي شاب."}


def demo01(console: Console) -> str:
    found: Any = console.graphql(DEMO01, token=console.token(MEDIATOR))["youths"]["nodes"]
    return str(found[0]["id"])


async def codes(page: Page) -> list[str]:
    """The case codes of the young people the page lists, in order."""
    return [code.strip() for code in await page.locator("tr.youths__row td bdi").all_inner_texts()]


async def search(page: Page, text: str = "", status: str = "") -> int:
    await page.fill("#search", text)
    await page.select_option("#status", status)
    return await follow(page, "main form.youths__search button[type=submit]")


@IN_EACH_LANGUAGE
async def test_what_needs_attention_leads_and_the_search_narrows_the_list(
    as_user: SignIn,
    console: Console,
    lang: str,
    direction: str,
    javascript: bool,
    request: pytest.FixtureRequest,
) -> None:
    # given: the mediator of Dar Al Amal on their young people; JY-DEMO01's plan has an
    # action past its due date
    youth = demo01(console)
    page = await as_user(MEDIATOR, lang=lang, javascript=javascript)
    await page.goto("/youths")
    assert await page.get_attribute("html", "dir") == direction

    # then: it is under "needs attention first", linked to their plan, and counted on their row
    rows = page.locator("#attention li[data-kind=actions]", has_text="JY-DEMO01")
    assert await rows.count() == 1
    assert await rows.locator(f"a[href='/youths/{youth}/plan']").count() == 1
    cell = page.locator(f"tr[data-youth='{youth}'] td[data-overdue-actions]")
    assert int(await cell.get_attribute("data-overdue-actions") or 0) >= 1
    everyone = await codes(page)
    assert {"JY-DEMO01", "JY-DEMO05"} <= set(everyone)
    if javascript:
        await screenshot(page, request, f"youths-attention-{lang}")

    # when: they search for Yassine Benali by name
    assert await search(page, "Yassine Benali") == 200

    # then: only him, the search kept in the URL
    assert await codes(page) == ["JY-DEMO01"]
    assert parse_qs(urlsplit(page.url).query)["search"] == ["Yassine Benali"]
    assert await page.input_value("#search") == "Yassine Benali"

    # when: they ask for those who left care instead
    assert await search(page, status="LEFT_CARE") == 200

    # then: those only, in one section; the same address gives the same list
    left = await codes(page)
    assert "JY-DEMO05" in left and "JY-DEMO01" not in left and len(left) < len(everyone)
    assert await page.locator("section.inbox__section").count() == 1
    assert await page.locator("#section-LEFT_CARE").count() == 1
    await page.goto(page.url)
    assert await codes(page) == left
    if javascript:
        await screenshot(page, request, f"youths-left-care-{lang}")

    # when: a name nobody has, with that status
    assert await search(page, "Personne Inconnue", "LEFT_CARE") == 200

    # then: said so, the filters kept
    assert await page.inner_text("#no-match") == NO_MATCH[lang]
    assert await page.input_value("#status") == "LEFT_CARE"


async def test_a_search_the_api_refuses_is_said_in_the_error_summary(
    as_user: SignIn, console: Console, request: pytest.FixtureRequest
) -> None:
    # given: the mediator on their young people
    page = await as_user(MEDIATOR, lang="fr")
    await page.goto("/youths")

    # when: they search for more than the API takes
    status = await search(page, "x" * 250)

    # then: the error summary links to the field, which keeps what was typed; no list
    assert status == 400
    summary = page.locator(".error-summary")
    assert await summary.locator("a[href='#search']").count() == 1
    assert "200 caractères" in await summary.inner_text()
    assert await page.locator("#search-error").count() == 1
    assert await page.input_value("#search") == "x" * 250
    assert await page.locator("tr.youths__row").count() == 0
    await screenshot(page, request, "youths-search-refused-fr")

    # and: a status that is not one is refused without asking the API
    answer = await page.goto("/youths?status=GONE")
    assert answer is not None and answer.status == 400
    assert await page.locator(".error-summary a[href='#status']").count() == 1


def test_the_list_puts_the_oldest_first_and_says_why_a_referral_is_late() -> None:
    youths = {"Y1": {"id": "Y1", "code": "JY-1", "firstName": "A", "lastName": "B"}}
    actions = overdue(
        [
            {"dueDate": "2026-01-10", "status": "PLANNED"},
            {"dueDate": "2026-01-05", "status": "DONE"},
            {"dueDate": "2026-01-03", "status": "CANCELLED"},
            {"dueDate": "2026-02-01", "status": "IN_PROGRESS"},
            {"dueDate": None, "status": "PLANNED"},
        ],
        "2026-01-20",
    )
    referrals: list[dict[str, Any]] = [
        {
            "id": "R1",
            "status": "SENT",
            "overdue": True,
            "respondBy": "2026-01-01T09:00:00+00:00",
            "nextFollowUpAt": None,
            "toActor": {"name": "AEC"},
            "youth": {"id": "Y1", "code": "JY-1"},
        },
        {
            "id": "R2",
            "status": "ACCEPTED",
            "overdue": True,
            "respondBy": "2025-12-01T09:00:00+00:00",
            "nextFollowUpAt": "2026-01-15T09:00:00+00:00",
            "toActor": {"name": "OFPPT"},
            "youth": {"id": "Y2", "code": "JY-2"},
        },
        {**{"id": "R3", "status": "SENT", "overdue": False}, "youth": {"id": "Y1"}},
    ]

    found = rows(youths, {"Y1": actions}, referrals, only_shown=False)
    narrowed = rows(youths, {}, referrals, only_shown=True)

    assert [a["dueDate"] for a in actions] == ["2026-01-10"]
    assert [(r["href"], r.get("why")) for r in found] == [
        ("/referrals/R1", LATE_ANSWER),
        ("/youths/Y1/plan", None),
        ("/referrals/R2", FOLLOW_UP_DUE),
    ]
    assert found[0]["youth"]["firstName"] == "A"  # the young person as the list shows them
    assert [r["href"] for r in narrowed] == ["/referrals/R1"]
