"""The README's five-minute tour runs as written against the demo network."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from network.seed.users import DEMO_PASSWORD
from tests.api import Api

README = Path(__file__).parents[1] / "README.md"
STEP = re.compile(r"<!-- tour: (anonymous|as (\S+)) -->\s*```graphql\n(.*?)```", re.S)


def tour() -> list[tuple[str | None, str]]:
    return [(email or None, query) for _, email, query in STEP.findall(README.read_text())]


def problems(answer: dict[str, Any]) -> list[Any]:
    """Top-level errors, and the userErrors of every mutation payload."""
    found = list(answer.get("errors") or [])
    for payload in (answer.get("data") or {}).values():
        if isinstance(payload, dict):
            found += payload.get("userErrors") or []
    return found


async def test_every_tour_step_answers_without_error(api: Api) -> None:
    steps = tour()
    assert len(steps) >= 7
    tokens: dict[str, str] = {}
    referral: dict[str, Any] = {}
    for email, query in steps:
        if email is not None and email not in tokens:
            tokens[email] = await api.login(email, DEMO_PASSWORD)
        if referral:
            query = query.replace("REFERRAL_ID", referral["id"])
            query = query.replace("REFERRAL_VERSION", str(referral["version"]))

        answer = await api.gql(query, token=tokens.get(email or ""))

        assert problems(answer) == [], (query, answer)
        data = answer["data"]
        if "createReferral" in data:
            referral = data["createReferral"]["referral"]
        if "referrals" in data:
            assert referral["id"] in [r["id"] for r in data["referrals"]["nodes"]]
        if "acceptReferral" in data:
            assert data["acceptReferral"]["referral"]["status"] == "ACCEPTED"
        if "youths" in data:
            assert data["youths"]["nodes"], "the mediator follows young people"
    assert referral, "the tour creates a referral"
