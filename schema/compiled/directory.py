"""Actors and services as JSON built in SQL, with the visibility of their repositories."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, case, null, or_, select
from sqlalchemy.orm import aliased

from network.actors import repository as actors
from network.actors.fields import LOCALIZED as ACTOR_LOCALIZED
from network.actors.fields import PLAIN as ACTOR_FIELDS
from network.actors.models import Actor
from network.enums import AXIS_ORDER
from network.services import repository as services
from network.services.fields import PLAIN as SERVICE_FIELDS
from network.services.models import Service, service_areas
from network.territories.models import Territory
from schema.compiled.objects import ObjectCompiler
from schema.compiled.selection import Field
from schema.compiled.sqljson import Expr
from schema.fields import compiled as plain_fields
from schema.fields import compiled_localized
from schema.relay import decode_id_cursor, page_size

# The SQL twin of AXIS_ORDER, which the resolvers sort by.
AXIS_RANK = {axis.value: rank for axis, rank in AXIS_ORDER.items()}


class DirectoryCompiler(ObjectCompiler):
    def actor(self, f: Field, actor_id: Any) -> Expr:
        a = aliased(Actor)
        return self.subobject(select(self.actor_object(f, a)).where(a.id == actor_id))

    def actor_object(self, f: Field, a: Any) -> Expr:
        d = self.d

        def units(sub: Field) -> Expr:
            u = aliased(Actor)
            rows = (
                select(self.actor_object(sub, u).label("j"), u.id.label("o"))
                .where(u.parent_id == a.id, actors.visible(self.viewer, u))
                .correlate(a)
            )
            return d.array(rows, "j", ["o"])

        def axes(_: Field) -> Expr:
            sv = aliased(Service)
            rows = (
                select(sv.axis.label("j"), case(AXIS_RANK, value=sv.axis).label("o"))
                .where(sv.actor_id == a.id, sv.active.is_(True))
                .distinct()
                .correlate(a)
            )
            return d.array(rows, "j", ["o"], scalars=True)

        def location(sub: Field) -> Expr:
            point = self.build(
                sub,
                "GeoPoint",
                {
                    "latitude": lambda _: d.number(a.latitude),
                    "longitude": lambda _: d.number(a.longitude),
                },
            )
            return case((or_(a.latitude.is_(None), a.longitude.is_(None)), null()), else_=point)

        return self.build(
            f,
            "Actor",
            {
                **plain_fields(ACTOR_FIELDS, d, a),
                "id": lambda _: d.gid("Actor", a.id),
                **compiled_localized(ACTOR_LOCALIZED, self, "Actor", a),
                "territory": lambda sub: self.territory(sub, a.territory_id),
                "location": location,
                "parent": lambda sub: self.optional(a.parent_id, self.actor(sub, a.parent_id)),
                "units": units,
                "axes": axes,
                "services": lambda sub: self.actor_services(sub, a),
            },
        )

    def actor_services(self, f: Field, a: Any) -> Expr:
        """One actor's services, paged per parent in creation order."""
        arguments = self.args("Actor", f)
        first = page_size(arguments.get("first"))
        after_id = decode_id_cursor(arguments.get("after"))
        axis = arguments.get("axis")
        s = aliased(Service)
        conditions: list[ColumnElement[bool]] = [
            s.actor_id == a.id,
            services.visible(self.viewer, s),
        ]
        if axis is not None:
            conditions.append(s.axis == axis)
        paged = [*conditions, s.id > after_id] if after_id is not None else conditions
        return self.connection(
            f,
            "ServiceConnection",
            "ServiceEdge",
            node=lambda node_field: self.service_object(node_field, s),
            source=s,
            key=s.id,
            where=paged,
            count_where=conditions,
            first=first,
            has_previous=after_id is not None,
            outer=a,
        )

    def service_object(self, f: Field, s: Any) -> Expr:
        d = self.d

        def service_area(sub: Field) -> Expr:
            t = aliased(Territory)
            rows = (
                select(self.territory_object(sub, t).label("j"), t.id.label("o"))
                .join(service_areas, service_areas.c.territory_id == t.id)
                .where(service_areas.c.service_id == s.id)
                .correlate(s)
            )
            return d.array(rows, "j", ["o"])

        def eligibility(sub: Field) -> Expr:
            return self.build(
                sub,
                "Eligibility",
                {
                    "minAge": lambda _: s.min_age,
                    "maxAge": lambda _: s.max_age,
                    "genders": lambda _: d.json_column(s.genders),
                    "requirements": lambda req: self.localized_pick(
                        "Eligibility", req, s.requirements, default=None
                    ),
                },
            )

        def capacity(sub: Field) -> Expr:
            known = self.build(
                sub,
                "Capacity",
                {
                    "available": lambda _: s.capacity_available,
                    "total": lambda _: s.capacity_total,
                    "updatedAt": lambda _: d.iso(s.capacity_updated_at),
                },
            )
            unknown = and_(s.capacity_available.is_(None), s.capacity_total.is_(None))
            return case((unknown, null()), else_=known)

        return self.build(
            f,
            "Service",
            {
                **plain_fields(SERVICE_FIELDS, d, s),
                "id": lambda _: d.gid("Service", s.id),
                "actor": lambda sub: self.actor(sub, s.actor_id),
                "name": lambda sub: self.localized_pick("Service", sub, s.names, default=""),
                "description": lambda sub: self.localized_pick(
                    "Service", sub, s.description, default=None
                ),
                "names": lambda sub: self.localized(sub, s.names),
                "category": lambda sub: self.optional(s.category_id, self.term(sub, s.category_id)),
                "eligibility": eligibility,
                "capacity": capacity,
                "serviceArea": service_area,
            },
        )
