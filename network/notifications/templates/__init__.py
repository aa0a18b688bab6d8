"""Messages rendered in the recipient's language from the params queued with them.

``render(kind, params, language)`` gives a subject, a plain-text body (always) and an
HTML body (``lang`` and ``dir="rtl"`` for Arabic). Amazigh readers get Arabic. A missing
param raises ``MissingParam`` naming it: a rule and its template must agree.

The params of each kind (ids and non-personal values only, never a young person's name):

- REFERRAL_RECEIVED: ``referral_code``, ``axis``, ``from_actor``, ``respond_by``
- REFERRAL_RESPONSE_DUE: ``referral_code``, ``axis``, ``respond_by``
- REFERRAL_ESCALATED: ``referral_code``, ``to_actor``, ``respond_by``
- REFERRAL_EXPIRED: ``referral_code``, ``to_actor``
- REFERRAL_STATUS_CHANGED: ``referral_code``, ``status``, ``by_actor``
- FOLLOW_UP_DUE: ``referral_code``, ``follow_up_at``
- LEAVING_CARE_SOON: ``youth_code``, ``leaving_on``, ``days``, ``axes``
- POST_CARE_CHECK_IN: ``youth_code``, ``months``
- ACTOR_DATA_STALE: ``actor``
- PLAN_ACTION_DUE: ``youth_code``, ``due_on``
- PLAN_REVIEW_DUE: ``youth_code``, ``review_on``
- PLAN_MISSING: ``youth_code``, ``age``
- PLAN_NOT_AGREED: ``youth_code``, ``leaving_on``

How values are shown: ``axis``/``status`` (a ServiceAxis or ReferralStatus name) and
``axes`` (a list of them) by their label in the language; an actor name given as a
``{"ar": …, "fr": …, "en": …}`` object in the language (with the usual fallback);
``respond_by`` and ``*_at`` (ISO instants) as the date and time in Morocco; anything
else as given (``*_on`` dates as ISO dates). Extra params are ignored.
"""

from __future__ import annotations

import html
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from network import clock
from network.enums import Language, NotificationKind
from network.localized import pick
from network.notifications.templates import ar, en, fr


@dataclass(frozen=True)
class Catalogue:
    """One language's messages and labels, with how its text is written."""

    lang: str  # the HTML ``lang``
    direction: str  # the HTML ``dir``
    separator: str  # between the items of a list
    messages: Mapping[NotificationKind, tuple[str, str]]  # subject and body per kind
    labels: Mapping[str, str]  # enumeration names shown in the language


ARABIC = Catalogue("ar", "rtl", "، ", ar.MESSAGES, ar.LABELS)
CATALOGUES: dict[Language, Catalogue] = {
    Language.AR: ARABIC,
    Language.ZGH: ARABIC,
    Language.FR: Catalogue("fr", "ltr", ", ", fr.MESSAGES, fr.LABELS),
    Language.EN: Catalogue("en", "ltr", ", ", en.MESSAGES, en.LABELS),
}
LABELLED = frozenset({"axis", "status"})


class MissingParam(KeyError):
    """A template names a param the message was queued without."""

    def __init__(self, kind: NotificationKind, name: str) -> None:
        super().__init__(f"message {kind.value} needs the param {name!r}")


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def _instant(value: str) -> str:
    local = datetime.fromisoformat(value).astimezone(clock.CASABLANCA)
    return local.strftime("%Y-%m-%d %H:%M")


def _shown(name: str, value: Any, catalogue: Catalogue, language: Language) -> str:
    labels = catalogue.labels
    if name in LABELLED:
        return labels.get(str(value), str(value))
    if name == "axes":
        return catalogue.separator.join(labels.get(v, v) for v in value)
    if isinstance(value, Mapping):
        return pick(value, language, None) or ""
    if (name == "respond_by" or name.endswith("_at")) and isinstance(value, str):
        return _instant(value)
    return str(value)


class _Values(dict[str, str]):
    def __init__(
        self,
        kind: NotificationKind,
        params: Mapping[str, Any],
        catalogue: Catalogue,
        language: Language,
    ) -> None:
        super().__init__()
        self.kind, self.params, self.catalogue, self.language = kind, params, catalogue, language

    def __missing__(self, name: str) -> str:
        if name not in self.params:
            raise MissingParam(self.kind, name)
        return _shown(name, self.params[name], self.catalogue, self.language)


def _fill(template: str, values: _Values) -> str:
    return string.Formatter().vformat(template, (), values)


def render(kind: NotificationKind, params: Mapping[str, Any], language: Language) -> Rendered:
    catalogue = CATALOGUES[language]
    subject_template, body_template = catalogue.messages[kind]
    values = _Values(kind, params, catalogue, language)
    subject = _fill(subject_template, values)
    body = _fill(body_template, values)
    page = (
        f'<!DOCTYPE html>\n<html lang="{catalogue.lang}" dir="{catalogue.direction}">'
        f'<head><meta charset="utf-8"><title>{html.escape(subject)}</title></head>'
        f"<body><p>{html.escape(body)}</p></body></html>\n"
    )
    return Rendered(subject=subject, text=body + "\n", html=page)
