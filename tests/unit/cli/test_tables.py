"""The CLI's terminal views: jobs, reviews and ingest results as rich tables with German amounts, email
text shown as written (brackets are not markup), and JSON chosen by --json or a pipe."""

from __future__ import annotations

import argparse
import io
import json
import sys
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console, RenderableType

from app.commands import ingest, jobs, output, reviews
from app.schemas.jobs import JobDetail, JobEventOut, JobSummary
from app.schemas.reviews import ReviewOut

AT = datetime(2026, 3, 9, 8, 15, tzinfo=UTC)


def rendered(view: RenderableType) -> str:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(view)
    return console.file.getvalue()  # type: ignore[attr-defined]


def a_job(**changes: Any) -> JobDetail:
    values: dict[str, Any] = {
        "id": 41, "processing_status": "completed", "from_email": "buchhaltung@mahnwerk.example",
        "from_name": "Mahnwerk GmbH", "subject": "[Ticket 88] Ihr Schreiben vom 2. März", "received_at": AT,
        "started_at": AT, "completed_at": AT, "processing_time_seconds": 2.5, "processing_error": None,
        "retry_count": 1, "attempt_count": 2, "match_status": "needs_review", "match_confidence": 0.55,
        "attachment_urls": [], "sync_status": None,
        "extracted_data": {
            "extraction": {"intent": "debt_statement", "total_amount": "2480.5", "amount_is_safe": False,
                           "firm_reference": "KB-2026-0042", "creditor_reference": "MW-77",
                           "attachments": [{"filename": "aufstellung.pdf", "status": "ok"}]},
            "match": {"match_status": "needs_review", "inquiry_id": "INQ-9", "match_confidence": 0.55,
                      "action": "review", "review_id": 7, "reasons": ["amount_jump"]},
        },
        "events": [JobEventOut(at=AT, kind="status", from_status="queued", to_status="processing", attempt=2,
                               message=None, details=None)],
    }
    return JobDetail(**{**values, **changes})


def test_a_job_shows_status_extraction_match_and_history_in_german_notation() -> None:
    text = rendered(jobs.show_view(a_job()))
    assert "Job 41" in text and "completed" in text
    assert "[Ticket 88] Ihr Schreiben vom 2. März" in text
    assert "2.480,50 €  (not safe to apply)" in text
    assert "aufstellung.pdf (ok)" in text
    assert "needs_review → INQ-9 (55%)" in text
    assert "creditor-matcher reviews show 7" in text
    assert "queued → processing" in text
    assert "2 (1 retries)" in text


def test_a_failed_job_shows_its_error_and_says_nothing_was_read_yet() -> None:
    text = rendered(jobs.show_view(a_job(processing_status="failed", processing_error="attachment brief.pdf: "
                                         "encrypted", extracted_data=None, match_status=None)))
    assert "attachment brief.pdf: encrypted" in text
    assert "Extraction" in text and "not yet" in text


def test_the_job_list_counts_each_state_and_lists_the_page() -> None:
    page = [JobSummary(id=3, processing_status="failed", from_email="a@b.example", subject="Re: Konto",
                       received_at=AT, started_at=None, completed_at=None, processing_error="timeout")]
    text = rendered(jobs.list_view(12, {"failed": 1, "completed": 11, "queued": 0}, page))
    assert "1 of 12 jobs (completed 11  failed 1)" in text
    assert "Re: Konto" in text and "timeout" in text and "2026-03-09 08:15:00" in text


def a_review(**changes: Any) -> ReviewOut:
    values: dict[str, Any] = {
        "id": 7, "email_id": 41, "status": "open", "inquiry_id": "INQ-9", "reasons": ["amount_jump"],
        "intent": "debt_statement", "proposed_amount": Decimal("2480.50"), "proposed_components": {
            "principal": Decimal("2000.00")}, "match_status": "needs_review", "match_confidence": 0.55,
        "explanation": [{"inquiry": "INQ-9", "confidence": 0.55,
                         "signals": [{"signal": "reference", "why": "Kundennummer MW-77 found"}]}],
        "created_at": AT, "decided_by": None, "decided_at": None, "decision_note": None,
        "final_inquiry_id": None, "final_amount": None, "claim_history_id": None,
    }
    return ReviewOut(**{**values, **changes})


def test_a_review_shows_the_proposal_the_reasons_and_why_each_candidate() -> None:
    text = rendered(reviews.show_view(a_review()))
    assert "Review 7" in text and "2.480,50 €" in text and "principal 2.000,00 €" in text
    assert "amount_jump" in text and "Kundennummer MW-77 found" in text
    assert "Decided by" not in text


def test_a_decided_review_shows_who_decided_and_the_counter_offer() -> None:
    text = rendered(reviews.show_view(a_review(
        status="corrected", decided_by="R. Albers", decided_at=AT, decision_note="laut Telefonat",
        final_plan_decision="counter_offer", final_counter_offer={"months": Decimal(24),
                                                                  "monthly_rate": Decimal("5")})))
    assert "R. Albers" in text and "laut Telefonat" in text
    assert "months=24, monthly_rate=5,00 €" in text


def test_the_review_list_shows_a_plan_decision_instead_of_an_amount() -> None:
    text = rendered(reviews.list_view(2, [a_review(), a_review(id=8, proposed_amount=None,
                                                               proposed_plan_decision="accepted")], "open"))
    assert "2 of 2 open reviews" in text and "2.480,50 €" in text and "accepted" in text


def test_ingest_results_are_a_table_with_the_job_of_each_email() -> None:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    ingest.render(console, "directory", [
        {"source": "a.eml", "status": "queued", "email_id": 5},
        {"source": "b.eml", "status": "unreadable", "error": "b.eml: from_email: not an address"}], None)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert "2 email(s) from a directory" in text and "a.eml" in text and "b.eml: from_email: not an address" in text
    assert "jobs list" in text


def test_ingest_summary_counts_each_outcome() -> None:
    results = [{"source": "E1", "status": "queued", "email_id": 1}, {"source": "E2", "status": "duplicate",
                                                                     "email_id": 1},
               {"source": "E3", "status": "queued", "email_id": 2}]
    summary = ingest.summary("corpus", Path("/data/dev"), results, {"created": 3, "updated": 0})
    assert summary["counts"] == {"queued": 2, "duplicate": 1}
    assert summary["inquiries"] == {"created": 3, "updated": 0}
    assert json.loads(json.dumps(summary))["emails"][1]["status"] == "duplicate"


@pytest.mark.parametrize(("flag", "terminal", "expected"), [
    (False, True, False), (True, True, True), (False, False, True), (True, False, True)])
def test_json_is_chosen_by_the_flag_or_a_pipe(monkeypatch: pytest.MonkeyPatch, flag: bool, terminal: bool,
                                              expected: bool) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: terminal)
    assert output.wants_json(argparse.Namespace(json=flag)) is expected


def test_cells_with_brackets_stay_as_written() -> None:
    assert "[bold]kein Markup[/bold]" in rendered(output.table(None, ("Subject",), [("[bold]kein Markup[/bold]",)]))


def test_the_progress_bar_stays_off_when_stderr_is_no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert ingest._progress(30).disable is True
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert ingest._progress(30).disable is False
    assert ingest._progress(1).disable is True
