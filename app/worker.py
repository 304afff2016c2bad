"""worker.py — what `dramatiq app.worker` loads: logging, the broker from settings, the actors, the heartbeat.

A bad setting or an unreachable database ends each worker process with one line (both are
SystemExit: ConfigurationError is one), not an import traceback."""

from sqlalchemy.exc import OperationalError

from app import heap
from app.config import get_settings
from app.database import check_reachable, describe_unreachable
from app.logging import configure_from

_settings = get_settings()
configure_from(_settings)
try:
    check_reachable()
except OperationalError as _error:
    raise SystemExit(f"database unreachable: {describe_unreachable(_error)}") from None

from app import actors  # noqa: E402  (actors bind to the broker built from settings)
from app.actors import heartbeat  # noqa: E402

broker = actors.queue.get_broker()
heartbeat.install(broker, "dramatiq", _settings.worker_heartbeat_seconds)
heap.freeze_startup_objects()
