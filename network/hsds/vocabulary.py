"""Jisr's vocabularies as HSDS taxonomies, and the deterministic ids of every HSDS record.

An id is a UUID 5 over Jisr's namespace and a name built from the record: a term's
code, or the HSDS id of the record it belongs to. Exporting the same data twice gives
the same ids, and a record imported from elsewhere keeps the id it came with.
"""

from __future__ import annotations

import uuid

from network.enums import ActorKind, Language, ServiceAxis

HSDS_VERSION = "3.0"
# Jisr's HSDS profile: what HSDS 3.0 lacks, in tables of its own (``profile/``); a
# served instance also answers it under ``/hsds/profile/``.
HSDS_PROFILE = "https://jisr.ma/hsds/profile/"
TAXONOMY_URI = "https://jisr.ma/hsds/taxonomies/"
# The version of Jisr's own taxonomies (not HSDS's): bumped when a code changes meaning.
TAXONOMY_VERSION = "1.0"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://jisr.ma/hsds")
TEXT_LANGUAGES = ("fr", "ar", "en", "zgh")
ISO_3166_2 = "ISO 3166-2"
TERRITORY_URN = "urn:iso:std:iso:3166:-2:"
# HSDS 3.0 ``service_area.extent_type`` for a GeoJSON ``extent``.
EXTENT_TYPE = "geojson"

# The two taxonomies Jisr publishes: what a service offers and what an actor is.
SERVICES_TAXONOMY = "jisr-services"
KINDS_TAXONOMY = "jisr-actor-kinds"


def hsds_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def term_id(taxonomy: str, code: str) -> str:
    return hsds_id("taxonomy_term", taxonomy, code)


def taxonomy_id(taxonomy: str) -> str:
    return hsds_id("taxonomy", taxonomy)


TAXONOMY_NAMES: dict[str, dict[str, str]] = {
    SERVICES_TAXONOMY: {
        "fr": "Axes et catégories de services de Jisr",
        "ar": "محاور وفئات خدمات جسر",
        "en": "Jisr service axes and categories",
    },
    KINDS_TAXONOMY: {
        "fr": "Types d'acteurs de Jisr",
        "ar": "أنواع فاعلي جسر",
        "en": "Jisr actor kinds",
    },
}

TAXONOMY_DESCRIPTIONS: dict[str, dict[str, str]] = {
    SERVICES_TAXONOMY: {
        "fr": "Les cinq axes du panier de services de Jisr (santé, éducation et formation,"
        " emploi, assistance sociale, participation sociale) et les catégories de chacun.",
        "ar": "المحاور الخمسة لسلة خدمات جسر (الصحة، التربية والتكوين، التشغيل، المساعدة"
        " الاجتماعية، المشاركة الاجتماعية) وفئات كل محور.",
        "en": "The five axes of Jisr's basket of services (health, education and training,"
        " employment, social assistance, social participation) and the categories of each.",
    },
    KINDS_TAXONOMY: {
        "fr": "Ce qu'est un acteur du réseau : établissement, centre, agence, association…",
        "ar": "طبيعة الفاعل في الشبكة: مؤسسة، مركز، وكالة، جمعية…",
        "en": "What an actor of the network is: institution, centre, agency, association…",
    },
}

# A contact is a desk: the actor's reception, reached at its email address.
CONTACT_DESK = {"fr": "Accueil", "ar": "الاستقبال", "en": "Reception"}

AXIS_NAMES: dict[ServiceAxis, dict[str, str]] = {
    ServiceAxis.HEALTH: {"fr": "Santé", "ar": "الصحة", "en": "Health"},
    ServiceAxis.EDUCATION_TRAINING: {
        "fr": "Éducation et formation",
        "ar": "التربية والتكوين",
        "en": "Education and training",
    },
    ServiceAxis.EMPLOYMENT: {"fr": "Emploi", "ar": "التشغيل", "en": "Employment"},
    ServiceAxis.SOCIAL_ASSISTANCE: {
        "fr": "Assistance sociale",
        "ar": "المساعدة الاجتماعية",
        "en": "Social assistance",
    },
    ServiceAxis.SOCIAL_PARTICIPATION: {
        "fr": "Participation sociale",
        "ar": "المشاركة الاجتماعية",
        "en": "Social participation",
    },
}

KIND_NAMES: dict[ActorKind, dict[str, str]] = {
    ActorKind.CARE_INSTITUTION: {
        "fr": "Établissement de protection sociale",
        "ar": "مؤسسة الرعاية الاجتماعية",
        "en": "Care institution",
    },
    ActorKind.SOCIAL_ASSISTANCE_CENTER: {
        "fr": "Centre d'assistance sociale",
        "ar": "مركز المساعدة الاجتماعية",
        "en": "Social assistance centre",
    },
    ActorKind.HEALTH_FACILITY: {
        "fr": "Établissement de santé",
        "ar": "مؤسسة صحية",
        "en": "Health facility",
    },
    ActorKind.EDUCATION_INSTITUTION: {
        "fr": "Établissement d'enseignement",
        "ar": "مؤسسة تعليمية",
        "en": "Education institution",
    },
    ActorKind.TRAINING_CENTER: {
        "fr": "Centre de formation",
        "ar": "مركز التكوين",
        "en": "Training centre",
    },
    ActorKind.EMPLOYMENT_AGENCY: {
        "fr": "Agence pour l'emploi",
        "ar": "وكالة التشغيل",
        "en": "Employment agency",
    },
    ActorKind.PUBLIC_SERVICE: {"fr": "Service public", "ar": "مرفق عمومي", "en": "Public service"},
    ActorKind.ASSOCIATION: {"fr": "Association", "ar": "جمعية", "en": "Association"},
    ActorKind.LOCAL_AUTHORITY: {
        "fr": "Collectivité territoriale",
        "ar": "جماعة ترابية",
        "en": "Local authority",
    },
    ActorKind.EMPLOYER: {"fr": "Employeur", "ar": "مشغل", "en": "Employer"},
    ActorKind.INTERNATIONAL_PARTNER: {
        "fr": "Partenaire international",
        "ar": "شريك دولي",
        "en": "International partner",
    },
}

LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "ar": {"fr": "Arabe", "ar": "العربية", "en": "Arabic"},
    "fr": {"fr": "Français", "ar": "الفرنسية", "en": "French"},
    "en": {"fr": "Anglais", "ar": "الإنجليزية", "en": "English"},
    "zgh": {"fr": "Amazighe", "ar": "الأمازيغية", "en": "Amazigh"},
}

LANGUAGE_CODES: dict[Language, str] = {
    Language.AR: "ar",
    Language.FR: "fr",
    Language.EN: "en",
    Language.ZGH: "zgh",
}


def in_language(texts: dict[str, str] | None, lang: str) -> str | None:
    """The text in ``lang``, else in French, Arabic, English, Amazigh (the first present)."""
    if not texts:
        return None
    for key in (lang, *TEXT_LANGUAGES):
        if texts.get(key):
            return texts[key]
    return None


def language_of(texts: dict[str, str] | None, lang: str) -> str | None:
    """The language ``in_language`` picks."""
    if not texts:
        return None
    for key in (lang, *TEXT_LANGUAGES):
        if texts.get(key):
            return key
    return None


_TERM_DESCRIPTIONS = {
    "axis": {
        "fr": "Axe « {name} » du panier de services de Jisr",
        "ar": "محور «{name}» من سلة خدمات جسر",
        "en": "The “{name}” axis of Jisr's basket of services",
    },
    "category": {
        "fr": "Catégorie « {name} » de l'axe « {axis} »",
        "ar": "فئة «{name}» من محور «{axis}»",
        "en": "Category “{name}” of the “{axis}” axis",
    },
    "kind": {
        "fr": "Type d'acteur du réseau : {name}",
        "ar": "نوع فاعل في الشبكة: {name}",
        "en": "Kind of actor of the network: {name}",
    },
}


def term_description(kind: str, lang: str, name: str, axis: str = "") -> str:
    """A term's description: what it is and, for a category, the axis it belongs to."""
    return in_language(_TERM_DESCRIPTIONS[kind], lang).format(name=name, axis=axis)  # type: ignore[union-attr]
