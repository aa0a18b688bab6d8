"""The public actor map in a real browser: an anonymous search in Arabic and in French
finds a Fès service (listed and on the map), filters narrow the list as the API does, a
search's address is shareable, paging goes forward and back, "near me" orders by
distance, everything but the map works without JavaScript, and the actor and service
pages show what the API says. The first load stays under 250 KB as transferred (the
static files are served compressed; the map's shapes come after and are not counted)."""

from __future__ import annotations

import re
from datetime import datetime
from html.parser import HTMLParser
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from babel.dates import format_date
from playwright.async_api import Browser, Page

from tests.schema.referrals.servers import api_process
from tests.web.conftest import AGENCY, Console, SignIn, console_environment, screenshot

CASABLANCA = ZoneInfo("Africa/Casablanca")
BAB_FTOUH = "Centre de formation professionnelle Bab Ftouh"  # in Fès-Médina
FES = {"lat": 34.0331, "lon": -5.0003}
ACTOR_IDS = """
query($filter: ActorFilter, $order: ActorOrder, $after: String) {
  actors(filter: $filter, orderBy: $order, lang: FR, first: 20, after: $after) {
    totalCount
    pageInfo { endCursor }
    edges { distanceKm node { id } }
  }
}"""
ACTOR = """
query($id: ID!) { node(id: $id) { ... on Actor {
  name(lang: FR) verifiedAt
  services(first: 100) { nodes { id name(lang: FR) axis } }
} } }"""
SERVICE = """
query($id: ID!) { node(id: $id) { ... on Service {
  name(lang: AR) responseDays
  eligibility { minAge maxAge requirements(lang: AR) }
  capacity { available total }
  actor { name(lang: AR) }
} } }"""


async def listed(page: Page) -> list[str]:
    """The actor pages the list links to, in order."""
    links = page.locator("ol.results h3 a")
    return [str(await links.nth(i).get_attribute("href")) for i in range(await links.count())]


def api_ids(console: Console, after: str | None = None, order: str = "NAME", **where: Any) -> Any:
    data: Any = console.graphql(ACTOR_IDS, {"filter": where, "order": order, "after": after})
    return data["actors"]


def actor_id(console: Console, search: str) -> str:
    data: Any = console.graphql(ACTOR_IDS, {"filter": {"search": search}, "order": "NAME"})
    return str(data["actors"]["edges"][0]["node"]["id"])


@pytest.mark.parametrize(
    "lang,direction,words",
    [("ar", "rtl", "صناعه الجلد"), ("fr", "ltr", "maroquinerie")],  # ه for ة: folded
)
async def test_an_anonymous_search_finds_a_fes_service_listed_and_on_the_map(
    as_user: SignIn,
    console: Console,
    request: pytest.FixtureRequest,
    lang: str,
    direction: str,
    words: str,
) -> None:
    # given: an anonymous visitor on the map, in Arabic or French
    page = await as_user(None, lang=lang)
    await page.goto(f"/?lang={lang}")
    assert await page.get_attribute("html", "dir") == direction

    # when: they search for the leather-goods training of Bab Ftouh, in their language
    await page.fill("#q", words)
    await page.click("form[role=search] button[type=submit]")
    await page.wait_for_load_state()

    # then: the centre is listed, linked to its page, and shown as a marker on the map
    expected = actor_id(console, BAB_FTOUH)
    assert await listed(page) == [f"/actors/{expected}"]
    marker = page.locator("#map .leaflet-marker-icon")
    await marker.first.wait_for()
    assert await marker.count() == 1
    assert "q=" in page.url  # the search is in the address
    await screenshot(page, request, f"map-{lang}")


async def test_the_axis_filter_lists_what_the_api_lists(as_user: SignIn, console: Console) -> None:
    # given: the whole map, in French
    page = await as_user(None, lang="fr")
    await page.goto("/?lang=fr")
    everyone = api_ids(console)

    # when: the visitor keeps only employment
    await page.select_option("#axis", "EMPLOYMENT")
    await page.click("form[role=search] button[type=submit]")
    await page.wait_for_load_state()

    # then: the list is the API's answer to the same filter, in the same order
    employment = api_ids(console, axes=["EMPLOYMENT"])
    assert employment["totalCount"] < everyone["totalCount"]
    assert await listed(page) == [f"/actors/{e['node']['id']}" for e in employment["edges"]]
    heading = await page.locator("#results-title").inner_text()
    assert str(employment["totalCount"]) in heading

    # and: narrowing further to the Fès province lists only actors with employment there
    await page.select_option("#region", label="Fès-Meknès")
    await page.locator("#province").wait_for()  # htmx brought the provinces
    await page.select_option("#province", label="Fès")
    await page.click("form[role=search] button[type=submit]")
    await page.wait_for_load_state()
    province = await page.locator("#province").input_value()
    narrowed = api_ids(console, axes=["EMPLOYMENT"], territoryId=province)
    assert 0 < narrowed["totalCount"] < employment["totalCount"]
    assert await listed(page) == [f"/actors/{e['node']['id']}" for e in narrowed["edges"]]


async def test_a_search_address_gives_the_same_list_in_a_fresh_browser(
    as_user: SignIn, console: Console
) -> None:
    # given: a search with words, an axis, an age and "accepts referrals"
    page = await as_user(None, lang="fr")
    await page.goto("/?lang=fr")
    await page.fill("#q", "formation")
    await page.select_option("#axis", "EDUCATION_TRAINING")
    await page.fill("#age", "19")
    await page.check("#referrals")
    await page.click("form[role=search] button[type=submit]")
    await page.wait_for_load_state()
    shown = await listed(page)
    expected = api_ids(
        console,
        search="formation",
        axes=["EDUCATION_TRAINING"],
        eligibleAge=19,
        acceptsReferrals=True,
    )
    assert shown == [f"/actors/{e['node']['id']}" for e in expected["edges"]] != []

    # when: someone else opens the same address
    other = await as_user(None, lang="ar")
    await other.goto(page.url)

    # then: they see the same list, with the same filters chosen
    assert await listed(other) == shown
    assert await other.locator("#axis").input_value() == "EDUCATION_TRAINING"
    assert await other.locator("#age").input_value() == "19"
    assert await other.locator("#referrals").is_checked()


async def test_signed_in_staff_search_the_same_map(as_user: SignIn, console: Console) -> None:
    # given: staff of the Fès employment agency, signed in
    page = await as_user(AGENCY, lang="fr")

    # when: they search the map for the leather-goods training
    await page.goto("/?lang=fr&q=maroquinerie")

    # then: they find it as anyone does, with their menu around the page
    assert await listed(page) == [f"/actors/{actor_id(console, BAB_FTOUH)}"]
    assert await page.locator("nav a[href='/inbox']").count() == 1
    await page.locator("#map .leaflet-marker-icon").first.wait_for()


async def test_paging_goes_to_the_next_page_and_back(as_user: SignIn, console: Console) -> None:
    # given: the whole map, more than one page of actors
    page = await as_user(None, lang="fr")
    await page.goto("/?lang=fr")
    first = await listed(page)
    assert len(first) == 20

    # when: the visitor goes to the next page
    await page.click("nav.pagination a[rel=next]")
    await page.wait_for_load_state()

    # then: other actors, the API's second page, numbered on from 21
    second = await listed(page)
    page_one = api_ids(console)
    page_two = api_ids(console, after=page_one["pageInfo"]["endCursor"])
    assert second == [f"/actors/{e['node']['id']}" for e in page_two["edges"]]
    assert not set(second) & set(first)
    assert await page.get_attribute("ol.results", "start") == "21"

    # and: one page further, then back twice, is the first page again
    await page.click("nav.pagination a[rel=next]")
    await page.wait_for_load_state()
    third = await listed(page)
    assert third and not set(third) & set(second)
    await page.click("nav.pagination a[rel=prev]")
    await page.wait_for_load_state()
    assert await listed(page) == second
    await page.click("nav.pagination a[rel=prev]")
    await page.wait_for_load_state()
    assert await listed(page) == first
    assert await page.locator("nav.pagination a[rel=prev]").count() == 0


async def test_near_me_orders_by_distance_from_the_browser_s_position(
    browser: Browser, console: Console
) -> None:
    # given: a browser in Fès that lets the page know where it is
    context = await browser.new_context(
        base_url=console.base,
        locale="fr-FR",
        geolocation={"latitude": FES["lat"], "longitude": FES["lon"]},
        permissions=["geolocation"],
    )
    try:
        page = await context.new_page()
        await page.goto("/?lang=fr")

        # when: they ask for what is near them
        await page.click("#near-me")
        await page.wait_for_url(re.compile(r"near="))

        # then: the list is the API's distance order, each with its distance
        near = {"latitude": FES["lat"], "longitude": FES["lon"], "radiusKm": 1000}
        expected = api_ids(console, order="DISTANCE", near=near)
        assert await listed(page) == [f"/actors/{e['node']['id']}" for e in expected["edges"]]
        distances = page.locator(".result__distance")
        assert await distances.count() == len(expected["edges"])
        assert "km" in await distances.first.inner_text()
        assert expected["edges"][0]["distanceKm"] < 5  # a Fès actor comes first
    finally:
        await context.close()


async def test_without_javascript_search_places_paging_and_pages_work(
    as_user: SignIn, console: Console
) -> None:
    # given: a browser without JavaScript
    page = await as_user(None, lang="fr", javascript=False)
    await page.goto("/?lang=fr")
    assert not await page.locator("#near-me").is_visible()  # it needs JavaScript
    assert not await page.locator("#map").is_visible()

    # when: they choose a region and search, then a province and search
    await page.select_option("#region", label="Fès-Meknès")
    await page.click("form[role=search] button[type=submit]")
    await page.wait_for_load_state()
    await page.select_option("#province", label="Fès")
    await page.click("form[role=search] button[type=submit]")
    await page.wait_for_load_state()

    # then: communes can be chosen, and the list is the API's for the province
    assert await page.locator("#commune option").count() > 1
    province = await page.locator("#province").input_value()
    expected = api_ids(console, territoryId=province)
    assert await listed(page) == [f"/actors/{e['node']['id']}" for e in expected["edges"]]

    # and: a filter, then paging and the actor and service pages, all by plain links
    await page.goto("/?lang=fr")
    await page.select_option("#axis", "SOCIAL_ASSISTANCE")
    await page.click("form[role=search] button[type=submit]")
    await page.wait_for_load_state()
    social = api_ids(console, axes=["SOCIAL_ASSISTANCE"])
    assert await listed(page) == [f"/actors/{e['node']['id']}" for e in social["edges"]]
    first = await listed(page)
    await page.click("nav.pagination a[rel=next]")
    await page.wait_for_load_state()
    assert set(await listed(page)).isdisjoint(first)
    await page.click("nav.pagination a[rel=prev]")
    await page.wait_for_load_state()
    assert await listed(page) == first
    await page.click("ol.results h3 a >> nth=0")
    await page.wait_for_load_state()
    assert page.url.split("?")[0].endswith(first[0])
    await page.click("ul.services a >> nth=0")
    await page.wait_for_load_state()
    assert "/services/" in page.url
    assert await page.locator("main h1").count() == 1


async def test_the_actor_page_shows_what_the_api_says(
    as_user: SignIn, console: Console, request: pytest.FixtureRequest
) -> None:
    # given: the employment agency of Fès, as the API describes it
    agency = actor_id(console, "Fès Atlas")
    data: Any = console.graphql(ACTOR, {"id": agency})
    actor = data["node"]

    # when: an anonymous visitor opens its page in French
    page = await as_user(None, lang="fr")
    await page.goto(f"/actors/{agency}?lang=fr")

    # then: its name, its basket by axis (each linked), its last check date, its place
    assert (await page.locator("main h1").inner_text()).startswith(actor["name"])
    for service in actor["services"]["nodes"]:
        basket = page.locator(f"ul.services[aria-labelledby='axis-{service['axis']}']")
        link = basket.locator(f"a[href='/services/{service['id']}']")
        assert await link.inner_text() == service["name"]
    verified_at = datetime.fromisoformat(actor["verifiedAt"]).astimezone(CASABLANCA)
    verified = format_date(verified_at.date(), "long", locale="fr_MA")
    assert verified in await page.locator("main").inner_text()
    await page.locator("#map .leaflet-marker-icon").wait_for()
    await page.locator("#map path.leaflet-interactive").first.wait_for(state="attached")
    await screenshot(page, request, "actor-fr")


async def test_the_service_page_shows_what_the_api_says(
    as_user: SignIn, console: Console, request: pytest.FixtureRequest
) -> None:
    # given: the leather-goods training of Bab Ftouh, as the API describes it
    data: Any = console.graphql(ACTOR, {"id": actor_id(console, BAB_FTOUH)})
    found = next(s for s in data["node"]["services"]["nodes"] if "maroquinerie" in s["name"])
    service: Any = console.graphql(SERVICE, {"id": found["id"]})
    service = service["node"]

    # when: an anonymous visitor opens its page in Arabic
    page = await as_user(None, lang="ar")
    await page.goto(f"/services/{found['id']}?lang=ar")

    # then: eligibility, capacity, response time and its area on the map
    assert await page.get_attribute("html", "dir") == "rtl"
    assert await page.locator("main h1").inner_text() == service["name"]
    ages = await page.locator(".service-ages").inner_text()
    eligibility = service["eligibility"]
    assert str(eligibility["minAge"]) in ages and str(eligibility["maxAge"]) in ages
    capacity = await page.locator(".service-capacity").inner_text()
    assert str(service["capacity"]["available"]) in capacity
    assert str(service["capacity"]["total"]) in capacity
    assert str(service["responseDays"]) in await page.locator(".service-response").inner_text()
    assert service["actor"]["name"] in await page.locator("main").inner_text()
    await page.locator("#map path.leaflet-interactive").first.wait_for(
        state="attached"
    )  # the area's shape
    await screenshot(page, request, "service-ar")


async def test_an_age_that_is_not_a_number_is_shown_as_a_problem(as_user: SignIn) -> None:
    page = await as_user(None, lang="fr")
    await page.goto("/?lang=fr")
    await page.fill("#age", "dix-huit")

    await page.click("form[role=search] button[type=submit]")

    summary = page.locator(".error-summary")
    await summary.wait_for()
    assert await summary.locator("a").get_attribute("href") == "#age"
    assert await page.locator("#age-error").count() == 1
    assert await page.locator("#age").input_value() == "dix-huit"  # kept to correct


async def test_a_tile_layer_is_drawn_under_the_boundaries_only_when_set(
    browser: Browser, console: Console, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # given: the map without tiles (the default), and a server with a tile address set
    page = await browser.new_page(base_url=console.base)
    await page.goto("/?lang=fr")
    boundaries = page.locator("#map path.leaflet-interactive")
    await boundaries.first.wait_for(state="attached")
    assert await page.locator("#map img.leaflet-tile").count() == 0
    await page.close()
    tiles = "http://tiles.invalid/{z}/{x}/{y}.png"
    env = console_environment(console.db_url, tmp_path_factory.mktemp("tiles"))
    with api_process({**env, "JISR_MAP_TILES_URL": tiles}) as base:
        page = await browser.new_page(base_url=base)
        await page.route("http://tiles.invalid/**", lambda route: route.abort())

        # when: the map opens there
        async with page.expect_request(re.compile(r"^http://tiles\.invalid/")) as asked:
            await page.goto("/?lang=fr")

        # then: Leaflet asks the tile server for tiles, and the boundaries are still drawn
        tile = (await asked.value).url
        assert re.fullmatch(r"http://tiles\.invalid/\d+/\d+/\d+\.png", tile), tile
        await page.locator("#map path.leaflet-interactive").first.wait_for(state="attached")
        await page.close()


async def test_an_unknown_or_malformed_id_is_a_404(as_user: SignIn) -> None:
    page = await as_user(None, lang="fr")
    for path in ("/actors/not-an-id", "/services/QWN0b3I6OQ", "/actors/QWN0b3I6OTk5OTk"):
        answer = await page.goto(path)
        assert answer is not None and answer.status == 404, path


def test_the_region_shapes_are_geojson_that_browsers_may_keep(console: Console) -> None:
    answer = httpx.get(console.base + "/map/shapes?lang=fr", timeout=20)
    assert answer.status_code == 200
    assert "max-age" in answer.headers["cache-control"]
    shapes = answer.json()
    assert shapes["type"] == "FeatureCollection"
    assert len(shapes["features"]) == 12  # the regions
    assert {f["geometry"]["type"] for f in shapes["features"]} <= {"Polygon", "MultiPolygon"}


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.found.append(str(values["src"]))
        if tag == "link" and values.get("rel") == "stylesheet" and values.get("href"):
            self.found.append(str(values["href"]))


def test_the_first_load_of_the_map_weighs_under_250_kb(console: Console) -> None:
    # given: the map's page as a browser first downloads it (compressed where served so)
    with httpx.Client(base_url=console.base, timeout=20) as client:
        headers = {"Accept": "text/html", "Accept-Encoding": "gzip"}
        html = client.get("/?lang=ar", headers=headers)
        parser = _Assets()
        parser.feed(html.text)
        assert "/static/vendor/leaflet/leaflet.js" in parser.found
        assert "/static/map.js" in parser.found

        # when: every stylesheet and script it links is fetched
        weight = html.num_bytes_downloaded
        for asset in parser.found:
            answer = client.get(asset, headers=headers)
            assert answer.status_code == 200, asset
            weight += answer.num_bytes_downloaded

    # then: the whole is under the budget (the map's shapes come after, not counted)
    assert weight < 250_000, weight
