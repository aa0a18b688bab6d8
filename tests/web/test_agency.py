"""The agency's own profile in a real browser: staff of AEC Fès Atlas change their details
and their services, confirm their profile in one click, close a service that only they
still see; the public API shows what they saved and nothing of what was refused.

The server of this module counts an actor as due for re-verification after one month
(``JISR_ACTOR_STALE_MONTHS=1``), so that demo actors confirmed weeks ago are due.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.async_api import Page

from tests.databases import Databases
from tests.schema.referrals.servers import api_process
from tests.web.conftest import AGENCY, COORDINATOR, Console, SignIn, console_environment, screenshot

IFMH = "staff.ifmh-saiss@jisr.example.ma"  # staff of the hotel training institute IFMH Saïss
CASABLANCA = ZoneInfo("Africa/Casablanca")

OWN = """{ me { actor { id verifiedAt phone website languages acceptsReferrals names { ar fr en }
  location { latitude longitude }
  services(first: 50) { nodes { id active names { ar fr en } responseDays
    eligibility { minAge maxAge } capacity { available total } } } } } }"""
PUBLIC_SERVICE = """query($id: ID!) { node(id: $id) { ... on Service { id active
  names { ar fr en } capacity { available total } eligibility { minAge maxAge } } } }"""
PUBLIC_BASKET = """query($actor: ID!) { services(filter: { actorId: $actor }, first: 50) {
  nodes { id } } }"""


@pytest.fixture(scope="module")
async def console(
    databases: Databases, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Console]:
    db_url = await databases.clone()
    env = console_environment(db_url, tmp_path_factory.mktemp("var"), JISR_ACTOR_STALE_MONTHS="1")
    with api_process(env) as base:
        yield Console(base, db_url)


def own(console: Console, email: str = AGENCY) -> dict[str, Any]:
    """The actor as its staff read it through the API."""
    actor: dict[str, Any] = console.graphql(OWN, token=console.token(email))["me"]["actor"]
    return actor


def service_named(actor: dict[str, Any], french: str) -> dict[str, Any]:
    return next(s for s in actor["services"]["nodes"] if s["names"]["fr"] == french)


def public_service(console: Console, service_id: str) -> dict[str, Any] | None:
    node: dict[str, Any] | None = console.graphql(PUBLIC_SERVICE, {"id": service_id})["node"]
    return node


async def submit(page: Page) -> None:
    await page.click("main form[method=post] button[type=submit]")
    await page.wait_for_load_state()


@pytest.mark.parametrize("lang,direction", [("ar", "rtl"), ("fr", "ltr")])
async def test_the_agency_changes_a_service_and_the_public_sees_it(
    as_user: SignIn, console: Console, lang: str, direction: str, request: pytest.FixtureRequest
) -> None:
    # given: the job-search workshops of AEC Fès Atlas, 8 places free of 20
    service = service_named(own(console), "Ateliers de recherche d'emploi")
    page = await as_user(AGENCY, lang=lang)
    total = 30 if lang == "ar" else 40
    english = f"Job search workshops ({lang})"

    # when: their staff open the service from their list and change its places and name
    await page.goto("/agency/services")
    assert await page.get_attribute("html", "dir") == direction
    await page.click(f"a[href='/agency/services/{service['id']}']")
    await page.wait_for_load_state()
    await page.fill("#nameEn", english)
    await page.fill("#capacityAvailable", "12")
    await page.fill("#capacityTotal", str(total))
    if lang == "fr":
        await screenshot(page, request, "service-edit-fr")
    await submit(page)

    # then: the list says it is saved, and anyone reading the public API sees the change
    assert page.url.endswith("/agency/services?saved=1")
    assert await page.locator(".banner--success").count() == 1
    public = public_service(console, service["id"])
    assert public is not None
    assert public["capacity"] == {"available": 12, "total": total}
    assert public["names"]["en"] == english
    assert public["names"]["fr"] == "Ateliers de recherche d'emploi"
    answer = httpx.get(  # noqa: ASYNC210 - one request to learn whether the route exists
        f"{console.base}/services/{service['id']}", headers={"accept": "text/html"}, timeout=10
    )
    if answer.status_code != 404:  # the public service page, when this build has it
        visitor = await as_user(None, lang="en")
        await visitor.goto(f"/services/{service['id']}")
        assert english in await visitor.locator("main").inner_text()


@pytest.mark.parametrize("lang,direction", [("ar", "rtl"), ("fr", "ltr")])
async def test_an_invalid_service_edit_shows_the_errors_and_changes_nothing(
    as_user: SignIn, console: Console, lang: str, direction: str
) -> None:
    # given: the internships service, for ages 18 to 30
    before = service_named(own(console), "Contrats d'insertion et stages")
    page = await as_user(AGENCY, lang=lang)
    await page.goto(f"/agency/services/{before['id']}")
    assert await page.get_attribute("html", "dir") == direction

    # when: the staff remove both the Arabic and the French names
    await page.fill("#nameAr", "")
    await page.fill("#nameFr", "")
    await submit(page)

    # then: the error summary links to the name, and the service keeps its names
    summary = page.locator(".error-summary")
    await summary.wait_for()
    assert await summary.locator("a[href='#nameAr']").count() == 1
    assert await page.locator("#nameAr-error").count() == 1

    # when: they give the names back but a highest age below the lowest one
    await page.fill("#nameFr", "Contrats d'insertion et stages")
    await page.fill("#minAge", "30")
    await page.fill("#maxAge", "18")
    await submit(page)

    # then: the summary links to the ages, the form keeps what was typed, nothing changed
    await summary.wait_for()
    assert await summary.locator("a[href='#minAge']").count() == 1
    assert await page.input_value("#maxAge") == "18"
    after = service_named(own(console), "Contrats d'insertion et stages")
    assert after == before
    assert after["eligibility"] == {"minAge": 18, "maxAge": 30}


@pytest.mark.parametrize(
    "email,lang,direction", [(AGENCY, "fr", "ltr"), (IFMH, "ar", "rtl")], ids=["fr", "ar"]
)
async def test_the_agency_confirms_its_profile_in_one_click(
    as_user: SignIn,
    console: Console,
    email: str,
    lang: str,
    direction: str,
    request: pytest.FixtureRequest,
) -> None:
    # given: an actor last confirmed more than a month ago, a month being the due period
    before = own(console, email)["verifiedAt"]
    assert before is not None
    today = datetime.now(CASABLANCA).date()
    assert datetime.fromisoformat(before).astimezone(CASABLANCA).date() < today
    page = await as_user(email, lang=lang)

    # when: their staff open their profile, which asks them to confirm it, and confirm
    await page.goto("/agency")
    assert await page.get_attribute("html", "dir") == direction
    prompt = page.locator(".verify--due")
    assert await prompt.count() == 1
    await screenshot(page, request, f"agency-{lang}")
    await prompt.locator("button[type=submit]").click()
    await page.wait_for_load_state()

    # then: a banner thanks them, the last confirmation is today, and the prompt is gone
    assert await page.locator(".banner--success[role=status]").count() == 1
    shown = await page.get_attribute("#verified-at", "datetime")
    assert shown is not None
    assert datetime.fromisoformat(shown).astimezone(CASABLANCA).date() == today
    assert await page.locator(".verify--due").count() == 0
    after = own(console, email)["verifiedAt"]
    assert datetime.fromisoformat(after).astimezone(CASABLANCA).date() == today


@pytest.mark.parametrize("lang,direction", [("ar", "rtl"), ("fr", "ltr")])
async def test_the_agency_changes_its_details_and_picks_its_place_on_the_map(
    as_user: SignIn, console: Console, lang: str, direction: str, request: pytest.FixtureRequest
) -> None:
    # given: the staff of AEC Fès Atlas on the form of their details
    before = own(console)
    page = await as_user(AGENCY, lang=lang)
    await page.goto("/agency")
    await page.click("a[href='/agency/edit#phone']")
    await page.wait_for_load_state()
    assert await page.get_attribute("html", "dir") == direction
    phone = "+212 535 00 00 01" if lang == "ar" else "+212 535 00 00 02"

    # when: they empty both names first
    await page.fill("#nameAr", "")
    await page.fill("#nameFr", "")
    await page.fill("#phone", phone)
    await submit(page)

    # then: the summary links to the name, and nothing was saved, not even the phone
    assert await page.locator(".error-summary a[href='#nameAr']").count() == 1
    assert own(console)["phone"] == before["phone"]
    assert own(console)["names"] == before["names"]

    # when: they give the names back, keep the new phone, and click the map
    await page.fill("#nameAr", before["names"]["ar"])
    await page.fill("#nameFr", before["names"]["fr"])
    await page.fill("#nameEn", "Employment and Skills Agency – Fez Atlas")
    box = page.locator("#location-map")
    await box.wait_for(state="visible")
    size = await box.bounding_box()
    assert size is not None
    await box.click(position={"x": size["width"] / 2 + 15, "y": size["height"] / 2 + 10})
    latitude = float(await page.input_value("#latitude"))
    longitude = float(await page.input_value("#longitude"))
    if lang == "ar":
        await screenshot(page, request, "agency-edit-ar")
    await submit(page)

    # then: the profile says it is saved and the API holds the new details and place
    assert page.url.endswith("/agency?saved=1"), await page.locator("main").inner_text()
    after = own(console)
    assert after["phone"] == phone
    assert after["names"]["en"] == "Employment and Skills Agency – Fez Atlas"
    assert after["location"] == {"latitude": latitude, "longitude": longitude}
    assert 33.5 < latitude < 34.5 and -5.5 < longitude < -4.5  # around Fès


async def test_the_agency_changes_its_details_and_a_service_without_javascript(
    as_user: SignIn, console: Console
) -> None:
    # given: a browser without JavaScript: no map, two inputs to type into
    page = await as_user(AGENCY, lang="fr", javascript=False)
    await page.goto("/agency/edit")
    assert not await page.locator("#location-map").is_visible()

    # when: the staff type the place and a website, and save
    await page.fill("#latitude", "34.0412")
    await page.fill("#longitude", "-5.0003")
    await page.fill("#website", "https://fes-atlas.example.ma")
    await page.check("#language-EN")
    await page.check("#acceptsReferrals-no")
    await submit(page)

    # then: the profile shows it, and the API holds it
    assert page.url.endswith("/agency?saved=1")
    assert "https://fes-atlas.example.ma" in await page.locator("main dl").inner_text()
    after = own(console)
    assert after["location"] == {"latitude": 34.0412, "longitude": -5.0003}
    assert after["website"] == "https://fes-atlas.example.ma"
    assert after["languages"] == ["AR", "FR", "EN"]
    assert after["acceptsReferrals"] is False

    # when: they change a service's response time, still without JavaScript
    service = service_named(after, "Placement en emploi salarié")
    await page.goto(f"/agency/services/{service['id']}")
    await page.fill("#responseDays", "3")
    await submit(page)

    # then: the public sees the new response time
    assert page.url.endswith("/agency/services?saved=1")
    assert service_named(own(console), "Placement en emploi salarié")["responseDays"] == 3


@pytest.mark.parametrize("lang,direction", [("ar", "rtl"), ("fr", "ltr")])
async def test_a_new_service_closed_is_listed_for_the_agency_only(
    as_user: SignIn, console: Console, lang: str, direction: str, request: pytest.FixtureRequest
) -> None:
    # given: the staff add a service on the employment axis
    page = await as_user(AGENCY, lang=lang)
    name = f"Club des chercheurs d'emploi ({lang})"
    await page.goto("/agency/services")
    assert await page.get_attribute("html", "dir") == direction
    await page.click("a[href='/agency/services/new']")
    await page.check("#axis-EMPLOYMENT")
    await page.click("main form button[type=submit]")
    await page.wait_for_load_state()
    await page.fill("#nameFr", name)
    await page.select_option("#categoryCode", "employment.job-search")
    await page.fill("#minAge", "18")
    await page.fill("#maxAge", "30")
    await page.fill("#responseDays", "4")
    await submit(page)
    assert page.url.endswith("/agency/services?created=1")
    row = page.locator(".service-row", has_text=name)
    assert await row.count() == 1
    service_id = await row.get_attribute("data-service")
    assert service_id is not None
    assert public_service(console, service_id) is not None  # open: the public sees it

    # when: they close it
    await row.locator(f"a[href='/agency/services/{service_id}']").click()
    await page.wait_for_load_state()
    await page.check("#active-no")
    await submit(page)

    # then: it stays in their list, marked inactive, and the public API no longer has it
    row = page.locator(".service-row", has_text=name)
    assert await row.locator(".tag--inactive").count() == 1
    await screenshot(page, request, f"agency-services-{lang}")
    assert public_service(console, service_id) is None
    actor_id = own(console)["id"]
    basket = console.graphql(PUBLIC_BASKET, {"actor": actor_id})["services"]["nodes"]
    assert service_id not in {s["id"] for s in basket}
    assert service_id in {s["id"] for s in own(console)["services"]["nodes"]}


async def test_a_coordinator_may_not_open_an_agency_profile(as_user: SignIn) -> None:
    page = await as_user(COORDINATOR, lang="fr")
    for path in ("/agency", "/agency/edit", "/agency/services", "/agency/services/new"):
        answer = await page.goto(path)
        assert answer is not None and answer.status == 403, path
        assert await page.locator("main h1").count() == 1


async def test_a_service_of_another_actor_or_none_cannot_be_opened_for_editing(
    as_user: SignIn, console: Console
) -> None:
    # given: an active service of another actor, which anyone may read
    others = console.graphql("{ services(first: 50) { nodes { id actor { names { fr } } } } }")[
        "services"
    ]["nodes"]
    foreign = next(s for s in others if "Fès Atlas" not in (s["actor"]["names"]["fr"] or ""))
    page = await as_user(AGENCY, lang="fr")

    # when/then: the staff of AEC Fès Atlas open it for editing: not theirs to change
    answer = await page.goto(f"/agency/services/{foreign['id']}")
    assert answer is not None and answer.status == 403
    assert await page.locator("#nameFr").count() == 0

    # when/then: they open a service that does not exist
    answer = await page.goto("/agency/services/U2VydmljZTo5OTk5OTk")
    assert answer is not None and answer.status == 404
