"""The autonomy definition, a setting: ``JISR_AUTONOMY_MILESTONES``.

Format: groups of milestone kinds separated by ``,``; kinds inside a group separated by
``|``. A young person is autonomous on the first date by which they hold at least one
milestone of EVERY group. The default reads "employment or training, and housing"::

    JISR_AUTONOMY_MILESTONES="EMPLOYED|TRAINING_ENROLLED|TRAINING_COMPLETED,HOUSING_SECURED"
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from network.enums import MilestoneKind

DEFAULT_AUTONOMY_MILESTONES = "EMPLOYED|TRAINING_ENROLLED|TRAINING_COMPLETED,HOUSING_SECURED"


@dataclass(frozen=True)
class AutonomyRule:
    """Groups of milestone kinds: one milestone of each group makes a young person autonomous."""

    groups: tuple[frozenset[MilestoneKind], ...]

    @classmethod
    def parse(cls, text: str) -> AutonomyRule:
        groups: list[frozenset[MilestoneKind]] = []
        seen: set[MilestoneKind] = set()
        for part in text.split(","):
            names = [name.strip().upper() for name in part.split("|") if name.strip()]
            if not names:
                raise ValueError("every group names at least one milestone kind")
            try:
                kinds = frozenset(MilestoneKind(name) for name in names)
            except ValueError:
                known = ", ".join(MilestoneKind)
                raise ValueError(
                    f"unknown milestone kind in {part.strip()!r}; known: {known}"
                ) from None
            if kinds & seen:
                raise ValueError("a milestone kind belongs to one group only")
            seen |= kinds
            groups.append(kinds)
        return cls(groups=tuple(groups))


class MetricsSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JISR_", extra="ignore")

    autonomy_milestones: str = DEFAULT_AUTONOMY_MILESTONES

    @field_validator("autonomy_milestones")
    @classmethod
    def _parses(cls, value: str) -> str:
        AutonomyRule.parse(value)
        return value

    @property
    def autonomy_rule(self) -> AutonomyRule:
        return AutonomyRule.parse(self.autonomy_milestones)


@lru_cache(maxsize=1)
def autonomy_rule() -> AutonomyRule:
    """The rule of this process's environment (read once)."""
    return MetricsSettings().autonomy_rule
