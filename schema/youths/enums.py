"""Enums of young people and consents, under the contract's names."""

from __future__ import annotations

import strawberry

from network import enums

YouthStatus = enums.YouthStatus
EducationLevel = enums.EducationLevel
VocationalLevel = enums.VocationalLevel
NeedLevel = enums.NeedLevel
MilestoneKind = enums.MilestoneKind
ConsentGiver = enums.ConsentGiver
# strawberry.enum marks each class itself as the GraphQL enum of that name.
strawberry.enum(YouthStatus, name="YouthStatus")
strawberry.enum(EducationLevel, name="EducationLevel")
strawberry.enum(VocationalLevel, name="VocationalLevel")
strawberry.enum(NeedLevel, name="NeedLevel")
strawberry.enum(MilestoneKind, name="MilestoneKind")
strawberry.enum(ConsentGiver, name="ConsentGiver")
