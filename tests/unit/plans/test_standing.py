"""Where a client's settlement plan stands, computed by hand: heads k of n, agreed claims, the outcome of the
out-of-court attempt and the § 309 InsO verdict, including ties at exactly half and claims without a figure."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from app.services.plans.offer import PlanOffer
from app.services.plans.standing import CurrentDecision, PlanLetter, Standing, assess, firm_today

TODAY = date(2027, 3, 1)
OFFER = PlanOffer(type="one_off", offer_amount=Decimal("50.00"), reply_by=date(2027, 2, 15))


def letter(name: str, claim: str | None, offer: PlanOffer | None = OFFER) -> PlanLetter:
    return PlanLetter(inquiry_id=f"PL-{name}", creditor_name=name, claim=None if claim is None else Decimal(claim),
                      offer=offer)


def said(decision: str, **figures: str) -> CurrentDecision:
    return CurrentDecision(decision=decision, effective_at=datetime(2027, 2, 10, 9, tzinfo=UTC),
                           actor_kind="reviewer", decided_by="Frau Quandt",
                           counter_offer={k: Decimal(v) for k, v in figures.items()} or None)


def standing(*rows: tuple[str, str | None, CurrentDecision | None]) -> Standing:
    return assess("KT-1", "Rieke Sommerfeld", [(letter(name, claim), current) for name, claim, current in rows],
                  TODAY)


def test_when_every_creditor_accepts_the_plan_is_accepted_and_court_replacement_holds() -> None:
    result = standing(("Alpha", "1000.00", said("accepted")), ("Beta", "500.00", said("accepted")))
    assert result.outcome == "accepted"
    assert not result.certificate_of_failure
    assert result.outstanding == () and result.refused == ()
    r = result.replacement
    assert (r.possible, r.heads_agreed, r.heads_total) == (True, 2, 2)
    assert (r.claims_agreed, r.claims_total, r.claims_percent, r.heads_percent) == (
        Decimal("1500.00"), Decimal("1500.00"), Decimal("100.00"), Decimal("100.00"))


def test_one_decline_fails_the_attempt_and_allows_the_certificate_of_failure() -> None:
    result = standing(("Alpha", "3000.00", said("accepted")), ("Beta", "200.00", said("accepted")),
                      ("Gamma", "100.00", said("declined")))
    assert result.outcome == "failed"
    assert result.certificate_of_failure
    assert result.refused == ("Gamma (PL-Gamma)",)
    assert "§ 305 Abs. 1 Nr. 1 InsO" in result.reasons[0]
    # 2 of 3 heads and 3200 of 3300 in claims: the court may replace Gamma's consent.
    assert result.replacement.possible is True
    assert result.replacement.claims_percent == Decimal("96.97")


def test_a_counter_offer_not_taken_fails_the_attempt_and_keeps_its_figures() -> None:
    result = standing(("Alpha", "800.00", said("accepted")),
                      ("Beta", "400.00", said("counter_offer", offer_amount="120.00")))
    assert result.outcome == "failed"
    assert result.refused == ("Beta (PL-Beta)",)
    beta = result.creditors[1]
    assert beta.current is not None and beta.current.counter_offer == {"offer_amount": Decimal("120.00")}
    # 1 of 2 heads is exactly half: no replacement although the claims are two thirds.
    assert result.replacement.possible is False


def test_unanswered_unclear_and_needs_info_leave_the_attempt_pending_and_name_who_is_outstanding() -> None:
    result = standing(("Alpha", "100.00", said("accepted")), ("Beta", "100.00", None),
                      ("Gamma", "100.00", said("needs_info")), ("Delta", "100.00", said("unclear")))
    assert result.outcome == "pending"
    assert result.outstanding == ("Beta (PL-Beta)", "Gamma (PL-Gamma)", "Delta (PL-Delta)")
    assert not result.certificate_of_failure
    assert "waiting for Beta" in result.reasons[0]


def test_exactly_half_of_the_heads_is_not_more_than_half() -> None:
    result = standing(("Alpha", "900.00", said("accepted")), ("Beta", "900.00", said("accepted")),
                      ("Gamma", "100.00", said("declined")), ("Delta", "100.00", None))
    r = result.replacement
    assert (r.heads_agreed, r.heads_total, r.heads_percent) == (2, 4, Decimal("50.00"))
    assert r.claims_agreed * 2 > r.claims_total  # 1800 of 2000: the claims alone would carry it
    assert r.possible is False
    assert "not more than half" in r.reasons[0]


def test_claims_of_exactly_half_are_not_more_than_half() -> None:
    result = standing(("Alpha", "600.00", said("accepted")), ("Beta", "200.00", said("accepted")),
                      ("Gamma", "800.00", said("declined")))
    r = result.replacement
    assert (r.heads_agreed, r.heads_total) == (2, 3)
    assert (r.claims_agreed, r.claims_total, r.claims_percent) == (Decimal("800.00"), Decimal("1600.00"),
                                                                    Decimal("50.00"))
    assert r.possible is False


def test_a_cent_more_than_half_of_the_claims_is_enough() -> None:
    result = standing(("Alpha", "600.01", said("accepted")), ("Beta", "200.00", said("accepted")),
                      ("Gamma", "800.00", said("declined")))
    assert result.replacement.possible is True


def test_an_agreeing_creditor_without_a_figure_counts_as_a_head_and_cannot_hurt_the_claims() -> None:
    # Known: 700 agreed vs 300 not agreed; the unknown agreeing claim only adds to the agreed side.
    result = standing(("Alpha", "700.00", said("accepted")), ("Beta", None, said("accepted")),
                      ("Gamma", "300.00", said("declined")))
    r = result.replacement
    assert (r.heads_agreed, r.heads_total, r.unknown_agreed, r.unknown_other) == (2, 3, 1, 0)
    assert (r.claims_agreed, r.claims_total) == (Decimal("700.00"), Decimal("1000.00"))
    assert r.possible is True


def test_an_agreeing_creditor_without_a_figure_might_tip_claims_that_are_short() -> None:
    # Known: 300 agreed vs 700 not agreed; Beta's unknown claim would have to exceed 400.
    result = standing(("Alpha", "300.00", said("accepted")), ("Beta", None, said("accepted")),
                      ("Gamma", "700.00", said("declined")))
    assert result.replacement.possible is None
    assert "1 claim without a figure" in result.replacement.reasons[1]


def test_a_tie_on_the_known_claims_stays_open_while_an_agreeing_claim_has_no_figure() -> None:
    # 500 vs 500: a positive figure for Beta would carry it, a nil one would not; we do not assume either.
    result = standing(("Alpha", "500.00", said("accepted")), ("Beta", None, said("accepted")),
                      ("Gamma", "500.00", said("declined")))
    assert result.replacement.possible is None


def test_a_non_agreeing_creditor_without_a_figure_leaves_the_claims_undecided() -> None:
    # Known 900 agreed vs 100 not agreed, but Delta's unknown claim could be any size.
    result = standing(("Alpha", "500.00", said("accepted")), ("Beta", "400.00", said("accepted")),
                      ("Gamma", "100.00", said("accepted")), ("Delta", None, None))
    r = result.replacement
    assert (r.heads_agreed, r.heads_total, r.unknown_other) == (3, 4, 1)
    assert r.possible is None


def test_a_non_agreeing_creditor_without_a_figure_cannot_save_claims_that_already_fall_short() -> None:
    result = standing(("Alpha", "100.00", said("accepted")), ("Beta", "100.00", said("accepted")),
                      ("Gamma", "500.00", said("declined")), ("Delta", None, None), ("Epsilon", "50.00",
                                                                                        said("accepted")))
    assert result.replacement.heads_agreed == 3
    assert result.replacement.possible is False


def test_failing_heads_decide_even_while_claim_figures_are_missing() -> None:
    result = standing(("Alpha", "5000.00", said("accepted")), ("Beta", None, None), ("Gamma", None, None))
    assert result.replacement.possible is False


def test_only_unknown_figures_give_no_claims_percentage() -> None:
    result = standing(("Alpha", None, said("accepted")), ("Beta", None, said("accepted")))
    r = result.replacement
    assert (r.claims_total, r.claims_percent) == (Decimal("0"), None)
    assert r.possible is None  # nil claims are possible, so the claims test cannot be certain


@pytest.mark.parametrize(("current", "today", "overdue"), [
    (None, date(2027, 2, 15), False),  # the reply-by day itself is still in time
    (None, date(2027, 2, 16), True),
    (said("needs_info"), date(2027, 2, 16), False),  # a recorded answer is not overdue
])
def test_a_letter_is_overdue_only_without_any_decision_after_its_reply_by_day(
        current: CurrentDecision | None, today: date, overdue: bool) -> None:
    result = assess("KT-1", "Rieke Sommerfeld", [(letter("Alpha", "10.00"), current)], today)
    assert result.creditors[0].overdue is overdue


def test_a_letter_without_a_reply_by_day_is_never_overdue() -> None:
    no_deadline = PlanOffer(type="zero")
    result = assess("KT-1", "Rieke Sommerfeld", [(letter("Alpha", "10.00", no_deadline), None)], TODAY)
    assert result.creditors[0].overdue is False


def test_the_firms_day_is_the_german_calendar_day() -> None:
    assert firm_today(datetime(2027, 2, 15, 23, 30, tzinfo=UTC)) == date(2027, 2, 16)
    assert firm_today(datetime(2027, 7, 15, 21, 59, tzinfo=UTC)) == date(2027, 7, 15)


def test_the_outcome_names_who_declined_and_whose_counter_offer_was_not_taken() -> None:
    result = standing(("Alpha", "800.00", said("declined")),
                      ("Beta", "400.00", said("counter_offer", monthly_rate="9.00")))
    assert result.reasons[0].startswith("declined by Alpha (PL-Alpha); counter-offer not taken from Beta (PL-Beta)")
