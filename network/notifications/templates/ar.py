"""الرسائل بالعربية: الموضوع والنص لكل نوع، وتسميات قيم التعداد."""

from __future__ import annotations

from network.enums import NotificationKind as K

MESSAGES: dict[K, tuple[str, str]] = {
    K.REFERRAL_RECEIVED: (
        "توجيه جديد {referral_code}",
        "أرسل إليكم {from_actor} التوجيه {referral_code} ({axis}). المرجو الرد قبل {respond_by}.",
    ),
    K.REFERRAL_RESPONSE_DUE: (
        "التوجيه {referral_code} في انتظار ردكم",
        "كان من المنتظر الرد على التوجيه {referral_code} ({axis}) قبل {respond_by}. "
        "المرجو قبوله أو رفضه أو إعادة توجيهه.",
    ),
    K.REFERRAL_ESCALATED: (
        "توجيه دون رد {referral_code}",
        "لم يرد {to_actor} على التوجيه {referral_code} الذي كان الرد عليه منتظرا قبل {respond_by}.",
    ),
    K.REFERRAL_EXPIRED: (
        "انتهت صلاحية التوجيه {referral_code}",
        "انتهت صلاحية التوجيه {referral_code} دون رد من {to_actor}. "
        "المرجو توجيه الشاب(ة) إلى شريك آخر.",
    ),
    K.REFERRAL_STATUS_CHANGED: (
        "التوجيه {referral_code}: {status}",
        "غيّر {by_actor} حالة التوجيه {referral_code} إلى: {status}.",
    ),
    K.FOLLOW_UP_DUE: (
        "موعد تتبع التوجيه {referral_code}",
        "كان تتبع التوجيه {referral_code} مبرمجا في {follow_up_at}.",
    ),
    K.LEAVING_CARE_SOON: (
        "{youth_code} يغادر المؤسسة بعد {days} يوما",
        "يغادر {youth_code} المؤسسة في {leaving_on} ولا يتوفر بعد على أي توجيه في: {axes}.",
    ),
    K.POST_CARE_CHECK_IN: (
        "{months} أشهر بعد مغادرة المؤسسة: {youth_code}",
        "غادر {youth_code} المؤسسة منذ {months} أشهر. المرجو تسجيل مراحله ووضعيته.",
    ),
    K.ACTOR_DATA_STALE: (
        "المرجو تأكيد بطاقة {actor}",
        "لم يتم تأكيد بطاقة {actor} وخدماته منذ 12 شهرا. المرجو مراجعتها وتأكيدها.",
    ),
    K.PLAN_ACTION_DUE: (
        "حل أجل إجراء في مشروع {youth_code}",
        "كان إجراء من مشروع الإدماج الخاص بـ {youth_code} مقررا في {due_on} ولم ينجز بعد.",
    ),
    K.PLAN_REVIEW_DUE: (
        "حان موعد مراجعة مشروع {youth_code}",
        "كان موعد مراجعة مشروع الإدماج الخاص بـ {youth_code} في {review_on}.",
    ),
    K.PLAN_MISSING: (
        "ليس لـ {youth_code} مشروع إدماج بعد",
        "بلغ {youth_code} سن {age} أو أكثر وما زال بالمؤسسة دون مشروع إدماج. المرجو "
        "إجراء التشخيص وإعداد المشروع معه.",
    ),
    K.PLAN_NOT_AGREED: (
        "يغادر {youth_code} المؤسسة دون مشروع متفق عليه",
        "يغادر {youth_code} المؤسسة في {leaving_on} وليس له بعد مشروع إدماج متفق عليه.",
    ),
}

LABELS: dict[str, str] = {
    "HEALTH": "الصحة",
    "EDUCATION_TRAINING": "التربية والتكوين",
    "EMPLOYMENT": "التشغيل",
    "SOCIAL_ASSISTANCE": "المساعدة الاجتماعية",
    "SOCIAL_PARTICIPATION": "المشاركة الاجتماعية",
    "DRAFT": "مسودة",
    "SENT": "مرسل",
    "ACCEPTED": "مقبول",
    "DECLINED": "مرفوض",
    "REDIRECTED": "أعيد توجيهه",
    "IN_PROGRESS": "قيد الإنجاز",
    "COMPLETED": "منجز",
    "CANCELLED": "ملغى",
    "EXPIRED": "منتهي الصلاحية",
}
