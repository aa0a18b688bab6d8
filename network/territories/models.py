from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from network.database import Base, JsonType, name_enum
from network.enums import TerritoryLevel


class Territory(Base):
    """A region, prefecture/province or commune; ``path`` makes subtree filters one LIKE."""

    __tablename__ = "territories"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    level: Mapped[TerritoryLevel] = mapped_column(name_enum(TerritoryLevel, 16))
    kind: Mapped[str | None] = mapped_column(String(32))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("territories.id"), index=True)
    path: Mapped[str] = mapped_column(String(200), index=True)
    names: Mapped[dict[str, str]] = mapped_column(JsonType)
