"""Plain fields of the directory's types, and the pydantic changes built from them.

A plain field is one column read and written as it is: its Python type, how it reaches
JSON (``Shape``), how an input sets it (``clean``, or None when no shared input does),
where HSDS publishes it and what it adds to a query's cost. Each type declares its
plain fields once (network.actors.fields, network.services.fields); the GraphQL type
and inputs, the compiled read path, the cost estimate, the changes a mutation applies
and the HSDS export read that table (schema.fields holds the GraphQL side). Fields that
need several columns, a lookup or the current value are not plain: their types say
them in full.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, create_model, field_validator

from network.errors import InvalidInput
from network.validation import clean_text

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


def as_given(value: Any, field: Sequence[str]) -> Any:
    """For a value its type checks in full (a flag)."""
    return value


@dataclass(frozen=True)
class Plain:
    attribute: str  # the column, on the type's model
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


@dataclass(frozen=True)
class Localized:
    """A text by language (a JSON column): read in one language as ``pick`` (the asked
    one, the reader's, then Arabic, French), ``default`` when it has none, and in every
    language as ``all`` when the type serves that too."""

    attribute: str
    pick: str
    default: str | None = None
    all: str | None = None


def editable(fields: Sequence[Plain]) -> tuple[Plain, ...]:
    return tuple(field for field in fields if field.clean is not None)


def hsds_values(fields: Sequence[Plain], row: object, table: str) -> dict[str, Any]:
    """The HSDS properties of ``table`` that the plain ``fields`` of ``row`` fill."""
    return {f.hsds[1]: getattr(row, f.attribute) for f in fields if f.hsds and f.hsds[0] == table}


def hsds_read(
    fields: Sequence[Plain], table: str, text: Callable[[str], str | None]
) -> dict[str, Any]:
    """The plain ``fields`` that HSDS ``table`` holds, read by ``text`` (a property's
    text) and cleaned, an error naming the HSDS property."""
    return {
        f.attribute: f.clean(text(f.hsds[1]), [f.hsds[1]])
        for f in fields
        if f.hsds and f.hsds[0] == table and f.clean is not None
    }


C = TypeVar("C", bound="Changes")


class Changes(BaseModel):
    """What a create or update sets: an absent field is left as it is and None clears it
    (a plain field that cannot be empty reads None as absent). A subclass declares the
    fields that are not plain; ``with_plain`` adds the plain ones, each checked by its
    ``clean`` when the model is built; ``of`` builds it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    plain_fields: ClassVar[tuple[Plain, ...]] = ()

    @classmethod
    def of(cls: type[C], values: Mapping[str, Any] | C) -> C:
        """The validated changes; InvalidInput names the first field that is wrong."""
        if isinstance(values, cls):
            return values
        full: type[C] = _FULL[cls]
        try:
            return full.model_validate(dict(values))
        except ValidationError as error:
            first = error.errors()[0]
            where = [str(part) for part in first["loc"]]
            names = {f.attribute: f.name for f in cls.plain_fields}
            raise InvalidInput(
                first["msg"], field=[names.get(where[0], where[0]), *where[1:]]
            ) from None

    def given(self) -> set[str]:
        return set(self.model_fields_set)

    def __contains__(self, key: str) -> bool:
        return key in self.model_fields_set

    def plain(self) -> dict[str, Any]:
        """The plain fields given, cleaned, to set as they are."""
        given = self.model_fields_set
        return {
            f.attribute: getattr(self, f.attribute)
            for f in self.plain_fields
            if f.attribute in given and (getattr(self, f.attribute) is not None or f.nullable)
        }


_FULL: dict[type[Changes], Any] = {}


def _validator(plain: Plain) -> Any:
    clean = plain.clean
    assert clean is not None

    def check(cls: type, value: Any) -> Any:
        return None if value is None else clean(value, [plain.name])

    return field_validator(plain.attribute)(check)


def with_plain(base: type[C], fields: Sequence[Plain]) -> type[C]:
    """``base`` able to build itself with the editable ones of ``fields`` (``of``)."""
    plain = editable(fields)
    base.plain_fields = plain
    _FULL[base] = create_model(  # type: ignore[call-overload]
        base.__name__,
        __base__=base,
        __validators__={f"clean_{f.attribute}": _validator(f) for f in plain},
        **{f.attribute: (f.type | None, None) for f in plain},
    )
    return base
