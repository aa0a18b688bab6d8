"""Webhooks cannot reach inside: the attacker registers internal URLs, or a name that
points inside by the time a message is delivered."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from starlette.requests import Request
from starlette.responses import Response

from network.enums import ReferralEventKind
from network.seed.users import DEMO_PASSWORD
from tests.api import Api
from tests.api import test_settings as settings_for
from tests.network.notifications.outbox_data import (
    a_referral,
    add_webhook,
    deliver_all,
    messages,
    receiving_actor,
    webhook_events,
)
from tests.network.notifications.servers import serving, webhook_receiver
from tests.security.conftest import served_api

ADMIN = "admin@jisr.example.ma"
SECRET = "a shared secret of 32 characters"
REGISTER = """
mutation($input: RegisterWebhookInput!) {
  registerWebhook(input: $input) { webhook { id url } userErrors { field code message } }
}
"""
INSIDE = [
    "https://127.0.0.1:6379/",
    "https://10.0.0.1/hook",
    "https://[::1]/hook",
    "https://169.254.169.254/latest/meta-data/",
    "https://localhost:5432/",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[::ffff:a00:1]/hook",
    "https://0.0.0.0/",
    "https://100.64.0.1/",
    "https://224.0.0.1/",
    "https://[fe80::1]/",
    "https://[fd00::1]/",
    "https://2130706433/",
]


async def _register(api: Any, url: str) -> dict[str, Any]:
    token = await api.login(ADMIN, DEMO_PASSWORD)
    actor = (await api.data("{ actors(first: 1) { nodes { id } } }"))["actors"]["nodes"][0]["id"]
    variables = {"input": {"actorId": actor, "url": url, "secret": SECRET}}
    data = await api.data(REGISTER, variables, token)
    return data["registerWebhook"]  # type: ignore[no-any-return]


async def test_internal_urls_are_refused_at_registration_in_production(
    module_db_url: str, tmp_path: Path
) -> None:
    async with served_api(module_db_url, tmp_path / "var", JISR_ENV="production") as api:
        for url in INSIDE:
            answer = await _register(api, url)
            assert answer["webhook"] is None, url
            assert answer["userErrors"][0]["code"] == "INVALID_INPUT", (url, answer)
        # and a public address is still accepted
        accepted = await _register(api, "https://93.184.215.14/hook")
        assert accepted["userErrors"] == [] and accepted["webhook"]


async def test_internal_urls_are_refused_in_development_too_unless_allowed(
    api: Api, module_db_url: str, tmp_path: Path
) -> None:
    assert (await _register(api, "http://127.0.0.1:8000/"))["webhook"] is None
    allowed = {"JISR_WEBHOOK_ALLOWED_HOSTS": "127.0.0.1"}
    async with served_api(module_db_url, tmp_path / "var", **allowed) as trusting:
        assert (await _register(trusting, "http://127.0.0.1:8000/"))["webhook"]
        assert (await _register(trusting, "http://10.0.0.1/"))["webhook"] is None


async def _queue_event(db_url: str, target: str) -> None:
    await add_webhook(
        db_url, actor_id=await receiving_actor(db_url), target=target, secret=SECRET, events=[]
    )
    await webhook_events(db_url, await a_referral(db_url), [(0, ReferralEventKind.SENT)])


@pytest.mark.parametrize("allowed", [(), ("localhost",)])
async def test_a_name_resolving_inside_at_delivery_time_reaches_nothing(
    db_url: str, tmp_path: Path, allowed: tuple[str, ...]
) -> None:
    # given a webhook stored while its name resolved outside, now resolving to 127.0.0.1
    with webhook_receiver(SECRET) as receiver:
        await _queue_event(db_url, f"http://localhost:{receiver.port}/hook")
        settings = settings_for(db_url, tmp_path / "var", webhook_allowed_hosts=allowed)
        # when the outbox delivers it
        await deliver_all(db_url, settings)
    (message,) = [m for m in await messages(db_url) if m.channel == "WEBHOOK"]
    if allowed:  # the installation allows that host on purpose: it is delivered
        assert message.state == "SENT" and sum(receiver.requests.values()) == 1
    else:  # then nothing reached the receiver, and the message is dead, saying why
        assert sum(receiver.requests.values()) == 0 and receiver.bad_signatures == 0
        assert message.state == "DEAD" and "not public" in (message.last_error or "")


@contextmanager
def redirecting() -> Iterator[list[str]]:
    hits: list[str] = []

    async def endpoint(request: Request) -> Response:
        hits.append(str(request.url))
        return Response(status_code=307, headers={"location": "/hook?followed=1"})

    with serving("/hook", endpoint) as port:
        hits.append(str(port))
        yield hits


async def test_redirects_are_not_followed(db_url: str, tmp_path: Path) -> None:
    with redirecting() as hits:
        await _queue_event(db_url, f"http://127.0.0.1:{hits.pop()}/hook")
        settings = settings_for(db_url, tmp_path / "var", webhook_allowed_hosts=("127.0.0.1",))
        await deliver_all(db_url, settings)
    assert len(hits) == 1 and "followed" not in hits[0]
    (message,) = [m for m in await messages(db_url) if m.channel == "WEBHOOK"]
    assert message.state != "SENT" and "307" in (message.last_error or "")
