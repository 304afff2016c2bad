"""actors — Dramatiq entry points; importing this package binds them to the configured broker."""

from app import queue

queue.get_broker()

from app.actors import email_processor, sync  # noqa: E402  (must bind after the broker exists)

__all__ = ["email_processor", "sync"]
