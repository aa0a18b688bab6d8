"""Settings read from ``JISR_*`` environment variables and validated once at start."""

from __future__ import annotations

import ipaddress
import re
import secrets
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from network.crypto import new_key
from network.webhook_addresses import AllowedHosts


class SettingsError(Exception):
    """A setting is missing or invalid; the message names the environment variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JISR_", extra="ignore")

    env: Literal["development", "production"] = "development"
    var_dir: Path = Path("var")
    database_url: str = ""
    migration_database_url: str | None = None
    broker_url: str = ""
    redis_url: str | None = None
    secret_key: str = ""
    data_key: str = ""
    default_response_days: int = Field(default=5, ge=0, le=365)
    default_language: Literal["ar", "fr", "en"] = "ar"
    map_tiles_url: str = ""  # JISR_MAP_TILES_URL: an optional tile layer under the console's map
    scan_interval_seconds: int = Field(default=60, ge=1)
    leaving_care_reminder_days: Annotated[tuple[int, ...], NoDecode] = (180, 90, 30)
    post_care_check_in_months: Annotated[tuple[int, ...], NoDecode] = (3, 6, 12)
    actor_stale_months: int = Field(default=12, ge=1)
    statement_timeout_ms: int = Field(default=5000, ge=0)
    # PostgreSQL connections an API process keeps open (as many again may open under load).
    database_pool_size: int = Field(default=20, ge=1)
    log_sql: bool = False
    access_log: bool = True
    compiled_reads: bool = True
    retention_years: int = Field(default=5, ge=1)
    response_cache: bool = True
    introspection: bool | None = None
    persisted_queries: Literal["automatic", "allowlist"] = "automatic"
    max_body_bytes: int = Field(default=200_000, ge=1)
    max_query_depth: int = Field(default=12, ge=1)
    max_query_aliases: int = Field(default=40, ge=0)
    max_query_tokens: int = Field(default=3000, ge=1)
    max_query_cost: int = Field(default=50_000, ge=1)
    rate_limit_capacity: float = Field(default=200_000, gt=0)
    rate_limit_per_second: float = Field(default=5_000, gt=0)
    outbox_max_attempts: int = Field(default=8, ge=1, le=100)
    outbox_lease_seconds: int = Field(default=300, ge=1)
    outbox_backoff_seconds: float = Field(default=30, gt=0)
    outbox_backoff_max_seconds: float = Field(default=3600, gt=0)
    outbox_relay_batch: int = Field(default=1000, ge=1)
    outbox_in_app_batch: int = Field(default=500, ge=1)
    smtp_host: str | None = None
    smtp_port: int = Field(default=25, ge=1, le=65535)
    smtp_from: str = "jisr@localhost"
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_tls: bool = False
    smtp_timeout_seconds: float = Field(default=30, gt=0)
    sms_gateway_url: str | None = None
    sms_gateway_token: str | None = None
    webhook_timeout_seconds: float = Field(default=10, gt=0)
    ws_max_message_bytes: int = Field(default=200_000, ge=1)
    ws_connection_init_timeout_seconds: float = Field(default=10, gt=0)
    ws_max_subscriptions: int = Field(default=20, ge=1)
    ws_max_connections_per_token: int = Field(default=10, ge=1)
    ws_max_connections_per_address: int = Field(default=200, ge=1)
    ws_viewer_check_seconds: float = Field(default=2, gt=0)
    # Browser origins allowed to call the API (CORS), comma-separated; none by default.
    cors_origins: str = ""
    webhook_allowed_hosts: Annotated[tuple[str, ...], NoDecode] = ()
    small_count_threshold: int = Field(default=5, ge=1)
    metrics_token: str | None = None
    graphiql: bool | None = None
    trusted_proxies: Annotated[tuple[str, ...], NoDecode] = ()
    login_delay_seconds: float = Field(default=1, ge=0)
    login_delay_max_seconds: float = Field(default=300, ge=0)
    login_lock_after_failures: int = Field(default=10, ge=1)
    login_address_lock_after_failures: int = Field(default=50, ge=1)
    login_lock_seconds: int = Field(default=900, ge=1)
    session_idle_minutes: int = Field(default=60, ge=1)
    session_lifetime_hours: int = Field(default=12, ge=1)
    api_token_max_days: int = Field(default=366, ge=1)
    password_min_score: int = Field(default=3, ge=0, le=4)
    name_searches_per_minute: float = Field(default=10, gt=0)
    name_search_burst: int = Field(default=20, ge=1)
    plan_review_months: int = Field(default=3, ge=1, le=24)
    plan_leaving_days: int = Field(default=180, ge=1)
    plan_escalation_days: int = Field(default=30, ge=1)
    plan_proactive_age: int = Field(default=15, ge=10, le=18)

    @field_validator("database_url")
    @classmethod
    def _database_scheme(cls, value: str) -> str:
        if value and not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
        return value

    @field_validator("leaving_care_reminder_days", "post_care_check_in_months", mode="before")
    @classmethod
    def _thresholds(cls, value: object) -> object:
        """Reminder thresholds as comma-separated positive numbers, e.g. ``180,90,30``."""
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, list | tuple) and (not value or any(int(v) < 1 for v in value)):
            raise ValueError("must list positive whole numbers, e.g. 180,90,30")
        return value

    @field_validator("webhook_allowed_hosts", mode="before")
    @classmethod
    def _hosts(cls, value: object) -> object:
        """Comma-separated host names, addresses or networks, e.g. ``hooks.lan,10.1.0.0/16``."""
        if isinstance(value, str):
            value = tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _networks(cls, value: object) -> object:
        """Addresses or networks, comma-separated, e.g. ``10.0.0.5,192.168.0.0/24``."""
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, list | tuple):
            for part in value:
                ipaddress.ip_network(str(part), strict=False)
        return value

    @field_validator("sms_gateway_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("cors_origins")
    @classmethod
    def _origins(cls, value: str) -> str:
        for origin in (part.strip() for part in value.split(",") if part.strip()):
            if origin != "*" and not re.fullmatch(r"https?://[^/\s]+", origin):
                raise ValueError(f"{origin!r} is not an origin such as https://app.example.org")
        return value

    @field_validator("smtp_from")
    @classmethod
    def _address(cls, value: str) -> str:
        if value.count("@") != 1 or not all(value.split("@")):
            raise ValueError("must be an email address such as jisr@example.org")
        return value

    @model_validator(mode="after")
    def _delivery(self) -> Settings:
        if self.smtp_password and not self.smtp_user:
            raise ValueError("JISR_SMTP_PASSWORD needs JISR_SMTP_USER")
        if self.sms_gateway_url and not self.sms_gateway_token:
            raise ValueError("JISR_SMS_GATEWAY_URL needs JISR_SMS_GATEWAY_TOKEN")
        slowest = max(self.smtp_timeout_seconds, self.webhook_timeout_seconds)
        if self.outbox_lease_seconds <= slowest:
            raise ValueError("JISR_OUTBOX_LEASE_SECONDS must exceed the SMTP and webhook timeouts")
        if self.outbox_backoff_max_seconds < self.outbox_backoff_seconds:
            raise ValueError(
                "JISR_OUTBOX_BACKOFF_MAX_SECONDS must be at least JISR_OUTBOX_BACKOFF_SECONDS"
            )
        return self

    @model_validator(mode="after")
    def _defaults(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite+aiosqlite:///{self.var_dir / 'jisr.sqlite3'}"
        if not self.broker_url:
            self.broker_url = "filesystem://"
        if not self.secret_key:
            if self.env == "production":
                raise ValueError("JISR_SECRET_KEY is required when JISR_ENV=production")
            self.secret_key = _kept_secret(self.var_dir / "secret_key")
        if not self.data_key:
            if self.env == "production":
                raise ValueError("JISR_DATA_KEY is required when JISR_ENV=production")
            self.data_key = _kept_secret(self.var_dir / "data_key", factory=new_key)
        return self

    @property
    def introspection_allowed(self) -> bool:
        """JISR_INTROSPECTION when given; otherwise on in development, off in production."""
        return self.env == "development" if self.introspection is None else self.introspection

    @property
    def cors_origin_list(self) -> list[str]:
        return [part.strip() for part in self.cors_origins.split(",") if part.strip()]

    @property
    def graphiql_allowed(self) -> bool:
        """JISR_GRAPHIQL when given; otherwise on in development, off in production."""
        return self.env == "development" if self.graphiql is None else self.graphiql

    @property
    def webhook_allowed(self) -> AllowedHosts:
        """The private hosts webhooks may reach on purpose (``JISR_WEBHOOK_ALLOWED_HOSTS``)."""
        return AllowedHosts.parse(self.webhook_allowed_hosts)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def mail_domain(self) -> str:
        """The domain of deterministic Message-IDs: that of ``JISR_SMTP_FROM``."""
        return self.smtp_from.rsplit("@", 1)[1]

    @property
    def maildir(self) -> Path:
        """Where email lands when no ``JISR_SMTP_HOST`` is set (the embedded default)."""
        return self.var_dir / "mail"

    @property
    def broker_dir(self) -> Path:
        return self.var_dir / "broker"


def _kept_secret(path: Path, factory: Callable[[], str] = lambda: secrets.token_urlsafe(32)) -> str:
    """A development secret generated once and kept under ``var/``."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = factory()
    path.write_text(value)
    path.chmod(0o600)
    return value


def load_settings() -> Settings:
    """Read the environment, or raise SettingsError naming each bad variable."""
    try:
        return Settings()
    except ValidationError as error:
        problems = []
        for item in error.errors():
            name = "JISR_" + str(item["loc"][0]).upper() if item["loc"] else "settings"
            problems.append(f"{name}: {item['msg']}")
        raise SettingsError("invalid settings: " + "; ".join(problems)) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
