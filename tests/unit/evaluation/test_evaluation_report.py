"""The evaluator predicts blind, scores fairly, measures noise from evidence and writes predictions."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.config import get_settings
from app.evaluation import (
    CorpusError,
    MatchOutcome,
    load_corpus,
    report_json,
    report_text,
    run_extraction_eval,
    run_pipeline_eval,
    write_predictions,
)
from app.evaluation.corpus import CorpusEmail, CorpusInquiry
from app.evaluation.predict import Prediction
from app.evaluation.scoring import noise_amounts
from app.services.extraction.result import Evidence, ExtractionResult

STATEMENT = "Guten Tag,\n\nGesamtforderung: 120,00 EUR\n\nMit freundlichen Grüßen\nMuster GmbH"
QUOTED = "Wir prüfen den Vorgang.\n\n-----Ursprüngliche Nachricht-----\nVon: Kanzlei\nForderung 99,00 EUR"


def email(eid: str, body: str, expected: dict[str, Any], subject: str = "AW: Anfrage") -> dict[str, Any]:
    return {"id": eid, "received_at": "2026-09-01T10:00:00Z", "from_email": "a@muster.example",
            "from_name": "Muster GmbH", "to": "glaeubiger+BS-2026-0001@kanzlei.example", "subject": subject,
            "body_text": body, "body_html": None, "attachments": [], "expected": expected}


def expected(intent: str, total: float | None, ref: str | None = None) -> dict[str, Any]:
    return {"inquiry_id": None, "intent": intent, "total_amount": total, "components": {},
            "creditor_reference": ref, "auto_update_ok": False, "notes": ""}


def write_corpus(directory: Path, emails: list[dict[str, Any]]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    inquiry = {"id": "INQ-1", "client_name": "Max Muster", "creditor_name": "Muster GmbH",
               "creditor_email": "a@muster.example", "creditor_reference": "4711", "firm_reference": "BS-2026-0001",
               "known_amount": 100.1, "sent_at": "2026-08-01T10:00:00Z"}
    data = {"firm": {"name": "Kanzlei"}, "inquiries": [inquiry], "emails": emails}
    (directory / "corpus.json").write_text(json.dumps(data), encoding="utf-8")
    return directory


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "c", [
        email("E1", STATEMENT + "\nKundennummer 4711", expected("debt_statement", 120.0, "4711")),
        email("E2", QUOTED, expected("inquiry", None)),
        email("E3", "Gesamtforderung: 80,00 EUR", expected("debt_statement", 75.0)),
    ])


def test_report_has_the_agreed_figures_as_fractions(corpus: Path) -> None:
    figures = report_json(run_extraction_eval(corpus))
    assert {"emails", "amount_accuracy", "intent_accuracy", "reference_accuracy", "noise_amounts"} <= set(figures)
    assert figures["emails"] == 3
    assert figures["amount_accuracy"] == 0.5
    assert figures["amount_emails"] == 2
    assert figures["reference_accuracy"] == 1.0
    assert figures["noise_amounts"] == 0
    assert json.loads(json.dumps(figures)) == figures


def test_every_miss_is_listed_with_its_evidence(corpus: Path) -> None:
    report = run_extraction_eval(corpus)
    misses = [(m.email_id, m.field, m.expected, m.predicted) for m in report.misses]
    assert ("E3", "total_amount", "75.00", "80.00") in misses
    text = report_text(report)
    assert "E3 total_amount: expected 75.00, predicted 80.00" in text
    assert "body line 1: Gesamtforderung: 80,00 EUR" in text


def test_a_total_predicted_where_none_is_stated_is_counted_separately(tmp_path: Path) -> None:
    directory = write_corpus(tmp_path / "d", [email("E1", "Saldo: 10,00 EUR", expected("debt_statement", None))])
    figures = report_json(run_extraction_eval(directory))
    assert figures["amount_unexpected"] == 1
    assert figures["amount_emails"] == 0


def test_intent_confusion_counts_expected_against_predicted(corpus: Path) -> None:
    figures = report_json(run_extraction_eval(corpus))
    assert figures["intent_confusion"]["debt_statement"] == {"debt_statement": 2}
    assert sum(figures["intent_confusion"]["inquiry"].values()) == 1


def test_predictions_do_not_depend_on_the_labels(tmp_path: Path) -> None:
    a = write_corpus(tmp_path / "a", [email("E1", STATEMENT, expected("debt_statement", 120.0))])
    b = write_corpus(tmp_path / "b", [email("E1", STATEMENT, expected("spam", 1.0, "X"))])
    first = [p.result for p in run_extraction_eval(a).predictions]
    second = [p.result for p in run_extraction_eval(b).predictions]
    assert first == second


def test_predictions_file_has_one_json_object_per_email_with_the_agreed_keys(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    write_predictions(run_extraction_eval(corpus), out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["E1", "E2", "E3"]
    assert set(rows[0]) == {"id", "intent", "total_amount", "amount_is_safe", "components", "creditor_reference",
                            "inquiry_id", "match_status", "match_confidence", "action", "auto_applied",
                            "applied_amount", "plan_decision_recorded", "plan_decision", "counter_offer"}
    assert rows[0]["total_amount"] == 120.0
    assert (rows[0]["inquiry_id"], rows[0]["action"], rows[0]["applied_amount"]) == (None, "none", None)


def test_a_matcher_hook_fills_the_match_fields(corpus: Path, tmp_path: Path) -> None:
    def matcher(mail: CorpusEmail, result: ExtractionResult, inquiries: object) -> MatchOutcome:
        return MatchOutcome(inquiry_id=f"INQ-{mail.id}", match_status="matched", match_confidence=0.9,
                            auto_applied=result.amount_is_safe, applied_amount=result.total_amount)

    out = tmp_path / "pred.jsonl"
    write_predictions(run_extraction_eval(corpus, matcher=matcher), out)
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert (first["inquiry_id"], first["match_status"], first["applied_amount"]) == ("INQ-E1", "matched", 120.0)


def _prediction(evidence: Evidence, value: str) -> Prediction:
    result = ExtractionResult(intent="debt_statement", intent_reasons=[], intent_confidence=0.9,
                              total_amount=Decimal(value), total_evidence=evidence)
    return Prediction(email_id="X", result=result, match=MatchOutcome(), seconds=0.0)


def test_noise_is_measured_from_the_evidence_of_the_predicted_total() -> None:
    quoted = Evidence(source="body", part="quoted", location="line 9", text="> Forderung 99,00 EUR")
    iban = Evidence(source="body", part="reply", location="line 3", text="IBAN DE00 1234 5678 9012 3456 78")
    clean = Evidence(source="body", part="reply", location="line 2", text="Gesamtforderung 99,00 EUR")
    assert [n.kind for n in noise_amounts(_prediction(quoted, "99.00"))] == ["quoted history"]
    assert [n.kind for n in noise_amounts(_prediction(iban, "5678.90"))] == ["iban"]
    assert noise_amounts(_prediction(clean, "99.00")) == []


def test_load_corpus_keeps_labels_apart_from_the_emails(corpus: Path) -> None:
    loaded = load_corpus(corpus)
    assert not hasattr(loaded.emails[0], "expected")
    assert loaded.labels["E3"].total_amount == Decimal("75.00")
    assert loaded.emails[0].to == ("glaeubiger+BS-2026-0001@kanzlei.example",)
    assert loaded.inquiries == (CorpusInquiry(id="INQ-1", client_name="Max Muster", client_birth_date=None,
                                              creditor_name="Muster GmbH", creditor_email="a@muster.example",
                                              creditor_reference="4711", firm_reference="BS-2026-0001",
                                              known_amount=Decimal("100.10"), sent_at="2026-08-01T10:00:00Z"),)


def test_a_corpus_may_list_several_recipients_and_the_replay_reads_them(tmp_path: Path) -> None:
    listed = email("E1", "Die Gesamtforderung beträgt 80,00 EUR.", expected("debt_statement", 80.0))
    listed["to"] = ["poststelle@kanzlei.example", "glaeubiger+BS-2026-0001@kanzlei.example"]
    directory = write_corpus(tmp_path / "c", [listed])
    assert load_corpus(directory).emails[0].to == ("poststelle@kanzlei.example",
                                                   "glaeubiger+BS-2026-0001@kanzlei.example")
    report = run_pipeline_eval(directory, get_settings(), tmp_path / "work")
    assert report.amount_correct == 1


def test_a_recipient_that_is_no_address_is_a_corpus_error(tmp_path: Path) -> None:
    odd = email("E1", "Gesamtforderung: 80,00 EUR", expected("debt_statement", 80.0))
    odd["to"] = {"address": "glaeubiger@kanzlei.example"}
    with pytest.raises(CorpusError, match="'to' must be an address"):
        load_corpus(write_corpus(tmp_path / "c", [odd]))


def test_a_missing_corpus_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError):
        run_extraction_eval(tmp_path / "nowhere")
