"""vocabulary/spam.py — cues of mail that concerns no case: marketing, phishing, the firm's own purchases; data only.

A cue alone never makes spam: `extraction/intent.py` also wants the mail to name no firm reference and no
client of the firm."""

from __future__ import annotations

from app.services.extraction.vocabulary import phrases

MARKETING = phrases((
    r"Newsletter", r"abbestellen", r"abmelden", r"unsubscribe", r"Webinar\w*", r"Frühbucher\w*", r"Teilnahmegebühr",
    r"jetzt (?:Platz )?(?:kaufen|bestellen|sichern|anmelden|buchen|testen)", r"Platz sichern", r"Gewinnspiel",
    r"gewonnen", r"Rabatt\w*", r"Sonderangebot\w*", r"Gutscheincode", r"kostenlos testen",
    r"Abonnent(?:en|in|innen)?\b",  # the readers addressed, not a subscriber's number ("Abonnentennummer")
    r"Sie erhalten diese (?:E-?Mail|Nachricht|Ausgabe)", r"lottery", r"casino", r"bitcoin", r"Krypto\w*", r"SEO\b",
    r"special offer", r"free trial", r"register now", r"sign up",
))
# Pressure to pay through a link, threats to switch something off.
PHISHING = phrases((
    r"jetzt (?:\S+ ){0,3}?(?:bezahlen|zahlen|begleichen)", r"Zahlungsportal", r"klicken Sie (?:hier|auf)",
    r"click here", r"pay now", r"innerhalb von \d+ Stunden", r"within \d+ hours",
    r"(?:wird|werden) (?:\S+ ){0,6}?(?:gesperrt|deaktiviert|gelöscht)", r"unwiderruflich",
    r"(?:Konto|Zugang|Daten) (?:\S+ ){0,3}?(?:verifizieren|reaktivier\w*)", r"verify your (?:account|identity|details)",
    r"Kreditkarte", r"credit card",
    # a link that expires soon and wants the mailbox's password
    r"expires? (?:\S+ ){0,2}?in \d+ (?:hours|minutes)", r"(?:läuft|verfällt|erlischt) (?:\S+ ){0,4}?in \d+ Stunden",
    r"sign in with your (?:\S+ ){0,2}?password", r"mit Ihrem (?:\S+ )?(?:E-Mail-)?Passwort", r"E-Mail-Passwort\w*",
))
# The firm itself addressed as a customer: an order, a delivery, a cash discount.
OWN_PURCHASE = phrases((
    r"Dank für Ihre Bestellung", r"Ihre Bestellung", r"Ihr(?:en)? Auftrag\b", r"Auftragsbestätigung",
    r"Lieferanschrift",
    r"Lieferadresse", r"Skonto", r"Sehr geehrte[r]? Kund(?:e|in)", r"Liebe[r]? Kund(?:e|in)",
    r"Dear (?:customer|client)", r"(?:thank you for|your) (?:your )?order", r"Verlängerungsgebühr",
    # The firm addressed as the holder or user of something the sender sells (a domain, a web space, an account).
    r"Sehr geehrte[r]? \w*(?:inhaber|inhaberin|nutzer|nutzerin)\b", r"Ihre[rn]? Domain\w*",
    # The firm billed for a listing of its own ("für die Veröffentlichung Ihrer Kanzlei im Online-Verzeichnis",
    # "Eintrag Kanzleiverzeichnis 2067/2068").
    r"(?:Eintrag\w*|Veröffentlichung|Listung|Registrierung) (?:\S+ ){0,3}?Ihre[rs]? "
    r"(?:Kanzlei|Firma|Unternehmens|Praxis)\b",
    r"Eintrag\w* (?:\S+ ){0,2}?(?:Kanzlei|Branchen|Firmen|Anwalts|Online-?)verzeichnis\w*",
    # any trade directory's listing ("Ihr Eintrag im Gewerbeverzeichnis", "Ihres Firmeneintrags"), never the debtors'
    # register a creditor may name ("Eintragung in das Schuldnerverzeichnis")
    r"Ihr\w* Eintrag\w* (?:\S+ ){0,3}?(?!Schuldner)[\w-]*(?:verzeichnis|register)\w*",
    r"Ihr\w* (?:Firmen|Kanzlei|Branchen)eintrag\w*", r"Eintragungsofferte\w*",
    # the small print of such an offer: "Es handelt sich um ein Angebot, nicht um eine Rechnung"
    r"ein Angebot, (?:und )?nicht um eine Rechnung",
))
# Link targets that take a payment.
PAYMENT_LINK = phrases((
    r"pay", r"zahl", r"checkout", r"billing", r"kasse", r"konto", r"verif", r"amount=", r"betrag=",
), whole_words=False)
# Words of a display name that name a department, not who sends ("Quirinet Kundenservice" → "quirinet").
GENERIC_SENDER_WORDS = frozenset((
    "kundenservice", "service", "team", "buchhaltung", "abrechnung", "forderungsmanagement", "customer", "care",
    "support", "info", "rechnung", "billing", "kontakt", "kontaktformular", "collections", "gmbh", "mbh", "ihr",
    "ihre", "your", "the", "und", "der", "die", "das", "online", "direkt", "zahlungsverkehr", "mahnwesen",
    "kundenbetreuung", "noreply", "no-reply", "verwaltung", "inkasso", "abteilung", "zentrale", "mail",
))
