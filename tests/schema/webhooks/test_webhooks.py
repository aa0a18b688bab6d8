"""``registerWebhook``, ``deleteWebhook`` and ``Actor.webhooks``: the actor's staff and
ADMIN; secrets encrypted and never shown."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from network.crypto import DataCipher
from network.enums import Role
from network.errors import InvalidInput
from network.ids import pk_of, to_global_id
from network.notifications.models import Webhook
from network.webhooks.service import checked_url
from tests.api import Api
from tests.factories import Person, actor, person

SECRET = "a shared secret of 32 characters"
REGISTER = """
mutation($input: RegisterWebhookInput!) {
  registerWebhook(input: $input) {
    webhook { id url events active createdAt }
    userErrors { field code }
  }
}
"""
DELETE = """
mutation($id: ID!) {
  deleteWebhook(id: $id) { webhook { id active } userErrors { field code } }
}
"""
WEBHOOKS = "query($id: ID!) { node(id: $id) { ... on Actor { webhooks { id url events } } } }"


def given(actor_id: int, **fields: Any) -> dict[str, Any]:
    return {
        "input": {
            "actorId": to_global_id("Actor", actor_id),
            "url": "https://partner.example.ma/hooks/jisr",
            "secret": SECRET,
            **fields,
        }
    }


async def register(api: Api, who: Person, actor_id: int, **fields: Any) -> dict[str, Any]:
    data = await api.data(REGISTER, given(actor_id, **fields), who.token)
    return data["registerWebhook"]  # type: ignore[no-any-return]


async def listed(api: Api, who: Person | None, actor_id: int) -> list[str]:
    token = who.token if who else None
    data = await api.data(WEBHOOKS, {"id": to_global_id("Actor", actor_id)}, token)
    return [hook["url"] for hook in data["node"]["webhooks"]]


async def test_staff_register_a_webhook_whose_secret_is_stored_encrypted(api: Api) -> None:
    # given an organisation with a unit, the organisation's staff
    parent = await actor(api, name="Association Partenaire")
    unit = await actor(api, name="Antenne Partenaire", parent_id=parent)
    staff = await person(api, Role.AGENCY_STAFF, actor_id=parent)

    # when they register a webhook of the unit for two events, and one for everything
    chosen = await register(api, staff, unit, events=["SENT", "CANCELLED"])
    everything = await register(api, staff, unit, url="http://partner.example.ma/all")

    # then both are active, the secret is kept encrypted, and events default to all
    assert chosen["userErrors"] == [] and everything["userErrors"] == []
    assert chosen["webhook"]["events"] == ["SENT", "CANCELLED"]
    assert chosen["webhook"]["active"] is True
    assert len(everything["webhook"]["events"]) == 13
    async with api.state.sessions() as session:
        row = await session.get(Webhook, pk_of(chosen["webhook"]["id"], "Webhook"))
    assert row is not None and row.actor_id == unit and SECRET not in row.secret_enc
    assert DataCipher(api.state.settings.data_key).decrypt(row.secret_enc) == SECRET


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"secret": "too short"}, ["input", "secret"]),
        ({"url": "ftp://partner.example.ma/"}, ["input", "url"]),
        ({"url": "https:///no-host"}, ["input", "url"]),
        ({"events": []}, ["input", "events"]),
    ],
)
async def test_bad_webhooks_are_refused(api: Api, fields: dict[str, Any], field: list[str]) -> None:
    owner = await actor(api)
    staff = await person(api, Role.AGENCY_STAFF, actor_id=owner)
    payload = await register(api, staff, owner, **fields)
    assert payload == {"webhook": None, "userErrors": [{"field": field, "code": "INVALID_INPUT"}]}


def test_production_requires_https() -> None:
    url = "http://partner.example.ma/hook"
    assert checked_url(url, production=False) == url
    with pytest.raises(InvalidInput):
        checked_url(url, production=True)
    assert checked_url("https://partner.example.ma/", production=True)


async def test_only_the_actor_staff_and_admin_register_see_and_delete_its_webhooks(
    api: Api,
) -> None:
    # given an actor's staff, an ADMIN, another actor's staff and a coordinator
    owner = await actor(api)
    staff = await person(api, Role.AGENCY_STAFF, actor_id=owner)
    admin = await person(api, Role.ADMIN)
    outsider = await person(api, Role.AGENCY_STAFF, actor_id=await actor(api, name="Autre"))
    coordinator = await person(api, Role.COORDINATOR, territory="MA-03")

    # when each tries to register one
    results = {
        who: await register(api, someone, owner, url=f"https://{who}.example.ma/")
        for who, someone in (
            ("staff", staff),
            ("admin", admin),
            ("outsider", outsider),
            ("coordinator", coordinator),
        )
    }

    # then the staff and ADMIN may; the others are refused and see none
    assert [r["userErrors"] for r in results.values()] == [
        [],
        [],
        [{"field": None, "code": "PERMISSION_DENIED"}],
        [{"field": None, "code": "PERMISSION_DENIED"}],
    ]
    both = ["https://staff.example.ma/", "https://admin.example.ma/"]
    assert await listed(api, staff, owner) == both
    assert await listed(api, admin, owner) == both
    assert await listed(api, outsider, owner) == []
    assert await listed(api, coordinator, owner) == []
    assert await listed(api, None, owner) == []

    # when the outsider, then the staff, delete the first one
    hook = results["staff"]["webhook"]["id"]
    refused = await api.data(DELETE, {"id": hook}, outsider.token)
    deleted = await api.data(DELETE, {"id": hook}, staff.token)
    again = await api.data(DELETE, {"id": hook}, staff.token)

    # then only the staff's deletion counts: it is kept, inactive, and no longer listed
    assert refused["deleteWebhook"]["userErrors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
    assert deleted["deleteWebhook"] == {"webhook": {"id": hook, "active": False}, "userErrors": []}
    assert again["deleteWebhook"]["userErrors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
    assert await listed(api, staff, owner) == ["https://admin.example.ma/"]
    async with api.state.sessions() as session:
        kept = await session.scalar(select(Webhook).where(Webhook.id == pk_of(hook, "Webhook")))
    assert kept is not None and kept.deleted_at is not None


async def test_anonymous_callers_register_nothing(api: Api) -> None:
    owner = await actor(api)
    data = await api.data(REGISTER, given(owner))
    assert data["registerWebhook"]["userErrors"][0]["code"] == "UNAUTHENTICATED"
