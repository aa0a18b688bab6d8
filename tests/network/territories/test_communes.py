import csv

import pytest
import shapely
from sqlalchemy import select

from network.actors.service import create_actor, update_actor
from network.database import unit_of_work
from network.enums import ActorKind, TerritoryLevel
from network.errors import InvalidInput
from network.reference import COMMUNES_CSV, TERRITORIES_CSV
from network.territories import geometry
from network.territories.models import Territory
from network.text import fold
from tests.api import Api
from tests.factories import SCENE, committed, territory_pk

FES_ARRONDISSEMENTS = ["Agdal", "Fes-Medina", "Jnan El Ouard", "El Mariniyine", "Saiss", "Zouagha"]
MEDINA = (34.0646, -4.9736)  # al-Qarawiyyin
AGDAL = (34.0330, -5.0000)  # avenue Hassan II
RABAT = (34.0240, -6.8220)


def _rows(path: object) -> list[dict[str, str]]:
    with open(str(path), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


async def _communes_of(api: Api, province: str) -> list[Territory]:
    async with api.state.sessions() as session:
        parent = await territory_pk(api, province)
        rows = await session.scalars(select(Territory).where(Territory.parent_id == parent))
        return list(rows.all())


async def test_fes_six_arrondissements_and_casablanca_sixteen_have_both_names(api: Api) -> None:
    fes = await _communes_of(api, "MA-FES")
    casablanca = await _communes_of(api, "MA-CAS")
    fes_arrondissements = {fold(t.names["fr"]): t for t in fes if t.kind == "arrondissement"}
    assert sorted(fes_arrondissements) == sorted(fold(n) for n in FES_ARRONDISSEMENTS)
    assert len([t for t in casablanca if t.kind == "arrondissement"]) == 16
    for territory in [*fes, *casablanca]:
        assert territory.level == TerritoryLevel.COMMUNE
        assert territory.names["fr"] and territory.names["ar"]
        assert any("\u0600" <= c <= "\u06ff" for c in territory.names["ar"])


def test_a_point_in_the_medina_is_in_fes_medina_and_one_in_agdal_in_agdal() -> None:
    names = {row["code"]: row["name_fr"] for row in _rows(COMMUNES_CSV)}
    assert names[geometry.commune_at(*MEDINA) or ""] == "Fès-Médina"
    assert names[geometry.commune_at(*AGDAL) or ""] == "Agdal"


def test_every_commune_lies_in_one_of_the_75_provinces() -> None:
    provinces = {r["code"] for r in _rows(TERRITORIES_CSV) if r["level"] == "PROVINCE"}
    assert len(provinces) == 75
    communes = _rows(COMMUNES_CSV)
    assert {row["parent"] for row in communes} == provinces
    shapes = geometry.shapes().by_code
    for row in communes:
        centroid = geometry.centroid(row["code"])
        assert centroid is not None, row["code"]
        point = shapely.Point(centroid[1], centroid[0])
        assert shapes[row["parent"]].covers(point), row


async def test_an_actor_with_coordinates_is_placed_in_its_commune(api: Api) -> None:
    fes = await territory_pk(api, "MA-FES")
    async with unit_of_work(api.state.sessions) as uow:
        actor = await create_actor(
            uow.session,
            viewer=SCENE,
            kind=ActorKind.ASSOCIATION,
            changes={
                "names": {"fr": "Association Médina"},
                "territory_id": fes,
                "location": MEDINA,
            },
        )
        placed_first = actor.territory_id
        await update_actor(
            uow.session, viewer=SCENE, actor_id=actor.id, changes={"location": AGDAL}
        )
        placed_then = actor.territory_id
        await update_actor(uow.session, viewer=SCENE, actor_id=actor.id, changes={"location": None})
    async with api.state.sessions() as session:
        codes = dict((await session.execute(select(Territory.id, Territory.code))).all())
    assert codes[placed_first] == geometry.commune_at(*MEDINA)
    assert codes[placed_then] == geometry.commune_at(*AGDAL)
    assert actor.territory_id == placed_then  # without coordinates it keeps its territory


async def test_an_actor_whose_coordinates_contradict_its_province_is_refused(api: Api) -> None:
    fes = await territory_pk(api, "MA-FES")
    with pytest.raises(InvalidInput) as refused:
        await committed(
            api,
            create_actor,
            viewer=SCENE,
            kind=ActorKind.ASSOCIATION,
            changes={"names": {"fr": "Mal placée"}, "territory_id": fes, "location": RABAT},
        )
    assert refused.value.field == ["location"]
    assert "Hassan" in refused.value.message and "Fès" in refused.value.message
