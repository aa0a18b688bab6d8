"""recordConsent under an idempotency key: a consent form sent twice records one consent."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from network import clock
from network.ids import to_global_id
from network.records.consents import Consent, consent_actors
from tests.api import Api
from tests.network.youths.world import World, world

RECORD = """
mutation($input: RecordConsentInput!) {
  recordConsent(input: $input) { consent { id actors { id } } userErrors { field code } }
}
"""


def named(w: World, key: str, **extra: object) -> dict[str, object]:
    """A consent of the world's young person (a minor) to two named actors, under ``key``."""
    return {
        "youthId": to_global_id("Youth", w.youth),
        "givenOn": clock.today().isoformat(),
        "givenBy": "LEGAL_REPRESENTATIVE",
        "actorIds": [to_global_id("Actor", w.receiver), to_global_id("Actor", w.other)],
        "evidence": "signed form 12",
        "idempotencyKey": key,
        **extra,
    }


async def made(api: Api, key: str) -> tuple[int, int]:
    """How many consents were made under ``key``, and how many actor links they have."""
    async with api.state.sessions() as session:
        consents = select(Consent.id).where(Consent.idempotency_key == key)
        count = await session.scalar(select(func.count()).select_from(consents.subquery()))
        links = await session.scalar(
            select(func.count())
            .select_from(consent_actors)
            .where(consent_actors.c.consent_id.in_(consents))
        )
    return int(count or 0), int(links or 0)


async def test_a_repeat_returns_the_first_consent_and_other_details_are_a_duplicate(
    api: Api,
) -> None:
    # given
    w = await world(api)
    once = named(w, "consent-form-1")
    first = await api.data(RECORD, {"input": once}, w.mediator.token)
    # when
    again = await api.data(RECORD, {"input": once}, w.mediator.token)
    other = await api.data(
        RECORD, {"input": {**once, "evidence": "another form"}}, w.mediator.token
    )
    # then
    assert first["recordConsent"]["userErrors"] == []
    assert again["recordConsent"]["consent"] == first["recordConsent"]["consent"]
    assert len(first["recordConsent"]["consent"]["actors"]) == 2
    assert other["recordConsent"] == {
        "consent": None,
        "userErrors": [{"field": None, "code": "DUPLICATE"}],
    }
    assert await made(api, "consent-form-1") == (1, 2)


async def test_simultaneous_sends_with_one_key_record_one_consent(api: Api) -> None:
    # given
    w = await world(api)
    once = named(w, "consent-form-2")
    # when
    answers = await asyncio.gather(
        *(api.data(RECORD, {"input": once}, w.mediator.token) for _ in range(8))
    )
    # then
    assert all(a["recordConsent"]["userErrors"] == [] for a in answers)
    assert len({a["recordConsent"]["consent"]["id"] for a in answers}) == 1
    assert await made(api, "consent-form-2") == (1, 2)
