"""notifiers/debt_update.py — German plain-text mail about one applied claim change, built from its payload."""

from __future__ import annotations

from decimal import Decimal
from email.message import EmailMessage
from typing import Any

from app.services import money
from app.services.notifiers.smtp import build_message

COMPONENT_NAMES = {"principal": "Hauptforderung", "interest": "Zinsen", "costs": "Kosten"}
STATUS_NAMES = {"open": "offen", "settled": "erledigt"}


def euro(value: str | Decimal | None, currency: str = "EUR") -> str:
    """German money format: 12873.55 → "12.873,55 EUR"; None → "unbekannt"."""
    if value is None:
        return "unbekannt"
    return money.format_amount(money.exact(value), currency)


def _who(payload: dict[str, Any]) -> str:
    if payload.get("actor_kind") == "reviewer":
        return f"{payload.get('changed_by', '')} (Prüfung)"
    return "automatisch (Antwort des Gläubigers)"


def subject(payload: dict[str, Any]) -> str:
    inquiry = payload["inquiry"]
    who = f"{inquiry['client_name']} – {inquiry['creditor_name']}"
    return f"Forderung aktualisiert: {who} (Az. {inquiry['firm_reference']})"


def body(payload: dict[str, Any]) -> str:
    inquiry, claim, previous = payload["inquiry"], payload["claim"], payload["previous"]
    currency = claim.get("currency", "EUR")
    lines = [
        "Guten Tag,",
        "",
        f"die Forderung von {inquiry['creditor_name']} gegen {inquiry['client_name']} "
        f"(Az. {inquiry['firm_reference']}, Vorgang {inquiry['id']}) wurde aktualisiert.",
        "",
        f"Bisher:  {euro(previous.get('amount'), currency)}",
        f"Neu:     {euro(claim.get('amount'), currency)}",
    ]
    components = claim.get("components") or {}
    if components:
        parts = [f"{COMPONENT_NAMES.get(name, name)} {euro(value, currency)}" for name, value in components.items()]
        lines.append("davon:   " + ", ".join(parts))
    lines += [
        f"Status:  {STATUS_NAMES.get(claim.get('status', 'open'), claim.get('status'))}",
        f"Stand:   Version {claim['version']}",
        "",
        f"Geändert: {_who(payload)}",
    ]
    if payload.get("source_email_id") is not None:
        lines.append(f"Quelle:   E-Mail Nr. {payload['source_email_id']} (Eingang {payload.get('source_received_at')})")
    if payload.get("note"):
        lines.append(f"Notiz:    {payload['note']}")
    lines += ["", "Diese Nachricht wurde automatisch erstellt.", ""]
    return "\n".join(lines)


def build(payload: dict[str, Any], *, sender: str, recipient: str) -> EmailMessage:
    return build_message(sender=sender, recipients=recipient, subject=subject(payload), body=body(payload))
