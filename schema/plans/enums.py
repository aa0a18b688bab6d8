import strawberry

from network.plans import enums

IndicatorAnswer = enums.IndicatorAnswer
PlanStatus = enums.PlanStatus
GoalStatus = enums.GoalStatus
ActionKind = enums.ActionKind
ActionOwner = enums.ActionOwner
ActionStatus = enums.ActionStatus
# strawberry.enum marks each class itself as the GraphQL enum of that name.
strawberry.enum(IndicatorAnswer, name="IndicatorAnswer")
strawberry.enum(PlanStatus, name="PlanStatus")
strawberry.enum(GoalStatus, name="PlanGoalStatus")
strawberry.enum(ActionKind, name="PlanActionKind")
strawberry.enum(ActionOwner, name="PlanActionOwner")
strawberry.enum(ActionStatus, name="PlanActionStatus")
