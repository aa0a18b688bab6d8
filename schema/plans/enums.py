import strawberry

from network.plans import enums

IndicatorAnswer = strawberry.enum(enums.IndicatorAnswer, name="IndicatorAnswer")
PlanStatus = strawberry.enum(enums.PlanStatus, name="PlanStatus")
GoalStatus = strawberry.enum(enums.GoalStatus, name="PlanGoalStatus")
ActionKind = strawberry.enum(enums.ActionKind, name="PlanActionKind")
ActionOwner = strawberry.enum(enums.ActionOwner, name="PlanActionOwner")
ActionStatus = strawberry.enum(enums.ActionStatus, name="PlanActionStatus")
