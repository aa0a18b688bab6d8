"""Coarse checks for resolvers; row-level access stays in the repositories."""

from __future__ import annotations

from network.errors import PermissionDenied, Unauthenticated
from network.viewer import Viewer


def require_user(viewer: Viewer) -> Viewer:
    if viewer.is_anonymous:
        raise Unauthenticated("sign in first")
    return viewer


def require_admin(viewer: Viewer) -> Viewer:
    require_user(viewer)
    if not viewer.is_admin:
        raise PermissionDenied("ADMIN only")
    return viewer
