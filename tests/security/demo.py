"""The demo network as the attacker meets it: its users, and what ADMIN reads of it."""

from __future__ import annotations

from typing import Any

from network.seed.users import DEMO_PASSWORD, DEMO_USERS
from tests.api import Api

ADMIN = "admin@jisr.example.ma"
NON_ADMIN = [user.email for user in DEMO_USERS if user.email != ADMIN]


async def token(api: Api, email: str) -> str:
    return await api.login(email, DEMO_PASSWORD)


async def every_referral(api: Api) -> list[dict[str, Any]]:
    """Every referral of the demo, with its young person's id and code (as ADMIN)."""
    admin = await token(api, ADMIN)
    data = await api.data(
        "{ referrals(first: 100) { nodes { id fromActor { id } youth { id code"
        " institution { id } } } } }",
        token=admin,
    )
    return data["referrals"]["nodes"]  # type: ignore[no-any-return]
