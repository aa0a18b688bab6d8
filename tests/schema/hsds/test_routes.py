"""The HSDS read API, checked against the demo network (77 actors, 241 services; two
actors and three services of them are inactive and not published)."""

from __future__ import annotations

from network.hsds.ids import native_id
from network.hsds.vocabulary import SERVICES_TAXONOMY, term_id
from tests import demo_data
from tests.api import Api

PUBLIC_SERVICES = len(demo_data.PUBLIC_SERVICES)


async def test_the_root_tells_the_version_the_profile_and_the_openapi_document(
    demo_api: Api,
) -> None:
    answer = (await demo_api.client.get("/hsds/")).json()
    openapi = (await demo_api.client.get(answer["openapi_url"])).json()
    profile = (await demo_api.client.get(answer["profile_url"])).json()
    assert answer["version"] == "3.0"
    assert answer["profile"] == "https://jisr.ma/hsds/profile/"
    assert len(openapi["paths"]) == 11 and openapi["servers"][0]["url"].endswith("/hsds")
    schema = (await demo_api.client.get(profile["schemas"]["jisr_service_detail"])).json()
    assert schema["name"] == "jisr_service_detail"


async def test_services_are_paged_as_hsds_pages(demo_api: Api) -> None:
    # when the last page of 100 is asked for
    answer = (await demo_api.client.get("/hsds/services?page=3&per_page=100&full=true")).json()

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
    assert answer["contents"][0]["organization_id"] == native_id("organization", 11)


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
    assert all(s["organization_id"] == unit for s in by_unit.json()["contents"])
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
    actors = len(demo_data.ACTIVE_ACTORS)
    assert organizations["total_items"] == actors and organizations["total_pages"] == actors


async def test_taxonomy_terms_list_axes_and_their_categories(demo_api: Api) -> None:
    health = term_id(SERVICES_TAXONOMY, "HEALTH")
    top = await demo_api.client.get("/hsds/taxonomy_terms", params={"parent_id": health})
    assert {t["code"] for t in top.json()["contents"]} >= {"health.medical-care"}
    assert all(t["parent_id"] == health for t in top.json()["contents"])


async def test_bad_paging_is_a_400(demo_api: Api) -> None:
    response = await demo_api.client.get("/hsds/services?per_page=500")
    assert response.status_code == 400
    assert "per_page" in response.json()["error"]


async def test_lists_hold_one_to_one_fields_unless_full_or_minimal(demo_api: Api) -> None:
    listed = (await demo_api.client.get("/hsds/services?per_page=1")).json()["contents"][0]
    minimal = await demo_api.client.get("/hsds/services", params={"minimal": "true"})
    assert "service_at_locations" not in listed and listed["organization_id"]
    assert set(minimal.json()["contents"][0]) == {"id", "last_modified"}


async def test_taxonomy_id_narrows_the_services(demo_api: Api) -> None:
    # given Jisr's two taxonomies
    taxonomies = (await demo_api.client.get("/hsds/taxonomies")).json()["contents"]
    by_code = {t["uri"].rsplit("/", 1)[1]: t["id"] for t in taxonomies}

    # when services are asked for by each
    answers = {
        code: (await demo_api.client.get("/hsds/services", params={"taxonomy_id": tid})).json()
        for code, tid in by_code.items()
    }

    # then every service has a term of the services taxonomy, none of the actor kinds
    assert answers["jisr-services"]["total_items"] == PUBLIC_SERVICES
    assert answers["jisr-actor-kinds"]["total_items"] == 0
    one = await demo_api.client.get(f"/hsds/taxonomies/{by_code['jisr-services']}")
    assert one.json()["version"] == "1.0"


async def test_one_taxonomy_term_and_one_service_at_location(demo_api: Api) -> None:
    health = term_id(SERVICES_TAXONOMY, "HEALTH")
    term = (await demo_api.client.get(f"/hsds/taxonomy_terms/{health}")).json()
    links = (await demo_api.client.get("/hsds/service_at_locations?per_page=2")).json()
    link_id = links["contents"][0]["id"]
    link = (await demo_api.client.get(f"/hsds/service_at_locations/{link_id}")).json()
    assert term["code"] == "HEALTH" and term["taxonomy_detail"]["name"]
    assert links["total_items"] == PUBLIC_SERVICES
    assert link["service"]["id"] == links["contents"][0]["service_id"]
    assert link["location"]["addresses"][0]["postal_code"].isdigit()
    missing = await demo_api.client.get(f"/hsds/service_at_locations/{health}")
    assert missing.status_code == 404


async def test_postcode_and_proximity_narrow_the_service_at_locations(demo_api: Api) -> None:
    fes = await demo_api.client.get("/hsds/service_at_locations", params={"postcode": "30000"})
    near_fes = await demo_api.client.get(
        "/hsds/service_at_locations", params={"postcode": "30000", "proximity": "60000"}
    )
    nowhere = await demo_api.client.get("/hsds/service_at_locations", params={"postcode": "99999"})
    fes_total = fes.json()["total_items"]
    assert 0 < fes_total <= near_fes.json()["total_items"] < PUBLIC_SERVICES
    assert nowhere.json()["total_items"] == 0
    links = (
        await demo_api.client.get(
            "/hsds/service_at_locations",
            params={"postcode": "30000", "full": "true", "per_page": 100},
        )
    ).json()["contents"]
    assert {a["postal_code"] for x in links for a in x["location"]["addresses"]} == {"30000"}


async def test_ndjson_streams_every_result(demo_api: Api) -> None:
    response = await demo_api.client.get("/hsds/services", params={"format": "ndjson"})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert len(response.text.splitlines()) == PUBLIC_SERVICES


async def test_organizations_full_service_nests_full_services(demo_api: Api) -> None:
    unit = native_id("organization", 6)
    plain = (await demo_api.client.get(f"/hsds/organizations/{unit}")).json()
    full = (await demo_api.client.get(f"/hsds/organizations/{unit}?full_service=true")).json()
    listed = (await demo_api.client.get("/hsds/organizations?per_page=1&full=true")).json()
    assert "attributes" not in plain["services"][0]
    assert full["services"][0]["attributes"]
    assert listed["contents"][0]["locations"]


async def test_bad_parameters_are_400s_naming_them(demo_api: Api) -> None:
    for path, query, name in [
        ("/hsds/services", "format=xml", "format"),
        ("/hsds/services", "minimal=yes", "minimal"),
        ("/hsds/services", "full=1", "full"),
        ("/hsds/service_at_locations", "proximity=10", "proximity"),
        ("/hsds/service_at_locations", "postcode=ABC", "postcode"),
        ("/hsds/service_at_locations", "postcode=30000&proximity=far", "proximity"),
        ("/hsds/organizations", "full_service=maybe", "full_service"),
        ("/hsds/taxonomy_terms", "top_only=2", "top_only"),
        ("/hsds/services", "modified_after=yesterday", "modified_after"),
    ]:
        response = await demo_api.client.get(f"{path}?{query}")
        assert response.status_code == 400, query
        assert response.json()["error"].startswith(name), query
