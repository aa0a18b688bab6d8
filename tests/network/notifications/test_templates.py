"""Every kind renders in every language; a missing param is a loud, named error."""

from __future__ import annotations

import pytest

from network.enums import Language, NotificationKind
from network.notifications.templates import MissingParam, render

EVERY_PARAM = {
    "referral_code": "R-0042",
    "axis": "EMPLOYMENT",
    "axes": ["HEALTH", "EMPLOYMENT"],
    "from_actor": {"fr": "Dar Al Amal", "ar": "دار الأمل"},
    "to_actor": {"fr": "AEC Fès", "ar": "وكالة فاس"},
    "by_actor": {"fr": "AEC Fès", "ar": "وكالة فاس"},
    "actor": {"fr": "AEC Fès", "ar": "وكالة فاس"},
    "respond_by": "2026-03-05T23:30:00+00:00",
    "follow_up_at": "2026-03-09T09:30:00+00:00",
    "status": "ACCEPTED",
    "youth_code": "Y-7",
    "leaving_on": "2026-06-30",
    "days": 30,
    "months": 6,
    "due_on": "2026-05-02",
    "review_on": "2026-07-01",
    "age": 15,
}


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("kind", list(NotificationKind))
def test_every_kind_renders_in_every_language(kind: NotificationKind, language: Language) -> None:
    rendered = render(kind, EVERY_PARAM, language)
    assert rendered.subject and rendered.text.strip()
    assert "{" not in rendered.text + rendered.subject
    arabic = language in (Language.AR, Language.ZGH)
    tag = (
        '<html lang="ar" dir="rtl">'
        if arabic
        else f'<html lang="{language.value.lower()}" dir="ltr">'
    )
    assert tag in rendered.html


def test_values_are_shown_in_the_reader_language_and_morocco_time() -> None:
    params = {**EVERY_PARAM, "axis": "HEALTH", "respond_by": "2026-06-05T23:30:00+00:00"}
    french = render(NotificationKind.REFERRAL_RECEIVED, params, Language.FR)
    arabic = render(NotificationKind.REFERRAL_RECEIVED, params, Language.AR)
    assert french.text == (
        "Dar Al Amal vous a adressé l'orientation R-0042 (santé). "
        "Merci de répondre avant le 2026-06-06 00:30.\n"
    )
    assert "دار الأمل" in arabic.text and "الصحة" in arabic.text


def test_html_escapes_values() -> None:
    rendered = render(
        NotificationKind.ACTOR_DATA_STALE, {"actor": {"fr": "A <b>&</b> B"}}, Language.FR
    )
    assert "A &lt;b&gt;&amp;&lt;/b&gt; B" in rendered.html


def test_a_missing_param_names_itself() -> None:
    with pytest.raises(MissingParam, match="REFERRAL_EXPIRED needs the param 'to_actor'"):
        render(NotificationKind.REFERRAL_EXPIRED, {"referral_code": "R-1"}, Language.EN)
