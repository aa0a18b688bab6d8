"""Directory queries answered identically by the compiled and the resolver paths."""

from __future__ import annotations

from typing import Any

ACTOR_FIELDS = """
  id name names { ar fr en zgh } acronym kind description(lang: FR) address phone email
  website languages acceptsReferrals active verifiedAt location { latitude longitude }
  territory { id code level name(lang: AR) parent { code } }
  axes parent { id name } units { id name(lang: FR) kind }
"""
SERVICE_FIELDS = """
  id name(lang: FR) names { fr ar } description axis responseDays acceptsReferrals active
  category { id code axis name(lang: EN) parent { code } }
  eligibility { minAge maxAge genders requirements(lang: FR) }
  capacity { available total updatedAt } serviceArea { code name }
"""

CORPUS: list[tuple[str, dict[str, Any]]] = [
    ("{ territories { id code level name names { ar fr } } }", {}),
    ("{ territories(level: REGION) { code children { code name(lang: FR) } } }", {}),
    ("{ taxonomy { id code axis name parent { id } } }", {}),
    ("{ taxonomy(axis: HEALTH) { __typename code name(lang: FR) } }", {}),
    (
        "{ actors(first: 5) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor"
        " endCursor } edges { cursor node {" + ACTOR_FIELDS + "} } } }",
        {},
    ),
    (
        "{ actors(first: 50) { nodes { id name territory { name } services { totalCount nodes {"
        + SERVICE_FIELDS
        + "} } } } }",
        {},
    ),
    (
        "{ services(first: 30) { totalCount edges { cursor node {"
        + SERVICE_FIELDS
        + " actor { id name } } } pageInfo { hasNextPage endCursor } } }",
        {},
    ),
    (
        "query($f: ActorFilter) { actors(filter: $f, orderBy: NAME, first: 7) { edges { cursor"
        " node { name(lang: FR) } } pageInfo { endCursor hasNextPage } } }",
        {"f": {"kinds": ["HEALTH_FACILITY", "TRAINING_CENTER", "ASSOCIATION"]}},
    ),
    (
        "{ actors(filter: {near: {latitude: 34.03, longitude: -5.0, radiusKm: 30}},"
        " orderBy: DISTANCE, first: 10) { edges { cursor distanceKm node { name } } } }",
        {},
    ),
    (
        "{ actors(orderBy: RECENTLY_VERIFIED, first: 100)"
        " { edges { cursor node { verifiedAt } } } }",
        {},
    ),
    (
        '{ a: actors(filter: {search: "اسعاف"}) { totalCount nodes { ...A } }'
        ' b: actors(filter: {search: "medecin"}) { totalCount nodes { ...A } } }'
        " fragment A on Actor { id __typename name(lang: AR) }",
        {},
    ),
]
