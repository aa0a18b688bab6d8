"""Importing from an HSDS read API on loopback, page by page."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import orjson

from network.hsds.files import import_directory
from network.settings import Settings
from tests.network.hsds.official import OFFICIAL

EXAMPLES = OFFICIAL / "examples"
MAPPING = Path(__file__).parent / "data" / "spec_mapping.json"


def _pages() -> dict[str, list[dict[str, object]]]:
    service = orjson.loads((EXAMPLES / "service_full.json").read_bytes())
    second = {**service, "id": "9bb7ab54-6f5e-4b8a-a3ef-61a6d1f0d8b1", "name": "Peer support"}
    organization = orjson.loads((EXAMPLES / "organization_full.json").read_bytes())
    return {"/services": [service, second], "/organizations": [organization]}


@contextmanager
def hsds_api(asked: list[str]) -> Iterator[str]:
    """An HSDS API serving the specification's examples, one record a page."""
    pages = _pages()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            asked.append(self.path)
            records = pages.get(url.path.removeprefix("/hsds"))
            if records is None:
                self.send_error(404)
                return
            page = int(parse_qs(url.query).get("page", ["1"])[0])
            body = orjson.dumps(
                {
                    "total_items": len(records),
                    "total_pages": len(records),
                    "page_number": page,
                    "size": 1,
                    "first_page": page == 1,
                    "last_page": page >= len(records),
                    "empty": False,
                    "contents": records[page - 1 : page],
                }
            )
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hsds/"
    finally:
        server.shutdown()
        server.server_close()


async def test_an_api_is_read_page_by_page(migrated_settings: Settings, tmp_path: Path) -> None:
    # given an empty database and an HSDS API with two services on two pages
    asked: list[str] = []

    # when its base URL is imported
    with hsds_api(asked) as base:
        report = await import_directory(
            migrated_settings,
            base,
            dry_run=False,
            lang="en",
            strict=False,
            mapping=MAPPING,
            province="MA-RAB",
        )

    # then every page was read and both services came in
    assert [p.split("?")[0] for p in asked] == ["/hsds/organizations"] + ["/hsds/services"] * 2
    assert all("full=true" in p for p in asked)
    assert report.skipped == []
    assert (report.created["organization"], report.created["service"]) == (1, 2)
