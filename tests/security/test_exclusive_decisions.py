"""Finding 2: a review is decided once on every backend. Of many concurrent approvals and corrections
exactly one is answered 200 and applied; the others get 409 with a reason; review and claim agree."""

from __future__ import annotations

import threading
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.database import session_scope
from app.models import ClaimHistory, Inquiry, JobEvent, Review
from app.services import claims
from tests.security.reviews import open_review

CONTENDERS = 40


def decision(index: int, other_inquiry: str) -> tuple[str, dict[str, Any]]:
    """Every third contender approves; the others correct, to their own amount, some to the other inquiry."""
    reviewer = {"reviewer": f"Prüferin {index}"}
    if index % 3 == 0:
        return "approve", reviewer
    correction: dict[str, Any] = {**reviewer, "amount": f"{1000 + index}.{index:02d}"}
    if index % 3 == 2:
        correction["inquiry_id"] = other_inquiry
    return "correct", correction


def contend(client: TestClient, review_id: int, other_inquiry: str) -> list[tuple[int, dict[str, Any]]]:
    answers: list[tuple[int, dict[str, Any]]] = []
    barrier = threading.Barrier(CONTENDERS)

    def decide(index: int) -> None:
        kind, body = decision(index, other_inquiry)
        barrier.wait()
        response = client.post(f"/api/v1/reviews/{review_id}/{kind}", json=body)
        answers.append((response.status_code, response.json()))

    threads = [threading.Thread(target=decide, args=(i,)) for i in range(CONTENDERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_of_many_concurrent_decisions_exactly_one_is_taken(client: TestClient) -> None:
    opened = open_review()
    answers = contend(client, opened.review_id, opened.other_inquiry)
    assert Counter(status for status, _ in answers) == {200: 1, 409: CONTENDERS - 1}
    winner = next(body for status, body in answers if status == 200)
    assert all("already" in body["detail"] for status, body in answers if status == 409)
    with session_scope() as session:
        review = session.get(Review, opened.review_id)
        assert review is not None and review.status == winner["status"]
        assert (review.decided_by, review.final_amount) == (winner["decided_by"], Decimal(winner["final_amount"]))
        written = session.scalars(select(ClaimHistory).where(ClaimHistory.review_id == review.id)).all()
        assert len(written) == 1 and written[0].id == review.claim_history_id
        target = session.get(Inquiry, review.final_inquiry_id)
        assert target is not None and target.external_id == winner["final_inquiry_id"]
        claim = claims.current(session, target.id)
        assert claim is not None
        assert (claim.amount, claim.updated_by, claim.version) == (review.final_amount, review.decided_by, 1)
        untouched = opened.inquiry_id if target.id != opened.inquiry_id else session.scalar(
            select(Inquiry.id).where(Inquiry.external_id == opened.other_inquiry))
        assert untouched is not None
        assert [entry.reason for entry in claims.history(session, untouched)] == ["inquiry_opened"]
        decided = ("review_approved", "review_corrected", "review_rejected")
        events = session.scalars(select(JobEvent.kind).where(JobEvent.kind.in_(decided))).all()
        assert events == [f"review_{review.status}"]


@pytest.mark.parametrize("first, second", [("approve", "reject"), ("reject", "correct")])
def test_a_second_decision_is_a_409_naming_the_first(client: TestClient, first: str, second: str) -> None:
    opened = open_review()
    body = {"reviewer": "K. Albers", "amount": "700.00"}
    taken = client.post(f"/api/v1/reviews/{opened.review_id}/{first}",
                        json=body if first == "correct" else {"reviewer": "K. Albers"})
    assert taken.status_code == 200
    again = client.post(f"/api/v1/reviews/{opened.review_id}/{second}",
                        json=body if second == "correct" else {"reviewer": "K. Albers"})
    assert again.status_code == 409
    assert again.json()["detail"].startswith(f"review {opened.review_id} is already {taken.json()['status']}")
