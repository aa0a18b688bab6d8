"""After `jisr keys rotate`, identity fields need only the new key: the old one can go."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from network.crypto import DataCipher, new_key
from network.database import standalone_unit_of_work
from network.records.referrals import Referral
from network.records.youths import Youth
from tests.api import TEST_DATA_KEY
from tests.cli.invoke import jisr_on


async def test_rotation_moves_every_identity_field_to_the_new_key(
    db_url: str, tmp_path: Path
) -> None:
    # given the demo, encrypted with the old key, and a new key put first
    new = new_key()
    # when the rotation command runs
    result = await jisr_on(db_url, tmp_path / "var")(
        "keys", "rotate", JISR_DATA_KEY=f"{new},{TEST_DATA_KEY}"
    )
    # then it reports what it changed, and the new key alone reads everything back
    assert result.exit_code == 0, result.output
    assert "youths" in result.output and "referrals" in result.output
    alone, old = DataCipher(new), DataCipher(TEST_DATA_KEY)
    async with standalone_unit_of_work(db_url) as uow:
        youths = list(await uow.session.scalars(select(Youth)))
        reasons = list(
            await uow.session.scalars(
                select(Referral.reason_enc).where(Referral.reason_enc.is_not(None))
            )
        )
    assert youths and reasons
    for youth in youths:
        first, last = alone.decrypt(youth.first_name_enc), alone.decrypt(youth.last_name_enc)
        assert first and last and alone.decrypt(youth.birth_date_enc)
        assert youth.name_hash == alone.lookup_hash(first, last)
        with pytest.raises(ValueError):
            old.decrypt(youth.first_name_enc)
    assert all(alone.decrypt(reason) for reason in reasons)
