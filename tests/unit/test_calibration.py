"""Calibration reads the reasons the rules write: each names its rule (and, for a threshold, the figure
compared with it); relaxing a threshold counts the reviews it alone opened and the wrong writes among the
decided ones."""

from __future__ import annotations

from decimal import Decimal

from app.config import Settings
from app.models import Inquiry
from app.services import calibration
from app.services.extraction.result import ExtractionResult
from app.services.matching import gate
from app.services.matching.decide import decide
from app.services.matching.score import Scored


def scored(ident: str, confidence: float) -> Scored:
    inquiry = Inquiry(external_id=ident, client_name=f"Client {ident}", firm_reference=f"AB-2026-{ident[-1]}000",
                      creditor_name="Nordbank AG", firm_reference_key=f"ab2026{ident[-1]}000",
                      client_name_key=f"client{ident.lower()}")
    return Scored(inquiry, (), 50, 50, confidence, 0.0)


def test_the_match_reasons_name_their_threshold_and_figure() -> None:
    decision = decide([scored("INQ-1", 0.72), scored("INQ-2", 0.65)], Settings(match_ambiguity_margin=0.2))
    rules = [calibration.rule_of(reason) for reason in decision.reasons]
    assert calibration.Reason("match_auto_threshold", 0.72) in rules
    assert calibration.Reason("match_ambiguity_margin", 0.06) in rules  # gap 0.07: a margin of 0.06 clears it


def test_amount_and_intent_reasons_name_their_rule() -> None:
    jump = gate.amount_doubts(ExtractionResult(intent="debt_statement", intent_reasons=[], intent_confidence=0.9,
                                               total_amount=Decimal("1236.42"),
                                               amount_is_safe=True, total_corroborated=True),
                              Decimal("412.80"), None, Decimal("0.25"))
    assert [calibration.rule_of(r) for r in jump] == [calibration.Reason("claim_jump_limit", 2.0)]
    for intent, text in gate.HUMAN_INTENTS.items():
        assert calibration.rule_of(text).rule == f"intent_{intent}"
    assert calibration.rule_of("something no rule writes").rule == "other"


def case(rule: str, value: float, *, decided: bool = True, confirmed: bool = True, gates: bool = True,
         extra: str | None = None) -> calibration.Case:
    reasons = [calibration.Reason(rule, value)] + ([calibration.Reason(extra)] if extra else [])
    return calibration.Case(tuple(reasons), decided, confirmed, gates)


def test_relaxing_stops_before_the_first_wrong_write() -> None:
    cases = [case("match_auto_threshold", 0.75), case("match_auto_threshold", 0.70),
             case("match_auto_threshold", 0.72, decided=False, confirmed=False),
             case("match_auto_threshold", 0.60, confirmed=False),
             case("match_auto_threshold", 0.78, extra="name_conflict"),  # not this threshold's alone
             case("match_auto_threshold", 0.79, gates=False)]  # the amount gates would have stopped it anyway
    report = calibration.relax(calibration.THRESHOLDS[0], 0.8, cases)
    assert [(c.value, c.removed, c.removed_decided, c.wrong_writes) for c in report.candidates] == [
        (0.75, 1, 1, 0), (0.72, 2, 1, 0), (0.70, 3, 2, 0), (0.60, 4, 3, 1)]
    assert (report.safe_value, report.removed_at_safe) == (0.70, 3)


def test_a_limit_is_relaxed_upwards_and_may_have_no_safe_value() -> None:
    jump = calibration.THRESHOLDS[2]
    report = calibration.relax(jump, 0.25, [case("claim_jump_limit", 0.4, confirmed=False),
                                            case("claim_jump_limit", 0.9)])
    assert [c.value for c in report.candidates] == [0.4, 0.9]
    assert report.safe_value is None and report.removed_at_safe == 0


def test_rules_are_counted_with_sole_cause_and_confirmations() -> None:
    counted = {r.rule: r for r in calibration.count_rules([
        case("claim_jump_limit", 0.5), case("claim_jump_limit", 0.5, confirmed=False, extra="ocr_total"),
        case("claim_jump_limit", 0.3, decided=False)])}
    jump = counted["claim_jump_limit"]
    assert (jump.reviews, jump.sole_cause, jump.decided, jump.confirmed, jump.confirm_rate) == (3, 2, 2, 1, 0.5)
    assert counted["ocr_total"].reviews == 1
