"""The public directory's service filters, compiled to SQL conditions.

The building blocks here (search terms, age) are shared with the
actor filters, which ask whether an actor has a matching active service.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    SQLColumnExpression,
    String,
    and_,
    bindparam,
    exists,
    not_,
    or_,
)

from network.actors.models import Actor
from network.enums import ServiceAxis
from network.errors import InvalidInput
from network.services.models import Service, service_areas
from network.territories.subtree import related_to
from network.text import like_escape, search_terms

MAX_SEARCH = 200
MAX_AGE = 150


def terms_of(search: str | None) -> list[str]:
    """The folded terms of a search; none (no restriction) when it folds to nothing."""
    if search is None:
        return []
    if len(search) > MAX_SEARCH:
        raise InvalidInput(f"search: at most {MAX_SEARCH} characters", field=["filter", "search"])
    return search_terms(search)


def check_age(age: int | None) -> int | None:
    if age is not None and not 0 <= age <= MAX_AGE:
        raise InvalidInput(f"age must be between 0 and {MAX_AGE}", field=["filter", "eligibleAge"])
    return age


def contains(column: SQLColumnExpression[str], term: str) -> ColumnElement[bool]:
    """``column`` holds the folded ``term`` literally (LIKE wildcards escaped).

    The pattern is written into the statement (a literal, quoted by SQLAlchemy), not sent
    as a parameter: PostgreSQL plans a prepared statement for its parameters' values only
    a few times, then keeps a generic plan, and a generic plan cannot know how many rows
    a pattern matches. It took one in 200 for every term, so a word found in most actors
    ("accompagnement") was sorted whole for its first page and its count probed actor by
    actor, about twice the time of its own plan. A literal gives each search its plan."""
    pattern = bindparam(None, f"%{like_escape(term)}%", String, literal_execute=True)
    return column.like(pattern, escape="\\")


def admits_age(age: int) -> ColumnElement[bool]:
    """The service's age range admits ``age``; a missing bound admits everyone."""
    return and_(
        or_(Service.min_age.is_(None), Service.min_age <= age),
        or_(Service.max_age.is_(None), Service.max_age >= age),
    )


def serves_territory(path: str) -> ColumnElement[bool]:
    """The service's area covers the territory at ``path`` or lies under it.

    A service's area is its own list of territories, or its actor's territory when the
    list is empty; one territory of the area that is the given one, one of its
    ancestors, or one under it is enough. Needs ``Actor`` joined to ``Service``.
    """
    has_area = exists().where(service_areas.c.service_id == Service.id)
    area_matches = exists().where(
        service_areas.c.service_id == Service.id, related_to(service_areas.c.territory_id, path)
    )
    return or_(area_matches, and_(not_(has_area), related_to(Actor.territory_id, path)))


def one_of(
    column: SQLColumnExpression[Any], values: Sequence[object] | None
) -> ColumnElement[bool] | None:
    """``column`` is one of ``values``; None or an empty list means no restriction."""
    if not values:
        return None
    return column.in_(list(dict.fromkeys(values)))


@dataclass(frozen=True)
class ServiceFilter:
    """What the public service search asks for; every field narrows the result.

    ``territory_path`` is the subtree path of an existing territory, ``category_ids``
    existing taxonomy terms: the caller resolves them. Empty lists restrict nothing.
    ``accepts_referrals`` means the service and its actor both accept referrals;
    ``has_capacity`` means more than zero places available (False: none or unknown).
    """

    territory_path: str | None = None
    axes: Sequence[ServiceAxis] | None = None
    category_ids: Sequence[int] | None = None
    actor_id: int | None = None
    accepts_referrals: bool | None = None
    search: str | None = None
    eligible_age: int | None = None
    has_capacity: bool | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        """SQL conditions on ``Service`` joined to its ``Actor``."""
        found: list[ColumnElement[bool] | None] = [
            one_of(Service.axis, self.axes),
            one_of(Service.category_id, self.category_ids),
        ]
        age = check_age(self.eligible_age)
        if age is not None:
            found.append(admits_age(age))
        found += [contains(Service.search_text, term) for term in terms_of(self.search)]
        if self.territory_path is not None:
            found.append(serves_territory(self.territory_path))
        if self.actor_id is not None:
            found.append(Service.actor_id == self.actor_id)
        if self.accepts_referrals is not None:
            both = and_(Service.accepts_referrals.is_(True), Actor.accepts_referrals.is_(True))
            found.append(both if self.accepts_referrals else not_(both))
        if self.has_capacity is not None:
            available = and_(
                Service.capacity_available.is_not(None), Service.capacity_available > 0
            )
            found.append(available if self.has_capacity else not_(available))
        return [condition for condition in found if condition is not None]
