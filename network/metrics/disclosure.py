"""What a viewer may read of the figures: the one place small counts are hidden.

docs/access.md: every count of people or referrals from 1 to ``JISR_SMALL_COUNT_THRESHOLD − 1``
(default 5, so 1–4) is published as null to everyone but ADMIN, in every figure,
breakdown and report; a rate whose denominator is hidden is hidden too.

Figures are dataclasses whose fields say what they are (``metadata``): a ``COUNT`` of
people or referrals, or a figure drawn from other fields (``drawn_from("answered")``:
a rate over that denominator, a median over that population) hidden when any of them
is. ``disclose`` walks a tree of such dataclasses (and lists of them) and returns the
tree the viewer gets; nothing else decides.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any, TypeVar

T = TypeVar("T")
KEY = "disclose"
COUNT: dict[str, Any] = {KEY: "count"}


def drawn_from(*names: str) -> dict[str, Any]:
    """Metadata of a figure hidden when a count it is computed over is hidden."""
    return {KEY: names}


@dataclass(frozen=True)
class Disclosure:
    """``threshold``: the smallest count published; ``everything``: ADMIN's view."""

    threshold: int
    everything: bool = False

    def count(self, value: int | None) -> int | None:
        if value is None or self.everything:
            return value
        return None if 0 < value < self.threshold else value

    def hides(self, value: int | None) -> bool:
        """A count hidden from this viewer (an unknown one, None, counts as hidden)."""
        return not self.everything and self.count(value) is None


def disclose(value: T, disclosure: Disclosure) -> T:
    """``value`` as ``disclosure``'s viewer may read it."""
    if disclosure.everything:
        return value
    return _walk(value, disclosure)  # type: ignore[no-any-return]


def _walk(value: Any, disclosure: Disclosure) -> Any:
    if isinstance(value, list):
        return [_walk(item, disclosure) for item in value]
    if not is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, Any] = {}
    for item in fields(value):
        current = getattr(value, item.name)
        rule = item.metadata.get(KEY)
        if rule == "count":
            changes[item.name] = disclosure.count(current)
        elif isinstance(rule, tuple):
            hidden = any(disclosure.hides(getattr(value, name)) for name in rule)
            changes[item.name] = None if hidden else current
        else:
            changes[item.name] = _walk(current, disclosure)
    return replace(value, **changes)
