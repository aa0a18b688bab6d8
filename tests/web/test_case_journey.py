"""A young person's case from start to outcome in real browsers: the demo mediator of Dar
Al Amal registers a young man, records his consent for two named organisations, assesses
him, agrees his plan and refers from its action to an employment service (those he may
not go to are greyed with the reason and cannot be chosen); the agency accepts, starts
and completes in its own browser while the mediator's pages follow the referral live;
the mediator then records a milestone — in French and in Arabic (right to left). And the
sending side's own forms on a referral: a follow-up (not in the past) and cancelling it,
where an answer of the agency in between is a conflict, never an overwrite.
"""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

import pytest
from playwright.async_api import Page, expect

from tests.web.conftest import AGENCY, MEDIATOR, Console, SignIn, follow, screenshot
from tests.web.referrals import as_dict, new_referral

AEC = "Agence de l'emploi et des compétences – Fès Atlas"  # its staff: AGENCY
IFMH = "Institut de formation aux métiers de l'hôtellerie Saïss"
ACTORS = (
    "query($q: String!) { actors(filter: {search: $q}, first: 20) { nodes { id names { fr } } } }"
)
AEC_SERVICES = """
query { me { actor { services(first: 50) { nodes { id axis acceptsReferrals active } } } } }"""
REFERRAL = """
query($id: ID!) { node(id: $id) { ... on Referral { status version outcome nextFollowUpAt } } }"""
ACCEPT = """
mutation($id: ID!, $version: Int!) {
  acceptReferral(input: {id: $id, version: $version}) { userErrors { code } }
}"""
MILESTONES = "query($id: ID!) { node(id: $id) { ... on Youth { milestones { kind } } } }"
SUBMIT = "main form[method=post] button[type=submit]:not([name])"
LIVE_WAIT = 10_000


def actor_id(console: Console, search: str, name: str) -> str:
    found = as_dict(console.graphql(ACTORS, {"q": search})["actors"])["nodes"]
    return str(next(actor["id"] for actor in found if actor["names"]["fr"] == name))


def employment_service(console: Console) -> str:
    """An employment service of AEC Fès Atlas taking referrals (ages 18 and over)."""
    me = as_dict(console.graphql(AEC_SERVICES, token=console.token(AGENCY))["me"])
    return str(
        next(
            s["id"]
            for s in me["actor"]["services"]["nodes"]
            if s["axis"] == "EMPLOYMENT" and s["acceptsReferrals"] and s["active"]
        )
    )


def referral_state(console: Console, referral_id: str) -> dict[str, Any]:
    found = console.graphql(REFERRAL, {"id": referral_id}, token=console.token(MEDIATOR))
    return as_dict(found["node"])


async def listening(page: Page, path: str) -> None:
    """Open ``path`` and wait until its live stream listens; mark the page to tell a reload."""
    async with page.expect_response(lambda r: r.url.endswith("/live")):
        await page.goto(path)
    await page.wait_for_selector("body[data-live-ready]", state="attached")
    await page.evaluate("window.jisrKept = true")


async def answer(agency: Page, form: str) -> None:
    async with agency.expect_navigation():
        await agency.click(f"#form-{form} button[type=submit]")


@pytest.mark.parametrize("lang,direction", [("fr", "ltr"), ("ar", "rtl")])
async def test_a_mediator_follows_a_case_from_registration_to_an_outcome_live(
    as_user: SignIn, console: Console, lang: str, direction: str, request: pytest.FixtureRequest
) -> None:
    aec, ifmh = actor_id(console, "Atlas", AEC), actor_id(console, "hôtellerie", IFMH)
    service = employment_service(console)
    mediator = await as_user(MEDIATOR, lang=lang)

    # the mediator registers a young man of 19
    await mediator.goto("/youths/new")
    assert await mediator.get_attribute("html", "dir") == direction
    await mediator.fill("#firstName", "Youssef")
    await mediator.fill("#lastName", f"Parcours-{lang}")
    await mediator.fill("#birthDate", "2007-01-15")
    await mediator.check("#gender-MALE")
    assert await follow(mediator, SUBMIT) == 200
    youth_id = mediator.url.split("/youths/")[1].split("?")[0]

    # records his consent for two named organisations
    await follow(mediator, f"main a[href='/youths/{youth_id}/consents/new']")
    await mediator.fill("#evidence", "Formulaire signé")
    await mediator.check("#scope-ACTORS")
    await mediator.fill("#actorSearch", "Atlas")
    assert await follow(mediator, "button[name=find]") == 200
    await mediator.check(f"input[name=actorIds][value='{aec}']")
    await mediator.fill("#actorSearch", "hôtellerie")
    assert await follow(mediator, "button[name=find]") == 200
    await mediator.check(f"input[name=actorIds][value='{ifmh}']")
    assert await follow(mediator, SUBMIT) == 200
    covered = mediator.locator("#coverage [data-covers-actor]")
    assert {await c.get_attribute("data-covers-actor") for c in await covered.all()} == {
        aec,
        ifmh,
    }

    # assesses him
    await follow(mediator, "#plan-link")
    await follow(mediator, f"main a[href='/youths/{youth_id}/assessment/new']")
    await mediator.check("#answer-employment-experience-NO")
    await mediator.check("#answer-employment-job-search-PARTLY")
    await mediator.check("#answer-health-coverage-YES")
    assert await follow(mediator, SUBMIT) == 200
    assert await mediator.locator("tr[data-axis='EMPLOYMENT']").count() == 1

    # agrees a plan: a goal on employment, a referral to make, his agreement
    await follow(mediator, "#create-plan")
    await mediator.check("#axis-EMPLOYMENT")
    await mediator.fill("#text", "Trouver un premier emploi")
    assert await follow(mediator, SUBMIT) == 200
    await follow(mediator, ".plan-goal a.add-action")
    await mediator.check("#kind-REFERRAL")
    assert await follow(mediator, SUBMIT) == 200
    await follow(mediator, f"main a[href='/youths/{youth_id}/plan/agreement']")
    await mediator.fill("#evidence", "Signé avec Youssef")
    assert await follow(mediator, SUBMIT) == 200
    assert "Signé avec Youssef" in await mediator.inner_text("#plan-agreement")

    # refers from the action: AEC's service may be chosen; those of organisations his
    # consent does not cover are greyed with the reason and cannot be chosen
    await follow(mediator, ".plan-goal a.refer-link")
    chosen = mediator.locator(f"li.service-choice[data-service='{service}']")
    assert await chosen.locator("input[type=radio]").is_enabled()
    refused = mediator.locator("li.service-choice--refused")
    assert await refused.count() >= 1
    assert await refused.first.locator("input[type=radio]").is_disabled()
    assert (await refused.first.locator(".service-choice__why").inner_text()).strip()
    await screenshot(mediator, request, f"refer-{lang}")
    await chosen.locator("input[type=radio]").check()
    assert await follow(mediator, SUBMIT) == 200
    link = await mediator.locator("a.action-referral").first.get_attribute("href")
    assert link and link.startswith("/referrals/")
    referral_id = link.removeprefix("/referrals/")

    # the mediator's page of the young person follows the referral live
    await listening(mediator, f"/youths/{youth_id}")
    status = mediator.locator(f"#youth-referrals tr[data-referral='{referral_id}'] [data-status]")
    await expect(status).to_have_attribute("data-status", "SENT")

    # when: the agency accepts in its own browser
    agency = await as_user(AGENCY, lang=lang)
    await agency.goto(f"/referrals/{referral_id}")
    await answer(agency, "accept")

    # then: the mediator's page shows it accepted, without a reload
    await expect(status).to_have_attribute("data-status", "ACCEPTED", timeout=LIVE_WAIT)
    assert await mediator.evaluate("window.jisrKept") is True
    await screenshot(mediator, request, f"youth-live-{lang}")

    # when: on the referral's page, the agency starts, then completes with an outcome
    await listening(mediator, link)
    shown = mediator.locator("#referral-status")
    await expect(shown).to_have_attribute("data-status", "ACCEPTED")
    await answer(agency, "start")
    await expect(shown).to_have_attribute("data-status", "IN_PROGRESS", timeout=LIVE_WAIT)
    await agency.check("#outcome")  # the first outcome: served
    await agency.fill("#complete-note", "Inscrit aux ateliers")
    await answer(agency, "complete")

    # then: the mediator sees the outcome as it comes, the page not reloaded
    await expect(shown).to_have_attribute("data-status", "COMPLETED", timeout=LIVE_WAIT)
    await expect(mediator.locator("#referral-now [data-outcome='SERVED']")).to_be_visible()
    assert await mediator.evaluate("window.jisrKept") is True
    await expect(mediator.locator("#changed")).to_be_visible()  # its forms: see it afresh
    await screenshot(mediator, request, f"referral-live-{lang}")
    await mediator.reload()  # without the stream, the page says the same
    await expect(shown).to_have_attribute("data-status", "COMPLETED")
    assert await mediator.locator("#form-cancel").count() == 0  # closed: nothing to follow

    # and the mediator records the milestone the loop led to
    await mediator.goto(f"/youths/{youth_id}")
    await follow(mediator, "main a[href$='/milestones/new']")
    await mediator.check("#kind-EMPLOYED")
    await mediator.fill("#achievedOn", date.today().isoformat())
    assert await follow(mediator, SUBMIT) == 200
    assert await mediator.locator("tr[data-milestone='EMPLOYED']").count() == 1
    found = console.graphql(MILESTONES, {"id": youth_id}, token=console.token(MEDIATOR))
    assert [m["kind"] for m in as_dict(found["node"])["milestones"]] == ["EMPLOYED"]


async def test_the_sending_side_schedules_a_follow_up_and_cancels(
    as_user: SignIn, console: Console, request: pytest.FixtureRequest
) -> None:
    # given: a referral the mediator sent, on its page (without JavaScript)
    referral_id = await asyncio.to_thread(new_referral, console, "Suivi puis annulation")
    page = await as_user(MEDIATOR, lang="fr", javascript=False)
    await page.goto(f"/referrals/{referral_id}")
    assert await page.locator("#form-accept").count() == 0  # the receiver's answers only

    # when: a follow-up in the past
    await page.fill("#followUpOn", (date.today() - timedelta(days=1)).isoformat())
    assert await follow(page, "#form-follow-up button[type=submit]") == 400

    # then: refused, the summary links to the date, nothing scheduled
    await expect(page.locator(".error-summary a[href='#followUpOn']")).to_be_visible()
    assert await page.locator("#followUpOn-error").count() == 1
    assert referral_state(console, referral_id)["nextFollowUpAt"] is None

    # when: a date in two weeks
    later = (date.today() + timedelta(days=14)).isoformat()
    await page.fill("#followUpOn", later)
    assert await follow(page, "#form-follow-up button[type=submit]") == 200

    # then: the page shows it, and the API holds it
    await expect(page.locator("#done")).to_be_visible()
    due = await page.get_attribute("#referral-follow-up", "datetime")
    assert due and due.startswith(later)
    assert str(referral_state(console, referral_id)["nextFollowUpAt"]).startswith(later)

    # when: cancelling without saying why
    assert await follow(page, "#form-cancel button[type=submit]") == 400
    await expect(page.locator(".error-summary a[href='#cancel-note']")).to_be_visible()
    assert referral_state(console, referral_id)["status"] == "SENT"

    # when: the agency accepts meanwhile, then the mediator cancels from the page as it was
    version = referral_state(console, referral_id)["version"]
    accepted = console.graphql(
        ACCEPT, {"id": referral_id, "version": version}, token=console.token(AGENCY)
    )
    assert as_dict(accepted["acceptReferral"])["userErrors"] == []
    await page.fill("#cancel-note", "Il a trouvé un emploi seul")
    assert await follow(page, "#form-cancel button[type=submit]") == 200

    # then: a conflict, the referral as it is now, nothing overwritten
    await expect(page.locator("#conflict")).to_be_visible()
    assert await page.get_attribute("#referral-status", "data-status") == "ACCEPTED"
    assert referral_state(console, referral_id)["status"] == "ACCEPTED"

    # when: they cancel again, from the fresh page
    await page.fill("#cancel-note", "Il a trouvé un emploi seul")
    assert await follow(page, "#form-cancel button[type=submit]") == 200

    # then: cancelled, with the reason in the timeline; nothing more to follow
    assert await page.get_attribute("#referral-status", "data-status") == "CANCELLED"
    note = page.locator(".timeline__event[data-kind='CANCELLED'] .timeline__note")
    await expect(note).to_have_text("Il a trouvé un emploi seul")
    assert await page.locator("#form-follow-up, #form-cancel").count() == 0
    await screenshot(page, request, "referral-cancelled-fr")
