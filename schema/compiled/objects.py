"""SQL expressions building the JSON of directory objects: Actor, Service, Territory,
TaxonomyTerm, and the nested connection of an actor's services."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLSchema
from graphql.execution.values import get_argument_values
from sqlalchemy import ColumnElement, and_, case, func, literal, null, or_, select
from sqlalchemy.orm import aliased

from network.actors import repository as actors
from network.actors.models import Actor
from network.enums import ServiceAxis
from network.localized import fallback_chain
from network.services import repository as services
from network.services.models import Service, service_areas
from network.taxonomy.models import TaxonomyTerm
from network.territories.models import Territory
from network.viewer import Viewer
from schema.compiled.selection import Field, Flattener, Unsupported
from schema.compiled.sqljson import Dialect, Expr
from schema.relay import decode_id_cursor, page_size

AXIS_RANK = {axis.value: index for index, axis in enumerate(ServiceAxis)}


class ObjectCompiler:
    """Turns field trees into SQL expressions; raises Unsupported outside its subset."""

    def __init__(
        self,
        *,
        dialect: Dialect,
        flattener: Flattener,
        schema: GraphQLSchema,
        variables: dict[str, Any],
        viewer: Viewer,
    ) -> None:
        self.d = dialect
        self.flat = flattener
        self.schema = schema
        self.variables = variables
        self.viewer = viewer

    def args(self, type_name: str, f: Field) -> dict[str, Any]:
        definition = self.schema.get_type(type_name).fields[f.name]  # type: ignore[union-attr]
        return get_argument_values(definition, f.node, self.variables)

    def fields(self, f: Field, type_name: str) -> list[Field]:
        return self.flat.fields(f.selections, type_name)

    def localized_pick(self, type_name: str, f: Field, column: Any, *, required: bool) -> Expr:
        chain = fallback_chain(self.args(type_name, f).get("lang"), self.viewer.language)
        return self.d.pick(column, chain, literal("") if required else None)

    def localized(self, f: Field, column: Any) -> Expr:
        pairs: list[tuple[str, Expr]] = []
        for sub in self.fields(f, "LocalizedText"):
            if sub.name == "__typename":
                pairs.append((sub.key, literal("LocalizedText")))
            elif sub.name in ("ar", "fr", "en", "zgh"):
                pairs.append((sub.key, self.d.text_of(column, sub.name)))
            else:
                raise Unsupported(sub.name)
        return self.d.obj(pairs)

    def _subobject(self, statement: Any) -> Expr:
        return self.d.embed(statement.scalar_subquery())

    # ------------------------------------------------------------------ reference data

    def territory(self, f: Field, territory_id: Any) -> Expr:
        t = aliased(Territory)
        return self._subobject(select(self.territory_object(f, t)).where(t.id == territory_id))

    def territory_object(self, f: Field, t: Any) -> Expr:
        pairs: list[tuple[str, Expr]] = []
        for sub in self.fields(f, "Territory"):
            name = sub.name
            if name == "__typename":
                value: Expr = literal("Territory")
            elif name == "id":
                value = self.d.gid("Territory", t.id)
            elif name in ("code", "level"):
                value = getattr(t, name)
            elif name == "name":
                value = self.d.pick(
                    t.names,
                    fallback_chain(self.args("Territory", sub).get("lang"), self.viewer.language),
                    t.code,
                )
            elif name == "names":
                value = self.localized(sub, t.names)
            elif name == "parent":
                value = case(
                    (t.parent_id.is_(None), null()), else_=self.territory(sub, t.parent_id)
                )
            elif name == "children":
                c = aliased(Territory)
                rows = (
                    select(self.territory_object(sub, c).label("j"), c.code.label("o"))
                    .where(c.parent_id == t.id)
                    .correlate(t)
                )
                value = self.d.array(rows, "j", ["o"])
            else:
                raise Unsupported(name)
            pairs.append((sub.key, value))
        return self.d.obj(pairs)

    def term(self, f: Field, term_id: Any) -> Expr:
        t = aliased(TaxonomyTerm)
        return self._subobject(select(self.term_object(f, t)).where(t.id == term_id))

    def term_object(self, f: Field, t: Any) -> Expr:
        pairs: list[tuple[str, Expr]] = []
        for sub in self.fields(f, "TaxonomyTerm"):
            name = sub.name
            if name == "__typename":
                value: Expr = literal("TaxonomyTerm")
            elif name == "id":
                value = self.d.gid("TaxonomyTerm", t.id)
            elif name in ("code", "axis"):
                value = getattr(t, name)
            elif name == "name":
                value = self.d.pick(
                    t.names,
                    fallback_chain(
                        self.args("TaxonomyTerm", sub).get("lang"), self.viewer.language
                    ),
                    t.code,
                )
            elif name == "parent":
                value = case((t.parent_id.is_(None), null()), else_=self.term(sub, t.parent_id))
            else:
                raise Unsupported(name)
            pairs.append((sub.key, value))
        return self.d.obj(pairs)

    # ------------------------------------------------------------------ actors

    def actor(self, f: Field, actor_id: Any) -> Expr:
        a = aliased(Actor)
        return self._subobject(select(self.actor_object(f, a)).where(a.id == actor_id))

    def actor_object(self, f: Field, a: Any) -> Expr:
        d = self.d
        pairs: list[tuple[str, Expr]] = []
        for sub in self.fields(f, "Actor"):
            name = sub.name
            if name == "__typename":
                value: Expr = literal("Actor")
            elif name == "id":
                value = d.gid("Actor", a.id)
            elif name == "name":
                value = self.localized_pick("Actor", sub, a.names, required=True)
            elif name == "description":
                value = self.localized_pick("Actor", sub, a.description, required=False)
            elif name == "names":
                value = self.localized(sub, a.names)
            elif name in ("acronym", "kind", "address", "phone", "email", "website"):
                value = getattr(a, name)
            elif name == "territory":
                value = self.territory(sub, a.territory_id)
            elif name == "location":
                value = case(
                    (or_(a.latitude.is_(None), a.longitude.is_(None)), null()),
                    else_=self.geo_point(sub, a),
                )
            elif name == "languages":
                value = d.json_column(a.languages)
            elif name == "acceptsReferrals":
                value = d.boolean(a.accepts_referrals)
            elif name == "active":
                value = d.boolean(a.active)
            elif name == "verifiedAt":
                value = d.iso(a.verified_at)
            elif name == "parent":
                value = case((a.parent_id.is_(None), null()), else_=self.actor(sub, a.parent_id))
            elif name == "units":
                u = aliased(Actor)
                rows = (
                    select(self.actor_object(sub, u).label("j"), u.id.label("o"))
                    .where(u.parent_id == a.id, actors.visible(self.viewer, u))
                    .correlate(a)
                )
                value = d.array(rows, "j", ["o"])
            elif name == "axes":
                sv = aliased(Service)
                rank = case(AXIS_RANK, value=sv.axis)
                rows = (
                    select(sv.axis.label("j"), rank.label("o"))
                    .where(sv.actor_id == a.id, sv.active.is_(True))
                    .distinct()
                    .correlate(a)
                )
                value = d.array(rows, "j", ["o"], scalars=True)
            elif name == "services":
                value = self.actor_services(sub, a)
            else:
                raise Unsupported(name)
            pairs.append((sub.key, value))
        return d.obj(pairs)

    def geo_point(self, f: Field, a: Any) -> Expr:
        pairs: list[tuple[str, Expr]] = []
        for sub in self.fields(f, "GeoPoint"):
            if sub.name == "__typename":
                pairs.append((sub.key, literal("GeoPoint")))
            elif sub.name in ("latitude", "longitude"):
                pairs.append((sub.key, self.d.number(getattr(a, sub.name))))
            else:
                raise Unsupported(sub.name)
        return self.d.obj(pairs)

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

    # ------------------------------------------------------------------ services

    def service_object(self, f: Field, s: Any) -> Expr:
        d = self.d
        pairs: list[tuple[str, Expr]] = []
        for sub in self.fields(f, "Service"):
            name = sub.name
            if name == "__typename":
                value: Expr = literal("Service")
            elif name == "id":
                value = d.gid("Service", s.id)
            elif name == "actor":
                value = self.actor(sub, s.actor_id)
            elif name == "name":
                value = self.localized_pick("Service", sub, s.names, required=True)
            elif name == "description":
                value = self.localized_pick("Service", sub, s.description, required=False)
            elif name == "names":
                value = self.localized(sub, s.names)
            elif name == "axis":
                value = s.axis
            elif name == "responseDays":
                value = s.response_days
            elif name == "category":
                value = case((s.category_id.is_(None), null()), else_=self.term(sub, s.category_id))
            elif name == "eligibility":
                value = self.eligibility(sub, s)
            elif name == "capacity":
                value = case(
                    (and_(s.capacity_available.is_(None), s.capacity_total.is_(None)), null()),
                    else_=self.capacity(sub, s),
                )
            elif name == "serviceArea":
                t = aliased(Territory)
                rows = (
                    select(self.territory_object(sub, t).label("j"), t.id.label("o"))
                    .join(service_areas, service_areas.c.territory_id == t.id)
                    .where(service_areas.c.service_id == s.id)
                    .correlate(s)
                )
                value = d.array(rows, "j", ["o"])
            elif name == "acceptsReferrals":
                value = d.boolean(s.accepts_referrals)
            elif name == "active":
                value = d.boolean(s.active)
            else:
                raise Unsupported(name)
            pairs.append((sub.key, value))
        return d.obj(pairs)

    def eligibility(self, f: Field, s: Any) -> Expr:
        pairs: list[tuple[str, Expr]] = []
        for sub in self.fields(f, "Eligibility"):
            name = sub.name
            if name == "__typename":
                value: Expr = literal("Eligibility")
            elif name == "minAge":
                value = s.min_age
            elif name == "maxAge":
                value = s.max_age
            elif name == "genders":
                value = self.d.json_column(s.genders)
            elif name == "requirements":
                value = self.localized_pick("Eligibility", sub, s.requirements, required=False)
            else:
                raise Unsupported(name)
            pairs.append((sub.key, value))
        return self.d.obj(pairs)

    def capacity(self, f: Field, s: Any) -> Expr:
        pairs: list[tuple[str, Expr]] = []
        for sub in self.fields(f, "Capacity"):
            name = sub.name
            if name == "__typename":
                value: Expr = literal("Capacity")
            elif name == "available":
                value = s.capacity_available
            elif name == "total":
                value = s.capacity_total
            elif name == "updatedAt":
                value = self.d.iso(s.capacity_updated_at)
            else:
                raise Unsupported(name)
            pairs.append((sub.key, value))
        return self.d.obj(pairs)

    # ------------------------------------------------------------------ connections

    def connection(
        self,
        f: Field,
        type_name: str,
        edge_type: str,
        *,
        node: Any,
        source: Any,
        key: Any,
        where: list[Any],
        count_where: list[Any],
        first: int,
        has_previous: bool,
        outer: Any,
    ) -> Expr:
        """A creation-order connection over ``source`` rows of the ``outer`` row."""
        d = self.d
        page = select(key.label("pk")).where(*where).order_by(key).limit(first).correlate(outer)
        ahead = select(key).where(*where).order_by(key).limit(first + 1).correlate(outer).subquery()
        pairs: list[tuple[str, Expr]] = []
        for sub in self.fields(f, type_name):
            name = sub.name
            if name == "__typename":
                value: Expr = literal(type_name)
            elif name == "totalCount":
                value = (
                    select(func.count()).select_from(source).where(*count_where).scalar_subquery()
                )
            elif name == "edges":
                value = d.array(
                    select(
                        self.edge(sub, edge_type, node, d.cursor([key])).label("j"), key.label("o")
                    )
                    .where(*where)
                    .order_by(key)
                    .limit(first)
                    .correlate(outer),
                    "j",
                    ["o"],
                )
            elif name == "nodes":
                value = d.array(
                    select(node(sub).label("j"), key.label("o"))
                    .where(*where)
                    .order_by(key)
                    .limit(first)
                    .correlate(outer),
                    "j",
                    ["o"],
                )
            elif name == "pageInfo":
                window = page.subquery()
                value = self.page_info(
                    sub,
                    has_next=select(func.count()).select_from(ahead).scalar_subquery() > first,
                    has_previous=has_previous,
                    start=select(d.cursor([window.c.pk])).order_by(window.c.pk).limit(1),
                    end=select(d.cursor([window.c.pk])).order_by(window.c.pk.desc()).limit(1),
                )
            else:
                raise Unsupported(name)
            pairs.append((sub.key, value))
        return d.obj(pairs)

    def edge(
        self, f: Field, edge_type: str, node: Any, cursor: Expr, distance: Expr | None = None
    ) -> Expr:
        pairs: list[tuple[str, Expr]] = []
        for sub in self.fields(f, edge_type):
            if sub.name == "__typename":
                pairs.append((sub.key, literal(edge_type)))
            elif sub.name == "cursor":
                pairs.append((sub.key, cursor))
            elif sub.name == "node":
                pairs.append((sub.key, node(sub)))
            elif sub.name == "distanceKm" and edge_type == "ActorEdge":
                pairs.append((sub.key, null() if distance is None else self.d.number(distance)))
            else:
                raise Unsupported(sub.name)
        return self.d.obj(pairs)

    def page_info(
        self, f: Field, *, has_next: Any, has_previous: bool, start: Any, end: Any
    ) -> Expr:
        """``start``/``end``: statements selecting the first and last cursor of the page."""
        pairs: list[tuple[str, Expr]] = []
        for sub in self.fields(f, "PageInfo"):
            name = sub.name
            if name == "__typename":
                value: Expr = literal("PageInfo")
            elif name == "hasNextPage":
                value = self.d.boolean(has_next)
            elif name == "hasPreviousPage":
                value = self.d.const_bool(has_previous)
            elif name == "startCursor":
                value = start.scalar_subquery()
            elif name == "endCursor":
                value = end.scalar_subquery()
            else:
                raise Unsupported(name)
            pairs.append((sub.key, value))
        return self.d.obj(pairs)
