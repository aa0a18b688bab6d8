"""The operations a frontend sends, the same for every client under test."""

from __future__ import annotations

MEDIATOR = "mediation.dar-al-amal@jisr.example.ma"
RECEIVER = "staff.aec-fes@jisr.example.ma"
PASSWORD = "jisr-demo-2026"
YOUTH = "WW91dGg6MQ"  # Yassine, followed by the mediator of Dar Al Amal
SERVICE = "U2VydmljZTozMQ"  # a job-placement service of the employment agency of Fès
FES_MEKNES = "VGVycml0b3J5OjM"

ACTOR_MAP = """
query ActorMap($territory: ID!, $axes: [ServiceAxis!], $first: Int) {
  actors(filter: {territoryId: $territory, axes: $axes}, orderBy: NAME, first: $first) {
    totalCount
    nodes { name(lang: FR) services(axis: EMPLOYMENT) { nodes { id } } }
  }
}
"""

PAGE = """
query Page($after: String) {
  actors(first: 25, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id }
  }
}
"""

LOGIN = """
mutation SignIn($email: String!, $password: String!) {
  login(email: $email, password: $password) { token userErrors { code message } }
}
"""

CREATE = """
mutation Refer($input: CreateReferralInput!) {
  createReferral(input: $input) {
    referral { id version status }
    userErrors { field code message }
  }
}
"""

ACCEPT = """
mutation Accept($input: TransitionInput!) {
  acceptReferral(input: $input) {
    referral { id version status }
    userErrors { field code message }
  }
}
"""

EVENTS = "subscription Events { referralEvents { kind toStatus referral { id } } }"

NOTIFICATIONS = "subscription Inbox { notificationAdded { kind referral { id } } }"


def referral_input(key: str) -> dict[str, str]:
    return {
        "youthId": YOUTH,
        "serviceId": SERVICE,
        "reason": "Cherche un premier emploi en hôtellerie",
        "idempotencyKey": key,
    }


NOTE = """
mutation Note($input: AddReferralNoteInput!) {
  addReferralNote(input: $input) { referral { id version } userErrors { code message } }
}
"""


def javascript_documents(key: str) -> dict[str, object]:
    """What tests/clients/js/flow.mjs is given: the documents, by the names it uses,
    the demo's people, and the referral to create (idempotency key ``key``)."""
    return {
        "actorMap": ACTOR_MAP,
        "page": PAGE,
        "login": LOGIN,
        "create": CREATE,
        "note": NOTE,
        "accept": ACCEPT,
        "events": EVENTS,
        "notifications": NOTIFICATIONS,
        "territory": FES_MEKNES,
        "mediator": MEDIATOR,
        "receiver": RECEIVER,
        "password": PASSWORD,
        "input": referral_input(key),
    }
