"""The read API gives a commune's service area its boundary as GeoJSON."""

from __future__ import annotations

import orjson
from shapely.geometry import Point, shape

from network.territories.geometry import centroid
from tests.api import Api
from tests.network.hsds.official import errors, official
from tests.network.hsds.test_extent import JNAN_EL_OUARD, serve_in_commune


async def test_a_service_read_from_the_api_has_its_commune_s_extent(api: Api, db_url: str) -> None:
    # given a Fès service whose area is the arrondissement of Jnan El Ouard
    name = await serve_in_commune(db_url, JNAN_EL_OUARD)

    # when the API is asked for the services of that name, in full
    answer = await api.client.get("/hsds/services", params={"search": name, "full": "true"})

    # then the one serving Jnan El Ouard carries its boundary, valid in strict mode
    assert answer.status_code == 200
    services = answer.json()["contents"]
    (area,) = [
        a for s in services for a in s.get("service_areas", []) if a["uri"].endswith(JNAN_EL_OUARD)
    ]
    point = centroid(JNAN_EL_OUARD)
    assert area["extent_type"] == "geojson" and point is not None
    assert shape(orjson.loads(area["extent"])).contains(Point(point[1], point[0]))
    assert errors(official("service"), services)[:5] == []
