"""Directory queries answered identically by the compiled and the resolver paths.

Each case is (query, variables, login): ``login`` is a demo user's email, or None for
an anonymous caller. A variable written ``"territory:MA-FES"`` is replaced by that
territory's global id before the query is sent.
"""

from __future__ import annotations

from typing import Any

from network.ids import to_global_id
from schema.relay import encode_cursor

ACTOR_FIELDS = """
  id name names { ar fr en zgh } acronym kind description(lang: FR) address phone email
  website postalCode legalStatus languages acceptsReferrals active verifiedAt
  location { latitude longitude }
  territory { id code level name(lang: AR) parent { code } }
  axes parent { id name } units { id name(lang: FR) kind }
"""
SERVICE_FIELDS = """
  id name(lang: FR) names { fr ar } description axis responseDays acceptsReferrals active
  category { id code axis name(lang: EN) parent { code } }
  eligibility { minAge maxAge genders requirements(lang: FR) }
  capacity { available total updatedAt } serviceArea { code name }
"""
PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"
ACTOR_PAGE = "totalCount " + PAGE_INFO + " edges { cursor node { id name(lang: FR) } }"
SERVICE_PAGE = "totalCount " + PAGE_INFO + " edges { cursor node { id name(lang: FR) axis } }"
STAFF_AL_WIFAQ = "staff.al-wifaq@jisr.example.ma"
STAFF_SANTE = "staff.sante-jeunes-fes@jisr.example.ma"
ADMIN = "admin@jisr.example.ma"
ARABIC_READER = "coordination.beni-mellal@jisr.example.ma"

Case = tuple[str, dict[str, Any], str | None]

# Shapes and point lookups are outside the compiled subset: the resolvers answer them on
# both paths (the compiled path counts a fallback for each).
TERRITORY_SHAPES = (
    "query($p: ID) { territories(parentId: $p) { code centroid { latitude longitude }"
    " boundary(detail: LOW) } }"
)
TERRITORY_AT = "{ territoryAt(latitude: 34.0646, longitude: -4.9736) { id code parent { code } } }"
NOT_COMPILED = {TERRITORY_SHAPES, TERRITORY_AT}


def actor(pk: int) -> str:
    return to_global_id("Actor", pk)


def service(pk: int) -> str:
    return to_global_id("Service", pk)


def actors_where(filter_literal: str, page: str = ACTOR_PAGE, extra: str = "") -> str:
    return "{ actors(filter: " + filter_literal + extra + ") { " + page + " } }"


def services_where(filter_literal: str, page: str = SERVICE_PAGE) -> str:
    return "{ services(filter: " + filter_literal + ", first: 100) { " + page + " } }"


REFERENCE: list[Case] = [
    ("{ territories { id code level name names { ar fr } } }", {}, None),
    ("{ territories(level: REGION) { code children { code name(lang: FR) } } }", {}, None),
    ("{ territories(level: PROVINCE) { code parent { code name(lang: FR) } } }", {}, None),
    (
        "query($p: ID) { territories(parentId: $p) { id code name(lang: EN) names { fr } } }",
        {"p": "territory:MA-03"},
        None,
    ),
    ("{ territories(level: COMMUNE) { code } }", {}, None),
    (
        "query($p: ID) { territories(level: COMMUNE, parentId: $p)"
        " { id code level name(lang: AR) parent { code parent { code } } } }",
        {"p": "territory:MA-FES"},
        None,
    ),
    (TERRITORY_SHAPES, {"p": "territory:MA-FES"}, None),
    (TERRITORY_AT, {}, None),
    (
        "query($l: Language) { territories(level: REGION) { __typename name(lang: $l) } }",
        {"l": "FR"},
        None,
    ),
    ("{ taxonomy { id code axis name parent { id } } }", {}, None),
    ("{ taxonomy(axis: HEALTH) { __typename code name(lang: FR) } }", {}, None),
    (
        "query($axis: ServiceAxis) { taxonomy(axis: $axis) { id code name(lang: ZGH) } }",
        {"axis": "EMPLOYMENT"},
        None,
    ),
]

ACTOR_FILTERS: list[Case] = [
    (
        "query($t: ID) { actors(filter: {territoryId: $t}) { " + ACTOR_PAGE + " } }",
        {"t": "territory:MA-03"},
        None,
    ),
    (
        "query($t: ID) { actors(filter: {territoryId: $t}) { " + ACTOR_PAGE + " } }",
        {"t": "territory:MA-FES-001-009"},
        None,
    ),
    (
        "query($t: ID) { actors(filter: {territoryId: $t}, first: 100)"
        " { totalCount nodes { id } } }",
        {"t": "territory:MA-FES"},
        None,
    ),
    (
        "query($f: ActorFilter) { actors(filter: $f, orderBy: NAME, first: 7) { edges { cursor"
        " node { name(lang: FR) } } pageInfo { endCursor hasNextPage } } }",
        {"f": {"kinds": ["HEALTH_FACILITY", "TRAINING_CENTER", "ASSOCIATION"]}},
        None,
    ),
    (actors_where("{axes: [HEALTH, EMPLOYMENT]}", extra=", first: 100"), {}, None),
    (actors_where('{categoryCodes: ["employment.job-placement", "health.coverage"]}'), {}, None),
    (actors_where("{acceptsReferrals: false}"), {}, None),
    (actors_where("{acceptsReferrals: true}", extra=", orderBy: NAME, first: 100"), {}, None),
    (
        '{ a: actors(filter: {search: "اسعاف"}) { totalCount nodes { ...A } }'
        ' b: actors(filter: {search: "medecin"}) { totalCount nodes { ...A } } }'
        " fragment A on Actor { id __typename name(lang: AR) }",
        {},
        None,
    ),
    (actors_where('{search: "AEC"}', extra=", orderBy: NAME"), {}, None),
    (
        "{ actors(filter: {near: {latitude: 34.03, longitude: -5.0, radiusKm: 30}},"
        " orderBy: DISTANCE, first: 10) { edges { cursor distanceKm node { name } } } }",
        {},
        None,
    ),
    (
        "{ actors(filter: {near: {latitude: 34.0, longitude: -6.8, radiusKm: 50}}) {"
        " totalCount edges { distanceKm node { id } } } }",
        {},
        None,
    ),
    (actors_where("{eligibleAge: 17}", extra=", first: 100"), {}, None),
    (
        "query($since: DateTime) { actors(filter: {verifiedSince: $since}, "
        "orderBy: RECENTLY_VERIFIED) { " + ACTOR_PAGE + " } }",
        {"since": "2026-01-01T00:00:00Z"},
        None,
    ),
    (
        "query($f: ActorFilter) { actors(filter: $f) { " + ACTOR_PAGE + " } }",
        {
            "f": {
                "territoryId": "territory:MA-03",
                "kinds": ["SOCIAL_ASSISTANCE_CENTER"],
                "acceptsReferrals": True,
                "axes": ["SOCIAL_ASSISTANCE"],
            }
        },
        None,
    ),
    (
        "{ actors(orderBy: RECENTLY_VERIFIED, first: 100)"
        " { edges { cursor node { verifiedAt } } } }",
        {},
        None,
    ),
    ("{ actors(orderBy: NAME, first: 100) { edges { cursor node { name } } } }", {}, ARABIC_READER),
]

ACTOR_PAGES: list[Case] = [
    (
        "{ actors(first: 5) { " + ACTOR_PAGE.replace("name(lang: FR)", ACTOR_FIELDS) + " } }",
        {},
        None,
    ),
    (
        "query($c: String) { actors(first: 5, after: $c) { " + ACTOR_PAGE + " } }",
        {"c": encode_cursor([10])},
        None,
    ),
    (
        "query($n: Int, $c: String) { actors(first: $n, after: $c) { " + ACTOR_PAGE + " } }",
        {"n": 100, "c": encode_cursor([70])},
        None,
    ),
    ("{ actors(first: 0) { " + ACTOR_PAGE + " } }", {}, None),
    ("{ actors(first: 100) { " + ACTOR_PAGE + " } }", {}, None),
    (
        "{ actors(first: 50) { nodes { id name territory { name } services { totalCount nodes {"
        + SERVICE_FIELDS
        + "} } } } }",
        {},
        None,
    ),
    (
        "query($c: String) { actors(first: 10) { nodes { id services(axis: EMPLOYMENT,"
        " first: 2, after: $c) { " + SERVICE_PAGE + " } } } }",
        {"c": encode_cursor([3])},
        None,
    ),
    (
        "{ actors(first: 12) { nodes { id services(first: 1) { " + SERVICE_PAGE + " } } } }",
        {},
        None,
    ),
]

SHAPES: list[Case] = [
    (
        "{ actors(first: 3) { nodes { units { parent { territory { parent { code } } }"
        " } services(first: 2) { edges { cursor node { actor { name territory { code } }"
        " category { parent { code } } serviceArea { parent { code } } } } "
        + PAGE_INFO
        + " } } } }",
        {},
        None,
    ),
    (
        "{ __typename actors(first: 2) { __typename pageInfo { __typename } edges { __typename"
        " node { __typename territory { __typename } location { __typename latitude } } } } }",
        {},
        None,
    ),
    (
        "query($withUnits: Boolean!, $noTerritory: Boolean!) { actors(first: 8) { nodes { id"
        " units @include(if: $withUnits) { id } territory @skip(if: $noTerritory) { code } } } }",
        {"withUnits": True, "noTerritory": True},
        None,
    ),
    (
        "{ actors(first: 6) { nodes { fr: name(lang: FR) ar: name(lang: AR) en: name(lang: EN)"
        " zgh: name(lang: ZGH) d: description(lang: EN) kindOf: kind } } }",
        {},
        None,
    ),
    (
        "{ first: actors(first: 2) { nodes { id } } second: actors(first: 3, orderBy: NAME)"
        " { nodes { id } } regions: territories(level: REGION) { code } }",
        {},
        None,
    ),
    (
        "query { actors(first: 4) { nodes { ...Card ... on Actor { acronym } } } }"
        " fragment Card on Actor { id name ...Place } fragment Place on Actor"
        " { territory { ...Area } } fragment Area on Territory { code name(lang: FR) }",
        {},
        None,
    ),
    (
        "query Named($n: Int = 2) { services(first: $n) { nodes { id } } actors(first: 1)"
        " { nodes { id } } }",
        {},
        None,
    ),
    (
        "{ actors(first: 20) { edges { node { id services(first: 3) { totalCount edges { cursor"
        " node { id capacity { available total } eligibility { minAge maxAge } } } } } } } }",
        {},
        None,
    ),
]

SERVICES: list[Case] = [
    (
        "{ services(first: 30) { totalCount edges { cursor node {"
        + SERVICE_FIELDS
        + " actor { id name } } } pageInfo { hasNextPage endCursor } } }",
        {},
        None,
    ),
    (
        "query($t: ID) { services(filter: {territoryId: $t}) { " + SERVICE_PAGE + " } }",
        {"t": "territory:MA-05"},
        None,
    ),
    (
        "query($t: ID) { services(filter: {territoryId: $t}) { " + SERVICE_PAGE + " } }",
        {"t": "territory:MA-FES-001-007"},
        None,
    ),
    (services_where("{axes: [HEALTH]}"), {}, None),
    (services_where('{categoryCodes: ["education.vocational-training"]}'), {}, None),
    (
        "query($a: ID) { services(filter: {actorId: $a}) { " + SERVICE_PAGE + " } }",
        {"a": actor(4)},
        None,
    ),
    (services_where("{acceptsReferrals: false}"), {}, None),
    (services_where('{search: "medecin"}'), {}, None),
    (services_where("{eligibleAge: 25}"), {}, None),
    (services_where("{hasCapacity: true}"), {}, None),
    (services_where("{hasCapacity: false, axes: [EMPLOYMENT]}"), {}, None),
    (
        "query($c: String) { services(first: 10, after: $c) { " + SERVICE_PAGE + " } }",
        {"c": encode_cursor([50])},
        None,
    ),
    ("{ services(first: 100) { nodes { id actor { id units { id } } } } }", {}, None),
]

NODES: list[Case] = [
    (
        "query($id: ID!) { node(id: $id) { id ... on Actor {" + ACTOR_FIELDS + "} } }",
        {"id": actor(4)},
        None,
    ),
    (
        "query($id: ID!) { node(id: $id) { __typename ... on Service {" + SERVICE_FIELDS + "} } }",
        {"id": service(19)},
        None,
    ),
    (
        "query($id: ID!) { node(id: $id) { ... on Territory { code children { code } } } }",
        {"id": "territory:MA-03"},
        None,
    ),
    (
        '{ node(id: "' + to_global_id("TaxonomyTerm", 3) + '") { ... on TaxonomyTerm { code } } }',
        {},
        None,
    ),
    ("query($id: ID!) { node(id: $id) { id } }", {"id": actor(35)}, None),
    ("query($id: ID!) { node(id: $id) { id } }", {"id": actor(9999)}, None),
    (
        "query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Node { id }"
        " ... on Actor { name } ... on Service { name actor { id } } } }",
        {"ids": [actor(1), service(35), actor(35), service(38), actor(6), "territory:MA-FES"]},
        None,
    ),
    ("{ nodes(ids: []) { id } }", {}, None),
    (
        "query($id: ID!) { node(id: $id) { id ... on Service { active } } }",
        {"id": service(38)},
        STAFF_SANTE,
    ),
    (
        "query($id: ID!) { node(id: $id) { ... on Actor { services { totalCount } } } }",
        {"id": actor(11)},
        STAFF_SANTE,
    ),
    (actors_where("{kinds: [ASSOCIATION]}", extra=", first: 100"), {}, ADMIN),
    (
        "query($id: ID!) { node(id: $id) { ... on Actor { units { id active } } } }",
        {"id": actor(4)},
        STAFF_AL_WIFAQ,
    ),
]

CORPUS: list[Case] = REFERENCE + ACTOR_FILTERS + ACTOR_PAGES + SHAPES + SERVICES + NODES
