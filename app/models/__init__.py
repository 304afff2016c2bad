"""models — every table, imported here so Alembic and the app see one metadata."""

from app.models.base import Base, utcnow
from app.models.breaker import CircuitBreaker
from app.models.claim import Claim, ClaimHistory
from app.models.incoming_email import IncomingEmail, ProcessingStatus
from app.models.inquiry import Inquiry, InquiryNameKey
from app.models.job_event import JobEvent
from app.models.job_status_count import JobStatusCount
from app.models.metric_counter import MetricCounter
from app.models.outbox import OutboxMessage
from app.models.plan_decision import PlanDecision
from app.models.review import Review
from app.models.worker import ServiceFlag, WorkerHeartbeat

__all__ = [
    "Base",
    "CircuitBreaker",
    "Claim",
    "ClaimHistory",
    "IncomingEmail",
    "Inquiry",
    "InquiryNameKey",
    "JobEvent",
    "JobStatusCount",
    "MetricCounter",
    "OutboxMessage",
    "PlanDecision",
    "ProcessingStatus",
    "Review",
    "ServiceFlag",
    "WorkerHeartbeat",
    "utcnow",
]
