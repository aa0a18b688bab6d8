"""Running the ``jisr`` command in-process, with the environment of one test."""

from __future__ import annotations

import asyncio
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result

from cli.main import main
from network.crypto import new_key
from tests.api import Api, running_api

PRODUCTION = {
    "JISR_ENV": "production",
    "JISR_SECRET_KEY": "test-secret",
    "JISR_DATA_KEY": new_key(),
}


@dataclass
class Jisr:
    """The ``jisr`` command; keyword arguments add or (with None) remove variables."""

    env: dict[str, str | None]

    async def __call__(self, *args: str, **env: str | None) -> Result:
        invoke = CliRunner().invoke
        return await asyncio.to_thread(
            invoke, main, list(args), env={**self.env, **env}, catch_exceptions=False
        )

    def api(self, var_dir: Path) -> AbstractAsyncContextManager[Api]:
        """The API on the database the command works on."""
        url = self.env["JISR_DATABASE_URL"]
        assert url is not None
        return running_api(url, var_dir)


def jisr_on(url: str, var_dir: Path) -> Jisr:
    return Jisr(
        {
            "JISR_ENV": "development",
            "JISR_DATABASE_URL": url,
            "JISR_VAR_DIR": str(var_dir),
            "JISR_SECRET_KEY": "test-secret",
            "JISR_DATA_KEY": None,
            "JISR_BROKER_URL": None,
            "JISR_MIGRATION_DATABASE_URL": None,
        }
    )
