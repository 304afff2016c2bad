"""Account statements in documents and mails written for these tests: a debit column's sum beside a credit column's,
a note that every figure is in euro, a balance written negative that the text calls a credit, a bank's statement that
writes every debit with a minus, costs shared out over a building, euros and cents said as spoken, and list rows that
are not one sentence with the line below them."""

from __future__ import annotations

from decimal import Decimal

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def document(*rows: str) -> AttachmentText:
    return AttachmentText(filename="Kontoauszug.docx", status="ok", detected_type="docx",
                          segments=[TextSegment(location=f"table 1, row {n}", text=row)
                                    for n, row in enumerate(rows, start=1)])


def read(body: str, *attachments: AttachmentText) -> ExtractionResult:
    return extract(parse_body(body, None), subject="AW: Anfrage Forderungshöhe", from_email="konto@moorhus.example",
                   from_name="Moorhus Versand", attachments=list(attachments))


SOLL_HABEN = ("Datum | Beleg | Text | Soll | Haben", "02.05. | R-1 | Rechnung | 240,00",
              "19.05. | R-2 | Rechnung | 96,50", "30.05. | G-1 | Gutschrift Rücksendung |  | 40,00",
              "04.06. | MG | Mahngebühr | 5,00")


def test_a_debit_columns_sum_beside_a_credit_columns_is_not_the_balance() -> None:
    statement = document(*SOLL_HABEN, " |  | Summe | 341,50 | 40,00", " |  | Saldo zu Ihren Lasten | 301,50")
    result = read("Guten Tag,\n\nanbei der Kontoauszug.\n\nGrüße", statement)
    assert result.total_amount == Decimal("301.50")
    summed = next(a for a in result.amounts if a.value == Decimal("341.50"))
    assert summed.rejected


def test_without_a_balance_row_the_debit_sum_is_never_taken_for_the_claim() -> None:
    statement = document(*SOLL_HABEN, " |  | Summe | 341,50 | 40,00")
    result = read("Guten Tag,\n\nanbei der Kontoauszug.\n\nGrüße", statement)
    assert result.total_amount != Decimal("341.50") or not result.amount_is_safe


def test_a_note_that_all_figures_are_in_euro_gives_them_their_currency() -> None:
    rows = ("Rechnung 2036-41 | 118,00", "Mahngebühr | 2,50", "Offener Saldo | 120,50")
    noted = read("Guten Tag,\n\nanbei der Auszug.\n\nGrüße", document(*rows, "Alle Beträge in Euro."))
    bare = read("Guten Tag,\n\nanbei der Auszug.\n\nGrüße", document(*rows))
    assert noted.total_amount == bare.total_amount == Decimal("120.50")
    assert noted.amount_is_safe, noted.amount_safety_reasons
    assert not bare.amount_is_safe


def test_a_negative_balance_the_text_calls_a_credit_is_no_claim() -> None:
    body = ("Sehr geehrte Damen und Herren,\n\ndie Schlussabrechnung für Herrn Okafor ergibt:\n\n"
            "  Verbrauch 01.01.-31.03.        214,70\n  abzgl. Abschläge              -240,00\n"
            "                                -------\n  Saldo                           -25,30\n\n"
            "Das Guthaben von 25,30 EUR zahlen wir an Herrn Okafor aus. Eine Forderung besteht nicht mehr.\n\nGrüße")
    result = read(body)
    assert (result.intent, result.total_amount) == ("settled", Decimal("0.00"))


def test_the_items_of_a_balance_ending_in_a_credit_are_not_read_as_arrears() -> None:
    body = ("Guten Tag,\n\nBeitrag April bis Juni | 88,20 EUR\nMahngebühr | 2,00 EUR\n"
            "Erstattung Vorjahr | -101,00 EUR\nSaldo | -10,80 EUR\n\n"
            "Der Rückstand ist damit ausgeglichen, das Guthaben von 10,80 EUR wird verrechnet.\n\nGrüße")
    result = read(body)
    assert result.total_amount in (None, Decimal("0.00"))
    assert not result.amount_is_safe


def test_a_bank_writing_every_debit_negative_adds_its_interest() -> None:
    body = ("Sehr geehrte Damen und Herren,\n\ndas Darlehen wurde gekündigt.\n\n"
            "Saldo bei Kündigung:        -2.104,40 EUR\nZinsen seit Kündigung:        -41,12 EUR\n"
            "Saldo heute:                -2.145,52 EUR\n\nMit freundlichen Grüßen")
    result = read(body)
    assert result.total_amount == Decimal("2145.52")
    assert result.components.get("interest") == Decimal("41.12")


def test_a_buildings_total_costs_beside_the_tenants_share_are_not_the_claim() -> None:
    statement = document("Kostenart | Gesamtkosten Haus | Schlüssel | Ihr Anteil",
                         "Grundsteuer | 2.400,00 | 80/1000 | 192,00", "Müllabfuhr | 1.800,00 | 80/1000 | 144,00",
                         "Summe | 4.200,00 |  | 336,00")
    body = "Guten Tag,\n\nanbei die Abrechnung. Nachzahlung zu Ihren Lasten: 96,00 EUR\n\nGrüße"
    result = read(body, statement)
    assert result.total_amount == Decimal("96.00")
    assert next(a for a in result.amounts if a.value == Decimal("4200.00")).rejected


def test_euros_and_cents_said_as_spoken_are_one_figure() -> None:
    result = read("Hallo,\n\ndie Nachzahlung über 146 Euro 35, die ist noch offen.\n\nGruß Hinrich")
    assert Decimal("146.35") in [a.value for a in result.amounts]


def test_list_rows_of_nouns_and_a_figure_do_not_run_into_the_line_below() -> None:
    body = ("Guten Tag,\n\nOffen ist bei mir:\nMiete Mai 520 Euro\nMiete Juni 520 Euro\n"
            "von der Heizkostenabrechnung noch 61,40 Euro (da hat sie schon 50 Euro bezahlt)\n\n"
            "Zusammen sind es also 1.101,40 Euro.\n\nGruß H. Lüders")
    result = read(body)
    assert result.total_amount == Decimal("1101.40")
    june = [a for a in result.amounts if a.value == Decimal("520.00")]
    assert len(june) == 2 and not any(a.rejected for a in june)


def test_the_sum_said_with_words_between_its_verb_and_zusammen_is_the_total() -> None:
    body = ("Hallo,\n\ndrei Monatsmieten fehlen, 1.500 Euro, dazu die Nebenkosten 88,50 Euro.\n\n"
            "Macht für mich zusammen 1588,50 Euro.\n\nGruß")
    result = read(body)
    assert result.total_amount == Decimal("1588.50")
    assert next(a for a in result.amounts if a.value == Decimal("1588.50")).label == "total"


def test_a_quantity_before_a_price_is_not_a_thousands_group() -> None:
    invoice = document("Pos | Artikel | Menge | Einzelpreis | Gesamt", "Kupplungssatz komplett 1 389,00 389,00",
                       "Rechnungsbetrag EUR 389,00")
    result = read("Guten Tag,\n\ndie Rechnung ist noch komplett offen, es wurde nichts bezahlt.\n\nGrüße", invoice)
    assert Decimal("1389.00") not in [a.value for a in result.amounts]


def test_nothing_paid_is_no_payment() -> None:
    result = read("Guten Tag,\n\ndie Rechnung über 640,00 € ist noch offen, Herr Brun hat bis heute nichts bezahlt.\n\n"
                  "Grüße")
    assert not next(a for a in result.amounts if a.value == Decimal("640.00")).rejected


def sheet(*rows: str) -> AttachmentText:
    return AttachmentText(filename="Kontoübersicht.xlsx", status="ok", detected_type="xlsx",
                          segments=[TextSegment(location=f"sheet Konto, row {n}", text=row)
                                    for n, row in enumerate(rows, start=1)])


RUNNING = ("Datum | Beleg | Vorgang | Belastung | Gutschrift | Saldo",
           "31.05.2036 |  | Saldovortrag |  |  | 300,00", "14.06.2036 | RE 1 | Rechnung | 120,00 |  | 420,00",
           "15.06.2036 | LS 1 | Rate Juni |  | 50,00 | 370,00",
           "19.06.2036 | RL 1 | Rücklastschrift | 50,00 |  | 420,00",
           "19.06.2036 | RL 1 | Rücklastschriftkosten | 6,80 |  | 426,80")
ASKED = "Guten Tag,\n\nanbei die Kontoübersicht.\n\nGrüße"


def test_a_running_balance_that_adds_up_row_by_row_is_the_claim_without_a_currency_sign() -> None:
    result = read(ASKED, sheet(*RUNNING, " |  | Saldo per 01.07.2036 |  |  | 426,80"))
    assert result.total_amount == Decimal("426.80")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_running_balance_that_does_not_add_up_is_not_taken_unseen() -> None:
    broken = (*RUNNING[:-1], "19.06.2036 | RL 1 | Rücklastschriftkosten | 6,80 |  | 462,80")
    result = read(ASKED, sheet(*broken, " |  | Saldo per 01.07.2036 |  |  | 462,80"))
    assert result.total_amount == Decimal("462.80")
    assert not result.amount_is_safe
