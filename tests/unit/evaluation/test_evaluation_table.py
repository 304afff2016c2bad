"""Each column of the headline table is counted against the labels, on small corpora written for it."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.evaluation import MatchOutcome, report_json, report_text, run_extraction_eval, table_row, write_predictions
from app.evaluation.corpus import CorpusEmail, CorpusInquiry, ExpectedLabels, read_labels
from app.evaluation.predict import Matcher, Prediction
from app.evaluation.scoring import noise_for
from app.evaluation.table import COLUMNS, Share
from app.services.extraction.result import Evidence, ExtractionResult

STATEMENT = "Hallo,\n\nunsere Gesamtforderung beläuft sich auf: 250,00 EUR\n\nGruß\nBeispiel AG"
HISTORY = ("Wir melden uns in Kürze.\n\n-----Ursprüngliche Nachricht-----\nVon: Kanzlei\n"
           "Ihre Forderung über 77,00 EUR")
NO_FIGURE = "Hallo,\n\nbitte senden Sie uns zuerst eine Vollmacht.\n\nGruß\nBeispiel AG"
BALANCE = "Hallo,\n\nSaldo: 40,00 EUR\n\nGruß\nBeispiel AG"


def mail(eid: str, body: str, *, intent: str, total: float | None, inquiry: str | None = "INQ-1",
         auto_ok: bool = False, decoys: Sequence[float] | None = None) -> dict[str, Any]:
    expected: dict[str, Any] = {"inquiry_id": inquiry, "intent": intent, "total_amount": total, "components": {},
                                "creditor_reference": None, "auto_update_ok": auto_ok, "notes": ""}
    if decoys is not None:
        expected["decoys"] = list(decoys)
    return {"id": eid, "received_at": "2026-10-01T09:00:00Z", "from_email": "post@beispiel.example",
            "from_name": "Beispiel AG", "to": "eingang@kanzlei.example", "subject": "Re: Ihre Anfrage",
            "body_text": body, "body_html": None, "attachments": [], "expected": expected}


def corpus(tmp_path: Path, emails: list[dict[str, Any]], name: str = "tiny") -> Path:
    directory = tmp_path / name
    directory.mkdir()
    inquiry = {"id": "INQ-1", "client_name": "Erika Beispiel", "creditor_name": "Beispiel AG",
               "creditor_email": "post@beispiel.example", "firm_reference": "KB-2026-0001", "known_amount": 240.0}
    data = {"firm": {"name": "Kanzlei"}, "inquiries": [inquiry], "emails": emails}
    (directory / "corpus.json").write_text(json.dumps(data), encoding="utf-8")
    return directory


def load_labels(decoys: Sequence[float] | None) -> ExpectedLabels:
    return read_labels(mail("Q", "", intent="debt_statement", total=12.0, decoys=decoys)["expected"])


def matcher(outcomes: Mapping[str, str]) -> Matcher:
    """Per email id: `write` (applies the extracted total to INQ-1), `review`, `other` (another inquiry),
    anything else no match."""

    def decide(email: CorpusEmail, result: ExtractionResult, inquiries: Sequence[CorpusInquiry]) -> MatchOutcome:
        kind = outcomes.get(email.id, "none")
        if kind == "write":
            return MatchOutcome(inquiry_id="INQ-1", match_status="matched", match_confidence=0.95,
                                auto_applied=True, applied_amount=result.total_amount)
        if kind == "review":
            return MatchOutcome(inquiry_id="INQ-1", match_status="matched", match_confidence=0.6, review_opened=True)
        if kind == "other":
            return MatchOutcome(inquiry_id="INQ-9", match_status="matched", match_confidence=0.9, review_opened=True)
        return MatchOutcome()

    return decide


def test_amount_exact_counts_only_emails_that_state_a_total(tmp_path: Path) -> None:
    row = table_row(run_extraction_eval(corpus(tmp_path, [
        mail("A", STATEMENT, intent="debt_statement", total=250.0),
        mail("B", STATEMENT, intent="debt_statement", total=260.0),
        mail("C", NO_FIGURE, intent="inquiry", total=None),
    ])))
    assert row.amount_exact == Share(1, 2)
    assert row.amount_exact.share == 0.5


def test_intent_counts_every_labelled_email(tmp_path: Path) -> None:
    row = table_row(run_extraction_eval(corpus(tmp_path, [
        mail("A", STATEMENT, intent="debt_statement", total=250.0),
        mail("B", STATEMENT, intent="settled", total=0.0),
        mail("C", NO_FIGURE, intent="inquiry", total=None),
    ])))
    assert row.intent == Share(2, 3)


def test_a_total_equal_to_a_labelled_decoy_is_a_noise_amount(tmp_path: Path) -> None:
    report = run_extraction_eval(corpus(tmp_path, [
        mail("A", STATEMENT, intent="debt_statement", total=199.0, decoys=[250.0, 3.0]),
        mail("B", STATEMENT, intent="debt_statement", total=199.0, decoys=[3.0]),
        mail("C", STATEMENT, intent="debt_statement", total=250.0, decoys=[3.0]),
    ]))
    row = table_row(report)
    assert row.noise_amounts_taken == 1, "only A's wrong total is one of its decoys; B is a plain miss"
    assert [(n.email_id, n.kind) for n in report.noise] == [("A", "labelled decoy")]
    assert row.noise_from == "decoys"


def test_with_decoys_labelled_the_extractors_own_noise_rules_do_not_count() -> None:
    quoted = Evidence(source="body", part="quoted", location="line 7", text="> offen: 77,00 EUR")
    result = ExtractionResult(intent="debt_statement", intent_reasons=[], intent_confidence=0.9,
                              total_amount=Decimal("77.00"), total_evidence=quoted)
    prediction = Prediction(email_id="Q", result=result, match=MatchOutcome(), seconds=0.0)
    labelled = load_labels(decoys=[5.0])
    unlabelled = load_labels(decoys=None)
    assert noise_for(prediction, labelled) == [], "77,00 is no labelled decoy: a miss, not noise"
    assert [n.kind for n in noise_for(prediction, unlabelled)] == ["quoted history"]
    assert [n.kind for n in noise_for(prediction, load_labels(decoys=[77.0]))] == ["labelled decoy"]


def test_without_decoy_labels_the_evidence_rule_still_judges_noise(tmp_path: Path) -> None:
    report = run_extraction_eval(corpus(tmp_path, [mail("A", STATEMENT, intent="debt_statement", total=250.0)]))
    row = table_row(report)
    assert row.noise_from == "evidence"
    assert row.noise_amounts_taken == 0
    assert "judged by their evidence" in report_text(report)


def test_a_total_where_none_is_stated_is_counted(tmp_path: Path) -> None:
    row = table_row(run_extraction_eval(corpus(tmp_path, [
        mail("A", BALANCE, intent="auto_reply", total=None),
        mail("B", NO_FIGURE, intent="inquiry", total=None),
        mail("C", BALANCE, intent="debt_statement", total=40.0),
    ])))
    assert row.amount_where_none_stated == 1


def test_without_a_matcher_the_matching_columns_stay_empty(tmp_path: Path) -> None:
    report = run_extraction_eval(corpus(tmp_path, [mail("A", STATEMENT, intent="debt_statement", total=250.0)]))
    row = table_row(report)
    assert (row.match, row.wrong_automatic_writes, row.auto_applied_needing_human,
            row.safe_cases_auto_applied) == (None, None, None, None)
    assert report_json(report)["table"]["match"] is None


def test_match_compares_the_inquiry_including_no_inquiry_at_all(tmp_path: Path) -> None:
    row = table_row(run_extraction_eval(corpus(tmp_path, [
        mail("A", STATEMENT, intent="debt_statement", total=250.0),
        mail("B", STATEMENT, intent="debt_statement", total=250.0),
        mail("S", NO_FIGURE, intent="spam", total=None, inquiry=None),
    ]), matcher=matcher({"A": "review", "B": "other"})))
    assert row.match == Share(2, 3)


def test_a_write_with_the_wrong_amount_or_inquiry_is_a_wrong_automatic_write(tmp_path: Path) -> None:
    report = run_extraction_eval(corpus(tmp_path, [
        mail("A", STATEMENT, intent="debt_statement", total=250.0, auto_ok=True),
        mail("B", STATEMENT, intent="debt_statement", total=255.0, auto_ok=True),
        mail("C", STATEMENT, intent="debt_statement", total=250.0, inquiry="INQ-2", auto_ok=True),
    ]), matcher=matcher({"A": "write", "B": "write", "C": "write"}))
    assert table_row(report).wrong_automatic_writes == 2
    assert report.matching is not None
    assert [w.email_id for w in report.matching.wrong_writes] == ["B", "C"]


def test_a_right_write_on_an_email_not_labelled_auto_update_ok_needed_a_human(tmp_path: Path) -> None:
    report = run_extraction_eval(corpus(tmp_path, [
        mail("A", STATEMENT, intent="debt_statement", total=250.0, auto_ok=True),
        mail("P", STATEMENT, intent="payment_plan", total=250.0, auto_ok=False),
        mail("R", STATEMENT, intent="debt_statement", total=250.0, auto_ok=False),
    ]), matcher=matcher({"A": "write", "P": "write", "R": "review"}))
    row = table_row(report)
    assert row.wrong_automatic_writes == 0
    assert row.auto_applied_needing_human == Share(1, 2)
    assert "AUTO-APPLIED, NEEDED A HUMAN P" in report_text(report)
    assert "| 1 of 2 |" in report_text(report)


def test_safe_cases_applied_is_the_share_of_auto_update_ok_emails_written_right(tmp_path: Path) -> None:
    row = table_row(run_extraction_eval(corpus(tmp_path, [
        mail("A", STATEMENT, intent="debt_statement", total=250.0, auto_ok=True),
        mail("B", STATEMENT, intent="debt_statement", total=250.0, auto_ok=True),
        mail("C", STATEMENT, intent="debt_statement", total=251.0, auto_ok=True),
        mail("D", STATEMENT, intent="debt_statement", total=250.0, auto_ok=True),
        mail("N", STATEMENT, intent="debt_statement", total=250.0, auto_ok=False),
    ]), matcher=matcher({"A": "write", "B": "review", "C": "write", "N": "write"})))
    assert row.safe_cases_auto_applied == Share(1, 4), "B went to review, C was written wrong, D not at all"


def test_the_predictions_file_carries_what_a_grader_scores(tmp_path: Path) -> None:
    report = run_extraction_eval(corpus(tmp_path, [
        mail("A", STATEMENT, intent="debt_statement", total=250.0, auto_ok=True),
        mail("B", STATEMENT, intent="debt_statement", total=250.0),
        mail("C", NO_FIGURE, intent="inquiry", total=None),
    ]), matcher=matcher({"A": "write", "B": "review"}))
    out = tmp_path / "predictions.jsonl"
    write_predictions(report, out)
    rows = {row["id"]: row for row in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert [rows[i]["action"] for i in "ABC"] == ["auto-applied", "review", "none"]
    assert rows["A"]["inquiry_id"] == "INQ-1" and rows["C"]["inquiry_id"] is None
    assert rows["A"]["total_amount"] == 250.0 and rows["A"]["intent"] == "debt_statement"
    assert isinstance(rows["A"]["amount_is_safe"], bool)


def test_json_and_text_carry_the_same_row(tmp_path: Path) -> None:
    report = run_extraction_eval(corpus(tmp_path, [
        mail("A", STATEMENT, intent="debt_statement", total=250.0, auto_ok=True),
    ], name="my-corpus"), matcher=matcher({"A": "write"}))
    table = report_json(report)["table"]
    assert [key for key in table if key not in ("corpus", "emails", "noise_from")] == [key for key, _ in COLUMNS]
    assert table["amount_exact"] == {"share": 1.0, "n": 1, "of": 1}
    assert table["auto_applied_needing_human"] == {"share": 0.0, "n": 0, "of": 1}
    text = report_text(report)
    assert "| corpus (emails) | amount exact | intent | noise amounts taken |" in text
    assert ("| `my-corpus` (1) | 100 % (1/1) | 100 % (1/1) | 0 | 0 | 100 % (1/1) | 0 | 0 of 1 | 100 % (1/1) |"
            in text)
