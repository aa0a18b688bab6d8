"""``jisr hsds``: the directory in Open Referral's HSDS 3.0, out and in."""

from __future__ import annotations

import asyncio
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from cli.settings import settings_or_exit
from network.errors import InvalidInput
from network.hsds.files import Format, export_directory, import_directory, is_url
from network.hsds.importer import ImportReport
from network.hsds.mapping import MappingError
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
@click.option(
    "--lang",
    type=click.Choice(["fr", "ar", "en", "zgh"]),
    default=None,
    help="Language of the texts (needed when the source does not say it; overrides it).",
)
@click.option(
    "--mapping",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="JSON file mapping foreign taxonomy terms to Jisr's axes and categories.",
)
@click.option(
    "--province",
    default=None,
    metavar="CODE",
    help="ISO 3166-2 code of the province of organizations nothing else places.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="All or nothing: any bad row fails the whole import.",
)
@click.argument("source")
def import_command(
    dry_run: bool,
    lang: str | None,
    mapping: Path | None,
    province: str | None,
    strict: bool,
    source: str,
) -> None:
    """Import SOURCE: an HSDS data package (its folder or its datapackage.json), an
    HSDS 3.0 JSON file of services or organizations, or an HSDS API's base URL.

    Rows that cannot be placed are reported and skipped; with --strict any bad row is
    reported with where it is, and nothing is kept. Tables and fields Jisr does not
    keep are listed.
    """
    settings = settings_or_exit()
    if not is_url(source) and not Path(source).exists():
        raise click.BadParameter(f"no such file or folder: {source}", param_hint="SOURCE")
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
                import_directory(
                    settings,
                    source if is_url(source) else Path(source),
                    dry_run=dry_run,
                    progress=progress,
                    lang=lang,
                    strict=strict,
                    mapping=mapping,
                    province=province,
                )
            )
        except (PackageError, MappingError) as error:
            raise click.ClickException(str(error)) from None
        except InvalidInput as error:
            raise click.ClickException(f"{'.'.join(error.field or [])}: {error.message}") from None
    _print(report)
    if report.errors:
        raise click.ClickException(f"{len(report.errors)} bad rows: nothing was imported")


def _print(report: ImportReport) -> None:
    for error in report.errors:
        click.echo(f"error {error}")
    if report.errors:
        return
    for skipped in report.skipped:
        click.echo(f"skipped {skipped}")
    for part in report.left_out:
        click.echo(f"left out {part}")
    for change in report.changes:
        click.echo(change)
    for line in report.not_kept:
        click.echo(f"not kept: {line}")
    for term, count in sorted(report.unmapped.items()):
        click.echo(f"unmapped term {term!r}: {count} services took the mapping's default")
    if report.names_as_french:
        click.echo(
            f"{report.names_as_french} names had no Arabic or French version:"
            " the import language's stands in for the French one"
        )
    verb = "would be" if report.dry_run else "were"
    for entity in ("organization", "service"):
        click.echo(
            f"{entity}s: {report.created[entity]} {verb} created, "
            f"{report.updated[entity]} {verb} changed, {report.unchanged[entity]} unchanged"
        )
    if report.skipped:
        click.echo(f"{len(report.skipped)} rows skipped")
