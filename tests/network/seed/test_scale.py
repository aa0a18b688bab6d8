from __future__ import annotations

from sqlalchemy import func, select

from network.database import standalone_unit_of_work
from network.models import Actor, Service, TaxonomyTerm, Territory
from network.seed.scale import ScaleSummary, seed_scale
from tests.databases import Databases
from tests.network.seed.rows import rows_of

ACTORS, SERVICES = 200, 1_000


async def seed_into(url: str) -> ScaleSummary:
    async with standalone_unit_of_work(url) as uow:
        return await seed_scale(uow.session, actors=ACTORS, services=SERVICES, progress=False)


async def test_scale_seed_is_deterministic(databases: Databases) -> None:
    first, second = await databases.create_migrated(), await databases.create_migrated()

    await seed_into(first)
    await seed_into(second)

    for name in ("actors", "services", "service_areas"):
        assert await rows_of(first, name) == await rows_of(second, name)


async def test_scale_seed_covers_every_province_and_category(databases: Databases) -> None:
    url = await databases.create_migrated()

    summary = await seed_into(url)

    actors, services = await rows_of(url, "actors"), await rows_of(url, "services")
    territories = {t["id"]: t for t in await rows_of(url, "territories")}
    provinces = [t for t in territories.values() if t["level"] == "PROVINCE"]
    categories = await rows_of(url, "taxonomy_terms")
    assert (summary.actors, summary.services) == (ACTORS, SERVICES)
    assert (len(actors), len(services)) == (ACTORS, SERVICES)
    assert [a["id"] for a in actors] == list(range(1, ACTORS + 1))
    places = [territories[a["territory_id"]] for a in actors]
    assert {p["level"] for p in places} == {"COMMUNE"}  # placed by their coordinates
    assert {p["parent_id"] for p in places} == {p["id"] for p in provinces}
    assert len({p["id"] for p in places}) > len(provinces)  # spread over communes
    assert {s["category_id"] for s in services} == {c["id"] for c in categories}
    assert {s["actor_id"] for s in services} == {a["id"] for a in actors}
    assert any(a["parent_id"] for a in actors)
    assert len(await rows_of(url, "service_areas")) == summary.service_areas > 0


async def test_scale_seed_adds_to_the_demo_network_and_ids_continue(db_url: str) -> None:
    before = len(await rows_of(db_url, "actors"))

    await seed_into(db_url)

    async with standalone_unit_of_work(db_url) as uow:
        territory = await uow.session.scalar(select(Territory).where(Territory.code == "MA-FES"))
        assert territory is not None
        actor = Actor(names={"fr": "Nouvel acteur"}, kind="ASSOCIATION", territory_id=territory.id)
        uow.session.add(actor)
        await uow.session.flush()
        term = await uow.session.scalar(select(TaxonomyTerm).limit(1))
        assert term is not None
        service = Service(actor_id=actor.id, names={"fr": "Nouveau"}, axis=term.axis)
        uow.session.add(service)
        await uow.session.flush()
        assert actor.id == before + ACTORS + 1
        total = await uow.session.scalar(select(func.count()).select_from(Service))
        assert service.id == total
