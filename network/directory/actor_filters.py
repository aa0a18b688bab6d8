"""The public actor map's filters and orders, compiled to SQL.

Orders are keysets: a page starts strictly after the sort values of the last row seen
(always ending with the id), so rows inserted meanwhile never shift a page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import auto
from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, or_, select, tuple_

from network.actors.geo import bounding_box, distance_from
from network.actors.models import Actor
from network.actors.search_index import actor_search
from network.enums import ActorKind, Language, NamedEnum, ServiceAxis
from network.errors import InvalidInput
from network.services.filters import admits_age, check_age, contains, one_of, terms_of
from network.services.models import Service
from network.territories.subtree import in_subtree

MAX_RADIUS_KM = 1000.0


class ActorOrder(NamedEnum):
    CREATED = auto()
    NAME = auto()
    DISTANCE = auto()
    RECENTLY_VERIFIED = auto()


def _invalid(message: str, *path: str) -> InvalidInput:
    return InvalidInput(message, field=["filter", *path])


@dataclass(frozen=True)
class GeoRadius:
    """A circle on the map; validated on creation."""

    latitude: float
    longitude: float
    radius_km: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.latitude) and -90 <= self.latitude <= 90):
            raise _invalid("latitude must be between -90 and 90", "near", "latitude")
        if not (math.isfinite(self.longitude) and -180 <= self.longitude <= 180):
            raise _invalid("longitude must be between -180 and 180", "near", "longitude")
        if not (math.isfinite(self.radius_km) and 0 < self.radius_km <= MAX_RADIUS_KM):
            raise _invalid(
                f"radiusKm must be above 0 and at most {MAX_RADIUS_KM:g}", "near", "radiusKm"
            )

    def distance(self) -> ColumnElement[float]:
        return distance_from(
            Actor.latitude, Actor.longitude, to_latitude=self.latitude, to_longitude=self.longitude
        )

    def contains_actor(self) -> ColumnElement[bool]:
        box = bounding_box(
            Actor.latitude,
            Actor.longitude,
            center_latitude=self.latitude,
            center_longitude=self.longitude,
            radius_km=self.radius_km,
        )
        return and_(box, self.distance() <= self.radius_km)


def _has_active_service(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    """The actor has an active service meeting ``conditions``: a set of actor ids computed
    once (hashed) rather than probed per actor, which is what a search over many actors
    needs; ``ix_services_active_axis_actor`` answers the axis filter from the index."""
    return Actor.id.in_(select(Service.actor_id).where(Service.active, *conditions))


def _matches(terms: Sequence[str]) -> ColumnElement[bool]:
    """Each term is in the actor's own text or in one of its active services' texts: in
    its ``actor_search`` document, which holds them all."""
    text = actor_search.c.text
    return Actor.id.in_(
        select(actor_search.c.actor_id).where(*(contains(text, term) for term in terms))
    )


@dataclass(frozen=True)
class ActorFilter:
    """What the actor map asks for; every field narrows the result.

    ``territory_path`` is the path of an existing territory and ``category_ids`` are
    existing taxonomy terms: the caller resolves them. Empty lists restrict nothing.
    Axes, categories and ages are matched by the actor's own active services; each
    search term must appear in the actor's names, acronym or descriptions, or in one of
    its active services' names or descriptions.
    """

    territory_path: str | None = None
    kinds: Sequence[ActorKind] | None = None
    axes: Sequence[ServiceAxis] | None = None
    category_ids: Sequence[int] | None = None
    accepts_referrals: bool | None = None
    search: str | None = None
    near: GeoRadius | None = None
    eligible_age: int | None = None
    verified_since: datetime | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool] | None] = [one_of(Actor.kind, self.kinds)]
        if self.territory_path is not None:
            found.append(in_subtree(Actor.territory_id, self.territory_path))
        axes = one_of(Service.axis, self.axes)
        if axes is not None:
            found.append(_has_active_service(axes))
        categories = one_of(Service.category_id, self.category_ids)
        if categories is not None:
            found.append(_has_active_service(categories))
        if self.accepts_referrals is not None:
            found.append(Actor.accepts_referrals.is_(self.accepts_referrals))
        terms = terms_of(self.search)
        if terms:
            found.append(_matches(terms))
        if self.near is not None:
            found.append(self.near.contains_actor())
        age = check_age(self.eligible_age)
        if age is not None:
            found.append(_has_active_service(admits_age(age)))
        if self.verified_since is not None:
            found.append(Actor.verified_at >= self.verified_since)
        return [condition for condition in found if condition is not None]


def name_key(language: Language | None) -> str:
    """The NAME sort column for a reader: Arabic for AR, ZGH and anonymous, else French."""
    return "sort_fr" if language in (Language.FR, Language.EN) else "sort_ar"


@dataclass(frozen=True)
class Keyset:
    """One order of the actor map: its sort expression, and where a page resumes."""

    order: ActorOrder
    key: SQLColumnExpression[Any]
    name_column: str = "sort_ar"

    @classmethod
    def of(cls, order: ActorOrder, *, language: Language | None, near: GeoRadius | None) -> Keyset:
        if order is ActorOrder.DISTANCE:
            if near is None:
                raise InvalidInput("DISTANCE order needs the near filter", field=["orderBy"])
            return cls(order, near.distance())
        if order is ActorOrder.NAME:
            column = name_key(language)
            return cls(order, getattr(Actor, column), column)
        return cls(order, Actor.verified_at if order is ActorOrder.RECENTLY_VERIFIED else Actor.id)

    @property
    def arity(self) -> int:
        """How many values a cursor of this order holds."""
        return 1 if self.order is ActorOrder.CREATED else 2

    def columns(self) -> list[SQLColumnExpression[Any]]:
        """What a cursor holds, in SQL: the sort key (unless CREATED) then the id;
        ``position`` computes the same of a loaded row."""
        return [Actor.id] if self.order is ActorOrder.CREATED else [self.key, Actor.id]

    def order_by(self) -> list[SQLColumnExpression[Any]]:
        if self.order is ActorOrder.CREATED:
            return [Actor.id]
        if self.order is ActorOrder.RECENTLY_VERIFIED:
            return [self.key.desc().nulls_last(), Actor.id]
        return [self.key, Actor.id]

    def position(self, row: Actor, distance: float | None) -> list[Any]:
        """The cursor values of a row: its sort value (unless CREATED) then its id."""
        if self.order is ActorOrder.CREATED:
            return [row.id]
        if self.order is ActorOrder.DISTANCE:
            return [distance, row.id]
        if self.order is ActorOrder.RECENTLY_VERIFIED:
            return [row.verified_at.isoformat() if row.verified_at else None, row.id]
        return [getattr(row, self.name_column), row.id]

    def after(self, values: Sequence[Any]) -> ColumnElement[bool]:
        """Rows strictly after the position ``values`` (``arity`` of them); InvalidInput
        when they are not a position of this order."""
        *sort_values, last = values
        if not _is_int(last) or len(sort_values) != self.arity - 1:
            raise _bad_cursor()
        last_id = int(last)
        if self.order is ActorOrder.CREATED:
            return Actor.id > last_id
        value = sort_values[0]
        if self.order is ActorOrder.RECENTLY_VERIFIED:
            return _after_verified(value, last_id)
        valid = _is_number(value) if self.order is ActorOrder.DISTANCE else isinstance(value, str)
        if not valid:
            raise _bad_cursor()
        return tuple_(self.key, Actor.id) > tuple_(value, last_id)


def _after_verified(value: Any, last_id: int) -> ColumnElement[bool]:
    """Verified most recently first, never-verified last, ties by id."""
    if value is None:
        return and_(Actor.verified_at.is_(None), Actor.id > last_id)
    if not isinstance(value, str):
        raise _bad_cursor()
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise _bad_cursor() from None
    if at.tzinfo is None:
        raise _bad_cursor()
    return or_(
        Actor.verified_at < at,
        and_(Actor.verified_at == at, Actor.id > last_id),
        Actor.verified_at.is_(None),
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return _is_int(value) or (isinstance(value, float) and math.isfinite(value))


def _bad_cursor() -> InvalidInput:
    return InvalidInput("malformed cursor", field=["after"])
