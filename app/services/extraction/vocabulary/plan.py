"""vocabulary/plan.py — the words a creditor answers a settlement plan with; invariant: data only.

The roles, from the strongest: a creditor's own figures offered instead of the plan's (a counter-offer),
agreement, refusal, a request for documents or explanations before deciding, and "still checking". Which
role wins for a whole reply, and how a negation or a condition binds to a cue, is `extraction/plan_reply.py`'s
business. Phrases are written in normal spelling and folded by `phrases()`."""

from __future__ import annotations

import re

from app.services.extraction.vocabulary import intent as intent_words
from app.services.extraction.vocabulary import phrases

# The reply is about a settlement plan at all (used when no plan letter is matched).
PLAN_TOPIC = phrases((
    r"Schuldenbereinigungsplan\w*", r"Bereinigungsplan\w*", r"Nullplan\w*", r"Nullplän\w*",
    r"Einigungsversuch\w*", r"außergerichtlich\w* (?:\S+ ){0,2}?Plan\w*", r"Vergleichsvorschlag\w*",
    r"Vergleichsangebot\w*", r"§ ?30[5-9] InsO", r"settlement plan", r"debt settlement", r"Insolvenzplan\w*",
    r"Plan (?:\S+ ){0,3}?(?:Quote|Einmalzahlung|Raten)",
))

# Agreement. A separable verb may have a few words between its parts ("stimmen wir dem Plan … zu").
AGREE = phrases((
    r"stimm(?:e|en|t|te|ten)\b(?! Sie\b)(?: \S+){0,14}? zu\b", r"zustimm(?:e|en|t|te|ten)\b", r"zugestimmt",
    # a long object between, opened by its article ("stimmt dem Schuldenbereinigungsplan Ihrer Mandantin, Frau …, für
    # die Forderungen unter dem o. g. Kassenzeichen (Hundesteuer und Abfallgebühren) zu")
    r"stimm(?:e|en|t|te|ten) (?:\S+ )?(?:dem|diesem|Ihrem|unserem) (?:\S+ )?(?:Plan|Schuldenbereinigungsplan|"
    r"Vorschlag|Angebot|Vergleich)\w*(?: \S+){0,24}? zu\b",
    r"(?:erteil\w*|geb\w*|erklär\w*|gegeben|erteilt) (?:\S+ ){0,4}?Zustimmung",
    # An authority naming itself in between ("erteilt der Landkreis Moorland hiermit seine Zustimmung"), in one clause.
    r"(?:erteil\w*|erklär\w*) (?:[^\s,;]+ ){0,12}?(?:seine|ihre|unsere|meine|die|deren|dessen) Zustimmung",
    r"Zustimmung (?:\S+ ){0,12}?(?:erteil\w*|erklär\w*)", r"Zustimmung (?:\S+ ){0,3}?erfolgt\b",
    # "Der Plan findet unsere Zustimmung"; a negation in its clause makes it a refusal ("findet nicht unsere …").
    r"find\w* (?:\S+ ){0,3}?(?:unsere|die|Ihre) (?:Zustimmung|Billigung|Akzeptanz)", r"billig(?:en|t|te|ten)\b",
    r"einverstanden", r"Einverständnis", r"akzeptier\w*",
    # signing said by one person ("dann unterschreib ich Ihnen das", "Ich unterschreibe den Plan")
    r"\bdann unterschreib(?:e|en)? (?:ich|wir)\b(?! nicht| nich\b| nichts| nix\b| kein)",
    r"\b(?:ich|wir) unterschreib(?:e|en) (?:\S+ )?(?:den|diesen|Ihren) (?:\S+ )?(?:Plan|Vergleich|Vorschlag)\w*",
    # Consent said by what the creditor does or can live with: "Wir haben die Raten so bei uns hinterlegt, wie Sie sie
    # vorschlagen", "halten die Regelung für vertretbar und werden sie so umsetzen", "Wir gehen den Weg mit", "kann
    # mit der vorgeschlagenen Regelung leben", "dem Vorschlag folgen"; and what a negation turns into a refusal: "den
    # Plan nicht unterstützen", "uns daran nicht beteiligen", "ist dem Vorschlag nicht gefolgt".
    r"(?:hinterlegt|eingebucht|eingepflegt|vorgemerkt|eingerichtet|angelegt),? (?:\S+ ){0,2}?wie (?:Sie|im Plan"
    r"|vorgeschlagen)\b",
    r"(?:werden|wollen) (?:sie|ihn|es|das|den Plan|die Regelung) (?:\S+ ){0,2}?(?:so|entsprechend) umsetzen",
    r"halten (?:\S+ ){0,6}?für vertretbar", r"gehen (?:\S+ ){0,3}?(?:den|diesen) Weg mit\b", r"\bmitgehen\b",
    r"(?:kann|können) (?:\S+ ){0,4}?mit (?:\S+ ){0,4}?(?:Regelung|Plan|Vorschlag|Lösung)\w* leben\b",
    r"mit (?:\S+ ){0,4}?(?:Regelung|Plan|Vorschlag|Lösung)\w* leben (?:kann|können|könne)\b",
    # ("zu Ihrem Plan … wie folgt Stellung": "as follows", no consent)
    r"(?:dem|Ihrem|diesem) (?:\S+ )?(?:Vorschlag|Plan)\w* (?:(?!wie\b)\S+ ){0,3}?(?:folgen|gefolgt|folgt)\b",
    r"(?:Plan|Vorschlag|Regelung)\w* (?:\S+ ){0,4}?unterstütz\w*",
    r"(?:uns|mich) (?:\S+ ){0,3}?(?:daran|am Plan|an dem Plan|an der Regelung|an der Einigung) (?:\S+ ){0,2}?"
    r"beteilig\w*",
    # A consent given before and now in force: "Unsere Zustimmung zum Plan … ist damit verbindlich."
    r"(?:unsere|die|meine) Zustimmung (?:\S+ ){0,8}?(?:ist|wird|gilt) (?:(?!nicht\b|noch\b|erst\b)\S+ ){0,3}?"
    r"(?:verbindlich|wirksam|endgültig)\b", r"(?:nehmen|nimmt) (?:\S+ ){0,11}?an\b(?!,? (?:dass|daß)\b)",
    r"steht (?:\S+ ){0,3}?nichts (?:mehr )?im Wege",
    r"angenommen", r"annehmen", r"trag\w* (?:\S+ ){0,8}?mit\b", r"träg\w* (?:\S+ ){0,8}?mit\b", r"mitzutragen",
    r"mittragen",
    r"genehmig\w*", r"befürwort\w*", r"zusagen", r"sagen (?:\S+ ){0,4}?zu\b",
    # (not the contract: "interest accrued under the agreement", "the loan agreement")
    r"agree(?!ments?\b)\w*", r"agreement (?:to|with) (?:\S+ ){0,2}?(?:plan|proposal|settlement)\b",
    r"accept\w*", r"consent\w*", r"approve\w*", r"steht nichts entgegen", r"stehen nichts entgegen",
    r"(?:sind|ist|bin) (?:\S+ ){0,3}?bereit,? (?:\S+ ){0,12}?(?:zuzustimmen|mitzutragen|anzunehmen)",
    # ready to close the matter on the plan's own terms: "ist bereit, den Vertrag gegen die angebotene Einmalzahlung
    # von 1.817,79 € zu erledigen"
    r"bereit,? (?:\S+ ){0,8}?(?:gegen|für|mit) (?:die|der|den|dem) (?:angebotenen?|vorgeschlagenen?|im Plan genannten?)"
    r" (?:\S+ ){0,6}?(?:zu erledigen|abzuschließen|zu beenden|beizulegen|abzugelten)\b",
    # Joining the plan: "schließen uns dem Plan an", "machen da mit" (the "mit" closing the clause, so that
    # "machen Sie uns mit den Zahlen vertraut" is no agreement).
    r"schließ\w* (?:\S+ ){0,2}?(?:uns|mich) (?:\S+ ){0,8}?an\b", r"(?:uns|mich) (?:\S+ ){0,6}?anzuschließen",
    r"mach\w* (?:\S+ ){0,3}?mit(?=\s*(?:[.,;!]|$))", r"mitmachen", r"mitzumachen", r"beitreten", r"beizutreten",
    # Joining on terms of one's own ("machen mit bei insgesamt 600 €"): its named figures are what it offers.
    r"mach\w* (?:\S+ ){0,3}?mit bei\b",
    # A decision taken, as an infinitive ("hat entschieden, dem Plan (nicht) zuzustimmen"): a negation in it
    # turns it into refusal; an infinitive alone ("bitten Sie, … zuzustimmen") is none. (The object may run long: "…
    # beschlossen, dem Schuldenbereinigungsplan für Frau J. Unger (Mietkonto MK 04-1187) zuzustimmen")
    r"(?:entschied\w*|entschieden|beschlossen|beschließ\w*|beschloss\w*|entschloss\w*|entschlossen),? "
    r"(?:\S+ ){0,14}?zuzustimmen",
    # The creditor's instruction passed on by its agent ("hat uns angewiesen, den Plan … (nicht) anzunehmen").
    r"(?:angewiesen|beauftragt),? (?:\S+ ){0,8}?(?:zuzustimmen|anzunehmen)\b",
    # An authority's wording: "dem Antrag wird entsprochen" ("kann nicht entsprochen werden" is a refusal).
    r"(?:wird|werden|wurde|kann|können|konnte) (?:\S+ ){0,4}?entsprochen\b",
    # and "einem Vergleich kann ich nähertreten, wenn …" (an authority willing to go along, on its terms)
    r"näher ?(?:treten|zutreten|tritt|getreten)\b", r"nähertreten",
    # Swiss "Hand bieten" (to go along with it): "können nicht Hand bieten" is a refusal.
    r"Hand (?:zu )?biet\w*", r"Hand geboten", r"biet\w* (?:\S+ ){0,4}?Hand\b",
    # Cannot but agree ("kommen nicht umhin, dem Plan zuzustimmen").
    r"umhin,? (?:\S+ ){0,8}?(?:zuzustimmen|anzunehmen|mitzutragen)",
    # Colloquial consent: "der Plan geht für uns in Ordnung", "geht klar", "wir sind dabei" (not "wir sind noch
    # dabei, den Plan zu prüfen": work in progress).
    r"geht (?:\S+ ){0,4}?(?:in Ordnung|klar)\b", r"passt (?:so|für uns|uns so)\b", r"passt schon\b",
    r"kann (?:\S+ ){0,2}?so laufen\b", r"so machen wir(?:'?s|'s| es| das)?(?=\s*(?:[.,;!]|$))",
    # "na gut, dann machen wir das so", "von mir aus Zustimmung", "von uns aus ok"
    r"(?:dann|also|gut|okay|ok) machen wir (?:das|es) so\b",
    r"von (?:mir|uns) aus,? (?:\S+ ){0,2}?(?:Zustimmung|einverstanden|in Ordnung|okay|ok|ja)\b",
    # a bare "Passt." as the whole sentence
    r"^\W*passt\W*$",
    # "… 50 Euro im Monat zahlt dann meinetwegen": fine by the writer
    r"\b(?:dann|also|na gut,?|gut,?) meinetwegen\b",
    # Austrian and legal German: "in den Ausgleich einwilligen", "willigen in den Plan ein".
    r"einwillig\w*", r"willig\w* (?:\S+ ){0,10}?ein\b",
    # An authority's "Einvernehmen" ("Die Kasse erteilt hiermit ihr Einvernehmen mit dem Plan"); "Meine Antwort ist ja".
    r"(?:erteil\w*|erklär\w*|herstell\w*) (?:\S+ ){0,4}?Einvernehmen\b",
    r"Einvernehmen (?:\S+ ){0,6}?(?:erteilt|erklärt|hergestellt)\b",
    r"(?:meine|unsere) Antwort (?:\S+ ){0,2}?(?:ist|lautet|heißt)\W*(?:\w+\W+)?ja\b(?=\s*(?:[.!,;]|$))",
    # Consent given with a sigh: "Ja, in Gottes Namen.", "was bleibt mir anderes übrig, als Ja zu sagen?"
    r"\bja,? in Gottes Namen\b",
    r"(?:bleibt|blieb|bliebe) (?:\S+ ){0,4}?(?:anderes|sonst) übrig,? als (?:\S+ ){0,3}?(?:Ja zu sagen|zuzustimmen)",
    r"(?:wir sind|sind wir|ich bin|bin ich) (?:(?!noch\b|gerade\b|derzeit\b|momentan\b|aktuell\b|schon\b)\S+ ){0,2}?"
    r"(?:mit )?dabei\b(?!,? (?:\S+ ){0,8}?(?:zu \w+en|\w+zu\w+en)\b)",
))
# Agreement written with a negation word in it ("keine Einwände").
AGREE_DESPITE_NEGATION = phrases((
    r"keine Einwände", r"keine Einwendungen", r"keinerlei (?:Einwände|Einwendungen|Bedenken)",
    r"keine Bedenken",
    r"(?:Einwendungen|Einwände|Einwand) (?:\S+ ){0,6}?(?:erheben|erhoben|vorbringen) (?:\S+ ){0,2}?keine\b",
    r"nichts einzuwenden", r"no objection\w*",
    # "This does not affect our consent": the consent stands
    r"(?:does|do|will|would) not (?:affect|change|alter) (?:our|my|the) (?:consent|agreement|approval)",
    # "Dann soll es an uns nicht scheitern."
    r"(?:soll|wird|würde) es (?:\S+ ){0,2}?an (?:uns|mir) nicht scheitern",
    r"an (?:uns|mir) (?:soll|wird|würde) es nicht scheitern",
    r"nicht widersprechen", r"widersprechen (?:\S+ ){0,4}?nicht\b", r"steh\w* nichts entgegen",
    # Not standing in the way: "Wir werden uns da nicht querstellen", "stehen dem Plan nicht im Weg".
    r"(?:uns|mich) (?:\S+ ){0,3}?nicht querstellen", r"stell\w* (?:uns|mich) (?:\S+ ){0,3}?nicht quer\b",
    r"nicht (?:\S+ ){0,2}?im Wege? stehen", r"steh\w* (?:\S+ ){0,4}?nicht im Wege?\b",
    # "Wir werden uns Ihrem Plan deshalb nicht in den Weg stellen."
    r"(?:uns|mich) (?:\S+ ){0,4}?nicht in den Weg stellen", r"stell\w* (?:uns|mich) (?:\S+ ){0,4}?nicht in den Weg\b",
))
# A refusal that is itself ruled out ("eine Ablehnung kommt nicht in Betracht", "lehnen den Plan nicht ab"):
# an agreement, read with a doubt for a human to confirm.
NEGATED_REFUSAL = phrases((
    # (the words between hold no comma and no other decision: "die Ablehnung, da eine Zustimmung nicht in
    # Betracht kommt" is a refusal)
    r"(?:Ablehnung|Absage|Widerspruch|ablehnen|widersprechen) "
    r"(?:(?!\S*(?:zustimm|annahm|annehm|einverst))[^\s,;]+ ){0,12}?"
    r"nicht (?:\S+ ){0,2}?(?:in Betracht|in Frage|zur Debatte)",
    r"(?:kommt|kommen) (?:\S+ ){0,4}?nicht (?:\S+ ){0,2}?(?:in Betracht|in Frage) (?:\S+ ){0,3}?"
    r"(?:eine |einen |ein )?(?:Ablehnung|Absage|Widerspruch)",
    # Refraining from a refusal: "Von einer Ablehnung sehen wir deshalb ab".
    r"(?:von|vor) (?:einer |einem |der |dem )?(?:Ablehnung|Absage|Widerspruch|Einspruch|Einwendungen) (?:\S+ ){0,4}?"
    r"(?:sehen|sehe|nehmen|nehme) (?:\S+ ){0,3}?(?:ab|Abstand)\b",
    r"(?:sehen|sehe|nehmen|nehme) (?:\S+ ){0,3}?von (?:einer |einem |der |dem )?"
    r"(?:Ablehnung|Absage|Widerspruch|Einspruch|Einwendungen) (?:\S+ ){0,3}?(?:ab|Abstand)\b",
    r"lehn\w* (?:\S+ ){0,6}?nicht ab\b", r"nicht abgelehnt", r"nicht ablehnen", r"keine Ablehnung", r"keine Absage",
    r"keinen Widerspruch", r"erheben (?:\S+ ){0,4}?keinen Einspruch",
    r"(?:Einwendungen|Einwände|Einwand) (?:\S+ ){0,6}?(?:erheben|erhoben|vorbringen) "
    r"(?:[^\s,;]+ ){0,4}?nicht\b(?! nur)",
    r"not (?:\S+ ){0,2}?(?:reject|object)\b",
    # "Ein Widerspruch gegen den Plan erfolgt nicht", "wird nicht erhoben".
    r"(?:Widerspruch|Einspruch|Ablehnung|Einwendungen|Einwände|Einwand) "
    r"(?:(?!\S*(?:zustimm|annahm|annehm|einverst))[^\s,;]+ ){0,6}?(?:erfolgt|wird|werden) "
    r"(?:\S+ ){0,2}?nicht\b(?! nur)",
    # No reason to refuse ("sehen keinen Anlass, dem Plan die Zustimmung zu verweigern", "kein Grund für eine
    # Ablehnung"): the words between hold no comma and no further negation.
    r"kein\w* (?:Veranlassung|Anlass|Anlaß|Grund|Gründe|Grundes|Anhaltspunkt\w*),? "
    r"(?:(?!nicht\b|kein)[^\s,;]+ ){0,10}?(?:zu versagen|zu verweigern|zu widersprechen|abzulehnen|abzusagen)\b",
    # "sehen keinen Grund, dem Vergleich nicht zuzustimmen": no reason not to agree.
    r"kein\w* (?:Veranlassung|Anlass|Anlaß|Grund|Gründe),? (?:(?!nicht\b|kein)[^\s,;]+ ){0,10}?nicht zuzustimmen\b",
    r"kein\w* (?:Veranlassung|Anlass|Anlaß|Grund|Gründe|Anhaltspunkt\w*) (?:\S+ ){0,3}?(?:für|zur|zu einer) "
    r"(?:eine |einer )?(?:Ablehnung|Versagung|Verweigerung|Absage|Widerspruch)",
    r"(?:für|zur) (?:eine |einer )?(?:Ablehnung|Versagung|Verweigerung|Absage) (?:[^\s,;]+ ){0,6}?"
    r"kein\w* (?:Veranlassung|Anlass|Anlaß|Grund|Gründe|Anhaltspunkt\w*)\b",
    r"no (?:reason|grounds?|cause) (?:\S+ ){0,6}?(?:to|for) (?:reject|refus|declin|object|withhold)\w*",
))
# "nicht nur …, sondern (auch)" / "not only … but": an addition, no negation (its "nicht" negates nothing).
NOT_ONLY = phrases((r"(?:nicht|not) (?:nur|bloß|allein|only|just|merely)\b(?=[^.!?;]*?\b(?:sondern|but)\b)",))
# Words that turn agreement into refusal when they stand in the same clause.
# ("kann nicht umhin, … abzulehnen" is a must, no negation.)
NEGATION = phrases((r"nicht\b(?! umhin)", r"kein\w*", r"nie\b", r"niemals", r"weder\b", r"not\b", r"cannot", r"can't",
                    r"unable", r"never",
                    # Swiss and southern German "not" ("do mached mir nöd mit", "des geht ned")
                    r"nöd\b", r"nid\b", r"ned\b"))

# A part of a sentence (up to a semicolon) whose decision words are no decision on the plan:
# - an abstention ("weder eine Zustimmung noch eine Ablehnung", "wir enthalten uns", "nehmen nicht teil");
ABSTAIN = phrases((
    r"enthalt\w* (?:\S+ ){0,2}?(?:uns|mich)\b", r"enthält (?:\S+ ){0,2}?sich", r"Enthaltung", r"Stimmenthaltung",
    r"weder (?:\S+ ){0,4}?(?:zu\w*stimm\w*|Zustimmung|annehm\w*|akzeptier\w*|einverstanden)"
    r" (?:\S+ ){0,4}?noch (?:\S+ ){0,4}?(?:ablehn\w*|Ablehnung|widersprech\w*|Widerspruch|abzulehnen)",
    r"weder (?:\S+ ){0,4}?(?:ablehn\w*|Ablehnung|widersprech\w*|Widerspruch)"
    r" (?:\S+ ){0,4}?noch (?:\S+ ){0,4}?(?:zu\w*stimm\w*|Zustimmung|annehm\w*|akzeptier\w*|einverstanden)",
    r"(?:zu\w*stimm\w*|Zustimmung) (?:\S+ ){0,4}?(?:ebenso|genauso)\s*wenig (?:\S+ ){0,1}?wie"
    r" (?:\S+ ){0,3}?(?:ablehn\w*|Ablehnung|abzulehnen)",
    r"(?:nehmen|nimmt|nehme) (?:\S+ ){0,8}?nicht teil\b", r"beteilig\w* (?:uns|mich|sich) (?:\S+ ){0,6}?nicht\b",
    r"abstain\w*", r"neither (?:\S+ ){0,3}?(?:accept|agree|approve|consent)\w* nor",
))
# - an objection to the firm's deemed consent ("Schweigen ist keine Zustimmung", "Ihrer Ankündigung, von unserer
#   Zustimmung auszugehen, widersprechen wir"), which says nothing about the plan itself;
DEEMED_CONSENT = phrases((
    r"Schweigen\w*", r"Stillschweigen", r"stillschweigend\w*", r"Fiktion\w*", r"Zustimmungsfiktion", r"fingiert\w*",
    r"ausbleibend\w* (?:Antwort|Rückmeldung|Reaktion|Äußerung|Nachricht|Stellungnahme)",
    r"(?:von|mit) (?:\S+ ){0,2}?Zustimmung (?:\S+ ){0,6}?aus(?:zu)?geh\w*",
    r"gilt (?:\S+ ){0,4}?als (?:erteilt|zugestimmt|Zustimmung|angenommen)",
    r"als (?:\S+ ){0,2}?Zustimmung (?:\S+ ){0,3}?(?:werten|gewertet|gelten|zu werten)",
    r"deemed", r"silence",
    # The mirror: no answer yet is not to be read as a refusal ("Bitte werten Sie das Ausbleiben unserer Entscheidung
    # bis dahin nicht als Ablehnung", "… das Verstreichen Ihrer Frist nicht als Ablehnung").
    r"(?:werten|verstehen|betrachten|sehen|auffassen|interpretieren) (?:\S+ ){0,10}?nicht als (?:\S+ )?Ablehnung\w*",
))
# - both decisions named as the choice to make ("Ihre Zustimmung oder Ablehnung", the firm's question echoed);
BOTH_NAMED = phrases((
    r"(?:Zustimmung|zustimmen|Annahme|annehmen) (?:oder|bzw\.?|/|und) (?:\S+ ){0,1}?(?:Ablehnung|ablehnen)",
    r"(?:Ablehnung|ablehnen) (?:oder|bzw\.?|/|und) (?:\S+ ){0,1}?(?:Zustimmung|zustimmen|Annahme|annehmen)",
    r"(?:acceptance|accept) or (?:rejection|reject)",
    r"zuzustimmen (?:oder|bzw\.?|/|und) (?:\S+ ){0,1}?abzulehnen",
    r"abzulehnen (?:oder|bzw\.?|/|und) (?:\S+ ){0,1}?zuzustimmen",
))
# - a statement withdrawn or put right ("die dort erklärte Ablehnung war ein Versehen", "ziehen … zurück").
WITHDRAWN = phrases((
    r"gegenstandslos", r"versehentlich", r"irrtümlich\w*", r"(?:ein|einem|aus) Versehen",
    r"(?:ein|einem|im) Irrtum", r"hinfällig", r"zurückgezogen", r"zurückzuziehen", r"zurückgenommen",
    r"widerrufen (?:\S+ ){0,3}?(?:unsere|meine|die|den|das)\b",
    r"Widerruf (?:unserer|meiner|der|des) (?:\S+ ){0,2}?(?:Zustimmung|Ablehnung|Erklärung|Schreiben|E-Mail)",
    r"als nicht geschrieben", r"ignorieren", r"disregard", r"withdraw\w*", r"in error", r"by mistake",
))
# - what becomes of the agreement if a condition for the firm is not met ("Geht uns bis dahin keine Bestätigung
#   zu, gilt unsere Zustimmung als nicht erteilt"): a condition, no refusal.
LAPSES = phrases((
    r"gilt (?:\S+ ){0,4}?als nicht (?:erteilt|erklärt|gegeben|abgegeben)",
    r"(?:erlischt|entfällt|verfällt) (?:\S+ ){0,3}?(?:unsere|meine|die|diese) Zustimmung",
    r"Zustimmung (?:\S+ ){0,3}?(?:erlischt|entfällt|verfällt)",
    r"(?:shall|will) be deemed (?:\S+ ){0,2}?(?:withdrawn|not given)",
))
# A statement taken back by name ("ziehen unsere Ablehnung zurück"): that statement is void, what follows stands.
# A question that asks after something ("Wie viele Gläubiger haben bisher zugestimmt?", "Werden Sie die Ersetzung
# der fehlenden Zustimmungen beantragen?"): its decision words decide nothing.
ASKING = phrases((
    r"^\W*(?:\d+[.)]\s*)?(?:wie|wieviele?|welche[rsnm]?|wer|wem|wann|wo|ob|inwieweit|inwiefern|gibt es|wird"
    r"|was (?:geschieht|passiert|gilt|wäre|ist mit)"
    r"|werden sie|haben sie|hat|haben|sind|ist|soll|sollen"
    # whether the debtor would agree to something ("Wäre Frau K. mit einer Direktzahlung … einverstanden?"); with a
    # figure it asks for more ("Wäre Ihr Mandant in der Lage, … auf 600,00 € aufzustocken?"), a counter-offer
    r"|(?:wäre|wären|würde) (?:frau|herr|ihr\w* mandant\w*|die mandantin|der mandant|die schuldnerin|der schuldner)"
    r"(?![^?]*\d)"
    r"|können sie|könnten sie|würden sie|how|which|who|when|whether|will you|have|has|did)\b",
))
# The creditor tells what it did before ("Mit Schreiben vom 18.02. hatten wir den ersten Plan abgelehnt", "hatten
# wir einen Gegenvorschlag gemacht (25,00 € über 36 Monate)"): history, whose decision and figures are not today's.
PAST_REPORT = phrases((
    r"\b(?:hatten|hatte) (?:wir|ich) (?:\S+ ){0,14}?(?:gemacht|abgelehnt|vorgeschlagen|unterbreitet|zugestimmt"
    r"|angeboten|mitgeteilt|erklärt|gefordert|verlangt|widersprochen|angenommen)\b",
))
# An authority's notice of the legal remedy under its decision ("Rechtsbehelfsbelehrung: Gegen diesen Bescheid ist der
# Widerspruch zulässig"): the debtor's right to object, no refusal of the creditor's.
LEGAL_REMEDY = phrases((
    r"Rechtsbehelfsbelehrung", r"Rechtsmittelbelehrung",
    r"gegen diesen (?:Bescheid|Beschluss|Verwaltungsakt)\b",
    r"(?:Widerspruch|Einspruch|Klage) (?:\S+ ){0,8}?(?:zulässig|erhoben werden|eingelegt werden|einzulegen)\b",
))
# A ticket's or file's status field decides nothing about the plan (one list with the intent rules).
RECORD_STATUS = intent_words.RECORD_STATUS
WITHDRAWN_OBJECT = phrases((
    r"(?:ziehen|nehmen) (?:\S+ ){0,2}?(?:unsere|unseren|meine|meinen|die|den|das) (?:\S+ ){0,4}?zurück",
    # the statement named first: "Unsere … erklärte Zustimmung ziehen wir bis zur Klärung zurück"
    r"(?:Zustimmung|Ablehnung|Erklärung|Einverständnis|Zusage|Einwilligung)\w* (?:\S+ ){0,2}?(?:ziehen|nehmen) "
    r"(?:wir|ich) (?:\S+ ){0,6}?zurück\b",
    # said of someone the writer speaks for: "Frau Pahlke nimmt ihre Ablehnung deshalb zurück"
    r"(?:zieht|nimmt) (?:\S+ ){0,1}?(?:ihre|seine|die|den|das) (?:\S+ ){0,3}?(?:Ablehnung|Zustimmung|Widerspruch"
    r"|Erklärung|Zusage)\w* (?:\S+ ){0,3}?zurück\b",
))

# Refusal in its own words.
REFUSE = phrases((
    # ("Widerspruchsstelle", "Widerspruchsfrist" name an office and a deadline, no objection)
    r"lehn\w* (?:\S+ ){0,9}?ab\b", r"abgelehnt", r"ablehn\w*", r"Ablehnung", r"widersprech\w*", r"Widerspruch\b",
    # "Meine Antwort ist nein."
    r"(?:meine|unsere) Antwort (?:\S+ ){0,2}?(?:ist|lautet|heißt)\W*(?:\w+\W+)?nein\b(?=\s*(?:[.!,;]|$))",
    r"verweiger\w*", r"versag\w*", r"keine Zustimmung", r"nicht in Frage", r"nicht in Betracht",
    # Refusal said by what the creditor goes on doing: "lasse ich auch weiter vollstrecken".
    r"weiter (?:\S+ ){0,2}?vollstrecken", r"Vollstreckung\w* (?:\S+ ){0,4}?(?:fortsetzen|fortführen|fortgesetzt"
    r"|fortgeführt)\b",
    # said the way people talk: "null Euro is nich", "das ist nicht drin"
    r"\bis nich\b", r"\bist nicht drin\b",
    # "Zu wenig." as the whole sentence
    r"^\W*(?:das ist |ist )?(?:viel |deutlich )?zu (?:wenig|niedrig|gering)\W*$",
    r"decline\w*", r"reject\w*", r"refuse\w*", r"cannot accept", r"do not agree", r"does not agree",
    # What the plan offers called less than acceptable ("9% over three years is less than we can accept").
    r"(?:less|lower) than (?:\S+ ){0,3}?(?:accept\w*|agree\w*)\b",
    r"(?:weniger|niedriger|geringer) als (?:\S+ ){0,4}?(?:akzeptier\w*|annehm\w*|zustimm\w*|vertretbar)\b",
    # "is unable to sign off on it", "our policy does not allow us to sign up to an arrangement of this kind"
    r"(?:unable|not able) to (?:\S+ ){0,2}?(?:sign|support|go along)\b",
    r"(?:does|do) not (?:allow|permit) us to (?:\S+ ){0,3}?(?:sign|agree|accept|support)\b",
    r"Zustimmung (?:\S+ ){0,12}?nicht (?:möglich|darstellbar|vertretbar|machbar)", r"nicht zustimmungsfähig",
    r"nicht (?:\S+ ){0,2}?folgen",
    # the officialese "dass wir Ihrem Vorschlag nicht entsprechen können", "dem Antrag kann nicht entsprochen werden"
    r"(?:Vorschlag|Plan|Angebot|Antrag|Ersuchen|Bitte|Anliegen|Vergleichsvorschlag|Schuldenbereinigungsplan)\w* "
    r"(?:\S+ ){0,3}?nicht (?!nur\b)(?:\S+ ){0,2}?(?:entsprechen|entsprochen)\b",
    # "Ihm zuzustimmen ist mir nicht möglich", "dem Plan zuzustimmen, ist uns leider nicht darstellbar".
    # (not "… nicht zuzustimmen": a double negation)
    r"(?<!nicht\s)(?:zuzustimmen|anzunehmen|mitzutragen|beizutreten)\W+(?:ist|wäre|sind) (?:\S+ ){0,5}?nicht "
    r"(?:möglich|darstellbar"
    r"|vertretbar|machbar)",
    r"(?:ist|wäre) es (?:\S+ ){0,3}?nicht (?:möglich|darstellbar|vertretbar|machbar),? (?:\S+ ){0,8}?(?<!nicht\s)"
    r"(?:zuzustimmen|anzunehmen|mitzutragen|beizutreten)",
    r"nicht (?:annehmbar|akzeptabel|hinnehmbar|tragbar)",
    # The plan itself called unworkable: "Ein Plan, der uns keinen Euro bringt, ist für uns wirtschaftlich nicht
    # darstellbar" (not "eine Prüfung ist … nicht möglich": only what cannot be justified refuses).
    r"(?:Plan|Vorschlag|Angebot|Quote|Vergleich|Regelung)\w*\b[^.;!?]{0,120}?\b(?:ist|wäre|sind|wären) (?:\S+ ){0,4}?"
    r"nicht (?:darstellbar|vertretbar)",
    # "Mit dem vorgesehenen Anteil kann sie nicht leben" (the opposite of "damit können wir leben").
    r"\bmit (?:\S+ ){0,4}?(?:kann|können|könnte|könnten) (?:\S+ ){0,2}?nicht leben\b",
    # Declining in the words of being unable or of not coming closer to a proposal.
    r"(?:sehe|sehen|sieht) (?:wir |ich |er |sie )?(?:uns|mich|sich) (?:\S+ ){0,3}?(?:außerstande|außer Stande"
    r"|nicht in der Lage)",
    # (the verb last in a clause: "…, dass wir uns in diesem Fall leider nicht in der Lage sehen, … zuzustimmen")
    r"(?:uns|mich|sich) (?:\S+ ){0,5}?(?:außerstande|außer Stande|nicht in der Lage) (?:sehen|sehe|sieht)\b",
    r"(?:sind|bin|ist) (?:wir |ich |er |sie )?(?:\S+ ){0,2}?(?:außerstande|außer Stande)",
    r"(?:sehe|sehen) (?:\S+ ){0,3}?keine Möglichkeit", r"nicht (?:\S+ ){0,3}?näher ?(?:zu )?(?:treten|kommen)",
    r"nicht näher(?:zu)?(?:treten|kommen)", r"nicht (?:\S+ ){0,3}?anschließen",
    # A refusal in everyday words: "eine Absage erteilen", "Nein sagen", "sagen … nein".
    r"Absage\b", r"absagen", r"Nein sagen",
    # Idioms of refusal: "kommt für uns nicht in die Tüte", "a non-starter", "Ein Ja wird es … nicht geben",
    # "Unsere Unterschrift bekommen Sie für diesen Plan nicht".
    r"nicht in die Tüte", r"non-starter",
    # The plan's terms refused beside terms of the creditor's own, the verb left out: "Zu diesen Konditionen stimmen wir
    # zu, zu den angebotenen nicht", "… ja, nicht aber zu den vorgeschlagenen".
    r"(?:zu|mit) (?:den|dem|der|Ihren|Ihrem|Ihrer) (?:angebotenen|vorgeschlagenen|vorgesehenen|geplanten|jetzigen"
    r"|bisherigen)\w*(?: \w+)? nicht\b(?=\W*(?:$|[.!;]))",
    r"\bnicht (?:aber )?(?:zu|mit) (?:den|dem|der|Ihren|Ihrem|Ihrer) (?:angebotenen|vorgeschlagenen|vorgesehenen"
    r"|geplanten|jetzigen|bisherigen)\b", r"ein Ja (?:\S+ ){0,8}?nicht geben",
    r"not in a position to (?:\S+ ){0,3}?(?:give|grant|agree|accept|consent)",
    r"(?:unsere|meine) (?:Unterschrift|Zustimmung) (?:bekommen|erhalten|kriegen) Sie (?:\S+ ){0,5}?nicht\b",
    # Objections raised against the plan, in the words of the court procedure ("erheben wir … Einwendungen").
    r"(?:erheb\w*|erhoben) (?:(?!nicht\b|kein)\S+ ){0,12}?(?:Einwendungen|Einwände|Einwand)\b",
    r"(?:Einwendungen|Einwände|Einwand) (?:(?!nicht\b|kein)\S+ ){0,6}?(?:erhoben|erheben|vorgebracht|vorbringen)\b"
    r"(?! (?:\S+ ){0,2}?(?:keine|nicht)\b)",
    # "Von Zustimmung kann keine Rede sein"
    r"(?:von|zu) (?:einer |der )?Zustimmung (?:\S+ ){0,3}?keine Rede",
    r"bring\w* (?:(?!nicht\b|kein)\S+ ){0,8}?(?:Einwendungen|Einwände|Einwand) vor\b",
    r"sag\w* (?:\S+ ){0,4}?nein\b",
    r"ein (?:\S+ ){0,2}?Nein\b", r"say no\b",
    # A refusal as a zu-infinitive ("sehen uns gezwungen, den Plan abzulehnen"); "keinen Anlass, … abzulehnen" is
    # ruled out above, a question "ob … abzulehnen" is hypothetical.
    r"abzulehnen", r"zu verweigern", r"zu versagen",
    # Refraining from consent: "Von einer Zustimmung sehen wir ab", "sehen von der Zustimmung … ab".
    r"(?:von|vor) (?:einer|der|unserer) (?:Zustimmung|Annahme|Billigung) (?:\S+ ){0,6}?ab\b",
    r"sehen (?:\S+ ){0,4}?von (?:einer|der|unserer) (?:Zustimmung|Annahme|Billigung) (?:\S+ ){0,3}?ab\b",
))
# A decision written as a form's value: "Entscheidung: Zustimmung", "Votum | Ablehnung".
DECISION_FIELD = phrases((
    r"(?:Entscheidung|Votum|Ergebnis|Stellungnahme|Erklärung|decision)\s*[:|]?\s*",
    # a field named for whose decision it is: "Entscheidung Gläubiger: negativ", "Gläubigerentscheidung | positiv"
    r"(?:Entscheidung|Votum|Stellungnahme|decision)(?: (?:des|der|of the|by the))? [\w-]+\s*[:|]\s*",
    r"\w+(?:entscheidung|votum)\s*[:|]\s*",
))
# A decision written as a bare word: the value of such a field, a ticked box's line or the head of a subject
# ("Zustimmung Einmalzahlung / VK 2207"), never a request for it ("Zustimmung erbeten").
BARE_AGREE = phrases((r"Zustimmung\b(?! (?:\S+ ){0,2}?(?:erbeten|erbitten|gebeten))", r"Einverständnis",
                      r"einverstanden", r"zugestimmt", r"angenommen", r"accepted", r"approved", r"agreed",
                      r"positiv\b", r"positive\b"))
BARE_REFUSE = phrases((r"Ablehnung", r"abgelehnt", r"Widerspruch\b", r"declined", r"rejected",
                       # a reply that is the word "no" alone ("Nein.")
                       r"nein\b", r"no\b", r"negativ\b", r"negative\b"))

# A short answer to the letter's question "do you agree?": "ja.", "auch hier ja", "Zustimmung zum Plan: ja" (the
# form's label and a ticked "[X] ja"). What may stand before the answer: nothing, fillers, the consent asked
# about, the plan or the client it is about; never a question or a refusal word ("Rückfragen: ja").
SHORT_ANSWER = re.compile(r"^(?P<label>.*?)[\s:|,–-]*\b(?P<fill>(?:(?:auch|hier|also|dann|ebenfalls|gern|gerne"
                          r"|klar|von uns|unsererseits|meinerseits|ein klares|leider)\s+){0,3})"
                          # (the colloquial "jo", "passt", "geht klar", "nö", "nee"; an emoji after it: "passt so 👍")
                          r"(?P<answer>ja|jo|jawohl|yes|passt(?: so)?|geht klar|von mir aus|meinetwegen|nein|noe|nee"
                          r"|nope|no)[^\w]*$")
# The short answers of SHORT_ANSWER that say no.
SHORT_NO = frozenset({"nein", "noe", "nee", "nope", "no"})
ANSWER_LABEL = phrases((
    r"Zustimmung\w*", r"zustimm\w*", r"einverstanden", r"Einverständnis", r"Annahme", r"annehm\w*", r"Plan\w*",
    r"\w*plan\b", r"Vergleich\w*", r"Herrn?\b", r"Frau\b", r"Mandant\w*", r"Schuldner\w*", r"accept\w*",
    r"agree\w*", r"consent\w*", r"Entscheidung", r"Erklärung", r"Votum",
))
ANSWER_LABEL_NOT = phrases((r"Frage\w*", r"Rückfrage\w*", r"\bob\b", r"whether", r"question\w*", r"Ablehnung\w*",
                            r"ablehn\w*", r"Widerspruch", r"widersprech\w*", r"Einwand", r"Einwände", r"Bedenken",
                            r"Sicherheit\w*", r"Unterlagen", r"nicht\b", r"kein\w*"))
# Decision words a typo may hide ("stimmmen", "Zustimmmung", "einverstnaden"): read with a small edit distance,
# only when exactly one of them is that close and the word is none of them (`plan_reply._tolerant`).
TYPO_TOLERANT = ("stimmen", "stimme", "zustimmen", "zustimmung", "zugestimmt", "einverstanden", "akzeptieren",
                 "akzeptiert", "ablehnen", "ablehnung", "abgelehnt", "einverstaendnis")

# A clause that speaks of a decision still to be taken: its agreement words decide nothing.
HYPOTHETICAL = phrases((
    # An indirect question decides nothing ("ob die übrigen Gläubiger zugestimmt haben", "unter welcher Bedingung wir
    # zustimmen könnten, entnehmen Sie der Anlage").
    r"bevor", r"\bob\b", r"vor einer Entscheidung",
    r"unter welche[rn]? (?:\S+ )?(?:Bedingung|Voraussetzung|Umständen)\w*",
    # "Ohne diese Unterlagen ist eine Zustimmung … nicht möglich": a refusal only until the documents come
    r"\bohne (?:\S+ ){0,3}?\w*(?:Unterlagen|Nachweis\w*|Angaben|Informationen|Belege|Dokumente|Auskünfte)\b",
    r"vor (?:unserer|einer) (?:\S+ ){0,2}?Zustimmung", r"(?:bitten|bitte|baten|ersuch)\w* (?:\S+ ){0,6}?zuzustimmen",
    r"before we", r"whether\b",
    # asking whether the debtor's side can agree decides nothing for the creditor ("if your client can agree")
    r"if (?:your client|he|she|they|the debtor) (?:can |could |would )?(?:agree|accept)",
    # The other creditors' consent, a condition of one's own ("dass sämtliche übrigen Gläubiger ebenfalls zustimmen").
    # (what describes them may stand between: "dass sämtliche im Plan aufgeführten Gläubiger zustimmen")
    r"(?:übrigen|anderen|sämtliche\w*|alle|weiteren) (?:\S+ ){0,3}?Gläubiger\w* (?:\S+ ){0,4}?"
    r"(?:zustimm\w*|zugestimmt|einverstanden|ablehn\w*|abgelehnt)",
    r"um Zustimmung", r"Bitte um", r"bitten (?:\S+ ){0,4}?Zustimmung",
    # "stimmt … grundsätzlich erst zu, wenn …": only once something else has happened.
    r"erst\b(?! (?:einmal|mal)\b)",
    # Nothing left to decide on ("Es gibt also nichts mehr, dem wir zustimmen müssten"), or a consent only
    # imagined in the subjunctive of a modal ("zustimmen müssten / bräuchten / sollten").
    r"\bnichts,? (?:\S+ ){0,2}?(?:dem|wozu|was|worüber|dafür)\b", r"\bnothing (?:left |more )?(?:to|for us to)\b",
    r"\b(?:müssten|bräuchten|brauchten|sollten|sollte|hätten)\b", r"\bwozu\b",
    # A "why should we …" question: rhetorical, it agrees to nothing ("Warum sollte die Bank 387,78 € annehmen?").
    r"\b(?:warum|weshalb|wieso|weswegen)\b",
))

# A floor or ceiling named with its figure ("Wir stimmen keiner Quote zu, die unter 15 % liegt"): an offer of one's
# own, unless the sentence speaks of a general habit ("dass wir Quoten unter 20 % normalerweise ablehnen").
FLOOR_OR_CEILING = re.compile(  # "über 240,00 €" names an amount ("Vergleich über …"), "über 15 %" a ceiling
    r"\b(?:unter|weniger als|mehr als|below|above) (?:\S+ )?\d+(?:,\d+)? ?(?:%|prozent|eur\b|€|euro\b)"
    # "Unter 1.500 mach ich das nicht": a floor said without a unit, before what the writer will not do
    r"|\bunter \d{1,3}(?:\.\d{3})*(?:,\d+)? (?:\S+ ){0,3}?(?:mach|mache|machen|gehe|gehen|stimme|stimmen) (?:ich|wir)\b"
    r"|\bueber (?:\S+ )?\d+(?:,\d+)? ?(?:%|prozent)"
    # a bound on the term: "Länger als 36 Monate machen wir nicht"
    r"|\b(?:laenger|kuerzer|mehr|weniger) als \d{1,3} (?:monate|jahre|raten)\b")
# A clause about what the creditor agrees to in general ("… liegt unter dem, was wir in vergleichbaren Fällen
# mittragen"): a relative "was wir …" clause holds no decision on this plan.
WHAT_WE_DO = re.compile(r"^\W*(?:\S+\s+)?was (?:wir|ich|man)\b"
                        # … or what a relative clause says the creditor accepts elsewhere ("unter den Quoten, die wir
                        # bei vergleichbaren Krediten akzeptieren"), not "den wir hiermit annehmen"
                        r"|^\W*(?:die|denen|welche)\s+(?:wir|ich|man)\b(?!(?:\s+\S+){0,3}?\s+(?:hiermit|hierdurch"
                        r"|gerne?|somit|damit)\b)")
# The plan's own offer as the subject a bound describes ("Der angebotene Betrag deckt weniger als 20 % unserer
# Forderung"): what the plan comes to, not a floor of the creditor's.
OFFER_DESCRIBED = phrases((
    r"(?:der|die|das|Ihr\w*) (?:\S+ )?angebotene\w* (?:Betrag|Quote|Summe|Zahlung|Einmalzahlung|Rate|Vergleich\w*)\b"
    r"(?: \S+){0,2}? (?:deckt|decken|liegt|liegen|entspricht|beträgt|macht|sind|ist)\b",
    r"Ihr\w* (?:Angebot|Vorschlag|Plan)\w* (?:\S+ ){0,2}?(?:deckt|liegt|entspricht|beträgt|macht)\b",
))
GENERAL_HABIT = phrases((r"normalerweise", r"üblicherweise", r"in der Regel", r"generell", r"im Allgemeinen",
                         r"standardmäßig", r"usually", r"as a rule", r"\bhatte\w*\b"))
# Consent to something else than the plan ("mit einem Telefontermin … einverstanden", "stimmen der Weitergabe
# unserer Forderungsaufstellung an das Gericht zu"): no decision on the plan.
OTHER_CONSENT = phrases((
    r"mit (?:einem|einer|dem|der) (?:\S+ ){0,2}?(?:Telefontermin|Termin|Gespräch|Telefonat|Rückruf|Fristverlängerung|"
    r"Weitergabe|Übermittlung|Datenübermittlung|Akteneinsicht)\w*,? (?:\S+ ){0,12}?einverstanden",
    r"(?:stimm\w*|Zustimmung) (?:\S+ ){0,3}?(?:der|zur|zu der) (?:\S+ ){0,2}?(?:Weitergabe|Übermittlung|"
    r"Datenübermittlung|Fristverlängerung|Akteneinsicht)\w*(?: (?:\S+ ){0,8}?zu\b)?",
    # a consent the debtor is to sign, named as a paper the creditor waits for ("wenn uns die unterschriebene
    # Einverständniserklärung von Herrn B. vorliegt")
    r"(?:unterschrieben\w*|unterzeichnet\w*|signiert\w*|schriftlich\w*) (?:\S+ ){0,2}?(?:Einverständniserklärung|"
    r"Einwilligung\w*|Zustimmungserklärung)\w*",
    r"(?:Einverständniserklärung|Einwilligungserklärung|Zustimmungserklärung)\w* (?:\S+ ){0,3}?"
    r"(?:des|der|von|Ihre[rs]?) (?:\S+ ){0,2}?(?:Schuldner\w*|Mandant\w*|Patient\w*|Kund\w*|Herrn|Frau)\b",
    # A web portal's cookie banner ("Bitte stimmen Sie der Verwendung von Cookies … zu", "Zustimmen und weiter",
    # "Alle Cookies akzeptieren").
    r"(?:stimm\w*|Zustimm\w*|akzeptier\w*|accept\w*|einwillig\w*) (?:\S+ ){0,8}?(?:Cookies?|Datenschutzerklärung)\b"
    r"(?: (?:\S+ ){0,8}?(?:zu\b|akzeptier\w*|accept\w*))?",
    r"(?:Cookies?|Datenschutzerklärung) (?:\S+ ){0,4}?(?:akzeptier\w*|accept\w*|zustimm\w*)",
    r"Zustimmen und weiter", r"Zustimmung (?:\S+ ){0,3}?jederzeit (?:\S+ ){0,2}?widerruf\w*",
    # Consent to how mail is exchanged ("wenn Sie der unverschlüsselten Kommunikation zugestimmt haben").
    r"(?:Kommunikation|E-Mail-Verkehr|Mailverkehr|Kontaktaufnahme|Newsletter|Werbung)\w* (?:\S+ ){0,3}?"
    r"(?:zugestimmt|zustimm\w*|eingewilligt|einverstanden)",
    r"(?:zustimm\w*|zugestimmt|Zustimmung|einverstanden|einwillig\w*) (?:\S+ ){0,4}?(?:unverschlüsselt\w*|"
    r"E-Mail-Kommunikation|Mailverkehr|Newsletter)\b",
    # An answer or a date promised, not a consent given: "Eine Antwort bis zum 06.07. können wir leider nicht zusagen".
    r"(?:Antwort|Rückmeldung|Entscheidung|Stellungnahme|Bearbeitung|Termin|Zeitpunkt)\w* (?:\S+ ){0,12}?"
    r"zu(?:ge)?sagen\b",
    # No objection to something else than the plan ("Gegen laufende Abschläge aus dem neuen Vertrag bestehen keine
    # Bedenken, für die Altforderung …").
    r"gegen (?:(?!\S*(?:plan|vergleich|vorschlag|einigung|angebot|quote|regulierung))\S+ ){1,8}?(?:bestehen|haben wir"
    r"|hegen wir|erheben wir) (?:\S+ ){0,2}?keine (?:Bedenken|Einwände|Einwendungen)",
    # Payments taken as they come ("Freiwillige Ratenzahlungen werden weiterhin angenommen"): no consent to the plan.
    r"(?:Zahlungen|Ratenzahlungen|Teilzahlungen|Raten|Abschlagszahlungen|Beträge)\w* (?:\S+ ){0,3}?(?:angenommen"
    r"|entgegengenommen|akzeptiert|verbucht)\b",
))
# A decision announced, not given ("Nach derzeitigem Stand werden wir dem Plan zustimmen").
ANNOUNCED = phrases((
    r"werden (?:wir|ich) (?:\S+ ){0,6}?(?:zustimmen|ablehnen|annehmen|mittragen|widersprechen)",
    r"voraussichtlich", r"vermutlich", r"nach derzeitigem Stand", r"(?:will|shall) (?:probably|likely)",
))
# Agreement only in the subjunctive ("… wären wir dann einverstanden", "würden wir zustimmen"): under a condition.
SUBJUNCTIVE = phrases((r"wären", r"wäre", r"würden", r"würde", r"könnten", r"könnte", r"would", r"could"))
# A "why should we …?" question: its figures are the plan's, turned against it, not an offer.
WHY_QUESTION = re.compile(r"^\W*(?:und |aber )?(?:warum|weshalb|wieso|weswegen|why)\b")
# A line that gives the reason for a decision ("Begründung: zu geringe Raten in den ersten 24 Monaten (14,53 EUR)"):
# the figures it names are the plan's, criticised, not an offer of the creditor's own.
REASON_LINE = re.compile(r"^[\s•*·\-–]*(?:begruendung|grund|gruende|hintergrund|reason)\s*:")
# A condition or an offer of the creditor's own: with a figure that differs from the plan, a counter-offer.
COUNTER = phrases((
    # "Eine Einigung ist für uns bei einem Betrag von 2.100,00 EUR möglich": the creditor's own terms
    r"Einigung (?:\S+ ){0,4}?(?:bei|ab|für) (?:einem|einer) (?:Betrag|Zahlung|Einmalzahlung|Quote|Rate)\b",
    r"sofern", r"unter der Bedingung", r"unter (?:\S+ ){0,2}?Bedingungen", r"unter der Voraussetzung",
    r"vorausgesetzt", r"nur bei",
    r"nur (?:\S+ ){0,3}?wenn", r"nur unter", r"nur gegen", r"gegen (?:eine|einen|Zahlung)",
    # ("Bei einer Quote von 15 % wäre unsere Auftraggeberin zu einer Einigung bereit")
    r"wären (?:\S+ ){0,5}?bereit", r"wäre (?:\S+ ){0,5}?bereit",
    # (with a few words between: "Wir sind aber zu einer Einigung bereit, wenn …")
    r"(?:sind|ist|bin) (?:\S+ ){0,5}?bereit,? (?:\S+ ){0,6}?(?:bei|gegen|wenn|sofern|falls|für)\b",
    r"bereit (?:\S+ ){0,4}?(?:bei|gegen)\b", r"vorbehaltlich",
    # (not a decision "reserved" to a body: "Entscheidungen … sind unserem Kreditausschuss vorbehalten")
    r"Vorbehalt(?!en (?:sind|ist|bleibt|bleiben|sein)\b)\w*",
    r"behalt\w* (?:uns|mir) (?:\S+ ){0,6}?vor\b", r"nur (?:\S+ ){0,2}?(?:einer|einem|eine|ab|mit)\b",
    r"schlagen (?:\S+ ){0,6}?vor", r"unser\w* Vorschlag", r"mein\w* Vorschlag", r"Gegenvorschlag\w*",
    r"Gegenangebot\w*",
    r"könnten wir", r"würden wir", r"wären wir", r"wir könnten", r"wir würden", r"wir wären",
    # The same from one person (a shop owner, a private lender): "Bei 15 Prozent würde ich unterschreiben."
    r"könnte ich", r"würde ich", r"wäre ich", r"ich könnte", r"ich würde", r"ich wäre",
    # and from the principal a collection agency speaks for: "Bei einer Quote von 15 % würde sie zustimmen."
    r"(?:würde|würden|könnte|könnten) (?:\S+ ){0,4}?(?:zustimmen|einverstanden sein|akzeptieren|annehmen|mittragen)\b",
    r"(?:zustimmen|akzeptieren|annehmen|mittragen) (?:würde|würden|könnte|könnten)\b",
    r"angehoben", r"anheb\w*", r"erhöh\w*", r"verkürz\w*", r"verläng\w*", r"mindestens", r"abweichend",
    # "nur nicht in Höhe von 269,84 EUR, sondern von 450,00 EUR"
    r"nur nicht (?:\S+ ){0,6}?sondern",
    r"das Doppelte", r"das Dreifache", r"doppelt so (?:hoch|viel)", r"verdoppel\w*", r"aufstock\w*", r"aufzustocken",
    r"would,? (?:\S+ ){0,3}?(?:sign off|agree|consent|approve)\b",
    r"(?:is|are) (?:\S+ ){0,2}?(?:raised|increased) to\b",
    # "We would, however, be prepared to close the account against a single payment of EUR 150.00"
    r"(?:would|could|will),? (?:\S+ ){0,3}?be (?:prepared|willing|happy|able) to (?:close|settle|accept|agree"
    r"|consider)\b",
    r"mit folgender Änderung", r"folgende\w* Änderung\w*",
    # a figure of its own called feasible ("Nach unserer Einschätzung ist eine Quote von 15 % darstellbar")
    r"\b(?:Quote|Rate|Monatsrate|Betrag|Einmalzahlung|Zahlung)\w* (?:\S+ ){0,4}?(?<!nicht\s)(?:darstellbar|machbar"
    r"|denkbar|vorstellbar)\b",
    # a figure of its own put against the plan's: "eine Monatsrate von 11,69 € statt 9,86 €" (not what the plan would
    # come to on a claim put right: "Bei Ihrer Quote wären das 47,19 € statt der 44,64 €")
    r"(?<!wären\Wdas\W)(?<!wäre\Wdas\W)(?<!wären\Wes\W)(?<![\d.,])\d+(?:[.,]\d+)* ?(?:€|eur|euro|%|prozent) statt "
    r"(?:der |den |des )?(?:\S+ )?\d",
    # Terms said as what it would have to be ("30 % müssten es schon sein") and a yes to the plan changed so ("Mit den
    # beiden Änderungen oben: ja").
    r"müssten? es (?:\S+ ){0,2}?sein\b", r"mit (?:den |der |diesen |dieser )?(?:\S+ ){0,2}?Änderung(?:en)?\b",
    # Terms the creditor would agree to, or prefers: "Zustimmungsfähig wäre für uns eine Quote von 14 Prozent",
    # "statt 36 Raten zu 5,98 € lieber 24 Raten zu je 10,00 €. Unter dieser Bedingung sind wir dabei."
    r"zustimmungsfähig (?:wäre|wären)\b", r"(?:wäre|wären) (?:\S+ ){0,8}?(?:zustimmungsfähig|akzeptabel|annehmbar|"
    r"vertretbar|tragbar|einverstanden|darstellbar)\b", r"statt (?:\S+ ){0,6}?lieber\b",
    r"Vorschlag (?:von )?unserer(?:seits| Seite)", r"Vorschlag von (?:mir|uns)\b",
    r"unter (?:dieser|diesen|folgender|folgenden|einer) (?:Bedingung\w*|Maßgabe\w*)",
    # Waiving the rest once a sum is paid ("Wenn … einmalig 150 Euro zahlt, verzichten wir auf den Rest").
    r"verzicht\w* (?:\S+ ){0,3}?auf (?:den |die )?(?:Rest\w*|restliche\w*)",
    r"auf (?:den |die )?(?:Rest\w*|restliche\w*) (?:\S+ ){0,3}?(?:zu )?verzicht\w*",
    # "Wenn sie mir 400 Euro auf einmal überweist, ist … bezahlt und der Rest gestrichen."
    r"\b(?:der|den) Rest\w* (?:\S+ ){0,3}?(?:gestrichen|erlassen|ausgebucht|vergessen)\b",
    # "…, dann lasse ich den Rest fallen"
    r"(?:lasse|lassen|lässt) (?:\S+ ){0,3}?(?:den|die|das) Rest\w* fallen\b",
    # A payment that would settle the claim ("Zahlt sie uns einmalig 75,00 EUR, betrachten wir unsere Forderung damit
    # als erledigt", "Für 300,00 EUR … wäre die Sache erledigt"): with a figure of its own, the creditor's terms.
    r"betracht\w* (?:\S+ ){0,6}?als (?:erledigt|abgegolten|ausgeglichen)\b",
    r"als (?:erledigt|abgegolten|ausgeglichen) (?:zu )?betracht\w*",
    r"(?:wäre|wären) (?:\S+ ){0,6}?(?:erledigt|abgegolten|ausgeglichen)\b",
    r"\bund (?:die Sache|das|der Fall|die Angelegenheit|alles|die Rechnung|die Forderung) (?:\S+ ){0,2}?(?:ist|is"
    r"|isch|wäre) (?:\S+ ){0,3}?(?:erledigt|abgegolten)\b",
    # Ready to close the matter on terms of its own: "ist bereit, die Sache mit einer Einmalzahlung von 400,00 €
    # insgesamt zu erledigen".
    r"bereit,? (?:\S+ ){0,10}?(?:zu erledigen|zu beenden|abzuschließen|beizulegen|zu vergleichen)\b",
    # A part of the claim given up in return for the rest ("Sie ist jedoch bereit, vollständig auf die Zinsen zu
    # verzichten. Hauptforderung und Kosten … müssten dann ungekürzt gezahlt werden"): terms of its own.
    r"bereit,? (?:\S+ ){0,4}?auf (?:die |den |das |sämtliche |alle |weitere )?\w*(?:zinsen|kosten|gebühren)"
    r" (?:\S+ ){0,2}?zu verzichten",
    # The same after a condition put first ("Wenn er … auf einen Schlag zahlt, ist die Sache für uns erledigt"): the
    # main clause's verb stands right after the comma.
    # (also with "dann" and as spoken: "Wenn er 600 € auf einmal zahlt, dann isch die Sach für mich erledigt")
    r"(?<=,\s)(?:dann |so )?(?:ist|isch|wäre|sind|wären) (?:die Sache|die Sach|das Thema|das|der Fall|die Angelegenheit"
    r"|alles|es|die Forderung|unsere Forderung) (?:\S+ ){0,3}?(?:erledigt|abgegolten|vom Tisch|durch)\b",
    # A sum taken "zur Abgeltung der gesamten Forderung" (in full settlement): the creditor's own terms.
    r"zur (?:\S+ ){0,2}?(?:Abgeltung|Erledigung) (?:\S+ ){0,3}?(?:Forderung\w*|Ansprüche\w*|Schuld\w*)",
    # An offer of the creditor's own in place of the plan's: "Angeboten wird stattdessen: 10 Monatsraten zu je
    # 15,00 €", "Wir bieten Ihrer Mandantin an, …", "Unser Angebot: …".
    r"stattdessen", r"statt dessen", r"angeboten wird", r"(?:bieten|biete|bietet) (?:\S+ ){0,8}?an\b",
    # Content with a sum of its own: "uns mit einer Einmalzahlung in Höhe von 480,00 EUR zufriedenzugeben".
    r"(?:uns|mich|sich) (?:\S+ ){0,16}?(?:zufriedenzugeben|zufrieden zu geben)\b",
    r"(?:geben|gäben|gebe) (?:wir|ich) (?:uns|mich) (?:\S+ ){0,10}?zufrieden\b",
    r"unser\w* Angebot", r"Angebot unsererseits", r"im Gegenzug",
    # A change the creditor demands of the plan ("sie muss aber auf die aktuelle Forderung bezogen werden: …") and
    # a consent given on the basis just stated ("Auf dieser Grundlage stimmen wir zu").
    # (indicative: "jede Einkommensänderung müsste neu berechnet werden" is a reason against the plan, no demand)
    r"(?:muss|müssen) (?:\S+ ){0,6}?(?:bezogen|berechnet|angepasst|erhöht|angehoben|zugrunde gelegt"
    r"|umgestellt|geändert) werden", r"auf (?:dieser|diese[rn]?) (?:Grundlage|Basis)\b",
    r"unter (?:dieser|diesen) Voraussetzung\w*",
    # A consent tied to the terms just named ("Zu diesen Konditionen stimmen wir zu", "Mit dieser Maßgabe …").
    r"(?:zu|mit|unter) (?:diesen|dieser|den genannten|den obigen|den vorstehenden|unseren|unserer) (?:Konditionen"
    r"|Bedingungen|Maßgaben?)\b",
    # A figure of its own the creditor calls fair: "wir halten eine Quote von 20 % für angemessen" (not the plan
    # itself: "halten wir die Regelung für vertretbar" consents).
    r"(?:halten|halte|hielten) (?:\S+ ){0,6}?\d[\d.,]*\s?(?:%|€|eur|euro|prozent)? (?:\S+ ){0,2}?für "
    r"(?:angemessen|vertretbar|akzeptabel|zumutbar)\b",
    # A consent it is ready or authorised to give on a condition ("Wir sind ermächtigt, einem Vergleich zuzustimmen,
    # wenn 40 % der aktuellen Forderung … gezahlt werden"), and the plan recomputed as its condition ("Voraussetzung
    # ist, dass die Verteilung … auf Grundlage unserer tatsächlichen Forderung neu berechnet wird").
    r"zuzustimmen,? (?:wenn|sofern|falls)\b",
    r"Voraussetzung (?:\S+ ){0,3}?(?:ist|wäre),? dass (?:\S+ ){0,12}?(?:neu berechnet|neu zu berechnen|erhöht"
    r"|angehoben|aufgestockt|zugrunde gelegt)\b",
    # settling for a sum of its own: "ist bereit, sich mit einer Einmalzahlung von 350,00 EUR zufriedenzugeben" (not the
    # plan's sum it is asked to settle for: "Und jetzt soll ich mich mit gut 250 Euro zufriedengeben?")
    r"bereit,? (?:\S+ ){0,10}?(?:zufriedenzugeben|zu begnügen)\b",
    r"(?:würde|würden|könnte|könnten|wäre|wären) (?:\S+ ){0,10}?(?:zufriedengeben|begnügen)\b",
    r"provided", r"on condition", r"would accept", r"could accept", r"counter\w*",
    r"instead", r"at least",
    # meeting the client halfway with terms of its own ("wir kommen ihr gern entgegen: 30 € monatlich"), a settlement of
    # its own announced ("ist aber zu folgender Regelung bereit:"), a sum it contents itself with ("Sie begnügt sich
    # mit einer Zahlung von 1.690,00 €")
    r"(?:kommen|komme|kommt) (?:\S+ ){0,4}?entgegen\b",
    r"folgende[rnm]? (?:Regelung|Lösung|Vereinbarung|Einigung|Vergleich)\b",
    # "hat … einem Vergleich auf folgender Grundlage zugestimmt:" and the terms listed after it
    r"auf (?:folgender|nachstehender) (?:Grundlage|Basis)\b",
    r"begnüg\w* (?:sich|uns|mich) (?:\S+ ){0,2}?mit\b",
))
# Terms named in the sentences before, referred back to ("Zu diesen Konditionen stimmen wir zu", "Mit dieser Maßgabe
# stimmt unsere Mandantin zu"): the figures stand in those sentences, not in this one. (Not "unter dieser
# Voraussetzung": that names a fact the consent rests on, often one of the plan's own, as equal quotas for all.)
BACK_REFERENCE = phrases((
    r"(?:zu|mit|unter) (?:diesen|dieser|den genannten|den obigen|den vorstehenden) (?:Konditionen|Maßgaben?)\b",
    # the plan changed to match them ("Wenn der Plan entsprechend geändert wird, stimmen wir zu")
    r"(?:entsprechend|dahingehend) (?:\S+ )?(?:geändert|angepasst|abgeändert|nachgebessert|korrigiert)\b",
    r"(?:bei|nach) (?:einer )?(?:entsprechenden|solchen) (?:Änderung|Anpassung|Nachbesserung|Korrektur)\b",
))
# A consent's condition that the plan be changed ("wenn der Plan entsprechend geändert wird", "sofern die Quote auf
# 25 % erhöht wird", "bei einer Nachbesserung des Plans"): a term of the creditor's own, even though it names the plan.
PLAN_CHANGED = phrases((
    r"(?:geändert|angepasst|abgeändert|nachgebessert|erhöht|aufgestockt|verbessert|korrigiert) (?:wird|werden|würde"
    r"|würden|ist|sind)\b",
    r"(?:Änderung|Anpassung|Nachbesserung|Erhöhung|Aufstockung|Verbesserung) (?:des|der|von|am|an) (?:\S+ )?"
    r"(?:Plans?|Plänen|Quote|Raten?|Zahlungen|Vorschlag\w*|Angebot\w*)",
    r"(?:entsprechenden|solchen) (?:Änderung|Anpassung|Nachbesserung|Korrektur)\b",
    r"(?:wird|werden) (?:der|die|das) (?:\S+ ){0,4}?(?:geändert|angepasst|abgeändert|nachgebessert|erhöht|aufgestockt"
    r"|verbessert|korrigiert)\b",
))
# The creditor says the plan's figures stay as offered ("Eine Änderung der jetzt angebotenen Beträge verlangen wir
# nicht", "die Raten bleiben unverändert"): a clause it asks for beside them (a Besserungsklausel with its
# threshold) offers no figures of its own.
FIGURES_UNCHANGED = phrases((
    r"(?:keine|eine) Änderung (?:der|an den) (?:\S+ ){0,3}?(?:Beträge|Raten|Quote|Zahlungen|Zahlen)\b"
    r"(?:(?!\bnicht\b)[^.!?])*?\bnicht\b",
    r"keine Änderung (?:der|an den) (?:\S+ ){0,3}?(?:Beträge|Raten|Quote|Zahlungen|Zahlen)\b",
    r"(?:Beträge|Raten|Quote|Zahlungen) (?:\S+ ){0,4}?bleiben (?:\S+ ){0,2}?unverändert",
))
# Counter cues that are only a bound or a bare condition: beside figures before a plain refusal, its reasons.
WEAK_COUNTER = phrases((r"sofern", r"vorausgesetzt", r"provided"))
# A condition that makes a figure a counter-offer only next to an agreement ("stimmen zu, wenn …").
CONDITIONAL = phrases((
    r"wenn", r"falls", r"soweit", r"sobald", r"if\b", r"unless",
    # the condition said by what holds without it ("Bei 670 € bin ich dabei, sonst nicht")
    r"(?:sonst|ansonsten|andernfalls|anderenfalls|otherwise) (?:\S+ )?(?:nicht|nein|not)\b",
    # a condition put with the verb first ("Können Sie uns diesen Betrag bestätigen, erklären wir unser
    # Einverständnis"): the consent after it holds only if it is met
    r"^\W*(?:können|könnten|sollten|würden|wären|sind|ist|wird|werden|stimmen|bestätigen|zahlt|zahlen|akzeptieren)"
    r" (?:Sie|Ihr\w*|der|die|das) [^,.;?]{0,150}, (?:\S+ )?(?:erklären|stimmen|geben|erteilen|sind|werden|nehmen)"
    r" wir\b",
))
# A consent's condition that is about the plan itself ("… mit Anpassung, wenn sich das pfändbare Einkommen ändert",
# "wenn der Betrag innerhalb der im Plan genannten vier Wochen eingeht", "falls alle Gläubiger zustimmen") or only a
# concession ("auch wenn die Rate später sinken sollte"): no term of the creditor's own.
CONDITION_ON_THE_PLAN = phrases((
    r"Plan\w*", r"Einkommen\w*", r"Rate\w*", r"Frist\w*", r"Woche\w*", r"Gläubiger\w*", r"zustande", r"wirksam",
    r"vorgesehen\w*", r"Quote\w*",
))
CONCESSIVE = phrases((r"(?:auch|selbst|sogar) wenn", r"even if"))
# A sentence that works out the consequence of the one before ("Die Rate beträgt dann …").
CONSEQUENCE = phrases((r"dann", r"ergibt", r"ergäbe", r"insgesamt", r"somit", r"damit", r"then", r"in total",
                      # "Bei unveränderter Laufzeit entspricht das einer Monatsrate von 1,47 €."
                      r"entspr(?:icht|äche|ächen) (?:das|dies)\b", r"(?:das|dies) entspr(?:icht|äche)\b",
                      r"bedeutet (?:das|dies)\b", r"(?:das|dies) bedeutet\b",
                      # the rest of the terms kept as the plan has them ("Die Laufzeit von 60 Monaten kann bleiben")
                      r"(?:kann|können|darf|dürfen) (?:\S+ ){0,2}?bleiben", r"bleib(?:t|en) unverändert"))
# A figure the client cannot pay ("nachdem … Herr H. monatlich 8,00 € nicht aufbringen kann"): named as the reason
# for a decision, never offered.
CLIENT_CANNOT = phrases((
    r"nicht (?:\S+ ){0,2}?(?:aufbringen|leisten|zahlen|bezahlen|stemmen|tragen|aufzubringen|zu leisten|zu zahlen) "
    r"(?:kann|können|könne|könnte|konnte)\b",
    r"(?:kann|können|könne|könnte) (?:\S+ ){0,6}?nicht (?:\S+ ){0,2}?(?:aufbringen|leisten|zahlen|bezahlen|stemmen)\b",
    r"(?:cannot|can't|unable to) (?:afford|pay)\b",
))
# Just before a figure: the plan's own figure, named to be replaced or refused ("statt 5,91 €").
OLD_FIGURE = phrases((
    r"statt", r"anstatt", r"anstelle", r"angebotene\w*", r"vorgeschlagene\w*", r"bisherige\w*",
    r"ursprüngliche\w*", r"laut Plan", r"lt\. Plan", r"im Plan", r"nach Ihrem Plan", r"Ihre\w* Plan\w*",
    r"instead of", r"offered", r"proposed", r"nicht in Höhe (?:von|über)",
))
# A sentence that states the claim (a stated claim is no offer).
CLAIM_STATEMENT = phrases((
    r"Forderung (?:\S+ ){0,6}?(?:beläuft|belaufen|beträgt|betragen)",
    # The claim grown since the plan was written ("wobei sich unsere Forderung … auf 2.391,05 EUR erhöht hat").
    # Past and reflexive only: "die Einmalzahlung auf unsere Forderung wird auf 25 % erhöht" is an offer.
    r"sich (?:\S+ ){0,2}?Forderung (?:\S+ ){0,10}?(?:auf|um) (?:\S+ ){0,2}?erhöht",
    r"Forderung (?:\S+ ){0,10}?(?:auf|um) (?:\S+ ){0,2}?(?:erhöht hat|gestiegen ist|angewachsen ist)",
    r"(?:beläuft|belaufen|beträgt) sich (?:\S+ ){0,4}?Forderung",
    # the verb first without "sich": "Aufgrund der Zinsen beträgt unsere Forderung heute 7.912,48 EUR"
    r"(?:beträgt|betragen) (?:unsere|die|ihre|seine|deren|diese) (?:\S+ )?Forderung\w*",
    # (not the claim a quota is taken of or a sum settles: "wenn auf die Gesamtforderung eine Quote von 15 % gezahlt
    # wird", "zahlt zur Abgeltung der Gesamtforderung einen Betrag von 150,00 €")
    r"(?<!auf\Wdie\W)(?<!auf\Wunsere\W)(?<!aus\Wder\W)(?<!von\Wder\W)(?<!abgeltung\Wder\W)(?<!erledigung\Wder\W)"
    r"Gesamtforderung", r"Restforderung (?:\S+ ){0,3}?(?:beläuft"
    r"|beträgt)",
    r"Rückstände? (?:\S+ ){0,4}?(?:beläuft|belaufen|beträgt|betragen)",
    r"Abgabenrückst\w*", r"Kontostand", r"Saldo", r"Forderungsstand\w*",
    # "Unsere Forderung stellt sich zum Stichtag wie folgt dar:" above its rows
    r"Forderung (?:\S+ ){0,4}?stellt sich (?:\S+ ){0,4}?dar\b",
    # the open amount stated ("der offene Betrag beträgt …", "offener Betrag: …"), not the one to be paid off in the
    # creditor's own instalments ("den offenen Betrag … in monatlichen Raten von 20,00 € abzuzahlen")
    r"offene\w* Betrag\w* (?:\S+ ){0,3}?(?:beläuft|beträgt|betragen|von|in Höhe|lautet)\b",
    r"offene\w* Betrag\w*\W*:", r"(?:beläuft|beträgt) sich (?:\S+ ){0,4}?offene\w* Betrag",
    # (not what the plan is to pay on it: "if the quota for our claim is raised to 15%")
    r"our claim (?:amounts|stands|is)\b(?! (?:set|raised|increased|reduced|lowered)\b)",
    r"outstanding balance",
))
# What happens when the debtor stops paying (Verfallklausel): its figures ("zwei Monatsraten") offer nothing.
DEFAULT_CLAUSE = phrases((
    r"Verfallklausel", r"Verfallsklausel", r"wieder auf(?:leben|lebt)", r"lebt (?:\S+ ){0,8}?wieder auf",
    r"lebt (?:\S+ ){0,8}?auf\b", r"in Verzug", r"Verzug",
    # falling behind with the instalments ("mit zwei Raten in Rückstand", "bei Rückständen"), not the arrears the claim
    # is ("den verbleibenden Rückstand zu erlassen")
    r"(?:in|im) Rückstand\b", r"bei Rückständen", r"mit (?:\S+ ){0,4}?Rückständen\b",
    r"entfällt (?:\S+ ){0,3}?Erlass",
    r"Erlass (?:\S+ ){0,3}?entfällt", r"Teilerlass (?:\S+ ){0,3}?entfällt", r"sofort fällig", r"revive\w*",
    r"default\w*",
    r"in arrears",
))
# Conditions that change nothing in the offer: they keep an agreement an agreement.
FORMALITY = phrases((
    r"Verfallklausel", r"Verfallsklausel", r"wieder auf(?:leben|lebt)", r"lebt (?:\S+ ){0,8}?wieder auf",
    r"lebt (?:\S+ ){0,8}?auf\b", r"Rückstand", r"Rückständen", r"in Verzug", r"Verzug",
    r"entfällt (?:\S+ ){0,3}?Erlass",
    r"Erlass (?:\S+ ){0,3}?entfällt", r"Teilerlass", r"sofort fällig", r"Kassenzeichen", r"IBAN", r"Bankverbindung",
    r"Konto", r"überweis\w*", r"Verwendungszweck", r"unter Angabe", r"zum \d{1,2}\. (?:eines|jeden|des)",
    r"sobald (?:\S+ ){0,4}?(?:zustande|wirksam|angenommen)", r"zustande gekommen", r"Zustandekommen", r"wirksam",
    r"fristgerecht", r"pünktlich", r"wie (?:im|in dem) Plan (?:\S+ ){0,3}?(?:vorgesehen|dargestellt|angegeben)",
    r"wie vorgesehen", r"as set out in the plan", r"as (?:set out|agreed|stated) in", r"on time",
    r"Besserungsklausel", r"Maßgabe",
    # the claim settled once the plan is paid ("Nach Zahlung der letzten Rate betrachten wir die Forderung als
    # erledigt")
    r"(?:nach|mit) (?:\S+ ){0,3}?(?:Zahlung|Erfüllung|Ablauf) (?:\S+ ){0,8}?(?:erledigt|abgegolten|ausgeglichen)\b",
))

# Securities a creditor keeps (a plan usually releases them): an agreement that keeps them goes to a human, who
# clears it with the client.
SECURITY = phrases((
    r"Sicherheiten", r"Sicherungs\w+", r"\w*abtretung\w*", r"Abtretung\w*", r"Grundschuld\w*", r"Hypothek\w*",
    r"Bürgschaft\w*", r"Pfandrecht\w*", r"Pfändungspfandrecht\w*", r"Eigentumsvorbehalt\w*", r"securit(?:y|ies)",
    r"collateral", r"assignment of (?:wages|salary|earnings)",
))

# Documents or explanations a creditor asks for before it decides.
INFO_OBJECT = phrases((
    r"Vermögensverzeichnis\w*", r"Vermögensübersicht\w*", r"Vermögensauskunft", r"Einkommensnachweis\w*",
    r"Einkommensnachweise", r"Gehaltsnachweis\w*", r"Gehaltsabrechnung\w*", r"Lohnabrechnung\w*",
    r"Verdienstbescheinigung\w*", r"Gläubigerliste", r"Gläubigerverzeichnis\w*", r"Gläubigeraufstellung",
    r"Aufstellung (?:\S+ ){0,2}?Gläubiger", r"Haushaltsrechnung", r"Haushaltsplan", r"Kontoauszüge?",
    r"Unterlagen", r"Nachweis\w*", r"Erläuterung\w*", r"erläutern", r"Berechnung\w*", r"Herleitung", r"Begründung\b",
    r"Bestätigung\b", r"Angaben\b", r"Auskunft\b", r"Auskünfte\b",
    r"Bescheid\w*", r"Rentenbescheid\w*", r"Vollmacht\w*", r"Unterhalt\w*", r"documents?", r"proof",
    r"Fragebogen\w*", r"Selbstauskunft\w*",
    # a plan put right ("übersenden Sie uns gegebenenfalls einen berichtigten Plan")
    r"(?:berichtigte|korrigierte|angepasste)\w* (?:Plan|Planentwurf)\b",
    r"statement of (?:income|assets)",
    r"explanation", r"evidence",
))
# Asking for something.
INFO_REQUEST = phrases((
    # (asking for patience asks for nothing: "bitten bis dahin um etwas Geduld")
    r"benötig\w*", r"brauchen", r"erbitten",
    r"bitten (?:\S+ ){0,7}?um\b(?! (?:etwas |noch |Ihr\w* )?(?:Geduld|Verständnis|Nachsicht)\b)", r"Übersendung",
    r"Zusendung", r"Vorlage",
    r"übersenden", r"zusenden", r"vorlegen", r"einreichen", r"reichen Sie", r"fehl\w*", r"Rückfrage\w*",
    r"lassen Sie (?:uns|mir) (?:\S+ ){0,8}?zukommen\b",
    # the infinitive after a request ("bitte ich Sie, den Fragebogen … zurückzusenden und Nachweise beizufügen")
    r"zurückzusenden", r"beizufügen", r"nachzureichen", r"einzureichen", r"auszufüllen",
    r"weshalb", r"warum", r"wieso", r"inwiefern", r"please", r"need\b", r"require\w*", r"kindly",
    r"(?:senden|schicken|mailen|übermitteln) Sie (?:uns|mir) (?:\S+ ){0,2}?(?:bitte|noch)\b",
    r"bitte (?:\S+ ){0,6}?(?:senden|schicken|übermitteln)\b",
    # questions of its own ("hätte ich noch zwei Fragen:")
    r"(?:hätte|hätten|habe|haben) (?:ich|wir) (?:\S+ ){0,3}?(?:Frage|Fragen)\b",
))
# A question about the plan ("Weshalb …?").
QUESTION = phrases((r"weshalb", r"warum", r"wieso", r"inwiefern", r"wie (?:\S+ ){0,3}?(?:errechnet|berechnet|ergibt)",
                    r"why", r"how (?:\S+ ){0,3}?(?:calculated|computed)"))
# Deciding is put off until something arrives.
DECIDE_LATER = phrases((
    r"bevor (?:\S+ ){0,14}?(?:entscheid\w*|zustimm\w*|Entscheidung|äußern|Stellung|erklär\w*|empfehl\w*|freigeb\w*"
    r"|freigegeben|Freigabe|unterschreib\w*)",
    # "Damit über den Erlass und damit über Ihren Plan entschieden werden kann, reichen Sie bitte … ein"
    r"damit (?:\S+ ){0,10}?(?:entschieden|befunden) werden kann",
    r"vor (?:Eingang|Erhalt|Vorlage) (?:\S+ ){0,3}?(?:Unterlagen|Nachweise|Angaben|Informationen|Belege|Dokumente)",
    r"bevor (?:\S+ ){0,6}?(?:ja oder nein|nein oder ja|zu- oder absage|zu oder ab)\b",
    r"(?:keine|eine) Entscheidung (?:\S+ ){0,3}?(?:treffen|möglich)", r"derzeit keine Entscheidung",
    # "Über eine Zustimmung entscheiden wir, sobald dieser vorliegt."
    r"(?:entscheid\w*|befinden) (?:\S+ ){0,2}?(?:sobald|wenn|nachdem) (?:\S+ ){0,5}?(?:vorliegt|vorliegen|eingeht"
    r"|eingehen|eingegangen|vorgelegt|erhalten)\b",
    # "Über eine Zustimmung können wir erst danach entscheiden."
    r"\berst (?:\S+ )?(?:danach|dann|anschließend|im Anschluss|nach \w+ (?:Antwort|Rückmeldung|Prüfung)) "
    r"(?:\S+ ){0,2}?(?:entscheid\w*|befinden|zustimm\w*)",
    r"nach (?:Eingang|Erhalt|Vorlage) (?:\S+ ){0,3}?(?:Unterlagen|Nachweise|Angaben|Informationen)",
    # the decision waits for the firm's answer to the questions just asked ("Nach Eingang Ihrer Antwort entscheiden
    # wir über den Plan", "Sobald uns Ihre Rückmeldung vorliegt, treffen wir unsere Entscheidung")
    r"(?:nach (?:Eingang|Erhalt)|sobald) (?:\S+ ){0,3}?(?:Antwort|Rückmeldung|Stellungnahme|Auskunft|Auskünfte)\b"
    r"[^.;!?]{0,60}?(?:entscheid\w*|Entscheidung|befinden)\b",
    # the plan put before the one who decides only once something arrives ("Ihren Vergleichsvorschlag können wir der
    # Praxis erst vorlegen, wenn uns eine unterschriebene Schweigepflichtentbindung vorliegt")
    r"\berst (?:\S+ ){0,3}?(?:vorlegen|bearbeiten|prüfen|weiterleiten|weitergeben|zuleiten),? (?:wenn|sobald|nachdem) "
    r"(?:\S+ ){0,10}?(?:vorliegt|vorliegen|eingeht|eingehen|eingegangen|vorgelegt)\b",
    # "… kann erst entschieden werden, wenn folgende Unterlagen vorliegen"
    r"(?:entschieden|entscheiden|Entscheidung),? (?:\S+ ){0,6}?(?:wenn|sobald) (?:\S+ ){0,6}?"
    r"(?:Unterlagen|Nachweise|Angaben|Informationen|Belege|Dokumente) (?:\S+ ){0,3}?(?:vorliegen|eingehen|vorgelegt)",
    # (questions the creditor has, not the courtesy "für Rückfragen stehen wir … zur Verfügung", "Bei Rückfragen
    # erreichen Sie uns unter …", "Bitte geben Sie diese Nummer bei Rückfragen an", nor the plea to refrain: "sehen Sie
    # von Rückfragen ab")
    r"(?<!\bvon\s)(?<!\bkeine\s)(?<!\bbei\s)Rückfragen(?!\W*(?:\S+ ){0,10}?(?:zur Verfügung|gern\w*|erreichbar"
    r"|erreichen|wenden Sie|kontaktieren|rufen Sie|melden Sie sich|Tel\w*|Durchwahl|Hotline)\b)(?!\s*:)",
    r"before (?:we|making) (?:\S+ ){0,3}?decision", r"before we (?:can )?decide",
    # "Unsere Auftraggeberin möchte zuerst sehen: die Gehaltsabrechnungen …"
    r"(?:möchte|möchten|will|wollen) (?:\S+ ){0,3}?(?:zuerst|vorher|vorab) (?:\S+ ){0,3}?(?:sehen|prüfen|haben|erhalten"
    r"|bekommen)\b",
))
# Still checking, forwarded, will answer later: no decision yet.
PENDING = phrases((
    r"prüfen (?:\S+ ){0,8}?noch", r"noch (?:\S+ ){0,3}?prüf\w*", r"in Prüfung", r"zur Prüfung", r"geprüft wird",
    r"melden uns", r"weitergeleitet", r"weitergegeben", r"Geduld", r"still (?:reviewing|checking)",
    r"will revert", r"get back to you",
    r"Prüfung (?:\S+ ){0,3}?(?:noch )?nicht (?:\S+ )?abgeschlossen",
))

# What the creditor does with the plan's own figures, said instead of a consent: the rates booked ("haben … einen
# Ratenplan angelegt: 48 Monatsraten zu je 2,21 €"), the file closed once the plan's sum is in ("werden unsere Akte
# nach Eingang von 112,01 € schließen"). Read as consent only with a figure of the plan in the sentence, and never
# recorded without a human.
ACTS_ON_PLAN = phrases((
    r"(?:Ratenplan|Ratenzahlung|Raten|Teilzahlung|Zahlungsplan|Ratenvereinbarung)\w* (?:\S+ ){0,6}?(?:angelegt"
    r"|eingerichtet|eingebucht|hinterlegt|vorgemerkt|erfasst|eingetragen)\b",
    r"(?:angelegt|eingerichtet|eingebucht|hinterlegt|vorgemerkt) (?:\S+ ){0,4}?(?:Ratenplan|Raten|Ratenzahlung)\w*",
    r"(?:nach|bei|mit) (?:dem )?(?:Eingang|Zahlungseingang|Erhalt) (?:\S+ ){0,4}?(?:schließen|abschließen|ausbuchen"
    r"|als erledigt|erledigt)\b",
))

# The decision is left to a body that meets later ("Über den Plan entscheidet unser Vorstand in seiner nächsten
# Sitzung am 10.12."): no decision yet, and an agreement next to it is no final one.
_BODY = r"(?:Vorstand|Aufsichtsrat|Kreditausschuss|Ausschuss|Gremium|Gremien|Geschäftsleitung|Verwaltungsrat|Beirat)"
# An agreement made subject to someone else's approval ("unter dem Vorbehalt der Zustimmung unserer Geschäftsleitung",
# "vorbehaltlich der Genehmigung durch unsere Auftraggeberin"): no decision yet.
RESERVED_APPROVAL = phrases((
    rf"(?:Vorbehalt\w*|vorbehaltlich) (?:\S+ ){{0,3}}?(?:Zustimmung|Genehmigung|Freigabe|Einwilligung|Entscheidung"
    rf"|Beschlusses|Beschluss) (?:\S+ ){{0,4}}?(?:{_BODY}|Auftraggeber\w*|Mandant\w*|Geschäftsführung|Zentrale"
    rf"|Konzernzentrale|Rechtsabteilung|Gläubiger\w*|Eigentümer\w*)",
    r"(?:Vorbehalt\w*|vorbehaltlich) (?:\S+ ){0,2}?\w*(?:gremien|vorstands|ausschuss|geschäftsleitungs)"
    r"(?:freigabe|zustimmung|genehmigung|beschluss)\w*",
    r"subject to (?:\S+ ){0,2}?(?:approval|consent|sign-off) (?:of|by|from)",
    # Someone else who shares the claim must still answer ("Ich für meinen Teil bin einverstanden. Meine Schwester muss
    # das aber auch noch sagen"): one holder's consent is not the creditor's.
    # (not the writer asking about a formality of its own: "Muss ich noch irgendwas unterschreiben?")
    r"(?<!sie\s)\b(?:muss|müssen|soll|sollen) (?!ich\b|wir\b)(?:(?!ihr\b|ihnen\b)\S+ ){0,5}?(?:auch )?noch "
    r"(?:\S+ ){0,3}?"
    r"(?:zustimmen|sagen|entscheiden|unterschreiben|unterzeichnen|einverstanden sein|Stellung nehmen|äußern)\b",
    r"\b(?:für meinen|für unseren) Teil\b(?:[^.]{0,80}?)\b(?:noch|ebenfalls|auch)\b[^.]{0,40}?\b(?:zustimm\w*"
    r"|entscheid\w*|äußer\w*)",
))
# The writer may not decide for the creditor ("darf solchen Vergleichen nicht selbst zustimmen, das macht bei uns das
# Forderungsmanagement", "bin ich zur abschließenden Entscheidung nicht befugt", "muss er selber unterschreiben?"):
# whatever it says yes or no to is no decision yet.
NOT_AUTHORISED = phrases((
    r"(?:darf|dürfen|kann|können) (?:\S+ ){0,4}?nicht (?:selbst|selber|allein|alleine|eigenständig|abschließend) "
    r"(?:\S+ ){0,2}?(?:zustimmen|entscheiden|unterschreiben|annehmen|ablehnen)\b",
    r"(?:Entscheidung|Zustimmung|Unterschrift|Vergleich)\w* (?:\S+ ){0,3}?nicht (?:\S+ )?(?:befugt|berechtigt"
    r"|ermächtigt|zeichnungsberechtigt|bevollmächtigt)\b",
    r"nicht (?:\S+ )?(?:befugt|berechtigt|ermächtigt|bevollmächtigt),? (?:\S+ ){0,6}?(?:zu entscheiden|zuzustimmen"
    r"|zu unterschreiben|abzulehnen)\b",
    r"(?:muss|müsste|soll) (?:er|sie) (?:\S+ ){0,2}?(?:selbst|selber|persönlich) (?:\S+ ){0,2}?(?:zustimmen"
    r"|unterschreiben|entscheiden)\b",
    r"(?:kann|werde) (?:es|das|ihn|den Plan) (?:ihm|ihr) (?:\S+ ){0,4}?(?:vorlegen|zeigen|geben)\b",
    r"(?:am|are|is) not (?:authori[sz]ed|entitled|permitted) to (?:\S+ ){0,2}?(?:approve|agree|consent|decide)\b",
))
# An interim answer: a part decided now, the rest (or the final word) still to come ("Zwischennachricht", "Eine
# Entscheidung … kann insoweit erst nach Abschluss des Einspruchsverfahrens getroffen werden", "Sie erhalten
# unaufgefordert weitere Nachricht"): whatever it agrees to is not the creditor's decision on the plan.
INTERIM = phrases((
    r"Zwischennachricht", r"Zwischenbescheid", r"Zwischenmitteilung", r"Zwischenstand",
    r"vorläufige (?:Stellungnahme|Nachricht|Mitteilung|Antwort)",
    r"abschließende (?:Stellungnahme|Entscheidung|Nachricht|Antwort|Erklärung) (?:\S+ ){0,10}?(?:nicht möglich"
    r"|folgt|folgen|erhalten Sie|geben wir|senden wir|reichen wir)",
    r"Entscheidung (?:\S+ ){0,6}?erst (?:\S+ ){0,8}?(?:getroffen|gefällt|möglich|erfolgen)",
    r"(?:erhalten|bekommen) Sie (?:\S+ ){0,3}?(?:weitere|abschließende|gesonderte|endgültige) (?:Nachricht|Mitteilung"
    r"|Stellungnahme|Antwort|Entscheidung)",
))
POSTPONED = phrases((
    r"(?:nächsten|kommenden|folgenden|anstehenden) (?:\S+ ){0,1}?(?:Sitzung|Vorstandssitzung|Ausschusssitzung)",
    r"Sitzung (?:\S+ ){0,2}?am \d", rf"{_BODY} (?:\S+ ){{0,4}}?(?:entscheidet|entscheiden wird|beschließt|befasst)\b",
    rf"{_BODY} (?:\S+ ){{0,3}}?wird (?:\S+ ){{0,6}}?(?:entscheiden|beschließen|befassen)\b",
    rf"(?:entscheidet|entscheiden wird|beschließt|befasst sich) (?:\S+ ){{0,6}}?"
    rf"(?:unser\w* |der |die |das |ein\w* )?{_BODY}",
    r"(?:board|committee) (?:\S+ ){0,3}?(?:will decide|decides|meets|will meet)",
))

# Just before a number of months: a period of the past, no term ("der letzten drei Monate", "seit 14 Monaten").
PAST_PERIOD = phrases((r"letzten\b", r"vergangenen\b", r"zurückliegenden\b", r"seit\b", r"vor\b", r"last\b",
                       r"past\b"))
# Just before a number of months: a moment or a rhythm, no term ("nach Ablauf von 30 Monaten erneut prüfen",
# "alle 12 Monate", "after 24 months").
MOMENT_BEFORE = phrases((r"nach", r"nach Ablauf von", r"nach Ablauf der ersten", r"after", r"alle", r"every",
                         r"after the first"))
# Just after it: the same ("zwölf Monate vergangen", "drei Monate her").
PAST_AFTER = phrases((r"vergangen\w*", r"verstrichen\w*", r"her\b", r"zurück\w*", r"ago\b", r"alt\b"))

# How a counter-offer names each figure.
RATE_WORDS = phrases((r"monatlich\w*", r"Rate\w*", r"Monatsrate\w*", r"pro Monat", r"im Monat", r"mtl\.", r"monatl\.",
                      r"jeden Monat", r"je Monat",
                      r"monthly",
                     r"Monate\w* (?:lang )?je\b",  # "wenn sie 30 Monate lang je 9,00 € zahlt"
                      r"per month", r"a month", r"instal+ment\w*"))
LUMP_WORDS = phrases((r"Einmalzahlung\w*", r"Einmalbetrag\w*", r"einmalig\w*", r"Gesamtbetrag\w*",
                      r"Vergleichsbetrag\w*",
                      r"Abfindung\w*", r"Summe", r"insgesamt", r"zusammen", r"one-off", r"lump sum", r"in total",
                      r"total of"))

# Numbers written as words, folded, for figures such as "zwanzig Prozent" ("fünfundzwanzig", "twenty-five" and
# "zwölfeinhalb" are put together from these by `plan_reply`).
NUMBER_UNITS = {"ein": 1, "eins": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fuenf": 5, "sechs": 6,
                "sieben": 7, "acht": 8, "neun": 9, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9}
NUMBER_TEENS = {"zehn": 10, "elf": 11, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14, "fuenfzehn": 15,
                "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "ten": 10, "eleven": 11,
                "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
                "eighteen": 18, "nineteen": 19}
NUMBER_TENS = {"zwanzig": 20, "dreissig": 30, "vierzig": 40, "fuenfzig": 50, "sechzig": 60, "siebzig": 70,
               "achtzig": 80, "neunzig": 90, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
               "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_HALF = ("einhalb", "and a half")
# The mail sends its terms in the attachment ("unter welchen Voraussetzungen eine Zustimmung möglich ist, entnehmen
# Sie bitte der Anlage", "unseren Gegenvorschlag finden Sie im Anhang").
TERMS_ATTACHED = phrases((
    r"(?:Voraussetzung|Bedingung|Konditionen|Gegenvorschlag|Gegenangebot)\w*\b[^.!?]{0,80}?\b(?:Anlage|Anhang"
    r"|beigefügt\w*|anbei|beiliegend\w*|attached)",
    r"(?:Anlage|Anhang|beigefügt\w*|anbei|beiliegend\w*)\b[^.!?]{0,80}?\b(?:Voraussetzung|Bedingung|Konditionen"
    r"|Gegenvorschlag|Gegenangebot)",
))
# An agreement with a part taken out ("einverstanden, nicht jedoch mit der Laufzeit") or given for a part only
# ("stimmt dem Plan nur teilweise zu", "Zustimmung nur für die Hauptforderung"): not the plan as offered.
EXCEPT_PART = phrases((
    r"nicht jedoch", r"jedoch nicht", r"aber nicht (?:mit|bei|hinsichtlich|bezüglich|für|in)", r"ausgenommen",
    r"mit Ausnahme", r"except(?:ing)?\b", r"but not (?:with|for|the)",
    r"teilweise", r"Teilzustimmung", r"zum Teil\b", r"(?:partly|partially|in part)\b",
    r"(?:Zustimmung|zustimm\w*|einverstanden) (?:\S+ ){0,3}?nur (?:für|hinsichtlich|bezüglich|soweit|insoweit)\b",
    r"von (?:der|ihrer|unserer|seiner) Zustimmung (?:\S+ ){0,2}?aus\b",
))
