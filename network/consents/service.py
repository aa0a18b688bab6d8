"""Recording and withdrawing consents, as docs/access.md allows (those who manage the young
person). A withdrawn consent stops covering anyone at once: access predicates read it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.actors import repository as actors
from network.consents import repository
from network.crypto import DataCipher
from network.enums import ActorKind, ConsentGiver
from network.errors import InvalidInput, InvalidTransition, NotFound
from network.idempotency import add_once, earlier, request_fingerprint
from network.records.consents import Consent
from network.validation import clean_text
from network.viewer import Viewer
from network.youths.identity import birth_date_of
from network.youths.rules import MAJORITY, age_on
from network.youths.service import managed_youth

EVIDENCE_MAX = 200


@dataclass(frozen=True)
class ConsentScope:
    """Whom a consent covers: at least one of all actors, kinds, or named actors."""

    all_actors: bool = False
    actor_kinds: Sequence[ActorKind] = ()
    actor_ids: Sequence[int] = field(default_factory=tuple)


def is_active(consent: Consent, *, today: date) -> bool:
    return (
        consent.withdrawn_at is None
        and consent.given_on <= today
        and (consent.expires_on is None or today <= consent.expires_on)
    )


async def record_consent(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    youth_id: int,
    given_by: ConsentGiver,
    scope: ConsentScope,
    given_on: date,
    expires_on: date | None,
    evidence: str | None,
    idempotency_key: str | None = None,
) -> Consent:
    """A new consent; a repeat with the same ``idempotency_key`` (per user) and the same
    input returns the first one, with other input it is a DUPLICATE."""
    youth = await managed_youth(session, viewer=viewer, youth_id=youth_id)
    user_id = viewer.signed_in_id()
    key = clean_text(idempotency_key, field=["idempotencyKey"], max_length=128)
    request = {
        "youth_id": youth_id,
        "given_by": given_by,
        "scope": scope,
        "given_on": given_on,
        "expires_on": expires_on,
        "evidence": evidence,
    }
    fingerprint = request_fingerprint(cipher, request)
    first = await earlier(
        session,
        Consent,
        user_id=user_id,
        key=key,
        fingerprint=fingerprint,
        refused="this idempotencyKey was used for another consent",
    )
    if first is not None:
        return first
    if not (scope.all_actors or scope.actor_kinds or scope.actor_ids):
        raise InvalidInput("name all actors, kinds of actors or actors", field=["allActors"])
    if expires_on is not None and expires_on <= given_on:
        raise InvalidInput("must be after givenOn", field=["expiresOn"])
    birth_date = birth_date_of(youth, cipher)
    if (
        birth_date is not None
        and age_on(birth_date, given_on) < MAJORITY
        and given_by != ConsentGiver.LEGAL_REPRESENTATIVE
    ):
        raise InvalidInput(
            "a minor's consent is given by their legal representative", field=["givenBy"]
        )
    actor_ids = list(dict.fromkeys(scope.actor_ids))
    if len(await actors.get_many(session, actor_ids)) != len(actor_ids):
        raise NotFound("no such actor", field=["actorIds"])
    consent = Consent(
        youth_id=youth.id,
        given_by=given_by,
        all_actors=scope.all_actors,
        actor_kinds=[str(kind) for kind in dict.fromkeys(scope.actor_kinds)],
        given_on=given_on,
        expires_on=expires_on,
        evidence_enc=cipher.encrypt(
            clean_text(evidence, field=["evidence"], max_length=EVIDENCE_MAX)
        ),
        created_by_id=user_id,
        idempotency_key=key,
        request_fingerprint=fingerprint,
    )
    added = await add_once(session, consent, user_id=user_id, key=key, fingerprint=fingerprint)
    if added is consent:  # not the first call's, made meanwhile under the same key
        await repository.link_actors(session, consent.id, actor_ids)
    return added


async def withdraw_consent(session: AsyncSession, *, viewer: Viewer, consent_id: int) -> Consent:
    """Withdraw now; a consent withdrawn already cannot be withdrawn again."""
    consent = (await repository.get_many(session, [consent_id])).get(consent_id)
    if consent is None:
        raise NotFound("no such consent", field=["id"])
    await managed_youth(session, viewer=viewer, youth_id=consent.youth_id)
    if consent.withdrawn_at is not None:
        raise InvalidTransition("this consent was withdrawn already", field=["id"])
    consent.withdrawn_at = clock.now()
    await session.flush()
    return consent
