"""Benchmark of the console's pages: ``python -m bench.console``.

Prepares the database (migrate; the demo network, then the scale data on top, when it
holds no actor), starts one server process (``web.app:create_app``, as ``jisr serve``
runs it), signs the demo users in, then for each page prints the server time at a fixed
concurrency (p50/p95, one process) and the weight of its first load: the HTML and every
stylesheet and script it links, as sent (static files are served compressed) and decoded
(map shapes, fetched later, are not counted).
Targets: p95 ≤ 150 ms at 10 concurrent users; first load ≤ 250 KB.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from bench import http_load
from bench.actor_map import migrated, server, vacuum_analyze
from cli.seed import _seed_demo_into_empty
from network.database import create_engine, session_factory, unit_of_work
from network.seed.scale import seed_scale
from network.settings import Settings

DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1/jisr_bench_console"
PASSWORD = "jisr-demo-2026"
AGENCY = "staff.aec-fes@jisr.example.ma"
MEDIATOR = "mediation.dar-al-amal@jisr.example.ma"
COORDINATOR = "coordination.fes-meknes@jisr.example.ma"
ADMIN = "admin@jisr.example.ma"
P95_TARGET_MS = 150.0
WEIGHT_TARGET_KB = 250.0
# searches in turn (words of names, of descriptions, of services; with and without an axis)
SEARCHES = [
    "/?q=F%C3%A8s&axis=EMPLOYMENT",
    "/?q=Rabat",
    "/?q=formation&axis=EDUCATION_TRAINING",
    "/?q=sant%C3%A9",
    "/?q=accompagnement%20jeunes&axis=SOCIAL_ASSISTANCE",
]
LINKED = re.compile(r'<(?:link[^>]+href|script[^>]+src)="(/static/[^"]+)"')


async def prepare(url: str, var_dir: Path, *, actors: int, services: int) -> None:
    """Migrate; on an actor-less database, seed the demo network and the scale data; then
    vacuum and analyse it, as bench.actor_map does."""
    if not await migrated(url):
        started = time.perf_counter()
        await _seed_demo_into_empty(url, Settings(database_url=url, var_dir=var_dir).data_key)
        engine = create_engine(url, null_pool=True)
        try:
            async with unit_of_work(session_factory(engine)) as uow:
                await seed_scale(uow.session, actors=actors, services=services)
        finally:
            await engine.dispose()
        print(f"demo and scale data loaded in {time.perf_counter() - started:.1f} s")
    await vacuum_analyze(url)


def sign_in(base: str, email: str) -> str:
    """The session cookie of ``email``, through the console's own sign-in page."""
    with httpx.Client(base_url=base, timeout=30) as client:
        page = client.get("/sign-in")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert csrf, "the sign-in page has no CSRF field"
        answer = client.post(
            "/sign-in", data={"csrf": csrf.group(1), "email": email, "password": PASSWORD}
        )
        if answer.status_code != 303:
            raise SystemExit(f"sign-in of {email} answered {answer.status_code}")
        return str(client.cookies["jisr_session"])


def first_ids(base: str, agency: str, mediator: str) -> dict[str, str]:
    """An actor, a service, a referral of the agency's inbox and a young person of the
    mediator's, found in the pages."""
    found: dict[str, str] = {}
    with httpx.Client(base_url=base, timeout=30) as client:
        for name, path, pattern, cookie in [
            ("actor", "/?q=F%C3%A8s", r'href="/actors/([^"?]+)"', None),
            ("service", "/actors/{actor}", r'href="/services/([^"?]+)"', None),
            ("referral", "/inbox", r'href="/referrals/([^"?]+)"', agency),
            ("youth", "/youths", r'href="/youths/((?!new)[^"?/]+)"', mediator),
        ]:
            if "{" in path and not found:
                continue
            cookies = {"jisr_session": cookie} if cookie else {}
            text = client.get(path.format(**found), cookies=cookies).text
            match = re.search(pattern, text)
            if match:
                found[name] = match.group(1)
    return found


def get_request(base: str, path: str, session: str | None) -> bytes:
    parts = urlsplit(base)
    cookie = f"Cookie: jisr_session={session}\r\n" if session else ""
    head = f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\n{cookie}Connection: keep-alive\r\n\r\n"
    return head.encode()


def first_load_kb(base: str, path: str, session: str | None) -> tuple[float, float]:
    """HTML + every stylesheet and script the page links, in KB: as sent over the wire
    (static files are compressed), and decoded."""
    cookies = {"jisr_session": session} if session else {}
    sent = decoded = 0
    with httpx.Client(base_url=base, timeout=30, cookies=cookies) as client:
        html = client.get(path)
        sent, decoded = html.num_bytes_downloaded, len(html.content)
        for linked in sorted(set(LINKED.findall(html.text))):
            answer = client.get(urljoin(base, linked))
            sent, decoded = sent + answer.num_bytes_downloaded, decoded + len(answer.content)
    return sent / 1024, decoded / 1024


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.console", description=__doc__)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--var-dir", type=Path, default=Path("var/bench-console"))
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--services", type=int, default=50_000)
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per page")
    return parser.parse_args()


async def main() -> int:
    args = arguments()
    args.var_dir.mkdir(parents=True, exist_ok=True)
    await prepare(args.database_url, args.var_dir, actors=args.actors, services=args.services)
    with server(args.database_url, args.var_dir, factory="web.app:create_app") as running:
        base = running.base
        agency, mediator = sign_in(base, AGENCY), sign_in(base, MEDIATOR)
        coordinator, admin = sign_in(base, COORDINATOR), sign_in(base, ADMIN)
        ids = first_ids(base, agency, mediator)
        youth = f"/youths/{ids.get('youth', '')}"
        pages: list[tuple[str, str | list[str], str | None]] = [
            ("map", "/", None),
            ("map search", "/?q=F%C3%A8s&axis=EMPLOYMENT", None),
            ("map searches", SEARCHES, None),
            ("actor", f"/actors/{ids.get('actor', '')}", None),
            ("service", f"/services/{ids.get('service', '')}", None),
            ("sign-in", "/sign-in", None),
            ("inbox", "/inbox", agency),
            ("referral", f"/referrals/{ids.get('referral', '')}", agency),
            ("agency profile", "/agency", agency),
            ("agency services", "/agency/services", agency),
            ("account", "/account", mediator),
            ("notifications", "/notifications", mediator),
            # part 2: the mediator's case work, the coordinator's dashboard, administration
            ("young people", "/youths", mediator),
            ("young person", youth, mediator),
            ("new consent", f"{youth}/consents/new", mediator),
            ("plan", f"{youth}/plan", mediator),
            ("dashboard", "/dashboard", coordinator),
            ("users", "/admin/users", admin),
            ("audit log", "/admin/audit", admin),
            ("outbox", "/admin/outbox", admin),
        ]
        print(f"{args.concurrency} concurrent users, {args.duration:.0f} s per page, one process")
        print(
            f"{'page':<16} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'KB sent':>8} {'decoded':>8}"
        )
        failed = False
        for name, paths, session in pages:
            rotation = [paths] if isinstance(paths, str) else paths
            requests = [get_request(base, path, session) for path in rotation]
            await http_load.drive(base, requests, concurrency=2, seconds=0.5)  # warm
            run = await http_load.drive(
                base, requests, concurrency=args.concurrency, seconds=args.duration
            )
            p50, p95 = run.percentile(0.5) * 1000, run.percentile(0.95) * 1000
            weight, decoded = first_load_kb(base, rotation[0], session)
            over = p95 > P95_TARGET_MS or weight > WEIGHT_TARGET_KB or run.failures
            failed = failed or bool(over)
            note = f"  {run.failures} failed: {run.first_failure}" if run.failures else ""
            figures = f"{run.rps:>7.1f} {p50:>7.1f} {p95:>7.1f} {weight:>8.1f} {decoded:>8.1f}"
            print(f"{name:<16} {figures}{note}")
        print(f"targets: p95 ≤ {P95_TARGET_MS:.0f} ms, first load ≤ {WEIGHT_TARGET_KB:.0f} KB sent")
        print("all pages within the targets" if not failed else "SOME PAGES MISS A TARGET")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
