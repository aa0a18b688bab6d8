"""The console's languages: Arabic (right to left), French and English.

Messages are written in English in the templates and code (``_("…")``) and translated by
the gettext catalogs under ``web/locale/<lang>/LC_MESSAGES/messages.po``, read with Babel
at first use (no compile step). Dates, numbers and plurals are Babel's, in Casablanca time.
The language is the one asked in the address (``?lang=``), else the one kept in the
``jisr_lang`` cookie, else the signed-in user's, else the browser's, else Arabic.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations
from starlette.requests import Request

LANGUAGES = ("ar", "fr", "en")
DEFAULT = "ar"
LANG_COOKIE = "jisr_lang"
CASABLANCA = ZoneInfo("Africa/Casablanca")
LOCALE_DIR = Path(__file__).parent / "locale"
BABEL_LOCALES = {"ar": "ar_MA", "fr": "fr_MA", "en": "en_GB"}
NAMES = {"ar": "العربية", "fr": "Français", "en": "English"}


def N_(message: str) -> str:
    """Marks ``message`` for extraction; it is translated where it is shown."""
    return message


@cache
def translations(lang: str) -> Translations:
    """The catalog of ``lang``, compiled in memory from its .po file (English: none)."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if not po.exists():
        return Translations()
    with po.open("rb") as source:
        catalog = read_po(source, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


@cache
def _locale(lang: str) -> Locale:
    """Babel's locale of a language, parsed once: formats given its name parse it anew."""
    return Locale.parse(BABEL_LOCALES[lang])


@cache
def _direction(lang: str) -> str:
    """``rtl`` or ``ltr``: Babel reads it from the locale's data, once per language."""
    return "rtl" if _locale(lang).character_order == "right-to-left" else "ltr"


def _accepted(header: str | None) -> str | None:
    for part in (header or "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in LANGUAGES:
            return tag
    return None


def language_of(request: Request, user_language: str | None = None) -> str:
    asked = request.query_params.get("lang", "").lower()
    if asked in LANGUAGES:
        return asked
    kept = request.cookies.get(LANG_COOKIE, "").lower()
    if kept in LANGUAGES:
        return kept
    if user_language and user_language.lower() in LANGUAGES:
        return user_language.lower()
    return _accepted(request.headers.get("accept-language")) or DEFAULT


@dataclass(frozen=True)
class Speech:
    """What a page needs to speak one language: messages, direction, formats."""

    lang: str

    @property
    def dir(self) -> str:
        return _direction(self.lang)

    @property
    def locale(self) -> Locale:
        return _locale(self.lang)

    def in_templates(self) -> dict[str, Any]:
        """What a template speaks this language with: ``_``, ``ngettext``, ``lang``, ``dir``."""
        return {
            "_": self.gettext,
            "ngettext": self.ngettext,
            "speech": self,
            "lang": self.lang,
            "dir": self.dir,
        }

    def gettext(self, message: str, **values: object) -> str:
        text = translations(self.lang).gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        text = translations(self.lang).ngettext(singular, plural, n)
        return text % {"num": self.number(n), **values}

    def number(self, value: float | int | None) -> str:
        return "" if value is None else format_decimal(value, locale=self.locale)

    def date(self, value: date | datetime | str | None, form: str = "medium") -> str:
        if value is None or value == "":
            return ""
        if isinstance(value, str):
            value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        if isinstance(value, datetime):
            return format_date(value.astimezone(CASABLANCA).date(), form, locale=self.locale)
        return format_date(value, form, locale=self.locale)

    def datetime(self, value: datetime | str | None, form: str = "medium") -> str:
        if value is None or value == "":
            return ""
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return format_datetime(value, form, tzinfo=CASABLANCA, locale=self.locale)
