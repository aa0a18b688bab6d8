"""The autonomy indicator on a hand-built cohort; today is 15 March 2026.

Cohort: left care in the first half of 2025. Institution ``inst`` lies in MA-TNG
(region MA-01), ``inst2`` in MA-CAS.

    who  institution  left care    milestones                          autonomous on
    a    inst         2025-01-10   EMPLOYED 03-01, HOUSING 2025-05-01   2025-05-01 (within 6)
    b    inst         2025-02-15   TRAINING 2024-12-01, HOUSING 2026-03-01
                                                                    2026-03-01 (after 12)
    c    inst         2025-03-31   EMPLOYED 2025-04-01                 never; 12 months: 03-31
    d    inst2        2025-06-30   EMPLOYED 07-01, HOUSING 2025-08-01   within 6; 12 months not yet
    f    inst         2025-04-30   HOUSING, ID_DOCUMENTS               never
    h    inst2        2025-02-28   EMPLOYED, HOUSING 2025-08-28        on the 6-month day
    e    inst         2024-12-31   (before the period)
    g    inst         never left
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from network.enums import ActorKind, MilestoneKind
from network.metrics.figures import InstitutionAutonomy
from network.metrics.scope import Period
from network.metrics.service import compute, scope_of
from network.metrics.settings import AutonomyRule, MetricsSettings
from tests.network.metrics.world import World

HALF = Period(date(2025, 1, 1), date(2025, 6, 30))
AS_OF = datetime(2026, 3, 15, 12, tzinfo=UTC)
M = MilestoneKind
E, H, T, ID = M.EMPLOYED, M.HOUSING_SECURED, M.TRAINING_ENROLLED, M.ID_DOCUMENTS


@dataclass(frozen=True)
class Institutions:
    inst: int
    inst2: int


async def build(world: World) -> Institutions:
    inst = await world.actor("MA-TNG", kind=ActorKind.CARE_INSTITUTION)
    inst2 = await world.actor("MA-CAS", kind=ActorKind.CARE_INSTITUTION)
    # who: (institution, left care on, milestones), as in the table above
    cohort = {
        "a": (inst, date(2025, 1, 10), [(E, date(2025, 3, 1)), (H, date(2025, 5, 1))]),
        "b": (inst, date(2025, 2, 15), [(T, date(2024, 12, 1)), (H, date(2026, 3, 1))]),
        "c": (inst, date(2025, 3, 31), [(E, date(2025, 4, 1))]),
        "d": (inst2, date(2025, 6, 30), [(E, date(2025, 7, 1)), (H, date(2025, 8, 1))]),
        "f": (inst, date(2025, 4, 30), [(H, date(2025, 5, 1)), (ID, date(2025, 5, 2))]),
        "h": (inst2, date(2025, 2, 28), [(E, date(2025, 8, 28)), (H, date(2025, 8, 28))]),
        "e": (inst, date(2024, 12, 31), [(E, date(2025, 1, 1)), (H, date(2025, 1, 1))]),
        "g": (inst, None, [(E, date(2025, 1, 1)), (H, date(2025, 1, 1))]),
    }
    for institution, left, milestones in cohort.values():
        youth = await world.youth(institution, left_care_on=left)
        for kind, day in milestones:
            await world.milestone(youth, kind, day)
    return Institutions(inst, inst2)


async def test_the_country_cohort(world: World) -> None:
    # given the cohort
    n = await build(world)
    scope = await scope_of(world.session, period=HALF)

    # when the figures are computed
    autonomy = (await compute(world.session, scope, as_of=AS_OF)).autonomy

    # then a, b, c, d, f, h left in the period; a, d, h were autonomous within 6 months;
    # a, b, h are 12 months out, of whom a and h were autonomous within 12 months
    assert autonomy.cohort_size == 6
    assert autonomy.autonomous_within_6_months == 3
    assert autonomy.autonomous_within_12_months == 2
    assert autonomy.rate_12_months == pytest.approx(2 / 3)
    assert autonomy.by_institution == [
        InstitutionAutonomy(n.inst, 4, 1, 0.5),
        InstitutionAutonomy(n.inst2, 2, 1, 1.0),
    ]


async def test_a_territory_counts_the_young_people_of_its_institutions(world: World) -> None:
    # given the cohort
    n = await build(world)
    scope = await scope_of(world.session, period=HALF, territory_id=await world.territory("MA-01"))

    # when the figures of MA-01 are computed
    autonomy = (await compute(world.session, scope, as_of=AS_OF)).autonomy

    # then only inst's a, b, c, f count
    assert (autonomy.cohort_size, autonomy.autonomous_within_6_months) == (4, 1)
    assert autonomy.rate_12_months == pytest.approx(0.5)
    assert [i.institution_id for i in autonomy.by_institution] == [n.inst]


async def test_a_cohort_not_yet_twelve_months_out_has_no_rate(world: World) -> None:
    # given the cohort, and the period in which only d left
    await build(world)
    scope = await scope_of(world.session, period=Period(date(2025, 6, 1), date(2025, 6, 30)))

    # when the figures are computed
    autonomy = (await compute(world.session, scope, as_of=AS_OF)).autonomy

    # then d counts within 6 months, but nobody is 12 months out: the rate is null
    assert (autonomy.cohort_size, autonomy.autonomous_within_6_months) == (1, 1)
    assert autonomy.autonomous_within_12_months == 0
    assert autonomy.rate_12_months is None


async def test_the_definition_is_a_setting(world: World) -> None:
    # given the cohort, and autonomy defined by employment alone
    await build(world)
    scope = await scope_of(world.session, period=HALF)
    rule = MetricsSettings(autonomy_milestones="EMPLOYED").autonomy_rule

    # when the figures are computed with it
    autonomy = (await compute(world.session, scope, as_of=AS_OF, rule=rule)).autonomy

    # then a, c, d, h were employed within 6 months of leaving
    assert autonomy.autonomous_within_6_months == 4


def test_the_setting_is_checked() -> None:
    # given a setting naming a kind that does not exist
    # when it is read / then it is refused, naming the problem
    with pytest.raises(ValueError, match="unknown milestone kind"):
        MetricsSettings(autonomy_milestones="EMPLOYED,HOUSE")
    assert AutonomyRule.parse("employed | training_enrolled , HOUSING_SECURED").groups == (
        frozenset({M.EMPLOYED, M.TRAINING_ENROLLED}),
        frozenset({M.HOUSING_SECURED}),
    )
