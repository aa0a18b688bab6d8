"""``jisr run``: the embedded all-in-one for a laptop — migrate, seed, serve, work."""

from __future__ import annotations

import sys
import threading
import time

import click
import httpx

from cli.db import migrate
from cli.processes import DEFAULT_HOST, DEFAULT_PORT
from cli.seed import DatabaseNotEmpty, demo_logins, seed_demo_network
from cli.settings import settings_or_exit
from cli.supervisor import Child, Supervisor
from network.settings import Settings

ANNOUNCE_WITHIN_SECONDS = 120


def _say(message: str) -> None:
    click.echo(f"jisr run: {message}", err=True)


def _seed_on_first_start(settings: Settings) -> str:
    """The demo logins when the demo network was seeded now, else where to find them."""
    if settings.env == "production":
        return "production: the demo network is not seeded"
    try:
        return demo_logins(seed_demo_network(settings))
    except DatabaseNotEmpty:
        return "the database held data already, so the demo was not seeded (logins: README.md)"


def _announce_when_serving(host: str, port: int, message: str) -> None:
    """Print ``message`` once the API answers, so that it comes after the children's banners."""
    deadline = time.monotonic() + ANNOUNCE_WITHIN_SECONDS
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{host}:{port}/healthz", timeout=1).status_code == 200:
                click.echo(message)
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)


@click.command()
@click.option("--host", default=DEFAULT_HOST, show_default=True)
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=int)
def run(host: str, port: int) -> None:
    """Migrate, seed the demo network on first start, then run the API and a worker with beat.

    Both run as supervised processes: restarted if they die, stopped cleanly on Ctrl-C.
    """
    settings = settings_or_exit()
    _say("migrating the database")
    migrate(settings)
    logins = _seed_on_first_start(settings)
    jisr = [sys.executable, "-m", "cli"]
    supervisor = Supervisor(
        children=[
            Child("api", [*jisr, "serve", "--host", host, "--port", str(port)]),
            Child("worker", [*jisr, "worker", "--beat"]),
        ],
        say=_say,
    )
    banner = (
        f"\n{logins}\n\nConsole: http://{host}:{port}/   GraphiQL: http://{host}:{port}/graphql"
        "  (Ctrl-C stops everything)\n"
    )
    threading.Thread(target=_announce_when_serving, args=(host, port, banner), daemon=True).start()
    sys.exit(supervisor.run())
