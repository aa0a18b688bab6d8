"""The public pages of one actor (its units, contacts, languages, basket of services by
axis, last verified) and of one service (eligibility, capacity, response time, area),
each with a small map: the actor's place, the service's area."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import Response
from starlette.routing import Route

from web.client import ConsoleError
from web.labels import axis_names
from web.visit import Refused, Visit, page

NAME_LANGUAGES = {"ar": "AR", "fr": "FR", "en": "EN", "zgh": "ZGH"}


def as_json(value: Any) -> str:
    """JSON safe inside <script type="application/json">: no "</" can close it."""
    return orjson.dumps(value).decode().replace("</", "<\\/")


async def node(visit: Visit, operation: str) -> dict[str, Any]:
    """The node of ``operation`` (an Actor or a Service), or the 404 page."""
    missing = Refused(404, visit._("This page does not exist."))
    try:
        data = await visit.run(operation, id=visit.request.path_params["id"])
    except ConsoleError as error:
        if "INVALID_INPUT" in error.codes:  # a malformed id is a page that does not exist
            raise missing from error
        raise
    found = data["node"]
    if not found or "id" not in found:  # none, or a node of another type
        raise missing
    return dict(found)


def other_names(names: dict[str, str | None], shown: str) -> list[dict[str, str]]:
    """The actor's names in the other languages, each with its language tag."""
    return [
        {"lang": lang, "name": text}
        for lang, text in names.items()
        if text and text != shown and lang in NAME_LANGUAGES
    ]


def point(location: dict[str, float] | None, name: str, href: str) -> str:
    points = []
    if location:
        points.append(
            {"name": name, "lat": location["latitude"], "lon": location["longitude"], "href": href}
        )
    return as_json(points)


def shapes(territories: list[dict[str, Any]]) -> str:
    features = [
        {"type": "Feature", "properties": {"name": t["name"]}, "geometry": t["boundary"]}
        for t in territories
        if t.get("boundary")
    ]
    return as_json({"type": "FeatureCollection", "features": features})


@page
async def actor(visit: Visit) -> Response:
    found = await node(visit, "ActorPage")
    basket: dict[str, list[dict[str, Any]]] = {axis: [] for axis in axis_names}
    for service in found["services"]["nodes"]:
        basket.setdefault(service["axis"], []).append(service)
    href = f"/actors/{found['id']}"
    return await visit.page(
        "actor.html",
        actor=found,
        other_names=other_names(found["names"], found["name"]),
        basket={axis: services for axis, services in basket.items() if services},
        markers=point(found["location"], found["name"], href),
        area=shapes([found["territory"]]),
        tiles=visit.settings.map_tiles_url,
    )


@page
async def service(visit: Visit) -> Response:
    found = await node(visit, "ServicePage")
    owner = found["actor"]
    area = found["serviceArea"] or [owner["territory"]]  # no area: its actor's territory
    return await visit.page(
        "service.html",
        service=found,
        other_names=other_names(found["names"], found["name"]),
        area_names=[t["name"] for t in area],
        own_area=not found["serviceArea"],
        markers=point(owner["location"], owner["name"], f"/actors/{owner['id']}"),
        area=shapes(area),
        tiles=visit.settings.map_tiles_url,
    )


routes = [
    Route("/actors/{id}", actor),
    Route("/services/{id}", service),
]
