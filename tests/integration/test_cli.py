"""`creditor-matcher` from the terminal: migrate, ingest a .eml or webhook JSON, list/show/retry."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select

from app import migrations, queue
from app.cli import main
from app.database import session_scope
from app.models.inquiry import InquiryNameKey
from tests.conftest import SetEnv
from tests.integration.matching.support import add_inquiry
from tests.support.factories import insert_email, payload

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, object]:
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip().startswith("{") else out


def test_ingesting_an_eml_with_now_processes_it_here(
    sqlite_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, result = run(capsys, "ingest", str(FIXTURES / "reply.eml"), "--now")
    assert code == 0
    assert isinstance(result, dict) and result["processing"] == "completed"
    code, shown = run(capsys, "jobs", "show", str(result["email_id"]))
    assert isinstance(shown, dict)
    assert shown["from_email"] == "forderung@nordbank.example"
    assert shown["subject"] == "AW: Forderungsanfrage Jürgen Weißbach"
    assert "3.212,32" in shown["extracted_data"]["body"]["reply_text"]
    assert "3.120,45" not in shown["extracted_data"]["body"]["reply_text"]


def test_ingesting_the_same_eml_twice_is_a_duplicate(
    sqlite_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, first = run(capsys, "ingest", str(FIXTURES / "reply.eml"))
    _, second = run(capsys, "ingest", str(FIXTURES / "reply.eml"))
    assert isinstance(first, dict) and isinstance(second, dict)
    assert second == {"status": "duplicate", "email_id": first["email_id"]}


def test_ingesting_webhook_json_validates_it(
    sqlite_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(payload()))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(payload(from_email="not-an-address")))
    assert run(capsys, "ingest", str(good))[0] == 0
    assert main(["ingest", str(bad)]) == 1
    assert "from_email" in capsys.readouterr().err


def test_jobs_list_retry_and_the_errors_an_operator_sees(
    sqlite_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    failed = insert_email("failed", processing_error="boom")
    done = insert_email("completed")
    _, listing = run(capsys, "jobs", "list", "--status", "failed")
    assert isinstance(listing, dict) and [j["id"] for j in listing["jobs"]] == [failed]
    _, retried = run(capsys, "jobs", "retry", str(failed))
    assert isinstance(retried, dict) and retried["processing_status"] == "queued"
    assert main(["jobs", "retry", str(done)]) == 1
    assert "only failed jobs" in capsys.readouterr().err
    assert main(["jobs", "show", "999999"]) == 1


def test_eval_replays_the_corpus_through_the_pipeline_on_a_scratch_database(
    sqlite_database: str, set_env: SetEnv, corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A broker nobody listens on: the replay must not send anything anywhere.
    set_env(redis_url="redis://127.0.0.1:1/0", smtp_host="127.0.0.1", smtp_port=1)
    predictions = tmp_path / "predictions.jsonl"
    code, figures = run(capsys, "eval", str(corpus_dir), "--json", "--predictions", str(predictions))
    assert code == 0 and isinstance(figures, dict)
    assert figures["emails"] == 30
    for key in ("amount_accuracy", "intent_accuracy", "reference_accuracy", "match_accuracy",
                "auto_apply_precision", "auto_apply_recall"):
        assert 0 <= figures[key] <= 1
    assert figures["noise_amounts"] == 0
    assert figures["wrong_auto_writes"] == 0
    assert figures["auto_apply_recall"] >= 0.85
    rows = [json.loads(line) for line in predictions.read_text().splitlines()]
    assert len(rows) == 30
    assert set(rows[0]) >= {"id", "intent", "total_amount", "components", "creditor_reference", "inquiry_id",
                            "match_status", "match_confidence", "auto_applied", "applied_amount"}
    applied = [row for row in rows if row["auto_applied"]]
    assert applied and all(row["inquiry_id"] and row["applied_amount"] is not None for row in applied)
    _, listing = run(capsys, "jobs", "list")
    assert isinstance(listing, dict) and listing["total"] == 0, "the operator's database stays untouched"


def test_eval_of_a_folder_without_a_corpus_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", str(tmp_path)]) == 1
    assert "corpus.json" in capsys.readouterr().err


def test_ingesting_an_eml_reads_its_attached_pdf(
    sqlite_database: str, corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    message = EmailMessage()
    message["From"] = "Stadtwerke <forderung@stadtwerke.example>"
    message["To"] = "glaeubiger@kanzlei.example"
    message["Subject"] = "Forderungsaufstellung"
    message.set_content("Sehr geehrte Damen und Herren,\nanbei die Aufstellung.\nMit freundlichen Grüßen")
    pdf = (corpus_dir / "attachments" / "E015-forderungsaufstellung.pdf").read_bytes()
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename="aufstellung.pdf")
    eml = tmp_path / "with-pdf.eml"
    eml.write_bytes(message.as_bytes())
    _, result = run(capsys, "ingest", str(eml), "--now")
    assert isinstance(result, dict) and result["processing"] == "completed"
    _, shown = run(capsys, "jobs", "show", str(result["email_id"]))
    assert isinstance(shown, dict)
    extraction = shown["extracted_data"]["extraction"]
    assert extraction["attachments"][0] == {**extraction["attachments"][0], "filename": "aufstellung.pdf",
                                            "status": "ok"}
    assert extraction["total_amount"] is not None


def test_eval_leaves_the_process_broker_as_it_was(
    sqlite_database: str, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = queue.get_broker()
    assert main(["eval", str(corpus_dir), "--json"]) == 0
    capsys.readouterr()
    assert queue.get_broker() is before


def test_reindex_rebuilds_name_keys_written_with_an_older_folding(
    sqlite_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    migrations.upgrade()
    with session_scope() as session:
        inquiry = add_inquiry(session, "INQ-R1", "Paweł Łukasik", "KW-2026-0001")
        for key in inquiry.name_keys:  # as an older fold without ł left them
            key.value = key.value.replace("l", "ł") if key.kind == "token" else key.value
    code, result = run(capsys, "inquiries", "reindex")
    assert code == 0 and result == {"reindexed": 1}
    with session_scope() as session:
        tokens = set(session.scalars(select(InquiryNameKey.value).where(InquiryNameKey.kind == "token")))
    assert {"pawel", "lukasik"} <= tokens
    code, result = run(capsys, "inquiries", "reindex")
    assert result == {"reindexed": 0}


def test_a_retry_from_the_cli_names_its_operator_in_the_history(
    sqlite_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    failed = insert_email("failed", processing_error="boom")
    assert main(["jobs", "retry", str(failed), "--operator", "Jana Sommer", "--json"]) == 0
    capsys.readouterr()
    _, shown = run(capsys, "jobs", "show", str(failed), "--json")
    assert isinstance(shown, dict)
    assert any("Jana Sommer" in (event.get("message") or "") for event in shown["events"])
