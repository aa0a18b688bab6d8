"""The public actor map at ``/``: a search (one GET form, so every search is a shareable
address), the list of actors found and the same actors on the map, paged by cursor.

The territory filter narrows region → province → commune: the provinces of a region show
once the region is chosen (a submit without JavaScript, htmx with it). Paging goes
forward with the API's ``after`` cursor; the cursors of the pages before ride along in
``trail`` so that "previous" is a plain link too. "Near me" (JavaScript only: it needs the
browser's position) reloads the search with ``near=lat,lon``: the API then orders by
distance and gives each actor's distance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

import orjson
from starlette.datastructures import QueryParams
from starlette.responses import Response
from starlette.routing import Route

from web.client import ConsoleError
from web.forms import Problems
from web.labels import axis_names
from web.pages import actors
from web.visit import Refused, Visit, page

PAGE_SIZE = 20
NEAR_RADIUS_KM = 1000.0  # the API's largest radius: "near me" orders, it hardly excludes
AXES = list(axis_names)
MAX_AGE = 120
MAX_TRAIL = 50  # pages one can go back through; further back is the first page


@dataclass(frozen=True)
class Search:
    """What the search form asks, read from the address and cleaned."""

    q: str = ""
    region: str = ""
    province: str = ""
    commune: str = ""
    axis: str = ""
    category: str = ""
    age: str = ""
    referrals: bool = False
    near: tuple[float, float] | None = None
    after: str = ""
    trail: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def of(cls, params: QueryParams) -> Search:
        def text(name: str, limit: int = 200) -> str:
            return (params.get(name) or "").strip()[:limit]

        axis = text("axis")
        trail = tuple(c for c in (params.get("trail") or "").split(",") if c)[-MAX_TRAIL:]
        return cls(
            q=text("q"),
            region=text("region"),
            province=text("province") if text("region") else "",
            commune=text("commune") if text("region") and text("province") else "",
            axis=axis if axis in AXES else "",
            category=text("category", 100),
            age=text("age", 10),
            referrals=params.get("referrals") == "1",
            near=_point(text("near", 60)),
            after=text("after", 500),
            trail=trail,
        )

    def query(self, **changes: Any) -> dict[str, Any]:
        """The address's query of this search (with ``changes``), empty values left out."""
        s = replace(self, **changes)
        return {
            "q": s.q,
            "region": s.region,
            "province": s.province,
            "commune": s.commune,
            "axis": s.axis,
            "category": s.category,
            "age": s.age,
            "referrals": "1" if s.referrals else "",
            "near": f"{s.near[0]:.5f},{s.near[1]:.5f}" if s.near else "",
            "after": s.after,
            "trail": ",".join(s.trail),
        }

    def next_page(self, cursor: str) -> dict[str, Any]:
        return self.query(after=cursor, trail=(*self.trail, self.after) if self.after else ())

    def previous_page(self) -> dict[str, Any] | None:
        if not self.after:
            return None
        return self.query(after=self.trail[-1] if self.trail else "", trail=self.trail[:-1])


def _point(value: str) -> tuple[float, float] | None:
    try:
        lat, lon = (float(part) for part in value.split(","))
    except ValueError:
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def chosen(options: list[dict[str, Any]] | None, value: str) -> str:
    """``value`` when it is one of ``options`` (a territory of the list above), else ''."""
    return value if value and any(o["id"] == value for o in options or []) else ""


async def places(visit: Visit, search: Search) -> tuple[Search, dict[str, Any]]:
    """The territories and categories to choose from; the search without stale choices."""
    data = await visit.run(
        "Territories",
        region=search.region or None,
        province=search.province or None,
        withProvinces=bool(search.region),
        withCommunes=bool(search.region and search.province),
    )
    region = chosen(data["regions"], search.region)
    province = chosen(data.get("provinces"), search.province) if region else ""
    commune = chosen(data.get("communes"), search.commune) if province else ""
    if not province:
        data["communes"] = None
    if not region:
        data["provinces"] = None
    codes = {t["code"] for t in data["taxonomy"]}
    category = search.category if search.category in codes else ""
    cleaned = replace(search, region=region, province=province, commune=commune, category=category)
    return cleaned, data


def actor_filter(search: Search, age: int | None) -> dict[str, Any]:
    where: dict[str, Any] = {}
    if search.q:
        where["search"] = search.q
    territory = search.commune or search.province or search.region
    if territory:
        where["territoryId"] = territory
    if search.axis:
        where["axes"] = [search.axis]
    if search.category:
        where["categoryCodes"] = [search.category]
    if age is not None:
        where["eligibleAge"] = age
    if search.referrals:
        where["acceptsReferrals"] = True
    if search.near:
        lat, lon = search.near
        where["near"] = {"latitude": lat, "longitude": lon, "radiusKm": NEAR_RADIUS_KM}
    return where


def read_age(visit: Visit, search: Search, problems: Problems) -> int | None:
    if not search.age:
        return None
    if search.age.isdigit() and 0 <= int(search.age) <= MAX_AGE:
        return int(search.age)
    problems.add("age", visit._("Enter an age as a whole number, like 18"))
    return None


def markers(edges: list[dict[str, Any]]) -> str:
    """The map's markers, embedded in the page: no second request for them."""
    points = [
        {
            "name": e["node"]["name"],
            "lat": e["node"]["location"]["latitude"],
            "lon": e["node"]["location"]["longitude"],
            "href": f"/actors/{e['node']['id']}",
        }
        for e in edges
        if e["node"]["location"]
    ]
    return actors.as_json(points)


def shapes_parent(search: Search, edges: list[dict[str, Any]]) -> str:
    """Whose children the base layer draws: the place chosen, else the one province
    (or region) every actor found lies in, so that a close view shows its communes;
    else none, the regions."""
    if search.province or search.region:
        return search.province or search.region
    parents = {(e["node"]["territory"]["parent"] or {}).get("id") for e in edges}
    return str(parents.pop() or "") if len(parents) == 1 else ""


@page
async def actor_map(visit: Visit) -> Response:
    problems = Problems()
    try:
        search, territories = await places(visit, Search.of(visit.request.query_params))
        age = read_age(visit, search, problems)
        data = await visit.run(
            "ActorMap",
            filter=actor_filter(search, age),
            orderBy="DISTANCE" if search.near else "NAME",
            first=PAGE_SIZE,
            after=search.after or None,
        )
    except ConsoleError as error:
        if "INVALID_INPUT" in error.codes:  # an address edited by hand: a place, a cursor
            raise Refused(400, visit._("This search address is not right. Start again.")) from error
        raise
    actors = data["actors"]
    end = actors["pageInfo"]["endCursor"]
    previous = search.previous_page()
    has_next = actors["pageInfo"]["hasNextPage"]
    lang = visit.speech.lang
    return await visit.form_page(
        "map.html",
        problems,
        search=search,
        territories=territories,
        actors=actors,
        markers=markers(actors["edges"]),
        shapes_parent=shapes_parent(search, actors["edges"]),
        tiles=visit.settings.map_tiles_url,
        next_url=visit.url("/", **search.next_page(end), lang=lang) if has_next else None,
        previous_url=visit.url("/", **previous, lang=lang) if previous is not None else None,
        first_rank=len(search.trail) * PAGE_SIZE + (PAGE_SIZE if search.after else 0) + 1,
    )


@page
async def shapes(visit: Visit) -> Response:
    """Territory boundaries as GeoJSON for the map's base layer: the regions, or the
    children of ``parent``. The same for everyone, so browsers and proxies may keep it."""
    parent = (visit.request.query_params.get("parent") or "").strip()[:100] or None
    try:
        data = await visit.run(
            "MapShapes",
            parent=parent,
            level=None if parent else "REGION",
            detail="MEDIUM" if parent else "LOW",
        )
    except ConsoleError as error:
        if "INVALID_INPUT" in error.codes:
            return Response(b'{"type":"FeatureCollection","features":[]}', status_code=400)
        raise
    features = [
        {
            "type": "Feature",
            "id": t["id"],
            "properties": {"name": t["name"], "code": t["code"], "level": t["level"]},
            "geometry": t["boundary"],
        }
        for t in data["territories"]
        if t["boundary"]
    ]
    response = Response(
        orjson.dumps({"type": "FeatureCollection", "features": features}),
        media_type="application/geo+json",
        headers={"Cache-Control": "public, max-age=86400"},
    )
    return response


routes = [
    Route("/", actor_map),
    Route("/map/shapes", shapes),
    *actors.routes,
]
