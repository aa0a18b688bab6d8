"""Registering and following a young person through the API; bad input is a userError."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import orjson
import pytest
from sqlalchemy import func, select, text

from network import clock
from network.audit.models import AuditEntry
from network.enums import Role
from network.ids import to_global_id
from network.records.youths import Youth
from tests.api import Api
from tests.factories import Person, audit_entries, person
from tests.network.youths.world import World, world

REGISTER = """
mutation($input: RegisterYouthInput!) {
  registerYouth(input: $input) {
    youth { id code firstName birthDate age institution { id } }
    userErrors { field code }
  }
}
"""
ASSESS = """
mutation($input: AssessNeedsInput!) {
  assessNeeds(input: $input) { youth { needs { axis level note } } userErrors { field code } }
}
"""
CONSENT = """
mutation($input: RecordConsentInput!) {
  recordConsent(input: $input) { consent { active allActors } userErrors { field code } }
}
"""
UPDATE = """
mutation($input: UpdateYouthInput!) {
  updateYouth(input: $input) { youth { status firstName } userErrors { field code } }
}
"""
EXPORT = "mutation($id: ID!) { exportYouthData(youthId: $id) { json userErrors { code } } }"
SEARCH = "query($s: String!) { youths(filter: {search: $s}) { nodes { code } } }"


def registration(w: World, **extra: object) -> dict[str, object]:
    return {
        "firstName": "Yassine",
        "lastName": "El Amrani",
        "birthDate": "2007-05-02",
        "institutionId": to_global_id("Actor", w.institution),
        **extra,
    }


async def institution_mediator(api: Api, w: World) -> Person:
    return await person(api, Role.MEDIATOR, actor_id=w.institution)


async def test_registering_generates_a_code_and_stores_no_plaintext(api: Api) -> None:
    # given
    w = await world(api)
    mediator = await institution_mediator(api, w)
    # when
    data = await api.data(REGISTER, {"input": registration(w)}, mediator.token)
    # then
    youth = data["registerYouth"]["youth"]
    assert data["registerYouth"]["userErrors"] == []
    assert youth["code"].startswith("JY-") and len(youth["code"]) == 9
    assert youth["firstName"] == "Yassine" and youth["birthDate"] == "2007-05-02"
    async with api.state.sessions() as session:
        rows = (await session.execute(text("SELECT * FROM youths"))).mappings().all()
    dump = repr(rows)
    for secret in ("Yassine", "Amrani", "2007-05-02"):
        assert secret not in dump
    # the birth year alone may turn up by chance in ciphertext or a hash's hex digits,
    # so it is looked for only in the columns that could hold it in clear
    sealed = ("_enc", "_hash", "fingerprint")
    clear = [{k: v for k, v in row.items() if not k.endswith(sealed)} for row in rows]
    assert "2007" not in repr(clear)
    found = await api.data(SEARCH, {"s": "yassine  el amrani"}, mediator.token)
    assert found["youths"]["nodes"] == [{"code": youth["code"]}]
    by_code = await api.data(SEARCH, {"s": youth["code"][:5].lower()}, mediator.token)
    assert {"code": youth["code"]} in by_code["youths"]["nodes"]


async def test_a_repeated_registration_returns_the_first_and_other_input_is_a_duplicate(
    api: Api,
) -> None:
    # given
    w = await world(api)
    mediator = await institution_mediator(api, w)
    once = registration(w, idempotencyKey="form-17")
    first = await api.data(REGISTER, {"input": once}, mediator.token)
    # when
    again = await api.data(REGISTER, {"input": once}, mediator.token)
    other = await api.data(REGISTER, {"input": {**once, "firstName": "Omar"}}, mediator.token)
    # then
    assert again["registerYouth"]["youth"]["id"] == first["registerYouth"]["youth"]["id"]
    assert other["registerYouth"]["userErrors"] == [{"field": None, "code": "DUPLICATE"}]


async def test_simultaneous_registrations_with_one_key_make_one_young_person(api: Api) -> None:
    # given
    w = await world(api)
    mediator = await institution_mediator(api, w)
    once = registration(w, idempotencyKey="form-18")
    # when
    answers = await asyncio.gather(
        *(api.data(REGISTER, {"input": once}, mediator.token) for _ in range(12))
    )
    # then
    assert all(a["registerYouth"]["userErrors"] == [] for a in answers)
    assert len({a["registerYouth"]["youth"]["id"] for a in answers}) == 1
    async with api.state.sessions() as session:
        made = await session.scalar(
            select(func.count()).select_from(Youth).where(Youth.idempotency_key == "form-18")
        )
    assert made == 1


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        (
            {"birthDate": (clock.today() + timedelta(days=1)).isoformat()},
            "birthDate",
            "INVALID_INPUT",
        ),
        ({"birthDate": "1970-01-01"}, "birthDate", "INVALID_INPUT"),
        ({"firstName": "x" * 101}, "firstName", "INVALID_INPUT"),
        ({"lastName": "Ben\x00ani"}, "lastName", "INVALID_INPUT"),
        ({"institutionId": to_global_id("Actor", 99_999)}, "institutionId", "NOT_FOUND"),
        ({"institutionId": to_global_id("Service", 1)}, "institutionId", "INVALID_INPUT"),
        ({"mediatorId": to_global_id("User", 99_999)}, "mediatorId", "NOT_FOUND"),
    ],
)
async def test_bad_registrations_are_user_errors(
    api: Api, change: dict[str, object], field: str, code: str
) -> None:
    # given
    w = await world(api)
    mediator = await institution_mediator(api, w)
    # when
    data = await api.data(REGISTER, {"input": registration(w, **change)}, mediator.token)
    # then
    assert data["registerYouth"] == {
        "youth": None,
        "userErrors": [{"field": ["input", field], "code": code}],
    }


async def test_only_those_who_manage_the_young_person_change_them(api: Api) -> None:
    # given
    w = await world(api)
    staff = await person(api, Role.AGENCY_STAFF, actor_id=w.institution)
    stranger = await person(api, Role.MEDIATOR, actor_id=w.other)
    needs = {
        "youthId": to_global_id("Youth", w.youth),
        "needs": [{"axis": "HEALTH", "level": "HIGH"}],
    }
    # when
    seen = await api.data(ASSESS, {"input": needs}, staff.token)
    unseen = await api.data(ASSESS, {"input": needs}, stranger.token)
    # then
    assert seen["assessNeeds"]["userErrors"] == [{"field": None, "code": "PERMISSION_DENIED"}]
    assert unseen["assessNeeds"]["userErrors"] == [{"field": ["input", "id"], "code": "NOT_FOUND"}]


@pytest.mark.parametrize("field", ["status", "firstName", "lastName"])
async def test_a_null_status_or_name_is_refused_as_required_and_changes_nothing(
    api: Api, field: str
) -> None:
    # given a young person their institution's mediator manages
    w = await world(api)
    mediator = await institution_mediator(api, w)
    youth_id = to_global_id("Youth", w.youth)
    before = await api.data(UPDATE, {"input": {"id": youth_id}}, mediator.token)
    # when the mediator sets the field to null
    data = await api.data(UPDATE, {"input": {"id": youth_id, field: None}}, mediator.token)
    # then it is a userError on that field, and the young person is as they were
    assert data["updateYouth"] == {
        "youth": None,
        "userErrors": [{"field": ["input", field], "code": "INVALID_INPUT"}],
    }
    after = await api.data(UPDATE, {"input": {"id": youth_id}}, mediator.token)
    assert after == before and before["updateYouth"]["youth"]["status"] == "IN_CARE"


async def test_needs_are_upserted_per_axis_and_long_notes_refused(api: Api) -> None:
    # given
    w = await world(api)
    youth = to_global_id("Youth", w.youth)
    first = [
        {"axis": "HEALTH", "level": "HIGH", "note": "suivi"},
        {"axis": "EMPLOYMENT", "level": "LOW"},
    ]
    # when
    await api.data(ASSESS, {"input": {"youthId": youth, "needs": first}}, w.mediator.token)
    data = await api.data(
        ASSESS,
        {"input": {"youthId": youth, "needs": [{"axis": "HEALTH", "level": "MEDIUM"}]}},
        w.mediator.token,
    )
    long = await api.data(
        ASSESS,
        {
            "input": {
                "youthId": youth,
                "needs": [{"axis": "HEALTH", "level": "LOW", "note": "n" * 100_000}],
            }
        },
        w.mediator.token,
    )
    # then
    assert data["assessNeeds"]["youth"]["needs"] == [
        {"axis": "EMPLOYMENT", "level": "LOW", "note": None},
        {"axis": "HEALTH", "level": "MEDIUM", "note": None},
    ]
    assert long["assessNeeds"]["userErrors"] == [
        {"field": ["input", "needs", "0", "note"], "code": "INVALID_INPUT"}
    ]


async def test_a_minor_consents_through_a_legal_representative(api: Api) -> None:
    # given
    w = await world(api)
    base = {"youthId": to_global_id("Youth", w.youth), "givenOn": clock.today().isoformat()}
    # when
    refused = await api.data(CONSENT, {"input": {**base, "allActors": True}}, w.mediator.token)
    nobody = await api.data(
        CONSENT, {"input": {**base, "givenBy": "LEGAL_REPRESENTATIVE"}}, w.mediator.token
    )
    given = await api.data(
        CONSENT,
        {"input": {**base, "givenBy": "LEGAL_REPRESENTATIVE", "allActors": True}},
        w.mediator.token,
    )
    # then
    assert refused["recordConsent"]["userErrors"] == [
        {"field": ["input", "givenBy"], "code": "INVALID_INPUT"}
    ]
    assert nobody["recordConsent"]["userErrors"][0]["code"] == "INVALID_INPUT"
    assert given["recordConsent"] == {
        "consent": {"active": True, "allActors": True},
        "userErrors": [],
    }


async def test_the_export_holds_everything_and_identity_reads_are_audited(api: Api) -> None:
    # given
    w = await world(api)
    youth = to_global_id("Youth", w.youth)
    # when
    data = await api.data(EXPORT, {"id": youth}, w.mediator.token)
    await api.data("query($id: ID!) { node(id: $id) { id } }", {"id": youth}, w.mediator.token)
    # then
    document = orjson.loads(data["exportYouthData"]["json"])
    assert document["youth"]["first_name"] == "Salma"
    assert set(document) == {
        "youth",
        "needs",
        "milestones",
        "consents",
        "referrals",
        "assessments",
        "plans",
    }
    reads = await audit_entries(api, "read:Youth.identity")
    assert reads and reads[-1].record_ids == [youth] and reads[-1].user_id == w.mediator.id
    assert len(await audit_entries(api, "exportYouthData")) == 1


async def test_the_audit_log_refuses_updates_and_deletes_on_postgresql(api: Api) -> None:
    # given
    if not api.state.settings.database_url.startswith("postgresql"):
        pytest.skip("the append-only trigger exists on PostgreSQL")
    w = await world(api)
    await api.data(EXPORT, {"id": to_global_id("Youth", w.youth)}, w.mediator.token)
    # when / then
    for statement in ("UPDATE audit_log SET operation = 'x'", "DELETE FROM audit_log"):
        async with api.state.sessions() as session:
            with pytest.raises(Exception, match="append-only"):
                await session.execute(text(statement))
    async with api.state.sessions() as session:
        assert await session.scalar(select(AuditEntry.id).limit(1)) is not None
        assert await session.scalar(select(Youth.id).where(Youth.id == w.youth)) == w.youth
