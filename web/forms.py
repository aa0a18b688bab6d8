"""What a form got wrong, for the error summary at the top of the page and each field.

As in the GOV.UK Design System: the summary lists every problem, each a link to its field,
and the field shows its own message. The API's ``userErrors`` land here with their
``field`` path's last name as the form field, and a message in the page's language for
the codes the console knows (the API's own words otherwise).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from web.i18n import N_, Speech

SUMMARY = "error-summary"


# the console's words for the API's error codes
CODE_MESSAGES = {
    "UNAUTHENTICATED": N_("The email address or the password is not right"),
    "ACCOUNT_LOCKED": N_("Too many failed sign-ins: this account is locked for a while"),
    "RATE_LIMITED": N_("Too many attempts. Wait a minute, then try again"),
    "STALE_VERSION": N_("Someone else answered first. Here is the referral as it is now"),
    "INVALID_TRANSITION": N_(
        "This action is no longer possible for this referral. Here it is as it is now"
    ),
    "PERMISSION_DENIED": N_("You may not do this"),
    "NOT_FOUND": N_("This record does not exist or is not yours to see"),
    "NOT_ACCEPTING_REFERRALS": N_("This actor does not accept referrals now"),
    "PASSWORD_TOO_SHORT": N_("The new password is too short"),
    "PASSWORD_TOO_WEAK": N_("Choose a stronger password: a few unusual words, or more characters"),
    "PASSWORD_IS_EMAIL": N_("The new password may not be your email address"),
    "PASSWORD_BLANK": N_("Enter a password"),
}


@dataclass
class Problem:
    field: str
    message: str


@dataclass
class Problems:
    items: list[Problem] = field(default_factory=list)

    def add(self, name: str, message: str) -> None:
        self.items.append(Problem(name, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self) -> Any:
        return iter(self.items)

    def of(self, name: str) -> str | None:
        """The message of field ``name``, for the field itself."""
        return next((p.message for p in self.items if p.field == name), None)

    def codes(self) -> set[str]:
        return {p.field for p in self.items}

    def from_user_errors(
        self, errors: Iterable[dict[str, Any]], speech: Speech, *, fields: set[str]
    ) -> None:
        for error in errors:
            path = error.get("field") or []
            name = str(path[-1]) if path else ""
            name = name if name in fields else SUMMARY
            known = CODE_MESSAGES.get(str(error.get("code")))
            self.add(name, speech.gettext(known) if known else str(error.get("message")))
