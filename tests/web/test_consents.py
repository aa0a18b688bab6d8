"""The mediator's case work in a real browser, as the demo mediator of Dar Al Amal: a
consent recorded for two actors found with the form's search (first without saying whom it
covers: the error summary, and nothing recorded), then covering them on the young person's
page, then withdrawn — in French, in Arabic (right to left) and without JavaScript; a
minor's consent given by themselves refused; a milestone recorded and the details changed;
the data-subject export downloaded. A coordinator, who sees the young person but may not
change their record, is offered none of it and refused."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from tests.web.conftest import (
    COORDINATOR,
    IN_EACH_LANGUAGE,
    MEDIATOR,
    Console,
    SignIn,
    follow,
    screenshot,
)
from tests.web.referrals import as_dict

REGISTER = """
mutation($input: RegisterYouthInput!) {
  registerYouth(input: $input) { youth { id code } userErrors { code message } }
}"""
ME = "{ me { id actor { id } } }"
CASE = """
query($id: ID!) {
  node(id: $id) {
    ... on Youth {
      status vocationalLevel
      consents { id active withdrawnAt givenBy allActors actors { id } }
      milestones { kind achievedOn note }
    }
  }
}"""
DEMO = "query($code: String!) { youths(filter: {search: $code}) { nodes { id code } } }"
ACTORS = (
    "query($q: String!) { actors(filter: {search: $q}, first: 20) { nodes { id names { fr } } } }"
)
HEALTH = "Espace Santé Jeunes Fès Saïss"
COMPLEX = "Complexe social Al Wifaq – Fès"
RECORD = "main form[method=post] button[type=submit]:not([name])"
HEADINGS = {"fr": "Enregistrer un consentement", "ar": "تسجيل موافقة"}


def registered(console: Console, last: str, born: str) -> dict[str, Any]:
    """A young person of Dar Al Amal followed by the demo mediator, registered through the
    API: their id and code."""
    token = console.token(MEDIATOR)
    me = as_dict(console.graphql(ME, token=token)["me"])
    registration = {
        "firstName": "Rania",
        "lastName": last,
        "birthDate": born,
        "institutionId": me["actor"]["id"],
        "mediatorId": me["id"],
    }
    payload = as_dict(console.graphql(REGISTER, {"input": registration}, token=token))
    assert payload["registerYouth"]["userErrors"] == []
    return as_dict(payload["registerYouth"]["youth"])


def demo(console: Console, code: str) -> dict[str, Any]:
    found = console.graphql(DEMO, {"code": code}, token=console.token(MEDIATOR))
    return as_dict(as_dict(found["youths"])["nodes"][0])


def case(console: Console, youth_id: str) -> dict[str, Any]:
    """The young person's consents and milestones, as the API gives them to the mediator."""
    return as_dict(console.graphql(CASE, {"id": youth_id}, token=console.token(MEDIATOR))["node"])


def actor_id(console: Console, name: str) -> str:
    found = as_dict(console.graphql(ACTORS, {"q": name})["actors"])["nodes"]
    return str(next(actor["id"] for actor in found if actor["names"]["fr"] == name))


@IN_EACH_LANGUAGE
async def test_a_consent_for_two_named_actors_covers_them_until_it_is_withdrawn(
    as_user: SignIn,
    console: Console,
    lang: str,
    direction: str,
    javascript: bool,
    request: pytest.FixtureRequest,
) -> None:
    # given: an adult young person with no consent, on their page
    youth = registered(console, f"Consent-{request.node.callspec.id}", "2001-03-04")
    health, complex_ = actor_id(console, HEALTH), actor_id(console, COMPLEX)
    page = await as_user(MEDIATOR, lang=lang, javascript=javascript)
    await page.goto(f"/youths/{youth['id']}")
    assert await page.get_attribute("html", "dir") == direction
    assert await page.locator("[data-covers='none']").count() == 1
    await follow(page, f"main a[href='/youths/{youth['id']}/consents/new']")
    assert await page.inner_text("main h1") == HEADINGS[lang]
    assert await page.is_checked("#givenBy-YOUTH")  # of age: they give it themselves

    # when: the form is sent without saying whom the consent covers
    await page.fill("#evidence", "Formulaire 12")
    status = await follow(page, RECORD)

    # then: the error summary links to the question, what was typed stays, nothing recorded
    assert status == 400
    assert await page.locator(".error-summary a[href='#scope']").count() == 1
    assert await page.locator("#scope-error").count() == 1
    assert await page.input_value("#evidence") == "Formulaire 12"
    assert case(console, youth["id"])["consents"] == []

    # when: two actors are found with the search and ticked, then the consent recorded
    await page.check("#scope-ACTORS")
    await page.fill("#actorSearch", "Saïss")
    assert await follow(page, "button[name=find]") == 200
    await page.check(f"input[name=actorIds][value='{health}']")
    await page.fill("#actorSearch", "Wifaq")
    assert await follow(page, "button[name=find]") == 200
    assert await page.is_checked(f"input[name=actorIds][value='{health}']")
    assert await page.is_checked("#scope-ACTORS")
    await page.check(f"input[name=actorIds][value='{complex_}']")
    if javascript:
        await screenshot(page, request, f"consent-new-{lang}")
    status = await follow(page, RECORD)

    # then: their page says so, and the current consents cover both actors, and only them
    assert status == 200 and page.url.split("#")[0].endswith("?done=consent")
    assert await page.locator(".banner--success").count() == 1
    covered = page.locator("#coverage [data-covers-actor]")
    assert {await item.get_attribute("data-covers-actor") for item in await covered.all()} == {
        health,
        complex_,
    }
    [consent] = case(console, youth["id"])["consents"]
    assert consent["active"] and not consent["allActors"] and consent["givenBy"] == "YOUTH"
    assert {a["id"] for a in consent["actors"]} == {health, complex_}
    if javascript:
        await screenshot(page, request, f"youth-consents-{lang}")

    # when: the consent is withdrawn, through its confirmation step
    await follow(page, f"tr[data-consent='{consent['id']}'] a[href$='/withdraw']")
    assert await page.locator("#withdraw").count() == 1
    status = await follow(page, "#withdraw")

    # then: it covers nobody any more, at once, and the page shows it withdrawn
    assert status == 200 and "done=withdrawn" in page.url
    assert await page.locator("[data-covers='none']").count() == 1
    row = page.locator(f"tr[data-consent='{consent['id']}']")
    assert await row.locator(".tag--inactive").count() == 1
    assert await row.locator("a[href$='/withdraw']").count() == 0
    [withdrawn] = case(console, youth["id"])["consents"]
    assert withdrawn["withdrawnAt"] is not None and not withdrawn["active"]


async def test_a_minors_consent_given_by_themselves_is_refused(
    as_user: SignIn, console: Console
) -> None:
    # given: JY-DEMO03, who is 16, and the consent form, which proposes their representative
    youth = demo(console, "JY-DEMO03")
    page = await as_user(MEDIATOR, lang="fr")
    await page.goto(f"/youths/{youth['id']}/consents/new")
    assert await page.is_checked("#givenBy-LEGAL_REPRESENTATIVE")

    # when: it is sent as given by the young person themselves, for every actor
    await page.check("#givenBy-YOUTH")
    await page.check("#scope-ALL")
    status = await follow(page, RECORD)

    # then: the API's refusal is linked to the question, in the console's words; nothing held
    assert status == 400
    link = page.locator(".error-summary a[href='#givenBy']")
    assert "représentant légal" in await link.inner_text()
    assert case(console, youth["id"])["consents"] == []

    # when: it is given by their legal representative
    await page.check("#givenBy-LEGAL_REPRESENTATIVE")
    assert await follow(page, RECORD) == 200

    # then: every actor is covered
    assert await page.locator("[data-covers='all']").count() == 1
    [consent] = case(console, youth["id"])["consents"]
    assert consent["givenBy"] == "LEGAL_REPRESENTATIVE" and consent["allActors"]


async def test_a_milestone_recorded_and_the_details_changed_show_on_the_page(
    as_user: SignIn, console: Console, request: pytest.FixtureRequest
) -> None:
    # given: JY-DEMO05, who left care, on their page
    youth = demo(console, "JY-DEMO05")
    before = len(case(console, youth["id"])["milestones"])
    page = await as_user(MEDIATOR, lang="fr")
    await page.goto(f"/youths/{youth['id']}")
    assert await page.locator("tr[data-milestone='EMPLOYED']").count() == 0

    # when: the milestone form is sent empty
    await follow(page, "main a[href$='/milestones/new']")
    assert await follow(page, RECORD) == 400

    # then: both questions are in the error summary, and nothing is recorded
    summary = page.locator(".error-summary")
    assert await summary.locator("a[href='#kind']").count() == 1
    assert await summary.locator("a[href='#achievedOn']").count() == 1
    assert len(case(console, youth["id"])["milestones"]) == before

    # when: they got a job a week ago
    reached = (date.today() - timedelta(days=7)).isoformat()
    await page.check("#kind-EMPLOYED")
    await page.fill("#achievedOn", reached)
    await page.fill("#note", "Contrat de six mois")
    assert await follow(page, RECORD) == 200

    # then: the milestone is listed on their page
    row = page.locator("tr[data-milestone='EMPLOYED']")
    assert await row.locator(f"time[datetime='{reached}']").count() == 1
    assert "Contrat de six mois" in await row.inner_text()

    # when: their details are changed: autonomous, with a technician's training
    await follow(page, f"main a[href='/youths/{youth['id']}/edit']")
    await page.check("#status-AUTONOMOUS")
    await page.select_option("#vocationalLevel", "TECHNICIAN")
    assert await follow(page, RECORD) == 200

    # then: the page shows them as they are now
    main = await page.locator("main").inner_text()
    assert "Vos modifications sont enregistrées." in main
    assert "Autonome" in main and "Technicien" in main
    changed = case(console, youth["id"])
    assert (changed["status"], changed["vocationalLevel"]) == ("AUTONOMOUS", "TECHNICIAN")
    await screenshot(page, request, "youth-milestones-fr")


async def test_the_export_downloads_their_data_as_json(
    as_user: SignIn, console: Console, request: pytest.FixtureRequest
) -> None:
    # given: JY-DEMO07's page
    youth = demo(console, "JY-DEMO07")
    page = await as_user(MEDIATOR, lang="ar")
    await page.goto(f"/youths/{youth['id']}")

    # when: the mediator downloads their data
    async with page.expect_download() as downloading:
        await page.click("form[action$='/export'] button[type=submit]")
    download = await downloading.value

    # then: a JSON file named by their code, holding their record
    assert download.suggested_filename == "jisr-JY-DEMO07.json"
    path = await download.path()
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["youth"]["code"] == "JY-DEMO07"
    assert document["youth"]["first_name"] == "Anas"
    assert {m["kind"] for m in document["milestones"]} >= {"EMPLOYED", "HOUSING_SECURED"}


async def test_a_coordinator_is_offered_no_change_and_refused_one(
    as_user: SignIn, console: Console
) -> None:
    # given: the coordinator of Fès-Meknès, who sees JY-DEMO01 but may not change their record
    youth = demo(console, "JY-DEMO01")
    page = await as_user(COORDINATOR, lang="fr")
    await page.goto(f"/youths/{youth['id']}")

    # then: their page offers no action on the record, and shows no consent
    for action in ("/consents/new", "/milestones/new", "/edit"):
        assert await page.locator(f"main a[href$='{action}']").count() == 0
    assert await page.locator("form[action$='/export']").count() == 0
    assert await page.locator("#consent-list").count() == 0

    # when: they open the forms or ask for the export all the same
    answers = [
        await page.goto(f"/youths/{youth['id']}{path}")
        for path in ("/consents/new", "/milestones/new", "/edit")
    ]
    csrf = await page.get_attribute("input[name=csrf]", "value")
    export = await page.request.post(
        f"/youths/{youth['id']}/export", form={"csrf": csrf or ""}, max_redirects=0
    )

    # then: each is refused
    assert [answer.status if answer else None for answer in answers] == [403, 403, 403]
    assert export.status == 403
    assert "application/json" not in export.headers.get("content-type", "")
