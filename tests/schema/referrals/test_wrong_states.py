"""Every action from every status that does not allow it is INVALID_TRANSITION, through
the HTTP API, for a caller who holds both sides (ADMIN)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from network import clock
from network.database import unit_of_work
from network.enums import Role
from network.ids import to_global_id
from network.referrals.service import expire_overdue
from tests.api import Api
from tests.factories import person
from tests.schema.referrals.fixtures import act, created, done, error_codes, network

ALLOWED_FROM = {
    "DRAFT": {"sendReferral", "cancelReferral"},
    "SENT": {"acceptReferral", "declineReferral", "redirectReferral", "cancelReferral"},
    "ACCEPTED": {"startReferral", "declineReferral", "redirectReferral", "cancelReferral"},
    "IN_PROGRESS": {"completeReferral", "cancelReferral"},
    "DECLINED": set(),
    "REDIRECTED": set(),
    "COMPLETED": set(),
    "CANCELLED": set(),
    "EXPIRED": set(),
}


def _inputs(second: str) -> dict[str, dict[str, Any]]:
    return {
        "sendReferral": {},
        "acceptReferral": {},
        "startReferral": {},
        "declineReferral": {"reason": "OTHER"},
        "redirectReferral": {"toActorId": second},
        "completeReferral": {"outcome": "SERVED"},
        "cancelReferral": {"note": "Annulé"},
    }


async def test_every_wrong_state(api: Api) -> None:
    # given referrals in each of the nine statuses
    world = await network(api)
    admin = await person(api, Role.ADMIN)
    mediator, staff = world.mediator, world.receiver_staff
    expiring = await created(api, mediator, world)
    async with unit_of_work(api.state.sessions) as uow:
        await expire_overdue(uow.session, clock.now() + timedelta(days=30))
    sent = await created(api, mediator, world)
    accepted = await done(api, "acceptReferral", staff, await created(api, mediator, world))
    started = await done(
        api,
        "startReferral",
        staff,
        await done(api, "acceptReferral", staff, await created(api, mediator, world)),
    )
    second = to_global_id("Actor", world.second)
    by_status = {
        "DRAFT": await created(api, mediator, world, send=False),
        "SENT": sent,
        "ACCEPTED": accepted,
        "IN_PROGRESS": started,
        "DECLINED": await done(
            api, "declineReferral", staff, await created(api, mediator, world), reason="OTHER"
        ),
        "REDIRECTED": await done(
            api, "redirectReferral", staff, await created(api, mediator, world), toActorId=second
        ),
        "COMPLETED": await done(
            api,
            "completeReferral",
            staff,
            await done(
                api,
                "startReferral",
                staff,
                await done(api, "acceptReferral", staff, await created(api, mediator, world)),
            ),
            outcome="NOT_SERVED",
        ),
        "CANCELLED": await done(
            api, "cancelReferral", mediator, await created(api, mediator, world), note="Annulé"
        ),
        "EXPIRED": {**expiring, "status": "EXPIRED", "version": 2},
    }
    assert {status: r["status"] for status, r in by_status.items()} == {s: s for s in by_status}

    # when ADMIN takes every action the status does not allow
    refused = {}
    for status, referral in by_status.items():
        for name, extra in _inputs(second).items():
            if name in ALLOWED_FROM[status]:
                continue
            payload = await act(
                api, name, admin, id=referral["id"], version=referral["version"], **extra
            )
            refused[(status, name)] = error_codes(payload)

    # then each is INVALID_TRANSITION
    assert len(refused) == 9 * 7 - 12
    assert {key: codes for key, codes in refused.items() if codes != ["INVALID_TRANSITION"]} == {}
