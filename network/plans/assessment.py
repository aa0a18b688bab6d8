"""Assessing a young person: answers to the indicators, the need level each axis
derives, the mediator's overrule with a reason; the levels become their ``needs``.

Every assessment is kept (``number`` 1, 2…); the newest is current. Axes the answers
say nothing about, and without an overrule, leave the young person's need unchanged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.crypto import DataCipher
from network.enums import NeedLevel, ServiceAxis
from network.errors import InvalidInput
from network.idempotency import add_once, earlier, request_fingerprint
from network.plans import repository, rules
from network.plans.enums import IndicatorAnswer
from network.plans.models import Assessment, AssessmentAnswer, AssessmentAxis
from network.records.youths import Need
from network.validation import clean_text
from network.viewer import Viewer
from network.youths import repository as youths
from network.youths.service import managed_youth


@dataclass(frozen=True)
class Answer:
    indicator: str
    answer: IndicatorAnswer
    note: str | None = None


@dataclass(frozen=True)
class Overrule:
    axis: ServiceAxis
    level: NeedLevel
    reason: str


@dataclass(frozen=True)
class NewAssessment:
    youth_id: int
    answers: Sequence[Answer]
    overrules: Sequence[Overrule] = ()
    note: str | None = None
    idempotency_key: str | None = None


async def assess_youth(
    session: AsyncSession, *, viewer: Viewer, cipher: DataCipher, request: NewAssessment
) -> Assessment:
    """A new assessment; a repeat with the same key and request returns the first."""
    user_id = viewer.signed_in_id()
    key = clean_text(request.idempotency_key, field=["idempotencyKey"], max_length=128)
    fingerprint = request_fingerprint(cipher, asdict(request))
    first = await earlier(
        session,
        Assessment,
        user_id=user_id,
        key=key,
        fingerprint=fingerprint,
        field=["idempotencyKey"],
    )
    if first is not None:
        return first
    await youths.get_for_update(session, request.youth_id)  # one assessment at a time
    youth = await managed_youth(session, viewer=viewer, youth_id=request.youth_id)
    known = {i.code: i.axis for i in await repository.indicators(session)}
    by_axis: dict[ServiceAxis, list[IndicatorAnswer]] = defaultdict(list)
    seen: set[str] = set()
    for index, answer in enumerate(request.answers):
        if answer.indicator not in known:
            raise InvalidInput("no such indicator", field=["answers", str(index), "indicator"])
        if answer.indicator in seen:
            raise InvalidInput("one answer per indicator", field=["answers", str(index)])
        seen.add(answer.indicator)
        by_axis[known[answer.indicator]].append(answer.answer)
    if len({o.axis for o in request.overrules}) != len(request.overrules):
        raise InvalidInput("one overrule per axis", field=["overrules"])
    now = clock.now()
    assessment = Assessment(
        youth_id=youth.id,
        number=await repository.next_assessment_number(session, youth.id),
        note_enc=cipher.encrypt(rules.clean_note(request.note, field=["note"])),
        created_by_id=user_id,
        idempotency_key=key,
        request_fingerprint=fingerprint,
        assessed_at=now,
    )
    made = await add_once(session, assessment, user_id=user_id, key=key, fingerprint=fingerprint)
    if made is not assessment:
        return made
    for index, answer in enumerate(request.answers):
        note = rules.clean_note(answer.note, field=["answers", str(index), "note"])
        session.add(
            AssessmentAnswer(
                assessment_id=assessment.id,
                indicator_code=answer.indicator,
                answer_enc=cipher.encrypt(answer.answer.value),
                note_enc=cipher.encrypt(note),
            )
        )
    overruled = {o.axis: o for o in request.overrules}
    levels: dict[ServiceAxis, NeedLevel] = {}
    for axis in ServiceAxis:
        derived = rules.derived_level(by_axis.get(axis, []))
        overrule = overruled.get(axis)
        if derived is None and overrule is None:
            continue
        reason = None
        if overrule is not None:
            place = str(list(overruled).index(axis))
            reason = rules.required(overrule.reason, field=["overrules", place, "reason"])
        level = overrule.level if overrule else derived
        assert level is not None
        levels[axis] = level
        session.add(
            AssessmentAxis(
                assessment_id=assessment.id,
                axis=axis,
                derived_level=derived if derived is not None else level,
                level=level,
                override_reason_enc=cipher.encrypt(reason),
            )
        )
    await _set_needs(session, youth.id, levels, now=now)
    await session.flush()
    return assessment


async def _set_needs(
    session: AsyncSession, youth_id: int, levels: dict[ServiceAxis, NeedLevel], *, now: datetime
) -> None:
    current = {need.axis: need for need in await youths.needs_of(session, [youth_id])}
    for axis, level in levels.items():
        row = current.get(axis)
        if row is None:
            row = Need(youth_id=youth_id, axis=axis)
            session.add(row)
        row.level = level
        row.assessed_at = now
