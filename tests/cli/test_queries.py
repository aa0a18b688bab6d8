"""``jisr queries register``: documents hashed as Apollo clients hash them, stored once."""

from __future__ import annotations

from pathlib import Path

from network import persisted_queries
from network.database import create_engine, session_factory
from tests.cli.invoke import jisr_on

DOCUMENT = "query ActorMap { actors(first: 50) { nodes { id name } } }\n"


async def test_register_stores_each_document_under_its_sha256(db_url: str, tmp_path: Path) -> None:
    # given a document in a file
    path = tmp_path / "actor-map.graphql"
    path.write_text(DOCUMENT)
    jisr = jisr_on(db_url, tmp_path / "var")
    # when it is registered twice
    first = await jisr("queries", "register", str(path))
    second = await jisr("queries", "register", str(path))
    # then it is stored once under its hash
    digest = persisted_queries.sha256_of(DOCUMENT)
    assert first.exit_code == 0, first.output
    assert first.output == f"{digest}  {path}\n"
    assert second.output == f"{digest}  {path}  (already registered)\n"
    engine = create_engine(db_url, null_pool=True)
    async with session_factory(engine)() as session:
        assert await persisted_queries.document_of(session, digest) == DOCUMENT
    await engine.dispose()
