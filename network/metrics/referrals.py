"""Referral figures of a scope: counts by outcome, rates, response and completion times.

A referral belongs to the scope when it was sent in the period, on the axis, involving
the actor, and its sender or receiver lies in the territory. Counts follow each
referral's status now: *accepted* counts those the receiver took on and still holds or
finished (ACCEPTED, IN_PROGRESS, COMPLETED). Time to first response runs from sending
to the receiver's first answer (``responded_at``: accept, decline or redirect), over the
referrals that got one; time to completion from sending to completion.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    and_,
    case,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import ColumnElement

from network.enums import ReferralStatus, ServiceAxis
from network.metrics.figures import MAX_LISTED, ActorFigures, AxisFigures, ReferralFigures, share
from network.metrics.scope import Scope, actors_in
from network.metrics.sql import epoch_seconds, percentiles
from network.records.referrals import Referral

ACCEPTED = (ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED)
CLOSED_LOOP = (
    ReferralStatus.COMPLETED,
    ReferralStatus.DECLINED,
    ReferralStatus.REDIRECTED,
    ReferralStatus.CANCELLED,
)
FOLLOWED_UP = (ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS)
SHARES = (0.5, 0.9)


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return case((condition, 1), else_=0)


_FLAGS = (
    "accepted",
    "declined",
    "expired",
    "completed",
    "redirected",
    "cancelled",
    "closed_loop",
    "overdue_follow_up",
    "overdue_response",
)
SCOPED = Table(
    "metrics_scoped",
    MetaData(),
    Column("id", Integer),
    Column("from_actor_id", Integer),
    Column("to_actor_id", Integer),
    Column("axis", String(32)),
    Column("status", String(16)),
    *(Column(flag, Integer) for flag in _FLAGS),
    Column("response_hours", Float),
    Column("completion_days", Float),
    prefixes=["TEMPORARY"],
)


@asynccontextmanager
async def scoped_referrals(
    session: AsyncSession, scope: Scope, *, as_of: datetime
) -> AsyncIterator[Table]:
    """The referrals of the scope in a temporary table read by every figure, so that the
    referrals table is scanned once per scope. Dropped on success; a failure rolls the
    transaction (and the table) back."""
    connection = await session.connection()
    await session.execute(text(f"DROP TABLE IF EXISTS {SCOPED.name}"))
    await connection.run_sync(SCOPED.create)
    statement = _scoped_select(scope, as_of=as_of)
    await session.execute(insert(SCOPED).from_select(list(SCOPED.c.keys()), statement))
    yield SCOPED
    await connection.run_sync(SCOPED.drop)


def _scoped_select(scope: Scope, *, as_of: datetime) -> Select[Any]:
    """One row per referral of the scope, with the flags and durations every figure needs."""
    r = Referral.__table__.c
    status = r.status
    hours = (epoch_seconds(r.responded_at) - epoch_seconds(r.sent_at)) / 3600.0
    days = (epoch_seconds(r.completed_at) - epoch_seconds(r.sent_at)) / 86400.0
    statement = select(
        r.id,
        r.from_actor_id,
        r.to_actor_id,
        r.axis,
        r.status,
        _flag(status.in_(ACCEPTED)).label("accepted"),
        _flag(status == ReferralStatus.DECLINED).label("declined"),
        _flag(status == ReferralStatus.EXPIRED).label("expired"),
        _flag(status == ReferralStatus.COMPLETED).label("completed"),
        _flag(status == ReferralStatus.REDIRECTED).label("redirected"),
        _flag(status == ReferralStatus.CANCELLED).label("cancelled"),
        _flag(status.in_(CLOSED_LOOP)).label("closed_loop"),
        _flag(and_(status.in_(FOLLOWED_UP), r.next_follow_up_at < as_of)).label(
            "overdue_follow_up"
        ),
        _flag(and_(status == ReferralStatus.SENT, r.respond_by < as_of)).label("overdue_response"),
        hours.label("response_hours"),
        case((status == ReferralStatus.COMPLETED, days)).label("completion_days"),
    ).where(
        r.sent_at >= scope.period.first_instant,
        r.sent_at < scope.period.end_instant,
    )
    if scope.axis is not None:
        statement = statement.where(r.axis == scope.axis)
    if scope.actor_id is not None:
        statement = statement.where(
            or_(r.from_actor_id == scope.actor_id, r.to_actor_id == scope.actor_id)
        )
    if scope.territory_path is not None:
        inside = actors_in(scope.territory_path)
        statement = statement.where(or_(r.from_actor_id.in_(inside), r.to_actor_id.in_(inside)))
    return statement


def _totals(scoped: Table) -> Select[Any]:
    c = scoped.c
    return select(
        func.count(),
        *(func.coalesce(func.sum(c[name]), 0) for name in _FLAGS[:-1]),
    )


async def referral_figures(session: AsyncSession, scoped: Table) -> ReferralFigures:
    sent, accepted, declined, expired, completed, redirected, cancelled, closed, overdue = (
        await session.execute(_totals(scoped))
    ).one()
    response = (
        await session.execute(percentiles(scoped, [], "response_hours", SHARES))
    ).one_or_none()
    completion = (
        await session.execute(percentiles(scoped, [], "completion_days", SHARES))
    ).one_or_none()
    return ReferralFigures(
        sent=sent,
        accepted=accepted,
        declined=declined,
        expired=expired,
        completed=completed,
        redirected=redirected,
        cancelled=cancelled,
        acceptance_rate=share(accepted, accepted + declined),
        closed_loop_rate=share(closed, sent),
        median_response_hours=response.p50 if response else None,
        p90_response_hours=response.p90 if response else None,
        median_completion_days=completion.p50 if completion else None,
        overdue_follow_ups=overdue,
    )


async def axis_figures(session: AsyncSession, scoped: Table, scope: Scope) -> list[AxisFigures]:
    """Every axis in enum order (only the scope's axis when it has one), zeros included."""
    c = scoped.c
    medians = percentiles(scoped, ["axis"], "response_hours", (0.5,)).subquery("medians")
    counts = (
        select(
            c.axis,
            func.count().label("sent"),
            func.sum(c.completed).label("completed"),
            func.sum(c.accepted).label("accepted"),
            func.sum(c.declined).label("declined"),
        )
        .group_by(c.axis)
        .subquery("counts")
    )
    rows = await session.execute(
        select(counts, medians.c.p50).outerjoin(medians, medians.c.axis == counts.c.axis)
    )
    found = {ServiceAxis(row.axis): row for row in rows}
    axes = [scope.axis] if scope.axis is not None else list(ServiceAxis)
    figures = []
    for axis in axes:
        row = found.get(axis)
        figures.append(
            AxisFigures(
                axis=axis,
                sent=row.sent if row else 0,
                completed=row.completed if row else 0,
                acceptance_rate=share(row.accepted, row.accepted + row.declined) if row else None,
                median_response_hours=row.p50 if row else None,
                answered=row.accepted + row.declined if row else 0,
            )
        )
    return figures


async def actor_figures(session: AsyncSession, scoped: Table, scope: Scope) -> list[ActorFigures]:
    """Actors lying in the territory that sent or received referrals of the scope, most
    referrals received first (then by id), at most ``MAX_LISTED``."""
    c = scoped.c
    zero = literal(0, Integer)
    as_sender = select(
        c.from_actor_id.label("actor_id"),
        literal(1, Integer).label("sent"),
        zero.label("received"),
        zero.label("accepted"),
        zero.label("declined"),
        zero.label("overdue"),
    )
    as_receiver = select(
        c.to_actor_id.label("actor_id"),
        zero.label("sent"),
        literal(1, Integer).label("received"),
        c.accepted,
        c.declined,
        c.overdue_response.label("overdue"),
    )
    involved = union_all(as_sender, as_receiver).subquery("involved")
    i = involved.c
    totals = select(
        i.actor_id,
        func.sum(i.sent).label("sent"),
        func.sum(i.received).label("received"),
        func.sum(i.accepted).label("accepted"),
        func.sum(i.declined).label("declined"),
        func.sum(i.overdue).label("overdue"),
    ).group_by(i.actor_id)
    if scope.territory_path is not None:
        totals = totals.where(i.actor_id.in_(actors_in(scope.territory_path)))
    top = totals.order_by(func.sum(i.received).desc(), i.actor_id).limit(MAX_LISTED).subquery("top")
    receiving = select(c.to_actor_id.label("actor_id"), c.response_hours).subquery("receiving")
    medians = percentiles(receiving, ["actor_id"], "response_hours", (0.5,)).subquery("medians")
    rows = await session.execute(
        select(top, medians.c.p50)
        .outerjoin(medians, medians.c.actor_id == top.c.actor_id)
        .order_by(top.c.received.desc(), top.c.actor_id)
    )
    return [
        ActorFigures(
            actor_id=row.actor_id,
            sent=row.sent,
            received=row.received,
            acceptance_rate=share(row.accepted, row.accepted + row.declined),
            median_response_hours=row.p50,
            overdue_responses=row.overdue,
            answered=row.accepted + row.declined,
        )
        for row in rows
    ]
