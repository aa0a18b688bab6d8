from __future__ import annotations

from sqlalchemy import Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from network.database import Base


class HsdsLink(Base):
    """The HSDS id a Jisr record was imported under: re-imports find it, exports keep it.

    ``entity`` is ``organization`` (an actor) or ``service``. Records without a link are
    published under ids derived from their Jisr id (``network.hsds.ids``).
    """

    __tablename__ = "hsds_links"
    __table_args__ = (UniqueConstraint("entity", "record_id"),)

    entity: Mapped[str] = mapped_column(String(16), primary_key=True)
    hsds_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[int] = mapped_column(Integer)
