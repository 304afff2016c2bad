"""Reviewers side by side: a review is claimed (by id or as "the next one"), held for REVIEW_CLAIM_SECONDS,
and only its holder may decide it meanwhile; the queue offers the highest tier of amount at stake first
(one tier more after REVIEW_ESCALATE_AFTER_HOURS), oldest first; concurrent claims never share a review."""

from __future__ import annotations

import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy import update

from app.config import Settings, get_settings
from app.database import session_scope
from app.models import Review, utcnow
from app.services import review, review_claims
from tests.integration.matching.support import add_inquiry, add_reply

JSON = {"content-type": "application/json"}


def open_review(amount: str | None, *, hours_old: float = 0, known: str | None = None) -> int:
    with session_scope() as session:
        n = session.query(Review).count()
        inquiry = add_inquiry(session, f"INQ-C{n}", "Jürgen Weißbach", f"BS-2026-{n:04d}",
                              known_amount=Decimal(known) if known else None)
        email = add_reply(session, body=f"Forderung {amount}")
        opened = review.open(session, email, review.Proposal(
            inquiry=inquiry, reasons=("confidence 0.70 below 0.80",), match_status="needs_review",
            match_confidence=0.7, intent="debt_statement", amount=Decimal(amount) if amount else None))
        opened.created_at = utcnow() - timedelta(hours=hours_old)
        return opened.id


def claim(client: TestClient, review_id: int, who: str) -> tuple[int, dict[str, object]]:
    response = client.post(f"/api/v1/reviews/{review_id}/claim", headers=JSON | {"x-reviewer": who})
    return response.status_code, response.json()


def next_for(client: TestClient, who: str) -> int | None:
    response = client.post("/api/v1/reviews/claim-next", headers=JSON | {"x-reviewer": who})
    if response.status_code == 204:
        return None
    assert response.status_code == 200, response.text
    return int(response.json()["id"])


def test_the_priority_tier_comes_from_the_amount_at_stake() -> None:
    tiers = [Decimal(1000), Decimal(10000)]
    assert [review_claims.priority_for(v, tiers) for v in (None, Decimal("999.99"), Decimal(1000),
                                                           Decimal("-25000"), Decimal(10000))] == [0, 0, 1, 2, 2]


def test_only_the_holder_decides_a_claimed_review(client: TestClient) -> None:
    review_id = open_review("2400.00")
    status, held = claim(client, review_id, "A. Nowak")
    assert status == 200 and held["claimed_by"] == "A. Nowak" and held["priority"] == 1
    status, refused = claim(client, review_id, "B. Yilmaz")
    assert status == 409 and "claimed by A. Nowak" in str(refused["detail"])
    decided = client.post(f"/api/v1/reviews/{review_id}/approve", headers=JSON | {"x-reviewer": "B. Yilmaz"})
    assert decided.status_code == 409 and "claimed by A. Nowak" in decided.json()["detail"]
    assert claim(client, review_id, "a. nowak")[0] == 200  # renewing one's own claim, in any case
    decided = client.post(f"/api/v1/reviews/{review_id}/approve", headers=JSON | {"x-reviewer": "A. Nowak"})
    assert decided.status_code == 200 and decided.json()["status"] == "approved"
    assert decided.json()["claimed_by"] is None
    assert claim(client, review_id, "B. Yilmaz")[0] == 409


def test_an_expired_claim_or_a_released_one_frees_the_review(client: TestClient) -> None:
    first, second = open_review("100.00"), open_review("100.00")
    claim(client, first, "A. Nowak")
    with session_scope() as session:
        session.execute(update(Review).where(Review.id == first).values(claimed_until=utcnow() - timedelta(seconds=1)))
    assert claim(client, first, "B. Yilmaz")[0] == 200
    claim(client, second, "A. Nowak")
    release = f"/api/v1/reviews/{second}/release"
    assert client.post(release, headers=JSON | {"x-reviewer": "B. Yilmaz"}).status_code == 409
    assert client.post(release, headers=JSON | {"x-reviewer": "A. Nowak"}).status_code == 200
    decided = client.post(f"/api/v1/reviews/{second}/reject", headers=JSON | {"x-reviewer": "B. Yilmaz"})
    assert decided.status_code == 200


def test_an_unclaimed_review_may_still_be_decided_directly(client: TestClient) -> None:
    review_id = open_review("50.00")
    decided = client.post(f"/api/v1/reviews/{review_id}/approve", headers=JSON | {"x-reviewer": "C. Berg"})
    assert decided.status_code == 200


def test_next_is_the_highest_tier_then_the_oldest_and_age_escalates(client: TestClient) -> None:
    small_new = open_review("80.00", hours_old=1)
    small_old = open_review("80.00", hours_old=5)
    big = open_review("25000.00", hours_old=2)
    medium = open_review(None, known="3000.00", hours_old=3)  # no figure stated: the known amount is at stake
    stale = open_review("10.00", hours_old=72)  # tier 0, escalated to 1, older than `medium`
    order = [next_for(client, f"reviewer {n}") for n in range(5)]
    assert order == [big, stale, medium, small_old, small_new]
    assert next_for(client, "reviewer 9") is None
    assert next_for(client, "reviewer 3") == small_old  # one's own live claim comes back first


def test_concurrent_claim_next_never_hands_out_one_review_twice(client: TestClient, database: str) -> None:
    ids = {open_review(str(100 + n)) for n in range(12)}
    taken: list[int | None] = []
    lock, start = threading.Lock(), threading.Barrier(6)

    def reviewer(n: int) -> None:
        start.wait()
        for _ in range(3):
            with session_scope() as session:
                found = review_claims.claim_next(session, f"parallel {n}-{len(taken)}", get_settings())
                got = found.id if found else None
            with lock:
                taken.append(got)

    threads = [threading.Thread(target=reviewer, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    handed = [t for t in taken if t is not None]
    assert len(handed) == len(set(handed)), f"a review was handed out twice on {database}: {sorted(handed)}"
    assert set(handed) == ids  # 18 asks for 12 reviews: each handed out exactly once, then none left


@pytest.mark.parametrize("value", ["10000,1000", "0,5", "-1"])
def test_priority_amounts_must_ascend_and_be_positive(value: str) -> None:
    with pytest.raises(ValidationError, match="ascending"):
        Settings(review_priority_amounts=value)  # type: ignore[arg-type]
