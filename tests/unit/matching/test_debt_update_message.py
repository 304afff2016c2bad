"""The case handler's German debt-update mail: old and new totals in German format, who changed it."""

from __future__ import annotations

from typing import Any

from app.services.notifiers import debt_update


def payload(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "inquiry": {"id": "INQ-1", "firm_reference": "BS-2026-0117", "client_name": "Jürgen Weißbach",
                    "creditor_name": "Nordbank Hanse AG", "creditor_reference": "4401 882 310"},
        "claim": {"amount": "12873.55", "currency": "EUR", "status": "open", "version": 2,
                  "components": {"principal": "12104.20", "interest": "689.35", "costs": "80.00"}},
        "previous": {"amount": "12400.00", "components": {}, "status": "open"},
        "actor_kind": "system", "changed_by": "system", "note": None,
        "source_email_id": 7, "source_received_at": "2026-09-08T11:30:00+00:00",
    }
    data.update(overrides)
    return data


def test_amounts_are_written_the_german_way() -> None:
    assert debt_update.euro("12873.55") == "12.873,55 EUR"
    assert debt_update.euro("5") == "5,00 EUR"
    assert debt_update.euro(None) == "unbekannt"


def test_the_mail_names_case_old_and_new_total_and_components() -> None:
    message = debt_update.build(payload(), sender="cm@kanzlei.example", recipient="sb@kanzlei.example")
    text = message.get_content()
    assert message["Subject"] == "Forderung aktualisiert: Jürgen Weißbach – Nordbank Hanse AG (Az. BS-2026-0117)"
    assert "Bisher:  12.400,00 EUR" in text
    assert "Neu:     12.873,55 EUR" in text
    assert "Hauptforderung 12.104,20 EUR, Zinsen 689,35 EUR, Kosten 80,00 EUR" in text
    assert "automatisch" in text
    assert message.get_content_type() == "text/plain"


def test_a_reviewers_change_names_the_reviewer_and_the_note() -> None:
    text = debt_update.body(payload(actor_kind="reviewer", changed_by="M. Becker", note="telefonisch bestätigt"))
    assert "M. Becker (Prüfung)" in text
    assert "Notiz:    telefonisch bestätigt" in text
