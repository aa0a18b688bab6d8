"""The identity cipher of a request's settings, made once per key."""

from __future__ import annotations

from functools import lru_cache

from network.crypto import DataCipher
from schema.context import Info


@lru_cache(maxsize=4)
def _cipher(keys: str) -> DataCipher:
    return DataCipher(keys)


def cipher_of(info: Info) -> DataCipher:
    return _cipher(info.context.settings.data_key)
