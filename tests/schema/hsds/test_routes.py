"""The HSDS read API, checked against the demo network (77 actors, 241 services; two
actors and three services of them are inactive and not published)."""

from __future__ import annotations

from network.hsds.ids import native_id
from network.hsds.vocabulary import SERVICES_TAXONOMY, term_id
from tests.api import Api

PUBLIC_SERVICES = 233


async def test_the_root_tells_the_hsds_version(demo_api: Api) -> None:
    answer = (await demo_api.client.get("/hsds/")).json()
    assert answer["version"] == "3.0"
    assert answer["profile"].startswith("https://docs.openreferral.org/")


async def test_services_are_paged_as_hsds_pages(demo_api: Api) -> None:
    # when the last page of 100 is asked for
    answer = (await demo_api.client.get("/hsds/services?page=3&per_page=100")).json()

    # then the page object counts every public service
    assert {k: v for k, v in answer.items() if k != "contents"} == {
        "total_items": PUBLIC_SERVICES,
        "total_pages": 3,
        "page_number": 3,
        "size": 33,
        "first_page": False,
        "last_page": True,
        "empty": False,
    }
    service = answer["contents"][0]
    assert service["organization"]["id"] and service["service_at_locations"][0]["location"]


async def test_search_finds_the_one_general_practitioner(demo_api: Api) -> None:
    answer = (await demo_api.client.get("/hsds/services", params={"search": "medecin"})).json()
    assert [s["id"] for s in answer["contents"]] == [native_id("service", 35)]
    assert answer["contents"][0]["organization"]["id"] == native_id("organization", 11)


async def test_services_filter_by_organization_term_and_date(demo_api: Api) -> None:
    # given the mobile emergency unit (actor 6) and its two services
    unit = native_id("organization", 6)
    by_unit = await demo_api.client.get("/hsds/services", params={"organization_id": unit})
    health = term_id(SERVICES_TAXONOMY, "HEALTH")
    by_axis = await demo_api.client.get(
        "/hsds/services", params={"taxonomy_term_id": health, "per_page": 1}
    )
    later = await demo_api.client.get(
        "/hsds/services", params={"modified_after": "2999-01-01T00:00:00Z"}
    )

    # then each filter narrows the list
    assert native_id("service", 19) in [s["id"] for s in by_unit.json()["contents"]]
    assert all(s["organization"]["id"] == unit for s in by_unit.json()["contents"])
    assert 0 < by_axis.json()["total_items"] < PUBLIC_SERVICES
    assert later.json()["empty"] is True and later.json()["total_items"] == 0


async def test_one_service_and_one_organization(demo_api: Api) -> None:
    service = (await demo_api.client.get(f"/hsds/services/{native_id('service', 35)}")).json()
    org = await demo_api.client.get(f"/hsds/organizations/{native_id('organization', 11)}")
    assert service["name"] == "Consultation avec un Médecin généraliste"
    assert org.json()["name"] == "Espace Santé Jeunes Fès Saïss"
    assert native_id("service", 35) in [s["id"] for s in org.json()["services"]]


async def test_inactive_records_are_not_published(demo_api: Api) -> None:
    inactive_actor = await demo_api.client.get(
        f"/hsds/organizations/{native_id('organization', 35)}"
    )
    inactive_service = await demo_api.client.get(f"/hsds/services/{native_id('service', 38)}")
    organizations = (await demo_api.client.get("/hsds/organizations?per_page=1")).json()
    assert (inactive_actor.status_code, inactive_service.status_code) == (404, 404)
    assert organizations["total_items"] == 75 and organizations["total_pages"] == 75


async def test_taxonomy_terms_list_axes_and_their_categories(demo_api: Api) -> None:
    health = term_id(SERVICES_TAXONOMY, "HEALTH")
    top = await demo_api.client.get("/hsds/taxonomy_terms", params={"parent_id": health})
    assert {t["code"] for t in top.json()["contents"]} >= {"health.medical-care"}
    assert all(t["parent_id"] == health for t in top.json()["contents"])


async def test_bad_paging_is_a_400(demo_api: Api) -> None:
    response = await demo_api.client.get("/hsds/services?per_page=500")
    assert response.status_code == 400
    assert "per_page" in response.json()["error"]
