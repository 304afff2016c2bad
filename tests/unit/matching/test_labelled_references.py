"""A creditor reference on file with a label in front ("Rg. 2027-118") is named by a reply that writes the number
under another label or none ("Rechnung Nr. 2027-118")."""

from __future__ import annotations

import pytest

from app.models import IncomingEmail, Inquiry
from app.services.inquiries import InquiryFields, apply_fields
from app.services.matching import normalize
from app.services.matching.candidates import Candidates, read_facts
from app.services.matching.signals import creditor_reference


@pytest.mark.parametrize(("written", "keys"), [
    ("Rg. 2027-118", {"rg2027118", "2027118"}),
    ("Kd.-Nr. 4471 2209", {"kdnr44712209", "44712209"}),
    ("Rechnungsnummer: 55-0912", {"rechnungsnummer550912", "550912"}),
    ("VK 7700 2081 4", {"vk770020814"}),  # letters that belong to the reference stay
    ("Nr. 12", {"nr12"}),  # too short alone
    ("Kd. ABCDEF", {"kdabcdef"}),  # no digit alone
])
def test_a_label_in_front_of_a_reference_gives_a_second_key(written: str, keys: set[str]) -> None:
    assert normalize.reference_keys(written) == keys


def painter_inquiry(reference: str) -> Inquiry:
    row = Inquiry(external_id="INQ-1")
    apply_fields(row, InquiryFields(id="INQ-1", client_name="Jonas Brandauer", firm_reference="MR-77/27",
                                    creditor_name="Malerbetrieb Ost", creditor_email="buero@maler-ost.example",
                                    creditor_reference=reference))
    return row


@pytest.mark.parametrize(("reference", "body", "named"), [
    ("Rg. 2027-118", "Rechnung Nr. 2027-118 vom 14.06. ist offen.", True),
    ("Rg. 2027-118", "Die Rechnung 2027-119 ist offen.", False),
    ("2027-118", "Rg. 2027-118 ist offen.", True),
])
def test_the_number_under_another_label_names_the_creditors_reference(reference: str, body: str,
                                                                         named: bool) -> None:
    row = painter_inquiry(reference)
    facts = read_facts(IncomingEmail(from_email="buero@maler-ost.example", subject="", to_addresses=[],
                                     cc_addresses=[]), body, None, r"MR-\d+/\d+")
    found = Candidates((row,), frozenset(), frozenset(), frozenset())
    signal = creditor_reference(row, facts, found, frozenset())
    assert (signal is not None and signal.code == "creditor_reference") is named
