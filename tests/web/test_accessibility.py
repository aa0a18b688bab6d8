"""Every page of the console, in Arabic and in French, as its users reach it: axe-core finds
no serious or critical violation (colour contrast, names of controls, landmarks, language…).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.accessibility import axe_violations
from tests.web.conftest import ADMIN, AGENCY, COORDINATOR, MEDIATOR, Console, SignIn
from tests.web.referrals import new_referral

# (who, address) of every page; the ids in braces are filled from the API.
PAGES = [
    (None, "/sign-in"),
    (None, "/no-such-page"),
    (None, "/"),
    (None, "/?q=F%C3%A8s&axis=EMPLOYMENT&referrals=1&age=19"),
    (None, "/actors/{actor}"),
    (None, "/services/{service}"),
    (MEDIATOR, "/account"),
    (MEDIATOR, "/account/password"),
    (MEDIATOR, "/notifications"),
    (MEDIATOR, "/youths"),
    (MEDIATOR, "/youths?search=Mehdi+Alaoui&status=LEFT_CARE"),
    (MEDIATOR, "/youths?status=GONE"),
    (MEDIATOR, "/youths/new"),
    (MEDIATOR, "/youths/{youth}"),
    (MEDIATOR, "/youths/{youth}/consents/new"),
    (MEDIATOR, "/youths/{youth}/consents/{consent}/withdraw"),
    (MEDIATOR, "/youths/{youth}/edit"),
    (MEDIATOR, "/youths/{youth}/milestones/new"),
    (MEDIATOR, "/youths/{youth}/plan"),
    (MEDIATOR, "/youths/{youth}/plan/print"),
    (MEDIATOR, "/youths/{youth}/assessment/new"),
    (MEDIATOR, "/youths/{youth}/plan/goals/new"),
    (MEDIATOR, "/youths/{youth}/plan/goals/{goal}/actions/new"),
    (MEDIATOR, "/youths/{youth}/plan/agreement"),
    (MEDIATOR, "/youths/{youth}/plan/review"),
    (MEDIATOR, "/youths/{youth}/plan/actions/{action}/refer"),
    (MEDIATOR, "/referrals/{referral}"),  # the sending side: follow-up, cancel
    (AGENCY, "/inbox"),
    (AGENCY, "/referrals/{referral}"),
    (AGENCY, "/agency"),
    (AGENCY, "/agency/edit"),
    (AGENCY, "/agency/services"),
    (AGENCY, "/agency/services/new"),
    (AGENCY, "/agency/services/new?axis=EMPLOYMENT"),
    (AGENCY, "/agency/services/{own_service}"),
    (COORDINATOR, "/dashboard"),
    (ADMIN, "/admin"),
    (ADMIN, "/admin/users"),
    (ADMIN, "/admin/users/new"),
    (ADMIN, "/admin/users/{staff}/deactivate"),
    (ADMIN, "/admin/users/{staff}/roles"),
    (ADMIN, "/admin/tokens"),
    (ADMIN, "/admin/actors/new"),
    (ADMIN, "/admin/audit?operation=login"),
    (ADMIN, "/admin/outbox"),
    (ADMIN, "/admin/jobs"),
]
OWN_SERVICES = "{ me { actor { id services(first: 1) { nodes { id } } } } }"
YOUTHS = "{ youths(first: 1) { nodes { id consents { id } } } }"
# the first young person's active plan: a goal, and an open action without its referral
PLAN = """query($id: ID!) { integrationPlans(youthId: $id) { status goals { id
  actions { id status referral { id } } } } }"""
STAFF = '{ users(first: 1, search: "staff.") { nodes { id } } }'
ACTORS = (
    '{ actors(first: 1, filter: {search: "Fès"}) '
    "{ nodes { id services(first: 1) { nodes { id } } } } }"
)


def address(console: Console, path: str) -> str:
    """``path`` with the ids of a real actor and services of the demo filled in."""
    if "{" not in path:
        return path
    if "{staff}" in path:
        users: Any = console.graphql(STAFF, token=console.token(ADMIN))["users"]
        return path.format(staff=users["nodes"][0]["id"])
    if "{youth}" in path:
        token = console.token(MEDIATOR)
        first = console.graphql(YOUTHS, token=token)["youths"]["nodes"][0]
        youth = first["id"]
        if "{consent}" in path:
            return path.format(youth=youth, consent=first["consents"][0]["id"])
        if "{goal}" not in path and "{action}" not in path:
            return path.format(youth=youth)
        plans: Any = console.graphql(PLAN, {"id": youth}, token=token)["integrationPlans"]
        goals = next(p for p in plans if p["status"] == "ACTIVE")["goals"]
        action = next(
            a["id"]
            for g in goals
            for a in g["actions"]
            if a["referral"] is None and a["status"] in ("PLANNED", "IN_PROGRESS")
        )
        return path.format(youth=youth, goal=goals[0]["id"], action=action)
    found: Any = console.graphql(ACTORS)["actors"]
    agency: Any = console.graphql(OWN_SERVICES, token=console.token(AGENCY))
    own = agency["me"]["actor"]
    actor = found["nodes"][0]
    return path.format(
        actor=actor["id"],
        service=actor["services"]["nodes"][0]["id"],
        own_service=own["services"]["nodes"][0]["id"],
        referral=new_referral(console, "A first job") if "{referral}" in path else "",
    )


USERS = sorted({who or "" for who, _ in PAGES})


@pytest.mark.parametrize("lang", ["ar", "fr"])
@pytest.mark.parametrize("who", USERS, ids=[who or "anonymous" for who in USERS])
async def test_no_serious_accessibility_violation(
    as_user: SignIn, console: Console, who: str, lang: str
) -> None:
    # given each page this user reaches, in this language, as the browser draws it
    page = await as_user(who or None, lang=lang)
    found = {}
    for path in [path for user, path in PAGES if (user or "") == who]:
        await page.goto(address(console, path) + ("&" if "?" in path else "?") + f"lang={lang}")
        await page.wait_for_load_state("networkidle")
        # then axe-core finds nothing serious or critical on it
        found[path] = await axe_violations(page)

    assert {path: v for path, v in found.items() if v} == {}
    assert len(found) == len([user for user, _ in PAGES if (user or "") == who])


@pytest.mark.parametrize("lang", ["ar", "fr"])
async def test_a_form_with_errors_has_no_serious_violation(as_user: SignIn, lang: str) -> None:
    page = await as_user(None, lang=lang)
    await page.click("form[action='/sign-in'] button[type=submit]")
    await page.wait_for_load_state()
    assert await page.locator(".error-summary").count() == 1

    assert await axe_violations(page) == []


@pytest.mark.parametrize("lang", ["ar", "fr"])
async def test_refused_answers_and_edits_have_no_serious_violation(
    as_user: SignIn, console: Console, lang: str
) -> None:
    # given the agency's pages that refused a decline without a reason and a nameless service
    page = await as_user(AGENCY, lang=lang)
    await page.goto(address(console, "/referrals/{referral}"))
    async with page.expect_navigation():
        await page.click("#form-decline button[type=submit]")
    assert await page.locator(".error-summary").count() == 1
    assert await axe_violations(page) == []
    await page.goto(address(console, "/agency/services/{own_service}"))
    for field in ("#nameAr", "#nameFr", "#nameEn"):
        await page.fill(field, "")
    async with page.expect_navigation():
        await page.click("form[method='post'][action^='/agency/services/'] button[type=submit]")

    assert await page.locator(".error-summary").count() == 1
    assert await axe_violations(page) == []


@pytest.mark.parametrize("lang", ["ar", "fr"])
async def test_a_refused_registration_has_no_serious_violation(as_user: SignIn, lang: str) -> None:
    # given the mediator's registration form sent empty
    page = await as_user(MEDIATOR, lang=lang)
    await page.goto("/youths/new")
    async with page.expect_navigation():
        await page.click("form[action='/youths/new'] button[type=submit]")

    assert await page.locator(".error-summary a[href='#firstName']").count() == 1
    assert await axe_violations(page) == []


@pytest.mark.parametrize("lang", ["ar", "fr"])
async def test_a_refused_consent_has_no_serious_violation(
    as_user: SignIn, console: Console, lang: str
) -> None:
    # given the consent form sent without whom it covers nor its date
    page = await as_user(MEDIATOR, lang=lang)
    await page.goto(address(console, "/youths/{youth}/consents/new"))
    await page.fill("#givenOn", "")
    async with page.expect_navigation():
        await page.click("form[action$='/consents/new'] button[type=submit]:not([name])")

    assert await page.locator(".error-summary a[href='#scope']").count() == 1
    assert await page.locator(".error-summary a[href='#givenOn']").count() == 1
    assert await axe_violations(page) == []


async def test_the_check_finds_what_it_looks_for(as_user: SignIn) -> None:
    # given a page with a button without a name and text that can hardly be read
    page = await as_user(None, lang="fr")
    await page.evaluate(
        """() => { document.querySelector('main').insertAdjacentHTML('beforeend',
            '<button></button><p style="color:#ddd;background:#fff">faint</p>'); }"""
    )

    found = {v["id"] for v in await axe_violations(page)}

    assert {"button-name", "color-contrast"} <= found


@pytest.mark.parametrize("lang", ["ar", "fr"])
async def test_a_refused_user_creation_has_no_serious_violation(as_user: SignIn, lang: str) -> None:
    # given the administrator's form of a new user sent empty
    page = await as_user(ADMIN, lang=lang)
    await page.goto("/admin/users/new")
    async with page.expect_navigation():
        await page.click("form[action='/admin/users/new'] button[type=submit]")

    assert await page.locator(".error-summary a[href='#email']").count() == 1
    assert await axe_violations(page) == []
