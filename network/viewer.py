"""Who is asking: the facts that every access rule of docs/access.md is decided from."""

from __future__ import annotations

from dataclasses import dataclass, field

from network.enums import ActorKind, Language, Role
from network.errors import Unauthenticated


@dataclass(frozen=True)
class Viewer:
    """The caller of one request or task; anonymous when ``user_id`` is None.

    ``actor_scope`` holds the user's actor and every unit under it: staff of an
    actor also act for its units. ``token_id`` names the token that signed the
    request in (``logout`` ends it).
    """

    user_id: int | None = None
    roles: frozenset[Role] = frozenset()
    actor_id: int | None = None
    actor_kind: ActorKind | None = None
    actor_scope: frozenset[int] = field(default_factory=frozenset)
    territory_id: int | None = None
    territory_path: str | None = None
    language: Language | None = None
    token_id: int | None = None  # the bearer token this viewer came from, if any

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles

    @property
    def is_coordinator(self) -> bool:
        return Role.COORDINATOR in self.roles and self.territory_path is not None

    @property
    def is_actor_staff(self) -> bool:
        return self.actor_id is not None and bool(self.roles & {Role.AGENCY_STAFF, Role.MEDIATOR})

    def is_staff_of(self, actor_id: int) -> bool:
        return self.is_actor_staff and actor_id in self.actor_scope

    def signed_in_id(self) -> int:
        """The user's id; an anonymous caller is told to sign in (UNAUTHENTICATED)."""
        if self.user_id is None:
            raise Unauthenticated("sign in first")
        return self.user_id


ANONYMOUS = Viewer()
