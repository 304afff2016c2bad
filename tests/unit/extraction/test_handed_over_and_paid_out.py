"""Wordings from public and social-insurance creditors, written for these tests: a claim handed over to another
collector with the figure it had then, a refusal to send a statement of one's own, a remainder paid out to the
debtor, an interest row whose label wrapped before its period, and a company's name after "für"."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

D = Decimal


def run(body: str, *, sender: str = "beitraege@bkk-elmtal.example", name: str = "BKK Elmtal") -> ExtractionResult:
    text = f"Sehr geehrte Damen und Herren,\n\n{body}\n\nMit freundlichen Grüßen\nIm Auftrag\nS. Rohlfs"
    return extract(parse_body(text, None), subject="AW: Anfrage zu Herrn Jonas Mertin", from_email=sender,
                   from_name=name)


def test_the_figure_a_claim_was_handed_over_with_is_not_the_claim() -> None:
    result = run("Die Rückstände von Herrn Mertin haben wir im Oktober mit einem Vollstreckungsauftrag über "
                 "2.416,80 € an das Hauptzollamt Elmtal abgegeben. Wir können Ihnen deshalb keine aktuelle "
                 "Forderungsaufstellung übersenden; bitte wenden Sie sich dorthin.")
    assert result.total_amount is None
    assert not result.amount_is_safe
    assert result.intent == "rejection"


def test_a_referral_said_with_the_verb_last_refers_elsewhere() -> None:
    result = run("Für Auskünfte zum Forderungsstand bitten wir Sie, sich an die Vollstreckungsstelle der Stadt "
                 "Elmtal zu wenden.")
    assert result.intent == "rejection"


def test_a_figure_beside_a_refusal_to_state_the_claim_is_never_safe() -> None:
    result = run("Beitragsrückstand laut Bescheid vom 03.02.: 1.208,40 €.\nWeitere Angaben können wir Ihnen "
                 "ohne Schweigepflichtentbindung nicht mitteilen.")
    assert not result.amount_is_safe


def test_a_remainder_paid_out_to_the_debtor_leaves_nothing_open() -> None:
    result = run("Die Überzahlung von 912,40 EUR ist durch Verrechnung mit der Nachzahlung vollständig getilgt. Den "
                 "verbleibenden Betrag von 104,10 EUR haben wir Herrn Mertin auf sein Konto überwiesen. Eine "
                 "Forderung gegen Herrn Mertin besteht damit nicht mehr.")
    assert result.intent == "settled"
    assert result.total_amount == D("0")


def test_a_remainder_the_debtor_has_paid_since_leaves_nothing_open() -> None:
    result = run("Das Beitragskonto ist ausgeglichen. Die Erstattung von 61,20 EUR wurde verrechnet; den Restbetrag "
                 "von 318,00 EUR hat Herr Mertin vorige Woche überwiesen.\nSaldo zum 20.02.: 0,00 EUR")
    assert result.intent == "settled"


def test_a_remainder_still_to_pay_stays_open() -> None:
    result = run("Nach Verrechnung mit der Nachzahlung verbleibt ein Restbetrag von 104,10 EUR, den Herr Mertin "
                 "noch zu zahlen hat.")
    assert result.intent != "settled"


def test_an_interest_row_whose_label_wrapped_before_its_period_is_interest() -> None:
    result = run("Hauptforderung lt. Bescheid                              812,00 EUR\n"
                 "Säumniszuschläge nach § 24 SGB IV\n"
                 "   vom 16.01. bis 15.04.                                  24,00 EUR\n"
                 "Mahngebühr                                                  5,00 EUR\n"
                 "Gesamtforderung                                           841,00 EUR")
    assert next(a.label for a in result.amounts if a.value == D("24.00")) != "unlabelled"
    assert result.total_amount == D("841.00")


def test_a_company_named_after_fuer_is_no_client() -> None:
    result = run("Anmeldung für Kanzleiberatung Weser GmbH bis 30.04. möglich.", sender="info@seminare.example",
                 name="Seminare Weser")
    assert "Kanzleiberatung Weser" not in [found.value for found in result.names if found.role == "client"]


def test_a_claim_said_to_be_done_with_and_goods_sent_back_are_no_open_amounts() -> None:
    result = run("Die Forderung aus der Rechnung 40127 über 212,40 EUR ist erledigt. Herr Mertin hat am 02.03. Ware im "
                 "Wert von 230,00 EUR zurückgesandt; die Gutschrift wurde verrechnet.", sender="forderungen@versand-"
                 "elm.example", name="Versand Elm")
    # (read as settled, the claim's figure is 0,00 by convention; either way no open amount)
    assert result.total_amount in (None, D("0.00"))
    assert not result.amount_is_safe


def test_a_claim_not_yet_done_with_stays_open() -> None:
    result = run("Die Forderung aus der Rechnung 40127 über 212,40 EUR ist noch nicht erledigt.",
                 sender="forderungen@versand-elm.example", name="Versand Elm")
    assert result.total_amount == D("212.40")



def test_the_firms_figure_the_creditor_cannot_find_is_no_claim() -> None:
    result = run("Herrn Mertin konnten wir in unserem System leider nicht zuordnen; einen offenen Betrag von 318,00 "
                 "EUR finden wir bei keinem unserer Kunden. Bitte nennen Sie uns die Versicherungsnummer.")
    assert result.total_amount is None
    assert not result.amount_is_safe


def test_a_claim_handed_to_a_collector_by_the_writer_is_never_safe() -> None:
    result = run("Das Beitragskonto haben wir im Januar an unseren Inkassodienstleister, die Nordlicht Inkasso GmbH, "
                 "übergeben. Bei uns offen sind Beiträge von 640,00 EUR.\nSumme offene Posten 640,00 EUR")
    assert result.total_amount == D("640.00")
    assert not result.amount_is_safe


def test_damages_for_the_rest_of_the_term_not_yet_in_the_total_leave_it_to_a_human() -> None:
    result = run("Gesamtsaldo: 640,00 EUR\nZum Vertragsende berechnen wir Schadensersatz für die Restlaufzeit von "
                 "210,00 EUR. Dieser Betrag ist im Saldo noch nicht enthalten.")
    assert result.total_amount == D("640.00")
    assert not result.amount_is_safe


def test_the_next_fee_not_yet_in_the_total_leaves_it_safe() -> None:
    result = run("Gesamtsaldo: 640,00 EUR\nDer Beitrag für April ist darin noch nicht enthalten, er wird am 15.04. "
                 "fällig.")
    assert result.total_amount == D("640.00")
    assert result.amount_is_safe
