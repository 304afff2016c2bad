"""models — every table, imported here so Alembic and the app see one metadata."""

from app.models.base import Base, utcnow
from app.models.incoming_email import IncomingEmail, ProcessingStatus
from app.models.job_event import JobEvent

__all__ = ["Base", "IncomingEmail", "JobEvent", "ProcessingStatus", "utcnow"]
