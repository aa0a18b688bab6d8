"""Concurrent answers and retried creations through the HTTP API, on both databases.

On PostgreSQL the requests really overlap inside the database (the conditional UPDATE
and the unique idempotency key decide); on SQLite writers queue on the database lock,
which must give the same answers.
"""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from network.records.referrals import Referral
from tests.api import Api
from tests.schema.referrals.fixtures import act, create, created, error_codes, network


async def test_two_simultaneous_answers_one_wins(api: Api) -> None:
    # given five sent referrals
    world = await network(api)
    staff = world.receiver_staff
    referrals = [await created(api, world.mediator, world) for _ in range(5)]

    for referral in referrals:
        # when the receiver accepts and declines the same version at the same time
        accepted, declined = await asyncio.gather(
            act(api, "acceptReferral", staff, id=referral["id"], version=1),
            act(api, "declineReferral", staff, id=referral["id"], version=1, reason="OTHER"),
        )

        # then exactly one wins; the other is told the referral moved on
        outcomes = [error_codes(accepted), error_codes(declined)]
        assert sorted(map(len, outcomes)) == [0, 1], outcomes
        loser = next(codes for codes in outcomes if codes)
        assert loser[0] in {"STALE_VERSION", "INVALID_TRANSITION"}
        winner = accepted if not outcomes[0] else declined
        assert winner["referral"]["version"] == 2


async def test_fifty_retries_with_one_idempotency_key_make_one_referral(api: Api) -> None:
    # given a network and a request carrying an idempotency key
    world = await network(api)
    before = await _referral_count(api)

    # when it is sent fifty times at once
    answers = await asyncio.gather(
        *(create(api, world.mediator, world, idempotencyKey="retry-7f3a") for _ in range(50))
    )

    # then every answer is the same referral, and only one exists
    assert [a["userErrors"] for a in answers] == [[]] * 50
    assert len({a["referral"]["id"] for a in answers}) == 1
    assert await _referral_count(api) == before + 1


async def test_same_key_other_input_is_a_duplicate(api: Api) -> None:
    world = await network(api)
    first = await created(api, world.mediator, world, idempotencyKey="k-1")

    again = await create(api, world.mediator, world, idempotencyKey="k-1")
    other = await create(api, world.mediator, world, idempotencyKey="k-1", priority="URGENT")

    assert again["referral"]["id"] == first["id"]
    assert error_codes(other) == ["DUPLICATE"]


async def _referral_count(api: Api) -> int:
    async with api.state.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(Referral)) or 0)
