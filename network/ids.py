"""Opaque global ids: ``base64url("Type:pk")``, shared by the API and the audit log."""

from __future__ import annotations

import base64
import binascii

from network.errors import InvalidInput

MAX_PK = 2**31 - 1
"""The largest primary key a table holds (INTEGER columns: 32 bits on PostgreSQL). An id
beyond it names nothing that can exist, and is refused before it reaches SQL, where it
would overflow the column's type."""


def to_global_id(type_name: str, pk: int) -> str:
    raw = f"{type_name}:{pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def from_global_id(global_id: str) -> tuple[str, int]:
    """Split a global id, or raise InvalidInput when it is not one."""
    if not isinstance(global_id, str) or not 2 <= len(global_id) <= 64:
        raise InvalidInput("malformed id")
    try:
        raw = base64.urlsafe_b64decode(global_id + "=" * (-len(global_id) % 4)).decode()
        type_name, _, pk = raw.partition(":")
        value = int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidInput("malformed id") from None
    if not type_name.isalpha() or value <= 0 or pk != str(value):
        raise InvalidInput("malformed id")
    if value > MAX_PK:
        raise InvalidInput("id out of range")
    return type_name, value


def pk_of(global_id: str, type_name: str, *, field: str = "id") -> int:
    """The primary key behind an id of the expected type; another type's id is invalid input."""
    try:
        found_type, pk = from_global_id(global_id)
    except InvalidInput as error:
        raise InvalidInput(error.message, field=[field]) from None
    if found_type != type_name:
        raise InvalidInput(f"expected an id of a {type_name}", field=[field])
    return pk
