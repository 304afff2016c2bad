"""vocabulary/intent.py — cues for automatic answers, settled accounts and instalment offers; data only.

Cues for declining vs asking live in `vocabulary/requests.py`, cues for mail that concerns no case in
`vocabulary/spam.py`. Which cue decides which intent, and in what order, is `extraction/intent.py`'s table."""

from __future__ import annotations

import re

from app.services.extraction.vocabulary import phrases

# --- automatic answers ----------------------------------------------------------------------------------
# The start of a subject a mail system writes on an automatic answer (after any "[…]" tags).
AUTO_SUBJECT = phrases((
    r"automatische Antwort", r"automatische Rückantwort", r"automatic reply",
    r"automatische (?:Eingangs|Empfangs)?(?:bestätigung|benachrichtigung|nachricht)\w*", r"auto[- ]?reply",
    r"autoreply",
    r"auto[- ]?response", r"automatic response", r"Abwesenheit\w*", r"abwesend\b", r"out of (?:the )?office",
    r"außer Haus",
    r"nicht im (?:Büro|Hause)", r"Eingangsbestätigung", r"Empfangsbestätigung", r"Lesebestätigung",
    r"Zustellbestätigung", r"Eingang Ihrer (?:Nachricht|Anfrage|E-?Mail)",
    r"Ihre? (?:Nachricht|Anfrage|E-?Mail|Anliegen|Vorgang) (?:ist |wurde )?(?:bei uns )?(?:eingegangen|erhalten"
    r"|registriert|erfasst|angelegt)",
    r"wir haben Ihre (?:Nachricht|Anfrage|E-?Mail) erhalten", r"Ticket (?:erstellt|eröffnet|angelegt)",
    r"request received", r"we(?: have|'ve)? received your (?:message|request|e-?mail|enquiry|inquiry)",
    r"your (?:message|request|enquiry|inquiry) (?:has been|was) (?:received|registered)", r"undeliverable",
    r"unzustellbar", r"delivery status notification", r"mail delivery failed", r"undelivered mail",
    r"returned mail", r"mail returned to sender", r"delivery failure", r"failure notice", r"nicht zustellbar",
    # A mail server's notice that delivery is delayed ("Zustellung verzögert", "Delivery delayed").
    r"Zustellung (?:\S+ ){0,3}?verzögert", r"delivery (?:has been |is )?delayed", r"delayed mail",
    r"Statusmeldung des Mail-?servers",
    # A read receipt's subject: the mail program's prefix before the subject of the message that was read.
    r"Gelesen\s*:", r"Nicht gelesen\s*:", r"Read\s*:", r"Not read\s*:", r"Lu\s*:",
))
# A mail server's report that the firm's letter was not delivered (a bounce): automatic, yet a human must send the
# letter again, so it is never dropped unseen.
BOUNCE_SUBJECT = phrases((
    r"undeliverable", r"unzustellbar", r"nicht zustellbar", r"delivery status notification", r"mail delivery failed",
    r"undelivered mail", r"returned mail", r"mail returned to sender", r"delivery failure", r"failure notice",
))
# The text inside a leading subject tag that marks an automatic answer ("[Auto-Reply]", "[Abwesenheit]").
AUTO_TAG = phrases((r"auto\w*", r"Abwesen\w*", r"OOO\b", r"out of (?:the )?office", r"automatische \w+"))
# The body confirms that the firm's message arrived.
RECEIPT = phrases((
    # (a ticket system's "Ihr Anliegen" too; "Ihr Schreiben erhalten" opens many a person's answer)
    r"(?:wir haben|haben wir) (?:Ihre (?:elektronische )?(?:Nachricht|Anfrage|E-?Mail|Schreiben|Anliegen)\w*|Ihr "
    r"Anliegen) (?:\S+ ){0,8}?(?:erhalten|registriert|gespeichert|erfasst|aufgenommen)",
    r"(?:Ihre (?:elektronische )?(?:Nachricht|Anfrage|E-?Mail|Anliegen)\w*|Ihr Anliegen) (?:\S+ ){0,8}?(?:eingegangen"
    r"|registriert|erfasst)",
    r"wir bestätigen (?:Ihnen )?den (?:Eingang|Empfang)", r"(?:we have|we've) received your",
    # filed under a number of the creditor's system ("Wir haben sie unter der Anfragenummer #PF-2207 gespeichert")
    r"unter (?:der|dem) (?:\S+ ){0,2}?\w*(?:nummer|Nr\.?|Kennung|ID)\W*\S+ (?:\S+ ){0,6}?(?:gespeichert"
    r"|registriert|erfasst|aufgenommen|angelegt|eingegangen)\b",
    r"your (?:message|request|e-?mail|enquiry|inquiry) (?:has reached|has been received|was received|has been"
    r" registered)",
    r"thank you for contacting", r"(?:this is )?an automatic confirmation",
))
# The body says the message waits in a queue: a processing time, a later answer.
PENDING = phrases((
    r"Bearbeitungszeit", r"Bearbeitung (?:\S+ ){0,6}?dauern", r"Bearbeitungsstand",
    # "Eine Kollegin … meldet sich in der Regel innerhalb von 5 Werktagen bei Ihnen."
    r"(?:meldet|melden) (?:sich|uns) (?:\S+ ){0,6}?(?:innerhalb|in Kürze|zeitnah|schnellstmöglich|baldmöglichst)\b",
    r"wird (?:\S+ ){0,3}?(?:schnellstmöglich|zeitnah|baldmöglichst|schnellstens|so schnell wie möglich) bearbeitet",
    r"(?:eine )?Antwort erhalten Sie (?:\S+ ){0,4}?innerhalb", r"inhaltliche Prüfung",
    r"(?:usually|will) (?:reply|replies|respond|responds|get back)", r"within \d+ (?:business|working) days",
    r"follow (?:the status of )?your (?:case|request|ticket)", r"Warteschlange",
))
# A queue named beside a receipt ("Wir bearbeiten sie der Reihe nach", "im Moment dauert das 4 bis 6 Werktage"); alone
# a person may write it too, so it counts only together with a receipt cue (`intent._receipt`).
QUEUED = phrases((
    r"der Reihe nach", r"in der Reihenfolge (?:des|ihres|ihrer) Eingang\w*", r"um (?:\S+ ){0,2}?Geduld",
    r"dauert (?:\S+ ){0,4}?\d+ (?:bis \d+ )?(?:Werktage|Arbeitstage|Tage|Wochen)\b",
))
# Wording of a machine-sent mail (not of a letter: "maschinell erstellt, ohne Unterschrift gültig" is no cue).
AUTOMATIC = phrases((
    r"automatisch (?:erstellt|erzeugt|generiert|versandt|versendet)\w* (?:Nachricht|E-?Mail|Antwort|Bestätigung)",
    r"(?:Nachricht|E-?Mail) wurde automatisch",
    r"automatische (?:Antwort|Nachricht|Eingangsbestätigung|Benachrichtigung)",
    r"antworten Sie nicht auf diese", r"nicht auf diese (?:E-?Mail|Nachricht) antworten",
    r"Antworten an diese (?:\S+ ){0,2}?Adresse", r"do not reply", r"automated (?:message|reply|response|e-?mail)",
    r"automatic (?:confirmation|reply|message)", r"Ticketnummer", r"Ticket-?Nr", r"Vorgangsnummer", r"case number",
    r"ticket number", r"Eingangsbestätigung",
    # A read receipt's body: "Ihre Nachricht … wurde am Montag, … 10:11 … gelesen." / "Your message … was read on …".
    r"wurde am [^\n]{0,160}? gelesen\b", r"\bwas read on\b",
))
# A person is away (out-of-office notes).
ABSENCE = phrases((
    r"Abwesenheitsnotiz", r"nicht im (?:Hause|Büro)", r"außer Haus", r"im Urlaub", r"urlaubsbedingt", r"abwesend",
    # ("Elternzeit" of the writer, not "ist sie nur vorübergehend in Elternzeit" of the debtor)
    r"(?:bin|befinde mich|bis|ab) (?:\S+ ){0,3}?(?:in )?Elternzeit", r"Elternzeit (?:bis|vom|ab)\b",
    r"wieder (?:erreichbar|im (?:Hause|Büro))", r"nicht erreichbar", r"nicht besetzt",
    r"out of (?:the )?office", r"currently away", r"on (?:vacation|leave|holiday)", r"annual leave",
))
# A sentence of an absence note that names a deputy for urgent matters: no referral of the case.
ABSENCE_DEPUTY = phrases((
    r"in dringenden Fällen", r"in eiligen Fällen", r"dringende\w* Anliegen", r"während meiner Abwesenheit",
    r"in meiner Abwesenheit", r"Vertretung", r"vertreten", r"urgent", r"in my absence",
))
# A human note that the message went on to someone else or will be answered later.
FORWARDED = phrases((
    r"(?:haben|wurde|wird|wurden) (?:\S+ ){0,6}?weitergeleitet", r"wir melden uns", r"werden uns (?:\S+ ){0,5}?melden",
    r"(?:wird|werden) sich (?:\S+ ){0,5}?melden", r"wird (?:\S+ ){0,3}?(?:geprüft|bearbeitet)",
    r"erhalten Sie (?:\S+ ){0,5}?(?:in Kürze|zeitnah|umgehend)", r"will get back to you",
    r"(?:have|has been) forwarded",
))
# A person speaking of having looked at the letter or of whom they must ask first ("habe Ihren Plan nur kurz auf dem
# Tablet gesehen", "die Mandantin muss ich dazu ohnehin erst fragen"): no machine writes that, whatever absence it
# also names.
PERSONAL_NOTE = phrases((
    r"(?:habe|hab|haben) (?:\S+ ){0,8}?(?:gesehen|gelesen|angeschaut|angesehen|überflogen|durchgesehen)\b",
    r"(?:muss|müssen) (?:ich|wir) (?:\S+ ){0,4}?(?:erst|zuerst|vorher) (?:\S+ ){0,2}?(?:fragen|abstimmen|klären"
    r"|besprechen|rücksprechen)\b",
    # a clerk's own step and view ("Ich habe den Plan an unseren Vorstand weitergegeben", "Ich persönlich sehe das
    # positiv")
    r"(?:ich|wir) (?:habe|haben) (?:\S+ ){0,6}?(?:weitergegeben|vorgelegt)\b", r"\bich persönlich\b",
    # back from an absence, in the past tense, or sorry for answering late ("entschuldigen Sie die späte Antwort, ich
    # war im Urlaub"): an answer written after the absence, not a note about it
    r"\b(?:ich|wir) (?:war|waren) (?:\S+ ){0,3}?(?:im Urlaub|krank|abwesend|nicht im (?:Hause|Büro))",
    r"\b(?:entschuldigen Sie|Entschuldigung für|sorry für) (?:\S+ ){0,2}?(?:späte|verspätete)\w*",
    # "Ich muss das erst mit meinem Steuerberater besprechen"
    r"(?:ich|wir) (?:muss|müssen) (?:\S+ ){0,2}?(?:erst|zuerst|vorher) (?:\S+ ){0,5}?(?:fragen|abstimmen|klären"
    r"|besprechen|rücksprechen|durchsprechen|anschauen|ansehen|prüfen)\b",
))

# --- settled ----------------------------------------------------------------------------------------------
# The claim named in a settled wording whose verb comes first, what settled it, and the question mark that
# makes it none.
_CLAIM_NOUN = r"\w*(?:forderung|rechnung|konto|kontos|saldo|rückstand|rückstände|schuld|schulden)\w*"
_SETTLED_NOUN = rf"(?:die |der |das |unsere? |ihre? |diese[rs]? |sämtliche |alle )?{_CLAIM_NOUN}"
_SETTLED_DONE = r"(?:erledigt|ausgeglichen|beglichen|getilgt|bezahlt)\b"
_NO_QUESTION = r"(?![^.!?\n]*\?)"
# The whole account is settled: strong enough to outweigh a paid amount the reply also names.
SETTLED_ACCOUNT = phrases((
    # (also one item, "weist keinen offenen Posten mehr aus")
    r"kein(?:e|en)? (?:weiteren )?offenen? (?:Forderungen|Beträge|Betrag|Posten|Rechnungen|Salden|Positionen)\b",
    r"kein(?:e|erlei) (?:weiteren )?(?:offenen )?(?:Forderungen|Ansprüche|Beträge|Posten|Rückstände|Beiträge) "
    r"(?:\S+ ){0,3}?(?:mehr )?(?:bestehen|offen|gegen|ausstehend)",
    # The claim itself declared done, also as a compound ("Grundsteuerforderung zum Kassenzeichen … ist erledigt").
    # (what it held may stand between: "Die Forderung einschließlich Zinsen und Kosten (insgesamt 1.612,09 €) ist damit
    # erledigt")
    r"\w*(?:Forderung|Rückstand|Rückstände|Schuld|Konto|Saldo)(?:en|s)? (?:\S+ ){0,8}?(?:ist|sind|wurde|wurden|gilt"
    r"|gelten) (?:\S+ ){0,3}?(?:erledigt|ausgeglichen)\b",
    r"(?:bestehen|gibt es) (?:\S+ ){0,4}?kein(?:e|erlei) (?:weiteren )?(?:offenen )?"
    r"(?:Forderungen|Ansprüche|Posten|Rückstände)",
    r"(?:Forderungen|Ansprüche) (?:\S+ ){0,6}?bestehen (?:bei uns |uns gegenüber |unsererseits )?nicht\b",
    # "Eine Forderung unsererseits besteht derzeit nicht." (not "… nicht in dieser Höhe", "… nicht nur aus …")
    # (not a claim of one kind only: "Eine bereits festgesetzte Forderung besteht derzeit nicht")
    r"(?<!festgesetzte\W)(?<!titulierte\W)(?<!fällige\W)(?<!vollstreckbare\W)(?<!bestandskräftige\W)"
    r"(?:Forderung|Anspruch)\w* (?:\S+ ){0,3}?besteht (?:derzeit |zurzeit |aktuell |momentan |heute |bei uns "
    r"|uns gegenüber |unsererseits |somit |damit |daher ){0,3}nicht\b(?! (?:mehr )?(?:in|nur|allein|zu)\b)",
    r"keine Forderung(?:en)? mehr",
    # "Ein offener Betrag besteht nicht mehr", "offene Posten bestehen keine mehr"
    r"(?:offene[rn]?|ausstehende[rn]?) (?:Betrag|Beträge|Saldo|Posten|Forderung\w*) (?:\S+ ){0,3}?(?:besteht|bestehen)"
    r" (?:\S+ ){0,2}?(?:nicht|keine?) mehr\b",
    # A creditor that never held a claim: "gegen Frau … haben wir keine Forderung", "offen war zu keinem Zeitpunkt".
    r"(?:haben|hatten|halten) (?:\S+ ){0,5}?kein(?:e|erlei) (?:offenen? )?(?:Forderung(?:en)?|Anspr(?:uch|üche))\b"
    r"(?! (?:\S+ ){0,4}?(?:abgetreten|verkauft|übertragen))",
    r"zu keinem Zeitpunkt (?:\S+ ){0,3}?(?:offen|ausstehend)",
    r"(?:offen|ausstehend) (?:\S+ ){0,4}?zu keinem Zeitpunkt",
    # "Eine Forderung unsererseits besteht nicht mehr."
    r"(?:Forderung|Anspruch|Ansprüche)\w* (?:\S+ ){0,6}?(?:besteht|bestehen) (?:\S+ ){0,2}?nicht mehr\b",
    r"(?:besteht|bestehen) (?:\S+ ){0,3}?(?:Forderung|Anspr(?:uch|üche))\w* (?:\S+ ){0,3}?nicht mehr\b",
    r"(?:nichts|nix) (?:mehr )?offen", r"offen ist (?:\S+ )?(?:nichts|nix)\b(?! außer\b)",
    # "Das Kundenkonto 20-4471 steht damit auf null."
    r"(?:\w*konto|Saldo) (?:\S+ ){0,4}?(?:steht|stehen|liegt|liegen) (?:\S+ ){0,2}?auf (?:null|0|0,00)\b",
    # a private lender's "Er schuldet mir nichts mehr"
    r"schulde[nt]?\b (?:\S+ ){0,3}?(?:nichts|keinen Cent|keinen Euro) mehr\b(?!,? (?:außer|bis auf|als)\b)",
    r"kein(?:e|en)? (?:offene[rn]? )?(?:Saldo|Restforderung|Rückstand|Rückstände) (?:mehr )?", r"keine Schulden",
    r"(?:Forderung|Anspr(?:uch|üche)|Schuld)\w* (?:\S+ ){0,4}?(?:ist|sind) (?:\S+ ){0,6}?erloschen",
    r"paid in full",
    # French: "Le dossier présente désormais un solde nul et aucune somme n'est plus due".
    r"solde nul", r"aucune somme n.est (?:plus )?due",
    r"(?:\w*konto|Saldo|Rückstände|Rückstand|Forderung\w*|Angelegenheit|account) (?:\S+ ){0,12}?(?:ist|sind"
    r"|wurde|wurden) "
    r"(?:\S+ ){0,3}?ausgeglichen", r"fully paid", r"settled in full",
    r"no (?:outstanding|open) (?:balance|amounts?|items|claims?)", r"nothing (?:is )?(?:outstanding|owed|due)",
    r"(?:account|balance) (?:is|has been|was) (?:\S+ ){0,2}?(?:settled|cleared)\b", r"no further (?:claims|amounts?)",
    # The verb before the claim, led by what brought it about ("Damit ist die Forderung erledigt", "Somit sind die
    # Rückstände beglichen"); a question ("Ist damit die Rechnung bezahlt?") is none. ("Die Sache" is not the claim:
    # "Damit ist die Sache für uns erledigt" closes a plan's or a request's matter as often.)
    rf"(?:damit|somit|hiermit|nunmehr|jetzt|inzwischen|mittlerweile|zwischenzeitlich|bereits|also|folglich|dadurch)"
    rf" (?:ist|sind|gilt|gelten|wurde|wurden) (?:\S+ ){{0,3}}?{_SETTLED_NOUN} (?:\S+ ){{0,3}}?{_SETTLED_DONE}"
    rf"{_NO_QUESTION}",
    # Said without a subject after a payment: "… hat die 720 bar bezahlt. ist damit erledigt" (a sentence that starts
    # with the verb; "Unsere Mail …, die Sie erhalten haben, ist damit erledigt" names another thing).
    rf"^(?:das |dies |es |alles )?(?:ist|wäre|sei) (?:damit|somit|hiermit) (?:\S+ ){{0,2}}?erledigt\b{_NO_QUESTION}",
    # The claim done by itself or by a payment: "Die Rechnung hat sich durch die Gutschrift erledigt" (not "Die
    # Fristverlängerung hat sich erledigt").
    rf"{_CLAIM_NOUN} hat sich (?:\S+ ){{0,6}}?erledigt\b{_NO_QUESTION}",
    rf"hat sich (?:durch|mit) (?:der |die |den |unsere\w* |ihre\w* )?(?:\S+ )?(?:Zahlung|Überweisung|Gutschrift"
    rf"|Verrechnung|Aufrechnung)\w* (?:\S+ ){{0,4}}?erledigt\b{_NO_QUESTION}",
))
# A payment settled something, or the case is closed: settled only where no open total is stated.
SETTLED_PAYMENT = phrases((
    r"vollständig (?:bei uns )?(?:bezahlt|beglichen|gutgeschrieben|eingegangen|getilgt|gezahlt|beigetrieben)",
    r"beglichen",
    r"ausgeglichen",
    # everything done, typed short after a payment: "hat die 179,60 am 30.08. überwiesen, … also alles erledigt"
    # ("bei Herrn Jens H. ist alles bezahlt" may be said of someone else: only the matter closed counts)
    r"\balles (?:\S+ )?erledigt\b",
    # The whole paid at once: "hat den kompletten Rückstand von 254,00 € bar bezahlt".
    r"(?:kompletten|gesamten|ganzen|vollen|vollständigen) (?:offenen )?(?:Rückstand|Betrag|Rechnungsbetrag|Saldo"
    r"|Forderungsbetrag|Restbetrag|Summe) (?:\S+ ){0,6}?(?:bezahlt|gezahlt|beglichen|überwiesen|getilgt)\b",
    r"(?:Konto|Kundenkonto|Saldo|Vorgang|Forderung|Rechnung|Angelegenheit|Mitgliedskonto|Vertragskonto)\w* "
    r"(?:ist|wurde|sind|wurden) (?:\S+ ){0,3}?(?:bezahlt|erledigt|getilgt)\b",
    r"Vorgang (?:ist )?(?:damit |somit )?(?:für uns )?abgeschlossen",
    r"Mahnverfahren (?:ist|wurde) (?:\w+ )?eingestellt",
    r"als erledigt (?:betrachten|ansehen)", r"betrachten (?:\S+ ){0,6}?(?:als )?erledigt",
    r"(?:Forderung|Betrag|Saldo|Restbetrag|Rest) (?:\S+ ){0,6}?ausgebucht",
    r"verzichten (?:\S+ ){0,8}?(?:Forderung|Restforderung|Restbetrag)",
    r"(?:Forderung|Restforderung|Restbetrag)\w* (?:\S+ ){0,3}?verzichte\w*",
    r"(?:Forderung|Restforderung) (?:\S+ ){0,6}?erlassen",
    r"(?:account|claim|invoice|debt)\w* (?:is|has been|was|have been|were) (?:\S+ ){0,2}?paid\b",
    # A balance at nil, also an account's ("Konto 0,00", "Kundenkonto steht auf 0,00").
    r"(?:Saldo|Kontostand|Kontosaldo|\w*konto|offener Betrag|Restbetrag|Rückstand|Gesamtforderung|balance)\W+(?:\S+"
    r" ){0,3}?0,00\b",
))
# Words before a settled cue that take it back ("nicht ausgeglichen", "teilweise beglichen").
# What a settled wording must be about to say the claim is settled: the claim, the account, the whole.
CLAIM_SUBJECT = phrases((
    r"\w*forderung\w*", r"\w*konto\b", r"\w*kontos\b", r"\w*saldo\b", r"\w*schuld\b", r"Rückst\w*",
    r"Restbetrag", r"Gesamt\w*", r"Angelegenheit", r"Vorgang", r"Mahnverfahren",
    r"alle\w* (?:\S+ )?(?:Rechnungen|Posten)",
    # the bill the firm asked about, pointed back to: "die o. g. Rechnung", "die genannte Rechnung"
    r"(?:o\.\s?g\.|oben genannte\w*|genannte\w*|betreffende\w*|angefragte\w*) (?:\S+ )?Rechnung\w*",
    # the sum itself, said plainly: "der Betrag ist am 02.09. beglichen worden"
    r"^\W*(?:der|den) (?:offene\w* |ausstehende\w* |gesamte\w* |angefragte\w* )?Betrag\b",
    r"claim", r"account", r"balance", r"debt",
), whole_words=False)
# The claim noun qualified as another one than the claim asked about ("Die ältere Forderung aus der Abrechnung 2025
# wurde beglichen"): a sentence about it settles that one only.
OTHER_CLAIM = phrases((
    r"(?:ältere|frühere|alte|andere|weitere|zweite|separate|gesonderte|vorherige)[nrs]? (?:\S+ )?"
    r"(?:\w*forderung\w*|\w*rechnung\w*|\w*konto\b|Posten|Vorgang)",
    r"(?:older|earlier|other|another|separate|previous) (?:\S+ )?(?:claim|invoice|account)",
))
# "… beglichen werden": an instruction how to pay, not a payment made.
INFINITIVE_AFTER = re.compile(r"^\s*(?:zu\s+)?werden\b")
# What is said of a settling act right after it, taking it back ("Auf drei Viertel der Forderung zu verzichten, kommt
# für uns nicht in Frage", "… zu erlassen ist ausgeschlossen").
REFUSED_AFTER = re.compile(
    r"^\W*(?:\S+\s+){0,2}?(?:(?:kommt|kommen)\s+(?:\S+\s+){0,6}?nicht\s+in\s+(?:frage|betracht)"
    r"|(?:ist|waere|sind)\s+(?:\S+\s+){0,3}?(?:ausgeschlossen|nicht\s+moeglich|unmoeglich)"
    r"|(?:koennen|werden|wollen|moechten)\s+(?:wir|sie)\s+(?:\S+\s+){0,3}?nicht\b)")
# A sentence that limits what it says to a part ("insoweit bestehen keine Rückstände", "ansonsten ist das Konto
# ausgeglichen"): it settles that part, not the account.
# A sentence about something the reply says is no part of the claim ("Der neue Vertrag … ist ausgeglichen und nicht
# Teil der Forderung"): what it calls settled is that other thing.
_OUTSIDE_THE_CLAIM = (r"nicht (?:\S+ ){0,2}?(?:Teil|Gegenstand|Bestandteil) (?:der|dieser|unserer|Ihrer) (?:\S+ )?"
                      r"(?:Forderung|Auskunft|Aufstellung|Anfrage)\w*")
OUTSIDE_THE_CLAIM = phrases((_OUTSIDE_THE_CLAIM,))
LIMITED_SCOPE = phrases((r"insoweit", r"insofern", r"diesbezüglich", r"ansonsten", r"darüber hinaus",
                         r"otherwise", r"apart from", _OUTSIDE_THE_CLAIM))
SETTLED_NEGATION = phrases((
    r"nicht\b", r"noch nicht", r"teilweise", r"anteilig", r"zum Teil", r"not\b", r"never", r"partly", r"partially",
))
# A remainder still open: the reply is not settled after all.
OPEN_REMAINDER = phrases((
    r"noch offen", r"offen (?:bleibt|bleiben|steht|stehen)", r"offen (?:ist|sind) (?:aber |jedoch )?noch\b",
    r"verbleib\w*", r"Restforderung", r"Restbetrag",
    # (not the credit-protection insurance that paid a loan off, "Restschuldversicherung")
    r"Restschuld(?!\w*versicherung)", r"restliche\w*", r"noch zu zahlen", r"weiterhin offen",
    r"still (?:due|outstanding|open|owed)",
    r"remaining (?:balance|amount)",
))
# A remainder the creditor paid out to the debtor ("Den verbleibenden Betrag von 286,65 EUR haben wir auf das Konto
# Ihrer Mandantin überwiesen"): a credit given back, nothing open.
REMAINDER_PAID_OUT = phrases((
    r"(?:ausgezahlt|zurückgezahlt|zurücküberwiesen|rückerstattet|erstattet)\b",
    # what remains is the debtor's credit ("Das verbleibende Guthaben von 34,75 € überweisen wir Herrn P."), not a claim
    r"\bGuthaben\w*",
    # or written off: "Einen Restbetrag von 0,37 € haben wir ausgebucht"
    # (waived in the past only: "wird nach Erfüllung des Plans … erlassen" is a promise, the remainder still open)
    r"\b(?:ausgebucht|abgeschrieben)\b",
    r"\b(?:haben|hat|wurde|wurden|ist|sind) (?:\S+ ){0,6}?(?:erlassen|niedergeschlagen)\b",
    # waived as the matter is closed: "…; auf den Restbetrag wird verzichtet" (not a waiver promised on a condition)
    r"\b(?:wird|wurde|haben wir|hat) (?:\S+ ){0,2}?verzichtet\b(?![^.;]{0,60}?\b(?:wenn|falls|sofern|sobald)\b)",
    r"auf (?:das|ihr|sein) (?:\S+ )?Konto (?:\S+ ){0,4}?überwiesen",
    r"(?:an|zugunsten) (?:Ihre\w* Mandant\w*|Frau \S+|Herrn \S+|die Schuldnerin|den Schuldner) (?:\S+ ){0,3}?"
    r"überwiesen",
    r"(?:paid out|refunded|repaid) to",
))
# A remainder the debtor has paid since ("den Restbetrag von 750,00 € hat Frau Oltmanns am 12.02. überwiesen"),
# unless a negation stands right before the verb ("ist noch nicht bezahlt").
REMAINDER_PAID = phrases((r"überwiesen", r"bezahlt", r"gezahlt", r"beglichen", r"getilgt", r"eingegangen",
                          r"paid", r"settled"))
# Words before a remainder cue that deny it ("keine Restforderung").
REMAINDER_NEGATION = phrases((r"kein\w*", r"nicht\b", r"no\b", r"without", r"ohne"))
# The line of a named amount says it was paid, not that it is owed.
PAID = phrases((
    r"bezahlt", r"gezahlt", r"verbucht", r"eingegangen", r"beglichen", r"ausgeglichen", r"Zahlung\w*", r"überwiesen",
    r"verrechnet", r"aufgerechnet",
    r"Überweisung", r"gutgeschrieben", r"paid", r"received",
))
# A sentence with one of these states a condition, so its settled wording promises nothing yet.
CONDITIONAL = phrases((
    r"wenn\b", r"falls\b", r"sofern", r"sobald", r"vorausgesetzt", r"gegen Zahlung", r"bei Zahlung", r"nach Zahlung",
    # an indirect question: "eine Erklärung, ob die Miete vollständig gezahlt wird"
    r"ob\b", r"whether",
    r"nach Eingang", r"if\b", r"provided that", r"once\b", r"unless", r"until\b", r"till\b",
    r"bis (?:zum|zur) (?:vollständigen )?(?:Ausgleich|Zahlung|Begleichung|Tilgung)",
    # a settlement still to come ("Mit Eingang der Einmalzahlung … ist das Kundenkonto ausgeglichen", "Wir verzichten
    # auf die Forderung unter der Voraussetzung, dass …") and a condition said with the verb first ("Werden die
    # offenen Abschläge ausgeglichen, …")
    r"mit Eingang", r"unter der (?:Voraussetzung|Bedingung)",
    # (a date's dots inside it do not end it: "Wird der Rückstand nicht bis zum 15.06. ausgeglichen, …"; the sentence
    # is already cut where a full stop ends it)
    r"^\W*(?:werden|wird|geht|gehen|kommt|kommen|zahlt|zahlen|erfolgt|erfolgen)\b(?:[^.,;:]|(?<=\d)\.){1,80},",
))

# --- instalments ------------------------------------------------------------------------------------------
INSTALMENT = phrases((
    r"Ratenzahlung\w*", r"Ratenplan\w*", r"Ratenvereinbarung\w*", r"Ratenangebot\w*", r"Teilzahlung\w*",
    r"Monatsrate[n]?", r"Schlussrate", r"Rate[n]?\b", r"Tilgungsplan", r"Zahlungsplan", r"Stundung",
    r"instal+ments?", r"payment (?:plan|arrangement)", r"monthly (?:payments|rates)",
    # Monthly payments with their figure: "Wenn Herr K. ab Mai monatlich 50,00 € zahlt, …", "100 euro im monat".
    r"monatlich\w* (?:\S+ ){0,2}?\d", r"\d[\d.,]*\s?(?:€|eur|euro)? (?:im|pro|je|a) Monat\b",
    r"(?:jeden|pro|je) Monat (?:\S+ ){0,2}?\d",
))
# An offer or a grant: what turns a sentence about instalments into a plan.
OFFER = phrases((
    r"biete\w*", r"anbiete\w*", r"angeboten", r"Angebot\w*", r"gewähr\w*", r"bewillig\w*", r"einräum\w*",
    # the infinitive with "zu" inside the verb ("ermächtigt, Ihrer Mandantin folgende Ratenzahlung anzubieten:")
    r"anzubieten", r"einzuräumen",
    r"räumen (?:\S+ ){0,6}?ein\b", r"einverstanden",
    # what the creditor could go along with: "Wir könnten uns eine monatliche Rate von 50,00 € vorstellen"
    r"(?:könnten|können|könnte|kann|würden|würde) (?:\S+ ){0,12}?vorstellen\b",
    # payments agreed with the client in person ("Ausgemacht haben wir: Frau P. zahlt ab April jeden Monat 100,00 €";
    # not a price agreed for a service: "war ausgemacht: Winterdienst 45,00 im Monat")
    # (and as spoken in the south: "Mir ham ausgmacht, dass er ab Mai jeden Monat 100 € überweist")
    r"(?:ausgemacht|ausgmacht|abgemacht|abgmacht|vereinbart|abgesprochen|abgsprochen)\b[^.;]{0,80}?\b(?:zahlt|zahlen"
    r"|überweist|überweisen|abzahlt)\b",
    # English forms only: "offer\w*" read the client's surname "Offergeld" as an offer.
    r"\boffer(?:s|ed|ing)?\b", r"\bpropos(?:e|es|ed|al|als|ing)\b",
    r"(?:prepared|willing|able) to (?:accept|agree|offer)",
    r"(?:we )?can (?:accept|agree)", r"we accept",
    # "Alternativ akzeptieren wir monatliche Raten von 45,00 €" (not "akzeptieren wir keine Raten")
    r"akzeptieren wir (?!keine|nicht)(?:\S+ ){0,3}?(?:Raten|Ratenzahlung\w*|Teilzahlung\w*|Monatsraten)\b",
    r"(?:would|will|could) (?:\S+ ){0,3}?(?:accept|agree|allow|grant|consider)", r"agree to",
    r"bereit\b", r"entgegen(?:kommen|zukommen)?\b", r"akzeptier\w*",
    r"zustimmen", r"anzunehmen", r"stimm(?:e|en|t)\b(?: \S+){0,10}? zu\b", r"zugestimmt",
    # A proposal is an offer too ("schlagen wir eine Rückführung in 12 Monatsraten vor").
    r"vorschlag\w*", r"vorgeschlagen", r"vorzuschlagen", r"schlag(?:en|e)? (?:\S+ ){0,20}?vor\b", r"unterbreite\w*",
    # A rate of the creditor's own said plainly: "40 eur im monat wär für uns ok", "wenn sie 100 euro im monat zahlt
    # ist das für uns in ordnung" (a bare willingness, "kann gern in Raten zahlen", names no plan).
    r"\d[\d.,]*\s?(?:€|eur|euro)(?: \S+){0,8}? (?:wär|wäre|wären|ist|sind) (?:\S+ ){0,4}?(?:ok|okay|in Ordnung)\b",
    # Payments that would close the matter: "…, ist die Sache für uns erledigt".
    r"(?:ist|wäre) (?:die Sache|das Thema|die Angelegenheit|alles|das) (?:\S+ ){0,3}?erledigt",
    # Instalments the debtor asked for, granted in passing: "Von mir aus geht das, 4 Raten zu 107,14 €", "Eine
    # Ratenzahlung von 50,00 € monatlich ist möglich", "… hätten wir nichts einzuwenden", "Er kann das gerne in 5 Raten
    # … abzahlen" (a plan said to be impossible is PLAN_OVER's).
    # (with its figure: "eine Ratenzahlung ist nach Rücksprache möglich" alone is a willingness, no plan)
    r"(?:Ratenzahlung|Raten|Ratenvereinbarung|Teilzahlung|Rückführung|Abzahlung)\w* (?:\S+ ){0,4}?\d[\d.,]*\s?"
    r"(?:€|eur|euro)\s?(?:\S+ ){0,4}?(?:ist|wäre|sind|wären) (?:\S+ ){0,2}?möglich\b",
    r"(?:von mir aus|meinetwegen|von unserer Seite) (?:\S+ ){0,2}?(?:geht|ginge|gehen|ist|wäre) (?:das|es|in Ordnung"
    r"|ok|okay)\b", r"geht (?:das |es )?(?:klar|in Ordnung)\b",
    r"nichts einzuwenden", r"keine Einwände", r"(?:kann|können|darf|dürfen) (?:\S+ ){0,4}?gerne?\b[^.;]{0,40}?\d",
    # instalments of a figure the debtor may pay, said plainly: "kann auch in Raten a 80,- zahlen ab Oktober"
    r"(?:kann|können|könnte|könnten|darf|dürfen) (?:\S+ ){0,4}?in (?:\S+ )?Raten (?:à|a|zu|von|je|über) \d",
))
# An offer that announces its terms to come ("schlagen … folgende Vereinbarung vor." above the list of instalments).
ANNOUNCES_TERMS = phrases((r"folgende\w*", r"nachstehende\w*", r"wie folgt", r"the following"))
# The creditor asks the firm to propose the instalments: willing in principle, yet it offers no plan of its own
# ("sind grundsätzlich zu Raten bereit und bitten um Ihren Vorschlag", "machen Sie uns einen Vorschlag").
PLAN_INVITED = phrases((
    r"bitten (?:\S+ ){0,3}?um (?:\S+ ){0,2}?\w*vorschlag\w*", r"erwarten (?:\S+ ){0,3}?\w*vorschlag\w*",
    r"(?:benötigen|brauchen) (?:\S+ ){0,3}?Ihre\w* (?:\S+ )?\w*(?:vorschlag|angebot)\w*",
    r"(?:machen|unterbreiten|senden|schicken|nennen) Sie uns (?:\S+ ){0,3}?\w*(?:vorschlag|angebot)\w*",
    # the verb at the end: "… reden wir gern, wenn Sie uns einen Vorschlag schicken"
    r"(?:wenn|falls|sofern|sobald) Sie uns (?:\S+ ){0,3}?\w*(?:vorschlag|angebot)\w* (?:\S+ ){0,2}?(?:schicken|senden"
    r"|machen|unterbreiten|übermitteln|zukommen lassen)\b",
    r"\w*vorschlag\w* (?:Ihrerseits|Ihres Mandanten|Ihrer Mandantin|Ihrer Mandantschaft)",
    # open to a proposal of the debtor's side: "Einem Vorschlag zur Ratenzahlung stehen wir offen gegenüber"
    r"\w*(?:vorschlag|angebot)\w* (?:\S+ ){0,4}?(?:stehen|steht|sind|bin) (?:\S+ ){0,3}?offen gegenüber\b",
    r"offen für (?:\S+ ){0,2}?\w*(?:vorschlag|angebot)\w*",
    # "Über Raten können wir reden, wenn ein vernünftiger Vorschlag kommt"
    r"(?:wenn|falls|sofern|sobald) (?:\S+ ){0,3}?\w*(?:vorschlag|angebot)\w* (?:\S+ ){0,2}?"
    r"(?:kommt|vorliegt|eingeht)\b",
    r"(?:please|kindly) (?:\S+ ){0,3}?(?:propose|suggest|send (?:us )?(?:a |your )?proposal)",
    # Instalments the debtor may apply for: a possibility named, no plan offered ("Ratenzahlung kann auf Antrag
    # gewährt werden", "können Sie bei uns beantragen"). "Auf Ihren Antrag gewähren wir …" grants one.
    r"auf (?:schriftlichen |formlosen )?Antrag\b", r"(?:kann|können) (?:\S+ ){0,6}?beantragt werden",
    r"können Sie (?:\S+ ){0,6}?beantragen", r"beantragen können", r"(?:may|can) (?:\S+ ){0,3}?apply",
    # The debtor's side may propose one ("Wenn ihr einen Ratenplan vorschlagen möchtet, antwortet einfach").
    r"(?:wenn|falls|sofern) (?:Sie|ihr|du|Ihr Mandant\w*|Ihre Mandantin) (?:\S+ ){0,5}?"
    r"(?:vorschlagen|vorschlagt|vorschlägt|beantragen|beantragt)\b",
))
# Instalments granted only as a rule or after a review ("Einer Ratenzahlung stimmen wir nach Prüfung in der Regel
# zu", "grundsätzlich möglich"): a policy named, no plan offered, unless the sentence names its figures.
# A condition that the running payments go on ("sofern die laufenden Abschläge … gezahlt werden"): one phrase for the
# willingness it makes (PLAN_IN_PRINCIPLE) and for the figures it takes out of the offer's terms (IF_RUNNING_PAYMENTS).
_IF_RUNNING = r"(?:wenn|sofern|falls|solange|vorausgesetzt)\b,?(?:\s+\S+){0,5}?\s+laufende\w*"
PLAN_IN_PRINCIPLE = phrases((
    r"in der Regel", r"grundsätzlich", r"nach (?:\S+ ){0,3}?Prüfung", r"im Einzelfall", r"gegebenenfalls", r"ggf\.?",
    # terms still to be talked over: "Eine Ratenzahlung können wir anbieten; sprechen Sie uns gern an."
    r"sprechen Sie (?:\S+ ){0,3}?an\b", r"bei Interesse", r"auf Anfrage",
    r"kommen Sie (?:\S+ ){0,3}?auf (?:uns|mich) zu",
    # the debtor asked to call about it: "Frau K. kann uns gerne … wegen einer Ratenzahlung anrufen"
    r"(?:kann|können|möge|mögen|soll|sollte) (?:\S+ ){0,8}?(?:anrufen|melden|kontaktieren)\b",
    r"(?:rufen Sie|melden Sie sich|wenden Sie sich) (?:\S+ ){0,6}?(?:an|bei)\b",
    # terms the debtor may talk over in person: "… bin ich einverstanden, das kann er mit mir direkt besprechen",
    # "Über Raten können wir reden"
    r"mit (?:mir|uns) (?:\S+ ){0,2}?(?:besprechen|absprechen|ausmachen|klären)\b",
    r"(?:können|kann|könnten|könnte) (?:wir|man) (?:\S+ ){0,3}?(?:reden|sprechen)\b",
    r"in principle", r"as a rule", r"generally",
    r"normalerweise", r"üblicherweise", r"normally", r"usually",
    # the debtor's wish decides: "Should your client wish to pay in instalments, just let us know"
    r"(?:wenn|falls|sofern|sollte) (?:Sie|Ihr Mandant\w*|Ihre Mandantin|Ihre Mandantschaft|Herr \S+|Frau \S+) "
    r"(?:\S+ ){0,5}?(?:wünscht|wünschen|möchte|möchten)\b",
    r"should (?:your client|you|he|she) (?:\S+ ){0,2}?wish",
    # willing on the condition that the running payments go on, no terms of its own
    _IF_RUNNING,
))
# Inside an instalment sentence, what names no term of the creditor's own offer (intent_cues._own_terms).
BRACKETED_ASIDE = re.compile(r"\([^()]*\)")
# (up to the next figure: "wenn sie die laufende Miete zahlt und zusätzlich 150 € im Monat" names a rate of its own)
IF_RUNNING_PAYMENTS = re.compile(rf"\b{_IF_RUNNING}\D*", re.IGNORECASE)
MINIMUM_RATE = re.compile(
    r"\b(?:mindestens|minimum(?: of)?|at least|Mindest\w*(?: von)?"
    r"|ab (?:einer |einem )?(?:\S+ )?\w*(?:rate|betrag) von)\W{0,3}(?:€|eur|euro)?\s?\d[\d.,]*"
    r"(?:\s?(?:€|eur|euro)\b)?", re.IGNORECASE)
# An instalment sentence with one of these is about a plan that is over or not offered.
PLAN_OVER = phrases((
    r"gekündigt", r"widerrufen", r"hinfällig", r"beendet", r"aufgehoben", r"fällig gestellt", r"nicht mehr",
    r"(?:nicht|keine?) (?:\S+ ){0,4}?(?:anbieten|gewähren|bewilligen|einräumen|möglich)", r"terminated",
    r"cancel+ed", r"revoked", r"no longer",
    r"(?:cannot|can't|unable to|not able to) (?:\S+ ){0,3}?(?:offer|accept|agree)",
    # instalments only for claims of a size, a rule of the house ("Eine Ratenzahlung bieten wir erst ab einem offenen
    # Betrag von 100,00 EUR an")
    r"\b(?:erst|nur) (?:ab|bei) (?:einem |einer )?(?:\S+ )?(?:Betrag|Forderung|Summe|Rückstand|Saldo"
    r"|Forderungshöhe)\w* (?:von|in Höhe von|über|ab)\b",
    # The loan's own history: "wurde im Mai 2038 ein Ratenkredit über 3.000,00 EUR gewährt, zurückzuzahlen in …".
    r"(?:Ratenkredit|Kredit|Darlehen)\w* (?:\S+ ){0,6}?(?:gewährt|ausgezahlt|ausgereicht)\b",
    # an offer made before that came to nothing: "Eine Ratenzahlung hatten wir Frau S. schon im Juli angeboten (50 €
    # im Monat), darauf kam leider keine Reaktion"
    r"(?:hatten|hatte) (?:wir|ich) (?:\S+ ){0,6}?angeboten\b",
    # … or one the debtor made that was not kept ("hatte uns im Januar eine Ratenzahlung angeboten, die Raten sind aber
    # nie gezahlt worden")
    r"\b(?:hatte|hatten) (?:uns|mir) (?:\S+ ){0,6}?angeboten\b",
    # instalments only once papers are in, no terms yet ("Einer Ratenzahlung können wir nur nach Vorlage einer
    # Einkommens- und Ausgabenaufstellung zustimmen")
    r"\b(?:nur|erst) nach (?:Vorlage|Eingang|Prüfung|Übersendung) (?:\S+ ){0,4}?"
    r"\w*(?:aufstellung|nachweis\w*|unterlagen|belege|auskunft|vermögensauskunft)\b",
    r"(?:keine|ohne) (?:\S+ )?(?:Reaktion|Antwort|Rückmeldung)\b", r"nicht (?:\S+ )?(?:reagiert|angenommen|genutzt)\b",
    # a facility granted once that has lapsed ("Die bewilligte Zahlungserleichterung … ist entfallen"), and a grant
    # named by its date (a benefit loan's "Bewilligung vom 01.08.2076"): history, no offer
    r"\b(?:entfallen|weggefallen|erloschen)\b",
    r"\b(?:Bewilligung|Gewährung|Bescheid)\w* (?:vom|am) \d",
    # a grant only under a condition in a note on what instalments cost ("…, sofern nicht gleichzeitig Stundung gewährt
    # wird")
    r"(?:sofern|soweit|wenn|falls) (?:nicht )?(?:\S+ ){0,3}?(?:gewährt|bewilligt|eingeräumt) (?:wird|werden)\b",
))
# What leaves a consent standing, right before it ("Das berührt unsere Zustimmung nicht"): no refusal.
LEAVES_UNTOUCHED = phrases((r"berührt", r"berühren", r"ändert", r"ändern", r"beeinträchtigt", r"tangiert",
                            r"betrifft", r"affects?", r"change[s]?"))
# A negation right before a refusal word takes it back ("stehe … nicht grundsätzlich ablehnend gegenüber").
REFUSAL_NEGATION = phrases((r"nicht", r"kein\w*", r"not", r"never"))
# A ticket system's status field with its value ("Neuer Status: abgelehnt", "Ticketstatus: geschlossen"): the state
# of the creditor's own ticket or file, which refuses or grants nothing the firm asked.
RECORD_STATUS = phrases((
    r"(?:alter|neuer|bisheriger|aktueller|geänderter|vorheriger|new|old|previous|current) Status\W*:\W*\w+",
    r"(?:Ticket|Bearbeitungs|Vorgangs|Anfrage|Anliegen)-?status\W*:\W*\w+",
    r"Status (?:des|ihres|ihrer|der|zu ihrem|zu ihrer) (?:\S+ )?(?:Tickets?|Vorgangs|Anfrage|Anliegens"
    r"|Meldung|Nachricht|Supportanfrage|Serviceanfrage)\W*:\W*\w+",
    r"(?:ticket|case|request) status\W*:\W*\w+", r"Status(?:änderung|update|wechsel)\W*:\W*\w+",
))
# A record's status field with its whole value ("Vollstreckungsstatus | ruhend (Ratenantrag abgelehnt)",
# "Aktenstatus: außergerichtlich / Ratenzahlung gescheitert"): in a first-round reply the state of the creditor's own
# file, which refuses nothing the firm asked (in a plan reply such a field may hold the decision itself).
STATUS_FIELD = phrases((r"\w*status\s*[:|;]\s*[^|\n]{1,60}",))
# Refusing what the firm proposed.
REFUSAL = phrases((
    r"lehnen (?:\S+ ){0,8}?ab\b", r"ablehnen", r"abgelehnt", r"nicht einverstanden", r"stimmen (?:\S+ ){0,8}?nicht zu",
    r"keine Zustimmung", r"widersprechen", r"Zustimmung (?:\S+ ){0,4}?(?:nicht\b|verweigert)",
    r"we (?:must |have to )?(?:decline|reject|refuse)", r"cannot agree",
))

# A third party's refusal to pay for what the claim is about ("Die Krankenkasse hat die Kostenübernahme abgelehnt"):
# the reason the creditor bills the client, not a refusal of the firm's request.
COVER_REFUSED = phrases((
    r"(?:Kostenübernahme|Kostenzusage|Kostenerstattung|Deckungszusage|Erstattung|Leistungspflicht|Beihilfe)\w* "
    r"(?:\S+ ){0,6}?(?:abgelehnt|abgelehnt hat|ablehnte)\b",
    r"(?:lehnte|lehnt|hat) (?:\S+ ){0,6}?(?:Kostenübernahme|Kostenzusage|Kostenerstattung|Erstattung)\w* "
    r"(?:\S+ ){0,3}?ab(?:gelehnt)?\b",
))

# --- statements -------------------------------------------------------------------------------------------
ATTACHMENT_STATEMENT = phrases((
    r"(?:anbei|Anlage|beigefügt|angehängt|im Anhang)\S* (?:\S+ ){0,10}?\S*(?:Aufstellung|Auszug|Konto|Forderung)",
    r"(?:attached|enclosed) (?:\S+ ){0,6}?(?:statement|breakdown)",
))
# Words of a debt matter: a mail without any of them and without a reference is about nothing the firm has.
DEBT_CONTEXT = phrases((
    r"Forderung", r"Mandant", r"Schuldner", r"Gläubiger", r"Rechnung", r"Kundennummer", r"Vertrag", r"Aktenzeichen",
    r"Az\b", r"Zahlung", r"Inkasso", r"Vollmacht", r"Rückstand", r"Saldo", r"Mahn", r"offene", r"Kundenkonto",
    r"Ihr Zeichen", r"Betrag", r"Schuld", r"Auskunft", r"Anfrage", r"Schreiben", r"Konto", r"debt", r"invoice",
    r"balance", r"\bIhr\w* Brief\b",  # the plain word for the firm's letter ("Ihren Brief wegen …")
    # an answer to a settlement plan ("Gar nichts für die neue Heizungspumpe? Nein, das unterschreibe ich nicht.")
    r"unterschreib\w*", r"\bPlan\b", r"Schuldenbereinigung", r"Insolvenz",
), whole_words=False)
