"""``listed``: a root list's ``listing`` parameter is served as ``filter``, ``first``
and ``after``, and given back to the resolver as one ``Listing``."""

from __future__ import annotations

import strawberry

from schema.listing import Listing, listed
from schema.relay import Paging


@strawberry.input
class KindFilter:
    kind: str | None = None


@strawberry.type
class Query:
    @listed(description="What was given.")
    async def things(self, listing: Listing[KindFilter], lang: str | None = None) -> str:
        given = listing.filter.kind if listing.filter else None
        return f"{given} {listing.paging.first} {listing.paging.after} {lang}"


SCHEMA = strawberry.Schema(query=Query)


def test_the_field_takes_filter_first_and_after_in_the_place_of_listing() -> None:
    assert (
        '  """What was given."""\n'
        "  things(filter: KindFilter = null, first: Int = null, after: String = null,"
        " lang: String = null): String!"
    ) in SCHEMA.as_str()


async def test_the_resolver_is_given_one_listing_of_the_arguments() -> None:
    given = await SCHEMA.execute(
        '{ things(filter: {kind: "a"}, first: 5, after: "c", lang: "fr") }'
    )
    assert given.errors is None
    assert given.data == {"things": "a 5 c fr"}
    bare = await SCHEMA.execute("{ things }")
    assert bare.errors is None
    assert bare.data == {"things": "None None None None"}


def test_a_listing_holds_the_filter_and_the_paging_as_given() -> None:
    listing = Listing(KindFilter(kind="x"), Paging(3, None))
    assert listing.filter == KindFilter(kind="x")
    assert listing.paging.size() == 3
