"""What a create or update of an actor sets (network.fields.Changes): the plain fields
of network.actors.fields, and these."""

from __future__ import annotations

from collections.abc import Mapping

from network.actors.fields import PLAIN
from network.fields import Changes, with_plain


class ActorChanges(Changes):
    names: Mapping[str, str | None] | None = None
    description: Mapping[str, str | None] | None = None
    territory_id: int | None = None
    location: tuple[float, float] | None = None
    active: bool | None = None
    parent_id: int | None = None


with_plain(ActorChanges, PLAIN)
