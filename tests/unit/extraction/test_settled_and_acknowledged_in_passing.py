"""Short wordings written for these tests: "no claim exists at present" is settled, but "no claim of that kind
exists yet" is not; a remainder waived as the matter closes leaves nothing open; a ticket number under which the mail
"ist eingegangen", beside a processing time, is an acknowledgement."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def read(body: str) -> ExtractionResult:
    return extract(parse_body(f"Guten Tag,\n\n{body}\n\nFreundliche Grüße\nKundenservice", None),
                   subject="AW: Anfrage Forderungshöhe", from_email="service@kuestenbank.example",
                   from_name="Küstenbank")


@pytest.mark.parametrize("body", [
    "Das Konto von Frau Brun ist nach Eingang der Rente ausgeglichen. Eine Forderung unsererseits besteht derzeit "
    "nicht.",
    "Frau Brun hat den vereinbarten Vergleichsbetrag von 600,00 EUR gezahlt. Die Forderung ist damit vollständig "
    "erledigt; auf den Restbetrag wird verzichtet.",
])
def test_a_claim_that_no_longer_exists_is_settled(body: str) -> None:
    result = read(body)
    assert (result.intent, result.total_amount) == ("settled", Decimal("0.00"))


def test_no_claim_of_one_kind_yet_is_not_settled() -> None:
    result = read("Wir beabsichtigen, Leistungen von 840,00 EUR zurückzufordern; Frau Brun wurde angehört. Eine "
                  "bereits festgesetzte Forderung besteht derzeit nicht.")
    assert result.intent != "settled"


def test_a_waiver_promised_on_a_condition_leaves_the_rest_open() -> None:
    result = read("Offen sind 900,00 EUR. Auf den Restbetrag wird verzichtet, wenn Frau Brun bis Mai 600,00 EUR zahlt.")
    assert result.intent != "settled"


def test_a_ticket_number_the_mail_came_in_under_with_a_processing_time_is_an_acknowledgement() -> None:
    result = read("vielen Dank für Ihre Nachricht. Diese ist unter der Ticketnummer T-9921-004 bei uns eingegangen. "
                  "Die Bearbeitungszeit beträgt derzeit bis zu 8 Werktage.\n\nWenn Sie uns Unterlagen senden möchten, "
                  "nutzen Sie bitte unser Portal.")
    assert result.intent == "auto_reply"


@pytest.mark.parametrize(("subject", "body"), [
    ("[Ticket#KW-88412] Ihre Anfrage", "Ihr Anliegen wurde unter der Ticketnummer KW-88412 erfasst. Wir melden uns in "
     "der Regel innerhalb von drei Werktagen bei Ihnen. Wenn Sie weitere Informationen senden möchten, antworten Sie "
     "bitte auf diese E-Mail."),
    ("Automatische Eingangsbestätigung – Ihre Nachricht vom 02.05.", "Ihre elektronische Nachricht ist beim Finanzamt "
     "eingegangen. Bitte beachten Sie: Auskünfte erteilen wir nur mit Vollmacht."),
])
def test_machine_acknowledgements_in_other_words_are_auto_replies(subject: str, body: str) -> None:
    result = extract(parse_body(f"Guten Tag,\n\n{body}\n\nIhr Kundenservice", None), subject=subject,
                     from_email="service@kuestenbank.example", from_name="Küstenbank")
    assert result.intent == "auto_reply"


@pytest.mark.parametrize("body", [
    "Wir haben die offenen Forderungen am 28.02. an die Lausitzer Forderungsdienst GmbH zum Einzug übergeben. Wir "
    "bitten Sie daher, sich direkt dorthin zu wenden.",
    "Die Rechnung von Frau Brun haben wir an die Abrechnungszentrum Nord GmbH verkauft, die ist jetzt Ihre "
    "Ansprechpartnerin.",
    "Ich werde Ihnen keine Aufstellung schicken. Alles Weitere läuft über meinen Anwalt.",
])
def test_a_creditor_that_refers_on_or_will_not_answer_rejects(body: str) -> None:
    assert read(body).intent == "rejection"


def test_a_figure_said_with_sind_es_right_before_it_is_the_claim() -> None:
    result = read("Frau Brun steht auch in meinem Heft. Bei ihr sind es 58,00 €.")
    assert result.total_amount == Decimal("58.00")
    assert result.intent == "debt_statement"


def test_an_offer_to_lower_the_rate_put_after_the_debtors_circumstance_is_an_instalment_offer() -> None:
    result = read("Die Restforderung aus dem Darlehen beträgt 8.912,46 €. Sofern Frau Brun die bisherige Rate nicht "
                  "mehr aufbringen kann, bieten wir an, die Rate ab November für zwölf Monate auf 75,00 € "
                  "herabzusetzen. Bitte teilen Sie uns mit, ob sie dieses Angebot annimmt.")
    assert result.intent == "payment_plan"
