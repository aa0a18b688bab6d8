"""Sign-in cannot be brute-forced: one login per operation, growing delays, a lock."""

from __future__ import annotations

import uuid

from network.enums import Role
from tests.factories import PASSWORD, audit_entries, person
from tests.security.identity_server import LoopbackApi, MovingClock
from tests.security.signin_helpers import CountingHasher, login


async def test_41_logins_in_one_request_are_refused_before_any_runs(
    http_served: LoopbackApi, hasher: CountingHasher
) -> None:
    # given: an attacker's document trying 41 passwords at once
    fields = " ".join(
        f'a{i}: login(email: "admin@jisr.example.ma", password: "guess-{i}") {{ token }}'
        for i in range(41)
    )
    two = 'mutation { a: login(email: "x@y.z", password: "1") { token } b: login(email: "x@y.z", password: "2") { token } }'  # noqa: E501
    # when
    many = await http_served.client.post("/graphql", json={"query": f"mutation {{ {fields} }}"})
    pair = await http_served.client.post("/graphql", json={"query": two})
    # then
    assert "ONE_LOGIN_PER_OPERATION" in [e["extensions"]["code"] for e in many.json()["errors"]]
    assert [e["extensions"]["code"] for e in pair.json()["errors"]] == ["ONE_LOGIN_PER_OPERATION"]
    assert many.json().get("data") is None and pair.json().get("data") is None
    assert hasher.verified == 0
    assert await audit_entries(http_served, "login") == []


async def test_wrong_passwords_wait_longer_each_time_and_the_11th_is_locked(
    throttled: LoopbackApi, moving_clock: MovingClock, hasher: CountingHasher
) -> None:
    # given
    victim = await person(throttled, Role.COORDINATOR, territory="MA-03")
    hasher.verified = 0
    codes, delays = [], []
    # when: 200 wrong passwords in a row, waiting (on the clock) each time we are told to
    for attempt in range(200):
        answer = await login(throttled.client, victim.email, f"wrong password {attempt}")
        assert answer["token"] is None
        codes.append(answer["code"])
        if answer["code"] == "RATE_LIMITED":
            delays.append(answer["retryAfter"])
            moving_clock.advance(answer["retryAfter"])
    # then: ten passwords were heard, with a growing wait between them, then the lock
    heard = [i for i, code in enumerate(codes) if code == "UNAUTHENTICATED"]
    assert len(heard) == 10
    assert delays == [1, 2, 4, 8, 16, 32, 64, 128, 256]
    assert set(codes[heard[-1] + 1 :]) == {"ACCOUNT_LOCKED"}
    assert hasher.verified == 10  # a refused attempt costs no argon2 verification
    # the right password is refused while the lock holds
    right = await login(throttled.client, victim.email, PASSWORD)
    assert (right["token"], right["code"], right["retryAfter"]) == (None, "ACCOUNT_LOCKED", 900)
    moving_clock.advance(899)
    assert (await login(throttled.client, victim.email, PASSWORD))["code"] == "ACCOUNT_LOCKED"
    # and works once it passed
    moving_clock.advance(1)
    after = await login(throttled.client, victim.email, PASSWORD)
    assert after["code"] is None and after["token"].startswith("jisr_")
    # every attempt, heard or refused, is in the audit log, naming the account when heard
    entries = await audit_entries(throttled, "login")
    assert len(entries) == 1 + 200 + 2 + 1
    outcomes = [e.outcome for e in entries[1:201]]
    assert outcomes == codes
    assert all(e.record_ids == [victim.global_id] for e in entries if e.outcome != "RATE_LIMITED"
               and e.outcome != "ACCOUNT_LOCKED")  # fmt: skip


async def test_one_address_trying_many_accounts_is_slowed_then_locked(
    throttled: LoopbackApi, moving_clock: MovingClock, hasher: CountingHasher
) -> None:
    # given: an attacker spraying a password over many (unknown) accounts
    codes = []
    # when
    for _ in range(120):
        answer = await login(throttled.client, f"{uuid.uuid4().hex}@jisr.test", "Spring2026!")
        codes.append(answer["code"])
        if answer["code"] == "RATE_LIMITED":
            moving_clock.advance(answer["retryAfter"])
    # then: ten failures free of waiting, then waits, then locked at 50 failures
    heard = [i for i, code in enumerate(codes) if code == "UNAUTHENTICATED"]
    assert len(heard) == 50
    assert codes[:12] == ["UNAUTHENTICATED"] * 11 + ["RATE_LIMITED"]
    assert set(codes[heard[-1] + 1 :]) == {"ACCOUNT_LOCKED"}
    assert hasher.verified == 50
    # a made-up X-Forwarded-For gets no fresh start
    forged = await login(
        throttled.client, "someone@jisr.test", "x" * 12, headers={"x-forwarded-for": "203.0.113.9"}
    )
    assert forged["code"] == "ACCOUNT_LOCKED"


async def test_an_unknown_email_costs_the_same_verification_as_a_wrong_password(
    http_served: LoopbackApi, hasher: CountingHasher
) -> None:
    # given
    someone = await person(http_served, Role.ADMIN)
    hasher.verified = 0
    # when
    wrong = await login(http_served.client, someone.email, "not the password at all")
    after_wrong = hasher.verified
    unknown = await login(http_served.client, "nobody-here@jisr.test", "not the password at all")
    # then: the same answer, and one argon2 verification each
    assert wrong["code"] == unknown["code"] == "UNAUTHENTICATED"
    assert (after_wrong, hasher.verified) == (1, 2)
