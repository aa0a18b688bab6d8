# ruff: noqa: E501 — data tables keep one row per line.
"""The demo network's actors, one row each, in insertion order (ids 1, 2, 3…).

Every name, address, phone and email is fictional. A unit names its parent by key and
comes after it. ``verified`` is the date the actor last confirmed its data (None: never).
"""

from __future__ import annotations

from dataclasses import dataclass

from network.enums import ActorKind, ServiceAxis

CARE = ActorKind.CARE_INSTITUTION
SOCIAL = ActorKind.SOCIAL_ASSISTANCE_CENTER
HEALTH = ActorKind.HEALTH_FACILITY
SCHOOL = ActorKind.EDUCATION_INSTITUTION
TRAINING = ActorKind.TRAINING_CENTER
EMPLOYMENT = ActorKind.EMPLOYMENT_AGENCY
PUBLIC = ActorKind.PUBLIC_SERVICE
ASSOCIATION = ActorKind.ASSOCIATION
AUTHORITY = ActorKind.LOCAL_AUTHORITY
EMPLOYER = ActorKind.EMPLOYER
PARTNER = ActorKind.INTERNATIONAL_PARTNER

# The postal code of each province's chief town (Barid Al-Maghrib's five-digit codes):
# the demo's actors all sit there.
POSTAL_CODES: dict[str, str] = {
    "MA-AZI": "22000",
    "MA-BEM": "23000",
    "MA-FES": "30000",
    "MA-FQH": "23200",
    "MA-KEN": "14000",
    "MA-KHN": "54000",
    "MA-MEK": "50000",
    "MA-RAB": "10000",
    "MA-SAL": "11000",
    "MA-SEF": "31000",
    "MA-SKH": "12000",
    "MA-TAZ": "35000",
}

# What the demo's services of an axis tell a young person before going (HSDS
# schedules, fees, required documents; accessibility).
_WEEKDAYS = {
    "fr": "Du lundi au vendredi, de 8 h 30 à 16 h 30",
    "ar": "من الاثنين إلى الجمعة، من الساعة 8:30 إلى 16:30",
}
PRACTICAL_BY_AXIS: dict[ServiceAxis, dict[str, dict[str, str]]] = {
    ServiceAxis.HEALTH: {
        "schedule": _WEEKDAYS,
        "fees": {"fr": "Gratuit", "ar": "مجاني"},
        "documents": {
            "fr": "Carte nationale d'identité ou extrait d'acte de naissance\nCarnet de santé",
            "ar": "البطاقة الوطنية أو عقد الازدياد\nالدفتر الصحي",
        },
        "accessibility": {
            "fr": "Accès de plain-pied pour les fauteuils roulants",
            "ar": "ولوج مباشر للكراسي المتحركة",
        },
    },
    ServiceAxis.EDUCATION_TRAINING: {
        "schedule": _WEEKDAYS,
        "documents": {
            "fr": "Carte nationale d'identité\nCopie du dernier diplôme",
            "ar": "البطاقة الوطنية\nنسخة من آخر شهادة",
        },
    },
    ServiceAxis.EMPLOYMENT: {"schedule": _WEEKDAYS, "fees": {"fr": "Gratuit", "ar": "مجاني"}},
}

AR_FR = ("AR", "FR")
AR_FR_ZGH = ("AR", "FR", "ZGH")
AR_FR_EN = ("AR", "FR", "EN")


@dataclass(frozen=True)
class DemoActor:
    key: str
    kind: ActorKind
    province: str
    fr: str
    ar: str
    address: str
    verified: str | None
    en: str | None = None
    acronym: str | None = None
    parent: str | None = None
    languages: tuple[str, ...] = AR_FR
    accepts_referrals: bool = True
    active: bool = True


# fmt: off
ACTORS: tuple[DemoActor, ...] = (
    # ------------------------------------------------------------ Fès-Meknès (MA-03)
    DemoActor("fes-eps-amal", CARE, "MA-FES", "Établissement de protection sociale Dar Al Amal – Fès", "مؤسسة الرعاية الاجتماعية دار الأمل - فاس", "12, rue Ibn Khaldoun, Fès", "2026-10-12"),
    DemoActor("fes-eps-fatat", CARE, "MA-FES", "Établissement de protection sociale Dar Al Fatat – Fès", "مؤسسة الرعاية الاجتماعية دار الفتاة - فاس", "7, derb Sidi Khayat, Fès Médina", "2026-06-03"),
    DemoActor("fes-cas-zouagha", SOCIAL, "MA-FES", "Centre d'assistance sociale Zouagha", "مركز المساعدة الاجتماعية زواغة", "Boulevard Zouagha, Fès", "2025-11-20"),
    DemoActor("fes-complexe", SOCIAL, "MA-FES", "Complexe social Al Wifaq – Fès", "المركب الاجتماعي الوفاق - فاس", "Route d'Imouzzer, Fès", "2026-09-15", en="Al Wifaq Social Complex – Fez"),
    DemoActor("fes-complexe-enfance", SOCIAL, "MA-FES", "Unité de protection de l'enfance – Complexe Al Wifaq", "وحدة حماية الطفولة - المركب الاجتماعي الوفاق", "Route d'Imouzzer, Fès", "2026-09-15", parent="fes-complexe"),
    DemoActor("fes-complexe-urgence", SOCIAL, "MA-FES", "Unité mobile d'urgence sociale – Fès", "وحدة الإسعاف الاجتماعي المتنقلة - فاس", "Route d'Imouzzer, Fès", "2026-09-15", en="Mobile social emergency unit – Fez", parent="fes-complexe"),
    DemoActor("fes-complexe-femmes", SOCIAL, "MA-FES", "Espace Femmes – Complexe Al Wifaq", "فضاء المرأة - المركب الاجتماعي الوفاق", "Route d'Imouzzer, Fès", "2026-02-01", parent="fes-complexe"),
    DemoActor("fes-cfp-saiss", TRAINING, "MA-FES", "Institut de formation aux métiers de l'hôtellerie Saïss", "معهد التكوين في مهن الفندقة سايس", "Avenue des FAR, Fès", "2026-07-21", acronym="IFMH Saïss"),
    DemoActor("fes-cfp-ftouh", TRAINING, "MA-FES", "Centre de formation professionnelle Bab Ftouh", "مركز التكوين المهني باب الفتوح", "Place Bab Ftouh, Fès", "2025-04-09", acronym="CFP Bab Ftouh"),
    DemoActor("fes-aec-atlas", EMPLOYMENT, "MA-FES", "Agence de l'emploi et des compétences – Fès Atlas", "وكالة التشغيل والكفاءات - فاس الأطلس", "Avenue Hassan II, Fès", "2026-10-30", acronym="AEC"),
    DemoActor("fes-esj-saiss", HEALTH, "MA-FES", "Espace Santé Jeunes Fès Saïss", "فضاء صحة الشباب فاس سايس", "Rue Oued Fès, Fès", "2026-05-17", en="Fez Saiss Youth Health Space"),
    DemoActor("fes-cs-kadous", HEALTH, "MA-FES", "Centre de santé urbain Aïn Kadous", "المركز الصحي الحضري عين قادوس", "Quartier Aïn Kadous, Fès", None),
    DemoActor("fes-e2c-medina", SCHOOL, "MA-FES", "École de la deuxième chance – Fès Médina", "مدرسة الفرصة الثانية - فاس المدينة", "Derb Sebbaghine, Fès Médina", "2025-09-01"),
    DemoActor("fes-lycee-andalous", SCHOOL, "MA-FES", "Lycée qualifiant Al Andalous – Fès", "الثانوية التأهيلية الأندلس - فاس", "Avenue Moulay Rachid, Fès", "2024-12-10"),
    DemoActor("fes-commune", AUTHORITY, "MA-FES", "Commune de Fès – Division de l'action sociale", "جماعة فاس - قسم العمل الاجتماعي", "Place Florence, Fès", "2026-01-15", accepts_referrals=False),
    DemoActor("fes-textiles", EMPLOYER, "MA-FES", "Textiles Saïss SARL", "شركة نسيج سايس", "Zone industrielle Sidi Brahim, Fès", "2026-08-08", en="Saiss Textiles Ltd"),
    DemoActor("fes-riad-hotel", EMPLOYER, "MA-FES", "Hôtel Riad Zitoune", "فندق رياض الزيتون", "Derb Zitoune, Fès Médina", None),
    DemoActor("fes-bidaya", ASSOCIATION, "MA-FES", "Association Bidaya pour l'accompagnement des jeunes", "جمعية بداية لمواكبة الشباب", "Hay Saada, Fès", "2026-11-02", languages=AR_FR_EN),
    DemoActor("fes-sanad", ASSOCIATION, "MA-FES", "Association Sanad – parrainage et pairs", "جمعية سند للإرشاد والأقران", "Rue Tarik Ibn Ziad, Fès", "2025-02-14"),
    DemoActor("mek-eps-ismailia", CARE, "MA-MEK", "Établissement de protection sociale Al Ismailia – Meknès", "مؤسسة الرعاية الاجتماعية الإسماعيلية - مكناس", "Avenue Moulay Ismail, Meknès", "2026-04-22"),
    DemoActor("mek-cas-hamria", SOCIAL, "MA-MEK", "Centre d'assistance sociale Hamria", "مركز المساعدة الاجتماعية حمرية", "Quartier Hamria, Meknès", "2025-08-19"),
    DemoActor("mek-cfp-agricole", TRAINING, "MA-MEK", "Centre de formation professionnelle agricole – Meknès", "مركز التكوين المهني الفلاحي - مكناس", "Route d'Agouraï, Meknès", "2026-03-03"),
    DemoActor("mek-aec", EMPLOYMENT, "MA-MEK", "Agence de l'emploi et des compétences – Meknès", "وكالة التشغيل والكفاءات - مكناس", "Avenue des FAR, Meknès", "2026-09-09", acronym="AEC"),
    DemoActor("mek-cs-marjane", HEALTH, "MA-MEK", "Centre de santé urbain Marjane", "المركز الصحي الحضري مرجان", "Quartier Marjane, Meknès", "2025-12-01"),
    DemoActor("mek-zerhoune", EMPLOYER, "MA-MEK", "Domaine agricole Zerhoune SARL", "الضيعة الفلاحية زرهون", "Route de Moulay Idriss, Meknès", "2026-06-30"),
    DemoActor("mek-wislane", ASSOCIATION, "MA-MEK", "Association Chabab Wislane", "جمعية شباب ويسلان", "Wislane, Meknès", "2024-10-05"),
    DemoActor("mek-e2c", SCHOOL, "MA-MEK", "École de la deuxième chance – Meknès", "مدرسة الفرصة الثانية - مكناس", "Quartier Bassatine, Meknès", "2026-01-28"),
    DemoActor("sef-eps", CARE, "MA-SEF", "Établissement de protection sociale – Sefrou", "مؤسسة الرعاية الاجتماعية - صفرو", "Avenue Mohammed V, Sefrou", "2025-10-11", languages=AR_FR_ZGH),
    DemoActor("sef-amal", ASSOCIATION, "MA-SEF", "Association Amal Sefrou", "جمعية أمل صفرو", "Quartier Lalla Sakina, Sefrou", "2026-07-07", languages=AR_FR_ZGH),
    DemoActor("sef-cs-bhalil", HEALTH, "MA-SEF", "Centre de santé rural Bhalil", "المركز الصحي القروي البهاليل", "Centre de Bhalil, Sefrou", None, languages=AR_FR_ZGH),
    DemoActor("sef-province", AUTHORITY, "MA-SEF", "Conseil provincial de Sefrou – Service social", "المجلس الإقليمي لصفرو - المصلحة الاجتماعية", "Avenue Hassan II, Sefrou", "2025-05-05"),
    DemoActor("taz-cas", SOCIAL, "MA-TAZ", "Centre d'assistance sociale – Taza", "مركز المساعدة الاجتماعية - تازة", "Taza Haut, Taza", "2026-02-20"),
    DemoActor("taz-cfp", TRAINING, "MA-TAZ", "Institut de formation professionnelle – Taza", "معهد التكوين المهني - تازة", "Avenue de la Marche Verte, Taza", "2025-07-14"),
    DemoActor("taz-aec", EMPLOYMENT, "MA-TAZ", "Agence de l'emploi et des compétences – Taza", "وكالة التشغيل والكفاءات - تازة", "Boulevard Mohammed V, Taza", "2026-10-01", acronym="AEC"),
    DemoActor("taz-tawassol", ASSOCIATION, "MA-TAZ", "Association Tawassol Taza", "جمعية تواصل تازة", "Quartier Al Massira, Taza", "2023-03-01", active=False),
    # ------------------------------------------------------ Rabat-Salé-Kénitra (MA-04)
    DemoActor("rab-eps-fath", CARE, "MA-RAB", "Établissement de protection sociale Al Fath – Rabat", "مؤسسة الرعاية الاجتماعية الفتح - الرباط", "Avenue Al Fath, Rabat", "2026-10-20"),
    DemoActor("rab-cas-mansour", SOCIAL, "MA-RAB", "Centre d'assistance sociale Yacoub El Mansour", "مركز المساعدة الاجتماعية يعقوب المنصور", "Quartier Yacoub El Mansour, Rabat", "2026-08-25"),
    DemoActor("rab-aec-agdal", EMPLOYMENT, "MA-RAB", "Agence de l'emploi et des compétences – Rabat Agdal", "وكالة التشغيل والكفاءات - الرباط أكدال", "Avenue de France, Agdal, Rabat", "2026-11-10", acronym="AEC", languages=AR_FR_EN),
    DemoActor("rab-isn", TRAINING, "MA-RAB", "Institut spécialisé du numérique – Rabat", "المعهد المتخصص في الرقميات - الرباط", "Hay Riad, Rabat", "2026-04-04", en="Rabat Digital Skills Institute", acronym="ISN", languages=AR_FR_EN),
    DemoActor("rab-csm-jeunes", HEALTH, "MA-RAB", "Centre de santé mentale des jeunes – Rabat", "مركز الصحة النفسية للشباب - الرباط", "Rue Oued Sebou, Rabat", "2026-09-29"),
    DemoActor("rab-etat-civil", PUBLIC, "MA-RAB", "Bureau d'état civil – Arrondissement Hassan", "مكتب الحالة المدنية - مقاطعة حسان", "Boulevard Hassan II, Rabat", "2025-12-18", accepts_referrals=False),
    DemoActor("rab-couverture", PUBLIC, "MA-RAB", "Guichet de couverture médicale – Rabat", "شباك التغطية الصحية - الرباط", "Avenue Annakhil, Rabat", "2026-03-30"),
    DemoActor("rab-youth-futures", PARTNER, "MA-RAB", "Fondation Youth Futures – bureau du Maroc", "مؤسسة مستقبل الشباب - مكتب المغرب", "Souissi, Rabat", "2026-06-15", en="Youth Futures Foundation – Morocco office", languages=AR_FR_EN, accepts_referrals=False),
    DemoActor("rab-horizons", ASSOCIATION, "MA-RAB", "Association Horizons Jeunes", "جمعية آفاق الشباب", "Hay Nahda, Rabat", "2026-01-09"),
    DemoActor("rab-callcenter", EMPLOYER, "MA-RAB", "Atlantique Services – centre de relation client", "أطلنتيك للخدمات - مركز العلاقة مع الزبناء", "Technopark, Rabat", "2025-10-02", en="Atlantique Services call centre", languages=AR_FR_EN),
    DemoActor("rab-lycee-manar", SCHOOL, "MA-RAB", "Lycée qualifiant Al Manar – Rabat", "الثانوية التأهيلية المنار - الرباط", "Hay Al Manar, Rabat", None),
    DemoActor("sal-eps-lamrissa", CARE, "MA-SAL", "Établissement de protection sociale Bab Lamrissa – Salé", "مؤسسة الرعاية الاجتماعية باب لمريسة - سلا", "Bab Lamrissa, Salé", "2026-07-30"),
    DemoActor("sal-accueil", SOCIAL, "MA-SAL", "Centre d'accueil temporaire – Salé", "مركز الاستقبال المؤقت - سلا", "Hay Salam, Salé", "2026-05-05"),
    DemoActor("sal-cfp-batiment", TRAINING, "MA-SAL", "Centre de formation aux métiers du bâtiment – Salé", "مركز التكوين في مهن البناء - سلا", "Route de Kénitra, Salé", "2025-11-11"),
    DemoActor("sal-ruwad", ASSOCIATION, "MA-SAL", "Association Ruwad Salé", "جمعية رواد سلا", "Hay Karima, Salé", "2026-08-18"),
    DemoActor("sal-cs-karima", HEALTH, "MA-SAL", "Centre de santé urbain Hay Karima", "المركز الصحي الحضري حي كريمة", "Hay Karima, Salé", "2025-03-27"),
    DemoActor("sal-electronique", EMPLOYER, "MA-SAL", "Atelier Électronique Bouregreg SARL", "ورشة الإلكترونيات أبي رقراق", "Technopolis, Salé", "2026-10-06", active=False),
    DemoActor("ken-eps", CARE, "MA-KEN", "Établissement de protection sociale – Kénitra", "مؤسسة الرعاية الاجتماعية - القنيطرة", "Avenue Mohammed Diouri, Kénitra", "2026-02-12"),
    DemoActor("ken-aec", EMPLOYMENT, "MA-KEN", "Agence de l'emploi et des compétences – Kénitra", "وكالة التشغيل والكفاءات - القنيطرة", "Boulevard Mohammed V, Kénitra", "2026-06-22", acronym="AEC"),
    DemoActor("ken-cfp-auto", TRAINING, "MA-KEN", "Institut de formation aux métiers de l'automobile – Kénitra", "معهد التكوين في مهن السيارات - القنيطرة", "Zone franche, Kénitra", "2026-09-02", acronym="IFMA"),
    DemoActor("ken-cablage", EMPLOYER, "MA-KEN", "Câblages Sebou SARL", "شركة أسلاك سبو", "Zone industrielle, Kénitra", "2026-04-16", en="Sebou Wiring Ltd"),
    DemoActor("ken-sebou", ASSOCIATION, "MA-KEN", "Association Sebou pour la jeunesse", "جمعية سبو للشباب", "Quartier Ouled Oujih, Kénitra", "2025-06-06"),
    DemoActor("ken-commune", AUTHORITY, "MA-KEN", "Commune de Kénitra – Service social", "جماعة القنيطرة - المصلحة الاجتماعية", "Avenue Hassan II, Kénitra", "2026-03-19"),
    DemoActor("skh-solidarite", ASSOCIATION, "MA-SKH", "Association Témara Solidarité", "جمعية تمارة للتضامن", "Hay Massira, Témara", "2026-05-25"),
    # ---------------------------------------------------- Béni Mellal-Khénifra (MA-05)
    DemoActor("bem-eps-asserdoun", CARE, "MA-BEM", "Établissement de protection sociale Aïn Asserdoun – Béni Mellal", "مؤسسة الرعاية الاجتماعية عين أسردون - بني ملال", "Route d'Aïn Asserdoun, Béni Mellal", "2026-10-25", languages=AR_FR_ZGH),
    DemoActor("bem-cas", SOCIAL, "MA-BEM", "Centre d'assistance sociale – Béni Mellal", "مركز المساعدة الاجتماعية - بني ملال", "Avenue Mohammed V, Béni Mellal", "2026-01-21"),
    DemoActor("bem-aec", EMPLOYMENT, "MA-BEM", "Agence de l'emploi et des compétences – Béni Mellal", "وكالة التشغيل والكفاءات - بني ملال", "Boulevard Hassan II, Béni Mellal", "2026-08-01", acronym="AEC"),
    DemoActor("bem-cfp-agro", TRAINING, "MA-BEM", "Centre de formation agroalimentaire – Béni Mellal", "مركز التكوين في الصناعات الغذائية - بني ملال", "Zone industrielle, Béni Mellal", "2025-09-23"),
    DemoActor("bem-cs-hamdane", HEALTH, "MA-BEM", "Centre de santé urbain Oulad Hamdane", "المركز الصحي الحضري أولاد حمدان", "Quartier Oulad Hamdane, Béni Mellal", "2026-04-27"),
    DemoActor("bem-tadla", ASSOCIATION, "MA-BEM", "Association Tadla pour l'insertion des jeunes", "جمعية تادلة لإدماج الشباب", "Quartier Al Qods, Béni Mellal", "2026-11-05", languages=AR_FR_ZGH),
    DemoActor("bem-cooperative", EMPLOYER, "MA-BEM", "Coopérative laitière Tadla", "تعاونية الحليب تادلة", "Route de Fquih Ben Salah, Béni Mellal", "2025-12-12"),
    DemoActor("bem-region", AUTHORITY, "MA-BEM", "Conseil régional – Direction de l'action sociale", "المجلس الجهوي - مديرية العمل الاجتماعي", "Avenue des FAR, Béni Mellal", "2026-06-10"),
    DemoActor("khn-eps", CARE, "MA-KHN", "Établissement de protection sociale – Khénifra", "مؤسسة الرعاية الاجتماعية - خنيفرة", "Avenue Zaouia, Khénifra", "2025-08-08", languages=AR_FR_ZGH),
    DemoActor("khn-oum-rabia", ASSOCIATION, "MA-KHN", "Association Oum Rabia pour le développement", "جمعية أم الربيع للتنمية", "Quartier Amalou, Khénifra", "2026-09-12", languages=AR_FR_ZGH),
    DemoActor("khn-cs", HEALTH, "MA-KHN", "Centre de santé urbain – Khénifra", "المركز الصحي الحضري - خنيفرة", "Boulevard Mohammed VI, Khénifra", None, languages=AR_FR_ZGH),
    DemoActor("khn-e2c", SCHOOL, "MA-KHN", "École de la deuxième chance – Khénifra", "مدرسة الفرصة الثانية - خنيفرة", "Hay Al Fath, Khénifra", "2026-02-26", languages=AR_FR_ZGH),
    DemoActor("azi-ouzoud", ASSOCIATION, "MA-AZI", "Association Ouzoud pour le tourisme solidaire", "جمعية أوزود للسياحة التضامنية", "Centre d'Azilal", "2026-07-19", languages=AR_FR_ZGH),
    DemoActor("azi-cas", SOCIAL, "MA-AZI", "Centre d'assistance sociale – Azilal", "مركز المساعدة الاجتماعية - أزيلال", "Avenue Hassan II, Azilal", "2025-01-30", languages=AR_FR_ZGH),
    DemoActor("azi-cs", HEALTH, "MA-AZI", "Centre de santé rural – Azilal", "المركز الصحي القروي - أزيلال", "Route de Demnate, Azilal", "2026-03-08", languages=AR_FR_ZGH),
    DemoActor("fqh-cfp", TRAINING, "MA-FQH", "Centre de formation professionnelle – Fquih Ben Salah", "مركز التكوين المهني - الفقيه بن صالح", "Avenue Mohammed V, Fquih Ben Salah", "2026-05-29"),
    DemoActor("fqh-aec", EMPLOYMENT, "MA-FQH", "Agence de l'emploi et des compétences – Fquih Ben Salah", "وكالة التشغيل والكفاءات - الفقيه بن صالح", "Boulevard Hassan II, Fquih Ben Salah", "2024-11-18", acronym="AEC"),
    DemoActor("fqh-agrumes", EMPLOYER, "MA-FQH", "Agrumes Béni Amir SARL", "شركة حوامض بني عمير", "Route de Souk Sebt, Fquih Ben Salah", "2026-10-15", en="Beni Amir Citrus Ltd", accepts_referrals=False),
)
# fmt: on

KIND_DESCRIPTIONS: dict[ActorKind, tuple[str, str]] = {
    CARE: (
        "Accueille des enfants et des jeunes privés de protection familiale et prépare "
        "leur sortie vers l'autonomie.",
        "تستقبل الأطفال والشباب المحرومين من الرعاية الأسرية وتهيئ خروجهم نحو الاستقلالية.",
    ),
    SOCIAL: (
        "Écoute, orientation et accompagnement social des jeunes et des familles.",
        "الاستماع والتوجيه والمواكبة الاجتماعية للشباب والأسر.",
    ),
    HEALTH: (
        "Soins de santé primaires, prévention et orientation vers l'hôpital.",
        "العلاجات الصحية الأولية والوقاية والتوجيه نحو المستشفى.",
    ),
    SCHOOL: (
        "Scolarité, remise à niveau et orientation scolaire.",
        "التمدرس والدعم والتوجيه المدرسي.",
    ),
    TRAINING: (
        "Formation professionnelle qualifiante et diplômante, stages en entreprise.",
        "تكوين مهني تأهيلي ودبلومي وتداريب في المقاولات.",
    ),
    EMPLOYMENT: (
        "Intermédiation sur le marché du travail, ateliers de recherche d'emploi.",
        "الوساطة في سوق الشغل وورشات البحث عن العمل.",
    ),
    PUBLIC: (
        "Service public de proximité pour les démarches administratives.",
        "مرفق عمومي للقرب من أجل المساطر الإدارية.",
    ),
    ASSOCIATION: (
        "Association de la société civile active auprès des jeunes sortant de protection.",
        "جمعية من المجتمع المدني تعمل مع الشباب الخارجين من مؤسسات الرعاية.",
    ),
    AUTHORITY: (
        "Collectivité territoriale: programmes sociaux et soutien aux associations.",
        "جماعة ترابية: برامج اجتماعية ودعم الجمعيات.",
    ),
    EMPLOYER: (
        "Entreprise partenaire qui recrute et forme des jeunes.",
        "مقاولة شريكة توظف وتكون الشباب.",
    ),
    PARTNER: (
        "Partenaire international qui finance et accompagne les programmes d'insertion.",
        "شريك دولي يمول ويواكب برامج الإدماج.",
    ),
}

REGION_PHONE_PREFIX = {"MA-03": "535", "MA-04": "537", "MA-05": "523"}
WEBSITE_KINDS = frozenset({TRAINING, EMPLOYMENT, ASSOCIATION, PARTNER, EMPLOYER})
