"""The console's shell in a real browser: sign in (errors, Arabic and French), the
language switch, sign out (the session's token ends), the 404 page, CSRF."""

from __future__ import annotations

import httpx
import pytest

from tests.web.conftest import AGENCY, COORDINATOR, Console, SignIn, screenshot


@pytest.mark.parametrize("lang,direction", [("ar", "rtl"), ("fr", "ltr")])
async def test_sign_in_with_nothing_shows_the_error_summary(
    as_user: SignIn, lang: str, direction: str, request: pytest.FixtureRequest
) -> None:
    page = await as_user(None, lang=lang)
    assert await page.get_attribute("html", "dir") == direction
    assert await page.get_attribute("html", "lang") == lang

    await page.click("form[action='/sign-in'] button[type=submit]")

    summary = page.locator(".error-summary")
    await summary.wait_for()
    links = summary.locator("a")
    assert await links.count() == 2
    assert await links.nth(0).get_attribute("href") == "#email"
    assert await page.locator("#email-error").count() == 1
    await screenshot(page, request, f"sign-in-errors-{lang}")


async def test_wrong_password_is_refused_with_a_message_not_a_session(as_user: SignIn) -> None:
    page = await as_user(None, lang="fr")
    await page.fill("#email", COORDINATOR)  # an account no other test here signs in with
    await page.fill("#password", "not-the-password")
    await page.click("form[action='/sign-in'] button[type=submit]")
    await page.locator(".error-summary").wait_for()
    cookies = {c["name"] for c in await page.context.cookies()}
    assert "jisr_session" not in cookies


async def test_signed_in_staff_see_their_menu_and_sign_out_ends_the_token(
    as_user: SignIn, console: Console, request: pytest.FixtureRequest
) -> None:
    page = await as_user(AGENCY, lang="ar")
    assert await page.locator("nav a[href='/inbox']").count() == 1
    token = next(c["value"] for c in await page.context.cookies() if c["name"] == "jisr_session")
    cookie = next(c for c in await page.context.cookies() if c["name"] == "jisr_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    await screenshot(page, request, "signed-in-ar")

    async with page.expect_navigation():
        await page.click("form[action='/sign-out'] button")

    assert await page.locator("a[href='/sign-in']").count() >= 1
    answer = httpx.post(  # noqa: ASYNC210 - one request after the browser is done
        console.base + "/graphql",
        json={"query": "{ me { id } }"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert answer.status_code == 401  # the session's token was ended, not only forgotten


async def test_the_language_switch_keeps_the_page_and_remembers_the_choice(
    as_user: SignIn,
) -> None:
    page = await as_user(None, lang="ar")
    await page.click("ul.languages a[lang='fr']")
    await page.wait_for_load_state()
    assert "/sign-in" in page.url
    assert await page.get_attribute("html", "dir") == "ltr"
    await page.goto("/sign-in")
    assert await page.get_attribute("html", "lang") == "fr"


async def test_an_unknown_page_is_a_friendly_404(as_user: SignIn) -> None:
    page = await as_user(None, lang="fr")
    answer = await page.goto("/nowhere-at-all")
    assert answer is not None and answer.status == 404
    assert await page.locator("main h1").count() == 1
    assert await page.locator("main a[href='/']").count() == 1


def test_a_form_posted_from_another_site_is_refused(console: Console) -> None:
    # the attacker's request: a cross-site form post carries the victim's cookies but
    # cannot read the page's CSRF token
    token = console.token(AGENCY)
    answer = httpx.post(
        console.base + "/sign-out",
        data={"csrf": "guessed"},
        cookies={"jisr_session": token, "jisr_csrf": "guessed"},
        headers={"accept": "text/html"},
        timeout=10,
    )
    assert answer.status_code == 403
    still = httpx.post(
        console.base + "/graphql",
        json={"query": "{ me { id } }"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert still.status_code == 200 and still.json()["data"]["me"]["id"]
