"""Moving every encrypted field to the first key of ``JISR_DATA_KEY``.

After a new key is put first, ``rotate_keys`` re-encrypts each identity field with it
and recomputes the name-lookup hashes, in one transaction; the older keys can then be
removed from the setting. It decrypts in Python by necessity, in batches of rows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from network.crypto import DataCipher
from network.notifications.models import Webhook
from network.records.consents import Consent
from network.records.referrals import Referral, ReferralEvent
from network.records.youths import Milestone, Need, Youth

ENCRYPTED: dict[type[Any], tuple[str, ...]] = {
    Youth: ("first_name_enc", "last_name_enc", "birth_date_enc"),
    Need: ("note_enc",),
    Milestone: ("note_enc",),
    Consent: ("evidence_enc",),
    Referral: ("reason_enc",),
    ReferralEvent: ("note_enc",),
    Webhook: ("secret_enc",),
}
BATCH = 500


async def rotate_keys(session: AsyncSession, cipher: DataCipher) -> dict[str, int]:
    """Re-encrypt every encrypted field with the first key; rows changed per table."""
    changed: dict[str, int] = {}
    for model, columns in ENCRYPTED.items():
        present = or_(*(getattr(model, column).is_not(None) for column in columns))
        count = 0
        rows = await session.stream_scalars(select(model).where(present))
        async for batch in rows.partitions(BATCH):
            for row in batch:
                for column in columns:
                    setattr(row, column, cipher.rotate(getattr(row, column)))
                if isinstance(row, Youth):
                    _rehash(row, cipher)
            count += len(batch)
            await session.flush()
        changed[model.__tablename__] = count
    return changed


def _rehash(youth: Youth, cipher: DataCipher) -> None:
    first, last = cipher.decrypt(youth.first_name_enc), cipher.decrypt(youth.last_name_enc)
    youth.name_hash = cipher.lookup_hash(first, last) if first and last else None
