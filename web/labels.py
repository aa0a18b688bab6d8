"""The console's words for the API's enum values, in English; templates translate them
(``_(kind_names[kind])``). Babel finds them through ``N_`` (see web/locale/README.md)."""

from __future__ import annotations

from web.i18n import N_

role_names = {
    "ADMIN": N_("Administrator"),
    "COORDINATOR": N_("Coordinator"),
    "MEDIATOR": N_("Social mediator"),
    "AGENCY_STAFF": N_("Agency staff"),
}
language_names = {"AR": "العربية", "FR": "Français", "EN": "English", "ZGH": "ⵜⴰⵎⴰⵣⵉⵖⵜ"}
channel_names = {"IN_APP": N_("In Jisr"), "EMAIL": N_("Email"), "SMS": N_("Text message")}
kind_names = {
    "REFERRAL_RECEIVED": N_("A referral is received"),
    "REFERRAL_RESPONSE_DUE": N_("A referral awaits an answer"),
    "REFERRAL_ESCALATED": N_("A referral is escalated"),
    "REFERRAL_EXPIRED": N_("A referral expired"),
    "REFERRAL_STATUS_CHANGED": N_("A referral changed"),
    "FOLLOW_UP_DUE": N_("A follow-up is due"),
    "LEAVING_CARE_SOON": N_("A young person leaves care soon"),
    "POST_CARE_CHECK_IN": N_("A check-in after care is due"),
    "ACTOR_DATA_STALE": N_("Our profile needs checking"),
}
axis_names = {
    "HEALTH": N_("Health"),
    "EDUCATION_TRAINING": N_("Education and training"),
    "EMPLOYMENT": N_("Employment"),
    "SOCIAL_ASSISTANCE": N_("Social assistance"),
    "SOCIAL_PARTICIPATION": N_("Social participation"),
}
actor_kind_names = {
    "CARE_INSTITUTION": N_("Care institution"),
    "SOCIAL_ASSISTANCE_CENTER": N_("Social assistance centre"),
    "HEALTH_FACILITY": N_("Health facility"),
    "EDUCATION_INSTITUTION": N_("School or university"),
    "TRAINING_CENTER": N_("Training centre"),
    "EMPLOYMENT_AGENCY": N_("Employment agency"),
    "PUBLIC_SERVICE": N_("Public service"),
    "ASSOCIATION": N_("Association"),
    "LOCAL_AUTHORITY": N_("Local authority"),
    "EMPLOYER": N_("Employer"),
    "INTERNATIONAL_PARTNER": N_("International partner"),
}
status_names = {
    "DRAFT": N_("Draft"),
    "SENT": N_("New"),
    "ACCEPTED": N_("Accepted"),
    "DECLINED": N_("Declined"),
    "REDIRECTED": N_("Redirected"),
    "IN_PROGRESS": N_("In progress"),
    "COMPLETED": N_("Completed"),
    "CANCELLED": N_("Cancelled"),
    "EXPIRED": N_("Expired"),
}
decline_reason_names = {
    "NOT_ELIGIBLE": N_("The young person is not eligible"),
    "NO_CAPACITY": N_("No place available"),
    "OUT_OF_AREA": N_("Outside our area"),
    "SERVICE_NOT_OFFERED": N_("We do not offer this service"),
    "YOUTH_UNREACHABLE": N_("The young person cannot be reached"),
    "OTHER": N_("Another reason"),
}
outcome_names = {
    "SERVED": N_("Served"),
    "PARTIALLY_SERVED": N_("Partly served"),
    "NOT_SERVED": N_("Not served"),
    "YOUTH_WITHDREW": N_("The young person withdrew"),
}
event_names = {
    "CREATED": N_("Created"),
    "SENT": N_("Delivered"),
    "ACCEPTED": N_("Accepted"),
    "DECLINED": N_("Declined"),
    "REDIRECTED": N_("Redirected"),
    "STARTED": N_("Started"),
    "COMPLETED": N_("Completed"),
    "CANCELLED": N_("Cancelled"),
    "EXPIRED": N_("Expired"),
    "NOTE": N_("Note"),
    "FOLLOW_UP_SCHEDULED": N_("Follow-up scheduled"),
    "REMINDER_SENT": N_("Reminder sent"),
    "ESCALATED": N_("Escalated"),
}

LABELS = {
    "role_names": role_names,
    "language_names": language_names,
    "channel_names": channel_names,
    "kind_names": kind_names,
    "axis_names": axis_names,
    "actor_kind_names": actor_kind_names,
    "status_names": status_names,
    "decline_reason_names": decline_reason_names,
    "outcome_names": outcome_names,
    "event_names": event_names,
}

gender_names = {"FEMALE": N_("Female"), "MALE": N_("Male")}
# who a service is for
eligible_gender_names = {"FEMALE": N_("Young women"), "MALE": N_("Young men")}
LABELS["eligible_gender_names"] = eligible_gender_names
LABELS["gender_names"] = gender_names

# where a young person stands, in the order "My young people" shows them
youth_status_names = {
    "PREPARING_TO_LEAVE": N_("Preparing to leave care"),
    "IN_CARE": N_("In care"),
    "LEFT_CARE": N_("Left care"),
    "AUTONOMOUS": N_("Autonomous"),
    "LOST_CONTACT": N_("Lost contact"),
}
need_level_names = {
    "NONE": N_("No need"),
    "LOW": N_("Low need"),
    "MEDIUM": N_("Medium need"),
    "HIGH": N_("High need"),
}
LABELS["youth_status_names"] = youth_status_names
LABELS["need_level_names"] = need_level_names

# a young person's case: who gives a consent, what they reached, where they stand in school
consent_giver_names = {
    "YOUTH": N_("The young person"),
    "LEGAL_REPRESENTATIVE": N_("Their legal representative"),
}
milestone_kind_names = {
    "EMPLOYED": N_("Employed"),
    "TRAINING_ENROLLED": N_("Enrolled in a training"),
    "TRAINING_COMPLETED": N_("Completed a training"),
    "HOUSING_SECURED": N_("Housing secured"),
    "ID_DOCUMENTS": N_("Identity documents obtained"),
    "HEALTH_COVERAGE": N_("Health coverage obtained"),
    "BANK_ACCOUNT": N_("Bank account opened"),
}
education_level_names = {
    "NONE": N_("No schooling"),
    "PRIMARY": N_("Primary school"),
    "LOWER_SECONDARY": N_("Lower secondary school"),
    "UPPER_SECONDARY": N_("Upper secondary school"),
    "HIGHER": N_("Higher education"),
}
vocational_level_names = {
    "NONE": N_("No vocational training"),
    "SPECIALIZATION": N_("Specialisation"),
    "QUALIFICATION": N_("Qualification"),
    "TECHNICIAN": N_("Technician"),
    "SPECIALIZED_TECHNICIAN": N_("Specialised technician"),
}
LABELS["consent_giver_names"] = consent_giver_names
LABELS["milestone_kind_names"] = milestone_kind_names
LABELS["education_level_names"] = education_level_names
LABELS["vocational_level_names"] = vocational_level_names
# the assessment and the integration plan
indicator_answer_names = {
    "YES": N_("Yes, in place"),
    "PARTLY": N_("Partly"),
    "NO": N_("No"),
    "UNKNOWN": N_("Not known"),
}
plan_goal_status_names = {
    "OPEN": N_("Open"),
    "ACHIEVED": N_("Achieved"),
    "DROPPED": N_("Dropped"),
}
plan_action_kind_names = {
    "REFERRAL": N_("Referral to a service"),
    "DOCUMENT": N_("A document to obtain"),
    "TRAINING": N_("Training"),
    "EMPLOYMENT_MEDIATION": N_("Employment mediation"),
    "HOUSING_MEDIATION": N_("Housing mediation"),
    "FAMILY_MEDIATION": N_("Family mediation"),
    "LIFE_SKILLS": N_("Life skills"),
    "OTHER": N_("Something else"),
}
plan_action_owner_names = {
    "MEDIATOR": N_("The mediator"),
    "YOUNG_PERSON": N_("The young person"),
    "ACTOR_USER": N_("A partner organisation"),
}
plan_action_status_names = {
    "PLANNED": N_("Planned"),
    "IN_PROGRESS": N_("In progress"),
    "DONE": N_("Done"),
    "NOT_DONE": N_("Not done"),
    "CANCELLED": N_("Cancelled"),
}
plan_agreed_by_names = {
    "YOUTH": N_("The young person"),
    "LEGAL_REPRESENTATIVE": N_("Their legal representative"),
}
LABELS["indicator_answer_names"] = indicator_answer_names
LABELS["plan_goal_status_names"] = plan_goal_status_names
LABELS["plan_action_kind_names"] = plan_action_kind_names
LABELS["plan_action_owner_names"] = plan_action_owner_names
LABELS["plan_action_status_names"] = plan_action_status_names
LABELS["plan_agreed_by_names"] = plan_agreed_by_names
# the outbox's states and the jobs' statuses, as the administration pages show them
outbox_state_names = {
    "PENDING": N_("Waiting"),
    "SENDING": N_("Being sent"),
    "SENT": N_("Delivered"),
    "DEAD": N_("Given up"),
}
job_status_names = {
    "QUEUED": N_("Queued"),
    "RUNNING": N_("Running"),
    "SUCCEEDED": N_("Succeeded"),
    "FAILED": N_("Failed"),
}
LABELS["outbox_state_names"] = outbox_state_names
LABELS["job_status_names"] = job_status_names
