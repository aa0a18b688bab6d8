"""The coordination figures of one scope, as stored in a snapshot's JSON payload.

Lists are stored at their longest (``MAX_LISTED``); the API cuts them to ``first``.
A rate or a percentile without data is None, never 0.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from pydantic import TypeAdapter

from network.enums import ServiceAxis

MAX_LISTED = 100


@dataclass(frozen=True)
class ReferralFigures:
    sent: int
    accepted: int
    declined: int
    expired: int
    completed: int
    redirected: int
    cancelled: int
    acceptance_rate: float | None
    closed_loop_rate: float | None
    median_response_hours: float | None
    p90_response_hours: float | None
    median_completion_days: float | None
    overdue_follow_ups: int


@dataclass(frozen=True)
class AxisFigures:
    axis: ServiceAxis
    sent: int
    completed: int
    acceptance_rate: float | None
    median_response_hours: float | None


@dataclass(frozen=True)
class ActorFigures:
    actor_id: int
    sent: int
    received: int
    acceptance_rate: float | None
    median_response_hours: float | None
    overdue_responses: int


@dataclass(frozen=True)
class InstitutionAutonomy:
    institution_id: int
    cohort_size: int
    autonomous_within_12_months: int
    rate_12_months: float | None


@dataclass(frozen=True)
class AutonomyFigures:
    cohort_size: int
    autonomous_within_6_months: int
    autonomous_within_12_months: int
    rate_12_months: float | None
    by_institution: list[InstitutionAutonomy]


@dataclass(frozen=True)
class Centrality:
    actor_id: int
    partners: int
    referrals_brokered: int


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
