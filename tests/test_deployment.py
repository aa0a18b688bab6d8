"""The production deployment as ``docker-compose.yml`` and ``Dockerfile`` describe it.

No Docker engine runs here: these tests read the files' structure.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML (a dev dependency) reads docker-compose.yml")

ROOT = Path(__file__).parent.parent
JISR_ROLES = ("api", "worker", "beat")
WIRED = (
    "JISR_ENV",
    "JISR_DATABASE_URL",
    "JISR_BROKER_URL",
    "JISR_REDIS_URL",
    "JISR_SECRET_KEY",
    "JISR_DATA_KEY",
    "JISR_SMTP_HOST",
    "JISR_SMTP_PORT",
)


def compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())  # type: ignore[no-any-return]


def services() -> dict[str, Any]:
    return compose()["services"]  # type: ignore[no-any-return]


def test_every_part_of_production_is_a_service() -> None:
    assert {"postgres", "redis", "api", "proxy", "worker", "beat", "mailpit"} <= set(services())


def test_every_long_running_service_has_a_health_check() -> None:
    for name, service in services().items():
        if name != "migrate":
            assert service["healthcheck"]["test"], name


def test_redis_keeps_what_it_is_given() -> None:
    command = " ".join(services()["redis"]["command"])
    assert "--appendonly yes" in command
    assert "--maxmemory-policy noeviction" in command


def test_two_api_replicas_behind_the_proxy_and_exactly_one_beat() -> None:
    everything = services()
    assert everything["api"]["deploy"]["replicas"] == 2
    assert "api:8000" in " ".join(everything["proxy"]["command"])
    beats = [
        s
        for s in everything.values()
        if "beat" in s.get("command", []) and "--no-beat" not in s.get("command", [])
    ]
    assert len(beats) == 1 and beats[0]["deploy"]["replicas"] == 1
    assert "--no-beat" in everything["worker"]["command"]


def test_jisr_waits_for_its_database_and_broker_and_the_migration() -> None:
    for role in JISR_ROLES:
        depends = services()[role]["depends_on"]
        assert depends["postgres"]["condition"] == "service_healthy", role
        assert depends["redis"]["condition"] == "service_healthy", role
        assert depends["migrate"]["condition"] == "service_completed_successfully", role
    assert services()["worker"]["depends_on"]["mailpit"]["condition"] == "service_healthy"


def test_jisr_services_get_their_settings_wired_to_the_other_services() -> None:
    for role in (*JISR_ROLES, "migrate"):
        environment = services()[role]["environment"]
        assert set(WIRED) <= set(environment), role
        assert environment["JISR_ENV"] == "production"
        assert "@postgres:5432/" in environment["JISR_DATABASE_URL"]
        assert environment["JISR_BROKER_URL"].startswith("redis://redis:6379")
        assert environment["JISR_SMTP_HOST"] == "mailpit"
        assert environment["JISR_SECRET_KEY"].startswith("${JISR_SECRET_KEY:?")


def test_the_image_builds_in_stages_and_runs_as_a_user() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    stages = re.findall(r"^FROM .+ AS (\w+)$", dockerfile, flags=re.MULTILINE)
    users = re.findall(r"^USER (\S+)$", dockerfile, flags=re.MULTILINE)
    assert len(stages) >= 2
    assert users and users[-1] not in ("root", "0")
    assert "COPY --from=build" in dockerfile
