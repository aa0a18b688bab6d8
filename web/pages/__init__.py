"""The console's pages, one module per area; ``ROUTES`` gathers their routes."""

from __future__ import annotations

from starlette.routing import BaseRoute

from web.pages import (
    account,
    admin,
    admin_records,
    agency,
    agency_services,
    assessments,
    consents,
    dashboard,
    inbox,
    live,
    map,
    plan_records,
    plan_referral,
    plans,
    referral,
    shell,
    youth_record,
    youths,
)

ROUTES: list[BaseRoute] = [
    *shell.routes,
    *account.routes,
    *live.routes,
    *map.routes,
    *inbox.routes,
    *referral.routes,
    *agency.routes,
    *agency_services.routes,
    *youths.routes,
    *consents.routes,
    *youth_record.routes,
    *dashboard.routes,
    *plans.routes,
    *assessments.routes,
    *plan_records.routes,
    *plan_referral.routes,
    *admin.routes,
    *admin_records.routes,
]
