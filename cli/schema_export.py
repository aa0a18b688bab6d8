from __future__ import annotations

import click


@click.group("schema")
def schema_group() -> None:
    """The GraphQL schema."""


@schema_group.command("export")
def export() -> None:
    """Print the served schema in SDL."""
    from schema.schema import build_schema

    click.echo(build_schema().as_str())
