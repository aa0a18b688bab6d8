from __future__ import annotations

import asyncio
from datetime import timedelta

import click

from cli.settings import settings_or_exit
from network import clock
from network.actors import repository as actors
from network.database import standalone_unit_of_work
from network.enums import Language, Role
from network.errors import DomainError, InvalidInput, NotFound
from network.ids import pk_of, to_global_id
from network.territories import repository as territories
from network.users import repository as user_rows
from network.users.service import create_user
from network.users.tokens import issue_integration


def _as_click_error(error: DomainError) -> click.ClickException:
    where = ".".join(error.field or [])
    return click.ClickException(f"{where}: {error.message}" if where else error.message)


@click.group()
def users() -> None:
    """People who sign in."""


@users.command("create")
@click.option("--email", required=True)
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    help="Asked for when not given, so that it stays out of the shell history.",
)
@click.option(
    "--role",
    "roles",
    required=True,
    multiple=True,
    type=click.Choice([r.value for r in Role], case_sensitive=False),
)
@click.option("--actor", "actor_id", metavar="ACTOR_GLOBAL_ID", help="The actor they work for.")
@click.option("--territory", metavar="ISO_CODE", help="A coordinator's territory, e.g. MA-03.")
@click.option(
    "--language",
    type=click.Choice([lang.value.lower() for lang in Language], case_sensitive=False),
    default="fr",
    show_default=True,
)
@click.option("--name", "display_name", help="Display name; the email's local part by default.")
def create(
    email: str,
    password: str,
    roles: tuple[str, ...],
    actor_id: str | None,
    territory: str | None,
    language: str,
    display_name: str | None,
) -> None:
    """Create a user and print their global id."""
    settings = settings_or_exit()

    async def create_in_database() -> int:
        async with standalone_unit_of_work(settings.database_url) as uow:
            actor_pk = None
            if actor_id is not None:
                actor_pk = pk_of(actor_id, "Actor", field="actor")
                if not await actors.get_many(uow.session, [actor_pk]):
                    raise NotFound("no such actor", field=["actor"])
            territory_pk = None
            if territory is not None:
                found = await territories.get_by_code(uow.session, territory.upper())
                if found is None:
                    raise InvalidInput("no such territory code", field=["territory"])
                territory_pk = found.id
            user = await create_user(
                uow.session,
                email=email,
                password=password,
                display_name=display_name or email.split("@", 1)[0],
                roles=[Role(r.upper()) for r in roles],
                actor_id=actor_pk,
                territory_id=territory_pk,
                language=Language(language.upper()),
                password_min_score=settings.password_min_score,
            )
            return user.id

    try:
        user_id = asyncio.run(create_in_database())
    except DomainError as error:
        raise _as_click_error(error) from None
    click.echo(to_global_id("User", user_id))


@click.group()
def tokens() -> None:
    """API tokens."""


@tokens.command("create")
@click.option("--email", required=True)
@click.option("--name", default="command line", show_default=True, help="What it is for.")
@click.option(
    "--days", default=90, show_default=True, type=click.IntRange(min=1), help="Days it lives."
)
def create_token(email: str, name: str, days: int) -> None:
    """Print a new integration token for a user; it is shown this once only."""
    settings = settings_or_exit()

    async def issue() -> str:
        async with standalone_unit_of_work(settings.database_url) as uow:
            user = await user_rows.get_by_email(uow.session, email)
            if user is None:
                raise NotFound("no user with this email", field=["email"])
            _, token = await issue_integration(
                uow.session,
                user_id=user.id,
                name=name,
                expires_at=clock.now() + timedelta(days=days),
                max_days=settings.api_token_max_days,
            )
            return token

    try:
        token = asyncio.run(issue())
    except DomainError as error:
        raise _as_click_error(error) from None
    click.echo(token)
