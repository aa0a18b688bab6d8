"""Texts in Arabic, French, English and Amazigh, stored as one JSON object per field."""

from __future__ import annotations

from collections.abc import Mapping

from network.enums import Language
from network.errors import InvalidInput

LANG_KEYS: dict[Language, str] = {
    Language.AR: "ar",
    Language.FR: "fr",
    Language.EN: "en",
    Language.ZGH: "zgh",
}
MAX_TEXT = 4000


def fallback_chain(lang: Language | None, preferred: Language | None) -> list[str]:
    """Keys to try: the asked language, the caller's, then Arabic, then French.

    Amazigh readers get Arabic when no Amazigh text exists (ZGH falls back to AR); English
    readers get French before Arabic, as the NAME order sorts them (``sort_fr``).
    """
    chain: list[str] = []
    for candidate in (lang, preferred):
        if candidate is not None:
            chain.append(LANG_KEYS[candidate])
    if Language.EN in (lang, preferred) and lang not in (Language.AR, Language.ZGH):
        chain.append("fr")
    chain += ["ar", "fr", "en", "zgh"]
    return list(dict.fromkeys(chain))


def pick(
    texts: Mapping[str, str | None] | None, lang: Language | None, preferred: Language | None
) -> str | None:
    if not texts:
        return None
    for key in fallback_chain(lang, preferred):
        value = texts.get(key)
        if value:
            return value
    return None


def merge(
    current: Mapping[str, str | None] | None,
    update: Mapping[str, str | None],
    *,
    field: str,
    require_name: bool,
) -> dict[str, str]:
    """Apply a partial update: omitted keys are kept, explicit None clears.

    With ``require_name``, at least one of ``ar``/``fr`` must remain.
    """
    merged = {k: v for k, v in (current or {}).items() if v}
    for key, value in update.items():
        if key not in LANG_KEYS.values():
            raise InvalidInput(f"unknown language {key!r}", field=[field, key])
        if value is None or not value.strip():
            merged.pop(key, None)
            continue
        value = value.strip()
        if len(value) > MAX_TEXT:
            raise InvalidInput(f"at most {MAX_TEXT} characters", field=[field, key])
        merged[key] = value
    if require_name and not (merged.get("ar") or merged.get("fr")):
        raise InvalidInput("an Arabic or French name is required", field=[field])
    return merged
