"""The ``jisr`` command: its names and options are a contract with operators and scripts."""

from __future__ import annotations

from typing import Any

import click
from sqlalchemy.exc import DBAPIError

from cli.db import db
from cli.hsds import hsds_group
from cli.keys import keys
from cli.outbox import outbox
from cli.processes import beat, serve, worker
from cli.queries import queries
from cli.report import report
from cli.run import run
from cli.schema_export import schema_group
from cli.seed import seed
from cli.users import tokens, users


class JisrGroup(click.Group):
    """Turns an unreachable or unmigrated database into one line for the operator."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DBAPIError as error:
            first_line = str(error.orig).splitlines()[0]
            raise click.ClickException(
                f"database: {first_line} (is it up, and migrated with `jisr db upgrade`?)"
            ) from None
        except ConnectionError as error:
            raise click.ClickException(f"cannot connect: {error}") from None


@click.group(cls=JisrGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Jisr: the coordination platform of a leaving-care network."""


COMMANDS = (
    run,
    serve,
    worker,
    beat,
    db,
    seed,
    users,
    tokens,
    schema_group,
    queries,
    hsds_group,
    keys,
    report,
    outbox,
)
for command in COMMANDS:
    main.add_command(command)
