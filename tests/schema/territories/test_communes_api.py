import shapely

from network.seed.users import DEMO_PASSWORD
from network.territories import geometry
from tests.api import Api

MEDINA = {"lat": 34.0646, "lon": -4.9736}
AT = """query($lat: Float!, $lon: Float!) {
  territoryAt(latitude: $lat, longitude: $lon) {
    id code name(lang: FR) level parent { code } centroid { latitude longitude }
  }
}"""
FES_COMMUNES = """query($p: ID!, $d: BoundaryDetail) {
  territories(level: COMMUNE, parentId: $p) { id code name(lang: FR) boundary(detail: $d) }
}"""
PROVINCE = """query($lat: Float!, $lon: Float!) {
  territoryAt(latitude: $lat, longitude: $lon) { parent { id } }
}"""
ACTORS = """query($t: ID!) {
  actors(filter: {territoryId: $t}, first: 100) {
    totalCount nodes { name location { latitude longitude } territory { code } }
  }
}"""
COVERAGE = """query($t: ID!) {
  coverage(territoryId: $t, level: COMMUNE) {
    territory { code level parent { code parent { code } } } activeServices gap
  }
}"""


async def test_territory_at_names_the_arrondissement_and_its_province(demo_api: Api) -> None:
    data = await demo_api.data(AT, MEDINA)
    medina = data["territoryAt"]
    assert (medina["name"], medina["level"], medina["parent"]["code"]) == (
        "Fès-Médina",
        "COMMUNE",
        "MA-FES",
    )
    centroid = medina["centroid"]
    assert geometry.commune_at(centroid["latitude"], centroid["longitude"]) == medina["code"]
    assert (await demo_api.data(AT, {"lat": 40.0, "lon": -30.0}))["territoryAt"] is None


async def test_one_request_fetches_a_provinces_commune_shapes(demo_api: Api) -> None:
    fes = (await demo_api.data(PROVINCE, MEDINA))["territoryAt"]["parent"]["id"]
    for detail in ("LOW", "FULL"):
        communes = (await demo_api.data(FES_COMMUNES, {"p": fes, "d": detail}))["territories"]
        assert len(communes) >= 7
        for commune in communes:
            shape = shapely.geometry.shape(commune["boundary"])
            assert shape.is_valid and shape.area > 0, commune["name"]
            assert geometry.shapes().by_code["MA-FES"].buffer(0.03).covers(shape)
    medina = next(c for c in communes if c["name"] == "Fès-Médina")
    assert shapely.geometry.shape(medina["boundary"]).contains(
        shapely.Point(MEDINA["lon"], MEDINA["lat"])
    )


async def test_actors_filtered_by_an_arrondissement_are_the_demo_actors_placed_there(
    demo_api: Api,
) -> None:
    jnan = (await demo_api.data(AT, {"lat": 34.0420, "lon": -4.9630}))["territoryAt"]
    communes = (
        await demo_api.data(
            FES_COMMUNES,
            {"p": (await demo_api.data(PROVINCE, MEDINA))["territoryAt"]["parent"]["id"]},
        )
    )["territories"]
    jnan = next(c for c in communes if c["name"] == "Jnan El Ouard")
    actors = (await demo_api.data(ACTORS, {"t": jnan["id"]}))["actors"]
    assert actors["totalCount"] > 0
    for actor in actors["nodes"]:
        assert actor["territory"]["code"] == jnan["code"]
        location = actor["location"]
        assert geometry.commune_at(location["latitude"], location["longitude"]) == jnan["code"]


async def test_coverage_at_commune_level_for_fes_meknes(demo_api: Api) -> None:
    token = await demo_api.login("coordination.fes-meknes@jisr.example.ma", DEMO_PASSWORD)
    region = (await demo_api.data("{ territories(level: REGION) { id code } }"))["territories"]
    fes_meknes = next(r["id"] for r in region if r["code"] == "MA-03")
    cells = (await demo_api.data(COVERAGE, {"t": fes_meknes}, token))["coverage"]
    assert cells and {c["territory"]["level"] for c in cells} == {"COMMUNE"}
    assert {c["territory"]["parent"]["parent"]["code"] for c in cells} == {"MA-03"}
    served = {c["territory"]["code"] for c in cells if c["activeServices"] > 0}
    assert any(code.startswith("MA-FES-001-") for code in served)
