"""vocabulary/requests.py — cues that tell a refusal from a request to the firm; invariant: data only.

The line between the two intents: a reply that asks the firm for something first (a power of attorney, a
birth date, a signed form) is an inquiry; one that declines or refers elsewhere and asks nothing is a
rejection. Sentence-level combination is `extraction/intent_cues.py`'s business."""

from __future__ import annotations

from app.services.extraction.vocabulary import phrases

# A phrase that asks the firm to send or tell something, whatever the object.
REQUEST_DIRECT = phrases((
    # ("Bitte lassen Sie sich den Auszug von Ihrem Mandanten vorlegen" asks the firm for nothing)
    r"bitte (?:senden|schicken|übersenden|übermitteln|reichen|teilen|nennen|geben|verwenden|füllen|lassen|bestätigen)"
    r" Sie (?!sich\b)(?:uns|mir)?",
    r"(?:senden|schicken|reichen) Sie (?:\S+ ){0,6}?(?:uns|mir) (?:\S+ ){0,6}?(?:zu|zurück|nach)\b",
    r"bitten (?:wir )?Sie,? (?:\S+ ){0,3}?(?:uns|mir)",
    r"bitte (?:ich|wir) Sie,? (?:\S+ ){0,3}?(?:uns|mir|den|die|das)",
    r"zukommen (?:zu )?lassen", r"nachzureichen", r"nachreichen", r"zurückzusenden", r"zuzusenden", r"zu übersenden",
    r"please (?:send|provide|forward|return|submit|complete|sign) ", r"kindly (?:send|provide|forward|return)",
))
# A wish or need that asks something only together with an object from REQUEST_OBJECT.
REQUEST_VERB = phrases((
    r"bitte\b", r"bitten", r"benötigen", r"brauchen", r"ersuchen", r"erforderlich", r"please", r"need\b", r"require\w*",
    # asked as a question: "können Sie mir sagen, wie alt Ihre Mandantin ist, oder das Geburtsdatum schicken?"
    r"(?:können|könnten|würden) Sie (?:\S+ ){0,2}?(?:mir|uns)\b",
))
# What a creditor asks the firm for before it answers.
REQUEST_OBJECT = phrases((
    r"Vollmacht\w*", r"Geburtsdat\w*", r"Anschrift", r"Adresse", r"Unterlagen", r"Nachweis\w*", r"Kopie\w*",
    r"Vordruck\w*", r"Formular\w*", r"Unterschrift\w*", r"unterschrieben\w*", r"unterzeichne\w*",
    r"Schweigepflichtentbindung", r"Entbindung", r"Ausweis\w*", r"Bescheinigung\w*", r"Einverständnis\w*",
    r"Angaben", r"Belege?\b", r"power of attorney", r"authori[sz]ation", r"date of birth", r"documents?\b",
    r"signed", r"proof of", r"identification",
    # More time to answer: "die Frist zur Stellungnahme bis zum 22.05. zu verlängern", "um Fristverlängerung".
    r"Frist\w* (?:\S+ ){0,6}?(?:zu )?verlängern", r"Fristverlängerung\w*", r"Verlängerung der (?:\S+ ){0,2}?Frist\w*",
    r"(?:extend|extension of) (?:\S+ ){0,3}?deadline",
))
# In the same sentence as a request word these make it no request ("bitten um Ihr Verständnis").
NOT_A_REQUEST = phrases((
    r"Verständnis", r"Rückfrage\w*", r"wenden Sie sich", r"sich (?:\S+ ){0,3}?wenden", r"understanding",
    # asked not to send again ("Bitte schicken Sie uns Ihr Anliegen nicht noch einmal, sonst …")
    r"nicht (?:noch )?(?:einmal|erneut|nochmals?|mehrfach)\b", r"do not (?:re-?send|send (?:\S+ ){0,3}?again)",
    # a ticket system's marker for where to type an answer ("##- Bitte geben Sie Ihre Antwort oberhalb dieser Zeile
    # ein -##")
    r"(?:oberhalb|über|unterhalb) dieser Zeile", r"(?:above|below) this line",
))
# Something the firm sent is lacking: an implied request.
MISSING = phrases((
    r"Vollmacht (?:\S+ ){0,6}?(?:nicht (?:unterzeichnet|unterschrieben)|fehlt|trägt weder|enthält kein\w*"
    r"|trägt kein\w* (?:\S+ )?Unterschrift|ungültig|abgelaufen)",
    r"(?:no|not|without) (?:\S+ ){0,3}?(?:power of attorney|authori[sz]ation)\b (?:\S+ ){0,4}?"
    r"(?:attached|enclosed|signed)",
    r"(?:enthält|fehlt|ohne) (?:\S+ ){0,3}?(?:kein\w* )?Geburtsdatum", r"nicht (?:eindeutig )?zuordnen",
    r"nicht (?:eindeutig )?(?:ermitteln|identifizieren)", r"gleichen Namens",
    # which of the client's accounts the firm means ("für welchen der beiden Verträge Sie eine Aufstellung benötigen")
    r"welche[nmrs]? (?:der|von den) (?:beiden|zwei|drei|vier) (?:\S+ )?(?:Verträge|Konten|Kundenkonten|Forderungen"
    r"|Vorgänge|Kredite|Darlehen)\b",
    r"(?:cannot|could not|unable to) (?:identify|locate|find)",
))
# Figures only once something is there: a condition in the same sentence as an object of REQUEST_OBJECT.
CONDITION = phrases((
    r"ohne", r"solange", r"erst (?:dann|wenn|nach|sobald)", r"erst,? wenn", r"nur (?:\S+ ){0,6}?wenn", r"sobald",
    r"nach (?:Eingang|Vorlage|Erhalt)", r"bevor", r"unless", r"once\b", r"as soon as",
    # ("we may only disclose information … to third parties if we hold a written consent signed by the patient")
    r"only (?:\S+ ){0,10}?(?:if|when|after)\b",
))
# A document's formula that it needs no signature ("… maschinell erzeugt und ist ohne Unterschrift gültig"): no
# condition on what the firm must send.
VALID_UNSIGNED = phrases((r"ohne (?:\S+ )?Unterschrift (?:\S+ ){0,2}?(?:gültig|wirksam|rechtsgültig)",))
# The debtor as the creditor names the one person it will speak to ("dem Mitglied", "der Patientin").
_THE_DEBTOR = r"(?:Patient|Kund|Schuldner|Mitglied|Betroffene|Steuerpflichtig|Versichert)\w*"
# Not even a power of attorney would help: a refusal, whatever else the reply says.
FUTILE = phrases((
    r"(?:Vollmacht|Vorlage|Entbindung) (?:\S+ ){0,6}?ändert (?:\S+ ){0,6}?nichts",
    r"auch (?:bei|mit|nach|gegen) (?:\S+ ){0,4}?(?:Vollmacht|Vorlage|Entbindung)\w* "
    r"(?:\S+ ){0,4}?(?:nicht|nichts|kein\w*)\b",
    r"even (?:with|if|upon) (?:\S+ ){0,4}?(?:power of attorney|authori[sz]ation)",
    rf"ausschließlich (?:an |gegenüber )?(?:die|den|der|dem) (?:\S+ ){{0,2}}?{_THE_DEBTOR}",
    # "Das gilt auch dann, wenn eine Vollmacht vorgelegt wird."
    r"auch (?:dann,? )?wenn (?:\S+ ){0,4}?(?:Vollmacht|Entbindung|Einwilligung)\w*",
    r"auf weitere Schreiben (?:\S+ ){0,6}?nicht (?:\S+ ){0,2}?eingehen",
    # "daran ändert auch die beigefügte Vollmacht nichts", "Auskunft nur dem Mitglied selbst"
    r"ändert (?:\S+ ){0,4}?(?:Vollmacht|Vorlage|Entbindung)\w* (?:\S+ ){0,2}?nichts",
    rf"nur (?:an )?(?:die|den|der|dem) (?:\S+ ){{0,2}}?{_THE_DEBTOR} (?:selbst|persönlich)\b",
))
# Declining to give figures.
DECLINE = phrases((
    # (also qualified: "kann ich keine verbindliche Auskunft erteilen")
    r"keine (?:\w+e )?Auskunft", r"keine (?:\w+en )?Auskünfte",
    # "geben wir … keine Erklärungen zur Höhe der Forderung ab", "nehmen wir keine Stellung"
    r"keine (?:Erklärung|Stellungnahme)\w* (?:\S+ ){0,6}?ab\b", r"nehmen (?:\S+ ){0,4}?keine Stellung\b",
    r"keine (?:Angaben|Informationen|Daten|Zahlen) (?:\S+ ){0,3}?(?:machen|geben|mitteilen|erteilen|nennen"
    r"|übermitteln)",
    r"(?:kann|können|darf|dürfen|wird|werden) (?:\S+ ){0,6}?keine (?:Auskunft|Auskünfte|Angaben|Informationen"
    r"|Forderungshöhe|Zahlen|Beträge)",
    # no statement of account of its own: "Wir können Ihnen daher keine eigene Aufstellung übersenden"
    # ("… keine Forderungsaufstellung mehr erteilen")
    r"(?:können|dürfen|werden|werde|kann|will) (?:\S+ ){0,4}?keine (?:eigene\w* |aktuelle\w* )?(?:Forderungs)?"
    r"(?:aufstellung|übersicht|Kontoauszug|Saldenbestätigung)\w* (?:\S+ ){0,3}?(?:übersenden|senden|schicken|zusenden"
    r"|erstellen|übermitteln|geben|erteilen|mitteilen)\b",
    # (what is withheld may be named first: "Angaben zu Steuerbeträgen, Zuschlägen oder Zahlungen machen wir nicht")
    r"(?:Auskunft|Auskünfte|Angaben|Zahlen|Informationen|Daten|Forderungshöhe)\w* (?:\S+ ){0,6}?"
    r"(?:erteilen|geben|nennen|übermitteln|mitteilen|machen) wir (?:\S+ ){0,6}?nicht\b",
    # the same said by one clerk: "Eine Auskunft über die aktuelle Höhe der Forderung kann ich Ihnen nicht erteilen"
    r"(?:Auskunft|Auskünfte|Angaben) (?:\S+ ){0,8}?(?:kann|können|darf|dürfen) (?:ich|wir) (?:\S+ ){0,3}?nicht "
    r"(?:erteilen|geben|machen|nennen|mitteilen)\b",
    # a private creditor who sees no reason to tell the firm anything ("ich sehe nicht ein, Ihnen irgendwelche
    # Beträge zu nennen", "seh ich nicht ein, da Zahlen rauszugeben")
    r"(?:sehe?|sehen) (?:es |ich |wir )?(?:\S+ ){0,2}?nicht ein,? (?:\S+ ){0,8}?(?:Zahlen|Auskunft|Auskünfte|Angaben"
    r"|Informationen|Beträge|Summen|\w*aufstellung)\w* (?:\S+ ){0,3}?(?:zu |\w+zu)(?:schicken|senden|geben|nennen"
    r"|erteilen|machen|übermitteln|mitteilen|liefern)\b",
    # Disclosure not allowed: "eine Offenbarung gegenüber Ihrer Kanzlei ist daher nicht zulässig".
    r"(?:Offenbarung|Auskunftserteilung|Weitergabe|Herausgabe) (?:\S+ ){0,6}?(?:ist|wäre) (?:\S+ ){0,2}?"
    r"(?:nicht zulässig|unzulässig|nicht gestattet|nicht erlaubt)",
    r"(?:können|dürfen) wir (?:\S+ ){0,5}?nicht (?:beantworten|mitteilen|nennen|erteilen|übersenden|zusenden"
    r"|übermitteln|herausgeben)\b",
    # the statement named and withheld ("Eine Forderungsaufstellung … übersenden wir deshalb nicht")
    r"(?:Forderungs)?(?:aufstellung|übersicht|Saldenbestätigung|Kontoauszug)\w* (?:\S+ ){0,6}?(?:übersenden|senden"
    r"|erstellen|übermitteln|erteilen|geben) wir (?:\S+ ){0,5}?nicht\b",
    # no part in the out-of-court settlement at all ("beteiligen uns nicht an einem außergerichtlichen Vergleich")
    r"beteilig\w* (?:\S+ ){0,3}?nicht an (?:\S+ ){0,3}?(?:Vergleich\w*|Einigungsversuch\w*"
    r"|Schuldenbereinigung\w*|Verfahren)\b",
    # neither figures nor anything else: "können Ihnen daher weder den Forderungsstand nennen noch Zahlungen annehmen"
    r"(?:können|dürfen) (?:\S+ ){0,4}?weder (?:\S+ ){0,4}?(?:nennen|mitteilen|erteilen|geben|übersenden|beziffern)"
    r" noch\b",
    # the mandate is over: "Wir sind in dieser Sache nicht mehr beauftragt"
    r"(?:sind|ist) (?:\S+ ){0,4}?nicht mehr (?:beauftragt|mandatiert|bevollmächtigt)\b",
    r"verfügen (?:\S+ ){0,3}?über keinen (?:\S+ ){0,2}?(?:Saldo|Kontostand|Forderungsstand)",
    r"nicht (?:mehr )?(?:befugt|berechtigt|ermächtigt),? (?:\S+ ){0,6}?(?:Auskunft|Auskünfte|Angaben|Informationen"
    r"|mitzuteilen|zu erteilen|zu geben|abzugeben)",
    # the agency's mandate withdrawn: "dass das Sanitätshaus uns das Inkassomandat zum 31.01. entzogen … hat"
    r"\w*(?:Mandat|Inkassoauftrag)\w* (?:\S+ ){0,4}?(?:entzogen|gekündigt|widerrufen)\b",
    r"von weiteren Anfragen (?:\S+ ){0,6}?abzusehen",
    r"nicht (?:mehr )?zuständig", r"zuständig ist (?:allein|ausschließlich|nur|nunmehr)",
    # Only someone else answers now: "Auskünfte … erteilt ab diesem Zeitpunkt ausschließlich das Hauptzollamt".
    r"(?:Auskunft|Auskünfte) (?:\S+ ){0,10}?(?:erteilt|erteilen|gibt|geben) (?:\S+ ){0,4}?"
    r"(?:ausschließlich|allein|nur)\b",
    # Someone else holds the case now: "Zuständig ist jetzt die Arvano Portfolio GmbH".
    r"zuständig (?:ist|sind) (?:jetzt|nun|ab sofort|inzwischen|mittlerweile|seitdem|seither)\b",
    r"(?:wird|werden) bei uns nicht mehr geführt",
    r"(?:wird|werden) (?:\S+ ){0,2}?(?:nicht mehr von uns|von uns nicht mehr) (?:geführt|bearbeitet|verwaltet)\b",
    # only someone else may answer, said with the verb last: "Auskünfte … kann nur die neue Gläubigerin erteilen"
    r"(?:Auskunft|Auskünfte|Angaben) (?:\S+ ){0,8}?(?:kann|können|darf|dürfen) (?:nur|allein|ausschließlich) "
    r"(?:\S+ ){0,5}?(?:erteilen|geben|machen)\b",
    r"(?:cannot|can't|are unable to|are not able to|may not) (?:\S+ ){0,3}?(?:disclose|provide|share|give)",
))
# Who collects or sues for a creditor: a claim or a letter handed to one of them is a referral.
_COLLECTOR = r"(?:Inkasso|Rechtsanw|Anwalt|Kanzlei|Factoring)"
# Handing the claim to someone else, or pointing the firm there.
REFERRAL = phrases((
    rf"(?:{_COLLECTOR}|Partner|Dienstleister|Prozessbevollmächtigt)[\w-]* (?:\S+ ){{0,12}}?"
    r"(?:abgegeben|übergeben"
    r"|abgetreten|verkauft)",
    # (a letter passed on to a collector or lawyer, not to a department or "partner": "an unser Inkassobüro
    # weitergeleitet")
    rf"{_COLLECTOR}[\w-]* (?:\S+ ){{0,12}}?weitergeleitet",
    # in English: "the balance has been passed to our collection partner", "transferred to our debt collection agency"
    r"(?:passed|transferred|handed|referred|assigned|sold) (?:\S+ ){0,3}?(?:over )?to (?:\S+ ){0,3}?(?:collection|debt"
    r" collect|collections|lawyer|solicitor|law firm)\w*",
    r"(?:abgegeben|übergeben|abgetreten|verkauft) (?:\S+ ){0,8}?(?:Inkasso|Anwalt|Rechtsanw)\w*",
    r"(?:verkauft|abgetreten) (?:an|worden)",
    # the buyer named before the verb: "Die Rechnung … haben wir an die Medicredit Abrechnungszentrum GmbH verkauft"
    r"\ban (?:die|den|das|eine|einen) (?:\S+ ){0,5}?(?:verkauft|abgetreten)\b",
    # a debt-management firm of its own name ("an die Vehlkamp Forderungsmanagement GmbH … übergeben"), not the
    # creditor's own team of that name ("dafür ist bei uns das Team Forderungsmanagement zuständig")
    r"Forderungsmanagement (?:GmbH|AG|KG|UG|GbR|mbH|e\.?K)\b\W* (?:\S+ ){0,8}?"
    r"(?:abgegeben|übergeben|abgetreten|verkauft)", r"zur (?:Beitreibung|Vollstreckung|weiteren Bearbeitung) an",
    r"Beitreibung (?:\S+ ){0,6}?übergeben",
    r"wenden Sie sich (?:bitte )?(?:direkt |unmittelbar |daher |deshalb |bitte |dazu |hierzu )*(?:an|dorthin)\b",
    # "Über die Höhe der Forderung kann nur noch die Vehlkamp GmbH Auskunft geben"
    r"(?:kann|können) nur noch (?:\S+ ){0,5}?Auskunft (?:geben|erteilen)",
    r"an (?:das|die|den) Sie sich (?:\S+ ){0,3}?wenden",
    # "bitten Sie, sich direkt dorthin zu wenden", "sich an das Hauptzollamt zu wenden"
    r"sich (?:\S+ ){0,2}?(?:dorthin |an (?:das|die|den|diese\w*) (?:\S+ ){0,4}?)zu wenden\b",
    # "… an die Lausitzer Forderungsdienst GmbH zum Einzug übergeben"
    r"zum (?:Einzug|Forderungseinzug|Inkasso) (?:\S+ ){0,3}?(?:übergeben|abgegeben)\b",
    r"please contact (?:\S+ ){0,3}?(?:agency|collection|solicitor|lawyer)",
))

# The claim sold or assigned to someone else: whoever now holds it, the creditor on file changes.
ASSIGNMENT_VERB = phrases((r"abgetreten", r"verkauft", r"zediert", r"veräußert", r"\bassigned\b", r"\bsold\b"))
CLAIM_NOUN = phrases((r"Forderung\w*", r"Anspr(?:uch|üche)\w*", r"Konto\w*", r"Kundenkonto\w*", r"\bclaim\w*",
                      r"\bdebt\b", r"\baccount\b"), whole_words=False)
ASSIGNMENT_NOUN = phrases((
    r"Forderungs(?:kauf|verkauf|ankauf|erwerb)\w*", r"\bZession\b", r"\bZedent\w*", r"\bZessionar\w*",
    r"neue[rn]? (?:Gläubiger\w*|Forderungsinhaber\w*|Inhaber\w* der Forderung)",
    # The writer has held the claim only since a day ("Wir sind seit dem 19.01.2077 Inhaberin der … Forderung"); not
    # "Ursprungsgläubigerin: …" alone, which a debt buyer the firm wrote to names as history.
    r"(?:sind|ist) (?:\S+ ){0,2}?seit (?:\S+ ){1,3}?(?:Inhaberin|Inhaber) (?:\S+ ){0,6}?Forderung\w*",
    # Payments to the creditor on file no longer discharge the debt: someone else holds or collects the claim now.
    r"nicht mehr (?:mit )?schuldbefreiend\w*", r"nur noch (?:\S+ ){0,4}?schuldbefreiend\w*",
))
