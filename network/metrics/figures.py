"""The coordination figures of one scope, as stored in a snapshot's JSON payload.

Lists are stored at their longest (``MAX_LISTED``); the API cuts them to ``first``.
A rate or a percentile without data is None, never 0. A count may also be None once
``network.metrics.disclosure`` hid it from a viewer; the fields' metadata say which are
counts of people or referrals and what each rate or median is drawn from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from pydantic import TypeAdapter

from network.enums import ServiceAxis
from network.metrics.disclosure import COUNT, drawn_from

MAX_LISTED = 100


@dataclass(frozen=True)
class ReferralFigures:
    sent: int | None = field(metadata=COUNT)
    accepted: int | None = field(metadata=COUNT)
    declined: int | None = field(metadata=COUNT)
    expired: int | None = field(metadata=COUNT)
    completed: int | None = field(metadata=COUNT)
    redirected: int | None = field(metadata=COUNT)
    cancelled: int | None = field(metadata=COUNT)
    acceptance_rate: float | None = field(metadata=drawn_from("accepted", "declined"))
    closed_loop_rate: float | None = field(metadata=drawn_from("sent"))
    median_response_hours: float | None = field(metadata=drawn_from("accepted", "declined"))
    p90_response_hours: float | None = field(metadata=drawn_from("accepted", "declined"))
    median_completion_days: float | None = field(metadata=drawn_from("completed"))
    overdue_follow_ups: int | None = field(metadata=COUNT)


@dataclass(frozen=True)
class AxisFigures:
    axis: ServiceAxis
    sent: int | None = field(metadata=COUNT)
    completed: int | None = field(metadata=COUNT)
    acceptance_rate: float | None = field(metadata=drawn_from("answered"))
    median_response_hours: float | None = field(metadata=drawn_from("answered"))
    answered: int | None = field(default=None, compare=False, metadata=COUNT)
    """Accepted or declined: the denominator of the acceptance rate (None in snapshots
    stored before it was kept, so their rates stay hidden)."""


@dataclass(frozen=True)
class ActorFigures:
    actor_id: int
    sent: int | None = field(metadata=COUNT)
    received: int | None = field(metadata=COUNT)
    acceptance_rate: float | None = field(metadata=drawn_from("answered"))
    median_response_hours: float | None = field(metadata=drawn_from("answered"))
    overdue_responses: int | None = field(metadata=COUNT)
    answered: int | None = field(default=None, compare=False, metadata=COUNT)


@dataclass(frozen=True)
class InstitutionAutonomy:
    institution_id: int
    cohort_size: int | None = field(metadata=COUNT)
    autonomous_within_12_months: int | None = field(metadata=COUNT)
    rate_12_months: float | None = field(metadata=drawn_from("out_12_months"))
    out_12_months: int | None = field(default=None, compare=False, metadata=COUNT)
    """Left care 12 months ago or more: the denominator of ``rate_12_months``."""


@dataclass(frozen=True)
class AutonomyFigures:
    cohort_size: int | None = field(metadata=COUNT)
    autonomous_within_6_months: int | None = field(metadata=COUNT)
    autonomous_within_12_months: int | None = field(metadata=COUNT)
    rate_12_months: float | None = field(metadata=drawn_from("out_12_months"))
    by_institution: list[InstitutionAutonomy]
    out_12_months: int | None = field(default=None, compare=False, metadata=COUNT)


@dataclass(frozen=True)
class Centrality:
    actor_id: int
    partners: int
    referrals_brokered: int | None = field(metadata=COUNT)


@dataclass(frozen=True)
class NetworkFigures:
    actors: int
    active_links: int
    density: float | None
    isolated_actor_ids: list[int]
    top_brokers: list[Centrality]


@dataclass(frozen=True)
class Metrics:
    referrals: ReferralFigures
    by_axis: list[AxisFigures]
    by_actor: list[ActorFigures]
    autonomy: AutonomyFigures
    network: NetworkFigures

    def to_payload(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> Metrics:
        return _METRICS.validate_python(payload)


_METRICS = TypeAdapter(Metrics)


def share(numerator: int, denominator: int) -> float | None:
    """A rate of two counts; None when the denominator is 0."""
    return numerator / denominator if denominator else None
