"""From scores to a decision, and from a decision to a write: conflicts, near ties and doubtful
amounts go to a human; automatic replies never touch a claim."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.config import Settings
from app.models import Inquiry
from app.services.extraction.result import Evidence, ExtractionResult
from app.services.inquiries import InquiryFields, apply_fields
from app.services.matching.decide import Decision, decide
from app.services.matching.gate import judge
from app.services.matching.score import Scored, grant_names_alone, grant_surname_from_the_creditor
from app.services.matching.signals import Signal

SETTINGS = Settings(match_auto_threshold=0.8, match_review_threshold=0.4, match_ambiguity_margin=0.2,
                    claim_jump_limit=Decimal("0.25"))


def inquiry(ident: str, client: str, creditor_email: str = "forderung@bank.example", **extra: Any) -> Inquiry:
    data = InquiryFields(id=ident, client_name=client, firm_reference=extra.pop("firm_reference", f"BS-{ident}"),
                         creditor_name=extra.pop("creditor_name", "Bank AG"), creditor_email=creditor_email, **extra)
    row = Inquiry(external_id=ident)
    apply_fields(row, data)
    return row


def scored(row: Inquiry, confidence: float, name_score: float = 0.0, *signals: Signal) -> Scored:
    return Scored(row, tuple(signals), 60, 45, confidence, name_score)


def test_a_clear_best_candidate_is_matched_automatically() -> None:
    decision = decide([scored(inquiry("A", "Anna Alt"), 1.0), scored(inquiry("B", "Bert Bein"), 0.3)], SETTINGS)
    assert (decision.status, decision.best and decision.best.inquiry.external_id) == ("auto_matched", "A")


def test_two_candidates_close_together_go_to_review() -> None:
    decision = decide([scored(inquiry("A", "Anna Alt"), 0.95), scored(inquiry("B", "Bert Bein"), 0.9)], SETTINGS)
    assert decision.status == "needs_review"
    assert any("ambiguous" in reason for reason in decision.reasons)
    assert decision.confidence < SETTINGS.match_auto_threshold


def test_weak_evidence_is_no_match() -> None:
    decision = decide([scored(inquiry("A", "Anna Alt"), 0.2)], SETTINGS)
    assert (decision.status, decision.best) == ("no_match", None)


def test_middling_evidence_goes_to_review() -> None:
    decision = decide([scored(inquiry("A", "Anna Alt"), 0.6)], SETTINGS)
    assert decision.status == "needs_review"


def test_a_conflicting_signal_on_the_best_candidate_goes_to_review() -> None:
    conflict = Signal("birth_date_other", -40, 0, "states a different birth date", conflict=True)
    decision = decide([scored(inquiry("A", "Anna Alt"), 0.9, 0.0, conflict)], SETTINGS)
    assert decision.status == "needs_review"
    assert "different birth date" in decision.reasons[0]


def test_a_similar_client_at_the_same_creditor_whose_name_fits_as_well_goes_to_review() -> None:
    best = scored(inquiry("A", "Katrin Lorentzen", firm_reference="BS-2"), 1.0, 96.8)
    rival = scored(inquiry("B", "Kathrin Lorenzen", firm_reference="BS-1"), 0.3, 96.8)
    decision = decide([best, rival], SETTINGS)
    assert decision.status == "needs_review"
    assert any("name conflict" in reason for reason in decision.reasons)


def test_an_exactly_written_name_settles_the_similar_clients() -> None:
    best = scored(inquiry("A", "Kathrin Lorenzen", firm_reference="BS-1"), 1.0, 100.0)
    rival = scored(inquiry("B", "Katrin Lorentzen", firm_reference="BS-2"), 0.3, 93.8)
    assert decide([best, rival], SETTINGS).status == "auto_matched"


def test_a_birth_date_of_only_the_best_client_settles_the_similar_clients() -> None:
    born = Signal("birth_date", 20, 0, "states the client's birth date")
    best = scored(inquiry("A", "Katrin Lorentzen", client_birth_date=date(1983, 2, 5)), 1.0, 96.8, born)
    rival = scored(inquiry("B", "Kathrin Lorenzen", client_birth_date=date(1981, 9, 17)), 0.3, 96.8)
    assert decide([best, rival], SETTINGS).status == "auto_matched"


def test_similar_names_at_different_creditors_are_no_conflict() -> None:
    best = scored(inquiry("A", "Katrin Lorentzen"), 1.0, 96.8)
    rival = scored(inquiry("B", "Kathrin Lorenzen", creditor_email="a@other.example"), 0.1, 96.8)
    assert decide([best, rival], SETTINGS).status == "auto_matched"


def extraction(intent: str = "debt_statement", total: str | None = "100.00", safe: bool = True,
               part: str = "reply", corroborated: bool = True) -> ExtractionResult:
    evidence = Evidence(source="body", part=part, location="line 3", text="Gesamt") if total else None  # type: ignore[arg-type]
    return ExtractionResult(intent=intent, intent_reasons=["test"], intent_confidence=1.0,  # type: ignore[arg-type]
                            total_amount=Decimal(total) if total else None, total_evidence=evidence,
                            amount_is_safe=safe, total_corroborated=corroborated)


def matched() -> Decision:
    best = scored(inquiry("A", "Anna Alt"), 1.0)
    return Decision("auto_matched", best, 1.0, (), (best,))


def test_a_clean_debt_statement_within_the_limit_is_applied() -> None:
    assert judge(matched(), extraction(total="120.00"), Decimal("100.00"), None, SETTINGS).action == "apply"


@pytest.mark.parametrize(("total", "known", "current"), [
    ("126.00", "100.00", None), ("74.00", "100.00", None), ("300.00", "100.00", None), ("150.00", "100.00", "140"),
    ("100.00", "100.00", "60.00"),
])
def test_a_jump_beyond_the_limit_against_the_known_or_current_amount_goes_to_review(
        total: str, known: str, current: str | None) -> None:
    verdict = judge(matched(), extraction(total=total), Decimal(known), Decimal(current) if current else None,
                    SETTINGS)
    assert verdict.action == "review"
    assert "%" in verdict.reasons[0]


def test_without_a_known_amount_a_corroborated_total_has_no_jump_to_guard() -> None:
    assert judge(matched(), extraction(total="1810.97"), None, None, SETTINGS).action == "apply"


@pytest.mark.parametrize(("intent", "action"), [
    # (mail read as spam that matches a letter goes to a human: gate.MATCHED_SPAM)
    ("auto_reply", "ignore"), ("spam", "review"), ("payment_plan", "review"), ("settled", "review"),
    ("rejection", "review"), ("inquiry", "review"),
])
def test_other_intents_never_write_the_claim(intent: str, action: str) -> None:
    assert judge(matched(), extraction(intent=intent, total="100.00"), Decimal("100"), None, SETTINGS).action == action


def test_an_unsafe_amount_goes_to_review() -> None:
    verdict = judge(matched(), extraction(safe=False), Decimal("100"), None, SETTINGS)
    assert verdict.action == "review"


def test_an_amount_read_from_quoted_text_goes_to_review() -> None:
    verdict = judge(matched(), extraction(part="quoted"), Decimal("100"), None, SETTINGS)
    assert (verdict.action, verdict.reasons) == ("review", ("total read from quoted text",))


def test_a_zero_total_closing_the_claim_goes_to_review() -> None:
    assert judge(matched(), extraction(total="0.00"), Decimal("100"), None, SETTINGS).action == "review"


def test_a_debt_statement_without_a_confident_match_goes_to_review() -> None:
    best = scored(inquiry("A", "Anna Alt"), 0.6)
    decision = Decision("needs_review", best, 0.6, ("confidence 0.60 below 0.80",), (best,))
    assert judge(decision, extraction(), Decimal("100"), None, SETTINGS).action == "review"


def test_an_automatic_reply_is_ignored_even_without_a_match() -> None:
    decision = Decision("no_match", None, 0.0, ("no inquiry fits",), ())
    assert judge(decision, extraction(intent="auto_reply"), None, None, SETTINGS).action == "ignore"


def _never() -> Decimal | None:
    raise AssertionError("the current amount was read although no amount is compared")


def test_the_current_amount_is_read_only_when_the_amounts_are_compared() -> None:
    best = scored(inquiry("A", "Anna Alt"), 0.6)
    decision = Decision("needs_review", best, 0.6, ("confidence 0.60 below 0.80",), (best,))
    assert judge(decision, extraction(), Decimal("100"), _never, SETTINGS).action == "review"
    assert judge(matched(), extraction(intent="settled"), Decimal("100"), _never, SETTINGS).action == "review"
    assert judge(matched(), extraction(intent="auto_reply"), Decimal("100"), _never, SETTINGS).action == "ignore"


def test_a_current_amount_given_as_a_function_guards_the_jump_like_a_value() -> None:
    verdict = judge(matched(), extraction(total="100.00"), Decimal("100"), lambda: Decimal("60.00"), SETTINGS)
    assert verdict.action == "review" and "against the current amount" in verdict.reasons[0]
    assert judge(matched(), extraction(total="100.00"), Decimal("100"), lambda: None, SETTINGS).action == "apply"


SURNAME = Signal("client_surname", 12, 0, "names the client's surname only")
OWN_ADDRESS = Signal("sender_address", 0, 45, "sent from the address the inquiry went to")


def surname_only(row: Inquiry, *extra: Signal) -> Scored:
    signals = (SURNAME, OWN_ADDRESS, *extra)
    client, creditor = sum(s.client for s in signals), sum(s.creditor for s in signals)
    return Scored(row, signals, client, creditor, round(min(client / 60, 1) * min(creditor / 45, 1), 3), 0.0)


def test_a_surname_written_from_the_creditors_own_address_is_shown_to_a_human_not_matched() -> None:
    ranked = grant_surname_from_the_creditor([surname_only(inquiry("A", "Dora Kleinschmidt"))])
    assert ranked[0].confidence == 0.4
    assert "client_surname_from_creditor" in {s.code for s in ranked[0].signals}
    decision = decide(ranked, SETTINGS)
    assert (decision.status, decision.best and decision.best.inquiry.external_id) == ("needs_review", "A")


def test_the_surname_counts_again_only_when_nothing_else_names_the_client() -> None:
    reference = Signal("creditor_reference", 40, 50, "names the creditor reference")
    before = surname_only(inquiry("A", "Dora Kleinschmidt"), reference)
    assert grant_surname_from_the_creditor([before]) == [before]


def test_two_clients_of_one_surname_at_the_creditor_get_nothing_more() -> None:
    spouses = [surname_only(inquiry("A", "Dora Kleinschmidt")), surname_only(inquiry("B", "Udo Kleinschmidt"))]
    assert grant_surname_from_the_creditor(spouses) == spouses
    assert decide(spouses, SETTINGS).status == "no_match"


FULL_NAME = Signal("client_name", 30, 0, "names the client")
CREDITOR_NAMED = Signal("creditor_name", 0, 30, "names the creditor")


def names_only(row: Inquiry, *extra: Signal) -> Scored:
    signals = (FULL_NAME, CREDITOR_NAMED, *extra)
    client, creditor = sum(s.client for s in signals), sum(s.creditor for s in signals)
    return Scored(row, signals, client, creditor, round(min(client / 60, 1) * min(creditor / 45, 1), 3), 0.0)


def test_the_client_and_the_creditor_named_and_nothing_else_are_shown_to_a_human_not_matched() -> None:
    ranked = grant_names_alone([names_only(inquiry("A", "Reinold Drögemöller"))])
    assert ranked[0].confidence == 0.4
    assert decide(ranked, SETTINGS).status == "needs_review"


def test_names_alone_fitting_two_clients_grant_nothing() -> None:
    ranked = grant_names_alone([names_only(inquiry("A", "Reinold Drögemöller")),
                                names_only(inquiry("B", "Renate Drögemöller"))])
    assert [s.confidence for s in ranked] == [0.333, 0.333]


def test_names_beside_other_evidence_are_not_granted_more() -> None:
    routed = Signal("routing_id", 35, 0, "sent to the client's routing address")
    ranked = grant_names_alone([names_only(inquiry("A", "Reinold Drögemöller"), routed)])
    assert "names_alone" not in {s.code for s in ranked[0].signals}
