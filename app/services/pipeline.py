"""services/pipeline.py — the table of contents of processing one email; each step is one call.

Returns the column values the job row takes on completion; writes nothing itself."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.config import Settings
from app.models import IncomingEmail
from app.services.parsing import parse_body

PIPELINE_VERSION = 1


def run(session: Session, email: IncomingEmail, settings: Settings) -> dict[str, Any]:
    parsed = parse_body(email.body_text, email.body_html)
    extracted: dict[str, Any] = {
        "pipeline_version": PIPELINE_VERSION,
        "body": {
            "reply_text": parsed.reply_text,
            "signature_text": parsed.signature_text,
            "quoted_text": parsed.quoted_text,
        },
    }
    return {"extracted_data": extracted}
