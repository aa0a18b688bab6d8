"""``jisr hsds``: the directory in Open Referral's HSDS 3.0, out and in."""

from __future__ import annotations

import asyncio
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from cli.settings import settings_or_exit
from network.hsds.files import Format, export_directory, import_directory
from network.hsds.importer import ImportReport
from network.hsds.package import PackageError


@click.group("hsds")
def hsds_group() -> None:
    """Exchange the directory with HSDS tools (Open Referral)."""


@hsds_group.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "datapackage"]),
    default="datapackage",
    show_default=True,
)
@click.option(
    "--lang",
    type=click.Choice(["fr", "ar", "en"]),
    default="fr",
    show_default=True,
    help="Language of the texts; the other languages travel as attributes.",
)
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def export_command(fmt: Format, lang: str, directory: Path) -> None:
    """Write the public directory (active actors and services) to DIRECTORY."""
    settings = settings_or_exit()
    count = asyncio.run(export_directory(settings, directory, fmt=fmt, lang=lang))
    click.echo(f"exported {count} services to {directory} ({fmt}, {lang})")


@hsds_group.command("import")
@click.option("--dry-run", is_flag=True, help="Report what would change, change nothing.")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
def import_command(dry_run: bool, path: Path) -> None:
    """Import the HSDS data package at PATH (its folder or its datapackage.json).

    All or nothing: any bad row is reported with its file and line, and nothing is kept.
    """
    settings = settings_or_exit()
    console = Console(stderr=True)
    with Progress(
        TextColumn("importing"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("import", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        try:
            report = asyncio.run(
                import_directory(settings, path, dry_run=dry_run, progress=progress)
            )
        except PackageError as error:
            raise click.ClickException(str(error)) from None
    _print(report)
    if report.errors:
        raise click.ClickException(f"{len(report.errors)} bad rows: nothing was imported")


def _print(report: ImportReport) -> None:
    for error in report.errors:
        click.echo(f"error {error}")
    if report.errors:
        return
    for change in report.changes:
        click.echo(change)
    verb = "would be" if report.dry_run else "were"
    for entity in ("organization", "service"):
        click.echo(
            f"{entity}s: {report.created[entity]} {verb} created, "
            f"{report.updated[entity]} {verb} changed, {report.unchanged[entity]} unchanged"
        )
