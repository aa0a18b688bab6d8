from tests.api import Api

TERRITORIES = "query { territories(level: REGION) { code name(lang: FR) children { code } } }"


async def test_regions_are_served_with_their_provinces(demo_api: Api) -> None:
    data = await demo_api.data(TERRITORIES)
    regions = data["territories"]
    assert len(regions) == 12
    fes = next(r for r in regions if r["code"] == "MA-03")
    assert fes["name"] == "Fès-Meknès"
    assert "MA-FES" in [c["code"] for c in fes["children"]]
