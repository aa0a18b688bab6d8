"""A young person's identity, decrypted: only for callers docs/access.md lets see it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from network.crypto import DataCipher
from network.records.youths import Youth


@dataclass(frozen=True)
class Identity:
    first_name: str | None
    last_name: str | None
    birth_date: date | None


def birth_date_of(youth: Youth, cipher: DataCipher) -> date | None:
    text = cipher.decrypt(youth.birth_date_enc)
    return date.fromisoformat(text) if text else None


def identity_of(youth: Youth, cipher: DataCipher) -> Identity:
    return Identity(
        first_name=cipher.decrypt(youth.first_name_enc),
        last_name=cipher.decrypt(youth.last_name_enc),
        birth_date=birth_date_of(youth, cipher),
    )


def set_identity(
    youth: Youth, cipher: DataCipher, *, first_name: str, last_name: str, birth_date: date
) -> None:
    """Encrypt the identity fields and the keyed hash that finds the full name."""
    youth.first_name_enc = cipher.encrypt(first_name)
    youth.last_name_enc = cipher.encrypt(last_name)
    youth.birth_date_enc = cipher.encrypt(birth_date.isoformat())
    youth.name_hash = cipher.lookup_hash(first_name, last_name)
