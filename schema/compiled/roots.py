"""The root fields of the compiled subset: actors, services, territories, taxonomy, node."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, Text, func, literal, null, select, type_coerce
from sqlalchemy.orm import QueryableAttribute, aliased
from strawberry.types.arguments import convert_arguments

from network.actors import repository as actors
from network.actors.models import Actor
from network.database import UtcDateTime
from network.directory import actor_filters
from network.enums import TerritoryLevel
from network.errors import InvalidInput
from network.ids import from_global_id, pk_of
from network.services import filters as service_filters
from network.services import repository as services
from network.services.models import Service
from network.taxonomy.models import TaxonomyTerm
from network.territories.models import Territory
from schema.compiled.directory import DirectoryCompiler
from schema.compiled.selection import Field, Unsupported
from schema.compiled.sqljson import Expr
from schema.reference import Reference
from schema.relay import MAX_NODES, decode_cursor, decode_id_cursor, page_size


class RootCompiler(DirectoryCompiler):
    """One SQL statement per root field, selecting that field's JSON as text."""

    strawberry_schema: Any
    reference: Reference

    def statement(self, f: Field) -> Select[Any]:
        builder = {
            "actors": self.actors,
            "services": self.services,
            "territories": self.territories,
            "taxonomy": self.taxonomy,
            "node": self.node,
            "nodes": self.nodes,
        }.get(f.name)
        if builder is None:
            raise Unsupported(f.name)
        return select(type_coerce(builder(f), Text))

    def converted(self, f: Field) -> dict[str, Any]:
        """Root arguments converted as strawberry would: input objects, enums, defaults."""
        field = self.strawberry_schema.get_field_for_type(field_name=f.name, type_name="Query")
        return convert_arguments(
            self.args("Query", f),
            field.arguments,
            scalar_registry=self.strawberry_schema.schema_converter.scalar_registry,
            config=self.strawberry_schema.config,
        )

    def actors(self, f: Field) -> Expr:
        arguments = self.converted(f)
        size = page_size(arguments.get("first"))
        given = arguments.get("filter")
        where = given.to_domain(self.reference) if given else actor_filters.ActorFilter()
        keyset = actor_filters.Keyset.of(
            arguments.get("order_by") or actor_filters.ActorOrder.CREATED,
            language=arguments.get("lang") or self.viewer.language,
            near=where.near,
        )
        after = arguments.get("after")
        position = decode_cursor(after, arity=keyset.arity)
        conditions = [actors.visible(self.viewer), *where.conditions()]
        count = select(func.count()).select_from(Actor).where(*conditions)
        if position is not None:
            conditions.append(keyset.after(position))
        distance = where.near.distance() if where.near else None
        positions = self._positions(keyset)
        order = keyset.order_by()
        page = (
            select(
                Actor.id.label("pk"),
                *[p.label(f"k{i}") for i, p in enumerate(positions)],
                (distance if distance is not None else null()).label("dist"),
                func.row_number().over(order_by=order).label("rn"),
            )
            .where(*conditions)
            .order_by(*order)
            .limit(size + 1)
            .cte("page")
        )
        a = aliased(Actor)
        cursor = self.d.cursor([page.c[f"k{i}"] for i in range(len(positions))])
        return self.keyed_connection(
            f,
            "ActorConnection",
            "ActorEdge",
            page=page,
            entity=a,
            size=size,
            node=lambda sub: self.actor_object(sub, a),
            cursor=cursor,
            distance=page.c.dist if distance is not None else None,
            has_previous=after is not None,
            count=count,
        )

    def _positions(self, keyset: actor_filters.Keyset) -> list[Any]:
        """The keyset's cursor columns, timestamps as ISO text as Keyset.position has them."""
        return [
            self.d.iso(column)
            if isinstance(column, ColumnElement | QueryableAttribute)
            and isinstance(column.type, UtcDateTime)
            else column
            for column in keyset.columns()
        ]

    def services(self, f: Field) -> Expr:
        arguments = self.converted(f)
        size = page_size(arguments.get("first"))
        given = arguments.get("filter")
        where = given.to_domain(self.reference) if given else service_filters.ServiceFilter()
        after_id = decode_id_cursor(arguments.get("after"))
        listed = services.listed(self.viewer).where(*where.conditions())
        count = listed.with_only_columns(func.count())
        if after_id is not None:
            listed = listed.where(Service.id > after_id)
        page = (
            listed.with_only_columns(
                Service.id.label("pk"),
                Service.id.label("k0"),
                func.row_number().over(order_by=Service.id).label("rn"),
            )
            .order_by(Service.id)
            .limit(size + 1)
            .cte("page")
        )
        s = aliased(Service)
        return self.keyed_connection(
            f,
            "ServiceConnection",
            "ServiceEdge",
            page=page,
            entity=s,
            size=size,
            node=lambda sub: self.service_object(sub, s),
            cursor=self.d.cursor([page.c.k0]),
            distance=None,
            has_previous=after_id is not None,
            count=count,
        )

    def keyed_connection(
        self,
        f: Field,
        type_name: str,
        edge_type: str,
        *,
        page: Any,
        entity: Any,
        size: int,
        node: Any,
        cursor: Expr,
        distance: Any,
        has_previous: bool,
        count: Select[Any],
    ) -> Expr:
        """A connection over a page CTE (pk, cursor keys, rn) joined to its rows."""
        d = self.d

        def rows(value: Expr) -> Select[Any]:
            return (
                select(value.label("j"), page.c.rn.label("o"))
                .select_from(page.join(entity, entity.id == page.c.pk))
                .where(page.c.rn <= size)
            )

        def cursor_at(descending: bool) -> Select[Any]:
            order = page.c.rn.desc() if descending else page.c.rn
            return rows(cursor).order_by(order).limit(1).with_only_columns(cursor)

        pairs: list[tuple[str, Expr]] = []
        for sub in self.fields(f, type_name):
            name = sub.name
            if name == "__typename":
                value: Expr = literal(type_name)
            elif name == "totalCount":
                value = count.scalar_subquery()
            elif name == "edges":
                value = d.array(rows(self.edge(sub, edge_type, node, cursor, distance)), "j", ["o"])
            elif name == "nodes":
                value = d.array(rows(node(sub)), "j", ["o"])
            elif name == "pageInfo":
                value = self.page_info(
                    sub,
                    has_next=select(func.count()).select_from(page).scalar_subquery() > size,
                    has_previous=has_previous,
                    start=cursor_at(descending=False),
                    end=cursor_at(descending=True),
                )
            else:
                raise Unsupported(name)
            pairs.append((sub.key, value))
        return d.obj(pairs)

    def territories(self, f: Field) -> Expr:
        arguments = self.args("Query", f)
        level = arguments.get("level")
        parent_id = arguments.get("parentId")
        t = aliased(Territory)
        rows = select(self.territory_object(f, t).label("j"), t.code.label("o"))
        if parent_id is not None:
            rows = rows.where(t.parent_id == pk_of(parent_id, "Territory", field="parentId"))
        elif level is None:
            rows = rows.where(t.level != TerritoryLevel.COMMUNE)
        if level is not None:
            rows = rows.where(t.level == level)
        return self.d.array(rows, "j", ["o"])

    def taxonomy(self, f: Field) -> Expr:
        axis = self.args("Query", f).get("axis")
        t = aliased(TaxonomyTerm)
        rows = select(self.term_object(f, t).label("j"), t.id.label("o"))
        if axis is not None:
            rows = rows.where(t.axis == axis)
        return self.d.array(rows, "j", ["o"])

    def node(self, f: Field) -> Expr:
        return self.node_of(f, self.args("Query", f)["id"])

    def nodes(self, f: Field) -> Expr:
        ids = self.args("Query", f)["ids"]
        if len(ids) > MAX_NODES:
            raise InvalidInput(f"at most {MAX_NODES} ids", field=["ids"])
        return self.d.tuple([self.node_of(f, global_id) for global_id in ids])

    def node_of(self, f: Field, global_id: str) -> Expr:
        type_name, pk = from_global_id(global_id)
        if type_name == "Actor":
            a = aliased(Actor)
            value = select(self.actor_object(f, a)).where(
                a.id == pk, actors.visible(self.viewer, a)
            )
        elif type_name == "Service":
            value = (
                services.listed(self.viewer)
                .where(Service.id == pk)
                .with_only_columns(self.service_object(f, Service))
            )
        elif type_name == "Territory":
            t = aliased(Territory)
            value = select(self.territory_object(f, t)).where(t.id == pk)
        elif type_name == "TaxonomyTerm":
            term = aliased(TaxonomyTerm)
            value = select(self.term_object(f, term)).where(term.id == pk)
        else:
            raise Unsupported(type_name)
        return self.d.embed(value.scalar_subquery())
