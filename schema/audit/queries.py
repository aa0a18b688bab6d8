from __future__ import annotations

import strawberry


@strawberry.type
class AuditQuery:
    pass
