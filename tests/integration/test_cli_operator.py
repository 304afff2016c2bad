"""`creditor-matcher` for operators on real databases: reviews decided from the terminal with the same audit
as the API, a corpus folder or a directory of .eml files fed in, the schema moved up and down to a named
revision, and a command run from elsewhere that says where it looked instead of creating a database."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select

from app import migrations
from app.cli import main
from app.commands import locate
from app.config import get_settings
from app.database import get_engine, session_scope
from app.models import JobEvent
from tests.conftest import SetEnv
from tests.integration.plans.test_plan_replies import plan_letter, process, recorded
from tests.security.reviews import open_review
from tests.support.servers import scratch_database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    out = captured.out.strip()
    return code, json.loads(out) if out.startswith(("{", "[")) else out, captured.err


def test_a_review_is_listed_shown_and_corrected_with_an_amount_in_german_notation(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = open_review()
    code, listing, _ = run(capsys, "reviews", "list")
    assert code == 0 and [r["id"] for r in listing["reviews"]] == [opened.review_id]
    _, shown, _ = run(capsys, "reviews", "show", str(opened.review_id))
    assert shown["status"] == "open" and shown["proposed_amount"] == "2480.00"
    code, decided, _ = run(capsys, "reviews", "correct", str(opened.review_id), "--amount", "2.500,00",
                           "--reviewer", "H. Lindqvist", "--note", "laut Rückruf")
    assert code == 0
    assert (decided["status"], decided["final_amount"], decided["decided_by"]) == ("corrected", "2500.00",
                                                                                  "H. Lindqvist")
    with session_scope() as session:
        event = session.scalars(select(JobEvent).where(JobEvent.kind == "review_corrected")).one()
        assert event.details is not None and event.details["reviewer"] == "H. Lindqvist"
        assert event.message == "laut Rückruf"
    _, still_open, _ = run(capsys, "reviews", "list")
    assert still_open["total"] == 0
    _, every, _ = run(capsys, "reviews", "list", "--all")
    assert every["total"] == 1


def test_a_review_is_decided_once_and_a_second_decision_is_one_error_line(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = open_review(), open_review()
    assert run(capsys, "reviews", "approve", str(first.review_id), "--reviewer", "K. Ruhnau")[0] == 0
    code, _, err = run(capsys, "reviews", "reject", str(first.review_id), "--reviewer", "K. Ruhnau")
    assert code == 1 and err.strip() == f"error: review {first.review_id} is already approved"
    code, rejected, _ = run(capsys, "reviews", "reject", str(second.review_id), "--reviewer", "K. Ruhnau",
                            "--note", "keine Forderung")
    assert code == 0 and rejected["status"] == "rejected" and rejected["final_amount"] is None
    code, _, err = run(capsys, "reviews", "correct", str(second.review_id), "--reviewer", "K. Ruhnau",
                       "--amount", "viel")
    assert code == 1 and "not an amount: 'viel'" in err


def test_a_decision_without_a_reviewer_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["reviews", "approve", "1"])
    assert exit_.value.code == 2 and "--reviewer" in capsys.readouterr().err


def test_a_plan_review_takes_a_counter_offer_written_with_german_commas(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    inquiry_id = plan_letter()
    process("wir stimmen zu, sofern die monatliche Rate auf 3,00 € angehoben wird.")
    _, listing, _ = run(capsys, "reviews", "list")
    [review] = listing["reviews"]
    code, decided, _ = run(capsys, "reviews", "correct", str(review["id"]), "--reviewer", "S. Brandl",
                           "--counter-offer", "months=48,monthly_rate=3,50")
    assert code == 0, decided
    assert decided["final_plan_decision"] == "counter_offer"
    [row] = recorded(inquiry_id)
    assert (row.decision, row.counter_offer, row.decided_by) == (
        "counter_offer", {"monthly_rate": "3.50", "months": "48"}, "S. Brandl")


def write_corpus(directory: Path, attachment: bytes) -> None:
    (directory / "attachments").mkdir(parents=True)
    (directory / "attachments" / "liste.txt").write_bytes(attachment)
    emails = [{"id": f"T{n}", "received_at": f"2026-02-0{n}T09:00:00+00:00", "from_email": f"r{n}@gl.example",
               "subject": f"Forderung {n}", "body_text": f"Offen sind {n}00,00 EUR.",
               "attachments": [{"file": "attachments/liste.txt", "filename": "liste.txt",
                                "content_type": "text/plain"}] if n == 2 else []} for n in (2, 1)]
    inquiries = [{"id": "TI-1", "client_name": "Ortrun Beeskow", "creditor_name": "Glasfaser Nord",
                  "firm_reference": "KB-2026-0101", "known_amount": "100.00"}]
    (directory / "corpus.json").write_text(json.dumps({"emails": emails, "inquiries": inquiries}))


def test_a_corpus_folder_is_fed_in_by_arrival_with_its_inquiries_and_a_second_time_is_all_duplicates(
    sqlite_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_corpus(tmp_path / "corpus", b"Hauptforderung | 200,00\n")
    code, fed, _ = run(capsys, "ingest", str(tmp_path / "corpus"), "--inquiries", "--now")
    assert code == 0 and fed["kind"] == "corpus" and fed["inquiries"] == {"created": 1, "updated": 0}
    assert [e["source"] for e in fed["emails"]] == ["T1", "T2"]
    assert {e["processing"] for e in fed["emails"]} == {"completed"}
    _, shown, _ = run(capsys, "jobs", "show", str(fed["emails"][1]["email_id"]))
    assert shown["extracted_data"]["extraction"]["attachments"][0]["filename"] == "liste.txt"
    _, again, _ = run(capsys, "ingest", str(tmp_path / "corpus"))
    assert again["counts"] == {"duplicate": 2}


def eml(sender: str, text: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "posteingang@kanzlei.example"
    message["Subject"] = "Ihre Anfrage"
    message.set_content(text)
    return message.as_bytes()


def test_a_directory_of_eml_files_goes_on_past_an_unreadable_file_and_exits_non_zero(
    sqlite_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.eml").write_bytes(eml("eins@glaeubiger.example", "Offen: 80,00 EUR"))
    (tmp_path / "b.json").write_text("{not json")
    (tmp_path / "c.eml").write_bytes(eml("zwei@glaeubiger.example", "Offen: 90,00 EUR"))
    (tmp_path / "notes.txt").write_text("not an email")
    code, fed, _ = run(capsys, "ingest", str(tmp_path))
    assert code == 1
    assert [(e["source"], e["status"] == "unreadable") for e in fed["emails"]] == [
        ("a.eml", False), ("b.json", True), ("c.eml", False)]
    _, listing, _ = run(capsys, "jobs", "list")
    assert listing["total"] == 2


def revision_and_tables(url: str) -> tuple[str | None, set[str]]:
    return locate.current_revision(), set(inspect(get_engine()).get_table_names())


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path, set_env: SetEnv) -> Any:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh.db'}"
        set_env(database_url=url)
        yield url
        return
    with scratch_database(request.getfixturevalue("postgres_admin")) as url:
        set_env(database_url=url)
        yield url
        set_env(database_url=None)


def test_migrate_moves_to_a_revision_down_and_up_and_refuses_an_unknown_one(
    empty_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    head = ScriptDirectory.from_config(migrations.alembic_config(empty_database)).get_current_head()
    code, said, _ = run(capsys, "migrate")
    assert code == 0 and said.endswith(f"{head}")
    code, said, _ = run(capsys, "migrate", "0002")
    assert code == 0 and said.endswith(f"moved down from {head} to 0002")
    revision, tables = revision_and_tables(empty_database)
    assert revision == "0002" and "plan_decisions" not in tables and "reviews" in tables
    code, _, err = run(capsys, "migrate", "0999")
    assert code == 2 and err.strip().splitlines()[-1].startswith("error: unknown revision '0999' (known: 0001,")
    assert revision_and_tables(empty_database)[0] == "0002"
    code, said, _ = run(capsys, "migrate", "0003")
    assert code == 0 and said.endswith("moved up from 0002 to 0003")
    code, _, err = run(capsys, "jobs", "list")
    assert code == 1 and f"is at revision 0003, this version needs {head}" in err
    code, said, _ = run(capsys, "migrate", "base")
    assert code == 0 and revision_and_tables(empty_database) == (None, {"alembic_version"})
    assert run(capsys, "migrate")[0] == 0
    assert revision_and_tables(empty_database)[0] == head


def test_a_command_run_from_another_directory_says_where_it_looked_and_creates_nothing(
    set_env: SetEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    set_env(database_url=None, creditor_matcher_home=str(home))
    expected = home / "var" / "creditor_matcher.db"
    assert get_settings().database_url == f"sqlite:///{expected}"
    code, _, err = run(capsys, "jobs", "list")
    assert code == 1
    assert err.strip() == (f"error: no database at {expected} (the default: DATABASE_URL is set neither in the "
                           f"environment nor in {home / '.env'} or {elsewhere / '.env'}); run `creditor-matcher "
                           "migrate` or set DATABASE_URL")
    assert run(capsys, "ingest", str(elsewhere / "x.eml"))[0] == 1
    assert not home.exists() and list(elsewhere.iterdir()) == []
    assert run(capsys, "migrate")[0] == 0
    monkeypatch.chdir(tmp_path)
    code, listing, _ = run(capsys, "jobs", "list")
    assert code == 0 and listing["total"] == 0 and expected.is_file()


def test_a_database_named_in_a_dot_env_file_is_reported_as_such(
    set_env: SetEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("DATABASE_URL=sqlite:///data/cm.db\n")
    set_env(database_url=None, creditor_matcher_home=str(tmp_path))
    code, _, err = run(capsys, "reviews", "list")
    assert code == 1 and f"no database at {tmp_path / 'data' / 'cm.db'} (DATABASE_URL from {tmp_path / '.env'})" in err
