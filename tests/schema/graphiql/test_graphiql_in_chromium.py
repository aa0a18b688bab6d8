"""A real headless Chromium opens GraphiQL from a real API process on loopback, on a
machine without internet: every file comes from Jisr, or the page would stay blank."""

from __future__ import annotations

import asyncio
import json
from urllib.parse import urlencode

import pytest
from playwright.async_api import Page, Request, WebSocket, expect

from tests.browser import output_folder

ACTOR_MAP = """{
  actors(filter: {territoryId: "VGVycml0b3J5OjM", axes: [EMPLOYMENT]}, first: 10) {
    totalCount
    nodes { name(lang: FR) arabic: name(lang: AR) }
  }
}"""
KNOWN_ACTOR = "Agence de l'emploi et des compétences – Fès Atlas"
KNOWN_ACTOR_AR = "وكالة التشغيل والكفاءات - فاس الأطلس"


def outside_requests(page: Page, base: str) -> list[str]:
    """Every request the page makes to anywhere but the server under test."""
    seen: list[str] = []

    def note(request: Request) -> None:
        if not request.url.startswith((base, "data:", "ws://127.0.0.1")):
            seen.append(request.url)

    page.on("request", note)
    return seen


async def test_graphiql_runs_the_actor_map_and_shows_the_result(
    page: Page, demo_server: str, request: pytest.FixtureRequest
) -> None:
    # given GraphiQL, opened with the actor-map query
    outside = outside_requests(page, demo_server)
    await page.goto(f"{demo_server}/graphql?" + urlencode({"q": ACTOR_MAP}))
    run = page.get_by_role("button", name="Execute query (Ctrl-Enter)")
    await expect(run).to_be_visible(timeout=30_000)
    # when the person runs it
    await run.click()
    # then the result pane shows the known employment agency, in French and in Arabic
    result = page.locator("section.result-window")
    await expect(result).to_contain_text(KNOWN_ACTOR, timeout=30_000)
    await expect(result).to_contain_text(KNOWN_ACTOR_AR)
    await expect(result).to_contain_text('"totalCount"')
    shot = output_folder(request) / "actor-map.png"
    await page.screenshot(path=shot)
    print(f"screenshot: {shot}")
    assert outside == []


async def test_the_headers_pane_signs_the_requests_in(page: Page, demo_server: str) -> None:
    # given an Authorization header kept in the headers pane
    headers = json.dumps({"Authorization": "Bearer jisr_not-a-token"})
    await page.add_init_script(f"localStorage.setItem('graphiql:headers', {json.dumps(headers)})")
    await page.goto(f"{demo_server}/graphql?" + urlencode({"q": "{ me { email } }"}))
    run = page.get_by_role("button", name="Execute query (Ctrl-Enter)")
    await expect(run).to_be_visible(timeout=30_000)
    # when the person runs a query
    async with page.expect_response(lambda r: r.request.method == "POST") as answered:
        await run.click()
    # then the request carried the header, and the server's refusal shows in GraphQL's shape
    response = await answered.value
    assert response.request.headers["authorization"] == "Bearer jisr_not-a-token"
    assert response.status == 401
    result = page.locator("section.result-window")
    await expect(result).to_contain_text("UNAUTHENTICATED", timeout=30_000)


async def test_the_explorer_lists_the_root_fields(page: Page, demo_server: str) -> None:
    # given GraphiQL
    await page.goto(f"{demo_server}/graphql")
    # when the person opens the explorer plugin
    await page.get_by_role("button", name="Show GraphiQL Explorer").click()
    # then it lists the queries of the schema, read by introspection
    explorer = page.locator(".graphiql-explorer-root")
    await expect(explorer).to_contain_text("actors", timeout=30_000)
    await expect(explorer).to_contain_text("coordinationMetrics")


async def test_a_subscription_opens_graphql_ws_signed_in_by_the_headers_pane(
    page: Page, demo_server: str
) -> None:
    # given a token in the headers pane, and a listener on the page's sockets
    headers = json.dumps({"Authorization": "Bearer jisr_some-token"})
    await page.add_init_script(f"localStorage.setItem('graphiql:headers', {json.dumps(headers)})")
    first_frame: asyncio.Future[tuple[str, str]] = asyncio.get_running_loop().create_future()

    def opened(socket: WebSocket) -> None:
        def sent(payload: str | bytes) -> None:
            if not first_frame.done():
                first_frame.set_result((socket.url, str(payload)))

        socket.on("framesent", sent)

    page.on("websocket", opened)
    query = "subscription { referralEvents { kind } }"
    await page.goto(f"{demo_server}/graphql?" + urlencode({"q": query}))
    run = page.get_by_role("button", name="Execute query (Ctrl-Enter)")
    await expect(run).to_be_visible(timeout=30_000)
    # when the person runs the subscription
    await run.click()
    # then graphql-ws opens a socket to the same server and signs in with the header
    url, frame = await asyncio.wait_for(first_frame, 30)
    assert url == demo_server.replace("http://", "ws://") + "/graphql"
    assert json.loads(frame) == {
        "type": "connection_init",
        "payload": {"authorization": "Bearer jisr_some-token"},
    }
