"""Importing an HSDS package: all of it in one transaction, or nothing.

Rows are matched by their HSDS id (``hsds_links``, or the id Jisr publishes a record
under), so importing the same package again finds every record as it left it and
changes nothing. Records are created and changed through the directory's own
services (``network.actors.service``, ``network.services.service``) acting as ADMIN,
and the import is written to the audit log. A dry run does all of it and rolls back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from network import directory_version
from network.actors.models import Actor
from network.actors.service import create_actor, update_actor
from network.audit.service import record
from network.database import unit_of_work
from network.enums import ActorKind, Role
from network.errors import DomainError, InvalidInput
from network.hsds import ids
from network.hsds.changes import actor_changes, parents_first, replacing, service_changes
from network.hsds.kept import not_kept
from network.hsds.placing import Options
from network.hsds.plan import OrganizationPlan, Planner, Reference, RowError, ServicePlan
from network.hsds.tables import Tables
from network.ids import to_global_id
from network.services.models import Service, service_areas
from network.services.service import (
    PRACTICAL_TEXTS,
    create_service,
    update_service,
)
from network.taxonomy.models import TaxonomyTerm
from network.territories.models import Territory
from network.territories.placement import commune_for
from network.viewer import Viewer

IMPORTER = Viewer(roles=frozenset({Role.ADMIN}))
DEFAULT_KIND = ActorKind.ASSOCIATION
Progress = Callable[[int, int], None]


@dataclass
class ImportReport:
    dry_run: bool
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    changes: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # Not strict: rows that could not be placed or stored, the rest imported.
    skipped: list[RowError] = field(default_factory=list)
    # Not strict: parts of imported rows left out (an unknown service area or parent).
    left_out: list[RowError] = field(default_factory=list)
    not_kept: list[str] = field(default_factory=list)
    unmapped: dict[str, int] = field(default_factory=dict)
    names_as_french: int = 0

    @property
    def changed_anything(self) -> bool:
        return bool(self.created or self.updated)


class _RollBack(Exception):
    pass


async def import_tables(
    sessions: async_sessionmaker[AsyncSession],
    tables: Tables,
    *,
    lang: str,
    dry_run: bool,
    default_response_days: int,
    progress: Progress | None = None,
    strict: bool = True,
    options: Options | None = None,
) -> ImportReport:
    """Import ``tables``; committed unless this is a dry run or, ``strict``, a row failed.

    Not strict, a row that fails is skipped (reported) and the others are imported: a
    row the directory refuses while it is stored rolls the transaction back, and the
    import runs again without it (no savepoints: SQLite would commit on releasing one).
    """
    options = replace(options or Options(), strict=strict)
    refused: list[RowError] = []
    while True:
        report = ImportReport(dry_run=dry_run)
        report.not_kept = not_kept(tables)
        job = _Job(default_response_days, progress, strict, options, list(refused))
        try:
            async with unit_of_work(sessions) as uow:
                await _import(uow.session, tables, lang, report, job)
                if dry_run or report.errors or job.refused != refused:
                    raise _RollBack
        except _RollBack:
            pass
        if strict or job.refused == refused:
            report.skipped.extend(refused)
            return report
        refused = job.refused


@dataclass(frozen=True)
class _Job:
    response_days: int
    progress: Progress | None
    strict: bool
    options: Options
    # Not strict: rows refused while being stored (by an earlier run of the import).
    refused: list[RowError]


async def _import(
    session: AsyncSession, tables: Tables, lang: str, report: ImportReport, job: _Job
) -> None:
    territories = list(await session.scalars(select(Territory)))
    terms = list(await session.scalars(select(TaxonomyTerm)))
    categories = {t.code: t.axis for t in terms}
    planner = Planner(tables, lang, Reference.of(territories, categories), job.options)
    plan = planner.run()
    report.unmapped = planner.unmapped.terms
    report.names_as_french = planner.names_as_french
    codes = {t.id: t.code for t in terms}
    importer = _Importer(session, report, job.response_days, codes, job.refused, job.strict)
    await importer.resolve(plan.organizations, plan.services)
    if not job.strict:
        plan.dropped += importer.unknown_parents_left_out(plan.organizations)
    problems = plan.errors + importer.missing_organizations(plan.organizations, plan.services)
    if job.strict:
        report.errors.extend(problems)
        if report.errors:
            return
    else:
        report.skipped.extend(problems)
        report.left_out.extend(plan.dropped)
        failed = {p.source for p in problems} | {p.source for p in job.refused}
        plan.organizations = [o for o in plan.organizations if o.source not in failed]
        plan.services = [s for s in plan.services if s.source not in failed]
    progress = job.progress
    total = len(plan.organizations) + len(plan.services)
    step = 0

    def advance() -> None:
        nonlocal step
        step += 1
        if progress is not None:
            progress(step, total)

    for organization in parents_first(plan.organizations):
        await importer.guard(organization.source, importer.organization(organization))
        advance()
    for service in plan.services:
        await importer.guard(service.source, importer.service(service))
        advance()
    touched = sorted(importer.touched)
    if touched and not report.errors:
        await record(session, viewer=IMPORTER, operation="hsdsImport", record_ids=touched)
        await directory_version.bump(session)


def _day_start(day: Any) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def _ms(value: datetime | None) -> datetime | None:
    return value and value.replace(microsecond=value.microsecond // 1000 * 1000)


class _Importer:
    def __init__(
        self,
        session: AsyncSession,
        report: ImportReport,
        response_days: int,
        codes: dict[int, str],
        refused: list[RowError],
        strict: bool,
    ) -> None:
        self.refused = refused
        self._refused_before = len(refused)
        self.strict = strict
        self.session = session
        self.codes = codes
        self.report = report
        self.response_days = response_days
        self.actors: dict[str, int] = {}
        self.services: dict[str, int] = {}
        self.touched: set[str] = set()

    async def resolve(
        self, organizations: Sequence[OrganizationPlan], services: Sequence[ServicePlan]
    ) -> None:
        wanted = {o.hsds_id for o in organizations} | {s.organization for s in services}
        wanted |= {o.parent for o in organizations if o.parent}
        self.actors = await ids.record_ids(self.session, ids.ORGANIZATION, sorted(wanted))
        self.services = await ids.record_ids(
            self.session, ids.SERVICE, [s.hsds_id for s in services]
        )

    def unknown_parents_left_out(self, organizations: Sequence[OrganizationPlan]) -> list[RowError]:
        """Not strict: a parent neither in the package nor in Jisr is left out."""
        known = set(self.actors) | {o.hsds_id for o in organizations}
        dropped = []
        for plan in organizations:
            if plan.parent is not None and plan.parent not in known:
                dropped.append(
                    RowError(plan.source, f"parent_organization_id: no organization {plan.parent}")
                )
                plan.parent = None
        return dropped

    def missing_organizations(
        self, organizations: Sequence[OrganizationPlan], services: Sequence[ServicePlan]
    ) -> list[RowError]:
        """Rows naming an organization that is neither in the package nor in Jisr."""
        known = set(self.actors) | {o.hsds_id for o in organizations}
        errors = [
            RowError(o.source, f"parent_organization_id: no organization {o.parent}")
            for o in organizations
            if o.parent is not None and o.parent not in known
        ]
        errors += [
            RowError(s.source, f"organization_id: no organization {s.organization}")
            for s in services
            if s.organization not in known
        ]
        return errors

    async def guard(self, source: str, step: Any) -> None:
        if not self.strict and len(self.refused) > self._refused_before:
            step.close()  # rolled back and run again without the refused row
            return
        try:
            await step
        except DomainError as error:
            where = f"{'.'.join(error.field)}: " if error.field else ""
            problem = RowError(source, where + error.message)
            (self.report.errors if self.strict else self.refused).append(problem)

    def _outcome(self, entity: str, hsds_id: str, created: bool, changed: list[str]) -> None:
        if created:
            self.report.created[entity] += 1
            self.report.changes.append(f"create {entity} {hsds_id}")
        elif changed:
            self.report.updated[entity] += 1
            self.report.changes.append(f"update {entity} {hsds_id}: {', '.join(changed)}")
        else:
            self.report.unchanged[entity] += 1

    async def organization(self, plan: OrganizationPlan) -> None:
        values = dict(plan.values)
        values["parent_id"] = None
        if plan.parent is not None:
            values["parent_id"] = self.actors.get(plan.parent)
            if values["parent_id"] is None:
                raise InvalidInput(
                    f"no organization {plan.parent}", field=["parent_organization_id"]
                )
        if values.get("location") is not None and values.get("territory_id") is not None:
            # the commune the coordinates fall in, as the directory would store it
            latitude, longitude = values["location"]
            values["territory_id"] = await commune_for(
                self.session, values["territory_id"], latitude, longitude
            )
        actor_id = self.actors.get(plan.hsds_id)
        if actor_id is None:
            actor = await create_actor(
                self.session,
                viewer=IMPORTER,
                kind=plan.kind or DEFAULT_KIND,
                changes=values,
            )
            changed = ["created"]
        else:
            actor = await self.session.get_one(Actor, actor_id)
            changed = actor_changes(actor, values)
            if changed:
                changes = {key: values[key] for key in changed}
                if "names" in changes:
                    changes["names"] = replacing(actor.names, values["names"])
                if "description" in changes and values["description"] is not None:
                    changes["description"] = replacing(actor.description, values["description"])
                await update_actor(
                    self.session,
                    viewer=IMPORTER,
                    actor_id=actor.id,
                    changes=changes,
                )
            if plan.kind is not None and actor.kind != plan.kind:
                actor.kind = plan.kind
                changed.append("kind")
        if plan.verified_on is not None and (
            actor.verified_at is None or actor.verified_at.date() != plan.verified_on
        ):
            actor.verified_at = _day_start(plan.verified_on)
            if actor_id is not None:
                changed.append("verified_at")
        await self.session.flush()
        self.actors[plan.hsds_id] = actor.id
        await ids.link(self.session, ids.ORGANIZATION, plan.hsds_id, actor.id)
        self._outcome("organization", plan.hsds_id, actor_id is None, changed)
        if changed:
            self.touched.add(to_global_id("Actor", actor.id))

    async def service(self, plan: ServicePlan) -> None:
        actor_id = self.actors.get(plan.organization)
        if actor_id is None:
            raise InvalidInput(f"no organization {plan.organization}", field=["organization_id"])
        values = dict(plan.values)
        service_id = self.services.get(plan.hsds_id)
        if service_id is None:
            service = await create_service(
                self.session,
                viewer=IMPORTER,
                actor_id=actor_id,
                axis=plan.axis,
                changes=values,
                default_response_days=self.response_days,
            )
            changed = ["created"]
            if plan.last_modified is not None:
                service.updated_at = plan.last_modified
        else:
            service = await self.session.get_one(Service, service_id)
            area = set(
                await self.session.scalars(
                    select(service_areas.c.territory_id).where(
                        service_areas.c.service_id == service.id
                    )
                )
            )
            changed = service_changes(service, values, area, self.codes)
            if service.actor_id != actor_id:
                service.actor_id = actor_id
                changed.append("organization")
            if service.axis != plan.axis:
                service.axis = plan.axis
                changed += ["axis"] + ([] if "category_code" in changed else ["category_code"])
            if changed:
                changes = {key: values[key] for key in changed if key in values}
                for key in ("names", "description", "requirements", *PRACTICAL_TEXTS):
                    if key in changes and values[key] is not None:
                        changes[key] = replacing(getattr(service, key), values[key])
                await update_service(
                    self.session,
                    viewer=IMPORTER,
                    service_id=service.id,
                    changes=changes,
                )
        if _ms(service.capacity_updated_at) != _ms(plan.capacity_updated) and (
            service.capacity_available is not None
        ):
            service.capacity_updated_at = plan.capacity_updated
            if service_id is not None and "capacity_available" not in changed:
                changed.append("capacity_updated")
        await self.session.flush()
        await ids.link(self.session, ids.SERVICE, plan.hsds_id, service.id)
        self._outcome("service", plan.hsds_id, service_id is None, changed)
        if changed:
            self.touched.add(to_global_id("Service", service.id))
