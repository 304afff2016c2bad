"""vocabulary/labels.py — the words that name what an amount is; invariant: normal spelling, one role per list.

Phrases match anywhere in the folded label text unless they carry their own `\\b`: "Gebühr" must also be
found inside "Mahngebühr". Order inside a list does not matter (longer phrases are tried first)."""

from __future__ import annotations

from app.services.extraction.vocabulary import phrases

# A word that names the whole current claim.
CLAIM_TOTAL = phrases((
    r"Gesamtforderung", r"Gesamtbetrag", r"Gesamtbeträge", r"Gesamtsumme", r"Gesamtsaldo", r"Gesamtrückstand",
    r"Gesamtrückstände", r"Gesamtschuld", r"Gesamtverbindlichkeit", r"Gesamtoffen", r"Gesamtforderungsbetrag",
    r"Gesamtzahlbetrag", r"Gesamt forderung",
    # A bank's word for all it claims from one customer across accounts ("Gesamtobligo", "Obligo gesamt").
    r"Gesamtobligo", r"Obligo gesamt",
    r"Restforderung", r"Restschuld(?!\w*versicherung)", r"Restbetrag", r"Restsaldo", r"Endbetrag", r"Zahlbetrag",
    r"zu zahlende[rn]? (?:gesamt)?betrag",
    r"Forderungssumme", r"Forderungsstand", r"Forderungshöhe", r"Höhe der Forderung", r"aktuelle Forderung",
    r"offene gesamt\w*", r"Forderung gesamt", r"gesamte Forderung",
    r"Summe (?:der |aller )?(?:Forderung\w*|offenen (?:Posten|Beträge))",
    r"Endsaldo", r"Schlusssaldo",
    # typed short: "Restford. per 21.09. EUR 8 612,44", "Gesamtford. 1.204,00"
    r"\bRestford\.", r"\bGesamtford\.", r"\bGes\.\s?-?Ford\.",
    r"total amount", r"amount due", r"total due", r"balance due", r"outstanding balance", r"total outstanding",
    r"statement balance", r"current balance", r"closing balance",
    # French and Dutch creditors ("Solde dû", "Montant total", "Openstaand bedrag", "Totaal te betalen").
    r"Solde dû", r"montant total", r"total dû",
    # what is left to pay ("Reste à payer : 1 300,00 €", "Solde restant")
    r"reste à payer", r"reste dû", r"restant dû", r"solde restant",
    r"Openstaand bedrag", r"Totaal te betalen", r"totaal openstaand",
    r"amount outstanding", r"total balance", r"balance outstanding", r"total claim", r"grand total",
    r"total owed", r"total debt",
), whole_words=False)
# A word that sums whatever it stands with ("Summe Kosten" is a costs subtotal).
TOTALIZER = phrases((
    r"\binsgesamt\b", r"\bgesamt\b", r"\btotal\b", r"\bSumme\b", r"Zwischensumme", r"Endsumme", r"\bSumme\w*",
    r"\bgesamt\w*", r"\bzusammen\b", r"\bin Summe\b",
), whole_words=False)
# A sum of some rows only, on its own ("Zwischensumme 1.890,77").
SUBTOTAL = phrases((r"Zwischensumme\w*", r"Teilsumme\w*", r"Zwischensaldo", r"Zwischenstand", r"sub-?total"),
                   whole_words=False)
# A totalizer strong enough to make a total on its own.
STRONG_TOTALIZER = phrases((
    r"\binsgesamt\b", r"\bgesamt\b", r"\btotal\b", r"Endsumme", r"\bin Summe\b",
    # the common slip of a hasty writer ("Insgesammt also 2983,-- Euro")
    r"\binsgesammt\b", r"\bgesammt\b",
    # The sum said as a sentence: "Macht zusammen 1.461,40 €", "das ergibt zusammen …".
    r"\b(?:macht|machen|ergibt|ergeben|sind) (?:\S+ ){0,3}?zusammen\b",
    # "… mit den Mahnkosten von 15,00 Euro ergeben sich 1.034,77 Euro": the words right before the amount.
    r"\b(?:ergibt|ergeben) sich\W*$",
    # "… sowie die Nachzahlung mit 212,38. Zusammen 1.122,38 €.": the word alone opening the amount's sentence.
    r"^\W*zusammen\W*$",
    # the same with its verb after it: "… die seit Oktober fällig ist. Zusammen sind das 2.138,40 Euro."
    r"^\W*zusammen (?:sind|macht|machen|ergibt|ergeben|wären) (?:das|dies|es)(?: (?:also|somit|damit|dann|nun|jetzt"
    r"|heute|insgesamt))*\W*$",
    # with a word of consequence: "…, dazu kommen 25,00 EUR Mahngebühren, zusammen also 2.396,15 EUR"
    r"^\W*(?:(?:also|somit|damit|dann) )?zusammen(?: (?:also|somit|damit|dann|nun|jetzt|heute))*\W*$",
    # Added up in words: "Zusammengerechnet sind damit heute …", "Alles zusammen macht das …", "unterm Strich".
    r"\bzusammengerechnet\b", r"\bzusammengezählt\b", r"\balles zusammen\b", r"\bunter(?:m| dem) Strich\b",
    r"\bsumma summarum\b", r"\balles in allem\b",
    # typed short on a phone: "zus. 879,30", "ges. 1.204,00"
    r"^\W*(?:zus|ges)\.?\W*$",
    # "zusammen" as spoken in the south: "Dezember 289,40 und Jänner 53,40, zamm 342,80 Euro"
    r"^\W*(?:zamm|zsamm|zam|zamma)\W*$",
), whole_words=False)
PRINCIPAL = phrases((
    r"Hauptforderung", r"Hauptsache", r"Restkapital", r"\bKapital\b", r"Kapitalforderung", r"Restdarlehen",
    r"Darlehensrest", r"\bprincipal\b", r"\bHoofdsom\b", r"\bcapital\b",
    # typed short by a clerk: "HF 1.930", "Hauptford. 214,95"
    r"\bHF\b", r"\bHauptford\.",
), whole_words=False)
# Words that often but not always name the principal ("Rechnung").
PRINCIPAL_WEAK = phrases((
    r"offene Rechnung\w*", r"Rechnungsbetr\w*", r"\bRechnung\w*", r"Schlussrechnung", r"Endabrechnung",
    r"Jahresabrechnung", r"\w*abrechnung\b", r"Mietschuld\w*",
    r"\bBeiträge\b", r"\w*beitrag\b", r"\bWaren?\b", r"Warenwert", r"Kaufpreis", r"offene Posten aus", r"\binvoices?\b",
), whole_words=False)
INTEREST = phrases((
    r"Zinsen\b", r"\bZins\b", r"Zins(?:anteil|forderung|betrag|beträge|kosten)", r"Verzugszins\b", r"\binterest\b",
    r"\bintérêts\b",
    # typed short: "Zi 21,30", "Verzugszi. 38,60", "Zinsrückst. 192,44"
    r"^\W*Zi\W*$", r"\bZi\.", r"Verzugszi\.", r"Zinsrückst\w*",
), whole_words=False)
# A fee or charge for what the creditor provides (rent, a service, a licence) is the claim itself, not a cost of
# collecting it: "Nutzungsgebühr", "Grundgebühr", "Netzentgelt" — but "Mahngebühr", "Bearbeitungsentgelt".
_SERVICE_PREFIXES = (
    "nutzungs", "benutzungs", "grund", "monats", "jahres", "abfall", "müll", "abwasser", "wasser", "kanal",
    "rundfunk", "kita", "betreuungs", "schul", "studien", "kurs", "teilnahme", "park", "anschluss", "netz",
    "verbindungs", "beförderungs", "miet", "abo", "lizenz", "friedhofs", "straßenreinigungs", "behandlungs",
)
_NOT_SERVICE = "".join(f"(?<!{prefix})" for prefix in _SERVICE_PREFIXES)
# "Kosten" of a collection, not the utility or living costs a bill is about.
COSTS = phrases((
    # (not the debtor of court costs: "Saldo zu Lasten der Kostenschuldnerin")
    r"(?<!neben)(?<!betriebs)(?<!heiz)(?<!strom)(?<!energie)(?<!wohn)(?<!waren)(?<!lebenshaltungs)Kosten(?!schuldner)",
    rf"{_NOT_SERVICE}Gebühr", rf"{_NOT_SERVICE}Entgelt", r"Auslagen", r"Pauschale", r"Vergütung", r"Spesen",
    r"\bPorto\b", r"Rücklastschrift", r"\bMahngeb\b",
    r"Mahnung\b", r"Mahnungen\b", r"Inkassokost\w*", r"Säumniszuschl\w*", r"Verspätungszuschl\w*", r"\bfees?\b",
    r"\bcosts?\b", r"\bcharges\b", r"Sperrandrohung\w*", r"\bfrais\b",
    # what comes beside the principal (fees, costs and interest): "Summe Nebenforderungen 11,96"
    r"Nebenforderung\w*",
    # typed short: "Mahnk. 5,00", "Ink.-Verg. 83,54"
    r"\bMahnk\.", r"\bInk\.-?\s?Verg\.",
), whole_words=False)
# Public-law surcharges for paying late (labelled costs above, so they count in the sums): yet neither principal,
# interest nor a cost of collection, so no component (extraction/totals.py).
SURCHARGES = phrases((r"Säumniszuschl\w*", r"Verspätungszuschl\w*"), whole_words=False)
# Balance words that say only "this is some sum" ("beträgt", "fällig"): alone they never make a total safe.
_WEAK_BALANCE = (
    r"beträgt", r"beläuft", r"fällig\w*", r"zu zahlen", r"\bBetrag\b", r"Schuld(?:en|et)?\b", r"\bbalance\b",
    r"\bergibt\b",
    # "Der Verein hat also noch 181,00 € von ihm zu bekommen": what the creditor is still to receive.
    r"\bzu bekommen\b",
    # "… bitte entschuldigen – es sind 1.329,00 €, nicht 1.392,00 €": the figure said right after "es sind".
    r"\bes sind\W*$",
    # what a loan stands at, in a bank's word ("Das Darlehen valutiert derzeit mit 8.613,47 EUR")
    r"\bvalutier(?:t|en)\b",
)
BALANCE = phrases((
    r"Saldo", r"Kontostand", r"offene[rsn]? (?:Betrag|Beträge|Forderung\w*|Summe|Posten|Saldo)", r"\boffen\b",
    r"noch offen", r"Rückstand", r"Rückstände", r"rückständig\w*", r"\bSumme\b", r"Forderung\w*",
    r"Verbindlichkeit\w*", r"noch zu zahlen", r"ausstehend\w*", r"Zahlungsrückstand", r"\boffene[rsn]?\b",
    r"\boutstanding\b", r"Außenst\w*", r"Schuldbetrag",
    # the side a sum stands on: "Nachzahlung zu Ihren Lasten: 998,40 EUR"
    r"zu Ihre[nr] Lasten\b",
    # The figure put right against the firm's ("Ihre Angabe … ist nicht mehr aktuell, richtig sind 402,90 €"), and
    # today's said with a dummy subject ("Nicht mehr ganz: aktuell sind es 744,15 €").
    r"\b(?:richtig|korrekt|zutreffend) (?:ist|sind|wäre|wären|lautet)\b", r"\brichtige[rn]? (?:Betrag|Saldo|Stand)\b",
    r"\b(?:aktuell|derzeit|momentan|zurzeit|inzwischen|mittlerweile|heute|jetzt|nun|also|somit|damit) sind es\b"
    r"(?! (?:\S+ )?nicht\b)",
    # "statt 4.210,00 € nun 3.968,12 €": the word alone between the figure put right and the new one
    r"^\W*(?:nun|nunmehr|jetzt|neu)\W*$",
    # a private lender's or landlord's words: "Also bekomme ich noch 1.200,- €", "kriege ich noch 340 Euro"
    r"\b(?:bekomme|bekommen|kriege|krieg|kriegen) (?:ich|wir) (?:\S+ )?noch\b",
    # typed short: "Beitragsrückst. Kfz-Vers. …: 488,50"
    r"rückst\.",
    # "Rest: 400,00 €" under a sum and a payment: the word alone as the row's label
    r"^\W*Rest\W*$",
    # the same said plainly in broken German: "Was Sie schreiben 186,50 war Stand Februar … Jetzt ist 213,50 €."
    r"^\W*(?:jetzt|nun|heute) (?:ist|sind) (?:es )?\W*$",
    # a note beside the firm's figure: "[Anmerkung: richtig 1.318,25 EUR …]"
    r"(?<!nicht\s)\b(?:richtig|korrekt|korrigiert)\W*$",
    r"\bsind es (?:aktuell|derzeit|momentan|zurzeit|inzwischen|mittlerweile|heute|noch|jetzt|nun)\b(?! nicht\b)",
    # "Bei ihm sind es 58,00 €"
    r"\bsind es\W*$",
    # "Es sind also nur noch 1.100,- €."
    r"\b(?:es|das) sind (?:\S+ ){0,2}?noch\W*$",
    # … with the verb first or run together: "Dann sind es also noch 1196,20 €", "Dann sinds also noch …"
    r"\bsind(?:s|'s|’s| es| das) (?:\S+ ){0,2}?noch\W*$",
    # the same with "das": "Mit den Mahngebühren sind das jetzt 3.005,00 €"
    r"\b(?:sind|macht|wären) (?:das|dies) (?:aktuell|derzeit|momentan|zurzeit|inzwischen|mittlerweile|heute|jetzt|nun"
    r"|also|dann)\b(?! nicht\b)",
    # What remains after a payment is what is owed ("verbleiben 880,00 €", "verbleibender Betrag").
    r"\bverbleib(?:en|t|ende[rn]?)\b", r"\bes bleib(?:en|t)\b", r"\bbleib(?:en|t) (?:also|somit|damit|noch)\b",
    # "… 500,00 € bezahlt, bleiben 2.230,00 €": the word right before the amount
    r"\bbleib(?:en|t)\W*$",
    # Today's standing of the account ("aktueller Stand Kundenkonto …: 271,85 €"); "Stand: 01.12." alone is a date.
    r"\baktuelle[rn]? (?:Konto)?[Ss]tand\b", r"\b[Ss]tand (?:per |von )?heute\b", r"\b[Ss]tand zum heutigen Tag\b",
    # What is still missing is what is still owed ("Stand heute fehlen noch 1.015,-- €", "Fehlbetrag").
    r"\bfehl(?:en|t) (?:\S+ ){0,2}?noch\b", r"\bnoch fehlend\w*", r"\bnoch fehl(?:en|t)\b", r"\bFehlbetrag",
    *_WEAK_BALANCE,
    # What the account shows ("Unser Konto weist per heute 748,36 € aus").
    r"\b\w*konto\w* (?:\S+ ){0,2}?weis(?:t|en)\b",
    # An account's debit standing ("steht per 23.02. mit 2.412,63 EUR im Soll", "… im Minus").
    r"\bim (?:Soll|Minus)\b",
), whole_words=False)
WEAK_BALANCE_WORDS = phrases(_WEAK_BALANCE, whole_words=False)

_PARTS = r"(?:Zinsen|Verzugszinsen|Kosten|Mahnkosten|Gebühren|Mahngebühren|Säumniszuschlägen|Nebenkosten)"
# Words that fold parts into the whole they follow ("Forderung inkl. Zinsen", "Rückstände einschließlich der
# Säumniszuschläge"): the label is the whole written before them, not the part after.
INCLUSION = phrases((
    r"inklusive", r"inkl\.?", r"einschließlich", r"einschl\.?", r"samt", r"nebst", r"including", r"incl\.?",
    r"mit (?:den|der|allen) (?:\S+ ){0,6}?(?:angefallenen|aufgelaufenen|verwirkten|bisherigen|entstandenen)",
    # opening the clause or right before the amount: "Mit Zinsen beläuft sich die Forderung inzwischen auf …", "Die
    # Rückstände betragen mit Säumniszuschlägen 1.331,50 €" (not "… mit Zinsen von 38,86 €")
    rf"^\W*mit (?:den |allen |sämtlichen )?{_PARTS}\b", rf"\bmit (?:den |allen |sämtlichen )?{_PARTS}\W*$",
))
