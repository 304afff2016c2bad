"""config.py — the one Settings class; nothing else in the app reads os.environ."""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import unquote, urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict, SettingsError
from sqlalchemy.engine import make_url

# Where relative paths (the default SQLite file, the attachment store) live, so every command finds
# the same files from any directory: CREDITOR_MATCHER_HOME, else the source checkout this code runs
# from, else the user's data directory (an installed wheel).
_CHECKOUT = Path(__file__).resolve().parent.parent


def home_directory() -> Path:
    """The data home that relative paths in the settings are resolved against (absolute)."""
    configured = os.environ.get("CREDITOR_MATCHER_HOME", "").strip()
    if configured:
        return Path(configured).expanduser().resolve()
    if (_CHECKOUT / "pyproject.toml").is_file():
        return _CHECKOUT
    data_home = os.environ.get("XDG_DATA_HOME", "").strip() or str(Path.home() / ".local" / "share")
    return Path(data_home).expanduser().resolve() / "creditor-matcher"


def env_files() -> tuple[Path, ...]:
    """The `.env` files read, later ones winning: the data home's, then the current directory's."""
    home, here = home_directory() / ".env", Path.cwd() / ".env"
    return (home,) if home == here else (home, here)


def anchored_sqlite_url(url: str, home: Path) -> str:
    """A SQLite URL whose relative file path is made absolute under `home`; other URLs unchanged."""
    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:" \
            or database.startswith("file:") or Path(database).is_absolute():
        return url
    return parsed.set(database=str((home / database).resolve())).render_as_string(hide_password=False)


class Settings(BaseSettings):
    """Every operator-facing knob, read from the environment (or a `.env` file)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    # --- storage and queue -------------------------------------------------------------
    database_url: str = "sqlite:///./var/creditor_matcher.db"
    redis_url: str | None = None
    rabbitmq_url: str | None = None
    broker_namespace: str = "creditor_matcher"
    embedded_worker_threads: int = Field(default=2, ge=1, le=16)
    # The embedded worker looks for due `queued` rows (the CLI's, a restart's) this often.
    embedded_poll_seconds: float = Field(default=1, gt=0, le=60)
    # Every worker process records that it is alive this often (services/workers.beat).
    worker_heartbeat_seconds: float = Field(default=5, gt=0, le=300)
    # On Ctrl-C/SIGTERM running jobs may finish for this long; then they go back to `queued`.
    shutdown_grace_seconds: float = Field(default=10, ge=0, le=600)
    # /health counts a worker alive while its last heartbeat is at most this old.
    worker_seen_within_seconds: int = Field(default=60, ge=1)

    # --- webhook -----------------------------------------------------------------------
    zendesk_webhook_secret: SecretStr | None = None
    webhook_timestamp_tolerance_seconds: int = Field(default=300, ge=1)
    webhook_max_body_bytes: int = Field(default=2 * 1024 * 1024, ge=1024)

    # --- Resend inbound (second path; off until RESEND_WEBHOOK_SECRET is set) ----------------
    resend_webhook_secret: SecretStr | None = None
    resend_api_key: SecretStr | None = None
    resend_api_base_url: str = "https://api.resend.com"
    resend_attachment_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["inbound-cdn.resend.com"])

    # --- jobs API ----------------------------------------------------------------------
    jobs_api_token: SecretStr | None = None

    # --- retries, leases and reconciliation (seconds) ---------------------------------
    max_retries: int = Field(default=5, ge=0, le=50)
    retry_min_backoff_seconds: float = Field(default=15, gt=0)
    retry_max_backoff_seconds: float = Field(default=300, gt=0)
    stale_job_seconds: int = Field(default=300, ge=1)
    job_time_limit_seconds: int = Field(default=600, ge=1)
    reconcile_interval_seconds: int = Field(default=60, ge=1)

    # --- SMTP alerts -------------------------------------------------------------------
    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = True
    smtp_timeout_seconds: float = Field(default=10, gt=0)
    smtp_from: str = "creditor-matcher@localhost"
    admin_email: str | None = None

    # --- attachments -------------------------------------------------------------------
    zendesk_subdomain: str | None = None
    zendesk_email: str | None = None
    zendesk_api_token: SecretStr | None = None
    attachment_max_bytes: int = Field(default=20 * 1024 * 1024, ge=1)
    attachment_allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    attachment_allow_private_addresses: bool = False
    attachment_allow_plain_http: bool = False  # only for local test servers; Zendesk is https
    attachment_timeout_seconds: float = Field(default=30, gt=0)
    attachment_store_dir: Path = Path("./var/attachments")
    # Reading caps: a file over any of them fails alone, with the reason, and the job goes on.
    attachment_max_uncompressed_bytes: int = Field(default=100 * 1024 * 1024, ge=1024)
    attachment_max_lines: int = Field(default=20_000, ge=1)
    attachment_max_pdf_pages: int = Field(default=300, ge=1)
    attachment_max_ocr_pages: int = Field(default=20, ge=1)
    attachment_max_xml_part_bytes: int = Field(default=8 * 1024 * 1024, ge=64 * 1024)
    attachment_max_paragraphs: int = Field(default=50_000, ge=1)
    attachment_max_table_cells: int = Field(default=200_000, ge=1)
    attachment_max_shared_strings: int = Field(default=200_000, ge=1)

    # --- extraction --------------------------------------------------------------------
    firm_reference_pattern: str = r"\b[A-Z]{2,4}-\d{4}-\d{3,6}\b"
    extraction_max_lines: int = Field(default=10_000, ge=100)
    extraction_max_chars: int = Field(default=1_000_000, ge=10_000)

    # --- optional LLM second opinion (off by default) -----------------------------------
    llm_provider: Literal["off", "openai"] = "off"
    llm_api_base: str = "https://api.openai.com/v1"
    llm_api_key: SecretStr | None = None
    llm_model: str = "gpt-4o-mini"
    llm_timeout_seconds: float = Field(default=20, gt=0)

    # --- logging -----------------------------------------------------------------------
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["console", "json"] = "console"
    # An identical warning/error (same event and error text) repeated within this many seconds
    # is logged once, then counted on the next line let through; 0 logs every repeat.
    log_repeat_window_seconds: float = Field(default=60, ge=0)

    @field_validator("attachment_allowed_hosts", "resend_attachment_hosts", "review_priority_amounts", mode="before")
    @classmethod
    def _list_as_words_or_json(cls, value: object) -> object:
        """`a.example,b.example` (commas, spaces) or a JSON list `["a.example", "b.example"]`."""
        if not isinstance(value, str):
            return value
        if value.strip().startswith("["):
            try:
                return json.loads(value)
            except json.JSONDecodeError as error:
                raise ValueError(f"not a JSON list ({error.msg}); or write the values as a,b,c") from None
        return [item for item in re.split(r"[,\s]+", value) if item]

    @field_validator("log_level", mode="before")
    @classmethod
    def _level_in_any_case(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("log_format", "llm_provider", mode="before")
    @classmethod
    def _word_in_any_case(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError("must be a sqlite:// or postgresql:// URL")
        return value

    @field_validator("zendesk_webhook_secret", "jobs_api_token", "resend_webhook_secret", "resend_api_key",
                     mode="before")
    @classmethod
    def _blank_secret_is_unset(cls, value: object) -> object:
        """`JOBS_API_TOKEN=` must not turn on a guard that an empty credential passes: blank means unset."""
        if isinstance(value, str) and not value.strip():
            return None
        if isinstance(value, SecretStr) and not value.get_secret_value().strip():
            return None
        return value

    @field_validator("review_priority_amounts")
    @classmethod
    def _ascending(cls, value: list[Decimal]) -> list[Decimal]:
        if value != sorted(value) or any(amount <= 0 for amount in value):
            raise ValueError("must be positive amounts in ascending order, e.g. 1000,10000")
        return value

    @field_validator("resend_webhook_secret")
    @classmethod
    def _svix_secret(cls, value: SecretStr | None) -> SecretStr | None:
        """Resend shows the signing secret as `whsec_<base64>`; anything else could never verify."""
        if value is not None:
            try:
                base64.b64decode(value.get_secret_value().strip().removeprefix("whsec_"), validate=True)
            except (binascii.Error, ValueError):
                raise ValueError("must be the whsec_… signing secret Resend shows for the webhook") from None
        return value

    @field_validator("resend_api_base_url")
    @classmethod
    def _http_base(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("must be an https:// URL")
        return value.rstrip("/")

    @field_validator("firm_reference_pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as error:
            raise ValueError(f"not a regular expression ({error})") from None
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str | None) -> str | None:
        if value and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// or unix://")
        return value or None

    @field_validator("rabbitmq_url")
    @classmethod
    def _amqp_scheme(cls, value: str | None) -> str | None:
        if value and not value.startswith(("amqp://", "amqps://")):
            raise ValueError("must start with amqp:// or amqps://")
        return value or None

    @model_validator(mode="after")
    def _anchor_relative_paths(self) -> Settings:
        """A relative SQLite path or attachment store is relative to the data home, not to the
        current directory: the CLI run from anywhere finds the server's database."""
        home = home_directory()
        self.database_url = anchored_sqlite_url(self.database_url, home)
        if not self.attachment_store_dir.is_absolute():
            self.attachment_store_dir = (home / self.attachment_store_dir).resolve()
        return self

    @model_validator(mode="after")
    def _backoff_order(self) -> Settings:
        if self.retry_min_backoff_seconds > self.retry_max_backoff_seconds:
            raise ValueError("RETRY_MIN_BACKOFF_SECONDS must not exceed RETRY_MAX_BACKOFF_SECONDS")
        return self

    def secret_values(self) -> list[str]:
        """Every configured secret as it could appear in text: tokens, keys and the passwords
        inside the database and broker URLs (as written and decoded)."""
        values = [value.get_secret_value() for value in (
            self.zendesk_webhook_secret, self.jobs_api_token, self.smtp_password,
            self.zendesk_api_token, self.llm_api_key, self.portal_webhook_secret,
            self.resend_webhook_secret, self.resend_api_key,
        ) if value is not None]
        for url in (self.database_url, self.redis_url, self.rabbitmq_url):
            password = urlsplit(url).password if url else None
            if password:
                values += [password, unquote(password)]
        return [value for value in values if value]

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def broker_kind(self) -> Literal["redis", "rabbitmq", "embedded"]:
        if self.redis_url:
            return "redis"
        if self.rabbitmq_url:
            return "rabbitmq"
        return "embedded"

    # --- matching, review and sync (issue 5) ------------------------------------------
    # Confidence (0..1) at or above which a reply is matched without a human; below
    # MATCH_REVIEW_THRESHOLD the reply matches no inquiry at all.
    match_auto_threshold: float = Field(default=0.8, gt=0, le=1)
    match_review_threshold: float = Field(default=0.4, gt=0, le=1)
    # Two candidates whose confidences lie closer than this go to a human.
    match_ambiguity_margin: float = Field(default=0.2, ge=0, le=1)
    # A stated total further than this fraction from the known/current amount goes to a human.
    claim_jump_limit: Decimal = Field(default=Decimal("0.25"), ge=0)
    # Case handler who gets the German debt-update mail (an inquiry's own handler wins).
    debt_update_email: str | None = None
    # The system of record: applied changes are POSTed here, signed with HMAC-SHA256.
    portal_webhook_url: str | None = None
    portal_webhook_secret: SecretStr | None = None
    outbox_timeout_seconds: float = Field(default=10, gt=0)
    outbox_max_attempts: int = Field(default=6, ge=1, le=100)
    outbox_min_backoff_seconds: float = Field(default=10, gt=0)
    outbox_max_backoff_seconds: float = Field(default=900, gt=0)
    # One alert mail to ADMIN_EMAIL for an entry still undelivered after this many attempts or this long.
    outbox_alert_after_attempts: int = Field(default=6, ge=1, le=1000)
    outbox_alert_after_seconds: float = Field(default=3600, gt=0)

    # --- circuit breakers (services/breakers.py) and /metrics ---------------------------
    # A dependency that failed this many times in a row is not called for BREAKER_COOLDOWN_SECONDS.
    breaker_failure_threshold: int = Field(default=5, ge=1, le=1000)
    breaker_cooldown_seconds: float = Field(default=60, gt=0, le=86400)

    # --- reviewers side by side ------------------------------------------------------------
    # A claimed review is the claimant's alone for this long (a decision or a new claim renews nothing).
    review_claim_seconds: int = Field(default=900, ge=30, le=86_400)
    # Amount at stake (proposed, else known) from which a review ranks one tier higher, ascending.
    review_priority_amounts: Annotated[list[Decimal], NoDecode] = Field(
        default_factory=lambda: [Decimal(1000), Decimal(10000)])
    # A review waiting longer than this ranks one tier higher.
    review_escalate_after_hours: float = Field(default=48, gt=0)


class ConfigurationError(SystemExit):
    """Raised when the environment holds an invalid setting; its message is one line.

    A SystemExit, because settings are read while modules load (actor options), under entry
    points we do not own (uvicorn, dramatiq): uncaught, Python prints just the message and
    exits with status 1 instead of an import traceback."""


def describe_validation_error(error: ValidationError) -> str:
    """One line naming each bad setting the way an operator writes it (upper-case env name)."""
    parts = []
    for item in error.errors():
        name = ".".join(str(p) for p in item["loc"]).upper() or "settings"
        parts.append(f"{name}: {item['msg'].removeprefix('Value error, ')}")
    return "invalid configuration: " + "; ".join(parts)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    try:
        return Settings(_env_file=env_files())  # type: ignore[call-arg]
    except ValidationError as error:
        raise ConfigurationError(describe_validation_error(error)) from None
    except SettingsError as error:  # a value the settings source itself could not parse
        raise ConfigurationError(f"invalid configuration: {_first_line(error)}") from None


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def database_url_source() -> str:
    """Where DATABASE_URL came from, in words, for a message that says where the CLI looked."""
    if os.environ.get("DATABASE_URL", "").strip():
        return "DATABASE_URL from the environment"
    for path in reversed(env_files()):
        if path.is_file() and any(line.strip().upper().startswith("DATABASE_URL=")
                                  for line in path.read_text(encoding="utf-8", errors="replace").splitlines()):
            return f"DATABASE_URL from {path}"
    looked = " or ".join(str(path) for path in env_files())
    return f"the default: DATABASE_URL is set neither in the environment nor in {looked}"
