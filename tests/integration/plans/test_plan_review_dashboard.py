"""The dashboard's review queue for plan replies: the decision read and the counter-offer's figures are
shown, and the correction form records the reviewer's decision with figures typed in German notation."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from app.database import session_scope
from app.models import Review
from tests.integration.plans.test_plan_replies import plan_letter, process, recorded
from tests.integration.test_dashboard import form_post


def test_a_plan_review_shows_the_decision_read_and_takes_a_corrected_counter_offer(client: TestClient) -> None:
    inquiry_id = plan_letter()
    process("wir stimmen zu, sofern die monatliche Rate auf 3,00 € angehoben wird.")
    with session_scope() as session:
        review_id = session.scalars(select(Review.id)).one()
    html = client.get("/dashboard/reviews").text
    assert "counter offer" in html and "monthly rate 3.00" in html
    response = form_post(client, f"/dashboard/reviews/{review_id}/correct",
                         data={"reviewer": "S. Brandl", "monthly_rate": "3,50", "months": "48"})
    assert response.status_code == 200, response.text
    assert "plan decision counter_offer" in response.text
    [row] = recorded(inquiry_id)
    assert (row.decision, row.counter_offer, row.decided_by) == (
        "counter_offer", {"monthly_rate": "3.50", "months": "48"}, "S. Brandl")


def test_a_plan_review_refuses_a_counter_figure_that_is_no_number(client: TestClient) -> None:
    plan_letter()
    process("wir stimmen zu, sofern die monatliche Rate auf 3,00 € angehoben wird.")
    with session_scope() as session:
        review_id = session.scalars(select(Review.id)).one()
    response = form_post(client, f"/dashboard/reviews/{review_id}/correct",
                         data={"reviewer": "S. Brandl", "plan_decision": "counter_offer", "offer_amount": "viel"})
    assert response.status_code == 400 and "not an amount" in response.text
