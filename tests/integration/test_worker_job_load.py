"""The worker loads a job without the columns processing never reads (its previous result, the last failure's
message and traceback): an attempt on a job processed before never selects them, and its result replaces them."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, inspect

from app.config import get_settings
from app.database import get_engine, session_scope
from app.services import jobs, processing
from tests.support.factories import insert_email

pytestmark = pytest.mark.usefixtures("database")
LARGE = ("extracted_data", "error_traceback", "processing_error")


def test_the_workers_load_leaves_the_large_columns_unloaded_until_touched() -> None:
    email_id = insert_email("queued", extracted_data={"old": "x" * 500}, error_traceback="Traceback …",
                            processing_error="boom")
    with session_scope() as session:
        email = jobs.get(session, email_id, with_events=False)
        assert set(LARGE) <= inspect(email).unloaded
        assert email.body_text and email.subject
        assert email.error_traceback == "Traceback …"  # touched: loaded on demand, the same value


def test_an_attempt_on_a_job_processed_before_never_selects_its_old_result_and_replaces_it() -> None:
    email_id = insert_email("queued", extracted_data={"old": "x" * 500}, error_traceback="Traceback …",
                            processing_error="boom", attempt_count=1)
    selected: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "incoming_emails" in statement:
            selected.append(statement)

    event.listen(get_engine(), "before_cursor_execute", seen)
    try:
        assert processing.run_attempt(email_id, get_settings(), notify=lambda _id: None) == "completed"
    finally:
        event.remove(get_engine(), "before_cursor_execute", seen)
    assert not [s for s in selected if any(f"incoming_emails.{column}" in s for column in LARGE)]
    with session_scope() as session:
        email = jobs.get(session, email_id)
        assert email.processing_status == "completed" and "old" not in (email.extracted_data or {})
