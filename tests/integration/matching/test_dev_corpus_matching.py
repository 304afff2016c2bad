"""The dev corpus end to end through the matching stage — with the corpus LABELS standing in for the
extractor (intent, total, components, creditor reference; amount_is_safe and total_corroborated for
every debt statement that states a total). This isolates matching and the write rules from extraction quality: zero
wrong automatic writes, ≥ 85 % of the auto_update_ok replies written, every reply matched right."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.config import get_settings
from app.database import session_scope
from app.models import IncomingEmail
from app.services import inquiries, matching_stage
from app.services.extraction.result import ExtractionResult


def labels_as_extraction(expected: dict[str, Any]) -> ExtractionResult:
    """STAND-IN for the extractor, built from the corpus labels (not from the email text)."""
    total = None if expected["total_amount"] is None else Decimal(str(expected["total_amount"]))
    return ExtractionResult(
        intent=expected["intent"], intent_reasons=["corpus label"], intent_confidence=1.0,
        total_amount=total, creditor_reference=expected.get("creditor_reference"),
        components={name: Decimal(str(value)) for name, value in (expected.get("components") or {}).items()},
        amount_is_safe=expected["intent"] == "debt_statement" and total is not None,
        total_corroborated=expected["intent"] == "debt_statement" and total is not None,
    )


def reply_row(email: dict[str, Any]) -> IncomingEmail:
    return IncomingEmail(
        dedup_key=f"corpus:{email['id']}", zendesk_ticket_id=email["id"], from_email=email["from_email"],
        from_name=email["from_name"], to_addresses=[email["to"]], cc_addresses=[], subject=email["subject"],
        body_text=email["body_text"], body_html=email["body_html"], attachment_urls=[], extra_fields={},
        received_at=datetime.fromisoformat(email["received_at"].replace("Z", "+00:00")),
        processing_status="processing",
    )


def test_the_dev_corpus_is_matched_and_written_without_a_wrong_automatic_write(
    database: str, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = json.loads((corpus_dir / "corpus.json").read_text(encoding="utf-8"))
    emails = sorted(corpus["emails"], key=lambda e: e["received_at"])  # process in received order
    matched_right = written_ok = wrong_writes = writes = 0
    misses: list[str] = []
    with session_scope() as session:
        inquiries.load_corpus(session, corpus)
    for email in emails:
        expected = email["expected"]
        with session_scope() as session:
            row = reply_row(email)
            session.add(row)
            session.flush()
            outcome = matching_stage.match_and_apply(session, row, labels_as_extraction(expected), get_settings())
        matched_right += outcome.inquiry_id == expected["inquiry_id"]
        if outcome.auto_applied:
            writes += 1
            right_amount = outcome.applied_amount == Decimal(str(expected["total_amount"]))
            if outcome.inquiry_id != expected["inquiry_id"] or not right_amount:
                wrong_writes += 1
                misses.append(f"{email['id']} wrote {outcome.applied_amount} to {outcome.inquiry_id}")
        if expected["auto_update_ok"]:
            written_ok += outcome.auto_applied
            if not outcome.auto_applied:
                misses.append(f"{email['id']} not written: {'; '.join(outcome.reasons)}")
        if outcome.inquiry_id != expected["inquiry_id"]:
            misses.append(f"{email['id']} matched {outcome.inquiry_id}, expected {expected['inquiry_id']}")
    wanted = sum(e["expected"]["auto_update_ok"] for e in emails)
    with capsys.disabled():
        print(f"\n[dev corpus, labels as stand-in extractor, {database}] match accuracy "
              f"{matched_right}/{len(emails)} = {matched_right / len(emails):.1%}; auto_update_ok written "
              f"{written_ok}/{wanted} = {written_ok / wanted:.1%}; automatic writes {writes}, "
              f"wrong ones {wrong_writes}")
        for miss in misses:
            print(f"    {miss}")
    assert wrong_writes == 0, misses
    assert written_ok / wanted >= 0.85, misses
    assert matched_right / len(emails) >= 0.9, misses
