"""Registering and deleting an actor's webhooks (docs/access.md: ADMIN, staff of that actor).

The secret is kept encrypted (``DataCipher``) and never shown again. A deleted webhook
is kept (its messages name it) but inactive, and disappears from lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession

from network.actors import repository as actors
from network.crypto import DataCipher
from network.enums import ReferralEventKind
from network.errors import InvalidInput, NotFound, PermissionDenied
from network.notifications.models import Webhook
from network.viewer import Viewer
from network.webhook_addresses import (
    NOTHING_ALLOWED,
    AllowedHosts,
    UnsafeAddress,
    checked,
    literal,
    resolve,
)
from network.webhooks import repository

MIN_SECRET = 16
MAX_SECRET = 200
MAX_URL = 2000


def may_manage(viewer: Viewer, actor_id: int) -> bool:
    """docs/access.md "register or delete its webhooks", and reading them: ADMIN, staff of it."""
    return viewer.is_admin or viewer.is_staff_of(actor_id)


def checked_url(url: str, *, production: bool) -> str:
    """An absolute http(s) URL with a host; https only in production."""
    url = url.strip()
    parts = urlsplit(url)
    allowed = ("https",) if production else ("http", "https")
    if len(url) > MAX_URL or parts.scheme not in allowed or not parts.hostname:
        scheme = "https" if production else "http(s)"
        raise InvalidInput(f"must be an absolute {scheme} URL", field=["url"])
    return url


async def ensure_reachable(url: str, allowed: AllowedHosts) -> None:
    """Refuse a URL whose host is or resolves to an address that is not public (unless
    allowed). A name that does not resolve yet is let through: every delivery resolves
    again and connects only to a checked address."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise InvalidInput("the port is not a number", field=["url"]) from None
    try:
        addresses = await resolve(host, port)
    except UnsafeAddress:
        if literal(host) is not None:
            raise InvalidInput("must be a public address", field=["url"]) from None
        return
    try:
        checked(host, addresses, allowed)
    except UnsafeAddress:
        raise InvalidInput(
            "must resolve to public addresses only (loopback, private, link-local,"
            " multicast and reserved ones are refused)",
            field=["url"],
        ) from None


async def register_webhook(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    actor_id: int,
    url: str,
    secret: str,
    events: Sequence[ReferralEventKind] | None,
    production: bool,
    now: datetime,
    allowed: AllowedHosts = NOTHING_ALLOWED,
) -> Webhook:
    """A new active webhook of the actor, for ``events`` (None: every kind of event)."""
    if not await actors.get_visible(session, [actor_id], viewer):
        raise NotFound("no such actor", field=["actorId"])
    if not may_manage(viewer, actor_id):
        raise PermissionDenied("only the actor's staff register its webhooks")
    if not MIN_SECRET <= len(secret) <= MAX_SECRET:
        raise InvalidInput(f"between {MIN_SECRET} and {MAX_SECRET} characters", field=["secret"])
    if events is not None and not events:
        raise InvalidInput("at least one event, or none given for all", field=["events"])
    url = checked_url(url, production=production)
    await ensure_reachable(url, allowed)
    webhook = Webhook(
        actor_id=actor_id,
        url=url,
        secret_enc=cipher.encrypt(secret),
        events=[kind.value for kind in ReferralEventKind if events is None or kind in events],
        active=True,
        created_by_id=viewer.user_id,
        created_at=now,
    )
    session.add(webhook)
    await session.flush()
    return webhook


async def delete_webhook(
    session: AsyncSession, *, viewer: Viewer, webhook_id: int, now: datetime
) -> Webhook:
    """Deactivate a webhook; one the caller may not see (or already deleted) is NOT_FOUND."""
    webhook = await repository.get_live(session, webhook_id)
    if webhook is None or not may_manage(viewer, webhook.actor_id):
        raise NotFound("no such webhook", field=["id"])
    webhook.active = False
    webhook.deleted_at = now
    await session.flush()
    return webhook
