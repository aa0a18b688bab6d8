"""``jisr queries register FILE…``: the documents an allow-list deployment will run."""

from __future__ import annotations

import asyncio
from pathlib import Path

import click

from cli.settings import settings_or_exit
from network import persisted_queries
from network.database import standalone_unit_of_work


async def _register(url: str, documents: list[tuple[str, str]]) -> list[tuple[str, str, bool]]:
    registered = []
    async with standalone_unit_of_work(url) as uow:
        for name, document in documents:
            digest, new = await persisted_queries.register(uow.session, document)
            registered.append((name, digest, new))
    return registered


@click.group()
def queries() -> None:
    """Persisted GraphQL documents (JISR_PERSISTED_QUERIES=allowlist runs only these)."""


@queries.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def register(files: tuple[Path, ...]) -> None:
    """Register each FILE's GraphQL document, exactly as clients will send it."""
    settings = settings_or_exit()
    documents = [(str(path), path.read_text(encoding="utf-8")) for path in files]
    for name, digest, new in asyncio.run(_register(settings.database_url, documents)):
        click.echo(f"{digest}  {name}{'' if new else '  (already registered)'}")
