"""The language a request reads, when a field gives no ``lang``.

In order: the ``Accept-Language`` header (its first language Jisr writes in, by
quality), else the signed-in user's language, else none: then texts fall back to Arabic,
then French (``network.localized``). A field's ``lang`` argument, and ``actors(lang:)``
for the NAME order, override it.
"""

from __future__ import annotations

from network.enums import Language

TAGS = {"ar": Language.AR, "fr": Language.FR, "en": Language.EN, "zgh": Language.ZGH}


def accepted(header: str | None) -> Language | None:
    """The preferred language of an ``Accept-Language`` header that Jisr has, if any."""
    if not header:
        return None
    ranked: list[tuple[float, int, Language]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, parameters = part.strip().partition(";")
        quality = 1.0
        name, _, value = parameters.strip().partition("=")
        if name.strip() == "q":
            try:
                quality = float(value)
            except ValueError:
                continue
        language = TAGS.get(tag.strip().split("-")[0].lower())
        if language is not None and quality > 0:
            ranked.append((-quality, position, language))
    return min(ranked)[2] if ranked else None


def request_language(header: str | None, user_language: Language | None) -> Language | None:
    return accepted(header) or user_language
