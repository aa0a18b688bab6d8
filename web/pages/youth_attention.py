"""What needs attention first on "My young people": plan actions overdue (due date passed,
neither done nor closed), and the open referrals late for an answer or a follow-up — each
row leading to the young person's plan or to the referral, the oldest first."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from web.i18n import N_
from web.pages.case import today
from web.visit import Visit

CLOSED_ACTIONS = frozenset({"DONE", "CANCELLED", "NOT_DONE"})
SHOWN = 10  # the short list's rows; the counts in the table say the rest

LATE_ANSWER = N_("No answer in time")
FOLLOW_UP_DUE = N_("Follow-up due")


def counts(referrals: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """For each young person (by id) of the open referrals: how many await an answer and
    how many are late (an answer or a follow-up)."""
    found: dict[str, dict[str, int]] = {}
    for referral in referrals:
        if referral["youth"] is None:
            continue
        count = found.setdefault(referral["youth"]["id"], {"awaiting": 0, "late": 0})
        count["awaiting"] += referral["status"] == "SENT"
        count["late"] += bool(referral["overdue"])
    return found


def overdue(actions: list[dict[str, Any]], day: str) -> list[dict[str, Any]]:
    """The actions whose due date (ISO) is before ``day`` and that are still open."""
    return [
        a
        for a in actions
        if a["dueDate"] and a["dueDate"] < day and a["status"] not in CLOSED_ACTIONS
    ]


async def overdue_actions(visit: Visit, youths: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """The overdue plan actions of each of ``youths`` (by id) that has any: the caller's
    plan actions read once, each with its young person."""
    day = today()
    shown = {youth["id"] for youth in youths}
    found: dict[str, list[Any]] = {}
    for action in overdue((await visit.run("PlanActionsDue"))["planActions"], day):
        youth = action.get("youth")
        if youth and youth["id"] in shown:
            found.setdefault(youth["id"], []).append(action)
    return {youth_id: sorted(late, key=lambda a: a["dueDate"]) for youth_id, late in found.items()}


def _late_since(referral: dict[str, Any], now: str) -> tuple[str, str]:
    """Why an overdue referral is late, and since when (ISO)."""
    respond_by = referral.get("respondBy")
    if referral["status"] == "SENT" and respond_by and respond_by < now:
        return LATE_ANSWER, respond_by
    return FOLLOW_UP_DUE, referral.get("nextFollowUpAt") or respond_by or ""


def rows(
    youths: dict[str, dict[str, Any]],
    actions: dict[str, list[Any]],
    referrals: list[dict[str, Any]],
    *,
    only_shown: bool,
) -> list[dict[str, Any]]:
    """The "needs attention" list, the oldest first: one row per young person with plan
    actions overdue, one per late referral (of the young people shown, with ``only_shown``)."""
    now = datetime.now(UTC).isoformat()
    found: list[dict[str, Any]] = []
    for youth_id, late in actions.items():
        found.append(
            {
                "kind": "actions",
                "since": late[0]["dueDate"],
                "count": len(late),
                "youth": youths[youth_id],
                "href": f"/youths/{youth_id}/plan",
            }
        )
    for referral in referrals:
        youth = referral["youth"]
        if not referral["overdue"] or (only_shown and (not youth or youth["id"] not in youths)):
            continue
        why, since = _late_since(referral, now)
        found.append(
            {
                "kind": "referral",
                "since": since,
                "why": why,
                "to": referral["toActor"]["name"],
                "youth": youths.get(youth["id"], youth) if youth else None,
                "href": f"/referrals/{referral['id']}",
            }
        )
    return sorted(found, key=lambda row: row["since"])
