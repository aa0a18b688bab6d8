"""A pytest plugin: every log record Jisr emits during the run is scanned for the demo
young people's names and birth dates and the demo password; any found fails the run.

Structlog is routed to the standard library's logging for the run (as in production),
so one handler on the root logger sees what the API, the workers and the CLI log in this
process. Logs of the test's own clients (httpx, the test SMTP server) are not Jisr's and
are not scanned. Servers started as separate processes are scanned by their own tests
(tests/security/test_logs.py).
"""

from __future__ import annotations

import io
import logging
from datetime import timedelta

import pytest

from network import clock
from network.logging import configure_logging
from network.seed.demo_youths import YOUTHS, birth_date
from network.seed.users import DEMO_PASSWORD

JISR_LOGGERS: tuple[str, ...] = (
    "jisr",
    "network",
    "schema",
    "workers",
    "cli",
    "uvicorn",
    "celery",
    "strawberry",
)
JISR_LOGGERS += ("sqlalchemy", "alembic", "kombu", "asyncio", "root")


def personal_values() -> dict[str, str]:
    """Each value that must never be logged, with what it is (names, dates, password)."""
    found = {DEMO_PASSWORD: "the demo password"}
    today = clock.today()
    for index, demo in enumerate(YOUTHS):
        who = f"demo young person {demo.code}"
        for name in (f"{demo.first} {demo.last}", f"{demo.last} {demo.first}", demo.last):
            found[name] = f"name of {who}"
        for day in (today - timedelta(days=1), today, today + timedelta(days=1)):
            found[birth_date(demo, index, day).isoformat()] = f"birth date of {who}"
    return found


class LogScanner(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.values = personal_values()
        self.hits: list[str] = []
        self.scanned = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.split(".", 1)[0] not in JISR_LOGGERS:
            return
        self.scanned += 1
        try:
            text = str(record.msg) if isinstance(record.msg, dict) else record.getMessage()
        except Exception:  # a record whose message cannot be formatted: scan its parts
            text = f"{record.msg} {record.args}"
        if record.exc_info:
            text += logging.Formatter().formatException(record.exc_info)
        for value, what in self.values.items():
            if value in text:
                self.hits.append(f"{record.name}: {what} in a log record")


SCANNER = LogScanner()


class Discarded(io.StringIO):
    """Where the JSON lines go during tests: nowhere (the scanner reads the records)."""

    def write(self, text: str) -> int:
        return len(text)


def pytest_configure(config: pytest.Config) -> None:
    configure_logging(level="INFO", stream=Discarded())
    logging.getLogger().addHandler(SCANNER)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if SCANNER.hits:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    terminalreporter.write_line(f"log scan: {SCANNER.scanned} records of Jisr scanned")
    if SCANNER.hits:
        terminalreporter.write_line("log scan FAILED: personal data in the logs", red=True)
        for hit in sorted(set(SCANNER.hits)):
            terminalreporter.write_line(f"  {hit}", red=True)
