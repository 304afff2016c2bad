"""models — every table, imported here so Alembic and the app see one metadata."""

from app.models.base import Base, utcnow
from app.models.breaker import CircuitBreaker
from app.models.claim import Claim, ClaimHistory
from app.models.delivery_problem import DeliveryProblem
from app.models.firm import DEFAULT_FIRM_ID, Firm, FirmApiToken
from app.models.incoming_email import IncomingEmail, ProcessingStatus
from app.models.inquiry import Inquiry, InquiryNameKey
from app.models.job_event import JobEvent
from app.models.job_search_text import JobSearchText
from app.models.job_status_count import JobStatusCount, JobStatusDelta
from app.models.metric_counter import MetricCounter
from app.models.outbox import OutboxMessage
from app.models.plan_decision import PlanDecision
from app.models.review import Review
from app.models.worker import ServiceFlag, WorkerHeartbeat

__all__ = [
    "DEFAULT_FIRM_ID",
    "Base",
    "CircuitBreaker",
    "Claim",
    "ClaimHistory",
    "DeliveryProblem",
    "Firm",
    "FirmApiToken",
    "IncomingEmail",
    "Inquiry",
    "InquiryNameKey",
    "JobEvent",
    "JobSearchText",
    "JobStatusCount",
    "JobStatusDelta",
    "MetricCounter",
    "OutboxMessage",
    "PlanDecision",
    "ProcessingStatus",
    "Review",
    "ServiceFlag",
    "WorkerHeartbeat",
    "utcnow",
]
