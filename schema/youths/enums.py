"""Enums of young people and consents, under the contract's names."""

from __future__ import annotations

import strawberry

from network import enums

YouthStatus = strawberry.enum(enums.YouthStatus, name="YouthStatus")
EducationLevel = strawberry.enum(enums.EducationLevel, name="EducationLevel")
VocationalLevel = strawberry.enum(enums.VocationalLevel, name="VocationalLevel")
NeedLevel = strawberry.enum(enums.NeedLevel, name="NeedLevel")
MilestoneKind = strawberry.enum(enums.MilestoneKind, name="MilestoneKind")
ConsentGiver = strawberry.enum(enums.ConsentGiver, name="ConsentGiver")
