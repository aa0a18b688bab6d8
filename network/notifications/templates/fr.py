"""Messages en français : objet et corps par type, et libellés des valeurs d'énumération."""

from __future__ import annotations

from network.enums import NotificationKind as K

MESSAGES: dict[K, tuple[str, str]] = {
    K.REFERRAL_RECEIVED: (
        "Nouvelle orientation {referral_code}",
        "{from_actor} vous a adressé l'orientation {referral_code} ({axis}). "
        "Merci de répondre avant le {respond_by}.",
    ),
    K.REFERRAL_RESPONSE_DUE: (
        "L'orientation {referral_code} attend votre réponse",
        "L'orientation {referral_code} ({axis}) attendait une réponse avant le "
        "{respond_by}. Merci de l'accepter, la refuser ou la réorienter.",
    ),
    K.REFERRAL_ESCALATED: (
        "Orientation {referral_code} sans réponse",
        "{to_actor} n'a pas répondu à l'orientation {referral_code}, attendue avant le "
        "{respond_by}.",
    ),
    K.REFERRAL_EXPIRED: (
        "Orientation {referral_code} expirée",
        "L'orientation {referral_code} a expiré sans réponse de {to_actor}. "
        "Merci d'orienter le jeune vers un autre partenaire.",
    ),
    K.REFERRAL_STATUS_CHANGED: (
        "Orientation {referral_code} : {status}",
        "{by_actor} a fait passer l'orientation {referral_code} à l'état : {status}.",
    ),
    K.FOLLOW_UP_DUE: (
        "Suivi à faire pour l'orientation {referral_code}",
        "Le suivi de l'orientation {referral_code} était prévu le {follow_up_at}.",
    ),
    K.LEAVING_CARE_SOON: (
        "{youth_code} quitte l'établissement dans {days} jours",
        "{youth_code} quitte l'établissement le {leaving_on} et n'a encore aucune "
        "orientation pour : {axes}.",
    ),
    K.POST_CARE_CHECK_IN: (
        "{months} mois après la sortie : {youth_code}",
        "{youth_code} a quitté l'établissement il y a {months} mois. Merci d'enregistrer "
        "ses étapes et sa situation.",
    ),
    K.ACTOR_DATA_STALE: (
        "Merci de confirmer la fiche de {actor}",
        "La fiche et les services de {actor} n'ont pas été confirmés depuis 12 mois. "
        "Merci de les vérifier et de les confirmer.",
    ),
    K.PLAN_ACTION_DUE: (
        "Une action du plan de {youth_code} est échue",
        "Une action du plan d'intégration de {youth_code} était prévue pour le {due_on} "
        "et n'est pas encore faite.",
    ),
    K.PLAN_REVIEW_DUE: (
        "Le plan de {youth_code} est à revoir",
        "Le plan d'intégration de {youth_code} devait être revu le {review_on}.",
    ),
    K.PLAN_MISSING: (
        "{youth_code} n'a pas encore de plan d'intégration",
        "{youth_code} a {age} ans ou plus et est encore en établissement sans plan "
        "d'intégration. Merci de faire le diagnostic et d'établir le plan avec lui ou "
        "elle.",
    ),
    K.PLAN_NOT_AGREED: (
        "{youth_code} quitte l'établissement sans plan convenu",
        "{youth_code} quitte l'établissement le {leaving_on} et n'a pas encore de plan "
        "d'intégration convenu.",
    ),
}

LABELS: dict[str, str] = {
    "HEALTH": "santé",
    "EDUCATION_TRAINING": "éducation et formation",
    "EMPLOYMENT": "emploi",
    "SOCIAL_ASSISTANCE": "assistance sociale",
    "SOCIAL_PARTICIPATION": "participation sociale",
    "DRAFT": "brouillon",
    "SENT": "envoyée",
    "ACCEPTED": "acceptée",
    "DECLINED": "refusée",
    "REDIRECTED": "réorientée",
    "IN_PROGRESS": "en cours",
    "COMPLETED": "terminée",
    "CANCELLED": "annulée",
    "EXPIRED": "expirée",
}
