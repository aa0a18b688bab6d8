# ruff: noqa: E501 — data tables keep one row per line.
"""The demo network's services: a basket per kind of actor, plus each actor's own.

An actor gets its kind's basket (unless listed in ``BASKET_EXEMPT``) followed by its
own services, in this order. The axis is the category's axis. ``area`` lists the
territories served beyond the actor's own (``REGION`` means the actor's region); an
empty area means the actor's territory.
"""

from __future__ import annotations

from dataclasses import dataclass

from network.enums import ActorKind

REGION = "REGION"
F = ("FEMALE",)
M = ("MALE",)


@dataclass(frozen=True)
class DemoService:
    fr: str
    ar: str
    category: str
    ages: tuple[int | None, int | None] = (None, None)
    genders: tuple[str, ...] = ()
    capacity: tuple[int | None, int | None] | None = None
    response_days: int = 5
    area: tuple[str, ...] = ()
    en: str | None = None
    about: str | None = None
    requirements: str | None = None
    accepts_referrals: bool = True
    active: bool = True


S = DemoService

# fmt: off
BASKETS: dict[ActorKind, tuple[DemoService, ...]] = {
    ActorKind.CARE_INSTITUTION: (
        S("Préparation à la sortie et projet de vie", "التهيئة للخروج ومشروع الحياة", "education.life-skills", (15, 21), capacity=(6, 20), response_days=7, about="Ateliers d'autonomie: budget, cuisine, démarches."),
        S("Hébergement de transition après 18 ans", "الإيواء الانتقالي بعد 18 سنة", "social.housing", (18, 21), capacity=(2, 8), response_days=10, requirements="Avoir été pris en charge par l'établissement."),
        S("Soutien scolaire du soir", "الدعم المدرسي المسائي", "education.schooling-support", (12, 18), capacity=(10, 30), response_days=3),
    ),
    ActorKind.SOCIAL_ASSISTANCE_CENTER: (
        S("Écoute et orientation sociale", "الاستماع والتوجيه الاجتماعي", "social.family-mediation", response_days=2, about="Premier accueil sans rendez-vous."),
        S("Aide à l'obtention des documents d'état civil", "المساعدة في الحصول على وثائق الحالة المدنية", "social.legal-aid", (15, None), response_days=5),
        S("Aide financière ponctuelle", "دعم مالي ظرفي", "social.financial-support", (18, 25), capacity=(0, 15), response_days=8),
        S("Médiation familiale", "الوساطة الأسرية", "social.family-mediation", response_days=6),
    ),
    ActorKind.HEALTH_FACILITY: (
        S("Consultations de santé primaire", "استشارات الصحة الأولية", "health.medical-care", response_days=2),
        S("Vaccination et prévention", "التلقيح والوقاية", "health.medical-care", response_days=3),
        S("Aide à l'affiliation à la couverture médicale", "المساعدة على الانخراط في التغطية الصحية", "health.coverage", (18, None), response_days=5),
    ),
    ActorKind.EDUCATION_INSTITUTION: (
        S("Remise à niveau scolaire", "التأهيل المدرسي", "education.schooling-support", (15, 22), capacity=(12, 40), response_days=7),
        S("Orientation scolaire et professionnelle", "التوجيه المدرسي والمهني", "education.life-skills", (15, 25), response_days=5),
    ),
    ActorKind.TRAINING_CENTER: (
        S("Bilan de compétences et orientation", "حصيلة الكفاءات والتوجيه", "education.vocational-training", (15, 30), response_days=4),
        S("Stage d'insertion en entreprise", "تدريب الإدماج في المقاولة", "employment.internships", (18, 30), capacity=(5, 25), response_days=7),
    ),
    ActorKind.EMPLOYMENT_AGENCY: (
        S("Placement en emploi salarié", "الوساطة في التشغيل المأجور", "employment.job-placement", (18, 35), response_days=5, area=(REGION,)),
        S("Ateliers de recherche d'emploi", "ورشات البحث عن الشغل", "employment.job-search", (18, 35), capacity=(8, 20), response_days=4),
        S("Accompagnement à la création d'entreprise", "مواكبة إنشاء المقاولة", "employment.self-employment", (18, 40), response_days=10, area=(REGION,)),
        S("Contrats d'insertion et stages", "عقود الإدماج والتداريب", "employment.internships", (18, 30), response_days=6),
    ),
    ActorKind.LOCAL_AUTHORITY: (
        S("Subventions aux projets de jeunes", "دعم مشاريع الشباب", "social.financial-support", (18, 30), response_days=10),
        S("Accès aux équipements sportifs et culturels", "الولوج إلى المرافق الرياضية والثقافية", "participation.sport-culture", response_days=5),
    ),
    ActorKind.EMPLOYER: (
        S("Recrutement de jeunes sans expérience", "توظيف الشباب بدون تجربة", "employment.job-placement", (18, 30), capacity=(3, 10), response_days=7),
        S("Stages en entreprise", "تداريب داخل المقاولة", "employment.internships", (18, 26), capacity=(2, 6), response_days=5),
    ),
    ActorKind.ASSOCIATION: (
        S("Parrainage par un mentor bénévole", "المرافقة من طرف مرشد متطوع", "participation.mentoring", (16, 25), capacity=(4, 12), response_days=6),
        S("Activités sportives et culturelles", "أنشطة رياضية وثقافية", "participation.sport-culture", (12, 25), response_days=3),
        S("Chantiers de bénévolat", "أوراش التطوع", "participation.volunteering", (16, 30), response_days=4),
    ),
}

BASKET_EXEMPT = frozenset({
    "fes-complexe-enfance", "fes-complexe-urgence", "fes-complexe-femmes",
    "fes-esj-saiss", "rab-csm-jeunes", "rab-etat-civil", "rab-couverture", "rab-youth-futures",
})

OWN_SERVICES: dict[str, tuple[DemoService, ...]] = {
    "fes-eps-fatat": (
        S("Accompagnement des jeunes mères", "مواكبة الأمهات الشابات", "social.family-mediation", (16, 24), F, (1, 5), 4),
    ),
    "fes-complexe": (
        S("Coordination des prises en charge du complexe", "تنسيق التكفل داخل المركب", "social.family-mediation", response_days=3, area=("MA-FES", "MA-MOU")),
    ),
    "fes-complexe-enfance": (
        S("Signalement et protection de l'enfance", "التبليغ وحماية الطفولة", "social.legal-aid", (None, 18), response_days=1),
        S("Soutien psychologique des enfants", "الدعم النفسي للأطفال", "health.mental-health", (6, 18), capacity=(3, 10), response_days=4),
    ),
    "fes-complexe-urgence": (
        S("Aide sociale mobile de nuit", "الإسعاف الاجتماعي الليلي", "social.housing", response_days=0, area=("MA-FES", "MA-MEK", "MA-SEF"), about="Maraudes de nuit et mise à l'abri immédiate."),
        S("Hébergement d'urgence", "الإيواء الاستعجالي", "social.housing", capacity=(4, 24), response_days=0),
    ),
    "fes-complexe-femmes": (
        S("Écoute des femmes et jeunes filles", "الاستماع للنساء والفتيات", "social.family-mediation", (15, None), F, response_days=2),
        S("Atelier couture et broderie", "ورشة الخياطة والطرز", "education.vocational-training", (16, 35), F, (0, 15), 7),
        S("Alphabétisation fonctionnelle", "محو الأمية الوظيفي", "education.literacy", (15, None), F, (9, 25), 5),
    ),
    "fes-cfp-saiss": (
        S("Qualification en cuisine et restauration", "التأهيل في الطبخ والمطعمة", "education.vocational-training", (15, 25), capacity=(7, 30), response_days=10, requirements="Niveau 6e année primaire."),
    ),
    "fes-cfp-ftouh": (
        S("Spécialisation en électricité du bâtiment", "التخصص في كهرباء البناء", "education.vocational-training", (15, 25), M, (0, 24), 10),
        S("Technicien en maroquinerie", "تقني في صناعة الجلد", "education.vocational-training", (18, 30), capacity=(5, 20), response_days=9),
    ),
    "fes-esj-saiss": (
        S("Consultation avec un Médecin généraliste", "استشارة مع طبيب عام", "health.medical-care", (12, 25), response_days=2, en="General practitioner consultation"),
        S("Écoute et soutien psychologique des jeunes", "الإنصات والدعم النفسي للشباب", "health.mental-health", (12, 25), response_days=5),
        S("Prévention des addictions", "الوقاية من الإدمان", "health.addiction", (12, 25), response_days=4),
        S("Éducation à la santé", "التربية الصحية", "education.life-skills", (12, 25), response_days=7, active=False),
    ),
    "fes-bidaya": (
        S("Accompagnement vers le logement autonome", "المواكبة نحو السكن المستقل", "social.housing", (18, 25), capacity=(1, 6), response_days=8, en="Support towards independent housing"),
    ),
    "mek-cfp-agricole": (
        S("Qualification en arboriculture", "التأهيل في زراعة الأشجار المثمرة", "education.vocational-training", (15, 30), capacity=(11, 25), response_days=10),
    ),
    "mek-wislane": (
        S("Ligue de football de quartier", "عصبة كرة القدم للأحياء", "participation.sport-culture", (14, 22), M, response_days=2),
    ),
    "taz-cfp": (
        S("Technicien en informatique de gestion", "تقني في المعلوميات التدبيرية", "education.vocational-training", (18, 28), capacity=(3, 30), response_days=10),
    ),
    "rab-isn": (
        S("Technicien spécialisé en développement web", "تقني متخصص في تطوير المواقع", "education.vocational-training", (18, 30), capacity=(0, 28), response_days=10, en="Specialised web developer technician"),
        S("Initiation au numérique", "مدخل إلى الرقميات", "education.life-skills", (15, 30), response_days=3, en="Digital basics"),
    ),
    "rab-csm-jeunes": (
        S("Consultation de psychiatrie pour jeunes", "استشارة الطب النفسي للشباب", "health.mental-health", (15, 25), response_days=9, area=("MA-04",)),
        S("Groupe de parole", "مجموعة الحوار", "health.mental-health", (15, 25), capacity=(6, 12), response_days=5),
        S("Sevrage et suivi des addictions", "الإقلاع عن الإدمان وتتبعه", "health.addiction", (16, 30), response_days=6, area=("MA-04",)),
    ),
    "rab-etat-civil": (
        S("Inscription tardive à l'état civil", "التسجيل المتأخر في الحالة المدنية", "social.legal-aid", (18, None), response_days=10, accepts_referrals=False),
        S("Copies d'actes de naissance", "نسخ عقود الازدياد", "social.legal-aid", response_days=1, accepts_referrals=False),
    ),
    "rab-couverture": (
        S("Immatriculation à l'assurance maladie", "التسجيل في التأمين الإجباري عن المرض", "health.coverage", (18, None), response_days=7, area=("MA-RAB", "MA-SAL", "MA-SKH")),
    ),
    "rab-youth-futures": (
        S("Bourses d'insertion pour jeunes sortant de protection", "منح الإدماج للشباب الخارجين من الرعاية", "social.financial-support", (18, 25), capacity=(14, 60), response_days=10, area=("MA-03", "MA-04", "MA-05"), en="Integration grants for care leavers", accepts_referrals=False),
        S("Réseau de mentors professionnels", "شبكة المرشدين المهنيين", "participation.mentoring", (18, 25), response_days=10, area=("MA-03", "MA-04", "MA-05"), en="Professional mentors network"),
        S("Programme d'échanges de jeunes", "برنامج تبادل الشباب", "participation.volunteering", (18, 25), response_days=10, en="Youth exchange programme", active=False),
    ),
    "rab-horizons": (
        S("Clubs de lecture et théâtre", "نوادي القراءة والمسرح", "participation.sport-culture", (14, 24), response_days=3),
    ),
    "rab-callcenter": (
        S("Formation au métier de téléconseiller", "تكوين في مهنة مستشار الهاتف", "education.vocational-training", (18, 30), capacity=(20, 40), response_days=5, en="Call centre agent training"),
    ),
    "sal-accueil": (
        S("Accueil temporaire de nuit", "الاستقبال المؤقت الليلي", "social.housing", (18, None), M, (3, 30), 1),
    ),
    "sal-cfp-batiment": (
        S("Qualification en plomberie", "التأهيل في الترصيص", "education.vocational-training", (15, 25), capacity=(8, 24), response_days=10),
    ),
    "sal-ruwad": (
        S("Cours d'alphabétisation pour jeunes adultes", "دروس محو الأمية للشباب", "education.literacy", (16, 35), capacity=(15, 30), response_days=5),
    ),
    "ken-cfp-auto": (
        S("Spécialisation en câblage automobile", "التخصص في أسلاك السيارات", "education.vocational-training", (18, 30), capacity=(30, 60), response_days=7, area=("MA-KEN", "MA-SIK", "MA-SIL")),
    ),
    "ken-sebou": (
        S("Aide juridique aux jeunes", "المساعدة القانونية للشباب", "social.legal-aid", (16, 30), response_days=6),
    ),
    "skh-solidarite": (
        S("Distribution de paniers alimentaires", "توزيع القفف الغذائية", "social.financial-support", capacity=(None, 200), response_days=3, active=False),
    ),
    "bem-cfp-agro": (
        S("Qualification en transformation laitière", "التأهيل في تحويل الحليب", "education.vocational-training", (15, 30), capacity=(6, 20), response_days=10),
    ),
    "bem-tadla": (
        S("Accompagnement à l'auto-emploi rural", "المواكبة في التشغيل الذاتي القروي", "employment.self-employment", (18, 35), response_days=8, area=(REGION,)),
        S("Cours de tamazight et d'arabe", "دروس الأمازيغية والعربية", "education.literacy", (15, None), response_days=5),
    ),
    "khn-oum-rabia": (
        S("Randonnées et éducation à l'environnement", "المشي الجبلي والتربية البيئية", "participation.sport-culture", (14, 25), response_days=5),
    ),
    "azi-ouzoud": (
        S("Formation de guides de montagne", "تكوين مرشدي الجبال", "education.vocational-training", (18, 30), M, (2, 10), 14),
    ),
    "fqh-cfp": (
        S("Qualification en mécanique agricole", "التأهيل في الميكانيك الفلاحي", "education.vocational-training", (15, 25), capacity=(9, 20), response_days=10),
    ),
}
# fmt: on
