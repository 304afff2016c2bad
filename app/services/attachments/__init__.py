"""attachments — services stage: a job's attachments become text; no web framework, no DB."""

from app.services.attachments.base import ReadLimits
from app.services.attachments.detect import Detection, detect_type
from app.services.attachments.fetch import (
    FetchPolicy,
    build_client,
    download,
    fetch_and_read,
    policy_from_settings,
)
from app.services.attachments.netguard import AttachmentRefused
from app.services.attachments.result import AttachmentText, TextSegment
from app.services.attachments.store import AttachmentStore, store_from_settings
from app.services.attachments.text import read_attachment

__all__ = [
    "AttachmentRefused",
    "AttachmentStore",
    "AttachmentText",
    "Detection",
    "FetchPolicy",
    "ReadLimits",
    "TextSegment",
    "build_client",
    "detect_type",
    "download",
    "fetch_and_read",
    "policy_from_settings",
    "read_attachment",
    "store_from_settings",
]
