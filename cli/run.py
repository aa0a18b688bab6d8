"""``jisr run``: the embedded all-in-one for a laptop — migrate, seed, serve, work."""

from __future__ import annotations

import sys

import click

from cli.db import migrate
from cli.processes import DEFAULT_HOST, DEFAULT_PORT
from cli.seed import DatabaseNotEmpty, echo_demo_logins, seed_demo_network
from cli.settings import settings_or_exit
from cli.supervisor import Child, Supervisor


def _say(message: str) -> None:
    click.echo(f"jisr run: {message}", err=True)


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
    if settings.env == "production":
        _say("production: the demo network is not seeded")
    else:
        try:
            summary = seed_demo_network(settings)
        except DatabaseNotEmpty:
            _say("the database holds data already: not seeding (demo logins: see README.md)")
        else:
            echo_demo_logins(summary)
    jisr = [sys.executable, "-m", "cli"]
    supervisor = Supervisor(
        children=[
            Child("api", [*jisr, "serve", "--host", host, "--port", str(port)]),
            Child("worker", [*jisr, "worker", "--beat"]),
        ],
        say=_say,
    )
    click.echo(f"GraphiQL: http://{host}:{port}/graphql  (Ctrl-C stops everything)")
    sys.exit(supervisor.run())
