"""JSON built by the database, the same bytes on PostgreSQL and SQLite.

PostgreSQL uses ``json_build_object``/``json_agg`` and formats ids, cursors and
instants in SQL; SQLite uses ``json_object``/``json_group_array`` and the functions
that network.database registers on each connection (``jisr_gid``, ``jisr_cursor``,
``jisr_iso``, ``jisr_num``), so both produce what the resolver path would.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    case,
    false,
    func,
    literal,
    literal_column,
    null,
    select,
    true,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.types import JSON, Text

Expr = ColumnElement[Any]
AnySelect = Select[*tuple[Any, ...]]  # of any number of columns


def key(name: str) -> Expr:
    """A JSON object key: a GraphQL name, safe to inline."""
    if not name.replace("_", "a").isalnum():
        raise ValueError(name)
    return literal_column(f"'{name}'")


class Dialect:
    def __init__(self, name: str) -> None:
        self.pg = name == "postgresql"

    def obj(self, pairs: Sequence[tuple[str, Expr]]) -> Expr:
        args: list[Expr] = []
        for name, value in pairs:
            args += [key(name), value]
        if self.pg:
            return func.json_build_object(*args, type_=JSON)
        return func.json_object(*args, type_=JSON)

    def tuple(self, values: Sequence[Expr]) -> Expr:
        """A JSON array of the given JSON values, in order."""
        if self.pg:
            return func.json_build_array(*values, type_=JSON)
        return func.json_array(*values, type_=JSON)

    def embed(self, value: Expr) -> Expr:
        """A JSON document coming from a subquery, embedded as JSON, not as a string."""
        return value if self.pg else func.json(value, type_=JSON)

    def array(
        self,
        rows: AnySelect,
        value: str,
        order: Sequence[str],
        *,
        scalars: bool = False,
    ) -> Expr:
        """A JSON array of column ``value`` of ``rows``, ordered by ``order`` columns.

        ``rows`` must name the outer entities it refers to with ``correlate()``: it is
        used as a derived table, where SQLAlchemy does not correlate by itself. On
        SQLite the order is that of ``rows`` itself, which must end ordered.
        """
        if self.pg:
            sub = rows.subquery()
            ordered = aggregate_order_by(sub.c[value], *[sub.c[o] for o in order])
            aggregate = func.coalesce(func.json_agg(ordered), literal_column("'[]'::json"))
            return select(aggregate).scalar_subquery()
        if rows._limit_clause is None:
            rows = rows.order_by(*[literal_column(o) for o in order])
        sub = rows.subquery()
        item = sub.c[value] if scalars else func.json(sub.c[value])
        return func.json(select(func.json_group_array(item)).scalar_subquery(), type_=JSON)

    def boolean(self, value: Expr) -> Expr:
        if self.pg:
            return value
        return case((value.is_(None), null()), (value, func.json("true")), else_=func.json("false"))

    def const_bool(self, flag: bool) -> Expr:
        if self.pg:
            return true() if flag else false()
        return func.json("true" if flag else "false")

    def number(self, value: Expr) -> Expr:
        """Floats as Python prints them (shortest repr)."""
        if self.pg:
            return value
        return func.json(func.jisr_num(value))

    def gid(self, type_name: str, pk: Expr) -> Expr:
        if self.pg:
            raw = literal(f"{type_name}:", Text) + func.cast(pk, Text)
            return self._b64(raw)
        return func.jisr_gid(type_name, pk)

    def cursor(self, parts: Sequence[Expr]) -> Expr:
        """The opaque cursor of a row: base64url of the JSON array of its keys."""
        if self.pg:
            items = [func.coalesce(func.cast(func.to_json(p), Text), "null") for p in parts]
            body: Expr = literal("[", Text)
            for index, item in enumerate(items):
                body = body + (literal(",", Text) if index else literal("", Text)) + item
            return self._b64(body + literal("]", Text))
        return func.jisr_cursor(*parts)

    def iso(self, value: Expr | QueryableAttribute[Any]) -> Expr:
        """An instant as ``datetime.isoformat()`` writes it, in UTC."""
        if self.pg:
            utc = func.timezone("UTC", value)
            micro = func.extract("microseconds", value) % 1000000
            return case(
                (value.is_(None), null()),
                (micro == 0, func.to_char(utc, 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"')),
                else_=func.to_char(utc, 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
            )
        return func.jisr_iso(value)

    def text_of(self, column: Expr, lang_key: str) -> Expr:
        """One language of a LocalizedText JSON column, or null."""
        if self.pg:
            return func.nullif(column.op("->>")(lang_key), literal("", Text))
        return func.nullif(func.json_extract(column, f"$.{lang_key}"), "")

    def pick(self, column: Expr, chain: Sequence[str], default: Expr | None = None) -> Expr:
        values = [self.text_of(column, k) for k in chain]
        if default is not None:
            values.append(default)
        return func.coalesce(*values)

    def json_column(self, column: Expr) -> Expr:
        """A JSON column (a list) embedded as JSON."""
        if self.pg:
            return type_coerce(column, JSON)
        return func.json(func.coalesce(column, "[]"))

    def _b64(self, raw: Expr) -> Expr:
        """base64url without padding, as network.ids and schema.relay write it."""
        encoded = func.encode(func.convert_to(raw, literal("UTF8")), literal("base64"))
        encoded = func.replace(encoded, literal("\n"), literal(""))
        return func.rtrim(func.translate(encoded, literal("+/"), literal("-_")), literal("="))
