"""What a create or update of a service sets (network.fields.Changes): the plain fields
of network.services.fields, and these. Setting either capacity figure stamps the
capacity's update time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from network.enums import Gender
from network.fields import Changes, with_plain
from network.services.fields import PLAIN

Texts = Mapping[str, str | None] | None


class ServiceChanges(Changes):
    names: Texts = None
    description: Texts = None
    category_code: str | None = None
    min_age: int | None = None
    max_age: int | None = None
    genders: Sequence[Gender] | None = None
    requirements: Texts = None
    schedule: Texts = None
    fees: Texts = None
    documents: Texts = None
    accessibility: Texts = None
    capacity_available: int | None = None
    capacity_total: int | None = None
    area_ids: Sequence[int] | None = None
    active: bool | None = None


with_plain(ServiceChanges, PLAIN)
