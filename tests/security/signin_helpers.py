"""The attacker's sign-in request, and an argon2 hasher that counts its verifications."""

from __future__ import annotations

from typing import Any, Literal

import httpx
import pytest
from argon2 import PasswordHasher

from network.users import passwords

LOGIN = """
mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { token retryAfter userErrors { code } }
}"""


async def login(
    client: httpx.AsyncClient, email: str, password: str, headers: dict[str, str] | None = None
) -> dict[str, Any]:
    """The ``login`` answer; ``code`` is its first error code, or None."""
    body = {"query": LOGIN, "variables": {"email": email, "password": password}}
    response = await client.post("/graphql", json=body, headers=headers or {})
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()["data"]["login"]
    answer["code"] = answer["userErrors"][0]["code"] if answer["userErrors"] else None
    return answer


class CountingHasher(PasswordHasher):
    """The real argon2id hasher, counting the verifications it does."""

    def __init__(self) -> None:
        super().__init__()
        self.verified = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        self.verified += 1
        return super().verify(hash, password)


@pytest.fixture
def hasher(monkeypatch: pytest.MonkeyPatch) -> CountingHasher:
    counting = CountingHasher()
    monkeypatch.setattr(passwords, "_hasher", counting)
    return counting
