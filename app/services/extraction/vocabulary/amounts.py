"""vocabulary/amounts.py — words around amounts; invariant: phrases in normal spelling, one role per list."""

from __future__ import annotations

from app.services.extraction.vocabulary import phrases

# Column headers of account statements and claim tables, by what the column holds.
PAID_COLUMN = phrases((
    r"bezahlt", r"gezahlt", r"Zahlung(?:en|seingang|seingänge)?", r"eingegangen", r"Haben\b", r"Ist\b",
    r"getilgt", r"beglichen", r"Gutschrift(?:en)?", r"vereinnahmt", r"paid", r"payments?", r"received",
))
OPEN_COLUMN = phrases((
    r"offen", r"noch offen", r"offener Betrag", r"offene Forderung", r"Restbetrag", r"Rest\b", r"Restforderung",
    r"Restschuld", r"Saldo", r"Rückstand", r"ausstehend", r"Außenstand", r"open", r"outstanding", r"balance",
    r"due\b",
))
TOTAL_COLUMN = phrases((r"Summe", r"Gesamt", r"Gesamtbetrag", r"insgesamt", r"Total", r"Endbetrag"))
BILLED_COLUMN = phrases((
    r"berechnet", r"Rechnungsbetrag", r"Betrag", r"Soll\b", r"Sollbetrag", r"Forderung", r"Ursprungsbetrag",
    r"Nennbetrag", r"billed", r"invoiced", r"charged", r"amount",
))
# The label cell of a row that sums the rows above it.
SUM_ROW = phrases((
    r"Summe\w*", r"Gesamt\w*", r"insgesamt", r"Endsumme", r"Endbetrag", r"Total", r"Saldo", r"Endsaldo",
    r"offener Saldo", r"Forderung gesamt", r"Gesamtforderung", r"zu zahlen", r"Zahlbetrag", r"Restforderung",
))
# A sentence that states an amount is NOT part of the figure the reply gives.
EXCLUDED = phrases((
    r"nicht (?:\w+ ){0,3}(?:enthalten|berücksichtigt|inbegriffen|eingerechnet|einbezogen|erfasst|ausgewiesen)",
    r"(?:kommt|kommen) (?:noch )?(?:gesondert |separat )?hinzu", r"gesondert (?:in Rechnung|berechnet|erhoben)",
    r"separat (?:in Rechnung|berechnet|erhoben)", r"not included", r"excluded",
))
# Words before an amount that make it a figure not yet owed.
FUTURE_LEAD = phrases((
    r"Vorauszahlung\w*", r"Vorschuss\w*", r"künftig\w*", r"zukünftig\w*", r"nächste[rnms]? (?:Rate|Abschlag|Rechnung)",
    r"kommende[rnms]? (?:Rate|Abschlag|Rechnung|Monat)", r"upcoming", r"next (?:instalment|installment|payment)",
))
# A line that ends like this leaves its amount to the next line ("… beläuft sich auf" / "1.043,27").
LEADS_TO_NEXT_LINE = phrases((
    r"auf", r"von", r"über", r"in Höhe von", r"i\. ?H\. ?v\.", r"beträgt", r"betragen", r"lautet", r"offen",
    r"noch offen", r"aus", r"insgesamt", r"Gesamtbetrag", r"Summe", r"Saldo", r"zu zahlen", r"of", r"is", r"amounts to",
))
