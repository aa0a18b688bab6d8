from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from network.database import Base, JsonType, name_enum
from network.enums import ServiceAxis


class TaxonomyTerm(Base):
    """A service category under one of the five axes (the axes are not terms)."""

    __tablename__ = "taxonomy_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    axis: Mapped[ServiceAxis] = mapped_column(name_enum(ServiceAxis, 32))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("taxonomy_terms.id"))
    names: Mapped[dict[str, str]] = mapped_column(JsonType)
