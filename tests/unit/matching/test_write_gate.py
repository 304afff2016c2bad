"""The write gate, stricter: a total read by OCR, an uncorroborated total with nothing on file, another
intent than a debt statement, or a name that is not the matched client's → a human, with the reason."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from app.config import Settings
from app.models import Inquiry
from app.services.extraction.result import Evidence, ExtractionResult, NameFound, ReferenceFound
from app.services.inquiries import InquiryFields, apply_fields
from app.services.matching.decide import Decision
from app.services.matching.gate import judge
from app.services.matching.score import Scored
from app.services.matching.signals import Signal

SETTINGS = Settings(match_auto_threshold=0.8, match_review_threshold=0.4, match_ambiguity_margin=0.2,
                    claim_jump_limit=Decimal("0.25"))


def inquiry(ident: str, client: str, firm_reference: str) -> Inquiry:
    data = InquiryFields(id=ident, client_name=client, firm_reference=firm_reference,
                         creditor_name="Mobilfunk Weserland AG", creditor_email="inkasso@weserland.example")
    row = Inquiry(external_id=ident)
    apply_fields(row, data)
    return row


def matched(row: Inquiry, *codes: str, others: tuple[Inquiry, ...] = ()) -> Decision:
    best = Scored(row, tuple(Signal(code, 30, 0, code) for code in codes), 60, 45, 1.0, 100.0)
    ranked = (best, *(Scored(other, (), 10, 45, 0.1, 50.0) for other in others))
    return Decision("auto_matched", best, 1.0, (), ranked)


def statement(total: str = "640.00", **fields: Any) -> ExtractionResult:
    values: dict[str, Any] = {
        "intent": "debt_statement", "intent_reasons": ["test"], "intent_confidence": 1.0,
        "total_amount": Decimal(total), "amount_is_safe": True, "total_corroborated": True,
        "total_evidence": Evidence(source="body", part="reply", location="line 4", text="Saldo"),
    }
    values.update(fields)
    return ExtractionResult(**values)


def client_named(value: str, confidence: float = 0.85) -> NameFound:
    return NameFound(value=value, role="client", confidence=confidence,
                     evidence=Evidence(source="body", part="reply", location="line 2", text=value))


ROLOFF = inquiry("Q-1", "Fenna Roloff", "AZ-11")


def test_a_total_read_only_by_ocr_goes_to_review() -> None:
    verdict = judge(matched(ROLOFF), statement(total_from_ocr=True), Decimal("600"), None, SETTINGS)
    assert verdict.action == "review"
    assert any("OCR" in reason for reason in verdict.reasons)


def test_without_an_amount_on_file_only_a_corroborated_total_is_written() -> None:
    loose = judge(matched(ROLOFF), statement(total_corroborated=False), None, None, SETTINGS)
    backed = judge(matched(ROLOFF), statement(), None, None, SETTINGS)
    assert (loose.action, backed.action) == ("review", "apply")
    assert any("not corroborated" in reason for reason in loose.reasons)


@pytest.mark.parametrize(("known", "current"), [(Decimal("600"), None), (None, Decimal("610"))])
def test_an_amount_on_file_lets_an_uncorroborated_safe_total_through_the_jump_check(
        known: Decimal | None, current: Decimal | None) -> None:
    verdict = judge(matched(ROLOFF), statement(total_corroborated=False), known, current, SETTINGS)
    assert verdict.action == "apply"


def test_an_instalment_offer_never_writes_even_with_a_clean_total() -> None:
    verdict = judge(matched(ROLOFF), statement(intent="payment_plan"), Decimal("640"), None, SETTINGS)
    assert verdict.action == "review"


def test_a_reply_naming_another_client_goes_to_review_with_the_reason() -> None:
    other = inquiry("Q-2", "Fenja Roloff", "AZ-12")
    extraction = statement(names=[client_named("Fenja Roloff")])
    verdict = judge(matched(ROLOFF, "firm_reference"), extraction, Decimal("600"), None, SETTINGS,
                    namesakes=[other])
    assert verdict.action == "review"
    assert verdict.reasons == ("name conflict: the text names 'Fenja Roloff' (reply), the name of another "
                               "client, Fenja Roloff (AZ-12), not Fenna Roloff",)


def test_the_ranked_candidates_count_as_other_clients_too() -> None:
    other = inquiry("Q-2", "Fenja Roloff", "AZ-12")
    extraction = statement(names=[client_named("Fenja Roloff", 0.6)])
    verdict = judge(matched(ROLOFF, "firm_reference", others=(other,)), extraction, Decimal("600"), None, SETTINGS)
    assert verdict.action == "review"


def test_the_name_reason_joins_the_reasons_of_an_unsure_match_and_of_another_intent() -> None:
    extraction = statement(intent="settled", total="0.00", names=[client_named("Gerda Roloff")])
    best = Scored(ROLOFF, (), 40, 45, 0.6, 90.0)
    unsure = Decision("needs_review", best, 0.6, ("confidence 0.60 below 0.80",), (best,))
    verdict = judge(unsure, extraction, Decimal("600"), None, SETTINGS)
    assert verdict.action == "review"
    assert verdict.reasons[0] == "confidence 0.60 below 0.80"
    assert any("another first name" in reason for reason in verdict.reasons[1:])


def test_the_clients_own_name_in_another_spelling_still_applies() -> None:
    extraction = statement(names=[client_named("ROLOFF, FENNA"), client_named("Roloff", 0.35)])
    assert judge(matched(ROLOFF), extraction, Decimal("600"), None, SETTINGS).action == "apply"


def with_account(ident: str, reference: str) -> Inquiry:
    data = InquiryFields(id=ident, client_name="Fenna Roloff", firm_reference="AZ-11", creditor_reference=reference,
                         creditor_name="Mobilfunk Weserland AG", creditor_email="inkasso@weserland.example")
    row = Inquiry(external_id=ident)
    apply_fields(row, data)
    return row


def written(*values: str) -> list[ReferenceFound]:
    return [ReferenceFound(value=value, owner="creditor", kind="account", label="Kundenkonto", confidence=0.9,
                           evidence=Evidence(source="body", part="reply", location="line 3", text=value))
            for value in values]


MOBILE, LANDLINE = with_account("Q-7", "MW 41 0087"), with_account("Q-8", "MW 41 0093")


def test_a_mail_that_names_only_the_other_letters_account_goes_to_review() -> None:
    verdict = judge(matched(MOBILE, others=(LANDLINE,)), statement(references=written("MW-41-0093")),
                    Decimal("600"), None, SETTINGS)
    assert verdict.action == "review"
    assert any("another letter's reference" in reason for reason in verdict.reasons)


@pytest.mark.parametrize("values", [("MW 410087",), ("MW 41 0087", "MW 41 0093"), ()])
def test_a_mail_that_names_its_own_account_or_none_may_be_written(values: tuple[str, ...]) -> None:
    verdict = judge(matched(MOBILE, others=(LANDLINE,)), statement(references=written(*values)),
                    Decimal("600"), None, SETTINGS)
    assert verdict.action == "apply"


def files(*values: str, kind: str = "file_number", part: str = "reply") -> list[ReferenceFound]:
    return [ReferenceFound(value=value, owner="creditor", kind=kind, label="Akte", confidence=0.9,  # type: ignore[arg-type]
                           evidence=Evidence(source="body", part=part, location="line 3", text=value))  # type: ignore[arg-type]
            for value in values]


COLLECTION = with_account("Q-9", "KB-R-440172")


def test_a_reply_about_another_file_of_the_same_kind_goes_to_review() -> None:
    references = [*files("KB-R-440172", part="subject"), *files("KB-R-440518")]
    verdict = judge(matched(COLLECTION), statement(references=references), Decimal("600"), None, SETTINGS)
    assert verdict.action == "review"
    assert any("another file of the same kind (KB-R-440518)" in reason for reason in verdict.reasons)


@pytest.mark.parametrize("references", [
    files("KB-R-440172", "KB-R-440518"),  # its own file named beside the other
    files("KB-R-440518", kind="invoice"),  # another bill of the claim
    files("2031/4471"),  # a number of another shape
    files("KB-R-440518", part="quoted"),  # only in the quoted letter
])
def test_a_reply_naming_its_own_file_or_no_other_of_its_kind_may_be_written(
        references: list[ReferenceFound]) -> None:
    verdict = judge(matched(COLLECTION), statement(references=references), Decimal("600"), None, SETTINGS)
    assert verdict.action == "apply"


def test_a_bounced_letter_goes_to_a_human_although_it_is_automatic() -> None:
    bounce = statement(intent="auto_reply", total_amount=None, amount_is_safe=False)
    verdict = judge(matched(ROLOFF), bounce, Decimal("600"), None, SETTINGS, bounced=True)
    assert verdict.action == "review"
    assert judge(matched(ROLOFF), bounce, Decimal("600"), None, SETTINGS).action == "ignore"


def test_mail_read_as_spam_that_matches_a_letter_goes_to_a_human() -> None:
    spam = statement(intent="spam", total_amount=None, amount_is_safe=False)
    assert judge(matched(ROLOFF), spam, Decimal("600"), None, SETTINGS).action == "review"
    unsure = Decision("needs_review", matched(ROLOFF).best, 0.5, ("two candidates",), matched(ROLOFF).ranked)
    assert judge(unsure, spam, Decimal("600"), None, SETTINGS).action == "review"
    unmatched = Decision("no_match", None, 0.0, ("no candidate",), ())
    assert judge(unmatched, spam, Decimal("600"), None, SETTINGS).action == "ignore"


@pytest.mark.parametrize("sender", ["Fenna Roloff", "Roloff, Fenna", "Fenna  ROLOFF"])
def test_a_mail_sent_under_the_clients_own_name_goes_to_review(sender: str) -> None:
    verdict = judge(matched(ROLOFF), statement(), Decimal("600"), None, SETTINGS, sender_name=sender)
    assert verdict.action == "review"
    assert any("comes from the client" in reason for reason in verdict.reasons)


@pytest.mark.parametrize("sender", ["Gesa Roloff", "Forderungsmanagement Weserland", "Roloff", None])
def test_a_mail_from_anyone_else_is_not_held_for_its_sender(sender: str | None) -> None:
    verdict = judge(matched(ROLOFF), statement(), Decimal("600"), None, SETTINGS, sender_name=sender)
    assert verdict.action == "apply"
