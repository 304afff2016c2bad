"""vocabulary/amounts.py — words around amounts; invariant: phrases in normal spelling, one role per list."""

from __future__ import annotations

import re

from app.services.extraction.vocabulary import phrases

# Column headers of account statements and claim tables, by what the column holds.
PAID_COLUMN = phrases((
    r"bezahlt", r"gezahlt", r"Zahlung(?:en|seingang|seingänge)?", r"eingegangen", r"Haben\b", r"Ist\b",
    r"getilgt", r"beglichen", r"Gutschrift(?:en)?", r"vereinnahmt", r"paid", r"payments?", r"received",
))
OPEN_COLUMN = phrases((
    r"offen", r"noch offen", r"offener Betrag", r"offene Forderung", r"Restbetrag", r"Rest\b", r"Restforderung",
    r"Restschuld(?!\w*versicherung)", r"Saldo", r"Rückstand", r"ausstehend", r"Außenstand", r"open", r"outstanding",
    r"balance",
    # (not a date's column: "Due date", "due on")
    r"due\b(?! (?:date|on|by)\b)",
))
# A column holding the firm's own figures beside the creditor's ("laut Ihrem Schreiben | laut unserer Buchhaltung"),
# and one holding the difference between the two: neither is the creditor's claim.
FIRMS_COLUMN = phrases((
    r"(?:laut|lt\.?|gemäß|nach) Ihre[mnrs]?\b", r"Ihre[rn]? (?:Angabe|Zahl|Betrag|Forderung|Aufstellung)\w*",
    r"von Ihnen (?:genannt|angegeben)\w*", r"bisher\w* (?:Stand|Betrag)",
))
DIFFERENCE_COLUMN = phrases((r"Differenz", r"Abweichung", r"Unterschied", r"difference"))
TOTAL_COLUMN = phrases((r"Summe", r"Gesamt", r"Gesamtbetrag", r"insgesamt", r"Total", r"Endbetrag"))
# The debtor's share of costs shared out ("Kostenart | Gesamtkosten Objekt | Schlüssel | Ihr Anteil"): beside it, a
# total column holds the whole's costs (a building's), never the debtor's claim.
SHARE_COLUMN = phrases((r"(?:Ihr|Ihre|Ihren|Mieter|Eigentümer)\w* ?Anteil\w*", r"Anteil\w* (?:Mieter|Wohnung|WE)\w*",
                        r"auf Sie entfallend\w*", r"Kostenanteil\w*"))
BILLED_COLUMN = phrases((
    r"berechnet", r"Rechnungsbetrag", r"Betrag", r"Soll\b", r"Sollbetrag", r"Forderung", r"Ursprungsbetrag",
    r"Nennbetrag", r"billed", r"invoiced", r"charged", r"amount",
))
# The label cell of a row that sums the rows above it.
SUM_ROW = phrases((
    r"Summe\w*", r"Gesamt\w*", r"insgesamt", r"Endsumme", r"Endbetrag", r"Total", r"Saldo", r"Endsaldo",
    r"offener Saldo", r"Forderung gesamt", r"Gesamtforderung", r"zu zahlen", r"Zahlbetrag", r"Restforderung",
    r"Gesamtobligo", r"Obligo gesamt", r"(?:Rückstand|Rückstände|offen|Forderungen) (?:gesamt|insgesamt)\b",
))
# A sentence that states an amount is NOT part of the figure the reply gives.
EXCLUDED = phrases((
    r"nicht (?:\w+ ){0,3}(?:enthalten|berücksichtigt|inbegriffen|eingerechnet|einbezogen|erfasst|ausgewiesen)",
    r"(?:kommt|kommen) (?:noch )?(?:gesondert |separat )?hinzu", r"gesondert (?:in Rechnung|berechnet|erhoben)",
    r"separat (?:in Rechnung|berechnet|erhoben)", r"not included", r"excluded",
))
# Words before an amount that make it a figure not yet owed.
FUTURE_LEAD = phrases((
    r"Vorauszahlung\w*", r"Vorschuss\w*", r"künftig\w*", r"zukünftig\w*", r"voraussichtlich\w*", r"geschätzt\w*",
    # also as a compound ("die nächste Monatsrechnung über 19,99 €").
    r"estimated", r"nächste[rnms]? \w*(?:Rate|Abschlag|Rechnung|Fälligkeit|Zahlung|Beitrag|Lastschrift|Abbuchung)",
    r"kommende[rnms]? \w*(?:Rate|Abschlag|Rechnung|Monat)", r"upcoming", r"next (?:instalment|installment|payment)",
))
# A line that ends like this leaves its amount to the next line ("… beläuft sich auf" / "1.043,27").
LEADS_TO_NEXT_LINE = phrases((
    r"auf", r"von", r"über", r"in Höhe von", r"i\.\s?H\.\s?v\.", r"beträgt", r"betragen", r"lautet", r"offen",
    r"noch offen", r"aus", r"insgesamt", r"Gesamtbetrag", r"Summe", r"Saldo", r"zu zahlen", r"of", r"is", r"amounts to",
))

# Words just before an amount that make it something other than the open claim, by what they make it.
INSTALMENT_LEAD = phrases((
    r"\braten?\b", r"Monatsrate", r"Schlussrate", r"erste Rate", r"Ratenhöhe", r"Teilzahlung", r"\bAbschlag",
    r"Abschlagszahlung", r"monatlich\w*", r"\bmtl\b", r"pro Monat", r"je Monat", r"im Monat", r"Wochenrate",
), whole_words=False)
# Instalments already due and unpaid ("Rückständige Raten 05/2029 bis 07/2029 (3 Raten) 708,00 EUR"): arrears, a part
# of what is owed now, not the instalment of a plan.
INSTALMENT_ARREARS = phrases((
    r"(?:rückständig|überfällig|ausstehend|unbezahlt|nicht (?:bezahlt|gezahlt|geleistet))\w* (?:\S+ ){0,2}?Raten\b",
    r"Raten(?:rückstand|rückstände|rückständen)\b", r"Rückstand (?:\S+ ){0,2}?Raten\b",
    # instalments still open ("Offen sind die Raten für Juni und Juli, zusammen 288,40 EUR")
    r"\boffen\w* (?:\S+ ){0,2}?Raten\b",
    # An advance payment named by its month as an item of a list of what is open ("- Abschlag Februar 2065: 41,00 EUR"):
    # a bill of its own that fell due, not a rate to come ("Ab April beträgt der Abschlag 44,00 EUR") nor one named in
    # passing ("Der Betrag enthält noch den Abschlag für März über 74,00 €, den wir stornieren").
    r"^\W*(?:\w+ )?Abschl(?:ag|äge)\w* (?:(?:für|vom|im|von) )?(?:den )?(?:Monat )?(?:Januar|Februar|März|April|Mai"
    r"|Juni|Juli|August|September|Oktober|November|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez|\d{1,2}/\d{2,4})\b",
))
# A part payment made ("nach einer Teilzahlung", "abzüglich der Raten") and then a remainder ("… noch ein Restbetrag
# von 270,00 €"): what is left of a bill after it is owed, not an instalment.
PART_PAYMENT_MADE = phrases((
    r"(?:nach|abzüglich|abzgl|nach Abzug|trotz) (?:\S+ ){0,2}?(?:Teilzahlung|Abschlagszahlung|Abschlag|Rate)\w*",
))
REMAINDER_AFTER_INSTALMENT = phrases((
    r"Rest(?:betrag|forderung|schuld|summe|saldo)?\b", r"verbleib\w*", r"noch (?:\S+ ){0,2}?offen",
    r"offen (?:bleib|steh)\w*", r"übrig\w*",
))
PAID_LEAD = phrases((
    r"(?<!nach)Zahlung (?:vom|über|in Höhe|i\.\s?h\.|von)", r"Überweisung (?:\S+ )?(?:vom|über|in Höhe|von)",
    # "nach Verrechnung der Zahlung Ihrer Mandantin vom 02.10. über 150,00 €"
    r"(?<!nach)Zahlung (?:Ihre[rs]? (?:Mandant\w*|Mandantschaft)|de[rs] (?:Schuldner\w*|Kund\w*|Mandant\w*)) "
    r"(?:\S+ ){0,2}?(?:vom|über|in Höhe|von)", r"Zahlungseingang", r"(?<!nach)Zahlungen",
    r"\bEingang (?:\S+ ){0,3}?(?:über|in Höhe von|von)\s*(?:€\s*|eur\s+|euro\s+)?$", r"abzüglich",
    # A field naming the last payment received ("Betrag letzte Zahlung;150,00", "Letzte Zahlung: 150,00 €").
    r"letzte[rn]? Zahlung\w*", r"Betrag (?:der )?letzten Zahlung",
    r"abzgl", r"Gutschrift", r"geleistete", r"bereits gezahlt", r"(?<!un)bezahlt", r"eingegangen", r"gutgeschrieben",
    r"überwiesen",
    # paid back ("Er hat mir zurückgezahlt im Sommer dreimal 250 € also 750 €")
    r"zurückgezahlt", r"zurückbezahlt", r"abbezahlt",
    # A down payment made ("Anzahlung bar am 21.03.: 300,00 €"); "angezahlt" is in PAID_TRAIL.
    r"\bAnzahlung(?:en)?\b",
    r"payments? (?:of|received)", r"\bpaid\b", r"\breceived\b", r"\bless\b",
    # French creditors across the border: a down payment, paid, settled ("Acompte payé : 140,00 €", "déjà réglé")
    r"\bacompte\b", r"\bpaye\b", r"\bversement\b", r"\bdeja regle\b",
), whole_words=False)
# Cancelled, waived or time-barred: the creditor no longer claims it ("verzichten wir auf 100,00 €").
# "gestrichen" of a room, a wall or a fence is a painter's work done, not a cancelled amount ("Küche u. Bad
# gestrichen … 645,00").
_PAINTED = "".join(rf"(?<!{thing}\s)" for thing in (
    "wand", "wände", "decke", "decken", "küche", "bad", "zimmer", "raum", "räume", "fassade", "flur", "treppenhaus",
    "fenster", "tür", "türen", "zaun", "garage", "wohnung", "frisch", "neu", "weiß", "farbig"))
CANCELLED_LEAD = phrases((
    r"storniert\w*", rf"{_PAINTED}gestrichen\w*", r"erlassen\w*", r"ausgebucht\w*", r"verzicht\w*", r"verjährt\w*",
    r"abgeschrieben\w*", r"niedergeschlagen\w*",
), whole_words=False)
CREDIT_LIMIT_LEAD = phrases((
    r"Dispositionskredit", r"\bDispo\w*", r"Kreditrahmen", r"Kreditlinie", r"Kreditlimit", r"\bLimit\b",
    r"Verfügungsrahmen", r"Überziehungsrahmen", r"Nettokreditbetrag", r"Nettodarlehensbetrag", r"Darlehensbetrag",
    r"Kreditbetrag", r"Darlehenssumme", r"Kreditsumme", r"Auszahlungsbetrag", r"Finanzierungsbetrag",
    # the limit named right before its figure ("gekündigter Dispositionskredit, Rahmen 3.000,00 EUR")
    r"Rahmen\W*$",
    # The loan's size when it was taken out: "Der Kredit (ursprünglich 5.000,00 EUR, 48 Raten …)", "Darlehen über
    # anfänglich 8.000 €".
    r"\b(?:Raten)?(?:Kredit|Darlehen)\w*\W+(?:\S+ ){0,2}?(?:ursprünglich|anfänglich)\w*\s+(?:über\s+|von\s+)?"
    r"(?:€\s*|eur\s+|euro\s+)?$",
), whole_words=False)
# The credit drawn, not its limit: "Inanspruchnahme aus dem gekündigten Dispositionskredit 2.298,15 EUR".
CREDIT_DRAWN = phrases((
    r"Inanspruchnahme", r"in Anspruch genommen\w*", r"ausgeschöpft\w*", r"Ausnutzung", r"ausgenutzt\w*",
    # (whom it is against may stand between: "unsere Forderung gegen Herrn S. aus dem gekündigten Dispositionskredit")
    r"(?:Forderung|Rückstand|Saldo|Sollsaldo|Restschuld|Überziehung) (?:\S+ ){0,4}?(?:aus|im)\b",
))
SUPERSEDED_LEAD = phrases((
    # "bisherige Vollstreckungskosten" are costs run up so far, still owed: a part, not a replaced figure.
    # A claim in the past tense is a former one ("Die Forderung betrug 980,00 €"; now it is another).
    r"\b(?:Forderung\w*|Saldo|Rückst\w*|Betrag|Summe|Schuld\w*|Restschuld|Gesamt\w*|Kontostand) (?:\S+ ){0,3}?"
    r"(?:betrug|betrugen|belief sich|beliefen sich)\b(?! (?:\S+ ){0,3}?(?:heute|aktuell|derzeit|zuletzt)\b)",
    r"\b(?:betrug|belief sich) (?:\S+ ){0,2}?(?:der|die|das|unser\w*|Ihr\w*) (?:\S+ )?(?:Forderung\w*|Saldo|Rückst\w*|"
    r"Betrag|Summe|Schuld\w*|Kontostand)\b(?! (?:\S+ ){0,3}?(?:heute|aktuell|derzeit|zuletzt)\b)",
    # (a compound names the same: "Bei seinem Auszug bestand ein Mietrückstand von 318,00 €")
    r"\bbestand(?:en)? (?:\S+ ){0,8}?(?:\w*Rückst\w*|\w*Forderung\w*|Saldo|Schuld\w*) (?:von|in Höhe von|über)?\s*$",
    # A figure of the time a thing happened, told in passing: "(Reparatur, damals 2.940,00 €)".
    r"\b(?:damals|seinerzeit|zu dem Zeitpunkt|zu jenem Zeitpunkt)\W*(?:€\s*|eur\s+|euro\s+)?$",
    # Open in the past, or as of the firm's letter: "Offen waren 1.380,00 €", "zum Zeitpunkt Ihres Schreibens".
    r"\boffen (?:waren|war)\s*(?:€\s*|eur\s+|euro\s+)?$",
    r"\bzum Zeitpunkt (?:Ihre[rs]|des|der|unsere[rs]) (?:\S+ ){0,2}?(?:Schreibens|Anfrage|Briefes|Mail|E-Mail)\b",
    # An earlier letter's figure, in the past tense ("Unsere Mitteilung vom 06.02. nannte einen Forderungsstand von").
    r"\b(?:Mitteilung|Schreiben|Aufstellung|Forderungsaufstellung|Auskunft|Abrechnung|Nachricht|Mail|E-Mail) vom "
    r"(?:\S+ ){1,3}?(?:nannte|nannten|wies|bezifferte|auswies|lautete|enthielt)\b(?: \S+){0,5}?\s*$",
    # What the creditor told the firm before, in the pluperfect: "in meiner E-Mail vom 03.03. hatte ich Ihnen für
    # Frau P. einen Rückstand von 1.146,85 € genannt" (now it is another).
    r"\b(?:hatte|hatten) (?:ich|wir) Ihnen (?:\S+ ){0,8}?(?:von|über|in Höhe von|mit)?\s*(?:€\s*|eur\s+|euro\s+)?$",
    # … or in the perfect, the earlier message named by its date: "in unserer Nachricht vom 04.05. haben wir einen
    # offenen Betrag von 280,60 € genannt" (a correction follows)
    r"\b(?:Nachricht|Mitteilung|Schreiben|Mail|E-Mail|Auskunft|Aufstellung|Antwort) vom \S+ (?:haben|habe) (?:wir|ich) "
    r"(?:Ihnen )?(?:\S+ ){0,6}?(?:von|über|in Höhe von|mit)?\s*(?:€\s*|eur\s+|euro\s+)?$",
    r"\bstatt\b", r"\bbisherige[rns]?\b(?! \S*(?:kosten|gebühr\w*|zinsen|auslagen|spesen)\b)",
    # (not "nach vorheriger Umstellung der Zahlweise", "after prior X": a condition, no earlier figure)
    r"bislang mitgeteilt\w*", r"(?<!nach.)\bvorherige[rns]?\b", r"\bzuvor\b",
    # (not the client's former circumstances: "Beitragsrückstand aus seiner früheren selbstständigen Tätigkeit")
    r"\bfrühere[rns]?\b(?! (?:\S+ )?(?:\w*tätigkeit|Selbst\w*ständigkeit|Wohnung|Anschrift|Adresse|Arbeit\w*|Wohnort"
    r"|Ehe\w*|Lebensgefährt\w*|Partner\w*|Name\w*|Beschäftigung|Gewerbe\w*|Firma|Betrieb\w*)\b)",
    r"\balte[rns]? (?:Saldo|Betrag|Forderung|Stand|Summe)", r"anstelle", r"ursprünglich\w*",
    # The balance carried forward from the last statement ("Saldo Vortrag", "Übertrag", "Anfangssaldo").
    r"\bSaldo ?vortrag\b", r"\bSaldo (?:aus )?Vortrag\b", r"\bVortrag (?:aus|vom|per)\b", r"\bÜbertrag\b",
    r"\bAnfangssaldo\b", r"\bSaldo (?:zum )?Beginn\b", r"\bVortrag\s*$",
    r"korrigiert von", r"versehentlich", r"fälschlich\w*", r"irrtümlich",
    # A sum "so far" that a later change (a waiver, a credit) replaces: "bisher gesamt", "Summe bisher".
    r"\bbisher (?:gesamt|insgesamt|Summe|Gesamt\w+|Saldo|Stand)\s*$", r"\b(?:gesamt|Summe|Saldo) bisher\s*$",
    # A figure changed into another: "ermäßigt sich die Forderung von bisher 499,44 EUR auf nunmehr 434,54 EUR".
    r"\bvon bisher\s*$",
    # "beträgt nicht mehr 907,98 EUR, sondern nur noch 807,98 EUR": the figure right after "nicht mehr" is gone.
    r"\bnicht mehr (?:(?:bei|wie bisher|die|der|den) )?(?:€ |eur |euro )?$", r"\bno longer (?:€ |eur |euro )?$",
    # A figure denied right before it: "es sind nicht 1.147,80, sondern 1.174,80 EUR".
    r"\bnicht (?:€\s*|eur\s+|euro\s+)?$",
    # … or after the right one: "die Rechnung lautet über 1.187,30 € und nicht über 1.817,30 €".
    r"\bnicht (?:über|von|in Höhe von|mit|auf) (?:€\s*|eur\s+|euro\s+)?$",
), whole_words=False)
# The balance before the payment the reply reports ("Saldo vor Zahlung (Stand 25.06.)", "Saldo vor Zahlungseingang"):
# a previous figure, whatever payment word it names.
BEFORE_PAYMENT_LEAD = phrases((
    r"\b(?:Saldo|Stand|Kontostand|Forderung|Rückstand|Betrag) vor (?:der |dem )?(?:Zahlung|Zahlungseingang|Gutschrift"
    r"|Verrechnung|Buchung|Tilgung|Teilzahlung|Eingang)\w*",
), whole_words=False)
PERIODIC_LEAD = phrases((
    r"erhöh\w* sich", r"steig\w* .{0,30}\bum\b", r"täglich\w*", r"pro Tag\b", r"je Tag\b", r"per day\b",
    r"\bdaily\b",
), whole_words=False)
# A lower sum the creditor would settle for ("gegen eine Einmalzahlung von 1.200,00 € abschließend erledigen",
# "Vergleichsbetrag 950,00 €"): the firm and the client decide on the offer before a figure is filed.
SETTLEMENT_SUM = phrases((r"Vergleichsbetrag\w*", r"Einmalzahlung", r"Einmalbetrag", r"Abfindung\w*",
                          r"Abgeltung\w*", r"Ablösebetrag"), whole_words=False)
# The value a fee is computed from, named in passing inside its row ("1,3 Geschäftsgebühr (Wert 2.180,00 €)").
PASSING_VALUE_LEAD = phrases((
    r"\(\s*(?:Gegenstands)?wert:?\s*(?:€\s*|eur\s+)?$",
    # a contract's value named in brackets beside it ("(Versicherungssumme 52.000 EUR)", "(Wohnlandschaft, Kaufpreis
    # 4.290,00 €)"): what was insured or bought, not what is owed
    # (a price first in the brackets may be an item of a breakdown: "(Kaufpreis 880,00 €, Mahnkosten 35,40 €)")
    r"\([^()]{0,60}?\b(?:Versicherungssumme|Deckungssumme):?\s*(?:€\s*|eur\s+)?$",
    r"\([^()\d]{3,60}?,\s*(?:Kaufpreis|Fahrzeugwert|Neuwert|Anschaffungspreis):?\s*(?:€\s*|eur\s+)?$",
), whole_words=False)
OTHER_VALUE_LEAD = phrases((
    r"Vergleichsbetrag", r"Abfindung", r"Einmalzahlung", r"Einmalbetrag", r"Streitwert", r"Gegenstandswert",
    r"Kaution", r"Mindest(?:betrag|zahlung|rate|tilgung)\w*", r"minimum (?:payment|amount|due)", r"Selbstbeteiligung",
    r"Gegenangebot", r"Gegenvorschlag", r"\bQuote von",
    # A security's amount, not what is owed ("Sicherheit: Grundschuld über 25.000,00 EUR").
    r"Grundschuld\w*", r"Hypothek\w*",
    r"Laufzeit von \d+",
    # A figure the creditor asks about, right before it ("eine Aufstellung, wie sich der pfändbare Betrag von 22,00 €
    # ergibt", "eine Bestätigung, dass der Betrag von 1.450,00 € zugesagt ist"), and the garnishable part of an income.
    r"\b(?:wie sich|woraus sich|dass|ob) (?:\S+ ){0,4}?Betrag (?:von|über|in Höhe von)\s*(?:€\s*|eur\s+)?$",
    r"\bpfändbare\w* (?:Betrag|Einkommen\w*|Anteil\w*|Teil\w*)(?: (?:von|über|in Höhe von))?\s*(?:€\s*|eur\s+)?$",
    # The price of a service offered beside the claim ("Einen Rechnungsnachdruck per Post schicken wir Ihnen für 2,95 €
    # zu", "Eine Zweitschrift kostet 5,00 €").
    r"\b(?:Rechnungsnachdruck|Nachdruck|Zweitschrift|Duplikat|Rechnungskopie|Kontoauszugskopie)\w* "
    r"(?:\S+ ){0,8}?(?:für|gegen|kostet|zum Preis von)\b",
    # A recurring charge, not what is owed ("Der laufende Monatsbeitrag beträgt derzeit 248,71 €").
    r"\b(?:laufende|monatliche|derzeitige|künftige|zukünftige)[nrs]? (?:\S+ )?"
    r"(?:Monatsbeitrag|Beitrag|Abschlag|Abschlagszahlung|Monatsrate|Grundgebühr|Miete)\b",
), whole_words=False)
# A limit the text compares something with ("Der Rückstand übersteigt den Betrag von 100 Euro", "ab einem
# Rückstand von", "mindestens"): a threshold or a bound, never the exact claim.
THRESHOLD_LEAD = phrases(tuple(rf"{bound}\s*(?:€\s*|eur\s+|euro\s+)?$" for bound in (
    r"\b(?:übersteig|überschreit|unterschreit)\w* (?:\S+ ){0,3}?(?:von|in Höhe von)?",
    r"\b(?:mehr|weniger|höher|niedriger|größer|kleiner) als(?: \S+)?", r"\bmindestens", r"\bhöchstens",
    r"\bmaximal", r"\bbis zu", r"\bab einem (?:\S+ ){0,2}?(?:von|in Höhe von)", r"\b\w*grenze(?: von)?",
    r"\bSchwelle(?: von)?", r"\b(?:more|less) than", r"\bat least", r"\bup to", r"\bexceeds?",
    # "über" after a verb of amounting is "more than" ("die Teile allein waren über 900 Euro"), never "Rechnung über"
    r"\b(?:war|waren|lag|lagen|liegt|liegen|kostete\w*) (?:\S+ )?über",
    # a class of claims by size: "Über Vergleiche mit einer Forderung ab 5.000,00 € entscheidet der Kreditausschuss"
    r"\b(?:Forderung|Forderungen|Beträge|Beträgen|Summen) (?:ab|unter)",
)), whole_words=False)
# An example sum in a general notice ("bei einem Rückstand von beispielsweise 100,00 EUR wären das …"): never a claim.
EXAMPLE_LEAD = phrases((
    r"\b(?:beispielsweise|beispielhaft|exemplarisch|zum Beispiel|z\.\s?B\.|e\.\s?g\.|for example|for instance)"
    r"(?:\s+\S+){0,4}?\s*(?:€\s*|eur\s+|euro\s+)?$",
), whole_words=False)
# Words right before an amount that make it a rough figure ("offen sind ca. 230,- €"): never written as exact.
APPROXIMATE_LEAD = phrases(tuple(rf"{word}\s*(?:€\s*|eur\s+|euro\s+)?$" for word in (
    r"\bca\.?", r"\bcirca", r"\bzirka", r"\betwa", r"\brund", r"\bungefähr", r"\bannähernd", r"\bknapp",
    r"\bschätzungsweise", r"\bgeschätzt", r"\bapprox(?:\.|imately)?", r"\broughly", r"\baround", r"\babout", r"~",
    # "gut 1.300 €", "grob 270 Euro", "so um die 900"
    r"\bgut", r"\bgrob", r"\bum die",
)), whole_words=False)
# The debtor disputes the claim ("Ihr Mandant hat die Forderung bestritten", "als strittig gekennzeichnet"): what
# the creditor still states is its view of a contested claim, which a human weighs.
DISPUTED = phrases((
    r"(?<!un)bestritten", r"bestreitet", r"bestreiten", r"(?<!un)strittig\w*", r"widersprochen",
    # defects the debtor complained of ("hat die Reparatur wegen angeblicher Mängel beanstandet")
    r"(?<!un)beanstandet", r"Mängelrüge\w*", r"Mängel (?:\S+ ){0,2}?gerügt",
    # (not when none was raised: "Widerspruch wurde nicht erhoben", the order became final)
    r"(?:Widerspruch|Einspruch|Einwendungen|Einwand|Einwände) (?:(?!nicht\b|nie\b|kein\w*\b|weder\b)\S+ ){0,4}?"
    r"(?:eingelegt|erhoben|vorgebracht|geltend)",
    r"disputed?\b", r"contest(?:s|ed)\b",
))
# Interest, costs or fees added to the total in words only ("500,00 € zzgl. Zinsen seit dem 01.06.2026", "nebst
# 5 % Zinsen p. a.", "zzgl. der Kosten dieses Schreibens"): the claim today is larger by a figure nobody computed.
# Interest that only runs on from now ("zzgl. weiterer Zinsen", "ab 01.12.", "täglich 0,14 €") leaves the stated
# total the current one.
INTEREST_NOT_COMPUTED = re.compile(
    r"^[\s€]*(?:eur\b|euro\b)?[\s,()]*(?:zzgl|zuzgl|zuzüglich|nebst|plus|zuzueglich)\.?\s+"
    r"(?!(?:\S+\s+){0,3}?(?:weitere|laufende|künftige|kuenftige|täglich|taeglich|ab\b))(?:\S+\s+){0,8}?"
    r"(?:zinsen|kosten|gebuehr\w*|auslagen|spesen)\b(?![^.;]{0,40}?\d+,\d\d)")
# Parts of the claim the creditor will put a figure on later ("Die Mahnkosten und Zinsen werden wir gesondert
# beziffern und nachreichen"): the stated total is not the whole claim yet.
PARTS_TO_FOLLOW = phrases((
    # "eine Teilforderung": the rest of the claim is handled elsewhere
    r"\bTeilforderung\b",
    # (a semicolon may stand between: "Stundungszinsen werden erhoben; sie werden nach Ablauf gesondert festgesetzt")
    r"\w*(?:Kosten|Zinsen|Gebühren|Auslagen|Spesen|Nebenforderungen|nachzahlung)\b(?:[^.]{0,120}?)\b(?<!nicht\s)"
    r"(?:gesondert|separat|später|nachträglich|noch) (?:\S+ ){0,2}?(?:beziffer\w*|mitteil\w*|nachreich\w*|aufgeben"
    r"|aufgegeben|geltend machen|festgesetzt|festsetzen)",
    r"(?:interest|costs|fees) (?:\S+ ){0,8}?(?:will be|to be) (?:\S+ ){0,2}?(?:quantified|advised|notified)",
    # a further claim under review, to be made on its own ("prüfen wir einen Regress …; die Forderung würde dann
    # gesondert geltend gemacht")
    r"\b(?:Forderung|Anspruch|Ansprüche|Regress\w*)\b[^.;]{0,40}?\bgesondert (?:\S+ ){0,2}?geltend (?:gemacht|machen)",
    r"\bprüf\w* (?:\S+ ){0,4}?(?:einen|den|einen möglichen) Regress\w*",
    # a recourse claim announced against the client ("Diesen Betrag werden wir … im Wege des Regresses geltend
    # machen"): more than the stated total will be owed
    r"\bRegress\w* (?:\S+ ){0,4}?geltend (?:machen|gemacht)", r"\bim Wege des Regresses\b",
    # a further bill whose figure follows ("eine weitere Rechnung … ist noch in Prüfung; den Betrag teilen wir Ihnen
    # gesondert mit")
    r"\b(?:den|dessen|deren|ihren|seinen) (?:\S+ )?Betrag (?:\S+ ){0,4}?(?:gesondert|separat|später|nachträglich) "
    r"(?:\S+ ){0,2}?(?:mit\b|mitteil\w*|beziffer\w*|nachreich\w*)",
    # another account of the client's, answered later on its own ("Herr H. unterhält außerdem das Girokonto …; hierzu
    # erhalten Sie gesonderte Nachricht"): the claim the firm asked about may be more than this answer's figure (not
    # someone else's account, "… von Herrn U. P. ist nicht Gegenstand dieser Auskunft; hierzu erhalten Sie …")
    r"\b(?:außerdem|zudem|ferner|weitere\w*|ebenfalls)\b[^.;]{0,100}?(?:konto|vertrag\w*|kredit\w*|darlehen\w*|karte)\b"
    r"[^.;]{0,60}?[.;]\s*(?:hierzu|dazu|darüber|zu diesem konto|zu diesem vertrag) (?:erhalten|bekommen) Sie "
    r"(?:\S+ ){0,2}?(?:gesondert\w*|separat\w*|eigene) (?:Nachricht|Mitteilung|Aufstellung|Antwort|Post|Schreiben)\b",
), whole_words=False)
# Interest, costs or fees the creditor says the stated figure leaves out or has not fixed yet ("seither
# aufgelaufene Zinsen sind nicht berücksichtigt", "Nicht enthalten sind die verauslagten Gerichtskosten", "die
# Anwaltskosten sind noch nicht festgesetzt"): the claim is larger by an amount nobody wrote. Items not yet due
# ("der Abschlag ab März ist nicht enthalten") are no part of today's claim and raise no doubt.
_LEFT_OUT = r"nicht (?:\S+ ){0,2}?(?:beruecksichtigt|enthalten|eingerechnet|inbegriffen|einbezogen|eingeschlossen)"
_CLAIM_PARTS = r"\w*(?:zinsen|zinslauf|kosten|gebuehren|auslagen|spesen)\b"
# (a date's dots do not end the span: "Zinslauf ab 01.03. noch nicht gerechnet"; a blank line does: a table's last row
# "Mahngebühren 12,60 €" and the paragraph below it, "Nicht enthalten ist die zweite Rate …", are not one clause)
_CLAUSE_SPAN = r"(?:\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|(?!\n[ \t]*\n)[^.;:]){0,120}?"
PARTS_LEFT_OUT = re.compile(
    rf"\b{_CLAIM_PARTS}{_CLAUSE_SPAN}\b(?:{_LEFT_OUT}|noch nicht (?:\S+ ){{0,2}}?(?:festgesetzt|beziffert|berechnet|"
    r"gerechnet))"
    rf"|\b{_LEFT_OUT}(?: [^\s.;:]+){{0,8}}? (?:{_CLAIM_PARTS}|\w*(?:nachforderung|nachzahlung)\w*)"
    r"|\b(?:interest|costs|fees)\b[^.;:]{0,80}?\bnot (?:yet )?included")
# The creditor takes back or corrects an answer it sent before ("bitte ignorieren Sie unsere gestrige Antwort",
# "unsere Mail vom 08.10. war leider fehlerhaft", "please disregard our previous e-mail"): a figure written from that
# answer may stand on the claim, and a human sees both.
EARLIER_ANSWER_WITHDRAWN = phrases((
    r"ignorieren Sie (?:\S+ ){0,2}?(?:unsere|meine) (?:\S+ ){0,2}?(?:Antwort|Mail|E-Mail|Nachricht|Auskunft"
    r"|Aufstellung|Mitteilung|Schreiben)",
    r"(?:unsere|meine) (?:\S+ ){0,2}?(?:Antwort|Mail|E-Mail|Nachricht|Auskunft|Aufstellung|Mitteilung|Schreiben)\w* "
    r"(?:\S+ ){0,6}?(?:ist|war|sind|waren) (?:\S+ ){0,2}?(?:gegenstandslos|hinfällig|fehlerhaft"
    r"|falsch|unrichtig|unzutreffend|nicht (?:mehr )?(?:gültig|verbindlich|zutreffend|korrekt|richtig|aktuell))",
    r"(?:ziehen|nehmen) (?:wir|ich) (?:unsere|meine) (?:\S+ ){0,2}?(?:Antwort|Auskunft|Aufstellung|Mitteilung|Angaben)"
    r" (?:\S+ ){0,4}?zurück",
    r"(?:disregard|ignore) (?:our|my) (?:\S+ ){0,2}?(?:e-?mail|reply|message|statement)",
    # "ich muss meine Mail vom 08.04. berichtigen": the creditor puts its own earlier answer right.
    # (what it was about may stand between: "… unsere Nachricht vom 11.02. zu Frau D. M. (Referenz …) korrigieren")
    r"(?:muss|müssen|möchte|möchten|will|wollen) (?:\S+ ){0,2}?(?:unsere|meine) (?:\S+ ){0,3}?(?:Antwort|Mail|E-Mail"
    r"|Nachricht|Auskunft|Aufstellung|Mitteilung|Angabe)\w* (?:\S+ ){0,14}?(?:berichtigen|korrigieren|richtigstellen)",
    # the same with the answer first: "meine Auskunft vom 16.03. muss ich leider berichtigen"
    r"(?:unsere|meine) (?:\S+ ){0,2}?(?:Antwort|Mail|E-Mail|Nachricht|Auskunft|Aufstellung|Mitteilung|Angabe)\w* "
    r"(?:\S+ ){0,4}?(?:muss|müssen|möchte|möchten|will|wollen) (?:\S+ ){0,3}?(?:berichtigen|korrigieren"
    r"|richtigstellen)\b",
), whole_words=False)
# The creditor's own earlier statement put right, named by its date (void now, or it missed something): a correction
# only where the reply names the earlier figure too (tests/unit/extraction/test_statements_put_right.py); an update
# naming only the new one is written like any statement.
EARLIER_STATEMENT_CORRECTED = phrases((
    # the writer's own earlier word named as it is put right: "Also nicht 120 €, wie ich letztens geschrieben habe,
    # sondern 150,00 €"
    r"wie (?:ich|wir) (?:es )?(?:Ihnen )?(?:\S+ ){0,4}?(?:geschrieben|mitgeteilt|genannt|angegeben) (?:habe|hatte|haben"
    r"|hatten)\b",
    # an earlier statement named by its date, void now: "Die Aufstellung vom 10.05. ist damit gegenstandslos"
    r"(?:die|diese|unsere|meine) (?:\S+ ){0,2}?(?:\w*aufstellung|Auskunft|Mitteilung|Antwort|Mail|E-Mail|Nachricht)\w* "
    r"vom \d[\d.]*\s?(?:\S+ ){0,6}?(?:ist|war|sind|waren) (?:\S+ ){0,2}?(?:gegenstandslos|hinfällig|überholt"
    r"|fehlerhaft|falsch|unrichtig|nicht (?:mehr )?(?:gültig|aktuell|zutreffend|korrekt|richtig))",
    # the creditor's own earlier statement missed something: "In unserer Aufstellung vom 02.03. wurde eine Zahlung …
    # nicht berücksichtigt"
    r"\bin (?:unserer|meiner) (?:\S+ ){0,2}?(?:\w*aufstellung|Auskunft|Mitteilung|Antwort|Mail|E-Mail|Nachricht)\w* "
    r"(?:\S+ ){0,8}?(?:wurde|wurden|ist|sind|war|waren|haben wir|hatten wir|habe ich|hatte ich) (?:\S+ ){0,10}?"
    r"(?:nicht|versehentlich|irrtümlich|fälschlich\w*) (?:\S+ ){0,2}?(?:berücksichtigt|erfasst|verbucht"
    r"|eingerechnet|abgezogen|gutgeschrieben|doppelt|berechnet|angesetzt|ausgewiesen|aufgeführt|angegeben)",
), whole_words=False)
# A subject that opens with the creditor's own correction ("Korrektur Forderungsaufstellung 0093-118",
# "Berichtigung: Kontostand Meyer"): not a reply to the firm's letter but a new mail putting an earlier answer right
# (a correction, as above, only where the earlier figure is named too).
CORRECTION_SUBJECT = re.compile(
    r"(?:^|[-–—:|/(]\s*)(?:korrektur|berichtigung|richtigstellung|korrigierte|berichtigte)\b")
# A sum row that names the side its balance stands on ("Saldo zu Ihren Lasten", "zu unseren Gunsten", "Sollsaldo"): what
# the debtor owes, whichever column a label spanning several cells leaves its figure under.
OWED_SIDE = phrases((r"zu (?:\S+ )?Lasten\b", r"zu unser(?:en|er) Gunsten\b", r"Sollsaldo", r"im Soll\b",
                     r"Saldo (?:\S+ )?Soll\b"))
# The statement says its minus sign is what the debtor owes ("Ein negativer Kontostand bedeutet einen Rückstand zu
# Lasten der Beitragsschuldnerin"): a total written negative is then read as it is meant.
NEGATIVE_IS_OWED = phrases((
    r"(?:negativ\w*|Minus\w*) (?:\S+ ){0,2}?(?:Kontostand|Saldo|Salden|Betrag|Beträge|Vorzeichen|Werte?)\b"
    r"(?:\S* ){0,3}?(?:bedeute\w*|heißt|zeig\w*|steh\w*|kennzeichne\w*|weis\w*) (?:\S+ ){0,4}?"
    r"(?:Rückstand|Rückstände|Forderung|Schuld|offen|zu Lasten|owed|arrears)",
    r"(?:negative|minus) (?:\S+ ){0,2}?(?:balance|amounts?|sign) (?:\S+ ){0,2}?(?:means|shows|indicates) (?:\S+ ){0,3}?"
    r"(?:owed|arrears|outstanding|due)",
    # the text names the balance a debit one ("der gesamte Sollsaldo ist seitdem zur Rückzahlung fällig")
    r"\b(?:Sollsaldo|Soll-Saldo|Schuldsaldo|Debetsaldo|debit balance)\b",
), whole_words=False)
# Wording that makes interest or costs left out run only from now on ("künftig anfallende Zinsen").
FROM_NOW_ON = re.compile(r"\b(?:kuenftig|zukuenftig|kommend|ab heute|ab sofort|ab dem heutigen|noch anfallend"
                         r"|weiter(?:hin)? (?:anfallend|laufend))")
# A creditor named by a label with its company form ("Gläubigerin Havelländische Kreditbank AG", "Auftraggeber:
# Stadtwerke Nordheim GmbH"). Two different ones in one reply are an intermediary's list (a bailiff, a collection
# agency for several clients): a total over it is not one creditor's claim.
CREDITOR_NAMED = re.compile(
    r"\b(?:glaeubiger(?:in)?|auftraggeber(?:in)?|creditor)\b\s*[:\-–]?\s+"
    r"([^,;\n()]{0,50}?\b(?:gmbh|ag|kg|eg|se|ohg|mbh|e\.\s?v\.|sparkasse|bank|kasse|versicherung)\b)")
# A row that names a person and a figure ("Frau Sibylle Oberdiek      1.905,12 EUR"): two different ones are
# claims against several people (a household, joint debtors), and a total over them is not the client's.
PERSON_ROW = re.compile(r"^\s*(?:herrn?|frau|mr\.?|mrs\.?|ms\.?)\s+((?:[^\W\d_][\w'-]*\s?){1,4}?)\s*[:|]?\s+"
                        r"(?:€\s*|eur\s+)?-?\d{1,3}(?:[.\s]?\d{3})*,\d{2}\b", re.MULTILINE)
# Up to 80 characters of one sentence that do not hedge ("Zahlungen der letzten Tage sind ggf. noch nicht
# berücksichtigt" is a reminder's standing caveat, said of no payment in particular).
_UNHEDGED_SPAN = (r"(?:(?!\b(?:ggf|gegebenenfalls|eventuell|evtl|möglicherweise|sollten|falls|if)\b)"
                  r"(?:\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|[^.?])){0,80}?")
# A credit, refund or correction the creditor has yet to book ("Die Gutschrift … wird mit der nächsten Rechnung
# gutgeschrieben", "eine Erstattung ist veranlasst"): the figure written today is about to change.
PENDING_CREDIT = phrases((
    r"\b(?:wird|werden)\b(?:(?!\b(?:bereits|schon|wurde|wurden)\b)[^.;]){0,80}?\b(?:gutgeschrieben|erstattet|"
    r"storniert|ausgebucht|zurückgebucht)\b",
    r"\b(?:Gutschrift|Erstattung|Stornierung|Rückbuchung)\w*\b[^.;]{0,60}?\b(?:ist|sind) (?:\S+ )?"
    r"(?:beauftragt|veranlasst|angewiesen|in Bearbeitung)",
    r"\b(?:will be|is to be) (?:credited|refunded|reversed)\b",
    # A sum still to be worked out that will be set off against the arrears ("der anteilige Beitrag für Mai und Juni
    # wird dann mit dem Rückstand verrechnet"); one sum, not the rule for all ("Eingehende Gutschriften werden mit dem
    # Saldo verrechnet")
    r"\bwird\b(?:(?!\b(?:bereits|schon|wurde|wurden)\b)[^.;]){0,80}?\bmit (?:dem|der|den|Ihrem|Ihrer|"
    r"unserem|unserer) (?:\S+ ){0,2}?(?:Rückst[aä]nd|Forderung|Saldo|Salden|Restbetrag|Restforderung|offenen Posten"
    r"|Beitragsrückst[aä]nd)\w* (?:\S+ )?(?:verrechnet|aufgerechnet|angerechnet)\b(?![^.]{0,20}?\bbis dahin\b)",
    # A payment that arrived and is not yet booked ("eine Teilzahlung … ist eingegangen, die noch nicht verbucht
    # ist"; "den neuen Saldo … erst nach der Verbuchung"): the figure stated is the one before it.
    rf"\b(?:eingegangen|erhalten|eingetroffen|gezahlt|überwiesen|Zahlung\w*|Teilzahlung\w*|Überweisung\w*|"
    rf"Zahlungseingang\w*){_UNHEDGED_SPAN}\bnoch nicht (?:verbucht|gebucht|berücksichtigt|verrechnet|erfasst|"
    r"zugeordnet)\b",
    # a credit not yet booked ("die Gutschrift aus dem Tarifwechsel (73,50 €) ist noch nicht gebucht"; not one the
    # firm's figure leaves out: "vermutlich ist dort die Gutschrift … noch nicht berücksichtigt")
    rf"\b(?:Gutschrift|Erstattung)\w*{_UNHEDGED_SPAN}\bnoch nicht (?:verbucht|gebucht)\b",
    # … or said of it in the next sentence ("Heute ist eine Überweisung über 150,00 EUR eingegangen. Sie ist in der
    # obigen Aufstellung noch nicht verbucht.")
    rf"\b(?:sie|diese|dieser|dieses) (?:ist|sind|wurde|wurden){_UNHEDGED_SPAN}\bnoch nicht (?:verbucht|gebucht|"
    r"berücksichtigt|verrechnet|erfasst|zugeordnet)\b",
    r"\bnoch nicht (?:verbuchte|gebuchte|berücksichtigte|verrechnete|zugeordnete)[rn]? (?:\S+ )?"
    r"(?:Zahlung|Teilzahlung|Überweisung|Eingang|Zahlungseingang)",
    r"\b(?:erst )?nach (?:der )?(?:Verbuchung|Buchung)\b",
    # "… da die Gutschriften erst nach Ablauf der Sperrfrist gebucht werden": payments in that will be booked later
    r"\b(?:Gutschrift|Zahlung|Teilzahlung|Eingänge|Beträge|Überweisung)\w*\b[^.;]{0,60}?\berst\b[^.;]{0,50}?"
    r"\b(?:gebucht|verbucht|berücksichtigt|verrechnet) (?:werden|wird)\b",
    r"\b(?:received|arrived)\b[^.;?]{0,80}?\bnot (?:yet )?(?:been )?(?:booked|posted|applied|allocated)\b",
), whole_words=False)
# The creditor is not sure the person it gives figures for is the client: namesakes, or "should your client be
# the other one" ("Im Stadtgebiet sind zwei Personen mit dem Namen … veranlagt", "Sollte Ihr Mandant der 1971
# geborene Herr … sein").
IDENTITY_UNSURE = phrases((
    r"(?:zwei|drei|mehrere) (?:Personen|Kunden|Kundinnen|Schuldner\w*|Steuerpflichtige|Mitglieder) "
    r"(?:\S+ ){0,3}?(?:Namen|Namens)\b",
    # (an apology for an earlier mix-up, "bitte entschuldigen Sie die Verwechslung", is none: it is put right)
    r"gleichnamig\w*", r"Namensvetter\w*", r"namensgleich\w*",
    # "… die mutter und die tochter, und die heißen beide jacqueline", "da muss ich erst fragen, welche gemeint ist"
    r"\bheißen (?:\S+ ){0,2}?beide\b", r"\bbeide (?:\S+ ){0,2}?heißen\b",
    r"\b(?:welche[rsnm]?|wer|wen) (?:\S+ ){0,4}?gemeint (?:ist|sind|sein)\b",
    r"sollte (?:es sich )?(?:bei )?(?:Ihr\w*|Ihre\w*) (?:Mandant\w*|Mandantschaft) (?:\S+ ){0,8}?(?:sein|handeln)\b",
    r"nicht (?:eindeutig|sicher|zweifelsfrei) (?:\S+ ){0,3}?(?:zuordnen|zugeordnet|zuzuordnen|identifizier\w*)",
    # the client not found at all: "konnten wir Herrn … leider nicht zuordnen", "führen wir kein Vertragskonto auf
    # diesen Namen"
    r"(?:konnten|können|kann|konnte) (?:\S+ ){0,2}?(?:Herrn|Frau|Ihre\w* Mandant\w*|Ihren Mandanten|den Kunden"
    r"|die Kundin|den Schuldner|die Schuldnerin) (?:\S+ ){0,6}?nicht (?:zuordnen|finden|ermitteln|identifizieren)\b",
    r"(?:führen|haben) (?:wir )?(?:\S+ ){0,2}?kein(?:e|en)? (?:\w*konto|Vertrag|Kunden\w*) (?:\S+ ){0,4}?"
    r"(?:auf diesen|unter diesem|zu diesem) Namen\b",
    r"(?:two|several) (?:people|persons|customers|debtors) (?:\S+ ){0,3}?(?:same name|named)\b",
), whole_words=False)
# A security deposit or pledge among the rows a total closes: it is paid back, so no part of what is owed.
DEPOSIT_ROW = phrases((r"Kaution", r"Sicherheitsleistung", r"Mietsicherheit", r"\bSicherheit\b", r"\bPfand\b",
                       r"\bDepot\b", r"security deposit", r"\bdeposit\b"), whole_words=False)
# A figure the text calls today's ("der offene Betrag … beträgt derzeit 214,60 EUR") and a sentence that adds to it
# ("zzgl. der Mahngebühren"): where another figure is the total, the reply states two current claims.
CURRENT_CUE = phrases((r"derzeit", r"aktuell\w*", r"zurzeit", r"zur Zeit", r"momentan", r"\bheute\b",
                       r"Stand heute", r"currently", r"as of today"), whole_words=False)
ADDED_CUE = phrases((r"zzgl", r"zuzüglich", r"\bplus\b", r"hinzu", r"zusätzlich", r"\bohne\b", r"exkl",
                     r"darüber hinaus", r"\bnebst\b", r"excluding", r"\bbefore\b"), whole_words=False)
# The creditor leaves the choice of the figure to the firm ("bitte teilen Sie uns mit, ob wir netto oder brutto
# anmelden sollen", "welchen Betrag sollen wir ansetzen?").
FIGURE_LEFT_TO_FIRM = phrases((
    r"\b(?:netto oder brutto|brutto oder netto|net or gross|gross or net)\b",
    r"\b(?:welchen|welche) (?:\S+ ){0,2}?(?:Betrag|Summe|Forderung|Höhe)\w* (?:\S+ ){0,5}?(?:anmelden|ansetzen|geltend "
    r"machen|aufnehmen|eintragen|berücksichtigen)",
), whole_words=False)
# A figure the creditor calls provisional ("Dieser Betrag ist unverbindlich und steht unter dem Vorbehalt der Prüfung
# durch unsere Rechtsabteilung"): the binding figure is still to come.
PROVISIONAL = phrases((r"unverbindlich\w*", r"nicht verbindlich", r"ohne Gewähr",
                       # "vorläufiger Stand …" (not "vorläufig" alone: "vorläufig eingestellt" stops a procedure);
                       # an internal note not yet cleared to be passed on ("Bitte vor Weitergabe … abstimmen")
                       r"vorläufige[rns]? (?:Stand|Saldo|Kontostand|Forderungsstand|Betrag|Berechnung|"
                       r"Forderungsaufstellung|Aufstellung)\b", r"vor (?:der )?(?:Weitergabe|Herausgabe)\b",
                       r"Vorbehalt\w* (?:der |einer )?(?:Prüfung|Bestätigung|Freigabe|Kontrolle)",
                       # the label's own aside: "Offener Betrag (vorläufig) 341,56 €"
                       r"\(\s*vorläufig\s*\)",
                       # the figure said to be provisional: "Das ist aber erst mal vorläufig:"
                       r"\b(?:ist|sind) (?:\S+ ){0,3}?vorläufig\s*(?:$|[:.;!])",
                       r"subject to (?:review|confirmation|verification)", r"non-binding",
                       # "den genannten Betrag nicht als abschließend zu betrachten", "die derzeit bezifferbare
                       # Forderung"; a figure that stands "unter dem Vorbehalt" of a decision or a settlement to come
                       r"nicht (?:als )?(?:abschließend|endgültig)\w* (?:zu )?(?:betrachten|ansehen|anzusehen"
                       r"|verstehen)\b",
                       r"(?:betrachten|ansehen|verstehen) (?:\S+ ){0,5}?nicht (?:als )?(?:abschließend|endgültig)\b",
                       r"(?:Betrag|Summe|Forderung|Aufstellung|Saldo|Stand)\w* (?:\S+ ){0,4}?(?:ist|sind) (?:noch )?"
                       r"nicht (?:abschließend|endgültig)\b", r"derzeit bezifferbar\w*",
                       r"(?:steht|stehen|gilt|gelten|erfolgt|erfolgen) (?:\S+ ){0,3}?unter (?:dem |einem )?Vorbehalt\b",
                       r"unter dem Vorbehalt (?:der|des|dieser|dieses|einer|eines)\b",
                       # the writer unsure of its own figure, and the binding one still to come ("Ich bin mir aber
                       # nicht sicher, ob die Zinsen … schon drin sind", "Eine verbindliche Forderungsaufstellung
                       # schickt Ihnen Frau A., wenn sie wieder da ist")
                       r"\b(?:bin|sind) (?:mir|uns) (?:\S+ ){0,2}?nicht (?:ganz )?sicher\b",
                       r"\bverbindliche\w* (?:\S+ ){0,2}?(?:Forderungs)?(?:aufstellung|Auskunft|Abrechnung)\w* "
                       r"(?:\S+ ){0,6}?(?:folgt|schick\w*|erhalten Sie|erhält|erhalten|bekommt|senden|nachreichen)\b",
                       # the figure's own verb called provisional ("beträgt der Saldo heute vorläufig 1.581,06 EUR")
                       r"\b(?:beträgt|betragen|beläuft|belaufen|liegt|liegen) (?:\S+ ){0,4}?vorläufig\b"),
                      whole_words=False)
# Whether a part of the claim stands is still being checked ("Ob die Mahngebühr bestehen bleibt, prüft die
# Fachabteilung noch", "Wir klären noch, ob die Zinsen berechtigt sind"): the figure may still change.
STILL_CHECKED = phrases((
    r"\bob\b[^.;:!?]{0,80}?,\s*(?:prüf|klär)\w* (?:\S+ ){0,4}?noch\b",
    r"\b(?:prüf|klär)\w* (?:\S+ ){0,4}?noch,? ob\b", r"\bwird (?:\S+ ){0,2}?noch (?:geprüft|geklärt),? ob\b",
    # "ob und wie viel Standgeld berechnet wird …, klärt Frau K. nach ihrer Rückkehr"
    r"\bob\b[^.;:!?]{0,160}?,\s*(?:prüf|klär|entscheid)\w* (?:\S+ ){0,6}?(?:nach|erst|später|sobald|bis)\b",
), whole_words=False)
# The figure may still change, by the creditor's own words: it would fall once something still open happens ("Wenn
# sie durchgeht, sind es nur noch 744,22 EUR", "sobald wir die Retoure geprüft haben, … verringert sich der Saldo
# entsprechend", "Kommt die Verordnung, … trägt sie nur noch 10,00 €"), or it "kann sich noch ändern".
MAY_CHANGE = phrases((
    r"\b(?:wenn|falls|sofern|sobald|sollte\w*|nach Eingang|nach Prüfung)\b[^.;]{0,120}?\b(?:reduziert|verringert"
    r"|ermäßigt|mindert|vermindert|ändert|erhöht) sich\b",
    r"\b(?:wenn|falls|sofern|sobald|sollte\w*)\b[^.;]{0,120}?\bnur noch\b",
    # with the verb first: "Wird der Antrag bewilligt, verringert sich der Eigenanteil um den Erstattungsbetrag"
    r"(?:^|\n|[.;:]\s)\s*(?:wird|werden|kommt|kommen|geht|gehen|erfolgt|bewilligt)\b[^.;,]{1,80}, (?:\S+ )?"
    r"(?:reduziert|verringert|vermindert|ermäßigt|mindert) sich\b",
    # a condition said with the verb first: "Kommt sie, …", "Geht die Zahlung ein, …"
    r"(?:^|\n|[.;:]\s)\s*(?:kommt|kommen|geht|gehen|liegt|liegen|erhalten|bekommen|trifft|zahlt|zahlen)\b[^.;,]{1,60},"
    r"[^.;]{0,120}?\bnur noch\b",
    r"\b(?:verringert|reduziert|vermindert|ermäßigt|mindert) sich (?:\S+ ){0,3}?entsprechend\b",
    # a charge still to be booked raises the stated figure ("Es wird dem Konto … belastet und erhöht den Sollsaldo
    # entsprechend"; not "… hat den Saldo erhöht", which is done)
    # (the reflexive "Ab der nächsten Rechnung erhöht sich der Betrag entsprechend" names bills to come, not this one)
    r"\berhöh(?:t|en) (?!sich\b)(?:\S+ ){0,3}?(?:Saldo|Sollsaldo|Kontostand|Forderung|Betrag|Rückstand"
    r"|Gesamtbetrag)\w* (?:\S+ ){0,2}?entsprechend\b",
    # ("… kann sich der Betrag dann auch noch nach oben oder nach unten verändern")
    r"\b(?:kann|könnte|können|könnten) sich\b[^.;:!?]{0,70}?\b(?:ändern|verändern|erhöhen|verringern|reduzieren)\b",
    r"\b(?:kann|könnte|können|könnten|wird|dürfte) (?:\S+ ){0,6}?(?:höher|niedriger|geringer) (?:\S+ ){0,4}?"
    r"ausfallen\b",
    # the final figure is still to come ("erst daraus ergibt sich der endgültige Betrag", "Die Schlussrechnung … wird
    # erstellt, sobald der Zählerstand … plausibilisiert ist")
    r"\b(?:endgültige|abschließende|tatsächliche)\w* (?:Betrag|Forderung|Saldo|Summe|Forderungshöhe)\b[^.;]{0,40}?"
    r"\b(?:ergibt sich erst|steht (?:noch )?nicht fest|steht erst|folgt)\b",
    r"\berst (?:\S+ ){0,3}?ergibt sich (?:\S+ ){0,2}?(?:endgültige|tatsächliche|abschließende)\w* (?:Betrag|Forderung"
    r"|Saldo)",
    r"\bSchlussrechnung\w* (?:\S+ ){0,8}?(?:wird|werden) (?:\S+ ){0,10}?(?:erstellt|folgen|folgt|nachgereicht"
    r"|zugestellt|verschickt)\b",
    # work done and still to be billed ("Die Behandlung vom 05.03. ist noch nicht abgerechnet, die Rechnung kommt mit
    # der Monatsabrechnung", "da kommt wahrscheinlich noch eine Nachzahlung dazu")
    r"\bnoch nicht (?:abgerechnet|in Rechnung gestellt)\b",
    r"\b(?:kommt|kommen) (?:\S+ ){0,4}?noch (?:eine |ein )?(?:Nachzahlung|Rechnung|Nachforderung|Betrag)\w* "
    r"(?:\S+ ){0,3}?(?:dazu|hinzu)\b",
    # "Da Sie … ausgezogen sind, steht die Schlussrechnung noch aus."
    r"\b(?:steht|stehen) (?:\S+ ){0,3}?(?:Schluss|End)(?:rechnung|abrechnung)\w* (?:\S+ ){0,3}?noch aus\b",
    r"\b(?:Schluss|End)(?:rechnung|abrechnung)\w* (?:\S+ ){0,4}?(?:steht|stehen) (?:\S+ ){0,3}?noch aus\b",
    # the creditor itself advises waiting for its next figure ("Wir empfehlen, diese Abrechnung abzuwarten"), or
    # forecasts what the whole will come to ("die Gesamtforderung dann voraussichtlich bei rund 1.020,00 EUR liegen")
    r"\b(?:empfehlen|raten|bitten|sollten)\b[^.;]{0,80}?\b(?:abzuwarten|abwarten)\b",
    r"\b(?:Gesamtforderung|Forderung|Gesamtbetrag|Saldo|Rückstand)\w* (?:\S+ ){0,3}?voraussichtlich\b",
), whole_words=False)
# The creditor writes as garnishee of the client's account or wages (Drittschuldner), served with another creditor's
# garnishment order ("Uns wurde … ein Pfändungs- und Überweisungsbeschluss … zugestellt. Gläubigerin ist …", "Die
# Drittschuldnererklärung … haben wir abgegeben"): the figures it reports are that other creditor's claim.
GARNISHEE = phrases((
    r"Drittschuldnererklärung", r"\bals Drittschuldner\w*",
    r"\b(?:uns|wir) (?:\S+ ){0,4}?(?:ein|einen|den|der) Pfändungs- und Überweisungsbeschluss (?:\S+ ){0,8}?zugestellt",
))
# Payments announced or awaited, and what would remain once they come ("… eine Zahlung … angekündigt. Nach Eingang
# dieser Zahlung verbleiben …"): no payment made yet.
PAYMENT_TO_COME = phrases((
    r"angekündigt", r"zugesagt", r"in Aussicht", r"erwarte\w*", r"nach Eingang", r"sobald", r"wenn", r"falls",
    r"sofern", r"bis zum", r"wird", r"werden", r"würde\w*", r"wäre\w*",
))
# More is added to the total that nobody has worked out yet ("Hinzu kommen meine Kosten für den laufenden Auftrag, die
# ich erst bei Erledigung abrechne"): the figure is not the whole claim.
# A figure the creditor says it cannot find ("einen offenen Betrag von 455,00 EUR finden wir bei keinem der
# Kunden"): the firm's, denied.
NOT_FOUND_TRAIL = phrases((
    r"^[\s€]*+(?:eur\b|euro\b)?[\s,]*+(?:\S+ ){0,3}?(?:finden|fanden|finde) (?:wir|ich) (?:\S+ ){0,4}?"
    r"(?:nicht|kein\w*)\b",
    r"^[\s€]*+(?:eur\b|euro\b)?[\s,]*+(?:\S+ ){0,3}?(?:ist|sind) (?:uns|bei uns|hier) (?:\S+ ){0,2}?nicht bekannt\b",
    r"^[\s€]*+(?:eur\b|euro\b)?[\s,]*+(?:\S+ ){0,3}?(?:können|konnten) (?:wir|ich) (?:\S+ ){0,3}?nicht "
    r"(?:nachvollziehen|zuordnen|bestätigen|finden)\b",
), whole_words=False)
# The claim handed by the writer to a collector who now adds costs of its own ("… haben wir am 03.02. an unseren
# Inkassopartner, die Merkur Inkassodienst KG, übergeben"): the writer's figure leaves them out.
HANDED_TO_COLLECTOR = phrases((
    r"(?:haben|hatten) wir (?:\S+ ){0,6}?an (?:unser\w*|ein\w*|die|den|das) (?:\S+ ){0,6}?(?:Inkasso\w*|Rechtsanw\w*"
    r"|Anwalt\w*|Anwält\w*|Hauptzollamt|Vollstreckungs\w*)[^.;]{0,60}?(?:übergeben|abgegeben|weitergeleitet)\b",
    # (the dative without "an": "Wir haben die Angelegenheit bereits am 20.08. unserem Rechtsanwalt … übergeben")
    r"(?:(?:haben|hatten) wir|wir (?:haben|hatten)) (?:\S+ ){0,6}?(?:unserem|unserer|einem|einer|dem|der) "
    r"(?:\S+ ){0,3}?(?:Inkasso\w*"
    r"|Rechtsanw\w*|Anwalt\w*|Anwält\w*)[^.;]{0,60}?(?:übergeben|abgegeben|weitergeleitet)\b",
), whole_words=False)
# Damages for the rest of a contract's term, named and not yet in the total ("Mit Vertragsende stellen wir den
# pauschalierten Schadensersatz für die Restlaufzeit … in Rechnung; … 389,72 EUR. Dieser Betrag ist im obigen Saldo
# noch nicht enthalten"): the claim grows by a large sum a human weighs. (The next instalment or fee "not yet
# included" is no such thing: it is not due.)
NOT_YET_INCLUDED = phrases((
    r"(?:ist|sind) (?:\S+ ){0,5}?noch nicht (?:enthalten|berücksichtigt|eingerechnet|eingeflossen)\b",
))
DAMAGES_TO_COME = phrases((r"Schadens?ersatz\w*", r"Vertragsstrafe\w*", r"Nichterfüllung\w*",
                           r"Restlaufzeit\w*", r"Kündigungsentgelt\w*"))
UNCOMPUTED_ADDITION = phrases((
    # costs that arose elsewhere, their amount unknown: "Dort sind zusätzlich Anwaltskosten und Zinsen entstanden,
    # deren Höhe wir Ihnen nicht nennen können"
    r"(?:zusätzlich|außerdem|ferner|darüber hinaus|weitere) (?:\S+ ){0,6}?\w*(?:kosten|gebühren|auslagen|zinsen)\b"
    r"[^.;]{0,80}?(?:nicht (?:\S+ ){0,3}?(?:nennen|beziffern|mitteilen|angeben|bekannt)|unbekannt)",
    r"(?:hinzu kommen|dazu kommen|zuzüglich|zzgl\.?|kommen noch) (?:\S+ ){0,8}?(?:Kosten|Gebühren|Auslagen|Zinsen)\b"
    r"(?:\S* ){0,10}?(?:erst|noch) (?:\S+ ){0,4}?(?:abrechne\w*|abgerechnet\w*|berechne\w*|beziffer\w*|feststeh\w*)",
    # whether more comes on top the writer cannot say yet ("Ob da noch was für Reparaturen dazukommt, kann ich jetzt
    # noch nicht sagen", "Ich weiß noch nicht, ob noch Kosten hinzukommen")
    r"\bob\b[^.;!?]{0,80}?\b(?:dazu|hinzu)(?:kommt|kommen)\b,? (?:\S+ ){0,2}?(?:kann|können|weiß|wissen|lässt sich)"
    r" (?:\S+ ){0,3}?nicht\b",
    r"\b(?:kann|können|weiß|wissen) (?:\S+ ){0,3}?noch nicht (?:\S+ ){0,2}?(?:sagen|absehen|beurteilen)?,? ob\b"
    r"[^.;!?]{0,80}?\b(?:dazu|hinzu)(?:kommt|kommen)\b",
))
# The claim named as a company's, not the client's ("Unser Debitor ist nicht Herr Kuttner, sondern die Kuttner
# Haustechnik GmbH", "Offene Posten Kuttner Haustechnik GmbH"): the client may owe none of it.
_LEGAL_FORM = r"(?:gmbh|ag|kg|ug|ohg|gbr|mbh|e\.\s?k\.)\b"
COMPANY_DEBTOR = phrases((
    rf"gegen (?:die|den|das) (?:\S+ ){{0,4}}?{_LEGAL_FORM}",
    rf"(?:debitor\w*|schuldner\w*|rechnungsempf\w*|vertragspartner\w*|kunde|kundin) (?:\S+ ){{0,3}}?(?:ist |sind )?"
    rf"(?:die|der) (?:\S+ ){{0,4}}?{_LEGAL_FORM}",
    rf"offene posten (?:der |des )?(?:\S+ ){{0,4}}?{_LEGAL_FORM}",
    rf"sondern (?:die|der|das) (?:\S+ ){{0,4}}?{_LEGAL_FORM}",
), whole_words=False)
# The writer speaks of the debtor as a relative of their own ("Brief vom Autohaus an meine Mutter", "ich bin die
# Tochter von Frau …"): the client's side passing on a creditor's letter, not the creditor's answer to the firm.
WRITER_KIN = phrases((
    r"\b(?:meine|meiner|meinem|meines|mein) (?:Mutter|Vater|Vaters|Sohn|Sohnes|Tochter|Ehefrau|Ehemann\w*|Mann"
    r"|Mannes|Schwester|Bruder|Bruders|Oma|Opa|Großmutter|Großvater|Eltern|Lebensgefährt\w*|Schwiegermutter"
    # (not the writer and a relative as one party: "Mein Mann und ich wollen ja gar keinen Ärger" is a landlady)
    # (nor a relative who helps the writer with the mail: "mein Sohn hilft mir mit der Mail", "… schreibt für mich")
    r"|Schwiegervater|Schwiegersohn|Schwiegertochter|Enkel\w*|Tante|Onkel|Nichte|Neffe\w*)\b(?! und ich\b)"
    r"(?! (?:\S+ ){0,2}?(?:hilft|half|hat) mir\b)"
    r"(?! (?:\S+ ){0,2}?(?:schreibt|tippt|schrieb) (?:\S+ ){0,3}?für mich\b)",
    r"\bich bin (?:die|der) (?:Tochter|Sohn|Ehefrau|Ehemann|Frau|Mann|Schwester|Bruder|Enkel\w*|Lebensgefährt\w*)"
    r" (?:von|des|der)\b",
), whole_words=False)
# A template field left unfilled where a figure belongs ("Zinsen … {Zinsen} EUR", "Betrag: «BETRAG»"): the letter
# was generated with a slip, and a total printed below it may hold a part nobody sees. (A field in a sentence beside
# the real figure, "Ihr offener Betrag «BETRAG» beläuft sich auf 84,20 €", names no figure of its own.)
_FIELD = r"(?:\{\{?\s*[^{}\n]{1,30}?\s*\}\}?|«[^»\n]{1,30}»|<<[^<>\n]{1,30}>>|\[[A-ZÄÖÜ_]{3,30}\]|%[A-Z_]{3,30}%)"
FIELD_FOR_FIGURE = re.compile(
    rf"{_FIELD}[ \t]*+(?:EUR\b|€|Euro\b)|(?:EUR|€)[ \t]*+{_FIELD}|(?::|(?<![ \t])[ \t]{{2,}}+)[ \t]*+{_FIELD}[ \t]*+$",
    re.MULTILINE)
# A form's total field left blank ("Gesamtbetrag: ......... ______"): the creditor filled in parts but stated no total,
# so no part may stand in for it. (A blank part field, "Zinsen: ____ EUR", says that part is not claimed.)
BLANK_TOTAL_FIELD = re.compile(
    r"^[ \t>|]*(?:\w+[ \t]+){0,2}?(?:gesamt\w*|summe\w*|total\w*|endbetrag|restforderung|forderungshoehe|saldo)"
    r"(?:[ \t]+\w+){0,2}?[ \t]*[:.|]*[ \t.]*(?:_{3,}|-{3,}|\.{3,}|\[[ \t]*\]|" + _FIELD
    + r")[ \t]*(?:eur|€|euro)?[ \t]*$",
    re.MULTILINE)
# A number whose thousands are grouped wrong ("1.2345,00"): a typing slip on the figure itself.
MISGROUPED_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{3})*\.\d{4,},\d{2}(?!\d)")
# The reply speaks of more than one account or claim of the client ("führen wir zwei Konten", "Beide Forderungen
# sind fällig", "ein weiteres Kundenkonto"): a total of one of them leaves the others to a human.
MORE_THAN_ONE_ACCOUNT = phrases((
    r"(?:zwei|drei|vier|fünf|mehrere|beide[n]?|verschiedene[n]?|folgende[n]?) (?:\S+ ){0,2}?"
    r"(?:\w*konten|Forderungen|Verträge|Vertragsverhältnisse|Kundennummern|Darlehen|Kredite|Akten|Vorgänge"
    r"|Steuernummern)\b",
    r"(?:ein|eine|einen|einem) (?:weitere[nms]?|zweite[nms]?|andere[nms]?) (?:\S+ ){0,2}?"
    r"(?:\w*konto|Forderung|Vertrag|Kundennummer|Darlehen|Kredit|Akte|Vorgang|Kassenzeichen|Buchungszeichen"
    r"|Steuernummer)\b",
    r"(?:two|several|both|multiple) (?:\S+ ){0,2}?(?:accounts|claims|contracts|loans)\b",
    r"(?:another|a second|a further) (?:\S+ ){0,2}?(?:account|claim|contract|loan)\b",
))
# More than one account or contract of the client named as such ("bezieht Strom und Erdgas über zwei Vertragskonten",
# "ein weiteres Kundenkonto"), not claims or items of one account ("folgende Forderungen" lists invoices).
SEVERAL_ACCOUNTS = phrases((
    r"(?:zwei|drei|vier|fünf|mehrere|beide[n]?|verschiedene[n]?|folgende[n]?) (?:\S+ ){0,2}?"
    r"(?:\w*konten|Verträge|Vertragsverhältnisse|Kundennummern|Darlehen|Kredite|Steuernummern)\b",
    r"(?:ein|eine|einen|einem) (?:weitere[nms]?|zweite[nms]?|andere[nms]?) (?:\S+ ){0,2}?"
    r"(?:\w*konto|Vertrag|Kundennummer|Darlehen|Kredit|Kassenzeichen|Buchungszeichen|Steuernummer)\b",
    r"(?:two|several|both|multiple) (?:\S+ ){0,2}?(?:accounts|contracts|loans)\b",
    r"(?:another|a second|a further) (?:\S+ ){0,2}?(?:account|contract|loan)\b",
))
# A claim the reply adds that the firm's letter did not name ("Das Girokonto war in Ihrer Anfrage nicht genannt. Bitte
# teilen Sie uns mit, ob Sie Herrn S. auch insoweit vertreten"): whether it belongs to this inquiry is a human's call.
NOT_IN_THE_LETTER = phrases((
    r"(?:in|aus) Ihre[rm] (?:\S+ )?(?:Anfrage|Schreiben|Brief|Aufstellung|Gläubigerliste) (?:\S+ ){0,2}?nicht "
    r"(?:genannt|erwähnt|aufgeführt|angegeben)\b",
    r"nicht Gegenstand Ihre[rs] (?:Anfrage|Schreibens)\b", r"(?:auch )?insoweit vertreten\b",
    # a claim or account the creditor says the firm did not know of ("Die Kreditkartenforderung war Ihnen vermutlich
    # nicht bekannt"; not interest run up since: "die seither aufgelaufenen Zinsen … waren Ihnen nicht bekannt")
    r"\w*(?:forderung|konto|karte|rechnung|vertrag|darlehen|kredit)\w* (?:\S+ ){0,4}?(?:war|waren|ist|sind) Ihnen "
    r"(?:\S+ ){0,2}?(?:nicht|noch nicht) bekannt\b",
    r"(?:not|wasn't|was not) (?:mentioned|listed|included) in your (?:letter|request|enquiry|inquiry)\b",
))
# The client liable as guarantor for someone else's debt ("eine selbstschuldnerische Höchstbetragsbürgschaft über
# 10.000,00 EUR für das Darlehen seines Sohnes … Die Forderung gegen den Hauptschuldner beträgt 11.707,54 EUR"): what
# the guarantor owes may be capped or differ from the debtor's total, a human reads which figure is the client's.
# (not a guarantee named as absent or asked about: "Weitere … Bürgschaften bestehen nicht", "Sicherheiten (Abtretung,
# Bürgschaft, Pfändung)?")
GUARANTOR = phrases((
    r"(?:aus der|aus seiner|aus ihrer|seine[rn]?|ihre[rn]?|selbstschuldnerische\w*|übernommene\w*) (?:\S+ )?"
    r"\w*bürgschaft\b", r"als Bürg(?:e|en|in)\b", r"Hauptschuldner\w*", r"\bas (?:a )?guarantor\b",
))
# The claim owed jointly by the client and someone else ("schulden die Einkommensteuer als Gesamtschuldner", "haften
# gesamtschuldnerisch"): a doubt only where the text goes into its split (doubts._SHARE_OF_JOINT).
# Monthly payments the creditor and the debtor agreed on, said without the word "Raten" ("wir haben besprochen, dass er
# ab Oktober monatlich 60 € zahlt"): an arrangement the firm has to take into account, so a human looks.
PAYMENTS_AGREED = phrases((
    r"\b(?:besprochen|vereinbart|abgemacht|ausgemacht|abgesprochen|verabredet)\w*,? (?:\S+ ){0,3}?dass (?:\S+ ){0,8}?"
    r"(?:monatlich|jeden Monat|pro Monat|im Monat|wöchentlich) (?:\S+ ){0,3}?(?:zahlt|zahlen|überweist|abzahlt"
    r"|abstottert|bezahlt)\b",
), whole_words=False)
# One answer to two of the firm's letters ("Ich antworte hier mal für beide, … beide stehen im Mietvertrag", "habe von
# Ihnen zwei Mails bekommen, eine für Frau H. und eine für Herrn H."): whose record the figure belongs in is a
# human's call.
ANSWER_FOR_TWO = phrases((
    r"\b(?:antworte|antworten|schreibe|schreiben|beantworte|beantworten) (?:\S+ ){0,4}?für beide\b",
    r"\bfür beide (?:Mandant\w*|Schuldner\w*|Eheleute|Mieter\w*|Kund\w*|Vertragspartner\w*)\b",
    r"\b(?:zwei|beide) (?:\S+ )?(?:Mails|E-Mails|Schreiben|Anfragen|Briefe) (?:\S+ ){0,4}?(?:bekommen|erhalten)\b",
), whole_words=False)
JOINT_DEBT = phrases((r"Gesamtschuldner\w*", r"gesamtschuldnerisch\w*", r"Gesamtschuld\b",
                      r"jointly and severally"), whole_words=False)
# A further bill added in passing ("Dann hab ich noch die 2081-019 … an ihn, die ist auch nicht bezahlt"): a sum over
# what the reply lists then adds a claim the firm did not ask about.
FURTHER_BILL = phrases((
    r"(?:hab|habe|haben) (?:ich|wir) (?:\S+ ){0,2}?noch (?:eine|einen|die|den) (?:\S+ ){0,2}?(?:Rechnung|\d)",
    r"(?:die|diese|sie|der|dieser) (?:ist|sind) (?:\S+ )?auch (?:noch )?(?:nicht bezahlt|unbezahlt)\b",
    # a further claim of the same creditor said to be open besides the one asked about ("… neben den Elternbeiträgen
    # ein weiteres Kassenzeichen offen ist: …", "daneben besteht noch ein weiteres Kundenkonto mit offenem Saldo")
    r"(?:ein|eine|einen) (?:weitere[nms]?|zweite[nms]?) (?:\S+ ){0,2}?(?:\w*konto|Vertrag|Kassenzeichen"
    r"|Buchungszeichen|Steuernummer|Forderung|Rechnung) (?:\S+ ){0,6}?(?:offen|unbezahlt|rückständig|besteht)\w*"
    r"(?!\s+(?:nicht|kein))",
))
# A table column that keys each row to an account, contract or person ("Vertragskonto | Name | … | Offener Betrag"):
# rows with different keys are several claims, and the table's sum adds them up.
ACCOUNT_COLUMN = re.compile(
    r"(?:vertragskonto|kundenkonto|kundennummer|kunden-?nr\.?|konto|kontonummer|konto-?nr\.?|name|kunde|kundin"
    r"|schuldner\w*|debitor\w*|mandant\w*|vertrag|vertragsnummer|vertrags-?nr\.?|versicherungsnummer|mitglied\w*"
    r"|account|customer|debtor)")
# A figure before tax: a claim is what is owed, tax included ("Summe netto", "Nettobetrag").
NET_OF_TAX_LEAD = phrases((
    r"\bnetto\b", r"Nettobetrag", r"Nettosumme", r"Nettoentgelt", r"Rechnungsbetrag netto", r"net amount",
    r"net total", r"\bexcl\.? (?:VAT|tax)",
), whole_words=False)
# The firm's own figure repeated by the creditor ("die laut Ihren Unterlagen bestehende Forderung von …").
# Right after the amount: it came from the firm's letter ("mit dem Betrag von 640,00 EUR aus Ihrem Schreiben können
# wir nichts anfangen").
FIRMS_FIGURE_TRAIL = re.compile(r"^[\s€]*(?:eur\b|euro\b)?\s*(?:aus|in|laut|gemaess) ihre[mnr]? (?:\w*schreiben|brief"
                                r"|anfrage|e-?mail|mail|nachricht|aufstellung)\b")
FIRMS_FIGURE_LEAD = phrases((
    r"laut ihre[mnrs]?\b", r"nach ihren\b", r"gemäß ihren\b", r"von ihnen (?:genannt|angegeben|mitgeteilt)\w*\b",
    r"ihre[rnm]? (?:Angabe|Unterlagen)\w*\b", r"die sie (?:nennen|nannten|angeben|angegeben)\b",
    # The firm put the claim at a figure ("Sie haben unsere Forderung mit 890,40 € angesetzt").
    r"\bsie (?:haben|hatten|setzen|setzten|führen|führten) (?:\w+ ){0,4}mit\s*$",
    # "der in Ihrem Schreiben genannte Betrag von …": the firm's letter named it.
    r"in Ihre[rm] (?:\w*schreiben|Brief|E-?Mail|Mail|Nachricht|Anfrage|Aufstellung) (?:\S+ ){0,2}?"
    r"(?:genannt|angegeben|angeführt|aufgeführt|mitgeteilt|beziffert|ausgewiesen)\w*",
    # the figure in brackets right after the firm's letter is named ("Der Betrag in Ihrem Schreiben (287,45 EUR)")
    r"in Ihre[rm] (?:\w*schreiben|Brief|E-?Mail|Mail|Nachricht|Anfrage|Aufstellung)\s*\(\s*(?:€\s*|eur\s+)?$",
    # Reported speech: "Sie schreiben …, unsere Forderung betrage 615,00 €" (the subjunctive reports another's
    # figure; the creditor's own is "beträgt").
    r"\bsie (?:schreiben|schrieben|teilen mit|teilten mit|meinen|gehen davon aus)\b",
    # The firm's own words to the creditor ("Nach unseren Unterlagen beläuft sich Ihre Forderung auf 2.180,00 EUR"):
    # a creditor calls its claim "unsere Forderung", so "Ihre Forderung" with a figure is the firm's letter, even
    # sent back as an attachment.
    r"\bIhre[rn]? Forderung (?:\S+ ){0,3}?(?:auf|von|mit|beträgt|betrug)\s*(?:€\s*|eur\s+|euro\s+)?$",
    r"\bbeläuft sich Ihre Forderung auf\s*(?:€\s*|eur\s+|euro\s+)?$", r"\b(?:stehen|steht) bei Ihnen\s*$",
    # the same with the verb first ("Nach unseren Unterlagen beträgt Ihre Forderung 1.875,12 EUR")
    r"\b(?:beträgt|betrug|beträgt derzeit|liegt|stand|steht) Ihre[rn]? (?:\S+ )?Forderung\w* (?:\S+ ){0,2}?"
    r"(?:bei |auf )?(?:€\s*|eur\s+|euro\s+)?$",
    # "Sie gehen in Ihrem Schreiben von 5.620,00 € aus.", "Sofern Ihr Mandant von einem Rückstand über 156,00 €
    # ausgeht": the firm's or the client's figure.
    r"\bsie gehen (?:\S+ ){0,5}?von\s*(?:€\s*|eur\s+|euro\s+)?$",
    r"\bIhr(?:e)? (?:Mandant\w*|Mandantschaft) (?:\S+ ){0,3}?von (?:\S+ ){0,3}?(?:über|von|in Höhe von)\s*"
    r"(?:€\s*|eur\s+|euro\s+)?$",
    # The same with the verb first: "In Ihrem Schreiben vom 03.03. nennen Sie … eine Forderung von 241,60 EUR".
    r"\b(?:nennen|nannten|beziffern|bezifferten|schreiben|schrieben) sie\b",
    r"\b(?:betrage|belaufe sich|bestehe)\s*(?:€\s*|eur\s+|euro\s+)?$",
    # The firm's settlement plan is the firm's figure too ("Forderung laut Plan", "nach Ihrem Plan entfielen").
    r"(?:laut|gemäß|nach|in|im) (?:Ihrem |dem |Ihres |des )?(?:\w*bereinigungs)?plan(?:es|s)?\b",
), whole_words=False)
# The creditor confirms the firm's figure in the sentence that restates it ("den in Ihrem Schreiben genannten
# Rückstand von 2.140,00 € für die Wohnung … bestätigen wir"): the figure is the creditor's own statement then. Read
# from the amount to its sentence's end (a dot before a capitalised word ends it; "2. OG" does not).
FIGURE_CONFIRMED = re.compile(
    r"(?:[^.!?]|\.(?!\s+(?-i:[A-ZÄÖÜ][a-zäöüß]))){0,200}?\b(?:bestätigen wir|bestätige ich|wird (?:hiermit )?bestätigt"
    r"|(?:ist|sind) (?:so )?(?:korrekt|richtig|zutreffend)|stimmt(?! nicht)|stimmen(?! nicht)|trifft zu|treffen zu)\b",
    re.IGNORECASE)
# A note right after a figure that marks it wrong ("… 1.245,60 EUR. <- nicht korrekt!", "(falsch)"): a figure
# the creditor puts right, most often the firm's own.
MARKED_WRONG = re.compile(r"\s*+(?:€|EUR\b|Euro\b)?[\s.,;:)\]]*+(?:<-+|←|⇐|-->?)?\s*+[(\[]?\s*+"
                          r"(?:nicht (?:korrekt|richtig|zutreffend|mehr aktuell)|falsch|unrichtig|stimmt nicht)\b",
                          re.IGNORECASE)
# Words right after an amount (up to the end of its clause) that make it something else.
PAID_TRAIL = phrases((
    r"\beingegangen\b", r"\bgezahlt\b", r"\bbezahlt\b", r"\bbeglichen\b", r"\bgutgeschrieben\b",
    r"\büberwiesen\b", r"\berstattet\b", r"\bgetilgt\b", r"\bvereinnahmt\b", r"\bausgeglichen\b", r"\bangezahlt\b",
    # paid in at the cash desk ("… hat den Gesamtbetrag von 182,00 EUR am 01.03. bar an der Stadtkasse eingezahlt")
    r"\beingezahlt\b",
    # cash handed over ("Im März hat er mir 150 € bar gebracht", "… 80 Euro in bar vorbeigebracht")
    r"\b(?:bar|in bar) (?:\S+ ){0,2}?(?:gebracht|vorbeigebracht|gegeben|übergeben|ausgehändigt)\b",
    # made as a payment ("eine Teilzahlung von 300,00 € geleistet"; "nicht geleistet" is stopped by the negation)
    r"\bgeleistet\b",
    # settled by paying it, an insurer's word ("den Schaden des Unfallgegners mit insgesamt 7.318,40 EUR reguliert"):
    # what was paid out, whoever to, is not what is owed
    r"\breguliert\b",
    # Withheld from benefits paid to the debtor ("drei Monatsbeträge, zusammen 168,90 €, einbehalten").
    r"\beinbehalten\b",
    # Set off against a refund or a credit: the amount is no longer open.
    r"\bverrechnet\b", r"\baufgerechnet\b",
    r"(?:haben wir|dankend) (?:\w+ )?erhalten", r"erhalten haben",
    # the claim it names is done with ("Die Forderung aus Rechnung … über 146,85 EUR ist erledigt")
    r"\b(?:ist|sind|wurde|wurden) (?:\S+ ){0,2}?erledigt\b",
), whole_words=False)
CANCELLED_TRAIL = phrases((
    r"storniert", rf"{_PAINTED}gestrichen", r"erlassen", r"ausgebucht", r"\bentfällt\b", r"\bentfallen\b",
    r"irrtümlich", r"\bverjährt\b", r"abgeschrieben", r"niedergeschlagen", r"nicht mehr geltend",
), whole_words=False)
# A balance in the debtor's favour ("-38,40 EUR (Guthaben der Kundin)", "120,00 € Haben", "zu Ihren Gunsten"): a
# credit the creditor owes, never a claim. "zu unseren Gunsten" is the creditor's claim and not listed.
CREDIT_TRAIL = phrases((
    r"^\W*+(?:euro?\W*+)?(?:haben(?! (?:wir|sie|ihr|die|der|uns|ihre\w*)\b)|h|cr|credit)\b", r"\bguthaben\b",
    r"\büberzahlung\b", r"\bzu (?:ihren|ihrer|seinen|ihrem) gunsten\b",
    r"\bzugunsten (?:ihre|ihres|des|der|unsere[rs]) (?:mandant|kund)\w*",
    r"\bin (?:ihrem|ihrer|seinem) (?:favour|favor)\b", r"\bin credit\b",
    # goods sent back, credited to the debtor ("Ware im Wert von 159,99 EUR zurückgesandt")
    r"^\W*+(?:euro?\W*+)?(?:\S+ ){0,2}?(?:zurückgesandt|zurückgeschickt|retourniert)\b",
), whole_words=False)
CREDIT_LEAD = phrases((
    r"\bGuthaben\w*", r"\bÜberzahlung\w*", r"zu viel (?:gezahlt|überwiesen|bezahlt|entrichtet)", r"\bcredit balance",
), whole_words=False)
# A figure in the past tense right after it ("Der Betrag von 615,00 € war unsere erste Mahnung"), unless it was
# due or open then and still is ("waren am 01.05. fällig").
PAST_TRAIL = re.compile(r"^[\s€]*+(?:eur\b|euro\b)?[\s,]*+(?:war|waren)\b"
                        r"(?!(?:\s+\S+){0,5}?\s+(?:faellig|offen|zu zahlen|ausstehend|geschuldet)\b)")
# The figure a claim was handed over with to someone else who collects it now ("… mit einem Vollstreckungsersuchen
# über 3.812,40 € an das Hauptzollamt abgegeben", "… in Höhe von 640,00 € an unser Inkassobüro übergeben"): what
# it was then, not what it is.
HANDED_OVER_TRAIL = phrases((
    # (the figure may stand in a bracket about the claim: "Die Forderung (…, Eigenanteil 1.190,00 EUR) haben wir im
    # April an die … Inkasso GmbH abgetreten")
    r"^[\s€]*+(?:eur\b|euro\b)?[\s,)]*+(?:\S+ ){0,4}?an (?:das|die|den|unser\w*|ein\w*) (?:\S+ ){0,6}?(?:abgegeben"
    r"|übergeben|weitergegeben|weitergeleitet|abgetreten)\b",
), whole_words=False)
# A figure a claim is compared with ("Weil die Forderung 2.500 € übersteigt, …"): a limit, not the claim.
THRESHOLD_TRAIL = re.compile(r"^[\s€]*(?:eur\b|euro\b)?\s*(?:uebersteig|ueberschreit|unterschreit)\w*")
# An earlier figure the text calls out of date ("Unsere Aufstellung vom 08.05. über 812,07 EUR ist damit überholt").
SUPERSEDED_TRAIL = phrases((
    r"^[\s€]*+(?:eur\b|euro\b)?[\s,]*+(?:(?:ist|sind|gilt|gelten|wird|werden) (?:\S+ ){0,2}?)?(?:überholt|hinfällig"
    r"|gegenstandslos|nicht mehr (?:gültig|aktuell|zutreffend))",
), whole_words=False)
FUTURE_TRAIL = phrases((
    r"\b(?:wird|werden)\b(?:(?!sofort).){0,60}\bfällig\b(?! gestellt)", r"\bfällig werden\b", r"\bwill be due\b",
), whole_words=False)
# Words in the sentence before an amount that put it in the future or under a condition: from a date on ("ab
# 01.12.", "ab dem", "ab Januar"), once the debtor stays in default ("bei weiterem Verzug", "nach Fristablauf"),
# otherwise ("andernfalls"), from now on ("künftig"), or as a figure that only would hold ("würde", "wäre").
NOT_YET_CONTEXT = phrases((
    r"ab (?:dem |den )?\d{1,2}\.\s?\d{1,2}\.", r"ab (?:dem |den )?#{4,}",  # a date, as read or as masked
    r"ab (?:dem |den )?\d{1,2}\.\s?(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November"
    r"|Dezember)",
    r"ab (?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b",
    r"ab (?:dem )?(?:nächste[nmr]?|kommende[nmr]?|folgende[nmr]?) (?:Monat|Woche|Jahr|Quartal|Mahnstufe)\w*",
    r"ab der (?:nächsten|kommenden|folgenden|zweiten|dritten) (?:Mahnung|Mahnstufe|Woche)",
    r"bei (?:weiterem|erneutem|fortgesetztem|fortdauerndem|anhaltendem|andauerndem) (?:Zahlungs)?verzug",
    r"bei (?:weiterer |fortgesetzter )?(?:Nichtzahlung|Nichtbezahlung|Zahlungsverweigerung)",
    r"bei (?:ausbleibender|fehlender|nicht fristgerechter|verspäteter) Zahlung",
    # A step the creditor would take next ("Bei Abgabe an das Inkassobüro entstehen weitere Kosten …").
    r"(?:bei|mit|nach) (?:der |einer )?(?:Abgabe|Übergabe|Weitergabe|Einschaltung|Beauftragung|Einleitung|"
    r"Durchführung) (?:an |des |der |eines |einer )?(?:\S+ ){0,2}?(?:Inkasso\w*|Rechtsanw\w*|Anwalt\w*|"
    r"gerichtlich\w*|Mahnverfahren\w*|Gericht\w*|Zwangsvollstreckung\w*|Vollstreckung\w*)",
    r"im (?:Falle?|Fall) (?:der |einer )?(?:Abgabe|Übergabe|Einschaltung|Beauftragung|Einleitung)",
    r"nach (?:fruchtlosem |ergebnislosem )?(?:Frist)?ablauf", r"nach Ablauf der Frist",
    r"andernfalls", r"anderenfalls", r"ansonsten", r"widrigenfalls",
    r"künftig\w*", r"zukünftig\w*", r"in Zukunft", r"demnächst", r"im Falle (?:der|einer) (?:Nichtzahlung|Klage)",
    # … but not a politeness ("wir würden uns freuen", "wir wären Ihnen dankbar", "es wäre schön", "Zu zahlen wären
    # insgesamt 391,50 €": the polite subjunctive of what is owed).
    r"würden?\b(?! (?:uns|Ihnen|gern|gerne|es begrüßen|Sie bitten))",
    r"(?<!zahlen\s)(?<!offen\s)wären?\b(?! (?:Ihnen|wir Ihnen|dankbar|schön|nett|hilfreich|gut|wir froh))",
    r"if (?:no|payment is not)", r"otherwise", r"from (?:the )?\d{1,2}",
))
# A condition that opens a sentence ("Sollte bis zum 01.12. keine Zahlung eingehen, …"): an amount in the clause
# after it is a consequence, not yet owed.
CONDITION_OPENER = phrases((r"sollten?", r"falls", r"sofern", r"wenn", r"sobald", r"im Falle", r"unless", r"if"))
# A request to pay in the clause after a condition ("Falls noch nicht geschehen, überweisen Sie bitte …"): the
# amount asked for is owed now.
PAY_REQUEST = phrases((
    r"bitte", r"bitten", r"(?:überweisen|zahlen|begleichen|erstatten) Sie", r"Ausgleich", r"ausgleichen",
    r"please",
))
# A "then" that refers back to the future or condition the sentence or the one before it names ("Gesamtbetrag
# dann 320,00 €" after "Ab 01.12. berechnen wir …").
THEN = phrases((r"dann", r"alsdann", r"then"))
# A future tense in an amount's own clause: "wird/werden/würde(n)" before it, with an infinitive of an amount taking
# effect ("wird sich auf 320,00 € belaufen", "werden wir 20,00 € berechnen"). A participle ("wird mit 300,00 €
# beziffert") is a present passive and does not count.
FUTURE_TENSE = phrases((
    r"(?:wird|werden|würde|würden)\b(?:(?!\b(?:nicht|kein\w*)\b)[^,;.]){0,80}?\b(?:betragen|belaufen|erhöhen|steigen"
    r"|anwachsen|anfallen|entstehen|hinzukommen|dazukommen|berechnen|erheben|stellen|verlangen|kosten|fällig werden"
    r"|hinzugerechnet werden|berechnet werden|erhoben werden|in Rechnung gestellt werden)\b",
))
# The same tense after the amount, with a verb of a charge coming into being ("Gebühren von 5,00 € werden
# anfallen"); a verb of change ("300,00 € werden sich erhöhen") leaves the amount before it a current one.
FUTURE_ARISING = phrases((
    r"(?:wird|werden|würde|würden)\b(?:(?!\b(?:nicht|kein\w*)\b)[^,;.]){0,80}?\b(?:anfallen|entstehen|hinzukommen"
    r"|dazukommen|fällig werden|hinzugerechnet werden|berechnet werden|erhoben werden|in Rechnung gestellt werden)\b",
))
# The amount stands in a clause whose subject is the firm ("Sie") and whose verb names or takes a figure from
# its letter ("… dem Sie Aktenzeichen und Betrag (487,35 €) entnommen haben", "300,00 €, den Sie nennen"):
# the firm's own figure repeated. Matched on unfolded text: "Sie" is the firm only when written with a capital.
# The same holds for a main clause of the firm's ("Sie haben unsere Forderung mit 890,40 € angesetzt").
FIRMS_CLAUSE_START = re.compile(
    r"^\s*(?:[a-zäöüß]+\s+)?(?:[Dd](?:en|ie|as|em|er|enen)|[Ww]elche[nmrs]?)\s+Sie\b"
    r"|^\s*Sie\s+(?:haben|hatten)\b|\b(?:haben|hatten)\s+Sie\b"
    r"|^\s*(?:which|that)?\s*you\b|^\s*you\s+(?:have|had)\b"
)
FIRMS_CLAUSE_VERB = re.compile(
    r"\b(?:genannt|angegeben|angeführt|aufgeführt|mitgeteilt|entnommen|beziffert|zugrunde gelegt|angesetzt"
    r"|(?:ü|ue)bernommen|verwendet|herangezogen|genommen"
    r"|nennen|nannten|angeben|anführen|mitteilen|beziffern|ansetzen|entnehmen|entnahmen|(?:ü|ue)bernehmen"
    r"|mention(?:ed)?|quote[ds]?|stated?|cited?)\b",
    re.IGNORECASE,
)
# The reply says its figure stands in the subject ("Der aktuelle Saldo … ist im Betreff genannt"): a sentence
# with both a pointer to the subject and a word for the figure, and no request ("Bitte im Betreff … angeben").
POINTS_TO_SUBJECT = phrases((
    r"(?:im|in dem|in der|siehe|laut|lt\.?|s\.) Betreff(?:zeile)?\b", r"Betreffzeile", r"(?:in|see) the subject\b",
))
SUBJECT_FIGURE_WORD = phrases((
    r"Saldo", r"Betrag", r"Beträge", r"Forderung\w*", r"Summe", r"Rückstand", r"Höhe", r"Kontostand", r"offen\w*",
    r"balance", r"amount", r"total",
), whole_words=False)
SUBJECT_REQUEST = phrases((r"bitte", r"geben Sie", r"anzugeben", r"please"))
