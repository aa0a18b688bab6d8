"""Identity fields encrypted at rest, and keyed hashes to find a name without decrypting.

``JISR_DATA_KEY`` holds one or more Fernet keys separated by commas: the first
encrypts, all decrypt. The lookup-hash key is derived from the first key too, so after
``jisr keys rotate`` (network/key_rotation.py) nothing depends on the older keys.
"""

from __future__ import annotations

import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from network.text import fold


class DataCipher:
    def __init__(self, keys: str) -> None:
        parts = [k.strip() for k in keys.split(",") if k.strip()]
        if not parts:
            raise ValueError("JISR_DATA_KEY holds no key")
        self._fernet = MultiFernet([Fernet(k.encode()) for k in parts])
        self._hash_key = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"jisr name lookup"
        ).derive(parts[0].encode())

    def encrypt(self, value: str | None) -> str | None:
        if value is None:
            return None
        return self._fernet.encrypt(value.encode()).decode()

    def decrypt(self, token: str | None) -> str | None:
        if token is None:
            return None
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken:
            raise ValueError("an identity field cannot be decrypted with JISR_DATA_KEY") from None

    def rotate(self, token: str | None) -> str | None:
        """The same value encrypted with the first key."""
        return None if token is None else self._fernet.rotate(token.encode()).decode()

    def lookup_hash(self, *parts: str) -> str:
        """A keyed hash of folded text: equal names give equal hashes, and only with the key."""
        text = fold(" ".join(parts))
        return hmac.new(self._hash_key, text.encode(), hashlib.sha256).hexdigest()


def new_key() -> str:
    return Fernet.generate_key().decode()
