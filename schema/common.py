"""Small types shared by every domain of the schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import strawberry

from network.enums import Language
from network.errors import DomainError, ErrorCode
from network.localized import pick
from schema.context import Info


@strawberry.type
class LocalizedText:
    ar: str | None = None
    fr: str | None = None
    en: str | None = None
    zgh: str | None = None

    @classmethod
    def of(cls, texts: Mapping[str, str] | None) -> LocalizedText:
        texts = texts or {}
        return cls(ar=texts.get("ar"), fr=texts.get("fr"), en=texts.get("en"), zgh=texts.get("zgh"))


@strawberry.input
class LocalizedTextInput:
    ar: str | None = strawberry.UNSET
    fr: str | None = strawberry.UNSET
    en: str | None = strawberry.UNSET
    zgh: str | None = strawberry.UNSET

    def given(self) -> dict[str, str | None]:
        """The languages present in the input; an explicit null is kept as None."""
        return {
            key: getattr(self, key)
            for key in ("ar", "fr", "en", "zgh")
            if getattr(self, key) is not strawberry.UNSET
        }


@strawberry.type
class GeoPoint:
    latitude: float
    longitude: float


@strawberry.input
class GeoPointInput:
    latitude: float
    longitude: float


@strawberry.type
class UserError:
    field: list[str] | None
    message: str
    code: ErrorCode

    @classmethod
    def of(cls, error: DomainError) -> UserError:
        return cls(field=error.field, message=error.message, code=error.code)


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


def name_or_code(root: Any, info: Info, lang: Language | None = None) -> str:
    """The ``name`` of a coded reference row (a term, a territory, an indicator): in
    ``lang``, else the request's language, else its code."""
    return pick(root.row.names, lang, info.context.viewer.language) or str(root.code)
