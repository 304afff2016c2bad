"""`creditor-matcher eval` on a plan corpus: --json gains plan_decision_accuracy and counter_offer_accuracy,
--predictions lines carry plan_decision and counter_offer; a first-round corpus reports none of that."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.cli import main

OFFER = {"type": "quota", "quota_percent": 12.0, "offer_amount": 288.0, "monthly_rate": 4.8, "months": 60,
         "reply_by": "2027-03-01"}
CORPUS: dict[str, Any] = {
    "firm": {"name": "Kanzlei Tessmann", "inbound_address": "plan@tessmann.example"},
    "inquiries": [
        {"id": "T-1", "client_name": "Ilse Vormbrock", "firm_reference": "TS-2027-0501",
         "creditor_name": "Hafenbank Kiel AG", "creditor_email": "sanierung@hafenbank.example",
         "creditor_reference": "HB-55120", "known_amount": 2400.0, "letter_type": "plan", "plan_offer": OFFER},
        {"id": "T-2", "client_name": "Ilse Vormbrock", "firm_reference": "TS-2027-0501",
         "creditor_name": "Möbelhaus Sandkrug GmbH", "creditor_email": "buchhaltung@sandkrug.example",
         "creditor_reference": "MS-90311", "known_amount": 610.0, "letter_type": "plan",
         "plan_offer": {**OFFER, "offer_amount": 73.2, "monthly_rate": 1.22}},
    ],
    "emails": [
        {"id": "X1", "received_at": "2027-02-10T09:00:00Z", "from_email": "sanierung@hafenbank.example",
         "to": "plan+TS-2027-0501@tessmann.example",
         "subject": "AW: Schuldenbereinigungsplan Ilse Vormbrock – HB-55120 – Ihr Az. TS-2027-0501",
         "body_text": "Guten Tag,\n\nwir tragen den Plan für Frau Vormbrock mit.\n\nHafenbank Kiel AG\n",
         "expected": {"inquiry_id": "T-1", "intent": "plan_response", "plan_decision": "accepted",
                      "counter_offer": None, "total_amount": None, "creditor_reference": "HB-55120",
                      "auto_update_ok": False}},
        {"id": "X2", "received_at": "2027-02-11T09:00:00Z", "from_email": "buchhaltung@sandkrug.example",
         "to": "plan+TS-2027-0501@tessmann.example",
         "subject": "Plan Vormbrock – Kundennummer MS-90311 – Ihr Az. TS-2027-0501",
         "body_text": "Hallo,\n\nmit 12 % sind wir nicht einverstanden, bei 20 % würden wir zustimmen.\n\nGruß\n",
         "expected": {"inquiry_id": "T-2", "intent": "plan_response", "plan_decision": "counter_offer",
                      "counter_offer": {"quota_percent": 20}, "total_amount": None,
                      "creditor_reference": "MS-90311", "auto_update_ok": False}},
    ],
}


def test_eval_of_a_plan_corpus_scores_decisions_and_counter_offers(
        sqlite_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "plan"
    corpus.mkdir()
    (corpus / "corpus.json").write_text(json.dumps(CORPUS), encoding="utf-8")
    predictions = tmp_path / "predictions.jsonl"
    assert main(["eval", str(corpus), "--json", "--predictions", str(predictions)]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert (figures["plan_decision_accuracy"], figures["counter_offer_accuracy"]) == (1.0, 1.0)
    assert (figures["claims_written_from_plan_replies"], figures["decisions_recorded_alone"]) == (0, 1)
    rows = {row["id"]: row for row in map(json.loads, predictions.read_text().splitlines())}
    assert (rows["X1"]["plan_decision"], rows["X1"]["counter_offer"]) == ("accepted", None)
    assert (rows["X2"]["plan_decision"], rows["X2"]["counter_offer"]) == ("counter_offer", {"quota_percent": 20.0})


def test_eval_of_a_first_round_corpus_has_no_plan_figures(
        sqlite_database: str, corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    predictions = tmp_path / "predictions.jsonl"
    assert main(["eval", str(corpus_dir), "--json", "--predictions", str(predictions)]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert "plan_decision_accuracy" not in figures
    rows = [json.loads(line) for line in predictions.read_text().splitlines()]
    assert all(row["plan_decision"] is None and row["counter_offer"] is None for row in rows)
