"""`creditor-matcher calibration` over reviews the matching stage really opened and reviewers really decided:
the jump limit could be raised to the jump a human confirmed, not to the one a human rejected."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from rich.console import Console

from app.cli import main
from app.commands.calibration import view
from app.config import get_settings
from app.database import session_scope
from app.services import calibration, matching_stage, review
from tests.integration.matching.support import add_inquiry, add_reply, stated


def jump_review(ident: str, client: str, reference: str, account: str, total: str) -> int:
    """A clean statement for `client` whose total is far from the known 412,80 €: a review for the jump."""
    with session_scope() as session:
        add_inquiry(session, ident, client, reference, creditor_reference=account, known_amount=Decimal("412.80"))
        email = add_reply(session, body=f"zum Konto {account} Ihres Mandanten {client} beträgt die Forderung "
                                        f"{total} EUR.")
        outcome = matching_stage.match_and_apply(session, email, stated(total), get_settings())
        assert outcome.review_id is not None, outcome
        return outcome.review_id


def test_calibration_counts_rules_confirmations_and_a_safe_jump_limit(
    sqlite_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    confirmed = jump_review("INQ-1", "Jürgen Weißbach", "BS-2026-0117", "4401 882 310", "550.00")  # +33 %
    refused = jump_review("INQ-2", "Dragan Petrović", "BS-2026-0170", "4401 905 772", "1236.42")  # +200 %
    jump_review("INQ-3", "Hilde Sommer", "BS-2026-0171", "4401 905 999", "700.00")  # +70 %, still open
    settings = get_settings()
    with session_scope() as session:
        review.approve(session, confirmed, "M. Becker", None, settings)
    with session_scope() as session:
        review.reject(session, refused, "M. Becker", "Schadensersatz nicht geschuldet")

    assert main(["calibration", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["reviews"], report["open"], report["decided"], report["confirmed"]) == (3, 1, 2, 1)
    assert report["outcomes"] == {"approved": 1, "rejected": 1}
    jump_rule = next(r for r in report["rules"] if r["rule"] == "claim_jump_limit")
    assert (jump_rule["reviews"], jump_rule["sole_cause"], jump_rule["decided"], jump_rule["confirm_rate"]) == (
        3, 3, 2, 0.5)
    limit = next(t for t in report["thresholds"] if t["setting"] == "CLAIM_JUMP_LIMIT")
    assert limit["current"] == 0.25
    assert [(c["value"], c["removed"], c["wrong_writes"]) for c in limit["candidates"]] == [
        (0.33, 1, 0), (0.7, 2, 0), (2.0, 3, 1)]
    assert (limit["safe_value"], limit["removed_at_safe"]) == (0.7, 2)

    assert main(["calibration", "--since", "2999-01-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reviews"] == 0
    assert main(["calibration", "--since", "last week"]) == 1
    assert "--since" in capsys.readouterr().err


def test_the_terminal_view_words_the_report(sqlite_database: str) -> None:
    refused = jump_review("INQ-1", "Jürgen Weißbach", "BS-2026-0117", "4401 882 310", "1236.42")
    with session_scope() as session:
        review.reject(session, refused, "M. Becker", None)
        report = calibration.build(session, get_settings())
    console = Console(record=True, width=200)
    console.print(view(report))
    shown = console.export_text()
    assert "claim_jump_limit" in shown and "0 of 1 (0%)" in shown
    assert "2: −1 (1 wrong)" in shown and "none without a wrong write" in shown
