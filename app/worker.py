"""worker.py — what `dramatiq app.worker` loads: logging, the broker from settings, the actors."""

from app.config import get_settings
from app.logging import configure_from

_settings = get_settings()
configure_from(_settings)

from app import actors  # noqa: E402  (actors bind to the broker built from settings)

broker = actors.queue.get_broker()
