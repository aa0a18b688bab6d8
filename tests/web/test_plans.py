"""The assessment and the integration plan in a real browser: the demo mediator of Dar Al
Amal assesses a young person (an overrule without its reason is refused, linked to the
field), creates their plan with a goal, adds an action, records the young person's
agreement and a review, and moves the action — in French, in Arabic (right to left) and
without JavaScript; refers from an action to a service the young person may go to, while
the services they are not eligible for or not covered by consent for are greyed with the
reason and cannot be chosen; and prints the plan on one or two A4 pages.

The printed copy is the PDF Chromium makes of the print page, read back with pypdf: its
pages counted and measured, and its text holding every goal.
"""

from __future__ import annotations

import io
from typing import Any
from unicodedata import normalize

import pytest
from playwright.async_api import Page
from pypdf import PdfReader

from tests.browser import output_folder
from tests.web.conftest import IN_EACH_LANGUAGE, MEDIATOR, Console, SignIn, follow, screenshot

ME = "{ me { id actor { id } } }"
REGISTER = """
mutation($input: RegisterYouthInput!) {
  registerYouth(input: $input) { youth { id } userErrors { code message } }
}"""
FIND = "query($code: String!) { youths(filter: {search: $code}) { nodes { id age gender } } }"
PLAN = """
query($id: ID!) {
  integrationPlans(youthId: $id) {
    id status version agreement { agreedBy }
    goals { id text actions { id kind status referral { id service { name } } } }
  }
}"""
ADD_GOAL = """
mutation($input: AddPlanGoalInput!) {
  addPlanGoal(input: $input) { plan { id goals { id text actions { id } } } userErrors { code } }
}"""
HEADINGS = {"fr": "Évaluer la situation du jeune", "ar": "تقييم وضعية الشاب"}
STALE = {"fr": "Quelqu’un d’autre a modifié le plan entre-temps", "ar": "غيّر شخص آخر المشروع"}
A4 = (595, 842)  # points
ELECTRICITY = "Spécialisation en électricité du bâtiment"  # training centre, young men 15–25
SEWING = "Atelier couture et broderie"  # young women only
EVENING_CLASSES = "Soutien scolaire du soir"  # a care institution's, ages 12 to 18


def register(console: Console, last: str) -> str:
    """A young person of the mediator's, registered through the API; their id."""
    token = console.token(MEDIATOR)
    me: Any = console.graphql(ME, token=token)["me"]
    given = {
        "firstName": "Amine",
        "lastName": last,
        "birthDate": "2008-03-09",
        "gender": "MALE",
        "institutionId": me["actor"]["id"],
        "mediatorId": me["id"],
    }
    payload: Any = console.graphql(REGISTER, {"input": given}, token=token)["registerYouth"]
    assert payload["userErrors"] == []
    return str(payload["youth"]["id"])


def plans_of(console: Console, youth_id: str) -> list[dict[str, Any]]:
    found: Any = console.graphql(PLAN, {"id": youth_id}, token=console.token(MEDIATOR))
    return list(found["integrationPlans"])


async def submit(page: Page, form: str = "main form[method=post]") -> int:
    async with page.expect_navigation() as navigation:
        await page.click(f"{form} button[type=submit]")
    answer = await navigation.value
    assert answer is not None
    return answer.status


@IN_EACH_LANGUAGE
async def test_the_mediator_assesses_and_agrees_a_plan(
    as_user: SignIn,
    console: Console,
    lang: str,
    direction: str,
    javascript: bool,
    request: pytest.FixtureRequest,
) -> None:
    # given: a young person of the mediator's, neither assessed nor with a plan
    youth_id = register(console, f"Plan-{request.node.callspec.id}")
    page = await as_user(MEDIATOR, lang=lang, javascript=javascript)
    await page.goto(f"/youths/{youth_id}")
    await follow(page, "#plan-link")
    assert await page.get_attribute("html", "dir") == direction
    assert await page.locator("#create-plan").count() == 1
    await follow(page, f"main a[href='/youths/{youth_id}/assessment/new']")
    assert await page.inner_text("main h1") == HEADINGS[lang]

    # when: they answer, and give employment another level without saying why
    await page.check("#answer-employment-experience-NO")
    await page.check("#answer-employment-job-search-PARTLY")
    await page.check("#answer-health-coverage-YES")
    await page.click("#axis-HEALTH details summary")  # <details> opens without JavaScript
    await page.select_option("#level-HEALTH", "MEDIUM")
    status = await submit(page)

    # then: refused, the summary links to the reason, the answers are kept
    assert status == 400
    assert await page.locator(".error-summary a[href='#reason-HEALTH']").count() == 1
    assert await page.is_checked("#answer-employment-experience-NO")
    if javascript:
        await screenshot(page, request, f"assessment-errors-{lang}")

    # when: they say why
    await page.fill("#reason-HEALTH", "Suivi médical à reprendre")
    status = await submit(page)

    # then: the plan page shows the assessment: employment as derived, health overruled
    assert status == 200 and page.url.endswith("done=assessment")
    health = page.locator("tr[data-axis='HEALTH']")
    assert "Suivi médical à reprendre" in await health.inner_text()
    assert await page.locator("tr[data-axis='EMPLOYMENT']").count() == 1

    # when: they create the plan, first without the goal's words, then with them
    await follow(page, "#create-plan")
    await page.check("#axis-EMPLOYMENT")
    status = await submit(page)
    assert status == 400
    assert await page.locator(".error-summary a[href='#text']").count() == 1
    assert await page.is_checked("#axis-EMPLOYMENT")
    await page.fill("#text", "Premier emploi en restauration")
    await page.fill("#targetDate", "2027-09-30")
    assert await submit(page) == 200

    # then: the plan has its goal; they add an action to it
    goal = page.locator(".plan-goal", has_text="Premier emploi en restauration")
    assert await goal.count() == 1
    await follow(page, ".plan-goal a.add-action")
    await page.check("#kind-REFERRAL")
    await page.fill("#dueDate", "2027-01-15")
    assert await submit(page) == 200
    action = goal.locator("tr[data-status='PLANNED']")
    assert await action.count() == 1
    assert await action.locator("time[datetime='2027-01-15']").count() == 1

    # when: they drop the goal without a reason
    await goal.locator(".plan-goal__status select").select_option("DROPPED")
    assert await submit(page, ".plan-goal__status") == 400
    # then: refused on the plan page, linked to the goal's reason, nothing changed
    reason = page.locator(".error-summary a[href$='-reason']")
    assert await reason.count() == 1
    assert plans_of(console, youth_id)[0]["goals"][0]["actions"][0]["status"] == "PLANNED"

    # when: they record the agreement
    await follow(page, f"main a[href='/youths/{youth_id}/plan/agreement']")
    await page.check("#agreedBy-LEGAL_REPRESENTATIVE")
    await page.fill("#evidence", "Dossier papier")
    assert await submit(page) == 200

    # then: the plan says who agreed
    assert "Dossier papier" in await page.inner_text("#plan-agreement")

    # when: they record a review, and mark the action in progress
    await follow(page, f"main a[href='/youths/{youth_id}/plan/review']")
    await page.fill("#changes", "Inscription à l’ANAPEC faite")
    assert await submit(page) == 200
    await action.locator("select[name=status]").select_option("IN_PROGRESS")
    assert await submit(page, "tr[id^='action-'] form") == 200

    # then: the review is listed, the action moved, and the API holds it all
    assert "Inscription à l’ANAPEC faite" in await page.inner_text(".plan-reviews")
    assert await goal.locator("tr[data-status='IN_PROGRESS']").count() == 1
    plan = plans_of(console, youth_id)[0]
    assert plan["status"] == "ACTIVE"
    assert plan["agreement"] == {"agreedBy": "LEGAL_REPRESENTATIVE"}
    assert [g["text"] for g in plan["goals"]] == ["Premier emploi en restauration"]
    assert plan["goals"][0]["actions"][0]["status"] == "IN_PROGRESS"
    if javascript:
        await screenshot(page, request, f"plan-{lang}")

    # when: a goal is added from a form drawn before all these changes (its version stale)
    await page.goto(f"/youths/{youth_id}/plan/goals/new")
    form = await page.evaluate(
        "() => Object.fromEntries(new FormData(document.querySelector('main form')))"
    )
    stale = {**form, "version": "1", "axis": "HEALTH", "text": "Un objectif venu trop tard"}
    answer = await page.request.post(f"/youths/{youth_id}/plan/goals/new", form=stale)

    # then: refused in the summary, and the plan is as it was
    assert answer.status == 400 and STALE[lang] in await answer.text()
    assert len(plans_of(console, youth_id)[0]["goals"]) == 1


def plan_with_a_referral_action(console: Console, code: str, text: str) -> tuple[str, str]:
    """``code``'s active plan with one more goal on education and training, its action a
    referral still to make (added through the API); the young person's id and the goal's."""
    token = console.token(MEDIATOR)
    youth: Any = console.graphql(FIND, {"code": code}, token=token)["youths"]["nodes"][0]
    plan = next(p for p in plans_of(console, youth["id"]) if p["status"] == "ACTIVE")
    goal = {
        "axis": "EDUCATION_TRAINING",
        "text": text,
        "actions": [{"kind": "REFERRAL", "owner": "MEDIATOR"}],
    }
    given = {"planId": plan["id"], "version": plan["version"], "goal": goal}
    payload: Any = console.graphql(ADD_GOAL, {"input": given}, token=token)["addPlanGoal"]
    assert payload["userErrors"] == []
    added = next(g for g in payload["plan"]["goals"] if g["text"] == text)
    return str(youth["id"]), str(added["id"])


async def test_a_referral_from_an_action_offers_only_the_services_they_may_go_to(
    as_user: SignIn, console: Console, request: pytest.FixtureRequest
) -> None:
    # given: JY-DEMO05 (a young man of 19 living in Fès, whose consents cover training
    # centres, employment agencies and the social complex of Fès), a training goal in his
    # plan with a referral to make
    youth_id, goal_id = plan_with_a_referral_action(console, "JY-DEMO05", "Un métier du bâtiment")
    page = await as_user(MEDIATOR, lang="fr")
    await page.goto(f"/youths/{youth_id}/plan")
    await follow(page, f"#goal-{goal_id} a.refer-link")

    # then: a service he may go to can be chosen; one for young women only, and one for
    # younger children that no consent of his covers, are greyed with the reason
    def choice(name: str) -> Any:
        return page.locator("li.service-choice", has_text=name)

    assert await choice(ELECTRICITY).locator("input[type=radio]").is_enabled()
    assert await choice(ELECTRICITY).locator(".service-choice__why").count() == 0
    assert "Répond sous 10 jours" in await choice(ELECTRICITY).inner_text()
    sewing = choice(SEWING)
    assert await sewing.locator("input[type=radio]").is_disabled()
    assert "Seulement pour les jeunes femmes" in await sewing.inner_text()
    evening = choice(EVENING_CLASSES).first
    assert await evening.locator("input[type=radio]").is_disabled()
    why = await evening.locator(".service-choice__why").inner_text()
    assert "Pas pour son âge (19)" in why and "Aucun consentement du jeune ne couvre" in why
    await screenshot(page, request, "plan-refer-fr")

    # when: the greyed service is sent anyway (as a hand-made form would)
    refused = await sewing.locator("input[type=radio]").get_attribute("value")
    form = await page.evaluate(
        "() => Object.fromEntries(new FormData(document.querySelector('main form')))"
    )
    refer = page.url.removeprefix(console.base)
    answer = await page.request.post(refer, form={**form, "serviceId": str(refused)})
    # then: refused, and the action still has no referral
    assert answer.status == 400 and "error-summary" in await answer.text()
    goal = next(g for g in plans_of(console, youth_id)[0]["goals"] if g["id"] == goal_id)
    assert goal["actions"][0]["referral"] is None

    # when: they choose the service he may go to and send
    await choice(ELECTRICITY).locator("input[type=radio]").check()
    assert await submit(page) == 200

    # then: the action is in progress, with the link to its referral to that service
    row = page.locator(f"#goal-{goal_id} tr[data-status='IN_PROGRESS']")
    assert await row.count() == 1
    link = await row.locator("a.action-referral").get_attribute("href")
    assert link and link.startswith("/referrals/")
    goal = next(g for g in plans_of(console, youth_id)[0]["goals"] if g["id"] == goal_id)
    assert goal["actions"][0]["status"] == "IN_PROGRESS"
    assert goal["actions"][0]["referral"]["service"]["name"] == ELECTRICITY


def pdf_pages(pdf: bytes) -> list[tuple[tuple[float, float], str]]:
    """Each page of a PDF as pypdf reads it: its size in points and its text (NFKC, so
    Arabic presentation forms read as the letters they draw)."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return [
        ((float(p.mediabox.width), float(p.mediabox.height)), normalize("NFKC", p.extract_text()))
        for p in pages
    ]


@pytest.mark.parametrize("lang,direction", [("fr", "ltr"), ("ar", "rtl")])
async def test_the_plan_prints_on_one_or_two_a4_pages(
    as_user: SignIn, console: Console, lang: str, direction: str, request: pytest.FixtureRequest
) -> None:
    # given: JY-DEMO01's agreed plan of three goals, and the mediator on its page in the
    # other language
    token = console.token(MEDIATOR)
    youth: Any = console.graphql(FIND, {"code": "JY-DEMO01"}, token=token)["youths"]["nodes"][0]
    goals = [g["text"] for g in plans_of(console, youth["id"])[0]["goals"]]
    assert len(goals) >= 3
    page = await as_user(MEDIATOR, lang="ar" if lang == "fr" else "fr")
    await page.goto(f"/youths/{youth['id']}/plan")

    # when: they print it in the young person's language
    await follow(page, f"a.print-link[hreflang='{lang}']")

    # then: the plan alone, in that language and direction, with every goal
    assert await page.get_attribute("html", "lang") == lang
    assert await page.get_attribute("html", "dir") == direction
    assert await page.locator("header.header, nav, footer, form").count() == 0
    sheet = await page.inner_text("main")
    assert all(goal in sheet for goal in goals)
    assert ("Plan d’intégration" if lang == "fr" else "مشروع الإدماج") in sheet
    await screenshot(page, request, f"plan-print-{lang}")

    # and Chromium lays it out on one or two A4 pages
    pdf = await page.pdf(prefer_css_page_size=True, print_background=True)
    (output_folder(request) / f"plan-{lang}.pdf").write_bytes(pdf)  # to look at
    pages = pdf_pages(pdf)
    sizes = [size for size, _ in pages]
    assert 1 <= len(sizes) <= 2, sizes
    assert all(abs(w - A4[0]) < 2 and abs(h - A4[1]) < 2 for w, h in sizes), sizes
    # and the PDF's own text holds every goal
    printed = " ".join(" ".join(text.split()) for _, text in pages)
    missing = [goal for goal in goals if " ".join(goal.split()) not in printed]
    assert not missing, (missing, printed[:500])
