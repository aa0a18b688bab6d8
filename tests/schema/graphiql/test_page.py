"""GraphiQL's page names only files Jisr serves itself, each pinned and licensed."""

from __future__ import annotations

import json
import re
from pathlib import Path

from schema import graphiql
from tests.api import Api

FOLDER = Path(graphiql.__file__).parent
HTML = {"accept": "text/html"}


async def test_the_page_is_served_at_graphql_to_a_browser(demo_api: Api) -> None:
    # when
    response = await demo_api.client.get("/graphql", headers=HTML)
    # then
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "Jisr · GraphiQL" in response.text


async def test_every_file_the_page_names_is_local_and_served(demo_api: Api) -> None:
    # given
    page = (await demo_api.client.get("/graphql", headers=HTML)).text
    # when
    names = re.findall(r'(?:src|href)="([^"]+)"', page)
    # then
    assert names, "the page loads its scripts and styles"
    for name in names:
        if name.startswith("data:"):
            continue
        assert not re.match(r"^(https?:)?//", name), f"{name} is not served by Jisr"
        response = await demo_api.client.get("/" + name)
        assert response.status_code == 200, name
        assert len(response.content) > 100, name
    assert not re.search(r"https?://(?!www\.w3\.org)", page)


async def test_the_big_files_are_compressed_for_clients_that_accept_it(demo_api: Api) -> None:
    # when
    response = await demo_api.client.get(
        "/graphiql/graphiql.min.js", headers={"accept-encoding": "gzip"}
    )
    # then
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"


def test_every_vendored_package_is_pinned_and_its_licence_shipped() -> None:
    # given
    manifest = json.loads((FOLDER / "package.json").read_text())
    lock = json.loads((FOLDER / "package-lock.json").read_text())
    licences = (FOLDER / "assets" / "LICENSES.txt").read_text()
    # then
    for name, version in manifest["dependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is not pinned: {version}"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
        assert f"{name}@{version} (MIT)" in licences
    assert "Copyright (c) Facebook, Inc. and its affiliates." in licences  # texts, not names
