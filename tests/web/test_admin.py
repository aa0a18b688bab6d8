"""Administration in a real browser: the demo administrator creates a user (first without
what their role needs: the error summary links to the field) who then signs in with the
temporary password shown once; deactivates a user whose open session is refused at its
next page — in French and in Arabic; filters the audit log by operation; reads the
outbox's counts and sends a dead message again; changes a user's roles, shows an integration
token once and revokes it, adds an organisation. Nobody else may come in."""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import uuid4

import pytest
from playwright.async_api import Browser, Page
from sqlalchemy import update

from network.database import standalone_unit_of_work
from network.notifications.models import OutboxMessage
from tests.network.notifications.outbox_data import messages, queue_reminders, user_id
from tests.web.conftest import ADMIN, AGENCY, COORDINATOR, LOCALES, Console, SignIn, screenshot

CREATE = """
mutation($input: CreateUserInput!) {
  createUser(input: $input) { user { id } temporaryPassword userErrors { code } }
}
"""
AGENCY_ACTOR = "{ me { actor { id } } }"
HEADINGS = {"fr": "Désactiver %s ?", "ar": "تعطيل %s؟"}


async def submit(page: Page, form: str = "main form[method=post]") -> int:
    async with page.expect_navigation() as navigation:
        await page.click(f"{form} button[type=submit]")
    answer = await navigation.value
    assert answer is not None
    return answer.status


def new_staff(console: Console, name: str) -> tuple[str, str]:
    """A new agency staff member of AEC Fès Atlas, made through the API: email, password."""
    actor: Any = console.graphql(AGENCY_ACTOR, token=console.token(AGENCY))["me"]["actor"]
    email = f"{name.lower()}-{uuid4().hex[:6]}@jisr.test"
    answer: Any = console.graphql(
        CREATE,
        {
            "input": {
                "email": email,
                "displayName": name,
                "roles": ["AGENCY_STAFF"],
                "actorId": actor["id"],
            }
        },
        token=console.token(ADMIN),
    )["createUser"]
    assert answer["userErrors"] == []
    return email, answer["temporaryPassword"]


async def signed_in(browser: Browser, console: Console, email: str, password: str) -> Page:
    """A browser of its own, signed in as ``email`` through the sign-in page."""
    context = await browser.new_context(locale=LOCALES["fr"], base_url=console.base)
    page = await context.new_page()
    await page.goto("/sign-in?lang=fr")
    await page.fill("#email", email)
    await page.fill("#password", password)
    await submit(page, "form[action='/sign-in']")
    assert "/sign-in" not in page.url
    return page


async def test_the_administrator_creates_a_user_who_signs_in(
    as_user: SignIn, browser: Browser, console: Console, request: pytest.FixtureRequest
) -> None:
    # given the administrator on the form, from the administration menu
    page = await as_user(ADMIN, lang="fr")
    await page.goto("/")
    async with page.expect_navigation():
        await page.click("nav a[href='/admin']")
    async with page.expect_navigation():
        await page.click("main a[href='/admin/users']")
    async with page.expect_navigation():
        await page.click("main a[href='/admin/users/new']")
    email = f"nadia-{uuid4().hex[:6]}@jisr.test"

    # when they create a social mediator without their organisation
    await page.fill("#email", email)
    await page.fill("#displayName", "Nadia Amrani")
    await page.check("#role-MEDIATOR")
    status = await submit(page)

    # then the error summary links to the organisation, and the form keeps what was typed
    assert status == 400
    assert await page.locator(".error-summary a[href='#actorId']").count() == 1
    assert await page.locator("#actorId-error").count() == 1
    assert await page.input_value("#email") == email
    assert await page.is_checked("#role-MEDIATOR")
    await screenshot(page, request, "admin-user-new-errors-fr")

    # when they choose it and send again
    await page.select_option("#actorId", index=1)
    async with page.expect_navigation() as navigation:
        await page.click("main form[method=post] button[type=submit]")
    answer = await navigation.value

    # then the temporary password is shown once, not kept by the browser
    assert answer is not None and answer.status == 200
    assert answer.headers["cache-control"] == "no-store"
    assert "Nadia Amrani" in await page.inner_text(".banner--success")
    password = await page.inner_text("#temporary-password")
    assert len(password) >= 20
    await screenshot(page, request, "admin-user-created-fr")

    # and the new user signs in with it and is a mediator
    newcomer = await signed_in(browser, console, email, password)
    assert await newcomer.locator("nav a[href='/youths']").count() == 1
    assert await newcomer.locator("nav a[href='/admin']").count() == 0
    await newcomer.context.close()

    # and they are on the list of users, active
    await page.goto(f"/admin/users?q={email}")
    assert await page.locator("tbody tr", has_text=email).count() == 1
    assert await page.locator("tbody tr .tag--done").count() == 1


@pytest.mark.parametrize("lang,direction", [("fr", "ltr"), ("ar", "rtl")])
async def test_a_deactivated_users_open_session_is_refused(
    as_user: SignIn,
    browser: Browser,
    console: Console,
    lang: str,
    direction: str,
    request: pytest.FixtureRequest,
) -> None:
    # given a staff member signed in, on their account
    name = f"Karim{lang.upper()}"
    email, password = await asyncio.to_thread(new_staff, console, name)
    staff = await signed_in(browser, console, email, password)
    answer = await staff.goto("/account")
    assert answer is not None and answer.status == 200

    # when the administrator finds them and deactivates them
    page = await as_user(ADMIN, lang=lang)
    await page.goto(f"/admin/users?q={email}")
    assert await page.get_attribute("html", "dir") == direction
    async with page.expect_navigation():
        await page.click("tbody tr a[href$='/deactivate']")
    assert await page.inner_text("main h1") == HEADINGS[lang] % name
    await screenshot(page, request, f"admin-deactivate-{lang}")
    status = await submit(page)

    # then the list says so, and the user is deactivated
    assert status == 200 and page.url.endswith("/admin/users?deactivated=1")
    assert await page.locator(".banner--success").count() == 1
    await page.goto(f"/admin/users?q={email}")
    row = page.locator("tbody tr", has_text=email)
    assert await row.locator(".tag--inactive").count() == 1
    assert await row.locator("a[href$='/deactivate']").count() == 0
    await screenshot(page, request, f"admin-users-{lang}")

    # and the staff member's next page sends them to sign in, where they no longer can
    await staff.goto("/account")
    assert "/sign-in" in staff.url
    await staff.fill("#email", email)
    await staff.fill("#password", password)
    assert await submit(staff, "form[action='/sign-in']") == 400
    await staff.context.close()


async def test_the_administrator_makes_a_staff_member_a_coordinator(
    as_user: SignIn, console: Console
) -> None:
    # given a staff member of an agency, and the administrator on their roles
    email, _ = await asyncio.to_thread(new_staff, console, "Salim")
    page = await as_user(ADMIN, lang="fr")
    await page.goto(f"/admin/users?q={email}")
    async with page.expect_navigation():
        await page.click("tbody tr a[href$='/roles']")
    assert await page.is_checked("#role-AGENCY_STAFF")

    # when they choose coordinator without a territory
    await page.uncheck("#role-AGENCY_STAFF")
    await page.check("#role-COORDINATOR")
    status = await submit(page)

    # then the summary links to the territory
    assert status == 400
    assert await page.locator(".error-summary a[href='#territoryId']").count() == 1

    # when they choose one
    await page.select_option("#territoryId", index=1)
    status = await submit(page)

    # then the list shows a coordinator of no organisation
    assert status == 200 and page.url.endswith("?changed=1")
    await page.goto(f"/admin/users?q={email}")
    row = await page.locator("tbody tr", has_text=email).inner_text()
    assert "Coordinateur" in row and "Personnel" not in row


async def test_the_audit_log_filters_by_operation(
    as_user: SignIn, console: Console, request: pytest.FixtureRequest
) -> None:
    # given a user created through the API (a createUser entry)
    await asyncio.to_thread(new_staff, console, "Audited")
    page = await as_user(ADMIN, lang="fr")
    await page.goto("/admin/audit")
    everything = await page.inner_text("#audit-count")

    # when the administrator filters the log by that operation
    await page.fill("#operation", "createUser")
    async with page.expect_navigation():
        await page.click("main form[method=get] button[type=submit]")

    # then only createUser entries are listed, in the page's address
    assert "operation=createUser" in page.url
    operations = await page.locator("tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.operation)"
    )
    assert operations and set(operations) == {"createUser"}
    assert await page.inner_text("#audit-count") != everything
    await screenshot(page, request, "admin-audit-fr")

    # and nobody's email, or what is not a record's id, is a problem linked to its field
    for query, field in (("who=nobody%40jisr.test", "who"), ("record=not-an-id", "record")):
        answer = await page.goto(f"/admin/audit?{query}")
        assert answer is not None and answer.status == 400
        assert await page.locator(f".error-summary a[href='#{field}']").count() == 1


async def test_the_outbox_shows_counts_and_sends_a_dead_message_again(
    as_user: SignIn, console: Console, request: pytest.FixtureRequest
) -> None:
    # given three reminders waiting for the agency's staff member, one of them given up
    staff = await user_id(console.db_url, AGENCY)
    await queue_reminders(console.db_url, [staff], 3)
    dead = next(m for m in await messages(console.db_url) if m.channel == "IN_APP")
    async with standalone_unit_of_work(console.db_url) as uow:
        await uow.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == dead.id)
            .values(state="DEAD", attempts=5, last_error="SMTP 421 try again later")
        )
    counts: Any = console.graphql(
        "{ outboxStatus { channel state count } }", token=console.token(ADMIN)
    )

    # when the administrator opens the outbox
    page = await as_user(ADMIN, lang="fr")
    await page.goto("/admin/outbox")

    # then each channel's counts are those of the API, and the dead message shows its error
    for count in counts["outboxStatus"]:
        channel, state = count["channel"], count["state"]
        cell = page.locator(
            f".outbox__counts tr[data-channel='{channel}'] td[data-state='{state}']"
        )
        assert await cell.inner_text() == str(count["count"])
    row = page.locator(".outbox__dead tbody tr")
    assert await row.count() == 1
    assert "SMTP 421 try again later" in await row.inner_text()
    await screenshot(page, request, "admin-outbox-fr")

    # when they send it again
    status = await submit(page, ".outbox__dead form")

    # then it waits to be sent, and no message is given up any more
    assert status == 200 and page.url.endswith("?retried=1")
    assert await page.locator(".outbox__dead").count() == 0
    assert {m.id: m.state for m in await messages(console.db_url)}[dead.id] == "PENDING"


async def test_a_token_is_shown_once_then_revoked(as_user: SignIn, console: Console) -> None:
    # given the administrator on the integration tokens
    page = await as_user(ADMIN, lang="fr")
    await page.goto("/admin/tokens")

    # when they create one for a reporting system
    await page.fill("#name", "Rapports du ministère")
    async with page.expect_navigation() as navigation:
        await page.click("main form[action='/admin/tokens'] button[type=submit]")
    created = await navigation.value

    # then its secret is shown, works, and is not kept by the browser
    assert created is not None and created.status == 200
    assert created.headers["cache-control"] == "no-store"
    secret = await page.inner_text("#token-secret")
    assert console.graphql("{ me { email } }", token=secret) == {"me": {"email": ADMIN}}

    # when they revoke it from the list
    await page.goto("/admin/tokens")
    row = page.locator("tbody tr", has_text="Rapports du ministère")
    async with page.expect_navigation():
        await row.locator("button[type=submit]").click()

    # then it is said so, and the secret no longer works
    assert page.url.endswith("/admin/tokens?revoked=1")
    assert await row.locator(".tag--inactive").count() == 1
    answer = await page.request.post(
        "/graphql",
        data='{"query": "{ me { email } }"}',
        headers={"Authorization": f"Bearer {secret}", "Content-Type": "application/json"},
    )
    assert answer.status == 401


async def test_the_administrator_adds_an_organisation(as_user: SignIn) -> None:
    # given the form of a new organisation, sent without its kind
    page = await as_user(ADMIN, lang="fr")
    await page.goto("/admin/actors/new")
    await page.fill("#nameFr", "Association Nour Meknès")
    await page.select_option("#territoryId", index=1)
    assert await submit(page) == 400
    assert await page.locator(".error-summary a[href='#kind']").count() == 1
    assert await page.input_value("#nameFr") == "Association Nour Meknès"

    # when the kind is chosen
    await page.select_option("#kind", "ASSOCIATION")
    assert await submit(page) == 200

    # then its page is on the map's site
    assert "/actors/" in page.url
    assert "Association Nour Meknès" in await page.inner_text("main h1")


@pytest.mark.parametrize("who", [AGENCY, COORDINATOR])
async def test_others_may_not_come_in(as_user: SignIn, who: str) -> None:
    page = await as_user(who, lang="fr")
    assert await page.locator("nav a[href='/admin']").count() == 0
    for path in ("/admin", "/admin/users", "/admin/audit", "/admin/outbox", "/admin/jobs"):
        answer = await page.goto(path)
        assert answer is not None and answer.status == 403, path
