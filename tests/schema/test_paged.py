"""``paged``: a resolver's ``paging`` parameter is served as ``first`` and ``after``."""

from __future__ import annotations

import asyncio
import inspect

import pytest

from network.errors import InvalidInput
from schema.relay import DEFAULT_PAGE, Paging, encode_cursor, paged


async def _listing(
    root: object, kind: str | None = None, *, paging: Paging, lang: str | None = None
) -> tuple[str | None, Paging, str | None]:
    return kind, paging, lang


def test_first_and_after_take_the_place_of_paging() -> None:
    parameters = inspect.signature(paged(_listing)).parameters
    assert list(parameters) == ["root", "kind", "first", "after", "lang"]
    assert parameters["first"].annotation == int | None
    assert parameters["after"].annotation == str | None
    assert parameters["first"].default is None
    assert parameters["after"].default is None


def test_the_resolver_is_given_the_arguments_as_one_paging() -> None:
    resolve = paged(_listing)
    assert asyncio.run(resolve(None, "a", first=5, after="c", lang="fr")) == (
        "a",
        Paging(5, "c"),
        "fr",
    )
    assert asyncio.run(resolve(None)) == (None, Paging(None, None), None)


def test_paging_checks_its_arguments_when_read() -> None:
    assert Paging().size() == DEFAULT_PAGE
    assert Paging(7, encode_cursor([42])).after_id() == 42
    too_many = Paging(first=101)
    with pytest.raises(InvalidInput):
        too_many.size()
    with pytest.raises(InvalidInput):
        Paging(after="not a cursor").after_id()
