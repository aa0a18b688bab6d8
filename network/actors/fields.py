"""The actor's plain fields, each declared once (what a plain field is: network.fields).

Names, description, location, territory and parent are not plain: they need several
columns, a lookup or the current value (network.actors.service applies them). Names and
description are served as ``LOCALIZED`` declares.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from network.enums import ActorKind, Language
from network.fields import Localized, Plain, Shape, as_given, editable, text
from network.validation import clean_email, clean_postal_code, clean_website


def _languages(value: Sequence[Language], field: Sequence[str]) -> list[str]:
    return [str(language) for language in dict.fromkeys(value)]


PLAIN: tuple[Plain, ...] = (
    Plain("acronym", str, clean=text(40), hsds=("organization", "alternate_name")),
    Plain("kind", ActorKind, nullable=False),
    Plain("address", str, clean=text(400, multiline=True)),
    Plain(
        "postal_code",
        str,
        clean=lambda value, field: clean_postal_code(value, field=field),
        input_description="The Moroccan postal code: five digits.",
        hsds=("address", "postal_code"),
    ),
    Plain("phone", str, clean=text(40)),
    Plain(
        "email",
        str,
        clean=lambda value, field: clean_email(value, field=field),
        hsds=("organization", "email"),
    ),
    Plain(
        "website",
        str,
        clean=lambda value, field: clean_website(value, field=field),
        hsds=("organization", "website"),
    ),
    Plain(
        "legal_status",
        str,
        clean=text(120),
        input_description="Its legal form, e.g. association (dahir 1-58-376), public body.",
        hsds=("organization", "legal_status"),
    ),
    Plain("languages", list[Language], Shape.LIST, nullable=False, clean=_languages),
    Plain("accepts_referrals", bool, Shape.FLAG, nullable=False, clean=as_given),
    Plain("active", bool, Shape.FLAG, nullable=False),
    Plain("verified_at", datetime, Shape.MOMENT),
)

EDITABLE = editable(PLAIN)

LOCALIZED: tuple[Localized, ...] = (
    Localized("names", "name", default="", all="names"),
    Localized("description", "description"),
)
