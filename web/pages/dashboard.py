"""The coordinator's dashboard at ``/dashboard``: the coordination figures of a territory
for a period (referrals sent and answered month by month, rates, response times by axis,
integration plans, autonomy, the network's isolated actors and brokers), the coverage of
the places under it on one axis as a map and a table, and the activity report (also as
CSV). A recompute of the figures runs as a job whose progress the page follows.

Counts of 1 to 4 come from the API as null: the page says "fewer than 5", never a number.
Every chart is drawn from the numbers of the table beside it, which is the page without
JavaScript.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

import orjson
from starlette.datastructures import QueryParams
from starlette.responses import Response
from starlette.routing import Route

from network import clock
from network.enums import Role
from web.client import ConsoleError
from web.forms import Problems
from web.i18n import N_
from web.labels import axis_names
from web.visit import Refused, Visit, page

AXES = list(axis_names)
MAX_SPANS = 12  # the chart over time shows at most this many parts of the period (the last)
MAX_PERIOD_DAYS = 3652  # the API's longest period: ten years
HIDDEN = N_("fewer than 5")
WORKING = ("QUEUED", "RUNNING")
job_status_names = {
    "QUEUED": N_("Waiting to start"),
    "RUNNING": N_("Recomputing"),
    "SUCCEEDED": N_("Done"),
    "FAILED": N_("Failed"),
}
# the coverage level drawn under a territory of each level (the country: its regions)
LEVEL_BELOW = {None: "REGION", "REGION": "PROVINCE", "PROVINCE": "COMMUNE"}


@dataclass(frozen=True)
class Choice:
    """What the dashboard shows: a territory ('' for the whole country), a period, the
    map's axis."""

    territory: str
    start: date
    end: date
    axis: str

    def query(self, **extra: Any) -> dict[str, Any]:
        return {
            "territory": self.territory,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "axis": self.axis,
            **extra,
        }

    @property
    def period(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def last_year(today: date) -> tuple[date, date]:
    """The API's default period: the 12 months up to today."""
    try:
        start = today.replace(year=today.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        start = today.replace(year=today.year - 1, day=28) + timedelta(days=1)
    return start, today


def places_of(visit: Visit, data: dict[str, Any]) -> list[dict[str, Any]]:
    """The territories the viewer may choose: a coordinator's own and the places under it
    (not communes); for ADMIN, the whole country ('') and its regions."""
    me = data["me"] or {}
    own = me.get("territory")
    if visit.viewer.is_admin:
        country = {"id": "", "name": visit._("Morocco (the whole country)"), "level": None}
        return [country, *data["regions"]]
    if own is None:
        raise Refused(403, visit._("Your account has no territory to coordinate."))
    below = [t for t in own["children"] if t["level"] != "COMMUNE"]
    return [{k: own[k] for k in ("id", "name", "level")}, *below]


def _day(params: QueryParams, name: str) -> date | None:
    try:
        return date.fromisoformat((params.get(name) or "").strip()[:20])
    except ValueError:
        return None


def choice_of(
    visit: Visit, params: QueryParams, places: list[dict[str, Any]], problems: Problems
) -> Choice:
    """The choice the address asks, cleaned; a period that cannot be is in ``problems``
    and the last 12 months are shown instead."""
    _ = visit._
    asked = (params.get("territory") or "").strip()[:100]
    territory = asked if any(p["id"] == asked for p in places) else places[0]["id"]
    axis = params.get("axis") or ""
    start, end = last_year(clock.today())
    typed_start, typed_end = _day(params, "from"), _day(params, "to")
    if params.get("from") and typed_start is None:
        problems.add("from", _("Enter the start of the period as a real date"))
    if params.get("to") and typed_end is None:
        problems.add("to", _("Enter the end of the period as a real date"))
    if not problems and (typed_start or typed_end):
        first, last = typed_start or start, typed_end or end
        if first > last:
            problems.add("to", _("Enter an end of the period on or after its start"))
        elif (last - first).days > MAX_PERIOD_DAYS:
            problems.add("from", _("Choose a period of at most ten years"))
        else:
            start, end = first, last
    return Choice(territory, start, end, axis if axis in AXES else AXES[0])


def spans(start: date, end: date) -> list[tuple[date, date]]:
    """The parts of the period the chart over time shows, cut to the period at both ends:
    calendar months for up to six months, quarters for up to three years, else years; the
    last ``MAX_SPANS`` of them. Longer parts hide fewer counts (1 to 4 are null)."""
    days = (end - start).days
    step = 1 if days <= 186 else 3 if days <= 3 * 366 else 12
    parts = []
    first = start
    while first <= end:
        month = first.month - 1
        index = first.year * 12 + month - month % step + step  # the next part's first month
        following = date(index // 12, index % 12 + 1, 1)
        parts.append((first, min(end, following - timedelta(days=1))))
        first = following
    return parts[-MAX_SPANS:]


def span_name(visit: Visit, first: date, last: date) -> str:
    """A part of the chart over time, in words: "March 2026", "Jan – Mar 2026"."""
    date_of = visit.speech.date
    if (first.year, first.month) == (last.year, last.month):
        return date_of(first, "MMMM y")
    if first.year == last.year:
        return f"{date_of(first, 'MMM')} – {date_of(last, 'MMM y')}"
    return f"{date_of(first, 'MMM y')} – {date_of(last, 'MMM y')}"


def percent(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def charts(
    visit: Visit, metrics: dict[str, Any], trend: list[dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """The data of each chart, as JSON for the page's script: the same numbers as the
    tables beside them (null where the API hides a count: a gap in the chart), and whether
    it has anything above zero to draw."""
    _ = visit._
    axes = [_(axis_names[row["axis"]]) for row in metrics["byAxis"]]
    plans = metrics["plans"]
    drawn: dict[str, dict[str, Any]] = {
        "trend": {
            "type": "bar",
            "labels": [m["name"] for m in trend],
            "datasets": [
                {"label": _("Referrals sent"), "data": [m["referralsSent"] for m in trend]},
                {"label": _("Referrals accepted"), "data": [m["referralsAccepted"] for m in trend]},
                {"label": _("Referrals declined"), "data": [m["referralsDeclined"] for m in trend]},
            ],
        },
        "rates": {
            "type": "bar",
            "percent": True,
            "labels": [
                _("Acceptance rate"),
                _("Closed-loop rate"),
                _("Agreed plan rate"),
                _("Plan actions done on time"),
            ],
            "datasets": [
                {
                    "label": _("Per cent"),
                    "data": [
                        percent(metrics["acceptanceRate"]),
                        percent(metrics["closedLoopRate"]),
                        percent(plans["agreedPlanRate"]),
                        percent(plans["onTimeRate"]),
                    ],
                }
            ],
        },
        "response": {
            "type": "bar",
            "labels": axes,
            "datasets": [
                {
                    "label": _("Median response time (hours)"),
                    "data": [row["medianResponseHours"] for row in metrics["byAxis"]],
                }
            ],
        },
    }
    shown = {}
    for name, chart in drawn.items():
        numbers = [n for d in chart["datasets"] for n in d["data"] if n is not None]
        shown[name] = {
            "json": orjson.dumps(chart).decode().replace("</", "<\\/"),
            "empty": not any(numbers),  # nothing above zero to draw
        }
    return shown


def coverage_cells(visit: Visit, cells: list[dict[str, Any]]) -> str:
    """The map's colour of each place, by the id of its shape: a gap, no service, or
    how many services."""
    shades = {}
    for cell in cells:
        if cell["gap"]:
            shade = "gap"
        elif cell["activeServices"] == 0:
            shade = "none"
        elif cell["activeServices"] < 10:
            shade = "some"
        else:
            shade = "many"
        shades[cell["territory"]["id"]] = {"shade": shade, "name": cell["territory"]["name"]}
    return orjson.dumps(shades).decode().replace("</", "<\\/")


async def _figures(
    visit: Visit, choice: Choice, places: list[dict[str, Any]]
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    place = next(p for p in places if p["id"] == choice.territory)
    territory = choice.territory or None
    data = await visit.run(
        "Dashboard",
        territory=territory,
        period=choice.period,
        axis=choice.axis,
        level=LEVEL_BELOW.get(place["level"], "COMMUNE"),
    )
    trend = []
    for first, last in spans(choice.start, choice.end):
        period = {"from": first.isoformat(), "to": last.isoformat()}
        part = (await visit.run("MetricsTrend", territory=territory, period=period))[
            "coordinationMetrics"
        ]
        trend.append({**part, "name": span_name(visit, first, last)})
    activity = (await visit.run("ActivityReport", territory=territory, period=choice.period))[
        "activityReport"
    ]
    return data, trend, activity


async def _job(visit: Visit, job_id: str) -> dict[str, Any] | None:
    try:
        job: dict[str, Any] | None = (await visit.run("MetricsJob", id=job_id[:200]))["job"]
    except ConsoleError as error:
        if "INVALID_INPUT" in error.codes or "NOT_FOUND" in error.codes:
            return None
        raise
    return job


@page
async def dashboard(visit: Visit) -> Response:
    visit.require(Role.COORDINATOR, Role.ADMIN)
    places = places_of(visit, await visit.run("DashboardPlaces"))
    problems = Problems()
    params = visit.request.query_params
    choice = choice_of(visit, params, places, problems)
    data, trend, activity = await _figures(visit, choice, places)
    metrics = data["metrics"]
    job_id = (params.get("job") or "").strip()
    job = await _job(visit, job_id) if job_id else None
    place = next(p for p in places if p["id"] == choice.territory)
    lang = visit.speech.lang
    return await visit.form_page(
        "dashboard.html",
        problems,
        places=places,
        place=place,
        choice=choice,
        metrics=metrics,
        coverage=data["coverage"],
        cells=coverage_cells(visit, data["coverage"]),
        trend=trend,
        charts=charts(visit, metrics, trend),
        activity=activity,
        job=job,
        back=visit.url("/dashboard", **choice.query(), lang=lang),
        here=visit.url("/dashboard", **choice.query(job=job_id), lang=lang) + "#recompute",
        csv_url=visit.url("/dashboard/activity.csv", **choice.query(), lang=lang),
        shapes_url=visit.url("/map/shapes", parent=choice.territory, lang=lang),
        tiles=visit.settings.map_tiles_url,
        axes=AXES,
        hidden=HIDDEN,
        job_status_names=job_status_names,
        working=WORKING,
    )


def cell(text: str) -> str:
    """A name as a CSV cell that a spreadsheet will not read as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@page
async def activity_csv(visit: Visit) -> Response:
    """The activity report of the dashboard's choice, as a CSV file (a hidden count is
    written in words, as on the page)."""
    visit.require(Role.COORDINATOR, Role.ADMIN)
    places = places_of(visit, await visit.run("DashboardPlaces"))
    choice = choice_of(visit, visit.request.query_params, places, Problems())
    rows = (
        await visit.run("ActivityReport", territory=choice.territory or None, period=choice.period)
    )["activityReport"]
    _ = visit._
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Unit"), _("Axis"), _("Kind of service"), _("Services delivered")])
    for row in rows:
        delivered = row["servicesDelivered"]
        writer.writerow(
            [
                cell(row["actor"]["name"]),
                _(axis_names[row["axis"]]),
                cell(row["category"]["name"]) if row["category"] else _("Not classified"),
                _(HIDDEN) if delivered is None else delivered,
            ]
        )
    name = f"jisr-activity-{choice.start.isoformat()}-{choice.end.isoformat()}.csv"
    return visit.respond(
        Response(
            "\ufeff" + out.getvalue(),  # a BOM: spreadsheets then read it as UTF-8
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    )


@page
async def recompute(visit: Visit) -> Response:
    """Ask for the figures of the dashboard's choice to be computed again: a job, whose
    progress the dashboard then shows."""
    visit.require(Role.COORDINATOR, Role.ADMIN)
    form = await visit.form()
    places = places_of(visit, await visit.run("DashboardPlaces"))
    asked = QueryParams({k: str(v) for k, v in form.items() if isinstance(v, str)})
    choice = choice_of(visit, asked, places, Problems())
    answer = (
        await visit.run(
            "RequestMetricsRecompute", territory=choice.territory or None, period=choice.period
        )
    )["requestMetricsRecompute"]
    if answer["userErrors"] or answer["job"] is None:
        raise Refused(400, visit._("The figures could not be recomputed. Try again later."))
    target = visit.url("/dashboard", **choice.query(job=answer["job"]["id"]))
    return visit.redirect(target + "#recompute")


@page
async def job_progress(visit: Visit) -> Response:
    """The recompute's progress, for the dashboard to follow (htmx asks it again while the
    job is under way)."""
    visit.require(Role.COORDINATOR, Role.ADMIN)
    job = await _job(visit, visit.request.path_params["id"])
    if job is None:
        raise Refused(404, visit._("This page does not exist."))
    back = visit.request.query_params.get("back") or ""
    if not (back == "/dashboard" or back.startswith("/dashboard?")):
        back = "/dashboard"
    here = back + ("&" if "?" in back else "?") + urlencode({"job": job["id"]}) + "#recompute"
    return visit.fragment(
        "_job.html",
        job=job,
        back=back,
        here=here,
        job_status_names=job_status_names,
        working=WORKING,
    )


routes = [
    Route("/dashboard", dashboard),
    Route("/dashboard/activity.csv", activity_csv),
    Route("/dashboard/recompute", recompute, methods=["POST"]),
    Route("/dashboard/jobs/{id}", job_progress),
]
