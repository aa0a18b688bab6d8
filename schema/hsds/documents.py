"""``/hsds/``, ``/hsds/openapi.json`` and ``/hsds/profile/``: what the read API is.

The OpenAPI document is the official one (``network/hsds/official/openapi.json``) with
this server's address; the profile's schemas and data package are the shipped ones.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from network.hsds.package import descriptor
from network.hsds.tables import OFFICIAL, PROFILE_TABLES, profile_schema
from network.hsds.vocabulary import HSDS_PROFILE, HSDS_VERSION


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/") + "/hsds"


@cache
def _openapi() -> dict[str, Any]:
    return orjson.loads((OFFICIAL / "openapi.json").read_bytes())  # type: ignore[no-any-return]


async def about(request: Request) -> Response:
    base = _base(request)
    return JSONResponse(
        {
            "version": HSDS_VERSION,
            "profile": HSDS_PROFILE,
            "openapi_url": f"{base}/openapi.json",
            "profile_url": f"{base}/profile/",
            "description": "Jisr: the actor map and basket of services of a leaving-care network.",
        }
    )


async def openapi(request: Request) -> Response:
    document = copy.deepcopy(_openapi())
    document["servers"] = [{"url": _base(request), "description": "Jisr's HSDS read API"}]
    return JSONResponse(document)


async def profile_index(request: Request) -> Response:
    base = _base(request)
    return JSONResponse(
        {
            "profile": HSDS_PROFILE,
            "hsds_version": HSDS_VERSION,
            "datapackage": f"{base}/profile/datapackage.json",
            "schemas": {name: f"{base}/profile/{name}.json" for name in PROFILE_TABLES},
        }
    )


async def profile_document(request: Request) -> Response:
    name = request.path_params["name"]
    if name == "datapackage":
        return JSONResponse(descriptor())
    if name not in PROFILE_TABLES:
        return JSONResponse({"error": "no such profile schema"}, status_code=404)
    return JSONResponse(profile_schema(name))
