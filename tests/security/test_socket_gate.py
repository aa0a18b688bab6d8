"""Every operation sent over a socket passes the HTTP gate, and is refused with the
same error codes: depth, aliases, introspection, many sign-ins in one message, the cap
on operations at once."""

from __future__ import annotations

import asyncio

import httpx

from tests.security.conftest import MEDIATOR, PASSWORD, Served
from tests.security.wire import answer, codes, message, opened, subscribe

DEEP = "{ territories { " + "parent { " * 30 + "code" + " }" * 30 + " } }"  # 31 levels
INTROSPECTION = "{ __schema { types { name } } }"
ALIASES = "{ " + " ".join(f"a{i}: __typename" for i in range(300)) + " }"
LOGINS = (
    "mutation { "
    + " ".join(
        f'l{i}: login(email: "{MEDIATOR}", password: "guess-{i}") {{ token }}' for i in range(41)
    )
    + " }"
)


async def over_http(served: Served, query: str) -> list[dict[str, object]]:
    async with httpx.AsyncClient(base_url=served.base, timeout=10) as client:
        response = await client.post("/graphql", json={"query": query})
    return response.json()["errors"]  # type: ignore[no-any-return]


async def test_a_31_level_query_is_refused_while_healthz_answers(served: Served) -> None:
    # given an anonymous attacker's socket
    async with opened(served.base) as ws, httpx.AsyncClient(base_url=served.base) as client:
        # when they send a 31-level query, and someone asks /healthz meanwhile
        refused, health = await asyncio.gather(answer(ws, DEEP), client.get("/healthz", timeout=5))

    # then the query is refused before it runs, as on HTTP, and the server answers
    assert codes(refused["errors"]) == ["QUERY_TOO_COMPLEX"]
    assert "depth" in refused["errors"][0]["message"]
    assert refused["errors"] == await over_http(served, DEEP)
    assert "data" not in refused
    assert health.status_code == 200


async def test_introspection_is_refused_when_switched_off(served: Served) -> None:
    async with opened(served.base) as ws:
        refused = await answer(ws, INTROSPECTION)
    assert set(codes(refused["errors"])) == {"INVALID_INPUT"}
    assert "introspection" in refused["errors"][0]["message"].lower()
    assert refused["errors"] == await over_http(served, INTROSPECTION)


async def test_300_aliases_are_refused(served: Served) -> None:
    async with opened(served.base) as ws:
        refused = await answer(ws, ALIASES)
    assert codes(refused["errors"]) == ["QUERY_TOO_COMPLEX"]
    assert refused["errors"] == await over_http(served, ALIASES)


async def test_41_logins_in_one_message_are_refused(served: Served) -> None:
    async with opened(served.base) as ws:
        refused = await answer(ws, LOGINS)
    # refused by the sign-in rule (one login per operation), and by the alias limit
    assert set(codes(refused["errors"])) == {"ONE_LOGIN_PER_OPERATION", "QUERY_TOO_COMPLEX"}
    assert refused["errors"] == await over_http(served, LOGINS)
    # and the right password still works afterwards: nothing ran, nothing was counted
    assert served.login(MEDIATOR, PASSWORD)


async def test_a_fourth_operation_at_once_is_refused(served: Served) -> None:
    # given a signed-in socket holding the 3 subscriptions its connection may hold
    token = served.login()
    async with opened(served.base, token) as ws:
        for id in ("1", "2", "3"):
            await subscribe(ws, id, "subscription { notificationAdded { id } }")

        # when a fourth starts
        await subscribe(ws, "4", "subscription { notificationAdded { id } }")

        # then it alone is refused, with the code of a limit
        refused = await message(ws)
        assert refused["id"] == "4" and refused["type"] == "error", refused
        assert codes(refused["payload"]) == ["QUERY_TOO_COMPLEX"]

        # and once one ends, another may start and is answered
        await ws.send('{"id": "1", "type": "complete"}')
        reply = await answer(ws, "{ territories { code } }")
        assert reply["data"]["territories"]


async def test_errors_while_running_carry_their_codes_as_on_http(served: Served) -> None:
    # given operations that pass the gate but fail as they run
    failing = ["{ referrals { nodes { id } } }", '{ actors(after: "junk") { nodes { id } } }']
    async with opened(served.base) as ws:
        answers = [await answer(ws, query) for query in failing]

    # then each error has its code, exactly as the HTTP answer gives it
    assert [codes(a["errors"]) for a in answers] == [["UNAUTHENTICATED"], ["INVALID_INPUT"]]
    for query, over_socket in zip(failing, answers, strict=True):
        assert over_socket["errors"] == await over_http(served, query)
