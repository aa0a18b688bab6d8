"""Enums of young people and consents, under the contract's names."""

from __future__ import annotations

from network.enums import ConsentGiver as ConsentGiver
from network.enums import EducationLevel as EducationLevel
from network.enums import MilestoneKind as MilestoneKind
from network.enums import NeedLevel as NeedLevel
from network.enums import VocationalLevel as VocationalLevel
from network.enums import YouthStatus as YouthStatus
from schema.enums import serve

serve(YouthStatus, EducationLevel, VocationalLevel, NeedLevel, MilestoneKind, ConsentGiver)
