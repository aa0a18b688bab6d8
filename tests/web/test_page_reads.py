"""What a console page reads, over HTTP without a browser: a page's queries run outside a
transaction (autocommit), yet each identity read is still in the audit log once the page
has answered; the unread badge, asked with the page's own data, is the caller's count."""

from __future__ import annotations

import re

import httpx
from sqlalchemy import select

from network.audit.models import AuditEntry
from network.database import create_engine, session_factory, unit_of_work
from network.enums import NotificationKind
from network.notifications.models import Notification
from network.users.models import User
from tests.web.conftest import AGENCY, PASSWORD, Console
from tests.web.referrals import new_referral

UNREAD = "query { notifications(unreadOnly: true, first: 1) { totalCount } }"
IDENTITY_READ = "read:Youth.identity"
BADGE = r'id="unread-badge"[^>]*>(?:<span class="visually-hidden">[^<]*</span>)?([^<]*)</span>'


def signed_in(console: Console, email: str) -> httpx.Client:
    client = httpx.Client(base_url=console.base, timeout=20)
    page = client.get("/sign-in")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert csrf
    answer = client.post(
        "/sign-in", data={"csrf": csrf.group(1), "email": email, "password": PASSWORD}
    )
    assert answer.status_code == 303
    return client


async def identity_reads(console: Console, email: str) -> list[list[str]]:
    engine = create_engine(console.db_url, null_pool=True)
    try:
        async with session_factory(engine)() as session:
            user = await session.scalar(select(User.id).where(User.email == email))
            statement = select(AuditEntry.record_ids).where(
                AuditEntry.user_id == user, AuditEntry.operation == IDENTITY_READ
            )
            return [list(ids) for ids in await session.scalars(statement.order_by(AuditEntry.id))]
    finally:
        await engine.dispose()


async def notify(console: Console, email: str, *, count: int) -> None:
    """``count`` unread in-app notifications for ``email``, as the relay writes them."""
    engine = create_engine(console.db_url, null_pool=True)
    try:
        async with unit_of_work(session_factory(engine)) as uow:
            user = await uow.session.scalar(select(User.id).where(User.email == email))
            assert user is not None
            for n in range(count):
                uow.session.add(
                    Notification(
                        user_id=user,
                        kind=NotificationKind.REFERRAL_RECEIVED,
                        title=f"Notification {n}",
                        body="Une orientation est arrivée.",
                    )
                )
    finally:
        await engine.dispose()


async def test_each_view_of_a_referral_page_audits_the_identity_read(console: Console) -> None:
    # given
    referral_id = new_referral(console, "Recherche d'un premier emploi")
    before = await identity_reads(console, AGENCY)
    # when
    client = signed_in(console, AGENCY)
    first = client.get(f"/referrals/{referral_id}")
    second = client.get(f"/referrals/{referral_id}")
    client.close()
    # then
    assert first.status_code == second.status_code == 200
    assert "JY-DEMO01" in first.text
    after = await identity_reads(console, AGENCY)
    added = after[len(before) :]
    assert len(added) == 2  # one entry per view, each naming the young person
    assert added[0] == added[1] and len(added[0]) == 1


async def test_the_badge_of_a_page_is_the_callers_unread_count(console: Console) -> None:
    # given
    await notify(console, AGENCY, count=3)
    expected = console.graphql(UNREAD, token=console.token(AGENCY))["notifications"]
    count = int(expected["totalCount"])
    assert count > 0
    # when
    client = signed_in(console, AGENCY)
    pages = [client.get(path) for path in ("/inbox", "/agency", "/account", "/notifications")]
    client.close()
    # then
    for page in pages:
        assert page.status_code == 200
        badge = re.search(BADGE, page.text)
        assert badge, page.url
        assert badge.group(1).strip() == str(count), page.url
