"""The compiler's building blocks: selected fields to JSON objects, reference data
(territories, taxonomy terms), and creation-order connections with their page info."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from graphql import GraphQLSchema
from graphql.execution.values import VariableValues, get_argument_values
from sqlalchemy import case, func, literal, null, select
from sqlalchemy.orm import aliased

from network.localized import fallback_chain
from network.taxonomy.models import TaxonomyTerm
from network.territories.models import Territory
from network.viewer import Viewer
from schema.compiled.selection import Field, Flattener, Unsupported
from schema.compiled.sqljson import Dialect, Expr

Builder = Callable[[Field], Expr]


class ObjectCompiler:
    """Turns field trees into SQL expressions; raises Unsupported outside its subset."""

    def __init__(
        self,
        *,
        dialect: Dialect,
        flattener: Flattener,
        schema: GraphQLSchema,
        variables: VariableValues,
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

    def build(self, f: Field, type_name: str, builders: Mapping[str, Builder]) -> Expr:
        """The JSON object of ``type_name`` holding the fields selected in ``f``."""
        pairs: list[tuple[str, Expr]] = []
        for sub in self.fields(f, type_name):
            if sub.name == "__typename":
                pairs.append((sub.key, literal(type_name)))
                continue
            builder = builders.get(sub.name)
            if builder is None:
                raise Unsupported(f"{type_name}.{sub.name}")
            pairs.append((sub.key, builder(sub)))
        return self.d.obj(pairs)

    def localized_pick(self, type_name: str, f: Field, column: Any, *, default: Any) -> Expr:
        """``name(lang)``-like fields: the asked language, the caller's, then AR, FR."""
        chain = fallback_chain(self.args(type_name, f).get("lang"), self.viewer.language)
        return self.d.pick(column, chain, default)

    def localized(self, f: Field, column: Any) -> Expr:
        text = self.d.text_of

        def in_language(key: str) -> Builder:
            return lambda _: text(column, key)

        languages = ("ar", "fr", "en", "zgh")
        return self.build(f, "LocalizedText", {key: in_language(key) for key in languages})

    def subobject(self, statement: Any) -> Expr:
        return self.d.embed(statement.scalar_subquery())

    def optional(self, key: Any, value: Expr) -> Expr:
        """``value``, or null when the foreign ``key`` is null."""
        return case((key.is_(None), null()), else_=value)

    # ------------------------------------------------------------------ reference data

    def territory(self, f: Field, territory_id: Any) -> Expr:
        t = aliased(Territory)
        return self.subobject(select(self.territory_object(f, t)).where(t.id == territory_id))

    def territory_object(self, f: Field, t: Any) -> Expr:
        def children(sub: Field) -> Expr:
            c = aliased(Territory)
            rows = (
                select(self.territory_object(sub, c).label("j"), c.code.label("o"))
                .where(c.parent_id == t.id)
                .correlate(t)
            )
            return self.d.array(rows, "j", ["o"])

        return self.build(
            f,
            "Territory",
            {
                "id": lambda _: self.d.gid("Territory", t.id),
                "code": lambda _: t.code,
                "level": lambda _: t.level,
                "name": lambda sub: self.localized_pick("Territory", sub, t.names, default=t.code),
                "names": lambda sub: self.localized(sub, t.names),
                "parent": lambda sub: self.optional(t.parent_id, self.territory(sub, t.parent_id)),
                "children": children,
            },
        )

    def term(self, f: Field, term_id: Any) -> Expr:
        t = aliased(TaxonomyTerm)
        return self.subobject(select(self.term_object(f, t)).where(t.id == term_id))

    def term_object(self, f: Field, t: Any) -> Expr:
        return self.build(
            f,
            "TaxonomyTerm",
            {
                "id": lambda _: self.d.gid("TaxonomyTerm", t.id),
                "code": lambda _: t.code,
                "axis": lambda _: t.axis,
                "name": lambda sub: self.localized_pick(
                    "TaxonomyTerm", sub, t.names, default=t.code
                ),
                "parent": lambda sub: self.optional(t.parent_id, self.term(sub, t.parent_id)),
            },
        )

    # ------------------------------------------------------------------ connections

    def connection(
        self,
        f: Field,
        type_name: str,
        edge_type: str,
        *,
        node: Builder,
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

        def rows(value: Expr, limit: int = first) -> Any:
            return (
                select(value.label("j"), key.label("o"))
                .where(*where)
                .order_by(key)
                .limit(limit)
                .correlate(outer)
            )

        def page_info(sub: Field) -> Expr:
            window = rows(key).subquery()
            ahead = rows(key, first + 1).subquery()
            return self.page_info(
                sub,
                has_next=select(func.count()).select_from(ahead).scalar_subquery() > first,
                has_previous=has_previous,
                start=select(d.cursor([window.c.o])).order_by(window.c.o).limit(1),
                end=select(d.cursor([window.c.o])).order_by(window.c.o.desc()).limit(1),
            )

        return self.build(
            f,
            type_name,
            {
                "totalCount": lambda _: (
                    select(func.count()).select_from(source).where(*count_where).scalar_subquery()
                ),
                "edges": lambda sub: d.array(
                    rows(self.edge(sub, edge_type, node, d.cursor([key]))), "j", ["o"]
                ),
                "nodes": lambda sub: d.array(rows(node(sub)), "j", ["o"]),
                "pageInfo": page_info,
            },
        )

    def edge(
        self, f: Field, edge_type: str, node: Builder, cursor: Expr, distance: Expr | None = None
    ) -> Expr:
        builders: dict[str, Builder] = {"cursor": lambda _: cursor, "node": node}
        if edge_type == "ActorEdge":
            builders["distanceKm"] = lambda _: (
                null() if distance is None else self.d.number(distance)
            )
        return self.build(f, edge_type, builders)

    def page_info(
        self, f: Field, *, has_next: Any, has_previous: bool, start: Any, end: Any
    ) -> Expr:
        """``start``/``end``: statements selecting the first and last cursor of the page."""
        return self.build(
            f,
            "PageInfo",
            {
                "hasNextPage": lambda _: self.d.boolean(has_next),
                "hasPreviousPage": lambda _: self.d.const_bool(has_previous),
                "startCursor": lambda _: start.scalar_subquery(),
                "endCursor": lambda _: end.scalar_subquery(),
            },
        )
