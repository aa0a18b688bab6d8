"""The long-running processes: the API server, the Celery worker, beat."""

from __future__ import annotations

import warnings

import click

from cli.settings import settings_or_exit
from network.logging import configure_logging

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
LOG_LEVELS = click.Choice(["debug", "info", "warning", "error"], case_sensitive=False)


@click.command()
@click.option("--host", default=DEFAULT_HOST, show_default=True)
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1))
@click.option("--log-level", default="info", show_default=True, type=LOG_LEVELS)
def serve(host: str, port: int, workers: int, log_level: str) -> None:
    """Serve the console at / and the GraphQL API (GraphiQL at /graphql)."""
    import uvicorn

    settings = settings_or_exit()
    configure_logging(level=log_level.upper())
    uvicorn.run(
        "web.app:create_served_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level.lower(),
        log_config=None,
        ws_max_size=settings.ws_max_message_bytes,  # a bigger frame is refused unread
        access_log=False,  # Jisr logs each request itself: the path, never the query string
        proxy_headers=False,  # X-Forwarded-For is read by Jisr, from JISR_TRUSTED_PROXIES only
    )


@click.command()
@click.option(
    "--beat/--no-beat",
    default=None,
    help="Embed beat (the default with the embedded broker; with Redis run one `jisr beat`).",
)
@click.option("--concurrency", type=click.IntRange(min=1), help="Worker processes or threads.")
@click.option("--log-level", default="info", show_default=True, type=LOG_LEVELS)
def worker(beat: bool | None, concurrency: int | None, log_level: str) -> None:
    """Run a Celery worker."""
    from celery.exceptions import SecurityWarning

    from workers.app import create_celery, is_embedded_broker

    # Celery warns whenever the worker runs as root (as in CI and many containers). What it
    # guards against is pickle, which Jisr's workers never accept (Celery's default: JSON
    # only); the Docker image runs as the user jisr.
    warnings.filterwarnings("ignore", category=SecurityWarning, module=r"celery\.platforms")

    settings = settings_or_exit()
    configure_logging(level=log_level.upper())
    embedded = is_embedded_broker(settings)
    argv = ["worker", f"--loglevel={log_level.upper()}"]
    if embedded if beat is None else beat:
        argv.append("--beat")
    if embedded:
        # One machine, a polled folder: threads are enough, and cluster chatter is useless.
        argv += ["--pool=threads", "--without-gossip", "--without-mingle", "--without-heartbeat"]
        concurrency = concurrency or 4
    if concurrency:
        argv.append(f"--concurrency={concurrency}")
    create_celery(settings).worker_main(argv)


@click.command()
@click.option("--log-level", default="info", show_default=True, type=LOG_LEVELS)
def beat(log_level: str) -> None:
    """Run the scheduler alone: exactly one per deployment (the embedded worker has its own)."""
    from workers.app import create_celery

    settings = settings_or_exit()
    configure_logging(level=log_level.upper())
    create_celery(settings).start(["beat", f"--loglevel={log_level.upper()}"])
