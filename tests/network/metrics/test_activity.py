"""The activity report: referrals completed in the period, per receiving actor or unit,
category and axis; and its CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from typing import Any

from network.enums import ReferralStatus, ServiceAxis
from network.metrics.activity import ActivityRow, activity_rows, write_activity_csv
from network.metrics.scope import Period
from tests.network.metrics.world import World, at

MAY = Period(date(2026, 5, 1), date(2026, 5, 31))
S = ReferralStatus


async def build(world: World) -> dict[str, int]:
    complex_ = await world.actor("MA-TNG", name="Complexe social")
    unit = await world.actor("MA-TNG", name="Unité mobile", parent=complex_)
    elsewhere = await world.actor("MA-CAS", name="Casablanca")
    schooling = await world.service(
        unit, ServiceAxis.EDUCATION_TRAINING, category="education.schooling-support"
    )
    literacy = await world.service(
        unit, ServiceAxis.EDUCATION_TRAINING, category="education.literacy"
    )
    sent = at(date(2026, 4, 20))
    done = 15.0  # completed 5 May

    async def to_unit(service: int, status: ReferralStatus = S.COMPLETED, **values: Any) -> None:
        """A referral from Casablanca to one of the unit's education services."""
        given: dict[str, Any] = {"sent": sent, "completion_days": done} | values
        axis = ServiceAxis.EDUCATION_TRAINING
        await world.referral(elsewhere, unit, status=status, service=service, axis=axis, **given)

    for _ in range(2):
        await to_unit(schooling)
    await to_unit(literacy)
    await world.referral(elsewhere, complex_, sent=sent, status=S.COMPLETED, completion_days=done)
    await world.referral(complex_, elsewhere, sent=sent, status=S.COMPLETED, completion_days=done)
    await to_unit(schooling, S.IN_PROGRESS, completion_days=None)
    await to_unit(schooling, sent=datetime(2026, 5, 1, tzinfo=UTC), completion_days=31)
    return {
        "complex": complex_,
        "unit": unit,
        "elsewhere": elsewhere,
        "schooling": await world.category("education.schooling-support"),
        "literacy": await world.category("education.literacy"),
    }


async def test_services_delivered_per_actor_unit_and_category(world: World) -> None:
    # given referrals completed in May (and one still in progress, one completed in June)
    ids = await build(world)

    # when the report of MA-01 for May is made
    rows = await activity_rows(world.session, territory_path="/MA-01/", period=MAY)

    # then the complex counts its own, the unit its own per category; Casablanca is out
    unit_rows = [
        ActivityRow(ids["unit"], ids["schooling"], ServiceAxis.EDUCATION_TRAINING, 2),
        ActivityRow(ids["unit"], ids["literacy"], ServiceAxis.EDUCATION_TRAINING, 1),
    ]
    assert rows == [
        ActivityRow(ids["complex"], None, ServiceAxis.SOCIAL_ASSISTANCE, 1),
        *sorted(unit_rows, key=lambda row: row.category_id or 0),
    ]


async def test_the_csv_names_actors_units_and_categories(world: World) -> None:
    # given the referrals
    await build(world)
    out = io.StringIO()

    # when the CSV of the whole country for May is written
    written = await write_activity_csv(world.session, territory_code=None, period=MAY, out=out)

    # then one line per actor, category and axis, with names
    lines = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert written == len(lines) == 4
    unit_lines = [line for line in lines if line["actor"] == "Unité mobile"]
    assert {line["unit_of"] for line in unit_lines} == {"Complexe social"}
    assert {(line["category"], line["services_delivered"]) for line in unit_lines} == {
        ("education.schooling-support", "2"),
        ("education.literacy", "1"),
    }
    assert lines[0]["period_from"] == "2026-05-01" and lines[0]["territory"] == "MA-TNG"
