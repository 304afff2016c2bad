"""Replies typed short: a role written as an abbreviation with its dot ("Kd. …", "Schu. …", "Mitgl. …") names the
person the figures are about, and a contract or account number under a short label ("VK …", "Kto. …",
"Vertr.-Nr. …") is the creditor's reference; a relative answered in the client's thread goes to a human."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.config import Settings
from app.models import Inquiry
from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.inquiries import InquiryFields, apply_fields
from app.services.matching.decide import Decision
from app.services.matching.gate import judge
from app.services.matching.score import Scored
from app.services.matching.signals import Signal
from app.services.parsing import parse_body


def read(body: str, subject: str = "AW: Anfrage Forderungshöhe") -> ExtractionResult:
    return extract(parse_body(body, None), subject=subject, from_email="abrechnung@wasserwerk-ostheide.example",
                   from_name="Wasserwerk Ostheide")


@pytest.mark.parametrize(("body", "person"), [
    ("Kd. Jürgen Pahlke, Lindenallee 9: Rückstand 318,40 EUR", "Jürgen Pahlke"),
    ("Akte 22-0871 / Schu. Pahlke, Jürgen / offen 318,40 EUR", "Jürgen Pahlke"),
    ("kdin. Frau Marlies Pahlke – Saldo 318,40 EUR", "Marlies Pahlke"),
    ("Mitgl. Jürgen Pahlke, Beiträge offen 318,40 EUR", "Jürgen Pahlke"),
])
def test_a_role_typed_short_names_the_person_the_figures_are_about(body: str, person: str) -> None:
    names = [(name.value, name.role) for name in read(body).names]
    assert (person, "client") in names


@pytest.mark.parametrize(("body", "reference"), [
    ("Kd. Jürgen Pahlke, VK 5501 208 774: offen 318,40 EUR", "5501 208 774"),
    ("Vertr.-Nr. 88-20917, Rückstand 318,40 EUR", "88-20917"),
    ("Girokto. 41 207 5518: Saldo 318,40 EUR", "41 207 5518"),
])
def test_a_short_label_before_a_number_makes_it_the_creditors_reference(body: str, reference: str) -> None:
    found = {ref.value for ref in read(body).references if ref.owner == "creditor"}
    assert reference in found


def test_a_price_called_vk_is_no_reference() -> None:
    assert not [ref for ref in read("VK-Preis 49,90 EUR, Rückstand 318,40 EUR").references if ref.owner == "creditor"]


def _inquiry(client: str, creditor_reference: str) -> Inquiry:
    row = Inquiry(external_id="Q-7")
    apply_fields(row, InquiryFields(id="Q-7", client_name=client, firm_reference="OH/22/071",
                                    creditor_name="Wasserwerk Ostheide", creditor_reference=creditor_reference,
                                    creditor_email="abrechnung@wasserwerk-ostheide.example"))
    return row


def test_a_relative_answered_in_the_clients_thread_under_a_short_label_goes_to_a_human() -> None:
    # The clerk answers the letter about Marlies Pahlke with her husband's account: his name and his contract
    # number, neither the client's. The thread (subject, routing) matches her; the figures are not hers.
    client = _inquiry("Marlies Pahlke", "5501 301 226")
    extraction = read("Hallo,\nKd. Jürgen Pahlke, VK 5501 208 774, Lindenallee 9: offen 318,40 EUR\nGruß",
                      subject="AW: Forderungsanfrage Marlies Pahlke – unser Az. OH/22/071")
    assert extraction.total_amount == Decimal("318.40")
    best = Scored(client, (Signal("firm_reference", 30, 0, "firm_reference"),), 60, 45, 1.0, 100.0)
    verdict = judge(Decision("auto_matched", best, 1.0, (), (best,)), extraction, Decimal("300.00"), None,
                    Settings(claim_jump_limit=Decimal("0.25")))
    assert verdict.action == "review"
    assert any("Jürgen Pahlke" in reason for reason in verdict.reasons)


@pytest.mark.parametrize(("body", "total"), [
    # the sum after the last item's own name, no currency anywhere
    ("hallo, bei herrn pahlke ist noch offen 402,10 + 7,50 mahngebuehr = 409,60\ngruss", "409.60"),
    # a part of a claim named in the sum, the claim itself only in a clerk's short word
    ("Beitragsrückst. Hausrat-Vers. HV-22-0917 (Pahlke): 211,80 + Mahnkosten 2,50 = 214,30 EUR.", "214.30"),
])
def test_a_sum_typed_as_an_equation_that_adds_up_is_the_total(body: str, total: str) -> None:
    assert read(body).total_amount == Decimal(total)


def test_an_equation_of_a_rent_without_a_part_of_a_claim_names_no_total() -> None:
    assert read("Kaltmiete 512,00 + Nebenkosten 168,00 = 680,00 monatlich").total_amount is None


def test_a_clerks_dot_decimals_under_short_labels_are_read() -> None:
    result = read("Stand lt. System:\nHF           318.20\nZinsen         9.45\nInk.-Verg.    70.20\n"
                  "Mahnk.         5.00\n-----------------\nGes.         402.85\n")
    assert result.total_amount == Decimal("402.85")
    assert result.components == {"principal": Decimal("318.20"), "interest": Decimal("9.45"),
                                 "costs": Decimal("75.20")}


def test_whole_euros_grouped_by_a_dot_after_a_short_label_are_read() -> None:
    amounts = {(a.value, a.label) for a in read("HF 2.140 + Zi. 31,75 (seit 01.03.)").amounts}
    assert (Decimal("2140.00"), "principal") in amounts
    assert (Decimal("31.75"), "interest") in amounts


@pytest.mark.parametrize("body", ["Rechnung vom 14.09 über 120,00 EUR, bezahlt am 30.08",
                                  "Version 2.10 der App", "Zählerstand 1.930 kWh, Abschlag 58,00 EUR"])
def test_days_versions_and_readings_written_like_figures_stay_numbers(body: str) -> None:
    values = {a.value for a in read(body).amounts}
    assert not values & {Decimal("14.09"), Decimal("30.08"), Decimal("2.10"), Decimal("1930.00")}


def test_a_bare_pointer_to_the_subject_reads_the_subjects_figure() -> None:
    result = read("s. Betreff\nGruss\nK. Pahlke\n\nGesendet von meinem iPhone",
                  subject="AW: Pahlke / RE 31-0288 -> offen 1.284,10 inkl Zinsen")
    assert result.total_amount == Decimal("1284.10")


def test_everything_done_after_a_payment_is_settled() -> None:
    result = read("Hi,\nJürgen P. Kd.Nr 4471 hat die 86,40 am 02.05. überwiesen, Vertrag läuft zum 31.05. aus, "
                  "von uns aus also alles erledigt\nGruß Tina")
    assert (result.intent, result.total_amount) == ("settled", Decimal("0.00"))


def test_instalments_of_a_figure_the_debtor_may_pay_make_a_payment_plan() -> None:
    result = read("Hallo,\nJürgen hat noch 480,- offen (Kurs + Prüfungsgebühr)\nkann auch in Raten a 60,- zahlen ab "
                  "Juni, dann ist das bis Januar durch.\nGruß Bernd")
    assert (result.intent, result.total_amount) == ("payment_plan", Decimal("480.00"))
