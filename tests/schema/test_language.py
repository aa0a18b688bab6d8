"""The language a request reads: ``lang`` arguments, else Accept-Language, else the
user's language, else Arabic; NAME order follows it, on the resolver path (GET) and the
compiled path (POST) alike."""

from __future__ import annotations

import json
from typing import Any

import pytest

from network.enums import Language
from network.seed.users import DEMO_PASSWORD
from network.text import sort_key
from schema.language import accepted
from tests.api import Api
from tests.schema.connections import global_ids

CARE = {"kinds": ["CARE_INSTITUTION"]}
ARABIC_ORDER = [20, 36, 53, 47, 68, 1, 2, 28, 60]
FRENCH_ORDER = [60, 36, 20, 47, 1, 2, 53, 68, 28]
MAP = """query($filter: ActorFilter, $lang: Language) {
  actors(filter: $filter, orderBy: NAME, first: 20, lang: $lang) {
    nodes { id name services(first: 1) { nodes { category { name } } } }
  }
}"""


def ids(*pks: int) -> list[str]:
    return global_ids("Actor", *pks)


def in_reading_order(nodes: list[dict[str, Any]]) -> bool:
    """The names shown are sorted, with the folding of the sort keys."""
    keys = [sort_key(n["name"]) for n in nodes]
    return keys == sorted(keys)


async def read(
    api: Api, *, language: str | None = None, get: bool = False, **variables: Any
) -> list[dict[str, Any]]:
    headers = {"accept-language": language} if language else {}
    body = {"query": MAP, "variables": {"filter": CARE, **variables}}
    if get:
        headers["accept"] = "application/json"
        params = {"query": MAP, "variables": json.dumps(body["variables"])}
        response = await api.client.get("/graphql", params=params, headers=headers)
    else:
        response = await api.client.post("/graphql", json=body, headers=headers)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert not answer.get("errors"), answer
    return answer["data"]["actors"]["nodes"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("get", [False, True], ids=["compiled", "resolvers"])
async def test_a_french_browser_reads_french_sorted_the_french_way(
    demo_api: Api, get: bool
) -> None:
    # when
    nodes = await read(demo_api, language="fr-FR,fr;q=0.9,en;q=0.5", get=get)
    # then
    assert [n["id"] for n in nodes] == ids(*FRENCH_ORDER)
    assert nodes[0]["name"].startswith("Établissement")
    assert in_reading_order(nodes)
    category = nodes[0]["services"]["nodes"][0]["category"]["name"]
    assert category.isascii() or "é" in category  # French, not Arabic script
    names = [n["name"] for n in nodes]
    assert not any("\u0600" <= ch <= "\u06ff" for name in names for ch in name)


@pytest.mark.parametrize("get", [False, True], ids=["compiled", "resolvers"])
async def test_without_any_language_arabic_is_read(demo_api: Api, get: bool) -> None:
    # when
    nodes = await read(demo_api, get=get)
    # then
    assert [n["id"] for n in nodes] == ids(*ARABIC_ORDER)
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in n["name"]) for n in nodes)
    assert in_reading_order(nodes)


async def test_both_paths_answer_alike_for_each_language(demo_api: Api) -> None:
    for language in ("ar", "fr", "en-GB", "zgh", None):
        compiled = await read(demo_api, language=language)
        resolvers = await read(demo_api, language=language, get=True)
        assert compiled == resolvers, language


async def test_the_cached_answer_of_one_language_is_not_served_to_another(
    demo_api: Api,
) -> None:
    # given a French answer, kept by the response cache
    french = await read(demo_api, language="fr")
    # when the same query comes in Arabic
    arabic = await read(demo_api, language="ar")
    # then
    assert [n["id"] for n in arabic] == ids(*ARABIC_ORDER)
    assert french != arabic


async def test_the_lang_argument_orders_whatever_the_header(demo_api: Api) -> None:
    # when
    nodes = await read(demo_api, language="ar", lang="FR")
    # then
    assert [n["id"] for n in nodes] == ids(*FRENCH_ORDER)


async def test_accept_language_comes_before_the_users_language(api: Api) -> None:
    # given a French-reading user
    token = await api.login("admin@jisr.example.ma", DEMO_PASSWORD)
    query = (
        "{ me { language } actors(filter: {kinds: [CARE_INSTITUTION]}, orderBy: NAME)"
        " { nodes { id } } }"
    )
    # when they ask without, then with, an Arabic Accept-Language
    own = await api.client.post(
        "/graphql", json={"query": query}, headers={"authorization": f"Bearer {token}"}
    )
    arabic = await api.client.post(
        "/graphql",
        json={"query": query},
        headers={"authorization": f"Bearer {token}", "accept-language": "ar-MA"},
    )
    # then
    assert own.json()["data"]["me"]["language"] == "FR"
    assert [n["id"] for n in own.json()["data"]["actors"]["nodes"]] == ids(*FRENCH_ORDER)
    assert [n["id"] for n in arabic.json()["data"]["actors"]["nodes"]] == ids(*ARABIC_ORDER)


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("fr-FR,fr;q=0.9,en-US;q=0.8", Language.FR),
        ("de-DE, en;q=0.7, ar;q=0.9", Language.AR),
        ("zgh", Language.ZGH),
        ("en-GB", Language.EN),
        ("de, *;q=0.5", None),
        ("fr;q=0, en;q=0.1", Language.EN),
        ("fr;q=abc, ar", Language.AR),
        ("", None),
    ],
)
def test_accept_language_is_read_by_quality(header: str, language: Language | None) -> None:
    assert accepted(header) == language
