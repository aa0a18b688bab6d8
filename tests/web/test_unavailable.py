"""The console when its database does not answer: a page that says so in the reader's
language, HTTP 503 with ``Retry-After``, never a stack trace or the API's JSON."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.api import test_settings as settings_for
from tests.network.notifications.servers import free_port
from web.app import create_app


@pytest.mark.parametrize(("lang", "words"), [("ar", "جسر"), ("fr", "Jisr")])
async def test_a_database_at_a_closed_port_gets_a_page_that_says_so(
    tmp_path: Path, lang: str, words: str
) -> None:
    # given the console whose database URL points at a port nobody listens on
    url = f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/postgres"
    app = create_app(settings_for(url, tmp_path / "var"))
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://jisr.test") as client:
            # when a reader opens the map, and a signed-in one their inbox
            answers = [
                await client.get(f"/?lang={lang}"),
            ]
            client.cookies.set("jisr_session", "a-token")
            answers.append(await client.get(f"/inbox?lang={lang}"))
    finally:
        await app.state.jisr.engine.dispose()

    # then each is the console's own page: 503, Retry-After, in that language
    for answer in answers:
        assert answer.status_code == 503, answer.text[:300]
        assert int(answer.headers["retry-after"]) > 0
        assert answer.headers["content-type"].startswith("text/html")
        assert f'<html lang="{lang}"' in answer.text and words in answer.text
        assert "Traceback" not in answer.text and "SERVICE_UNAVAILABLE" not in answer.text
