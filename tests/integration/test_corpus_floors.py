"""Every first-round corpus under ../shared/corpus holds issue 8's floors, replayed through the pipeline.

Floors not met yet are listed in EXPECTED_FAILURES (non-strict xfail, so a floor that starts to hold
shows as XPASS); when one holds for good, delete its line and it guards from then on."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest

from app.config import get_settings
from app.evaluation import EvalReport, Share, TableRow, report_text, run_pipeline_eval, table_row
from tests.support.corpora import is_plan_corpus

SHARED_CORPORA = (Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus").resolve()

# Corpora under SHARED_CORPORA that are no first-round replies, with the reason; any other folder is graded,
# except plan corpora (inquiries that are plan letters), which tests/integration/plans/ grades.
NOT_FIRST_ROUND: dict[str, str] = {
    "brenner-okafor": "settlement-plan replies, graded by tests/integration/plans/test_plan_corpus_floors.py",
}

Bound = tuple[Literal["at least", "at most"], float]

# Column of the evaluator's table → its floor. A share is compared as a fraction, a count as a count
# ("auto-applied that needed a human" is a count out of the automatic writes).
FLOORS: dict[str, Bound] = {
    "amount_exact": ("at least", 0.97),
    "intent": ("at least", 0.95),
    "noise_amounts_taken": ("at most", 0),
    "amount_where_none_stated": ("at most", 0),
    "wrong_automatic_writes": ("at most", 0),
    "auto_applied_needing_human": ("at most", 0),
    "safe_cases_auto_applied": ("at least", 0.85),
}

# (corpus, column) → why it does not hold yet (the rest of every first-round corpus holds every floor). A floor a
# corpus cannot meet for a reason outside this code goes here with that reason, never silently.
EXPECTED_FAILURES: dict[tuple[str, str], str] = {
    ("corpus_fresh4", "amount_exact"): "K023: the only figures stand in a colleague's internal note forwarded below "
    "an Outlook header, which is quoted history by the parser's invariant (no total read; a human reviews)",
    ("corpus_fresh4", "safe_cases_auto_applied"): "14/18: K002 (a phone one-liner '… offen 248,15 inkl Mahngeb.' "
    "with neither a currency nor a total label), K018 (a running-balance statement without a currency), K022 (the "
    "superseded 'bisher gesamt' beside the remaining claim) and, since session 16, K011 (a Gesamtobligo over a "
    "current account and a card: a grand total over several accounts is never written alone, because the firm may "
    "have asked about one of them) go to a human by the safety rules",
    ("corpus_fresh6", "amount_exact"): "20/22: P018 (a premium 'nebst Zinsen … seit', interest not computed: no "
    "total read, a human decides) and P019 (an Erstattungsbetrag of 940,00 € whose offsets and the remainder "
    "'Restforderung … 771,10' add up to it: the original outranks the remainder; never safe, margin 0.5)",
    ("corpus_fresh6", "noise_amounts_taken"): "P019's original 940,00 € (above) and P011's largest item 512,40 € "
    "read as a total where the creditor lists items without a sum; neither is safe",
    ("corpus_fresh6", "amount_where_none_stated"): "P011: a breakdown without a sum (see noise_amounts_taken)",
    ("corpus_fresh7", "amount_exact"): "21/22: R006 (a house-money ledger in XLSX beside a mail naming the February "
    "instalment 'fällig … noch nicht gebucht': since session 27's changes the mail's 326,00 ranks before the "
    "ledger's 1.954,00; never safe, for a human)",
    ("corpus_fresh7", "noise_amounts_taken"): "R006's 326,00, as above",
    ("corpus_fresh7", "safe_cases_auto_applied"): "12/16 (first sight 9/16, written blind after this session's "
    "first-round fixes): R004 (a Swiss creditor's table in 1'329.00 form is not read, the total rests on the "
    "generic 'Betrag'), R006 (the total only in an XLSX row without a total label), R019 (a former 'bestand ein "
    "Rückstand von 512,00 EUR' beside the remainder: a previous total is always a human's), R013 (matched and "
    "safe, held back by the matching gate) go to a human; none is written wrong",
    # corpus_fresh8: written blind after every first-round fix of session 10 and measured before any change (first
    # sight: amount 80 %, intent 88 %, noise 1, no wrong write, 1 write its labels leave to a human, safe 57 %,
    # reference 96 %); one fix since (S023, "Zusammen 1.122,38 €." opening its sentence names the total).
    ("corpus_fresh8", "amount_exact"): "18/20 (S003's carried-forward balance is a former figure since): S010 (a "
    "reply in Polish, no word read as a "
    "total), S012 (the creditor confirms the firm's figure, which stands only in the quoted letter: quoted amounts "
    "are never taken)",
    ("corpus_fresh8", "safe_cases_auto_applied"): "9/14: S003 (a giro statement with its carried-forward balance: a "
    "previous total is a human's), S010, S012 (above), S015 (figures only in an XLSX "
    "without a total label), S020 (figures only in an image-only scan: read by OCR, never safe)",
    # corpus_fresh9: written blind after all of session 10's first-round fixes, a third of it traps for a wrong
    # write; first sight: amount 80 %, intent 91 %, noise 1, no wrong amount written, but 3 writes its labels leave
    # to a human (V005 'zzgl. der Kosten dieses Schreibens', V017 a total written '1.2345,00', V018 costs 'gesondert
    # beziffern'), all three fixed since; safe 67 %.
    ("corpus_fresh9", "amount_exact"): "16/20: V007 (a CHF claim with a euro conversion: the CHF figure is read, "
    "never safe), V011 (a column headed 'Saldo' that holds settled items: its sum outranks the open amount below, "
    "never safe), V012 (the figure only in the creditor's subject, the body says 'unverändert'), V015 (a payoff "
    "figure for a future date, read as not yet owed)",
    ("corpus_fresh9", "noise_amounts_taken"): "V011's settled column sum (above; not safe)",
    ("corpus_fresh9", "safe_cases_auto_applied"): "9/12: V011, V012 (above), V020 (safe, held back by the matching "
    "gate)",
    # corpus_fresh10: written blind in session 11 (mail programs and HTML: Lotus Notes on top, forwards, struck
    # figures, text and HTML versions that disagree), a third traps; first sight: amount 77 %, intent 92 %, noise 3,
    # ONE WRONG WRITE (X008, a bailiff's total over two creditors' orders, 2.449,50 € for 2.212,40 €) and one more
    # write its labels leave to a human (X016), safe 53 %. Fixed since: both writes, X005, X011, X012, X018, X019,
    # X024, X010.
    ("corpus_fresh10", "amount_exact"): "21/22: X008 (above: the bailiff's grand total is read, never safe); X017 "
    "(a gym owner's 'Stand heute' beside what the contract will cost) reads right since session 21",
    ("corpus_fresh10", "noise_amounts_taken"): "X008's grand total over two creditors (above; not safe)",
    ("corpus_fresh10", "safe_cases_auto_applied"): "12/15: X012 (held back by the matching gate for 'Frau "
    "Gutschmidts Tochter', a relative's name), X023 (an earlier sum competes with its total) and, since session 13, "
    "X013 (the claim beside a 'Vorteilsangebot' to settle for 1.150,00 €: two later blind corpora label that "
    "phenomenon for a human, fresh21 Q014 and fresh24 QB010, so an offer to settle for less goes to one)",
    # corpus_fresh11: written blind in session 11 (ambiguous figures: several accounts, payments since the letter,
    # running balances, costs in or out, corrections, a debt buyer), half traps; first sight: amount 90 %, intent
    # 96 %, noise 3, no wrong write, one write its labels leave to a human (Z023, court costs left out), safe 57 %.
    # Fixed since: Z023, Z015 (a corrected figure), Z020 (a remainder after a payment), Z021 and Z010's match (the
    # routing tag '+az278-27' holds the Aktenzeichen '278/27-OQ' by its digits), Z002 (a 'Zwischensumme' is no item).
    ("corpus_fresh11", "noise_amounts_taken"): "Z006: two contracts' figures and no sum; the last one is read as "
    "the total, never safe (the reply speaks of two contracts)",
    ("corpus_fresh11", "amount_where_none_stated"): "Z006, as above",
    ("corpus_fresh11", "safe_cases_auto_applied"): "10/14: Z010 (two accounts and a grand total whose accounts' "
    "figures stand only in the XLSX's running balances), Z013 (a running balance whose earlier row 1.100,00 € "
    "competes), Z019 (balances marked 'S'/'H' without a currency), Z020 (instalments accepted only with the rent, "
    "read as an offer)",
    # corpus_fresh12: written blind in session 11 after its fixes above (creditors' lawyers, public bodies, BNPL,
    # English, a household, a scan), a third traps; first sight: amount 90 %, intent 96 %, noise 1, no wrong write,
    # none its labels leave to a human, safe 11/12. Fixed since: N023 (an account word read into the client's name),
    # and a total over two people's claims (N014) is never safe now.
    ("corpus_fresh12", "amount_exact"): "19/20: N014 (a household's total over mother and son is read, never "
    "safe); N022 (a lawyer's sum under a drawn rule, with interest added in words below it) is read since session "
    "25 and goes to a human",
    ("corpus_fresh12", "noise_amounts_taken"): "N014's household total (above; not safe)",
    # corpus_fresh13: written blind in session 11 after all its first-round fixes, to trap a wrong write (half of it
    # traps); first sight: amount 77 %, intent 92 %, ONE WRONG WRITE (L019: 389,70 € written where a credit still to be
    # booked leaves 324,80 €) and two more its labels leave to a human (L010 a stale figure in the subject, L013 a
    # deposit inside the total), safe 62 %. Fixed since: those three writes, L025 ("unser Az." ended the sentence),
    # L024 ("2 317.80 EUR", space-grouped with a decimal point).
    ("corpus_fresh13", "amount_exact"): "19/22: L008 (a couple's joint account: no total read, a human decides), "
    "L014 (CHF decisive beside a euro conversion: the CHF figure is read, never safe), L019 (the account's 389,70 € "
    "read, not the 324,80 € after the pending credit; never safe)",
    # corpus_fresh13's intents hold the floor since session 12 (L022, "Eine Forderung unsererseits besteht nicht
    # mehr", reads as settled; L004, figures only in the footer, is read as a question).
    ("corpus_fresh13", "noise_amounts_taken"): "L019's account figure (above; not safe)",
    ("corpus_fresh13", "safe_cases_auto_applied"): "10/13: L002 (the firm's figure named again in the creditor's "
    "own words, a former figure: a human's), L012 (instalment arrears beside the loan called in: the arrears "
    "compete), L017 (a payoff figure for a later date larger than the total)",
    # corpus_fresh14: written blind in session 11 after all its fixes, claims mainly in attachments (multi-page PDFs,
    # workbooks with tabs, DOCX letters with tables); first sight: amount 84 %, intent 96 %, noise 4, no wrong write,
    # one its labels leave to a human (T004: a DOCX letter's sentence calls 214,60 EUR today's figure, its own table
    # closes at 229,60 EUR; fixed since), safe 53 %.
    ("corpus_fresh14", "amount_exact"): "16/19: T008 (a claims table and a payment table in one PDF: the claims' "
    "sum outranks the 'verbleibender Rückstand' below; never safe), T016 (an old demand and the current statement "
    "attached together: the older is read; never safe), T012 (a clerk's export over three clients: its sum row "
    "is read since session 21's spreadsheet columns, never safe: its rows belong to three 'Vertragskonto' entries)",
    ("corpus_fresh14", "noise_amounts_taken"): "T008 and T016 (above), T005 (one invoice of three open ones read as "
    "the total) and T017 (another client's statement attached by mistake, read); none is safe",
    ("corpus_fresh14", "amount_where_none_stated"): "T005 and T017, as above",
    ("corpus_fresh14", "safe_cases_auto_applied"): "9/15: T006 (a page carry 'Übertrag' read as a former total), "
    "T008, T016 (above), T009 (a workbook's tabs compete with the summary row), T020 (the firm's letter returned "
    "as a PDF with the creditor's note beside the old figure), "
    "T022 (a credit in accounting parentheses '(100,00)' in text cells competes)",
    # corpus_fresh15: written blind in session 11 after all its fixes, to trap a careful reader into a wrong write;
    # first sight: amount 100 % of the labelled figures, intent 86 %, ONE WRONG WRITE (U006, the client's company's
    # open items) and three more its labels leave to a human (U003 provisional, U013 a Teilforderung, U018 a year-old
    # Stichtag), safe 8/9. All four fixed since, and U005 (a receipt confirmed above a figure of its own, read as an
    # automatic note that nobody reviews) goes to a human.
    ("corpus_fresh15", "intent"): "19/22: U005 (the only figure is the claim after a court procedure), U012 (a "
    "table in thousands), U015 (a car loan's payoff assuming the car's return) read as questions; none has a figure "
    "to write, each goes to a human",
    ("corpus_fresh15", "noise_amounts_taken"): "U006's company total (above; never safe now)",
    ("corpus_fresh15", "amount_where_none_stated"): "U006, as above",
    # corpus_fresh16: written blind at the end of session 11 (two thirds ordinary mail); measured at first sight,
    # untuned: amount 76 %, intent 79 %, noise 4, no wrong write, one write its labels leave to a human, safe 10/12.
    ("corpus_fresh16", "amount_exact"): "13/17: W003 (a claim written off, 'Forderungsverzicht', read as a statement), "
    "W004 (a cancelled giro account written with minus signs: a part is read), W007 (the client forwards the "
    "creditor's reminder: read as spam, no total) and W015 (an agency's sum over two principals)",
    ("corpus_fresh16", "intent"): "15/19: W003, W007 (above), W010 (arrears only as 'drei Monatsmieten zu je …') "
    "and W017 (a discounted settlement offer read as a statement)",
    ("corpus_fresh16", "noise_amounts_taken"): "W003, W004, W005 (the principal 'zuzüglich' unfigured interest and "
    "costs) and W015 (above); none is safe",
    ("corpus_fresh16", "amount_where_none_stated"): "W005, as above",
    # corpus_fresh16's W013 (sent to another client's routing address, its body about this client's account) goes to
    # a human since session 12: the tag's client is gathered by the routing id's digits and the conflict is seen.
    ("corpus_fresh16", "safe_cases_auto_applied"): "10/12: W004 (above) and W012 (an insurer's HTML table with a "
    "monthly option beside the total)",
    # corpus_fresh17: written blind in session 12 (mail written in a hurry: phone-typed, subject-only, ticket
    # systems, English, nested HTML), 40 % traps; first sight: amount 75 %, intent 83 %, noise 4, ONE WRONG WRITE
    # (D012: 224,95 € written while a partial payment was not yet booked), safe 8/14. Fixed since: D012 (never safe
    # now), D003, D010, D020, D023, D008 (written), D014 (a credit balance, settled).
    ("corpus_fresh17", "intent"): "21/24: D006 (only a figure for a future date after a scheduled debit), D015 (only "
    "the instalment of an existing plan) and D018 (the claim only in words, 'eintausenddreihundertfünfzehn Euro') "
    "read as questions; none has a figure to write, each goes to a human",
    ("corpus_fresh17", "noise_amounts_taken"): "D009 (the claim only in Swiss francs, the CHF figure read), D012 (the "
    "total before a payment not yet booked) and D019 (the body's total where the attached statement says another): "
    "each read, none safe",
    ("corpus_fresh17", "amount_where_none_stated"): "D009, D012 and D019, as above",
    # corpus_fresh18: written blind in session 12 (one mail, several cases: collective answers, spouses, routing
    # address against quoted letter, subject against body, namesakes, a guarantor); first sight: amount 100 %, intent
    # 88 %, noise 1, no wrong amount, THREE WRITES ITS LABELS LEAVE TO A HUMAN (O009 sent to another client's routing
    # address, O016 a namesake warning, O021 instalments agreed), safe 11/11. All three go to a human since; intent
    # 23/24 since session 13 (O020 a refusal to disclose); O007 (a collective answer for two clients) reads as a
    # question.
    ("corpus_fresh18", "noise_amounts_taken"): "O019: the borrower's claim beside the client's guarantee (the client "
    "is only the Bürge), read as the total; and O008 (two accounts of the client, no sum: the asked Girokonto's "
    "'Sollsaldo einschl. Überziehungszinsen' read as the total since session 19, when 'einschl.' stopped ending a "
    "sentence); neither ever safe",
    ("corpus_fresh18", "amount_where_none_stated"): "O019 and O008, as above",
    # corpus_fresh19: written blind in session 12 (international and foreign-format mail: English, French, Dutch,
    # Austrian, Swiss); first sight: amount 74 %, intent 79 %, noise 3, no wrong write, safe 13/14.
    ("corpus_fresh19", "amount_exact"): "17/19: I005 (an English account table whose 'Credit' column holds the "
    "customer's payment and whose balance ends at 0.00: not read as settled) and I010 (a CHF claim beside an "
    "indicative EUR conversion: the CHF figure is read, never safe)",
    ("corpus_fresh19", "intent"): "21/24: I005 (above), I007 (an English 'sold to a debt purchaser' read as a "
    "statement of the balance at the sale; never safe) and I014 (a balance 'as at' a past date, wrapped over two "
    "lines, read as a question)",
    ("corpus_fresh19", "noise_amounts_taken"): "I007 (above) and I021 ('EUR 1.085' without cents from a Danish "
    "clerk, read as 1.085,00; never safe)",
    ("corpus_fresh19", "amount_where_none_stated"): "I007 and I021, as above",
    # corpus_fresh20: written blind in session 12 (threads and quoting styles); first sight: amount 84 %, intent 83 %,
    # no noise, no wrong amount, ONE WRITE ITS LABELS LEAVE TO A HUMAN (J014, a colleague's 'vorläufiger Stand'
    # forwarded), safe 11/14. Fixed since: J014 (a human's), J015 (answer in the subject), J019 (below the signature).
    ("corpus_fresh20", "amount_exact"): "18/19: J007 (the new figure written in red inside the quoted HTML letter, "
    "the old one struck there: quoted history is never read, a human decides)",
    ("corpus_fresh20", "intent"): "22/24: J007 (above) and J010 (the creditor confirms the figure of the quoted letter "
    "without restating it) read as questions; neither has a figure written",
    # corpus_fresh21: written blind in session 13 (corrections, follow-ups and figures that move with time); first
    # sight: amount 90 %, intent 88 %, noise 1, no wrong amount, TWO WRITES ITS LABELS LEAVE TO A HUMAN (Q005 a total
    # 'per 31.03.' with 0,41 € interest a day since 01.04., Q014 a total beside a discount offered until a deadline),
    # safe 11/14. Fixed since: Q005 (and fresh8 S005, the same phenomenon), Q020, Q024.
    ("corpus_fresh21", "amount_exact"): "19/20: Q018 (a bank's 'Ablösebetrag per 30.04.2028', a payoff figure for a "
    "day after the mail, is read as owed only later: no total, a human decides)",
    ("corpus_fresh21", "intent"): "22/24: Q016 (a creditor withdrawing yesterday's answer until a return is booked) "
    "and Q022 (a statement announced for next week) read as questions; neither has a figure written",
    # corpus_fresh22: written blind in session 13 (public and quasi-public creditors: Finanzamt, Stadtkasse,
    # Krankenkasse, Jobcenter, Familienkasse, Justizkasse); first sight: amount 95 %, intent 83 %, noise 1, no wrong
    # amount, ONE WRITE ITS LABELS LEAVE TO A HUMAN (Y015, a claim 'gestundet' while Stundungszinsen are to be fixed
    # later), safe 8/14. Fixed since: Y015, Y002/Y008/Y024 (the routing tag's own Aktenzeichen read as another one),
    # Y006, Y017, Y021, Y023.
    ("corpus_fresh22", "intent"): "21/24: Y005 (a health insurer forwarding the question to its collection department, "
    "read as an automatic note), Y012 (two Kassenzeichen and the city asks which one is meant, read as a question) "
    "and Y015 (a Stundung with instalments, read as a statement; never written, the interest is still to be fixed)",
    # corpus_fresh23: written blind in session 13 (how figures are written and laid out); first sight: amount 89 %,
    # intent 88 %, noise 1, no wrong amount, TWO WRITES ITS LABELS LEAVE TO A HUMAN (QA015 net and gross with the
    # creditor asking which to file, QA020 a cost added under the Summe), safe 13/14. Fixed since: QA015, QA020,
    # QA013 (a host printout without a currency), QA004 ('Forderungen … bestehen bei uns nicht mehr'), and in session
    # 14 QA012 (the English-locale figures behind leader dots and a padded "EUR") and QA018's intent.
    ("corpus_fresh23", "noise_amounts_taken"): "QA021: 'ca. 1.900 Euro', an estimate, is read as the total (never "
    "safe); its author labels an estimate no total, corpus_fresh6 P021 ('ca. 230,-') and corpus_fresh9 V007 ('rund "
    "…') label it the stated total",
    ("corpus_fresh23", "amount_where_none_stated"): "QA021, as above",
    # corpus_fresh24: written blind in session 13 (collection agencies' detailed claim statements); first sight:
    # amount 94 %, intent 95 %, noise 2, no wrong amount, FOUR WRITES ITS LABELS LEAVE TO A HUMAN (QB004 rows that miss
    # the printed total, QB006 a payment listed but not taken off, QB008 interest 'bis heute' and more from tomorrow,
    # QB010 a Vergleichsbetrag offered beside the claim), safe 10/12. Fixed since: QB004, QB006, QB010.
    ("corpus_fresh24", "amount_exact"): "17/18: QB002 (a § 367 BGB table 'gefordert / getilgt / offen' whose open "
    "column's sum is read from the wrong column: 5.912,40 instead of 5.989,67; never safe)",
    ("corpus_fresh24", "noise_amounts_taken"): "QB002 (above) and QB012 (another client's statement attached by "
    "mistake, its Summe read for this client; never safe)",
    ("corpus_fresh24", "amount_where_none_stated"): "QB012, as above",
    ("corpus_fresh24", "auto_applied_needing_human"): "QB008: 'Zinsen bis heute' with the total 'zuzüglich weiterer "
    "Zinsen ab morgen (0,61 EUR täglich)' is written; corpus_fresh2 G014 and corpus_alt A32 label the same "
    "(interest by the day from the mail's day on) for writing",
    ("corpus_fresh24", "safe_cases_auto_applied"): "10/12: QB002 (above) and QB019 (a Soll/Haben account whose gross "
    "positions exceed the 'Saldo zu unseren Gunsten' by the payment) go to a human",
    # corpus_fresh25: written blind in session 14 (everyday creditors: phone, energy, landlord, gym, shop, bank,
    # craftsman, dentist, private lender); first sight: amount 89 %, intent 100 %, noise 3, no wrong write, safe
    # 11/13. Fixed since: QC008 (a remainder 'sobald' a payment arrives), QC009 (instalments in arrears), QC020 (a
    # bill named in brackets beside the open balance).
    ("corpus_fresh25", "amount_exact"): "17/18: QC010 (a private lender corrects herself in a postscript, 'Es sind "
    "also nur noch 1.100,- €', unlabelled; the first figure is read; never safe)",
    ("corpus_fresh25", "noise_amounts_taken"): "QC002 (a statement for a namesake with another birth date: read for "
    "the client, held back by the name check) and QC010 (above)",
    ("corpus_fresh25", "amount_where_none_stated"): "QC002, as above",
    # corpus_fresh26: written blind in session 14 (titled and enforced claims); first sight: amount 88 %, intent 95 %,
    # noise 5, TWO WRONG WRITES (QD004 another file of the same client at the same collector, QD008 a title's sum
    # without its interest 'bis zum Tag der Zahlung') and one write its labels leave to a human (QD011 garnishment
    # payments not yet booked), safe 11/13. All three fixed since.
    ("corpus_fresh26", "amount_exact"): "14/16: QD013 (a titled part and an untitled rest with their own sums: the "
    "last sum read, not the 'Gesamtforderung' below; never safe) and QD017 (a Soll/Haben table settled by garnishment "
    "with 'Restforderung 0,00': the Soll sum is read; never safe)",
    ("corpus_fresh26", "noise_amounts_taken"): "QD004, QD006, QD008, QD013, QD017: figures of another file, of "
    "another creditor's garnishment, of a sum without its interest, a part sum and a Soll sum are read; none is "
    "written",
    ("corpus_fresh26", "amount_where_none_stated"): "QD004, QD006, QD008, as above",
    ("corpus_fresh26", "safe_cases_auto_applied"): "11/13: QD009 (a § 367 table whose Soll column competes with the "
    "open figure) and QD020 (a remainder named 'Hauptforderung' beside 'Kosten und Zinsen ausgeglichen') go to a "
    "human",
    # corpus_fresh27: written blind in session 14 (replies that repeat, confirm, compare or put right the firm's own
    # figure); first sight: amount 47 %, intent 65 %, noise 2, ONE WRONG WRITE (QE006, the firm's figure the creditor
    # cannot place, read as its own), safe 4/13. Fixed since: everything but the four below.
    ("corpus_fresh27", "amount_exact"): "15/17: QE002 ('rund 5.200,- €' from a branch adviser: an approximate figure, "
    "not taken as the total) and QE007 (two clients' rows in one comparison table: no total read); neither is "
    "written",
    # corpus_fresh28: written blind in session 14 (damaged and odd text as mail systems deliver it); first sight:
    # amount 94 %, intent 85 %, noise 1, no wrong write, ONE WRITE ITS LABELS LEAVE TO A HUMAN (QF014, a stale figure
    # in a hidden preheader beside the visible table), safe 9/13. Fixed since: QF014, QF004 (a figure split by markup),
    # QF005 ('Saldo offen in EUR' in the cell before), QF007 (a text part still quoted-printable), QF002 (a bounce).
    ("corpus_fresh28", "amount_exact"): "16/17: QF006 (a host printout whose final balance without its trailing minus "
    "is the client's credit, i.e. settled; 36,80 is read as the claim, never safe)",
    ("corpus_fresh28", "intent"): "18/20: QF006 (above, a statement) and QF011 (the figures were in a screenshot a "
    "gateway removed; only an instalment is left, read as a question); neither is written",
    ("corpus_fresh28", "noise_amounts_taken"): "QF006, as above",
    # corpus_fresh29: written blind in session 14 (an ordinary week in the inbox, no deliberate traps); first sight:
    # amount 90 %, intent 96 %, noise 0, no wrong write, safe 14/18. Fixed since: QG014 ('Zu zahlen wären insgesamt
    # …'), QG024 (a premium row as the principal).
    ("corpus_fresh29", "amount_exact"): "19/20: QG015 (an instalment offer whose claim 874,60 € stands beside the "
    "instalments: not read as the total; the client decides anyway)",
    # corpus_fresh30: written blind in session 14 (the claim in attachments); first sight: amount 89 %, intent 90 %,
    # noise 2, ONE WRONG WRITE (QH003, another debtor's statement attached) and two more writes its labels leave to a
    # human (QH009 a reminder from June sent in September, QH019 an instalment offer only in the PDF), safe 6/14.
    # Fixed since: the three, and QH005, QH010, QH014, QH017 (a CSV row that lost its empty last cell).
    ("corpus_fresh30", "amount_exact"): "16/18: QH003 (the figure of another debtor's statement is read; held back by "
    "the name check) and QH011 (last month's and today's statements attached together: the older one's total is "
    "read; never safe)",
    ("corpus_fresh30", "intent"): "18/20: QH006 (a scan without a text layer: read as a question) and QH019 (an "
    "instalment offer only in the PDF, read as a statement; never written)",
    ("corpus_fresh30", "noise_amounts_taken"): "QH003 and QH011, as above",
    ("corpus_fresh30", "amount_where_none_stated"): "QH003, as above",
    # corpus_fresh31: written blind in session 15 (a month's base-rate inbox of a small office, no deliberate traps);
    # first sight: amount 95 %, intent 96 %, noise 1, no wrong write, safe 15/16. Fixed since: QI002 (three fees summed
    # 'insgesamt' above the total), QI017 ('Er schuldet mir nichts mehr': settled).
    ("corpus_fresh31", "noise_amounts_taken"): "QI019 (a lawyer's principal '2.094,00 EUR' on a line of its own, "
    "interest 'nebst Zinsen … seit' on the next: read as the total although none is stated; never safe)",
    ("corpus_fresh31", "amount_where_none_stated"): "QI019, as above",
    # corpus_fresh32: written blind in session 15 (who is writing, and about whom: forwards, agencies, relatives,
    # bailiffs, namesakes); first sight: amount 81 %, intent 86 %, noise 5, match 91 %, no wrong write, ONE WRITE ITS
    # LABELS LEAVE TO A HUMAN (QJ015, a daughter forwarding her mother's reminder), safe 8/13. Fixed since: QJ015 (a
    # relative of the debtor writing), QJ004 (the client's own forward was read as phishing for its nickname mailbox),
    # QJ006 (a lawyer's fees summed inside the list).
    ("corpus_fresh32", "amount_exact"): "14/16: QJ004 (the client's forward of a reminder: the forwarded mail is "
    "quoted history, no figure read; a human reviews) and QJ009 (a shared service centre answers for two creditors: "
    "the sum across both is read; never safe)",
    ("corpus_fresh32", "intent"): "20/22: QJ004 (above, read as a question) and QJ010 (the contract is the wife's, "
    "the creditor refuses figures: read as a question); none is written",
    ("corpus_fresh32", "noise_amounts_taken"): "QJ007 (the client's son's account), QJ009 (above) and QJ017 (a "
    "creditor the firm never wrote to); none is written",
    ("corpus_fresh32", "amount_where_none_stated"): "QJ007 and QJ017, as above",
    ("corpus_fresh32", "safe_cases_auto_applied"): "9/13: QJ003 and QJ011 (matched at 0.67 only: an agency for a "
    "creditor of a client with two letters; a reference on file written otherwise), QJ009 (above) and QJ016 (a "
    "previous figure named beside the current one) go to a human",
    # corpus_fresh33: written blind in session 15 (form letters and templates); first sight: amount 100 %, intent 100 %,
    # noise 2, no wrong write, ONE WRITE ITS LABELS LEAVE TO A HUMAN (QK005, a total beside an unfilled '{Zinsen}'
    # field), safe 9/13. Fixed since: QK005, QK001 (a returned form's unticked options read as said), QK011 (an example
    # sum in a general notice), QK017 (a form whose total field is blank was safe on its parts).
    ("corpus_fresh33", "noise_amounts_taken"): "QK009 (a mass letter with two recipients' data: the other creditor's "
    "figure; held back by the doubt about two creditors) and QK017 (the filled part of a form whose total field is "
    "blank; never safe)",
    ("corpus_fresh33", "amount_where_none_stated"): "QK009 and QK017, as above",
    ("corpus_fresh33", "safe_cases_auto_applied"): "11/13: QK010 (a property manager's printout 'Saldo zu Lasten der "
    "Mieterin' with no currency anywhere) and QK014 (a sum row labelled only 'Zu zahlen') go to a human",
    # corpus_fresh34: written blind in session 15 (banks, loans and terminated contracts); first sight: amount 89 %,
    # intent 95 %, noise 2, no wrong write, safe 8/13. Fixed since: QL020 (an earlier letter's figure "nannte einen
    # Forderungsstand von …" read as today's).
    ("corpus_fresh34", "amount_exact"): "17/18: QL022 (an instalment offer whose claim with interest run on is read "
    "as its principal; the client decides anyway)",
    ("corpus_fresh34", "noise_amounts_taken"): "QL022, as above",
    ("corpus_fresh34", "safe_cases_auto_applied"): "8/13: QL004 (a statement that also names the loan amount and "
    "'ausgeglichen' for a sub-account), QL006 (an instalment row competes), QL007 (a loan beside a current account), "
    "QL010 (a calculation written '+ … – … = …': the deducted insurance payment is read as a rival total) and QL013 "
    "(a bank's table without a currency) go to a human",
    # corpus_fresh35: written blind in session 15 (creditors from abroad and platforms, second-language and
    # machine-translated German); first sight: amount 88 %, intent 100 %, noise 1, no wrong write, safe 7/12. Fixed
    # since: QM019 ('Die Forderung ist nicht an Dritte abgetreten' read as an assignment).
    ("corpus_fresh35", "amount_exact"): "14/16: QM008 (a claim in złoty with a euro equivalent 'nur zur Information': "
    "the złoty figure is read) and QM017 (a franc claim with a euro value valid to a date: the franc figure is read); "
    "the foreign currency keeps both from being written",
    ("corpus_fresh35", "noise_amounts_taken"): "QM008, as above",
    ("corpus_fresh35", "amount_where_none_stated"): "QM004 (a claim only in Swiss francs is read as a total; never "
    "written as EUR)",
    ("corpus_fresh35", "safe_cases_auto_applied"): "8/12: QM005 (a table whose rows hold the paid deposit), QM006 (a "
    "part above the total), QM011 (a deposit taken off) and QM013 (two balances) go to a human",
    # corpus_fresh36: written blind in session 15 (HTML-rich statements from modern mail and billing systems); first
    # sight: amount 94 %, intent 100 %, noise 1, no wrong write, ONE WRITE ITS LABELS LEAVE TO A HUMAN (QN019, an update
    # calling the creditor's earlier statement 'überholt'), safe 5/12. Fixed since: QN019, QN007 (a text part that
    # states part of the figures of the HTML read).
    ("corpus_fresh36", "amount_exact"): "16/17: QN020 (a table of two contracts: the grand total is read, not the "
    "inquiry's contract's subtotal; never safe)",
    ("corpus_fresh36", "noise_amounts_taken"): "QN020, as above",
    ("corpus_fresh36", "safe_cases_auto_applied"): "6/12: QN001 and QN013 (a hidden preheader with a figure), QN002 "
    "and QN011 (a text part that sums the HTML's rows differently), QN008 (figures struck through), QN015 (a fee row "
    "competes) go to a human",
    # corpus_fresh37 to corpus_fresh42: written blind in session 16, each measured at first sight before the fixes it
    # led to (later ones against the code holding the earlier rounds' fixes).
    # corpus_fresh37 (claims explained in prose): first sight amount 56 %, intent 86 %, noise 5, ONE WRONG WRITE (QO021:
    # an optician's "keine Forderung … bei der Abholung am 12. Oktober 2039 … bezahlt": the date's dot cut the
    # sentence, the paid 189,00 € was written), safe 5/12. Amount and intent right since.
    ("corpus_fresh37", "safe_cases_auto_applied"): "9/12: QO006 (the total only implied: 'nach wie vor der volle "
    "Rechnungsbetrag offen'), QO015 (two advances 'je 41,00 € für Januar und Februar' counted once, so the stated "
    "sum is not explained) and QO017 (shares of bills: the whole bill competes) go to a human",
    # corpus_fresh38 (writers reasoning about the amount): first sight amount 78 %, intent 91 %, noise 3, ONE WRITE ITS
    # LABELS LEAVE TO A HUMAN (QP012, an instalment offer read as a plain statement), safe 5/10.
    ("corpus_fresh38", "amount_exact"): "15/18: QP006 and QP014 (the remainder is never written: '2.000 € minus "
    "450 €', 'Rechnung 585,00 …, bezahlt 125,00'; no total or a part is read, never written) and QP011 (a sum worked "
    "out after a disputed figure: the sum before the cash taken off is read)",
    ("corpus_fresh38", "noise_amounts_taken"): "QP006 (450,00) and QP011 (345,00), as above; neither is written",
    ("corpus_fresh38", "safe_cases_auto_applied"): "6/10: QP005 (a waived item named beside the sum), QP011, QP016 (an "
    "HTML statement worked out in prose with a credit) and QP019 (billed − reduction − paid + fee) go to a human",
    # corpus_fresh39 (an ordinary fortnight at a city office, a base rate), measured after this session's first fixes:
    # amount 94 %, intent 100 %, no noise, no wrong write, safe 9/13.
    ("corpus_fresh39", "safe_cases_auto_applied"): "9/13: QQ010 (an XLSX running balance), QQ015, QQ018 (the PDF's "
    "'Offener Betrag' beside an insured sum) and QQ020 (prose over a quoted letter and a cancelled limit) go to a "
    "human",
    # corpus_fresh40 (replies produced or relayed by systems): first sight amount 75 %, intent 82 %, noise 1, ONE WRITE
    # ITS LABELS LEAVE TO A HUMAN (QR022, below), safe 7/11. Fixed since: QR003 and QR015 (an extract or export below
    # the sign-off), QR008 (a delivery-delay notice), QR011 (a status field 'Ratenantrag abgelehnt'), QR013.
    ("corpus_fresh40", "amount_exact"): "14/16: QR007 and QR016 (a clerk's note over a system printout puts its total "
    "right: the printout's stale total is read or none; never written)",
    ("corpus_fresh40", "noise_amounts_taken"): "QR007 (the printout's 6.287,44), as above",
    ("corpus_fresh40", "auto_applied_needing_human"): "QR022: a ledger with the old balance, a payment and the new "
    "'Aktueller Saldo': the new balance is written (the right figure); its labels leave it to a human because the mail "
    "names the superseded one",
    # corpus_fresh41 (an ordinary month in Lower Bavaria, a base rate): first sight amount 100 %, intent 100 %, no
    # noise, no wrong write, safe 11/12; it holds every floor.
    # corpus_fresh42 (typed on phones and dictated): first sight amount 67 %, intent 77 %, noise 1, ONE WRITE ITS LABELS
    # LEAVE TO A HUMAN (QT014, an instalment offer '40 eur im monat wär für uns ok'), safe 6/11. Fixed since: QT007
    # ('zus. 879,30'), QT010 ('nix mehr offen'), QT014, QT016 (a figure alone), QT018.
    ("corpus_fresh42", "amount_exact"): "15/18: QT005 (dictated 'Komma' and 'Punkt'), QT009 ('ca. 2.100,-' is not "
    "read) and QT018 (a lender's instalment offer on 'den 1.600,-' reads no total)",
    ("corpus_fresh42", "noise_amounts_taken"): "QT005 (212,40, the dictated service-charge part, read; not written)",
    ("corpus_fresh42", "safe_cases_auto_applied"): "6/11: QT005, QT006 (a private lender's 'noch 1.600,- offen'), "
    "QT016 (a figure alone), QT019 (a sum with 'a' for 'à') and QT020 go to a human",
    # corpus_fresh43 (one creditor, several claims of the same client): first sight amount 53 %, intent 95 %, noise 7,
    # no wrong write, safe 4/10. Fixed since: QU005 (a clause of result), QU022 ('…, macht 1.215,99 EUR'); a grand
    # total over several accounts is never written alone since (QU007 was safe, and written only because the figure
    # was far from the one on file).
    ("corpus_fresh43", "amount_exact"): "11/17: QU003, QU007, QU017 and QU019 (the grand total over the accounts is "
    "read where the letter asked about one account: its labels want that account's figure; never written alone), "
    "QU012 (two clients in one mail: the other client's figure is read) and QU013 (one contract settled, the other "
    "open: the open one is read)",
    ("corpus_fresh43", "noise_amounts_taken"): "the six of amount_exact, as above",
    ("corpus_fresh43", "safe_cases_auto_applied"): "6/10: QU003, QU007, QU017, QU019 (grand totals over several "
    "accounts) go to a human",
    # corpus_fresh44 (an ordinary fortnight in the Ruhr area, a base rate): first sight amount 89 %, intent 91 %, no
    # noise, TWO WRITES ITS LABELS LEAVE TO A HUMAN (QV018 a bailiff's note with her costs still to come, QV020 a
    # collector after a hand-over: both figures right), safe 9/12. Fixed since: QV010, QV014, QV015, QV018, QV020,
    # QV022.
    ("corpus_fresh44", "safe_cases_auto_applied"): "10/12: QV014 (a statement answering the client's objection: the "
    "dispute doubt) and QV015 (a private lender's '2000 … geliehen … 500 … zurückgegeben … noch 1.500,-': the loan "
    "is a larger sum holding the total) go to a human",
    # corpus_fresh45 (replies that work with the firm's own figure): first sight amount 88 %, intent 86 %, noise 1, TWO
    # WRITES ITS LABELS LEAVE TO A HUMAN (QW021, QW022), safe 5/10. Fixed since: QW006 (the firm's figure 'aus Ihrem
    # Schreiben'), QW021 (a correction of the creditor's own earlier mail).
    ("corpus_fresh45", "amount_exact"): "15/17: QW002 (a bare 'stimmt so' above the quoted letter: the firm's quoted "
    "figure is never taken) and QW011 (the firm's figure confirmed in the creditor's text above an instalment offer "
    "is not read as the total)",
    # corpus_fresh45's intent holds since session 18 (QW011, an offer 'Wir bieten an:' above numbered rates, is read
    # as one); QW002 (read as a question) stays a miss.
    ("corpus_fresh45", "auto_applied_needing_human"): "QW022: a collector writing after the hand-over, +12,5 % on the "
    "figure on file, is written (the right figure); its labels want the file's creditor changed first",
    ("corpus_fresh45", "safe_cases_auto_applied"): "5/10: QW002, QW004 ('nicht 212,75 EUR, sondern 237,75 EUR'), "
    "QW008 ('Ihr Betrag: … / Unser Rückstand: …'), QW017 and QW020 (each naming the firm's figure beside its own) go "
    "to a human",
    # corpus_fresh46 (an ordinary fortnight in a port town, a base rate) was measured at the end of session 16, untuned:
    # amount 100 %, intent 95 %, no noise, no wrong write, safe 11/12; it holds every floor.
    # corpus_fresh47 to corpus_fresh52: written blind in session 17, each measured at first sight before the fixes it
    # led to. corpus_fresh47 (an ordinary fortnight in the Erzgebirge, a base rate; the session's start code): amount
    # 94 %, intent 100 %, no noise, no wrong write, safe 10/12; fixed since: QY018 ('mit 2.412,63 EUR im Soll', the
    # overdraft drawn read as its limit). corpus_fresh48 (accounts that kept moving): amount 100 %, intent 100 %, ONE
    # WRITE ITS LABELS LEAVE TO A HUMAN (QZ012, a payment said not yet booked in the next sentence), safe 10/12; fixed
    # since: QZ012, QZ002 (a genitive's s read as another first name). corpus_fresh49 (public and statutory creditors):
    # amount 88 %, intent 91 %, no wrong write, safe 10/12; fixed since: RA010, RA012, RA017, RA019.
    ("corpus_fresh49", "amount_exact"): "16/17: RA007 (a court's cost office states its bill but leaves the balance to "
    "the treasury: read as a referral, no total; its labels want the bill's figure, not written)",
    # corpus_fresh50 (an ordinary fortnight in a Swabian town, a base rate): amount 100 %, intent 100 %, safe 12/13 at
    # first sight; it holds every floor. corpus_fresh51 (careless and hurried writers): amount 84 %, intent 95 %, no
    # wrong write, no write its labels leave to a human, safe 8/10; fixed since: RC011 (read; no currency, so a human
    # confirms), RC015 (the figure in the P.S. correction, for a human).
    ("corpus_fresh51", "amount_exact"): "18/19: RC012 (a typo inside the total, '3.86,45 EUR': no total read; its "
    "labels want the figure the items and the subject give)",
    ("corpus_fresh51", "safe_cases_auto_applied"): "8/10: RC003 (a clerk's correction of the client's name, 'schuldet' "
    "the only word for the figure) and RC011 (a private lender's '2.350,-' without a currency) go to a human",
    # corpus_fresh52 (replies to the firm's reminder): amount 94 %, intent 95 %, noise 1, TWO WRITES ITS LABELS LEAVE
    # TO A HUMAN (RD014, RD021: updates naming the figure they replace; both new figures right), safe 11/13; fixed
    # since: RD014 ('unsere Auskunft vom … ist nicht mehr aktuell').
    ("corpus_fresh52", "amount_exact"): "16/17: RD017 (the loan's remainder without the interest and the fee the "
    "creditor says it leaves out is read, not the 7.912,40 'weiterhin' restated; never written)",
    ("corpus_fresh52", "noise_amounts_taken"): "RD017 (7.644,90, the remainder its own breakdown names), as above",
    ("corpus_fresh52", "auto_applied_needing_human"): "RD021: a collector's 'ermäßigt sich die Forderung von bisher "
    "499,44 EUR auf nunmehr 434,54 EUR' is written (the right figure): the 499,44 it replaces is also in the firm's "
    "quoted reminder, and a figure of the firm's put right is no earlier figure of the creditor's",
    ("corpus_fresh52", "safe_cases_auto_applied"): "11/13: RD006 (a list naming the original 7.500,00 loan as a "
    "superseded figure) and RD017 go to a human",
    # corpus_fresh53 (an ordinary fortnight in a Franconian market town, a base rate; measured last): amount 88 %,
    # intent 95 %, noise 1, no wrong write, safe 9/13 at first sight; RE006, RE015, RE017 and RE021 right since: it
    # holds every floor.
    # corpus_fresh54 (an ordinary fortnight in northern Hesse, a base rate; the session's last round): amount 75 %,
    # intent 95 %, noise 1, ONE WRONG WRITE (RF010: "… beträgt die Restschuld 3.046,72 EUR. Hinzu kommen Verzugszinsen
    # … und Kosten …, zusammen" / "3.149,91 EUR." — the Restschuld written, the sum on the next line unread), safe
    # 10/13. Fixed since: RF010 (and an unnamed later sum the total and its parts add up to keeps a total from being
    # written), RF020.
    ("corpus_fresh54", "amount_exact"): "14/16: RF014 (an instalment offer on a stated claim: no total read) and "
    "RF016 (a cash payment of the whole 'Rückstand', read as a question: no 0,00)",
    # corpus_fresh55 to corpus_fresh58: written blind in session 18, each measured at first sight before the fixes
    # it led to. corpus_fresh55 (an ordinary fortnight in the Emsland, a base rate; start code): amount 94 %, intent
    # 95 %, no noise, no wrong write, safe 9/12; RG014, RG017, RG018 right since: it holds every floor. corpus_fresh56
    # (several figures compete; start code): amount 89 %, intent 91 %, noise 2, no wrong write, safe 5/12; RH004 and
    # RH015 right since. corpus_fresh57 (a base rate on the Baltic coast): amount 100 %, intent 95 %, noise 1, safe
    # 9/13; RI001, RI014, RI018 and RI022 right since (RI015, a craftsman's wife naming 'mein Mann', the owner, goes
    # to a human: a relative the writer names reads as the client's side passing on a letter). corpus_fresh58 (a base
    # rate in the Ruhr) and corpus_fresh59 (a base rate near Leipzig; the last round): every floor at first sight.
    ("corpus_fresh56", "amount_exact"): "18/19: RH014 (a workshop's invoice copy says 'Restbetrag 1.486,40 €', the "
    "mail 'Offen ist also noch 1.496,40 €': the attachment's total label outranks the mail's balance word; never "
    "safe)",
    ("corpus_fresh56", "noise_amounts_taken"): "RH014's 1.486,40 from the attachment, as above",
    ("corpus_fresh56", "safe_cases_auto_applied"): "5/12 by this corpus's theme (several figures compete): RH005 (the "
    "balance at termination 'stand … mit 8.511,06 EUR im Soll' above the later total: a partial sum of its items is "
    "left a rival), RH009 (a purchase price named in the item line), RH011 (figures only in a PDF account "
    "statement, a rival unexplained), RH014 (above), RH016 (the total a negative XLSX balance), RH017 (the arrears "
    "of an old instalment agreement beside today's total), RH020 (a payoff figure for a later date) go to a human; "
    "none is wrong",
    # corpus_fresh60 and corpus_fresh61: written blind in session 19, measured at first sight before the fixes they
    # led to. corpus_fresh60 (how people and mail programs reply: answers typed into the quoted letter, forward
    # chains, phone mail, heavy signatures, English): amount 76 %, intent 82 %, no noise, no wrong write, safe 10/13;
    # every floor since. corpus_fresh61 (small creditors writing informally, in lower case, sums in words): amount
    # 72 %, intent 91 %, noise 1, no wrong write, safe 9/14; RM004, RM006, RM007, RM015 and RM016 right since.
    ("corpus_fresh61", "amount_exact"): "17/18: RM005 (a utility clerk's rough list with 'Abschläge … 4 x 57,-' "
    "owed, then 'Stand heute sind das 387,95 Euro': the list's 'Restbetrag Jahresabrechnung 103,85' outranks the "
    "sum, whose parts do not add up without the instalments; never safe)",
    ("corpus_fresh61", "noise_amounts_taken"): "RM005's 103,85, as above",
    # corpus_fresh62 to corpus_fresh64: session 19's second round, measured at first sight against the session's
    # start code. corpus_fresh62 (where the figures stand: attachments only, old, foreign and damaged files beside
    # them, the firm's letter sent back): amount 82 %, intent 95 %, noise 3, no wrong write, safe 6/13.
    # corpus_fresh63 (collection agencies and lawyers): amount 94 %, intent 100 %, noise 1, safe 9/14; RO014 right
    # since. corpus_fresh64 (public bodies): amount 82 %, intent 86 %, noise 2, safe 6/13; RP005, RP006, RP009 and
    # RP020 right since (RP007, a health insurer's statement with an instalment decision, reads as an instalment offer).
    ("corpus_fresh62", "amount_exact"): "15/17: RN011 (two statements of two accounts attached, the asked one's "
    "total and the other's, neither explained: the wrong one ranks first, never safe) and RN012 (the cover mail takes "
    "a payment since off the attachment's 412,80 and states 312,80: the attachment's labelled total ranks first, "
    "never safe)",
    ("corpus_fresh62", "noise_amounts_taken"): "RN011 and RN012 as above, and RN016 (the firm's own letter sent back "
    "as the only attachment: its 'rund 150,00 EUR' read as a figure, never safe)",
    ("corpus_fresh62", "amount_where_none_stated"): "RN016, as above",
    ("corpus_fresh62", "safe_cases_auto_applied"): "8/13 by this corpus's theme: a statement beside an old one "
    "(RN009), a multi-page ledger with running balances (RN007), the firm's reply slip filled in (RN008), a second, "
    "damaged or Outlook-only file (RN010) go to a human (RN006, an XLSX whose sum row sits short of its columns, is "
    "written right since session 21)",
    ("corpus_fresh63", "safe_cases_auto_applied"): "10/14: RO008 (no currency and a generic word), RO009 (a rent "
    "sum beside the whole), RO017 ('schuldet' only), RO021 (two files of one law firm, the other named beside) go to "
    "a human; none is wrong",
    ("corpus_fresh64", "safe_cases_auto_applied"): "6/13 by this corpus's theme (authorities' figures as of a date "
    "with surcharges running on, set-offs against benefits, assessment notices): RP007, RP009, RP014, RP016, RP018, "
    "RP020 and RP022 go to a human; none is wrong",
    # corpus_fresh65 to corpus_fresh74: session 20's, each measured at first sight against the code of the day it came.
    # corpus_fresh65 (a base rate in Saxony): amount 94 %, intent 100 %, no noise, safe 10/12. corpus_fresh66
    # (landlords, housing companies and utilities): amount 88 %, intent 91 %, noise 1, safe 7/11, two writes a human
    # should have made (RR015, RR017), both right since with RR012 and RR021. corpus_fresh67 (medical and care
    # creditors): amount 94 %, intent 95 %, noise 1, safe 7/11; RS010 right since. corpus_fresh68 (a base rate in the
    # Ruhr): amount 100 %, intent 100 %, safe 13/13, one write a human should have made (RT015, right since).
    # corpus_fresh69 (a statement mixed with other business): amount 84 %, intent 86 %, noise 2, safe 7/12; RU006 and
    # RU020 right since (RU012, a statement whose aside names the down payment an instalment plan would need, reads as
    # an instalment offer). corpus_fresh70 (running balances): amount 74 %, intent 95 %, noise 6, safe 4/12, one write a
    # human should have made (RV021, right since with RV004). corpus_fresh71 (a base rate in Schleswig-Holstein): amount
    # 94 %, intent 90 %, noise 1, safe 12/13, one write a human should have made (RW021, right since with RW002 and
    # RW005). corpus_fresh72 (interest-heavy claims): amount 82 %, intent 91 %, noise 2, safe 8/13. corpus_fresh73 (a
    # base rate near Karlsruhe): amount 88 %, intent 86 %, noise 2, safe 10/13; RY013 right since. corpus_fresh74 (a
    # base rate at a Berlin office): amount 83 %, intent 86 %, safe 9/13, one write a human should have made (RZ017, a
    # debt buyer holding the claim since a day; right since with RZ018). None of the eighteen corpora of the session had
    # a wrong write at first sight.
    ("corpus_fresh65", "amount_exact"): "16/17: RQ007 (a mail-order HTML overview whose returned item is credited "
    "below its orders: no total read, a human sees it)",
    ("corpus_fresh65", "safe_cases_auto_applied"): "10/12: RQ007 (above) and RQ020 (a sewage bill beside an "
    "unexplained 50,00) go to a human",
    ("corpus_fresh66", "amount_exact"): "16/17: RR011 ('zusammen 597,31' for the service charges, then the unpaid "
    "rise in advances, 'insgesamt 141,00', then 'Aktuell … damit 738,31 € offen': the first sum ranks first, never "
    "safe; taking a later balance that adds up earlier totals wrote wrong sums safe elsewhere and was dropped)",
    ("corpus_fresh66", "noise_amounts_taken"): "RR011's 597,31, as above",
    ("corpus_fresh66", "safe_cases_auto_applied"): "7/11: RR009 (a final bill in a PDF beside other figures), RR011 "
    "(above), RR012 (a ledger whose payment the rows above the balance do not net) and RR013 (member shares beside "
    "the arrears) go to a human; none is wrong",
    ("corpus_fresh67", "amount_exact"): "15/16: RS014 (a dental DOCX: 'Gesamtbetrag der Versorgung 2.305,00', the "
    "insurer's grant deducted, a fee added, 'Noch zu zahlen 1.466,30': the gross total ranks first, never safe)",
    ("corpus_fresh67", "noise_amounts_taken"): "RS014's 2.305,00, as above",
    ("corpus_fresh67", "safe_cases_auto_applied"): "7/11: RS009 (a claim assigned to a factoring house), RS012 (a "
    "part larger than the total: the insurer's lump sum named beside it), RS014 (above) and RS015 (a parent paying "
    "for a child's treatment, matched with a doubt) go to a human; none is wrong",
    ("corpus_fresh69", "amount_exact"): "17/19: RU015 (a landlord correcting its own double booking: the XLSX's sum "
    "before the reversal is read) and RU017 (a bank listing a loan, a card the firm did not ask about and their sum: "
    "the sum is read, never safe)",
    ("corpus_fresh69", "noise_amounts_taken"): "RU015's 1.958,40 and RU017's 4.358,24, as above",
    ("corpus_fresh69", "safe_cases_auto_applied"): "7/12 by this corpus's theme: a statement with an aside about "
    "another person's account (RU005), a down payment (RU012), a settlement discount (RU016), a second contract "
    "(RU017) or another family member (RU022) goes to a human; none is wrong",
    ("corpus_fresh70", "amount_exact"): "16/19 (RV009, an XLSX rent account, right since session 21): RV007 (a card "
    "statement only in a PDF, signs trailing), RV013 (the booked balance instead of the payoff "
    "figure with interest since) and RV020 (a ledger row 'Restbetrag Endgerät' ranks above 'Offener Betrag'); none "
    "is safe",
    ("corpus_fresh70", "noise_amounts_taken"): "RV007, RV013, RV020 as above, and RV017 (a claim sold: the "
    "balance at the sale is read, never safe)",
    ("corpus_fresh70", "amount_where_none_stated"): "RV017, as above",
    ("corpus_fresh70", "safe_cases_auto_applied"): "4/12 by this corpus's theme (running accounts with signed "
    "movements, negative balances, limits and opening balances beside the claim): eight go to a human; none is wrong",
    ("corpus_fresh72", "amount_exact"): "15/17: RX006 (a private lender's interest 'bis heute' worked out by hand: "
    "the remaining principal is read) and RX013 (a § 367 BGB table 'angefallen / getilgt / offen': a row of the open "
    "column is read), neither safe (RX017, a claim paid in full, reads as settled since session 21)",
    ("corpus_fresh72", "noise_amounts_taken"): "RX006 and RX013, as above",
    ("corpus_fresh72", "safe_cases_auto_applied"): "8/13 by this corpus's theme (interest tables and titled claims): "
    "RX005, RX006, RX007, RX013 and RX018 go to a human; none is wrong",
    ("corpus_fresh73", "amount_exact"): "16/17: RY012 (an instalment agreement in a PDF whose fee arises only if "
    "the client signs: the sum with the fee is read, never safe: a payment plan)",
    ("corpus_fresh73", "noise_amounts_taken"): "RY012's 542,76, as above",
    ("corpus_fresh73", "safe_cases_auto_applied"): "10/13: RY009 (a claim 'der Sendeo … aus dem Mobilfunkvertrag' "
    "read as assigned), RY015 (a landlady's sum in words of her own) and RY022 (a DOCX whose indented 'davon "
    "rückständige Raten' line stays a rival) go to a human; none is wrong",
    ("corpus_fresh74", "safe_cases_auto_applied"): "9/13: RZ007 (a second case of the same client beside the "
    "asked one), RZ009 (a set-off running by the month beside the original figure), RZ013 and RZ019 (above) go to a "
    "human; none is wrong",
    # corpus_fresh75 to corpus_fresh80: session 21's, each measured at first sight against the code of the day it came.
    # corpus_fresh75 (a base rate in Lower Bavaria): amount 89 %, intent 96 %, safe 11/14, two writes a human should
    # have made (SA019 instalments agreed in person, right since; SA024 below). corpus_fresh76 (a base rate in Bremen):
    # amount 94 %, intent 100 %, noise 1, safe 10/13, ONE WRONG WRITE (SB021, a grand total over an electricity and a
    # gas account, 1.120,88 € for 909,48 €; never safe since). corpus_fresh77 (collection agencies and debt buyers):
    # amount 88 %, intent 92 %, noise 4, safe 9/13, one write a human should have made (SC024, a balance beside the
    # one before the payment; right since with SC007 and SC011). corpus_fresh78 (phones and webmail of small
    # creditors): amount 65 %, intent 95 %, noise 4, safe 6/11; SD006, SD010, SD013, SD015 and SD016 right since.
    # corpus_fresh79 (a base rate in Saxony-Anhalt): amount 100 %, intent 100 %, safe 11/13. corpus_fresh80 (a Hamburg
    # office answered by systems): amount 100 %, intent 100 %, safe 10/11, two writes a human should have made (SF013
    # a provisional balance before the final bill, SF015 a recourse claim under review; both right since).
    ("corpus_fresh75", "auto_applied_needing_human"): "1: SA024 (the dentist's practice answers for the billing "
    "service the firm wrote to, 'Die Forderung liegt … wieder bei uns': the right figure, 1.036,90, written where the "
    "labels want the creditor on file changed first; a reply from another creditor's address is written in dev and "
    "the shared corpora too, so the sender alone cannot hold it back)",
    ("corpus_fresh76", "amount_exact"): "16/17: SB021 (the grand total over two contract accounts is read, never "
    "safe; its label wants the asked account's 909,48)",
    ("corpus_fresh76", "noise_amounts_taken"): "SB021's 1.120,88, as above",
    ("corpus_fresh76", "safe_cases_auto_applied"): "10/13: SB004 (a phone reply's '1195,00 €' beside the invoice "
    "1.185,00), SB010 (a club's total beside 'nichts offen' for the berth rent) and SB021 (above) go to a human",
    ("corpus_fresh77", "amount_exact"): "15/17: SC008 (an agency's combined balance over two principals' files) and "
    "SC017 (a debt buyer's bold total over two inquiries) are read; neither is safe",
    ("corpus_fresh77", "noise_amounts_taken"): "SC008's 934,49 and SC017's 1.157,35, as above",
    ("corpus_fresh77", "safe_cases_auto_applied"): "9/13: SC003 (a payment above the remainder), SC005 (the "
    "assignor's costs read as an assignment), SC008 (above) and SC015 (an agency's 'zu zahlen' beside a payment) go "
    "to a human; none is wrong",
    ("corpus_fresh78", "safe_cases_auto_applied"): "8/11: SD002 (a bare '96,50' from an iPhone), SD012 (a sum partly "
    "in words) and SD013 (a ledger card in XLSX whose 'Summe' competes with 'Saldo offen') go to a human",
    # Session 21's third round: corpus_fresh81 (a base rate in the Allgäu): amount 100 %, intent 100 %, safe 10/13, one
    # write a human should have made (SG009, a vet's treatment still to be billed; held back since). corpus_fresh82 (a
    # base rate at a Cologne office): amount 100 %, intent 100 %, safe 13/15. corpus_fresh83 (several figures about one
    # client, one of them the answer): amount 84 %, intent 83 %, noise 3, safe 8/15, no write at all a human should
    # have made; SI010 and SI017 right since.
    ("corpus_fresh81", "safe_cases_auto_applied"): "10/13: SG006 (a farm loan beside its original 12.500,00 read as "
    "a previous total), SG012 (municipal levies beside a subtotal) and SG015 (safe, held back by the matching gate: "
    "father and son of one name at one bank) go to a human",
    ("corpus_fresh83", "amount_exact"): "16/19 by this corpus's theme: SI005 (the bold customer-account total over "
    "electricity and gas, within 25 % of the firm's figure), SI007 (two accounts in two HTML tables, the other one's "
    "figure read) and SI018 (the asked account paid, another account's 344,90 open) are read; none is safe",
    ("corpus_fresh83", "intent"): "22/24: SI013 (an insurer whose policy is the husband's asks for his power of "
    "attorney: read as a question, labelled a refusal) and SI018 (above: a statement, labelled settled); neither "
    "writes",
    ("corpus_fresh83", "noise_amounts_taken"): "SI005, SI007 and SI018, as above",
    ("corpus_fresh83", "safe_cases_auto_applied"): "9/15 by this corpus's theme: SI005, SI007 (above), SI008 (another "
    "client's advance figure beside the answer), SI011 (safe, held back by the matching gate: a daughter's contract "
    "named), SI014 (the outdated January figure beside the current one) and SI022 (safe, held back: the husband's "
    "parking space named) go to a human; none is wrong",
    # corpus_fresh84 to corpus_fresh95: session 22's, written blind in three rounds and measured at first sight
    # against the session's starting code. No wrong write and no write a human should have made at first sight in
    # any of them; fresh94 (several claims or clients in one mail) auto-matched two replies with confidence 1.0 to
    # the other claim of the same client at the same bank (held back only by the jump check; right since: a client's
    # letters under different references are two claims, not one claim's letters).
    ("corpus_fresh84", "amount_exact"): "19/20: SJ019 (an agency's prose: 'zusammen 629,10 €' for the monthly fees, "
    "then 'Hinzu kommen …' and 'Es verbleiben 701,04 €' after two payments; the fees' sum outranks the remainder, "
    "never safe)",
    ("corpus_fresh84", "noise_amounts_taken"): "SJ019's 629,10, as above",
    ("corpus_fresh84", "safe_cases_auto_applied"): "11/16: SJ007 and SJ019 (rivals without a margin), SJ018 (a "
    "'zu zahlen' total only), SJ020 (fees said to be left out of a figure) and SJ025 (safe, held back at matching: "
    "a brother's customer number named) go to a human; none is wrong",
    ("corpus_fresh85", "safe_cases_auto_applied"): "11/15 by this corpus's theme (how figures are written): SK007 "
    "('rund 1.760 Euro – genau 1.763,21 €' beside an 'etwa 2.300' own share), SK011 ('ca. 3.540 Euro' in the body, "
    "the exact figure only in the DOCX), SK012 (above) and SK023 ('2.084,-- EUR' without a total label) go to a human",
    ("corpus_fresh86", "amount_exact"): "22/23: SL015 (a balance when the letter came and one after a payment, each "
    "in a clause of its own: no total read; its label keeps the second and leaves it to a human)",
    ("corpus_fresh86", "safe_cases_auto_applied"): "15/18: SL010 (an agency's booked and reversed instalment "
    "without a total label), SL022 (waste fees named as not contained) and SL025 (a 'zu zahlen' total) go to a "
    "human",
    ("corpus_fresh87", "safe_cases_auto_applied"): "11/16: SM005 (a workshop's figure without a total label), SM016 "
    "(safe, held back at matching: a driving school writing to the plain inbox), SM017 (an XLSX tenant account's "
    "last balance without a currency), SM020 (a remaining principal beside its parts) and SM024 (a dentist's plan "
    "total beside the claim) go to a human; none is wrong",
    ("corpus_fresh89", "amount_exact"): "21/22: SO013 (a Polish claim in złoty, 846,20 zł, beside the creditor's own "
    "approximate euro figure; the złoty figure is read and never written: another currency)",
    ("corpus_fresh89", "noise_amounts_taken"): "SO013's 846,20, as above",
    ("corpus_fresh92", "amount_exact"): "19/20: SR017 (the asked account's subtotal beside another account and "
    "'Gesamtsaldo beider Konten': the grand total is read, never safe)",
    ("corpus_fresh92", "noise_amounts_taken"): "SR017's 554,67, as above",
    ("corpus_fresh92", "safe_cases_auto_applied"): "11/15: SR005 and SR021 (an original amount read as a previous "
    "total), SR010 (a 'zu zahlen' total) and SR015 (a landlord's conditional willingness to take instalments read "
    "as a plan offer) go to a human",
    ("corpus_fresh93", "amount_exact"): "18/21 by this corpus's theme (statements of account): SS004 (an HTML rent "
    "account whose last balance stands under a bold row of column sums: no total read), SS007 (movements listed "
    "newest first: a movement's figure is read) and SS020 (an account ending in a credit, '23,40 H': read as owed); "
    "none is safe",
    ("corpus_fresh93", "noise_amounts_taken"): "SS007's 59,99 and SS020's 23,40, as above",
    ("corpus_fresh93", "safe_cases_auto_applied"): "12/17 by this corpus's theme: SS002 (a Soll/Haben/Saldo text "
    "table without a currency), SS004, SS007 (above), SS011 (a two-page bank statement's negative 'Neuer Saldo') "
    "and SS013 (an XLSX export without a margin) go to a human",
    ("corpus_fresh94", "amount_exact"): "18/20 by this corpus's theme (several clients or claims in one mail): ST007 "
    "(an agency's list of three clients' files: another client's figure is read) and ST013 (two clients in one HTML "
    "table: no total read); neither is safe",
    ("corpus_fresh94", "noise_amounts_taken"): "ST007's 471,30, as above",
    ("corpus_fresh94", "safe_cases_auto_applied"): "10/13: ST004 (basic fees named as not contained), ST012 (a "
    "'zu zahlen' total beside a joint policy left out) and ST020 (a second supply account in an XLSX) go to a human",
    ("corpus_fresh95", "amount_exact"): "18/20: SU017 (a small balance written off, 'Saldo 0,00': the written-off "
    "figure is read, never safe) and SU025 (a gym's statement under its own member number, no total read)",
    ("corpus_fresh95", "noise_amounts_taken"): "SU017's 38,17, as above",
    # corpus_fresh96 to corpus_fresh111: session 23's, written blind in four rounds and measured at first sight
    # against the session's starting code (the README's table has those figures); what they read now, each miss
    # named. None writes a wrong amount; every one below goes to a human.
    ("corpus_fresh96", "amount_exact"): "19/20: SV022 (the total said first, 'zzgl.' parts after it: the part sum "
    "289,95 is read beside the stated 301,95, never safe)",
    ("corpus_fresh96", "noise_amounts_taken"): "SV022's 289,95, as above",
    ("corpus_fresh96", "safe_cases_auto_applied"): "11/14: SV007 (a treasury's total against a surcharge list, "
    "margin too small), SV022 (above) and SV023 (an XLSX 'Offener Betrag' without a currency) go to a human",
    ("corpus_fresh97", "amount_exact"): "19/20: SW003 (a craftsman's one-line correction from his phone, '1185 statt "
    "1158', no currency: no total read)",
    ("corpus_fresh98", "amount_exact"): "17/19 by this corpus's theme (public creditors): SX013 (a maintenance-advance "
    "recourse whose monthly offsets are read, not the remainder 5.790,00) and SX022 (a dog tax paid in full beside "
    "next year's 198,00 not yet due: read as a statement of 198,00, never safe)",
    ("corpus_fresh98", "noise_amounts_taken"): "SX013's 450,00 and SX022's 198,00, as above",
    ("corpus_fresh98", "safe_cases_auto_applied"): "4/11 by this corpus's theme: per-month contribution tables and "
    "running balances with surcharges (SX002, SX009, SX013, SX015: margins too small), a court cashier's 'Betrag' "
    "(SX016), a Jobcenter's referral wording beside its figure (SX011) and a credit still to be booked (SX018) go to "
    "a human",
    ("corpus_fresh99", "amount_exact"): "20/21: SY012 (one mail answering for two spouses whose references differ in "
    "the last digit: no total read)",
    ("corpus_fresh99", "safe_cases_auto_applied"): "10/12: SY013 (a gym from a freemail-style address, held at "
    "matching) and SY016 (a PDF total without a currency or label) go to a human",
    ("corpus_fresh100", "safe_cases_auto_applied"): "9/12: SZ015 (an XLSX total, margin too small), SZ018 (a driving "
    "school without a reference, matched for review) and SZ023 (a loan and a current account summed) go to a human",
    ("corpus_fresh101", "amount_exact"): "16/17: TA011 (a treasury PDF with the old dunning column beside the current "
    "one: the old 310,00 is read, never safe)",
    ("corpus_fresh101", "noise_amounts_taken"): "TA011's 310,00, as above",
    ("corpus_fresh101", "amount_where_none_stated"): "TA018 (the figures only in an image scan: OCR reads 1.446,80, "
    "which the label leaves out because the builder needs text; an OCR-only total is never written)",
    ("corpus_fresh101", "safe_cases_auto_applied"): "7/10 by this corpus's theme (figures in attachments): TA011 "
    "(above), TA024 (one total named only 'Betrag') and TA025 (a small dealer's prose without a total label) go to a "
    "human",
    ("corpus_fresh102", "amount_exact"): "16/18 by this corpus's theme (running contracts): TB017 (a balance of "
    "28.02. the creditor calls outdated: no total read) and TB025 (an account netted to zero by a credit: read as a "
    "question)",
    ("corpus_fresh102", "safe_cases_auto_applied"): "7/9: TB007 (a yearly fee notice netted in a PDF, margin too "
    "small) and TB015 (two contracts on one customer account) go to a human",
    ("corpus_fresh103", "amount_exact"): "17/20 by this corpus's theme (informal writers): TC005 (a kiosk owner's "
    "'101.20 insgesamt' without a currency), TC012 (landlords' '3.990,-' beside an instalment wish) and TC017 ('Die "
    "Miete zahlt sie pünktlich, da ist nichts offen' beside the other claim 780,00 €: read as settled); none is "
    "written (TC016, '… bar bezahlt … ist damit erledigt', reads as settled since session 24)",
    ("corpus_fresh103", "intent"): "22/26: TC005, TC012, TC017 (above) and TC010 (a directory offer dressed as an "
    "invoice: read as a question)",
    ("corpus_fresh103", "safe_cases_auto_applied"): "6/12: TC005, TC017 (above), TC014 (a paid second invoice beside "
    "the open one), TC018 (lower case, no currency), TC020 (an XLSX without a currency) and TC022 (a storage fee "
    "computed in the text, held at matching) go to a human",
    ("corpus_fresh105", "amount_exact"): "19/20: TE025 (a correction whose new balance follows a deducted payment: the "
    "earlier 5.012,36 is read, never safe)",
    ("corpus_fresh105", "noise_amounts_taken"): "TE025's 5.012,36, as above",
    ("corpus_fresh105", "safe_cases_auto_applied"): "11/13 by this corpus's theme (creditors abroad): TE013 (an "
    "Austrian hotel owner's private address, matched to nothing) and TE023 (a Swiss figure beside a CHF one) go to a "
    "human",
    ("corpus_fresh106", "safe_cases_auto_applied"): "9/11 by this corpus's theme (claims that moved): TF009 and TF016 "
    "(the firm's figure restated above the new one, margins too small) go to a human",
    ("corpus_fresh107", "amount_exact"): "17/20 by this corpus's theme (several claims and people): TG016 and TG021 "
    "(spouses' joint and single debts: another sum of the accounts is read) and TG025 (settled by a return credit: "
    "read as a question); none is written",
    ("corpus_fresh107", "noise_amounts_taken"): "TG016's 14.620,55 and TG021's 14.652,81, as above",
    ("corpus_fresh107", "safe_cases_auto_applied"): "2/9 by this corpus's theme: totals over several accounts, "
    "contracts, creditors or people (TG003, TG008, TG020, TG021), a partner card (TG002, held at matching), an "
    "account 'ausgeglichen' beside another (TG017) and a refusal about the husband's policy (TG023) go to a human",
    ("corpus_fresh108", "amount_exact"): "16/19: TH011 and TH020 (claims paid, the paid figure read as a statement) "
    "and TH017 (an XLSX balance beside a paid invoice: read as settled); none is written",
    ("corpus_fresh108", "intent"): "21/25: TH011, TH017, TH020 (above) and TH015 (a garage that handed the claim to an "
    "agency: read as a statement, held back by its refusal)",
    ("corpus_fresh108", "noise_amounts_taken"): "TH011's 1.027,64, TH015's 1.488,93 and TH020's 312,40, as above",
    ("corpus_fresh108", "amount_where_none_stated"): "TH015, as above",
    ("corpus_fresh109", "amount_exact"): "19/20: TI018 (an HTML-only bank reply whose quoted letter sits in a styled "
    "div: the firm's 8.715,40 is read, never safe)",
    ("corpus_fresh109", "noise_amounts_taken"): "TI018's 8.715,40, as above",
    ("corpus_fresh109", "auto_applied_needing_human"): "TI009: the text part states the balance of 31.01. (889,30), "
    "the HTML part carries it forward to 931,15; the HTML's figure is written, right, where the label wants a human "
    "to see that the versions differ (a check of the last figures was tried and cost three right writes)",
    ("corpus_fresh109", "safe_cases_auto_applied"): "10/13: TI014 (cents in <sup>), TI018 (above) and TI020 (sent to "
    "the plain inbox, matched for review) go to a human",
    ("corpus_fresh110", "amount_exact"): "18/19: TJ019 (a husband's answer on his wife's thread: read as a question, "
    "matched to nothing)",
    ("corpus_fresh110", "intent"): "25/27: TJ015 (only 'Ja' above the quoted question 'Ist der Betrag … korrekt?') and "
    "TJ019 (above); neither writes",
    ("corpus_fresh110", "safe_cases_auto_applied"): "8/11 by this corpus's theme (the firm's figure): TJ011, TJ018 "
    "(the firm's figure explained beside the new one, margins too small) and TJ022 (an XLSX last line without a "
    "currency) go to a human",
    ("corpus_fresh111", "intent"): "23/26 by this corpus's theme (claims that changed hands): TK005 (an agency whose "
    "mandate ended, its figure at handover read as a statement), TK009 (a practice that assigned the invoice: read "
    "as a question) and TK010 (a sold claim's 'keine weiteren Ansprüche' read as settled); none writes",
    ("corpus_fresh111", "noise_amounts_taken"): "TK005's 689,10 and TK006's 0,00 (a loan sold and written off at the "
    "bank, labelled a refusal without a figure)",
    ("corpus_fresh111", "amount_where_none_stated"): "TK005, TK006 and TK010 (0,00), as above",
    ("corpus_fresh111", "safe_cases_auto_applied"): "5/10: a buyer's and a factor's statements (TK016, TK020, TK026: "
    "the claim assigned, the creditor on file changes), an overdraft written negative (TK012) and TK024 (held at "
    "matching) go to a human",
    # corpus_fresh112 to corpus_fresh131: session 24's, written blind in five rounds and measured at first sight
    # against the session's start (README, session 24); what each misses now:
    ("corpus_fresh112", "amount_exact"): "19/20: TL008 (a composition sentence's 'über insgesamt 497,34 EUR sowie "
    "Mahngebühren' outranks the 512,34 above it; never safe)",
    ("corpus_fresh112", "noise_amounts_taken"): "TL008's 497,34, as above",
    ("corpus_fresh113", "amount_exact"): "19/20: TM026 (the figure only in a colleague's forwarded internal note: "
    "quoted history, no total read)",
    ("corpus_fresh113", "safe_cases_auto_applied"): "8/12 by this corpus's theme (utilities and housing): TM007 (a "
    "credit note set off) and TM026 (above) are not safe; TM010 and TM015 are safe and held at matching",
    ("corpus_fresh114", "amount_exact"): "19/21: TN011 (a mother's note that she paid, read as spam; nothing written) "
    "and TN024 (a son typing up the agency's letter: read as a question)",
    ("corpus_fresh114", "intent"): "24/27 by this corpus's theme (replies not written by the creditor's clerk): TN007 "
    "(a guardian's own estimate read as a statement), TN011 and TN024 (above); none writes",
    ("corpus_fresh114", "noise_amounts_taken"): "TN007's 1.500,00 (the guardian's estimate; not safe)",
    ("corpus_fresh114", "amount_where_none_stated"): "TN007, as above",
    ("corpus_fresh114", "safe_cases_auto_applied"): "8/10: TN008 and TN027 go to a human",
    ("corpus_fresh115", "safe_cases_auto_applied"): "3/14 by this corpus's theme (account statements as tables): "
    "running balances whose earlier rows are larger than the last (TO004, TO007, TO011, TO014, TO026), last rows "
    "without a currency or a total label (TO008, TO019, TO023), rival sums (TO005, TO025) are not safe; TO021 is safe "
    "and held at matching; every figure is read right",
    ("corpus_fresh117", "amount_exact"): "20/21: TQ020 (the figures only in a forwarded internal mail without a "
    "currency: no total read)",
    ("corpus_fresh117", "auto_applied_needing_human"): "TQ026: an automated invoice to the client whose 'Gesamt zu "
    "zahlen' counts a March bill due after the mail; the label wants a human, while two earlier corpora (fresh86 "
    "SL009, fresh98 SX006) label a total with a bill not yet due as safe (a due-date doubt was tried and cost those)",
    ("corpus_fresh117", "safe_cases_auto_applied"): "9/11: TQ012 and TQ020 (above) go to a human",
    ("corpus_fresh118", "amount_exact"): "21/22: TR017 (the DOCX's 687,94 read, not the body's Nachtrag 627,94 after a "
    "part payment; never safe)",
    ("corpus_fresh118", "noise_amounts_taken"): "TR017's 687,94, as above",
    ("corpus_fresh118", "safe_cases_auto_applied"): "9/11: TR015 (a year-end balance beside today's) goes to a human; "
    "TR021 is safe and held at matching",
    ("corpus_fresh119", "amount_exact"): "19/20: TS014 (a loan paid off early, the paid figure beside the financed "
    "one: read as a question)",
    ("corpus_fresh119", "safe_cases_auto_applied"): "10/12: TS011 and TS021 go to a human",
    ("corpus_fresh120", "noise_amounts_taken"): "TT014's 0,00 (a loan assigned away and the account held at nil: a "
    "refusal since, its nil still read)",
    ("corpus_fresh120", "amount_where_none_stated"): "TT014, as above",
    ("corpus_fresh120", "safe_cases_auto_applied"): "9/14: TT006, TT008, TT009, TT016 and TT017 go to a human",
    ("corpus_fresh121", "amount_exact"): "21/22: TU021 (2.115,00 read for 2.820,00; never safe)",
    ("corpus_fresh121", "noise_amounts_taken"): "TU021's 2.115,00, as above",
    ("corpus_fresh121", "auto_applied_needing_human"): "TU022: a city treasury forwards its colleague's statement "
    "(1.494,55) and states the current 1.194,55 after a payment; the right figure is written where the label wants a "
    "human for the two totals (an earlier corpus, fresh118 TR023, labels a forwarded statement with a new total on top "
    "as safe)",
    ("corpus_fresh121", "safe_cases_auto_applied"): "9/12: TU004 and TU012 go to a human; TU008 is safe and held at "
    "matching",
    ("corpus_fresh122", "intent"): "24/26: TV016 (a statement read as an instalment offer) and TV025 (a draft "
    "instalment contract read as a statement); neither writes",
    ("corpus_fresh122", "safe_cases_auto_applied"): "9/15 by this corpus's theme (very short and very long replies): a "
    "bare '276,00' (TV004), figures buried in long text or quoted (TV006, TV011, TV012, TV016, TV022) go to a human",
    ("corpus_fresh123", "amount_exact"): "19/21: TW018 and TW023 (read as questions; nothing written)",
    ("corpus_fresh123", "intent"): "25/27: TW018 and TW023, as above",
    ("corpus_fresh123", "auto_applied_needing_human"): "TW026: a collection agency writing for a hospital, figures "
    "only in a DOCX, +22 % with its fees; the label wants a human for the new party, the dev corpus's rule (a jump "
    "above 25 %) lets it pass",
    ("corpus_fresh123", "safe_cases_auto_applied"): "8/12: TW004, TW011, TW018 (above) and TW020 go to a human",
    ("corpus_fresh124", "amount_exact"): "19/21: TX021 (an instalment offer without a stated total read) and TX024 (a "
    "settled reply read as a statement without a figure); nothing written",
    ("corpus_fresh124", "intent"): "25/27: TX021 and TX024, as above",
    ("corpus_fresh124", "safe_cases_auto_applied"): "10/13: TX006, TX013 and TX020 go to a human",
    ("corpus_fresh125", "safe_cases_auto_applied"): "7/11: TY010, TY017 and TY022 go to a human; TY006 (a treasurer "
    "from a private address) is safe and held at matching",
    ("corpus_fresh126", "amount_exact"): "15/19 by this corpus's theme (creditors abroad): TZ006 (the PLN figure read, "
    "not the euro one), TZ017 (a CHF conversion), TZ011 and TZ012 (foreign number formats, no total read); none is "
    "written",
    ("corpus_fresh126", "noise_amounts_taken"): "TZ006's 4.588,60 (the PLN figure, as above)",
    ("corpus_fresh126", "safe_cases_auto_applied"): "7/12: TZ005, TZ011, TZ012, TZ019 and TZ027 go to a human",
    ("corpus_fresh127", "amount_exact"): "20/21: UA009 (a guarantor's cap of 10.000,00 beside the main debtor's "
    "11.707,54: the latter is read, never safe since)",
    ("corpus_fresh127", "intent"): "25/27: UA015 (a refusal read as a question) and UA024 (a widow's note naming her "
    "late husband's claim read as a statement); neither writes",
    ("corpus_fresh127", "noise_amounts_taken"): "UA009's 11.707,54 and UA024's 1.310,40, as above",
    ("corpus_fresh127", "amount_where_none_stated"): "UA024, as above",
    ("corpus_fresh127", "safe_cases_auto_applied"): "6/11 by this corpus's theme (several debtors or accounts): UA004, "
    "UA017, UA021 go to a human; UA011 and UA022 are safe and held at matching (a spouse is a client too)",
    ("corpus_fresh128", "auto_applied_needing_human"): "UB024: a collection agency answering for a mail-order shop, "
    "+22 % with its fees; as fresh123 TW026",
    ("corpus_fresh129", "amount_exact"): "17/21 by this corpus's theme (forms and answers typed into the letter): "
    "UC002, UC009, UC011 and UC021 (answers inside the quoted letter or a returned form: no total read); nothing "
    "written",
    ("corpus_fresh129", "intent"): "22/26: UC002, UC009, UC011 and UC021, as above",
    ("corpus_fresh129", "auto_applied_needing_human"): "UC015: 'Torben Möllenbeck' mixes the first name of one client "
    "(Torben Möllenberg) and the surname of the matched one (Torsten Möllenbeck); the contract number and birth date "
    "decide and are right, the other client's surname sounds different and is not looked up",
    ("corpus_fresh129", "safe_cases_auto_applied"): "8/12: UC002, UC003, UC011 and UC014 go to a human",
    ("corpus_fresh130", "amount_exact"): "20/21: UD020 (263,48 read for 273,48; never safe)",
    ("corpus_fresh130", "noise_amounts_taken"): "UD020's 263,48, as above",
    ("corpus_fresh130", "auto_applied_needing_human"): "UD024: the bank's lawyers take the file over after the bank's "
    "refusal, +14 %; as fresh123 TW026",
    ("corpus_fresh130", "safe_cases_auto_applied"): "10/14: UD003 and UD020 go to a human; UD016 and UD027 are safe "
    "and held at matching",
    ("corpus_fresh131", "amount_exact"): "17/20 by this corpus's theme (families and namesakes): UE004 (one mail for "
    "husband and wife: his figure read), UE018 (a settled reply read as a statement) and UE025 (a forwarded note: no "
    "total read); none is written",
    ("corpus_fresh131", "noise_amounts_taken"): "UE004's 402,90 and UE018's 239,60, as above",
    ("corpus_fresh131", "safe_cases_auto_applied"): "8/11: UE003 and UE025 go to a human; UE019 is safe and held at "
    "matching",
    # corpus_fresh132 to corpus_fresh140: session 25's, written blind in three rounds and measured at first sight
    # against the session's start (README, "What to expect … (session 25)"); what each misses now:
    ("corpus_fresh132", "amount_exact"): "17/20: UF010 (a reply in Dutch, no word read as its total), UF015 (a note "
    "that another account, the Girokonto, 'ist ausgeglichen' read as the claim settled; the PDF's total goes to a "
    "human) and UF027 (a lender's own correction 'nicht mehr 1.200,- sondern nur noch 1.100,- €': no total read)",
    ("corpus_fresh132", "intent"): "26/28: UF015 (as above) and UF021 (a factoring company that sold the claim back "
    "read as a statement of the invoice)",
    ("corpus_fresh132", "noise_amounts_taken"): "UF021's invoice figure 743,20, as above; matched, never safe",
    ("corpus_fresh132", "amount_where_none_stated"): "UF021, as above",
    ("corpus_fresh132", "safe_cases_auto_applied"): "9/12: UF004 ('schuldet … 1.200' with neither a currency nor a "
    "total word), UF010 and UF015 (above) go to a human",
    ("corpus_fresh133", "amount_exact"): "19/21: UG009 (the figures stand in the middle message of a forward three "
    "deep, quoted history by the parser's invariant) and UG015 (a correction naming old and new totals: no total "
    "read, a human decides)",
    ("corpus_fresh133", "safe_cases_auto_applied"): "10/13 by this corpus's theme (mail programs and systems): UG007 "
    "and UG013 (totals only in a PDF and in an XLSX formula row, read right and never written unseen) and UG009 "
    "(above)",
    ("corpus_fresh134", "safe_cases_auto_applied"): "9/15 by this corpus's theme (figures written in unusual ways): "
    "UH006, UH007 (a sum below a part it takes a payment from: 'a part is larger than the total'), UH014 and "
    "UH026 (the figures only in a PDF ledger and a DOCX), UH013 (above) go to a human; UH008 is safe and held at "
    "matching",
    ("corpus_fresh135", "amount_exact"): "19/20: UI019 (a utility's instalment offer: the down payment 174,35 read "
    "beside the claim 1.318,65; a payment plan, for a human)",
    ("corpus_fresh135", "noise_amounts_taken"): "UI019's down payment, as above",
    ("corpus_fresh136", "amount_exact"): "17/20 by this corpus's theme (figures only in attachments): UJ005 (an XLSX "
    "over two accounts, the current account's 1.321,55 read instead of the combined total), UJ023 (two PDFs for two "
    "files, the other file's total read; never safe) and UJ024 (no total read from its attachment)",
    ("corpus_fresh136", "noise_amounts_taken"): "UJ005's and UJ023's figures (above)",
    ("corpus_fresh136", "safe_cases_auto_applied"): "7/13: UJ004, UJ011, UJ019, UJ020 (totals only in attachments, "
    "some with a payment deducted or two tables: read, not written unseen), UJ005 and UJ024 (above) go to a human",
    ("corpus_fresh137", "safe_cases_auto_applied"): "8/10: UK010 and UK014 are safe and held at matching",
    ("corpus_fresh138", "amount_exact"): "18/21: UL014 (the figures only in an attachment beside a request for a "
    "signed release, read as a question), UL022 (a rescue service's 10,00 co-payment left after the insurer's "
    "payment, not read) and UL027 (an agency's correction: the old total read, never safe)",
    ("corpus_fresh138", "intent"): "25/27: UL007 (a statement that also agrees to instalments 'nach Vorlage eines "
    "Zahlungsplans' read as a payment plan) and UL014 (above)",
    ("corpus_fresh138", "noise_amounts_taken"): "UL027's superseded 390,51, as above",
    ("corpus_fresh138", "safe_cases_auto_applied"): "8/13: UL005 (two figures of 89,00 beside the total), UL007, "
    "UL014 (above) and UL015 (the figures only in a DOCX with a part payment deducted) go to a human; UL020 is safe "
    "and held at matching",
    ("corpus_fresh139", "amount_exact"): "18/22 by this corpus's theme (private people and small shops): UM007 (an "
    "English reply whose claim is no labelled figure), UM013 (an uncle on his nephew's thread says the money was a "
    "gift), UM026 (a kiosk's tab for the client's brother, who is no client) and UM027 (a landlady who sets the "
    "deposit off: the deposit read, never safe)",
    ("corpus_fresh139", "intent"): "25/27: UM013 (as above) and UM015 (a refusal without a power of attorney read as "
    "a question)",
    ("corpus_fresh139", "noise_amounts_taken"): "UM027's deposit, as above",
    ("corpus_fresh139", "safe_cases_auto_applied"): "10/12: UM005 (a landlord's 'schuldet … 2.658,45' with no total "
    "word) and UM014 (a son writing that his mother owes it: the client's side passing on the letter) go to a human",
    ("corpus_fresh140", "amount_exact"): "20/21: UN027 (a claim settled by an insurer's payment and a waived "
    "remainder: read as a question with no figure, for a human)",
    ("corpus_fresh140", "intent"): "25/27: UN009 (a payment plan in a PDF read as a statement) and UN027 (above)",
    ("corpus_fresh140", "safe_cases_auto_applied"): "7/9: UN012 (a reversed payment's in-between balance beside the "
    "claim) and UN022 (a total written as a negative balance) go to a human",
    # corpus_fresh141 and corpus_fresh142: session 25's fourth round, measured at first sight against the session's
    # end (1a13e10): amounts and matches right, one write a human should have made (UP021, a doubt since).
    ("corpus_fresh141", "noise_amounts_taken"): "UO004 (a fake invoice to the firm read as a statement of "
    "1.486,20; matched to no letter, nothing written)",
    ("corpus_fresh141", "amount_where_none_stated"): "UO004, as above",
    ("corpus_fresh141", "safe_cases_auto_applied"): "9/14 by this corpus's theme (figures among many numbers): UO009, "
    "UO011, UO012, UO019 and UO021 have their totals only in a PDF, DOCX or XLSX: read right, never written unseen",
    # corpus_fresh143 to corpus_fresh158: session 26's four rounds, each measured at first sight against the code as it
    # stood when the round arrived (README "What to expect … (session 26)"); what each still misses, none written wrong.
    ("corpus_fresh144", "safe_cases_auto_applied"): "11/16: UR008, UR009 and UR023 (a claim sold or assigned: the "
    "creditor on file changes), UR016 (instalment rows read as rival totals) and UR019 (a larger sum that holds the "
    "total) go to a human",
    ("corpus_fresh145", "amount_exact"): "19/21 by this corpus's theme (mail typed in a hurry): US019 (the creditor's "
    "own system statement forwarded under 's.u.': quoted history by the parser's invariant) and US020 ('richtig sind "
    "1951.30 (HF 1930.00 + Zi 21.30) nicht 1968.60' in a sentence about interest: no total read); neither is written",
    ("corpus_fresh145", "safe_cases_auto_applied"): "8/13: US008 (the total only in the subject), US015 and US025 "
    "(figures with neither currency nor total word), US019 (above) and US022 (running interest added in words) go "
    "to a human",
    ("corpus_fresh146", "safe_cases_auto_applied"): "13/17: UT003 (a second figure called current), UT012 (proceeds "
    "still to be booked), UT016 (held back by the matching gate) and UT025 (a claim factored to another holder)",
    ("corpus_fresh147", "safe_cases_auto_applied"): "13/16: UU011 (held back by the matching gate), UU020 (the total "
    "only in a DOCX for 'Melanie Tiemann', a shortened name) and UU023 (an older figure read as a rival)",
    ("corpus_fresh149", "safe_cases_auto_applied"): "8/11 by this corpus's theme (one reply about many things): UW002 "
    "and UW006 (totals over several accounts) and UW014 (a mail about several clients, held back by the matching gate)",
    ("corpus_fresh150", "amount_exact"): "21/22: UX027 (the total only on an HTML pay button, no sum row)",
    ("corpus_fresh150", "safe_cases_auto_applied"): "9/13: UX011 (an earlier figure named), UX014 (an item above the "
    "total in a PDF), UX020 (an XLSX without currency or total word) and UX027 (above)",
    ("corpus_fresh152", "amount_exact"): "17/19: UZ014 (a payment set against costs first: the open costs read, not "
    "the total) and UZ019 (a court order's total that predates two payments, read as an instalment offer)",
    ("corpus_fresh152", "noise_amounts_taken"): "UZ014 and UZ019 (above) and UZ015 (a solo lawyer's principal with "
    "interest and fees to follow, whose label leaves the total empty); none written",
    ("corpus_fresh152", "amount_where_none_stated"): "UZ015, as above",
    ("corpus_fresh152", "safe_cases_auto_applied"): "6/10: UZ006 and UZ007 (a couple's one debt under one reference, "
    "held back by the matching gate), UZ016 (a PDF statement without currency) and UZ019 (above)",
    ("corpus_fresh153", "amount_exact"): "20/21: VA009 (a merged bank asking again for the power of attorney beside "
    "its figures, read as a question)",
    ("corpus_fresh153", "intent"): "25/27: VA009 (above) and VA015 (a new servicer's statement read as the instalment "
    "offer of an old letter it quotes)",
    ("corpus_fresh153", "safe_cases_auto_applied"): "5/13 by this corpus's theme (answers not from the clerk written "
    "to): VA003, VA019 and VA022 (new domains and crossed threads, held back by the matching gate), VA008 (a daughter "
    "writing for her father), VA014 and VA025 (claims factored or sold), VA009 and VA015 (above)",
    ("corpus_fresh154", "amount_exact"): "20/22 by this corpus's theme (figures written loosely): VB007 (a landlord's "
    "2.400 after a month's figure: the month read) and VB011 (a private lender's 'ca. 1.200,- €', read as a question)",
    ("corpus_fresh154", "intent"): "25/28: VB011 (above), VB020 (a range only, read as a question) and VB026 (a bank "
    "that sold the claim naming 'etwa 3.000 EUR', read as a statement)",
    ("corpus_fresh154", "noise_amounts_taken"): "VB007 and VB026 (above); neither written",
    ("corpus_fresh154", "amount_where_none_stated"): "VB026, as above",
    ("corpus_fresh154", "safe_cases_auto_applied"): "8/15: VB002 and VB007 (a rounded sum after the exact one), VB003 "
    "(no currency), VB012 (an older round figure named), VB017 (the rounding called current), VB018 (interest for the "
    "quarter left out) and VB021 (a part larger than the total) go to a human",
    ("corpus_fresh156", "safe_cases_auto_applied"): "6/12 by this corpus's theme (system-generated account mails): "
    "VD003, VD022, VD024 and VD027 (totals over several contract accounts), VD005 (a negative balance beside a revoked "
    "mandate) and VD008 (an XLSX ledger without currency)",
    ("corpus_fresh158", "amount_exact"): "20/21: VF018 (an older invoice in the PDF read beside the body's current "
    "total); not written",
    ("corpus_fresh158", "noise_amounts_taken"): "VF016 (another member's account in the attachment: its figure read) "
    "and VF018 (above); neither written",
    ("corpus_fresh158", "amount_where_none_stated"): "VF016, as above",
    ("corpus_fresh158", "safe_cases_auto_applied"): "6/11: VF005 and VF018 (an older attachment's figure beside the "
    "body's), VF013 (a copier's scan, held back by the matching gate), VF020 (a statement dated more than 60 days "
    "before the mail) and VF025 (a PDF overview without currency)",
    # corpus_fresh159 to corpus_fresh174: session 27's four rounds, each measured at first sight against the code as it
    # stood when the round arrived; what each still misses after the session's fixes (none writes a wrong amount).
    ("corpus_fresh162", "amount_exact"): "19/21: VJ016 (every figure in words, the digits only in the subject) and "
    "VJ018 (a namesake's routing address: no match, no total taken)",
    ("corpus_fresh162", "safe_cases_auto_applied"): "9/14: VJ005, VJ007, VJ017, VJ020 (figures without currency or "
    "with a minus the text does not explain) and VJ016 (figures in words)",
    ("corpus_fresh165", "amount_exact"): "22/23: VM023 (an old balance date beside a later partial statement)",
    ("corpus_fresh165", "noise_amounts_taken"): "VM023's earlier figure, as above",
    ("corpus_fresh165", "auto_applied_needing_human"): "VM022: a collection agency the letter was passed on to answers "
    "with a clean, summed statement and nothing on file to compare; its author leaves it to a human, the shared "
    "hollmann-adeyemi B017 labels the same kind of answer a write (the gate follows the shared corpus)",
    ("corpus_fresh167", "safe_cases_auto_applied"): "12/15: VO014 (a willingness to discuss instalments read as an "
    "offer), VO016, VO018 (a private landlady's figure without a label), for a human",
    ("corpus_fresh168", "amount_exact"): "20/21: VP024 (a bank names the inquired overdraft and a second, running "
    "loan's Restschuld: the loan's figure chosen; never written, two accounts)",
    ("corpus_fresh168", "noise_amounts_taken"): "VP024's second loan, as above",
    ("corpus_fresh169", "noise_amounts_taken"): "VQ008 (a bank that sold the claim attaches the assignment notice with "
    "the balance at sale: read as a statement; never written, the claim was sold)",
    ("corpus_fresh169", "amount_where_none_stated"): "VQ008, as above",
    ("corpus_fresh169", "safe_cases_auto_applied"): "10/13: VQ018, VQ020, VQ024 (namesakes at one collector, a "
    "referral's new holder), for a human",
    ("corpus_fresh170", "amount_exact"): "20/21: VR018 (a piano teacher's '4 Stunden offen, also 120,00 €' from "
    "memory, read as a question)",
    ("corpus_fresh170", "safe_cases_auto_applied"): "7/13: VR002, VR005, VR016, VR021 (photos of handwritten notes "
    "beside the body's figure, phone addresses not on file), VR010, VR017 (a reply under another client's thread)",
    ("corpus_fresh173", "amount_exact"): "20/22: VU021 (a mother's and a son's loans put right in one mail) and VU022 "
    "(a correction naming old and new totals: the difference read)",
    ("corpus_fresh173", "noise_amounts_taken"): "VU023 (a zero balance after the claim was sold, read as a statement) "
    "and VU021/VU022, as above",
    ("corpus_fresh173", "amount_where_none_stated"): "VU023, as above",
    ("corpus_fresh173", "safe_cases_auto_applied"): "8/15: long statements whose rows also read as totals (VU003, "
    "VU005, VU013, VU026), several contracts on one statement (VU006, VU017), VU021 as above; all for a human",
    ("corpus_fresh174", "amount_exact"): "17/22: replies about several things: VV006 and VV009 (a credit set off, an "
    "instalment agreement's start balance), VV016 (a settlement's two figures), VV020 (another account settled read "
    "as the whole), VV023 (the undisputed part)",
    ("corpus_fresh174", "intent"): "25/27: VV019 (two offers in a PDF, the body only 'Variante') and VV020, as above",
    ("corpus_fresh174", "noise_amounts_taken"): "the five figures above",
    ("corpus_fresh174", "safe_cases_auto_applied"): "4/9: VV006, VV009, VV020 as above, VV013, VV015 (a statement "
    "beside a second contract), for a human",
    # the fifth round, measured at the session's end against 845a4ea and not tuned on (but for the stand-ins' "bin mir
    # nicht sicher" and "verbindliche Forderungsaufstellung schickt …", fresh177 VY006 and VY022, closed after)
    ("corpus_fresh175", "amount_exact"): "19/20: VW013 (a landlady's 'Ich komme damit auf 2.162,35 Euro' after two "
    "parts: the last part read; she asks about the deposit, never safe)",
    ("corpus_fresh175", "noise_amounts_taken"): "VW013's part, as above",
    ("corpus_fresh177", "amount_exact"): "18/21: VY005 (a balance beside a settled note read as settled), VY008 and "
    "VY026 (figures only in a forwarded internal chain or a pasted screen copy, not read)",
    ("corpus_fresh177", "intent"): "25/27: VY003 (a stand-in's holding answer read as a question) and VY005, as above",
    ("corpus_fresh177", "noise_amounts_taken"): "VY005's figure, as above",
    ("corpus_fresh177", "safe_cases_auto_applied"): "11/14: VY005, VY026 as above, VY027 (a correction's follow-up), "
    "for a human",
    # session 28's three rounds, each measured at first sight against the session's start (277ae02); what is left
    # after its fixes. Three collectors or buyers answering for the creditor written to, after its referral, whose
    # authors leave the write to a human (the shared hollmann-adeyemi B017 labels the same kind of answer a write; the
    # gate follows it): fresh179 WA026, fresh181 WC024, fresh182 WD025.
    ("corpus_fresh179", "auto_applied_needing_human"): "WA026: a debt buyer from Dublin, not written to, answers for "
    "the bank after its referral; the figures are right, the change of creditor is the human's (see above)",
    ("corpus_fresh181", "auto_applied_needing_human"): "WC024: the bank's collection agency answers after the bank's "
    "referral (see above)",
    ("corpus_fresh182", "auto_applied_needing_human"): "WD025: the shop's collection agency answers after the shop's "
    "referral (see above)",
    ("corpus_fresh183", "intent"): "26/28: WE004 (an authority's referral to its collection service read as a "
    "question) and WE021 (a settlement offer beside instalments read as a statement; not written, the offer is a "
    "doubt)",
    ("corpus_fresh183", "auto_applied_needing_human"): "WE028: the Hauptzollamt enforcing a health insurer's claim "
    "while the insurer's own instalment offer is open (an earlier mail's state, not read)",
    ("corpus_fresh185", "amount_exact"): "21/22: WG013 (a correction after a meter reading: the earlier figure read)",
    ("corpus_fresh185", "noise_amounts_taken"): "WG013's figure, as above",
    ("corpus_fresh185", "safe_cases_auto_applied"): "12/15: WG007, WG021 (a statement to another client's routing "
    "address), WG024 (a reply weeks late), for a human",
    # a fourth round of base rates, measured at the session's end against eec1b8f and not tuned on
    ("corpus_fresh187", "auto_applied_needing_human"): "WI019: a collection agency answers in a DOCX after the "
    "provider's referral (as fresh181 WC024 above)",
    ("corpus_fresh187", "safe_cases_auto_applied"): "13/16: WI017 (an earlier balance read as a rival), WI020 (a sheet "
    "whose rows are larger than its total), WI022 (a note on what is not included), for a human",
    ("corpus_fresh189", "auto_applied_needing_human"): "WK007: a private landlady's total beside a deposit she still "
    "holds, not set off (other authors label a held deposit a write: fresh180 WB011, fresh181 WC006)",
    # session 29's first four rounds, each measured at first sight against the session's start (246f9d2), and its
    # fifth, measured at the session's end; what is left after the session's fixes. None writes a wrong amount.
    ("corpus_fresh190", "amount_exact"): "22/23: WL027 (a claim stated 'Sofern es sich um denselben Kunden handelt' "
    "beside a birth date that does not fit, read as a question; not written)",
    ("corpus_fresh191", "amount_exact"): "21/22: WM024 (a vet's instalment offer: the bill's 387,50 € not read as the "
    "claim)",
    ("corpus_fresh192", "safe_cases_auto_applied"): "10/13: WN012 (a bank statement's 'Saldo alt' beside the current "
    "balance), WN025 (next year's premium in the attached bill, set aside in the mail's next sentence) and WN026 (a "
    "correction under 'Korrektur'), for a human",
    ("corpus_fresh193", "amount_exact"): "21/22: WO028 (settled through a welfare office's loan: its 498,75 € read, "
    "not settled)",
    ("corpus_fresh193", "noise_amounts_taken"): "WO028, as above; not written",
    ("corpus_fresh193", "auto_applied_needing_human"): "WO025: a clear total beside a tenancy terminated without "
    "notice and an eviction suit announced; its author leaves the write to a human",
    ("corpus_fresh193", "safe_cases_auto_applied"): "11/13: WO017 (a billing centre's PDF beside a treatment plan's "
    "larger cost and 'abgetreten') and WO024 (the match, two clients of one surname), for a human",
    ("corpus_fresh194", "amount_exact"): "21/22: WP020 (a garage forwards its bookkeeper's list with a second car's "
    "bill: read as a question)",
    ("corpus_fresh194", "intent"): "25/27: WP020 (as above) and WP024 (a bank's statement beside the client's own "
    "instalment offer in the thread, read as a payment plan); neither written",
    ("corpus_fresh194", "safe_cases_auto_applied"): "10/14: WP018 (an XLSX whose sum row is not the balance), WP019 (a "
    "statement above an old instalment letter in the thread), WP024 and WP025 (a treatment plan's larger cost beside "
    "the agent's total), for a human",
    ("corpus_fresh195", "auto_applied_needing_human"): "WQ007: a private landlady's total beside a deposit she asks "
    "whether she may set off (labels split on a deposit still held, see fresh189 WK007)",
    ("corpus_fresh196", "safe_cases_auto_applied"): "10/15: WR011 (a letter to the plain inbox: no routing, the match "
    "for a human), WR012 (an advance payment due in the past read as future), WR015 (a colleague's older figure "
    "forwarded below), WR016 (two contracts) and WR017 (a negative balance), for a human",
    ("corpus_fresh197", "safe_cases_auto_applied"): "6/10 by this corpus's theme (families sharing creditors): WS004, "
    "WS018, WS021 (a relative named beside the client, held back by the matching gate) and WS023 (a refusal without "
    "authority beside the figure), for a human",
    ("corpus_fresh199", "safe_cases_auto_applied"): "12/15: WU004, WU019 and WU028 (a treatment plan's larger cost "
    "beside the remainder), for a human",
    ("corpus_fresh200", "amount_exact"): "21/22: WV020 (an agency's total over both of its files read, not the "
    "inquired file's; not written)",
    ("corpus_fresh200", "noise_amounts_taken"): "WV020, as above",
    ("corpus_fresh201", "safe_cases_auto_applied"): "12/15: WW006 (a PDF's 'Ursprünglicher Nennbetrag' as an earlier "
    "total), WW011 (the plain inbox, the match for a human) and WW027 (a bookkeeper's rows with a credit note), for a "
    "human",
    # the fifth round, measured at the session's end (4f1c3dd); WZ013 and WX016 were fixed after it
    ("corpus_fresh202", "amount_exact"): "22/23: WX021 (two customer accounts, the inquired one named first: the "
    "second read; not written)",
    ("corpus_fresh202", "noise_amounts_taken"): "WX021, as above",
    ("corpus_fresh202", "safe_cases_auto_applied"): "11/15: WX004, WX011, WX015 (read as an instalment offer) and "
    "WX019, for a human",
    ("corpus_fresh203", "amount_exact"): "20/21: WY026 (a claim figure not read)",
    ("corpus_fresh204", "amount_exact"): "20/22: WZ018 (a statement read as a refusal) and WZ021 (a DOCX statement "
    "beside 'Zum Girokonto … bestehen keine Rückstände', read as settled); neither written",
    ("corpus_fresh204", "intent"): "24/28: WZ007 (spam read as a statement), WZ013 (monthly payments agreed with the "
    "client, held back since the round was measured), WZ018 and WZ021 (as above); none written",
    ("corpus_fresh204", "safe_cases_auto_applied"): "10/13: WZ020, WZ021 and WZ028, for a human",
    ("corpus_fresh27", "intent"): "18/20: QE004 ('Der von Ihnen genannte Betrag ist korrekt' without the figure) and "
    "QE009 (only the change 'um 241,88 € verringert') read as questions; neither has a figure written",
    # session 30's blind corpora (fresh205–fresh220 measured at first sight against the session's start, fresh221–224
    # against the end of its fourth round); what stays below a floor after the session's fixes:
    ("corpus_fresh205", "amount_exact"): "21/22: XA026 (a loan's balance 'zum Kündigungszeitpunkt betrug', interest "
    "to follow: read as an earlier figure, no total; a human reads it)",
    ("corpus_fresh206", "safe_cases_auto_applied"): "11/13 by this corpus's theme (phone writers): XB009 (a private "
    "lender's '1200.00 offen' without a currency) and XB013 (safe, held at matching) go to a human",
    ("corpus_fresh207", "amount_exact"): "21/22: XC010 (a court cashier's two payment numbers, one of them not asked "
    "about: one number's figure read; never safe)",
    ("corpus_fresh207", "noise_amounts_taken"): "XC010's 1.046,50, as above",
    ("corpus_fresh207", "safe_cases_auto_applied"): "9/13 by this corpus's theme (public creditors): XC007 (a tax "
    "account PDF's total without a currency or label), XC014 (enforcement costs elsewhere 'nicht bekannt'), XC021 (a "
    "forwarded internal note with a second figure) go to a human; XC012 is safe and held at matching",
    ("corpus_fresh208", "safe_cases_auto_applied"): "11/15: XD013 (an XLSX total without a currency or label), XD018 "
    "(a landlord's 'schuldet' without a total word), XD021 (a colleague's forwarded '-3.562,07 EUR (Soll)') go to a "
    "human; XD009 is safe and held at matching",
    ("corpus_fresh211", "noise_amounts_taken"): "XG025 (a terminated loan's principal alone, interest and costs to "
    "follow; its label wants no total): read, never safe",
    ("corpus_fresh211", "amount_where_none_stated"): "XG025, as above",
    ("corpus_fresh211", "safe_cases_auto_applied"): "11/13 by this corpus's theme (banks): XG006 (an HTML table over "
    "three accounts) and XG011 (a PDF with the termination letter's older figure beside the current one) go to a human",
    ("corpus_fresh212", "safe_cases_auto_applied"): "11/14: XH016 (an HTML table beside the invoice PDF, the "
    "treatment cost larger), XH020 (a bank thread naming the loan's 8.500,00) go to a human; XH010 is safe and held "
    "at matching (spouses at one utility)",
    ("corpus_fresh213", "safe_cases_auto_applied"): "11/14: XI010 (a landlord's 'schuldet'), XI016 (an XLSX formula "
    "balance without a currency) and XI024 (a leaflet PDF's example figures beside the body's total) go to a human",
    ("corpus_fresh214", "amount_exact"): "17/21 by this corpus's theme (landlords): XJ010 (rent arrears beside damages "
    "still estimated: no total read), XJ013 (an instalment offer's rate read), XJ016 (a figure not read as a total) "
    "and XJ027 ('zusammen … für die Schäden' read before the later 'insgesamt'); none is written",
    ("corpus_fresh214", "noise_amounts_taken"): "XJ013's 60,00 and XJ027's 2.538,50, as above",
    ("corpus_fresh215", "amount_exact"): "21/22: XK022 (the forwarded note's 'Summe 874,00 €' read over the cover's "
    "'mit der Mahngebühr … sind 879,00 € offen'; never safe)",
    ("corpus_fresh215", "noise_amounts_taken"): "XK022's 874,00, as above",
    ("corpus_fresh215", "safe_cases_auto_applied"): "5/12 by this corpus's theme (health care): XK004 and XK019 "
    "(billing centres the claims were assigned to: 'the creditor on file changes'), XK008 (a part larger than the "
    "total beside 'nichts mehr offen'), XK011 (a billing company named as the claim's holder), XK013 (a figure that "
    "may shrink if the welfare office pays), XK022 (above) go to a human; XK017 is safe and held at matching",
    ("corpus_fresh217", "amount_exact"): "19/21: XM016 and XM027 ('Die Rechnung … über 1.730,45 € ist noch komplett "
    "offen', 'Zusammen mit der alten Rechnung … sind jetzt 2.143,14 € offen': the bill's word read as a principal, no "
    "total)",
    ("corpus_fresh217", "safe_cases_auto_applied"): "9/13: XM010 (a landlord's total beside another figure), XM018 (a "
    "second figure called current), XM027 (above) go to a human; XM022 is safe and held at matching",
    ("corpus_fresh218", "noise_amounts_taken"): "XN017 (a portal notice of the next monthly bill, labelled an "
    "automatic mail, read as a statement of 29,95; never safe)",
    ("corpus_fresh218", "amount_where_none_stated"): "XN017, as above",
    ("corpus_fresh218", "auto_applied_needing_human"): "XN025: a collection agency taking over the claim, within 25 % "
    "of the firm's figure, its total right; its author wants a human for the new party (the shared dev labels want "
    "one only at +40 %)",
    ("corpus_fresh218", "safe_cases_auto_applied"): "9/12: XN005 (three contracts summed), XN010 (an XLSX with a part "
    "larger than its total) and XN014 (a rival figure) go to a human",
    ("corpus_fresh219", "safe_cases_auto_applied"): "9/13 by this corpus's theme (small businesses): XO004 and XO017 "
    "('640,-', '730,-' without a currency or label), XO013 (a rival figure) go to a human; XO012 (an inn without a "
    "reference, misspelt name) is matched to nothing",
    ("corpus_fresh220", "amount_exact"): "21/22: XP007 (claim parts read, no total)",
    ("corpus_fresh220", "safe_cases_auto_applied"): "9/14: XP007 (above), XP010 and XP014 (PDF and XLSX totals with "
    "rival figures), XP022 (negative balances beside a cancelled limit) go to a human; XP021 is safe and held at "
    "matching",
    ("corpus_fresh224", "safe_cases_auto_applied"): "11/13: XT005 and XT026 are safe and held at matching (a mother's "
    "and a son's accounts at one provider)",
    ("corpus_fresh222", "amount_exact"): "20/21: XR007 (a contribution account set off to zero beside a refund paid "
    "out: the refund read, never safe; its label is settled)",
    ("corpus_fresh222", "noise_amounts_taken"): "XR007's 96,80, as above",
    ("corpus_fresh222", "safe_cases_auto_applied"): "7/11 by this corpus's theme (insurers): XR006 (a figure without a "
    "currency or label), XR008 and XR012 (totals named only by 'beträgt' / 'Betrag', one in a DOCX) and XR015 (a rival "
    "premium figure) go to a human",
}

MISSING = "<no shared corpus>"
# Corpora of our own, held to the same floors: corpus_alt (written against the first rules) and corpus_fresh
# (written blind, without reading the rules, to stand in for mail nobody here has seen), corpus_fresh2 (a second
# blind one, to another firm), corpus_fresh3 (a third blind one, to a third firm, with mail-program and format
# phenomena the first two did not probe), corpus_fresh4 (a fourth blind one: bank statements, a Swiss creditor,
# phone one-liners, forwarded internal notes), corpus_fresh5 (a fifth), corpus_fresh6 (a sixth: P.S. corrections,
# rough figures, tables that miss their total, two accounts, GroupWise and Lotus Notes mail), corpus_fresh7 (a
# seventh: credits, disputed claims, interest added in words, Swiss figures, references with a label in them),
# corpus_fresh8 and corpus_fresh9 (measured at first sight after all of session 10's first-round fixes),
# corpus_fresh10 and corpus_fresh11 (session 11's, measured at first sight before its fixes), corpus_fresh12 to
# corpus_fresh15 (written after them, one after the other), corpus_fresh16 (written at the end of session 11) and
# corpus_fresh17 to corpus_fresh20 (session 12's, each measured at first sight before its fixes), corpus_fresh21
# to corpus_fresh24 (session 13's), corpus_fresh25 to corpus_fresh30 (session 14's), corpus_fresh31 to
# corpus_fresh36 (session 15's), corpus_fresh37 to corpus_fresh46 (session 16's), corpus_fresh47 to corpus_fresh54
# (session 17's), corpus_fresh55 to corpus_fresh59 (session 18's), corpus_fresh60 to corpus_fresh64 (session 19's),
# corpus_fresh65 to corpus_fresh74 (session 20's), corpus_fresh75 to corpus_fresh83 (session 21's), corpus_fresh84 to
# corpus_fresh95 (session 22's), corpus_fresh96 to corpus_fresh111 (session 23's), corpus_fresh112 to corpus_fresh131
# (session 24's), corpus_fresh132 to corpus_fresh142 (session 25's), corpus_fresh143 to corpus_fresh158 (session 26's),
# corpus_fresh159 to corpus_fresh177 (session 27's), corpus_fresh178 to corpus_fresh189 (session 28's), corpus_fresh190
# to corpus_fresh204 (session 29's).
OWN_CORPORA = (Path(__file__).resolve().parents[1] / "fixtures").resolve()
OWN = ("corpus_alt", "corpus_fresh", "corpus_fresh2", "corpus_fresh3", "corpus_fresh4", "corpus_fresh5",
       "corpus_fresh6", "corpus_fresh7", "corpus_fresh8", "corpus_fresh9", "corpus_fresh10", "corpus_fresh11",
       "corpus_fresh12", "corpus_fresh13", "corpus_fresh14", "corpus_fresh15", "corpus_fresh16", "corpus_fresh17",
       "corpus_fresh18", "corpus_fresh19", "corpus_fresh20", "corpus_fresh21",
       "corpus_fresh22", "corpus_fresh23",
       "corpus_fresh24", "corpus_fresh25", "corpus_fresh26", "corpus_fresh27", "corpus_fresh28",
       "corpus_fresh29", "corpus_fresh30", "corpus_fresh31", "corpus_fresh32", "corpus_fresh33", "corpus_fresh34",
       "corpus_fresh35", "corpus_fresh36", "corpus_fresh37", "corpus_fresh38", "corpus_fresh39", "corpus_fresh40",
       "corpus_fresh41", "corpus_fresh42", "corpus_fresh43", "corpus_fresh44", "corpus_fresh45", "corpus_fresh46",
       "corpus_fresh47", "corpus_fresh48", "corpus_fresh49", "corpus_fresh50", "corpus_fresh51", "corpus_fresh52",
       "corpus_fresh53", "corpus_fresh54", "corpus_fresh55", "corpus_fresh56", "corpus_fresh57", "corpus_fresh58",
       "corpus_fresh59", "corpus_fresh60", "corpus_fresh61", "corpus_fresh62", "corpus_fresh63", "corpus_fresh64",
       "corpus_fresh65", "corpus_fresh66", "corpus_fresh67", "corpus_fresh68", "corpus_fresh69", "corpus_fresh70",
       "corpus_fresh71", "corpus_fresh72", "corpus_fresh73", "corpus_fresh74", "corpus_fresh75", "corpus_fresh76",
       "corpus_fresh77", "corpus_fresh78", "corpus_fresh79", "corpus_fresh80", "corpus_fresh81", "corpus_fresh82",
       "corpus_fresh83", "corpus_fresh84", "corpus_fresh85", "corpus_fresh86", "corpus_fresh87", "corpus_fresh88",
       "corpus_fresh89", "corpus_fresh90", "corpus_fresh91", "corpus_fresh92", "corpus_fresh93", "corpus_fresh94",
       "corpus_fresh95", "corpus_fresh96", "corpus_fresh97", "corpus_fresh98", "corpus_fresh99", "corpus_fresh100",
       "corpus_fresh101", "corpus_fresh102", "corpus_fresh103", "corpus_fresh104", "corpus_fresh105",
       "corpus_fresh106", "corpus_fresh107", "corpus_fresh108", "corpus_fresh109", "corpus_fresh110",
       "corpus_fresh111", "corpus_fresh112", "corpus_fresh113", "corpus_fresh114", "corpus_fresh115",
       "corpus_fresh116", "corpus_fresh117", "corpus_fresh118", "corpus_fresh119", "corpus_fresh120",
       "corpus_fresh121", "corpus_fresh122", "corpus_fresh123", "corpus_fresh124", "corpus_fresh125",
       "corpus_fresh126", "corpus_fresh127", "corpus_fresh128", "corpus_fresh129", "corpus_fresh130",
       "corpus_fresh131", "corpus_fresh132", "corpus_fresh133", "corpus_fresh134", "corpus_fresh135",
       "corpus_fresh136", "corpus_fresh137", "corpus_fresh138", "corpus_fresh139", "corpus_fresh140",
       "corpus_fresh141", "corpus_fresh142", "corpus_fresh143", "corpus_fresh144", "corpus_fresh145",
       "corpus_fresh146", "corpus_fresh147", "corpus_fresh148", "corpus_fresh149", "corpus_fresh150",
       "corpus_fresh151", "corpus_fresh152", "corpus_fresh153", "corpus_fresh154", "corpus_fresh155",
       "corpus_fresh156", "corpus_fresh157", "corpus_fresh158", "corpus_fresh159", "corpus_fresh160",
       "corpus_fresh161", "corpus_fresh162", "corpus_fresh163", "corpus_fresh164", "corpus_fresh165",
       "corpus_fresh166", "corpus_fresh167", "corpus_fresh168", "corpus_fresh169", "corpus_fresh170",
       "corpus_fresh171", "corpus_fresh172", "corpus_fresh173", "corpus_fresh174", "corpus_fresh175",
       "corpus_fresh176", "corpus_fresh177", "corpus_fresh178", "corpus_fresh179", "corpus_fresh180",
       "corpus_fresh181", "corpus_fresh182", "corpus_fresh183", "corpus_fresh184", "corpus_fresh185",
       "corpus_fresh186", "corpus_fresh187", "corpus_fresh188", "corpus_fresh189", "corpus_fresh190",
       "corpus_fresh191", "corpus_fresh192", "corpus_fresh193", "corpus_fresh194", "corpus_fresh195",
       "corpus_fresh196", "corpus_fresh197", "corpus_fresh198", "corpus_fresh199", "corpus_fresh200",
       "corpus_fresh201", "corpus_fresh202", "corpus_fresh203", "corpus_fresh204", "corpus_fresh205", "corpus_fresh206",
       "corpus_fresh207", "corpus_fresh208", "corpus_fresh209", "corpus_fresh210", "corpus_fresh211", "corpus_fresh212",
       "corpus_fresh213", "corpus_fresh214", "corpus_fresh215", "corpus_fresh216", "corpus_fresh217", "corpus_fresh218",
       "corpus_fresh219", "corpus_fresh220", "corpus_fresh221", "corpus_fresh222", "corpus_fresh223", "corpus_fresh224")


def first_round_corpora() -> list[str]:
    """Every folder of SHARED_CORPORA not excused above; a missing root yields one failing entry."""
    if not SHARED_CORPORA.is_dir():
        return [MISSING]
    return sorted(entry.name for entry in SHARED_CORPORA.iterdir()
                  if entry.is_dir() and entry.name not in NOT_FIRST_ROUND and not is_plan_corpus(entry)) + list(OWN)


def corpus_dir(corpus: str) -> Path:
    return OWN_CORPORA / corpus if corpus in OWN else SHARED_CORPORA / corpus


def _params() -> list[object]:
    params: list[object] = []
    for corpus in first_round_corpora():
        for column in FLOORS:
            reason = EXPECTED_FAILURES.get((corpus, column))
            marks = [pytest.mark.xfail(strict=False, reason=reason)] if reason else []
            params.append(pytest.param(corpus, column, id=f"{corpus}-{column}", marks=marks))
    return params


_reports: dict[str, EvalReport] = {}


def _report(corpus: str, workdir: Path) -> EvalReport:
    """One pipeline replay per corpus for all of its floors."""
    if corpus not in _reports:
        _reports[corpus] = run_pipeline_eval(corpus_dir(corpus), get_settings(), workdir)
    return _reports[corpus]


def holds(row: TableRow, column: str) -> bool:
    direction, bound = FLOORS[column]
    cell = getattr(row, column)
    assert cell is not None, f"{column} is empty: the replay scored no matching"
    if isinstance(cell, Share):
        value: float = cell.share if direction == "at least" else cell.part
    else:
        value = cell
    return value >= bound if direction == "at least" else value <= bound


@pytest.mark.parametrize(("corpus", "column"), _params())
def test_corpus_meets_its_floor(
    corpus: str, column: str, sqlite_database: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert corpus != MISSING, f"the shared corpora are missing: expected them at {SHARED_CORPORA}"
    report = _report(corpus, tmp_path_factory.mktemp(f"replay-{corpus}"))
    direction, bound = FLOORS[column]
    assert holds(table_row(report), column), (
        f"{corpus}: {column} must be {direction} {bound}\n{report_text(report)}")


# The creditor's reference is no column of issue 8's table; the firm files a claim under it, so it is held too.
REFERENCE_FLOOR = 0.95


# corpus → why its creditor references do not hold the floor yet (non-strict xfail, as above).
REFERENCE_EXPECTED_FAILURES: dict[str, str] = {
    "corpus_fresh205": "24/26: XA005, labelled with its kind in front ('VK 4410 2287 31'; the number alone is "
    "reported), and XA015 (a bank's answer for a client sent to another client's routing address: none reported)",
    "corpus_fresh178": "22/24: VZ015 and VZ026, labelled with their kind in front ('KZ 31.400.3105'); the number alone "
    "is reported",
    "corpus_fresh185": "26/28: WG006 (another client's figures in this thread: the thread's reference) and WG026 (a "
    "landlord's 'HR 771-30415' not read)",
    "corpus_fresh186": "21/25: WH003 and WH015 labelled with their kind in front ('VK 20 118 447'), WH016 (a "
    "grandmother's contract, as above) and WH017 (an agency's own file number reported)",
    "corpus_fresh170": "11/12: VR017 (a garage's reply under another client's thread: that thread's reference "
    "reported)",
    "corpus_fresh94": "19/24: its inquiries file references with their kind in front ('Kto. 120 455 803', 'KK-Konto "
    "8810 2294', 'Kd.-Nr. 508 640 117', 'KZ …') and its labels want them so where the reply writes the number alone "
    "(ST008, ST018, ST022, ST023: the number is reported and matched by); ST013 (two clients in one table) none",
    "corpus_fresh81": "20/22: SG010 (a dairy's 'Mitgl.-Nr. 114', three digits, not read) and SG022 (a collector "
    "answering on another file's thread: its own file number reported, the label wants the principal's account)",
    "corpus_fresh83": "20/22: SI021 (an agency's statement for another client sent on this client's thread: the "
    "thread's file is reported) and SI024 (a bank naming both contracts after the firm chose one: none reported)",
    "corpus_fresh75": "12/22: its inquiries file references with their label word ('Vertragskonto 3100 7724 05', "
    "'Kto. 0760 418 223') and its labels want the bare number in eight replies (the reference is reported as the "
    "inquiry has it, the number right); SA013 and SA014 write theirs only in a subject of their own, not found",
    "corpus_fresh68": "17/20: RT004 (a utility's 'VK 3004 1187 52' on file, the meter number reported), RT010 "
    "('KD 44190667' on file, reported without the 'KD') and RT022 (a lawyer's '37/70 VO', the invoice number "
    "reported); matched by them all the same",
    "corpus_fresh61": "15/17: RM002 and RM017 (a driving school's three-digit student number '418', echoed in the "
    "subject and written 'schüler-nr 418', is not reported; matched by the client and the sender all the same)",
    "corpus_fresh38": "16/20: QP003, QP016 and QP019 (the town's Kassenzeichen reported without the 'KZ' on file) and "
    "QP012 ('Mitgliedsnr. 1102' reported as '1102'); matched by them all the same",
    "corpus_fresh42": "17/18: QT015 (the stable's 'Box 7' only in the typed signature is not reported)",
    "corpus_fresh34": "19/21: QL008 and QL022 (the Sparkasse's account number is reported without the 'Kto.' on file; "
    "matched by it all the same)",
    "corpus_fresh31": "19/22: QI004 ('Mitglied 3318' in a phone mail), QI015 (the loan number only in the subject, "
    "written with a leading zero) and QI021 (the agency's file number only in its own subject) are not reported",
    "corpus_fresh32": "18/21: QJ003 ('Mitgliedsvertrag Nr. 5126' reported without the label on file), QJ012 (another "
    "client's account pasted in: its customer number is reported) and QJ017 (a creditor the firm never wrote to: "
    "its file number is reported) — the last two are about no letter of the client",
    "corpus_fresh16": "17/19: W007 (the client forwards the creditor's reminder, read as spam: no reference kept) and "
    "W014 (the inquiry has no reference; the shop's own customer number 'PH-KD 0107552' is not reported)",
    "corpus_fresh25": "18/19: QC006 (a private landlord's reference on file is the flat's address, 'Ihre Ref. "
    "Lindenweg 7, EG links' in the subject; an address is not read as a reference)",
    "corpus_fresh47": "19/21: QY008 ('Rechnung Nr. 2049-0388' reported without the 'Rg.' on file) and QY019 (a "
    "cooperative's 'Mitgl.-Nr. 0962 / WE 14-03' on file, '0962' reported); matched by them all the same",
    "corpus_fresh48": "19/21: QZ003 (the account number reported with the 'Kto.' the file leaves out) and QZ013 (a "
    "bank statement's row names the client's direct debit to another creditor with that creditor's reference: it is "
    "reported, and the match goes to a human as ambiguous)",
    "corpus_fresh49": "19/21: RA004 (a Jobcenter's 'BG 71403//0018842', '71403' reported) and RA016 (the "
    "Kassenzeichen reported without the 'KZ' on file)",
    "corpus_fresh54": "17/21: RF007 and RF016 (a studio's 'Mitgl.-Nr.' reported without its label, or not at all in a "
    "mail that names only the member), RF012 (the 'VK' on file left out) and RF021 (the loan number not reported)",
    "corpus_fresh17": "21/23: D008 (the mail's 'Rechnung Nr. 2027-118' is reported as '2027-118', the label 'Rg.' on "
    "file left out; matched by it all the same) and D023 (the inquiry has no reference; the painter's invoice "
    "number 'rg 2027-231' typed in lower case is not reported)",
    # session 24's blind corpora
    "corpus_fresh114": "24/26: TN011 (a mother's note, read as spam: no reference reported) and TN017 (the "
    "creditor's bare debtor number '10087', the inquiry has none)",
    "corpus_fresh116": "22/25: TP020 and TP026 (another number of the mail reported: a tax office's and an agency's "
    "own file) and TP023 (the 'VK' on file left out)",
    "corpus_fresh123": "19/21: TW012 (the wife's account number reported on a mail about her husband) and TW013 (a "
    "settled note's invoice number not reported)",
    "corpus_fresh137": "19/21: UK019 (the creditor puts the account number on file right; the label takes the "
    "corrected one, the reader the one on file) and UK023 (a lawyer's own file number, where the inquiry has none, "
    "not reported)",
    "corpus_fresh131": "22/24: UE022 (a spaced account number '8800 6021 77' not reported) and UE024 (a short "
    "member number 'M-1874' not reported)",
    "corpus_fresh152": "22/24: UZ014 (a cost file 'ZV 0688/36 Ko' not reported) and UZ018 (a lawyer's file '93/36 P' "
    "reported without its letter)",
    "corpus_fresh156": "22/25: VD009 and VD026 (a namesake's contract account reported instead of the customer number "
    "the label wants) and VD012 (an English system label, 'Customer ref.', not read)",
}


def _reference_params() -> list[object]:
    return [pytest.param(corpus, marks=[pytest.mark.xfail(strict=False, reason=REFERENCE_EXPECTED_FAILURES[corpus])])
            if corpus in REFERENCE_EXPECTED_FAILURES else corpus for corpus in first_round_corpora()]


@pytest.mark.parametrize("corpus", _reference_params())
def test_corpus_reads_the_creditor_reference(
    corpus: str, sqlite_database: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert corpus != MISSING, f"the shared corpora are missing: expected them at {SHARED_CORPORA}"
    report = _report(corpus, tmp_path_factory.mktemp(f"replay-{corpus}"))
    assert report.reference_accuracy >= REFERENCE_FLOOR, (
        f"{corpus}: creditor reference right in {report.reference_correct}/{report.reference_emails}\n"
        f"{report_text(report)}")


def test_the_floor_tables_name_only_real_corpora_and_columns() -> None:
    corpora = set(first_round_corpora())
    stale = [key for key in EXPECTED_FAILURES if key[0] not in corpora or key[1] not in FLOORS]
    stale += [(name, "reference") for name in REFERENCE_EXPECTED_FAILURES if name not in corpora]
    assert not stale, f"expected failures for no corpus or floor: {stale}"
    assert all((SHARED_CORPORA / name).is_dir() for name in NOT_FIRST_ROUND), "an excused corpus is gone"
    assert all((OWN_CORPORA / name / "corpus.json").is_file() for name in OWN), "one of our own corpora is gone"
    assert {"dev", "hollmann-adeyemi", "rieger-kaminski"} <= corpora, f"first-round corpora found: {sorted(corpora)}"
