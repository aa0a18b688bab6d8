"""Servers of a test's or a bench's own, to stop, kill and start again: a Redis and a
PostgreSQL cluster, each on a free loopback port in a temporary folder.

PostgreSQL runs with the machine's binaries (``/usr/lib/postgresql/*/bin``); as root,
``initdb`` and ``postgres`` run as the ``postgres`` user, who owns the folder.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import redis

from tests.network.notifications.servers import free_port
from tests.services import missing, redis_server_program

START_SECONDS = 30.0


def _wait(ready: object, what: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while not ready():  # type: ignore[operator]
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start")
        time.sleep(0.05)


class RedisProcess:
    """A redis-server of its own; with ``aof``, what it held survives a restart."""

    def __init__(self, folder: Path, *, aof: bool = False, port: int | None = None) -> None:
        self.folder = folder
        self.aof = aof
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        folder.mkdir(parents=True, exist_ok=True)

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> RedisProcess:
        persistence = ["--appendonly", "yes", "--appendfsync", "always"] if self.aof else []
        command = [
            redis_server_program(),
            "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "no", *persistence, "--dir", str(self.folder),
            "--maxmemory-policy", "noeviction",
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.5)

        def ready() -> bool:
            try:
                return bool(client.ping())
            except redis.RedisError:
                return False

        try:
            _wait(ready, "redis-server", self.process)
        finally:
            client.close()
        return self

    def kill(self) -> None:
        """SIGKILL: connections drop at once, as when the machine fails."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        self.process = None

    def __enter__(self) -> RedisProcess:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.kill()


def postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        missing("PostgreSQL's server programs (/usr/lib/postgresql/*/bin)")
    return Path(found[-1]).parent


class PostgresCluster:
    """A PostgreSQL cluster of its own (trust authentication on loopback, user postgres),
    in a temporary folder of the system's (which the postgres user can reach), removed
    when the cluster is done with."""

    def __init__(self, *, port: int | None = None) -> None:
        self.bin = postgres_bin()
        self.folder = Path(tempfile.mkdtemp(prefix="jisr-pg-"))
        self.data = self.folder / "data"
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/{database}"

    def init(self) -> PostgresCluster:
        command = [
            *self.as_postgres, str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
            "-A", "trust", "-E", "UTF8", "--locale", "C.UTF-8",
        ]  # fmt: skip
        subprocess.run(
            command,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return self

    def start(self) -> PostgresCluster:
        command = [
            *self.as_postgres, str(self.bin / "postgres"), "-D", str(self.data),
            "-p", str(self.port), "-k", str(self.folder), "-c", "listen_addresses=127.0.0.1",
            "-c", "fsync=off", "-c", "max_connections=200",
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

        def ready() -> bool:
            answer = subprocess.run(
                [str(self.bin / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                stdout=subprocess.DEVNULL,
                check=False,
            )
            return answer.returncode == 0

        _wait(ready, "postgres", self.process)
        return self

    def stop(self, mode: str = "fast") -> None:
        """Shut down as an operator would (``pg_ctl stop -m fast``): sessions are ended."""
        if self.process is None:
            return
        command = [
            *self.as_postgres, str(self.bin / "pg_ctl"), "stop", "-D", str(self.data),
            "-m", mode, "-w",
        ]  # fmt: skip
        subprocess.run(
            command,
            check=False,
            stdout=subprocess.DEVNULL,
        )
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        self.process = None

    def __enter__(self) -> PostgresCluster:
        return self.init().start()

    def __exit__(self, *_: object) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)
