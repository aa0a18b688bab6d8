"""No re-identification through search: a name matches only records whose identity the
caller may see, every name search is audited without its text, and searches are rate
limited per user."""

from __future__ import annotations

from tests.factories import audit_entries
from tests.security.identity_server import LoopbackApi

DEMO_PASSWORD = "jisr-demo-2026"
COORDINATOR = "coordination.fes-meknes@jisr.example.ma"
MEDIATOR = "mediation.dar-al-amal@jisr.example.ma"
SEARCH = "query($s: String) { youths(filter: {search: $s}) { totalCount nodes { code } } }"


async def test_a_coordinators_name_search_matches_nothing_and_is_audited_without_its_text(
    http_served: LoopbackApi,
) -> None:
    # given: a coordinator who sees Yassine's pseudonymous record, and his mediator
    coordinator = await http_served.login(COORDINATOR, DEMO_PASSWORD)
    mediator = await http_served.login(MEDIATOR, DEMO_PASSWORD)
    everyone = await http_served.data(SEARCH, {"s": None}, coordinator)
    assert "JY-DEMO01" in [n["code"] for n in everyone["youths"]["nodes"]]
    # when: the attacker confirms a name against the records of the region
    guesses = ["yassine benali", "Yassine Benali", "YASSINE  BENALI"]
    answers = [await http_served.data(SEARCH, {"s": guess}, coordinator) for guess in guesses]
    by_code = await http_served.data(SEARCH, {"s": "JY-DEMO01"}, coordinator)
    seen_by_mediator = await http_served.data(SEARCH, {"s": "Yassine Benali"}, mediator)
    # then: the name matches nothing for the coordinator, what they may see still does
    assert [a["youths"] for a in answers] == [{"totalCount": 0, "nodes": []}] * 3
    assert by_code["youths"] == {"totalCount": 1, "nodes": [{"code": "JY-DEMO01"}]}
    assert seen_by_mediator["youths"] == {"totalCount": 1, "nodes": [{"code": "JY-DEMO01"}]}
    # every search is audited: who, when, how many matched — never the text
    entries = await audit_entries(http_served, "search:Youth.name")
    assert [e.matched for e in entries] == [0, 0, 0, 1, 1]
    assert len({e.user_id for e in entries}) == 2 and all(e.at for e in entries)
    for entry in entries:
        kept = repr(vars(entry)).casefold()
        assert "yassine" not in kept and "benali" not in kept and "jy-demo01" not in kept


async def test_name_searches_are_rate_limited_per_user(http_served: LoopbackApi) -> None:
    # given
    coordinator = await http_served.login(COORDINATOR, DEMO_PASSWORD)
    mediator = await http_served.login(MEDIATOR, DEMO_PASSWORD)
    # when: a burst of guesses (JISR_NAME_SEARCH_BURST is 20)
    answers = [
        await http_served.gql(SEARCH, {"s": f"guess number {i}"}, coordinator) for i in range(25)
    ]
    # then
    codes = [a["errors"][0]["extensions"]["code"] if a.get("errors") else None for a in answers]
    assert codes == [None] * 20 + ["RATE_LIMITED"] * 5
    assert len(await audit_entries(http_served, "search:Youth.name")) == 20
    # another user's searches are not held by it
    assert (await http_served.gql(SEARCH, {"s": "guess"}, mediator)).get("errors") is None
