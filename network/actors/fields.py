"""The actor's plain fields, each declared once.

A plain field is one column of ``actors`` read and written as it is: its Python type,
how it reaches JSON (``Shape``), how an input sets it (``clean``, or None when no
shared input does), where HSDS publishes it and what it adds to a query's cost. The
GraphQL type and inputs, the compiled read path, the cost estimate, the changes a
mutation applies and the HSDS export all read this table (schema.actors.fields holds
the GraphQL side). Fields that need more than one column, a lookup or the current
value (names, description, location, territory, parent) are not plain.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from network.enums import ActorKind, Language
from network.validation import clean_email, clean_postal_code, clean_text, clean_website

Cleaner = Callable[[Any, Sequence[str]], Any]


class Shape(StrEnum):
    """How a column's value reaches JSON."""

    SCALAR = "scalar"  # text, number or enum, as stored
    FLAG = "flag"  # a boolean
    MOMENT = "moment"  # a UTC timestamp, ISO 8601
    LIST = "list"  # a JSON array


def text(max_length: int, *, multiline: bool = False) -> Cleaner:
    def clean(value: str | None, field: Sequence[str]) -> str | None:
        return clean_text(value, field=field, max_length=max_length, multiline=multiline)

    return clean


def _languages(value: Sequence[Language], field: Sequence[str]) -> list[str]:
    return [str(language) for language in dict.fromkeys(value)]


def _flag(value: bool, field: Sequence[str]) -> bool:
    return value


@dataclass(frozen=True)
class Plain:
    attribute: str  # the column, on network.actors.models.Actor
    type: Any  # its Python type, without None
    shape: Shape = Shape.SCALAR
    nullable: bool = True  # else an input's null is read as omitted
    clean: Cleaner | None = None
    input_description: str | None = None
    hsds: tuple[str, str] | None = None  # (table, property) of the HSDS export
    cost: int = 0  # what selecting it adds to a query's cost, per object

    @property
    def name(self) -> str:
        """The API's name: ``postal_code`` is ``postalCode``."""
        head, *rest = self.attribute.split("_")
        return head + "".join(part.title() for part in rest)


PLAIN: tuple[Plain, ...] = (
    Plain("acronym", str, clean=text(40), hsds=("organization", "alternate_name")),
    Plain("kind", ActorKind, nullable=False),
    Plain("address", str, clean=text(400, multiline=True)),
    Plain(
        "postal_code",
        str,
        clean=lambda value, field: clean_postal_code(value, field=field),
        input_description="The Moroccan postal code: five digits.",
        hsds=("address", "postal_code"),
    ),
    Plain("phone", str, clean=text(40)),
    Plain(
        "email",
        str,
        clean=lambda value, field: clean_email(value, field=field),
        hsds=("organization", "email"),
    ),
    Plain(
        "website",
        str,
        clean=lambda value, field: clean_website(value, field=field),
        hsds=("organization", "website"),
    ),
    Plain(
        "legal_status",
        str,
        clean=text(120),
        input_description="Its legal form, e.g. association (dahir 1-58-376), public body.",
        hsds=("organization", "legal_status"),
    ),
    Plain("languages", list[Language], Shape.LIST, nullable=False, clean=_languages),
    Plain("accepts_referrals", bool, Shape.FLAG, nullable=False, clean=_flag),
    Plain("active", bool, Shape.FLAG, nullable=False),
    Plain("verified_at", datetime, Shape.MOMENT),
)

EDITABLE = tuple(field for field in PLAIN if field.clean is not None)


def hsds_values(row: object, table: str) -> dict[str, Any]:
    """The HSDS properties of ``table`` that plain fields of ``row`` fill."""
    return {f.hsds[1]: getattr(row, f.attribute) for f in PLAIN if f.hsds and f.hsds[0] == table}
