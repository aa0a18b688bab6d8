from __future__ import annotations

from enum import auto

from network.enums import NamedEnum


class JobStatus(NamedEnum):
    QUEUED = auto()
    RUNNING = auto()
    SUCCEEDED = auto()
    FAILED = auto()
