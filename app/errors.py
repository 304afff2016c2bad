"""errors.py — the exception tree that decides retry vs. fail-now vs. 4xx.

    CreditorMatcherError
    ├── TransientError      the attempt may succeed later (database, network, timeouts): retry
    ├── PermanentError      the input itself is bad: fail the job now, no retry
    └── RejectedInput       a request we refuse with a 4xx and a reason (status_code, reason)
        └── InvalidTransition   a job state change that the state machine forbids now (409)
"""

from __future__ import annotations


class CreditorMatcherError(Exception):
    """Base of every error the app raises on purpose."""


class TransientError(CreditorMatcherError):
    """Worth another attempt later."""


class PermanentError(CreditorMatcherError):
    """Retrying cannot help; the job fails at once."""


class RejectedInput(CreditorMatcherError):
    """A client error: answered with `status_code` and a readable `reason`, never a 500."""

    status_code = 400

    def __init__(self, reason: str, *, status_code: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        if status_code is not None:
            self.status_code = status_code


class InvalidTransition(RejectedInput):
    """The state machine does not allow this change from the job's current state."""

    status_code = 409


class NotFound(RejectedInput):
    """The named record does not exist."""

    status_code = 404
