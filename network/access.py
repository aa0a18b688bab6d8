"""Every visibility rule of docs/access.md, as SQL predicates to push into queries, and
every right to act on a young person or a referral, as checks on loaded rows.

Words follow docs/access.md: **staff of X** is an AGENCY_STAFF or MEDIATOR user whose actor
is X or a parent of X (``Viewer.actor_scope``); **the mediator** is the user named on
the young person; **lies in T** is a territory path prefix. Staff of an
INTERNATIONAL_PARTNER never see a young person or a referral (no personal data abroad);
ADMIN sees everything; an anonymous caller sees nothing. Predicates read the clock at
the call (``network.clock``), so a withdrawn or expired consent takes effect at once.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    TableClause,
    and_,
    cast,
    column,
    exists,
    false,
    literal,
    or_,
    select,
    table,
    true,
)
from sqlalchemy.orm import outerjoin
from sqlalchemy.sql.selectable import NamedFromClause

from network import clock
from network.actors.models import Actor
from network.enums import OPEN_STATUSES, ActorKind, ReferralStatus, Role
from network.records.consents import Consent, consent_actors
from network.records.referrals import Referral
from network.records.youths import Youth
from network.territories.subtree import in_subtree
from network.viewer import Viewer

RECEIVER_GRACE = timedelta(days=30)


def _slim(model: Any, *names: str) -> TableClause:
    """The table of ``model`` with only the columns ``names`` (their types kept)."""
    full = model.__table__
    return table(full.name, *(column(name, full.c[name].type) for name in names))


# The predicates below correlate fresh aliases of these tables: aliasing a table of a few
# columns costs little, aliasing a whole mapped class costs a proxy for each of its columns
# (the inbox built its predicates in 60 ms before, for 4 rows).
_ACTORS = _slim(Actor, "id", "parent_id", "kind", "territory_id")
_REFERRALS = _slim(Referral, "youth_id", "to_actor_id", "status", "closed_at")
_YOUTHS = _slim(Youth, "id", "institution_id", "mediator_id")


def _alias(slim: TableClause) -> NamedFromClause:
    return slim.alias()


def youths_alias() -> NamedFromClause:
    """A fresh alias of the young people's table with what the predicates read (``.c``)."""
    return _alias(_YOUTHS)


"""How long after a referral closed its receiver still sees the young person."""


def sees_nothing(viewer: Viewer) -> bool:
    """Anonymous callers and international partners' staff (docs/access.md: aggregates only)."""
    if viewer.is_anonymous:
        return True
    return not viewer.is_admin and viewer.actor_kind == ActorKind.INTERNATIONAL_PARTNER


def staff_scope(viewer: Viewer, actor_id: Any) -> ColumnElement[bool]:
    """``actor_id`` is an actor the viewer is staff of (that actor or a unit under it)."""
    if not viewer.is_actor_staff or not viewer.actor_scope:
        return false()
    return actor_id.in_(sorted(viewer.actor_scope))  # type: ignore[no-any-return]


def _mediates(viewer: Viewer, mediator_id: Any) -> ColumnElement[bool]:
    if viewer.user_id is None:
        return false()
    return mediator_id == viewer.user_id  # type: ignore[no-any-return]


def _actor_lies_in(actor_id: Any, path: str) -> ColumnElement[bool]:
    """The actor ``actor_id``'s territory is the one at ``path`` or lies under it."""
    actor = _alias(_ACTORS).c
    return exists().where(actor.id == actor_id, in_subtree(actor.territory_id, path))


# The lineage of the actor a consent must cover (the actor, its parent, its grandparent),
# and the tests of a consent that read nothing of the query around it, built once: each
# call adds only what ties them to its young person, its actor and today. The three aliases
# are correlated with nothing (``correlate_except``), so every copy of the predicate in a
# statement, each in its own EXISTS, may share them.
_UNITS, _PARENTS, _GRANDPARENTS = _alias(_ACTORS), _alias(_ACTORS), _alias(_ACTORS)
_LINEAGE = outerjoin(
    outerjoin(_UNITS, _PARENTS, _PARENTS.c.id == _UNITS.c.parent_id),
    _GRANDPARENTS,
    _GRANDPARENTS.c.id == _PARENTS.c.parent_id,
)
_NAMES_LINEAGE = exists().where(
    consent_actors.c.consent_id == Consent.id,
    consent_actors.c.actor_id.in_(
        [_UNITS.c.id, _UNITS.c.parent_id, _PARENTS.c.parent_id, _GRANDPARENTS.c.parent_id]
    ),
)
# actor_kinds is a JSON array of kind names: a quoted name matches exactly one element.
_NAMES_KIND = cast(Consent.actor_kinds, String).like(
    literal('%"') + cast(_UNITS.c.kind, String) + literal('"%')
)
_NOT_WITHDRAWN = Consent.withdrawn_at.is_(None)
_NAMES_ACTOR = or_(Consent.all_actors.is_(True), _NAMES_KIND, _NAMES_LINEAGE)
_CONSENTS = select(literal(1)).select_from(Consent, _LINEAGE)


def covering_consent(youth_id: Any, actor_id: Any, *, today: date) -> ColumnElement[bool]:
    """docs/access.md "covering consent": a consent of the young person, not withdrawn,
    ``given_on`` ≤ today ≤ ``expires_on`` (when set), that names the actor or a parent
    of it (up to three levels of parents), its kind, or all actors."""
    return exists(
        _CONSENTS.where(
            _UNITS.c.id == actor_id,
            Consent.youth_id == youth_id,
            _NOT_WITHDRAWN,
            Consent.given_on <= today,
            or_(Consent.expires_on.is_(None), Consent.expires_on >= today),
            _NAMES_ACTOR,
        ).correlate_except(Consent, _UNITS, _PARENTS, _GRANDPARENTS)
    )


def receiver_sees_youth(viewer: Viewer, youth_id: Any, *, now: datetime) -> ColumnElement[bool]:
    """docs/access.md "the receiver sees the young person": staff of the receiving actor of a
    referral of theirs that is not a DRAFT and is open or closed less than 30 days ago,
    while a consent covers that receiving actor."""
    if sees_nothing(viewer) or not viewer.is_actor_staff:
        return false()
    # An alias: queries on referrals embed this too, and must not correlate with it.
    referral = _alias(_REFERRALS).c
    return exists().where(
        referral.youth_id == youth_id,
        staff_scope(viewer, referral.to_actor_id),
        referral.status != ReferralStatus.DRAFT,
        or_(
            referral.status.in_(sorted(OPEN_STATUSES)),
            referral.closed_at > now - RECEIVER_GRACE,
        ),
        covering_consent(youth_id, referral.to_actor_id, today=clock.local_date(now)),
    )


def youth_identity_visible(
    viewer: Viewer, youth: Any = Youth, *, now: datetime | None = None
) -> ColumnElement[bool]:
    """docs/access.md "identity" row (names, birth date, need notes, referral reasons and
    notes, consents): staff of their institution, their mediator, the receiver that
    sees them, ADMIN — never a coordinator."""
    if sees_nothing(viewer):
        return false()
    if viewer.is_admin:
        return true()
    return or_(
        staff_scope(viewer, youth.institution_id),
        _mediates(viewer, youth.mediator_id),
        receiver_sees_youth(viewer, youth.id, now=now or clock.now()),
    )


def youth_visible(
    viewer: Viewer,
    youth: Any = Youth,
    *,
    now: datetime | None = None,
    identity: ColumnElement[bool] | None = None,
) -> ColumnElement[bool]:
    """docs/access.md "a young person" row (code, status, age, gender, institution,
    residence, need levels, milestones): whoever sees their identity, and coordinators
    of a territory their institution lies in. ``identity``: the statement's own
    ``youth_identity_visible`` of ``youth``, reused rather than built again."""
    if sees_nothing(viewer):
        return false()
    if identity is None:
        identity = youth_identity_visible(viewer, youth, now=now)
    if viewer.is_coordinator and viewer.territory_path is not None:
        return or_(identity, _actor_lies_in(youth.institution_id, viewer.territory_path))
    return identity


def referral_visible(viewer: Viewer, referral: Any = Referral) -> ColumnElement[bool]:
    """docs/access.md "a referral" row: staff of its sender, staff of its receiver unless it
    is a DRAFT, the mediator of its young person, coordinators of a territory its sender
    or receiver lies in, ADMIN."""
    if sees_nothing(viewer):
        return false()
    if viewer.is_admin:
        return true()
    seen = [
        staff_scope(viewer, referral.from_actor_id),
        and_(
            staff_scope(viewer, referral.to_actor_id),
            referral.status != ReferralStatus.DRAFT,
        ),
    ]
    if viewer.user_id is not None:
        mediated = _alias(_YOUTHS).c
        seen.append(
            exists().where(mediated.id == referral.youth_id, mediated.mediator_id == viewer.user_id)
        )
    if viewer.is_coordinator and viewer.territory_path is not None:
        seen.append(_actor_lies_in(referral.from_actor_id, viewer.territory_path))
        seen.append(_actor_lies_in(referral.to_actor_id, viewer.territory_path))
    return or_(*seen)


def may_manage_youth(viewer: Viewer, youth: Youth) -> bool:
    """docs/access.md "register or update a young person, assess needs, record or withdraw
    consent, record milestones, export their data": their mediator; MEDIATOR staff of
    their institution; ADMIN."""
    if sees_nothing(viewer):
        return False
    if viewer.is_admin or (viewer.user_id is not None and youth.mediator_id == viewer.user_id):
        return True
    return Role.MEDIATOR in viewer.roles and viewer.is_staff_of(youth.institution_id)


def may_act_as_sender(viewer: Viewer, *, from_actor_id: int, youth: Youth) -> bool:
    """docs/access.md "create a referral (from actor F), send, cancel, schedule follow-ups":
    their mediator, or staff of F; ADMIN."""
    if sees_nothing(viewer):
        return False
    if viewer.is_admin or (viewer.user_id is not None and youth.mediator_id == viewer.user_id):
        return True
    return viewer.is_staff_of(from_actor_id)


def may_refer_from(viewer: Viewer, *, from_actor_id: int) -> bool:
    """docs/access.md "create a referral (from actor F)": staff of F — the young person's
    mediator too sends from their own actor (or one of its units), never another's; ADMIN."""
    if sees_nothing(viewer):
        return False
    return viewer.is_admin or viewer.is_staff_of(from_actor_id)


def may_act_as_receiver(viewer: Viewer, *, to_actor_id: int) -> bool:
    """docs/access.md "accept, decline, redirect, start, complete": staff of the receiving
    actor; ADMIN."""
    if sees_nothing(viewer):
        return False
    return viewer.is_admin or viewer.is_staff_of(to_actor_id)
