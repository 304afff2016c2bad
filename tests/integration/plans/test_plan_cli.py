"""`creditor-matcher plan FIRM_REFERENCE`: JSON when asked or piped, a readable table on a terminal, and a
one-line error for a client without plan letters."""

from __future__ import annotations

import json
import re
import sys
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from app.cli import main
from app.database import session_scope
from app.services.plans import decisions
from tests.integration.matching.support import add_inquiry


def seed() -> None:
    with session_scope() as session:
        letters = [
            add_inquiry(session, ident, "Tjark Hollmann", "KT-2027-0520", creditor_name=creditor,
                        known_amount=claim, letter_type="plan",
                        plan_offer={"type": "quota", "quota_percent": "5", "offer_amount": "60.00",
                                    "monthly_rate": "1.00", "months": 60, "reply_by": "2026-01-31"})
            for ident, creditor, claim in (("PC-1", "Heidekreis Bank eG", "1200.00"),
                                           ("PC-2", "Versandhaus Ohlsen", "800.00"),
                                           ("PC-3", "Telefonica Nordlicht", None))]
        decisions.record(session, letters[0], decisions.NewDecision(
            decision="accepted", actor_kind="reviewer", decided_by="Frau Quandt",
            effective_at=datetime(2026, 1, 20, 9, tzinfo=UTC)))
        decisions.record(session, letters[1], decisions.NewDecision(
            decision="counter_offer", actor_kind="system", decided_by="reply-reader",
            effective_at=datetime(2026, 1, 22, 9, tzinfo=UTC), counter_offer={"quota_percent": Decimal("12")}))


def test_piped_output_is_the_same_json_as_the_api(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    seed()
    capsys.readouterr()
    assert main(["plan", "kt-2027-0520"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["outcome"] == "failed" and body["certificate_of_failure"] is True
    by_id = {c["inquiry_id"]: c for c in body["creditors"]}
    assert [c["inquiry_id"] for c in body["creditors"]] == ["PC-1", "PC-3", "PC-2"]  # by creditor name
    assert (by_id["PC-1"]["decision"], by_id["PC-2"]["decision"], by_id["PC-3"]["decision"]) == (
        "accepted", "counter_offer", None)
    assert by_id["PC-2"]["counter_offer"] == {"quota_percent": "12"}
    assert by_id["PC-3"]["overdue"] is True
    replacement = body["replacement"]
    assert (replacement["heads_agreed"], replacement["heads_total"]) == (1, 3)
    assert (replacement["claims_agreed"], replacement["claims_total"], replacement["claims_percent"]) == (
        "1200.00", "2000.00", "60.00")


def test_a_terminal_gets_a_table_in_german_notation(database: str, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    seed()
    capsys.readouterr()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "220")
    assert main(["plan", "KT-2027-0520"]) == 0
    out = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)
    assert out.startswith("Settlement plan of Tjark Hollmann (KT-2027-0520)")
    lines = out.splitlines()
    bank = next(line for line in lines if "PC-1" in line)
    assert "1.200,00 €" in bank and "quota 5,00 % 60,00 € 1,00 € × 60" in bank and "Frau Quandt (reviewer)" in bank
    assert "counter_offer" in next(line for line in lines if "PC-2" in line)
    assert "12,00 %" in next(line for line in lines if "PC-2" in line)
    assert "no answer, OVERDUE" in next(line for line in lines if "PC-3" in line)
    assert re.search(r"Agreed by heads +1 of 3 \(33,33 %\)", out)
    assert re.search(r"Agreed by claims +1\.200,00 € of 2\.000,00 € \(60,00 %\); 1 claim\(s\) without a figure", out)
    assert re.search(r"Outcome +failed — the certificate of failure can be issued", out)
    assert re.search(r"§ 309 InsO +not possible", out)


def test_json_is_printed_on_a_terminal_when_asked(database: str, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    seed()
    capsys.readouterr()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["plan", "KT-2027-0520", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["firm_reference"] == "KT-2027-0520"


def test_a_client_without_plan_letters_is_an_error_line(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "KT-0000-0001"]) == 1
    assert capsys.readouterr().err.strip().splitlines()[-1] == "error: no plan letters for client 'KT-0000-0001'"
