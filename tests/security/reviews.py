"""security test support — an open review proposing a jump on one inquiry, with a second inquiry to
correct to."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import NamedTuple

from app.config import get_settings
from app.database import session_scope
from app.services import matching_stage
from tests.integration.matching.support import add_inquiry, add_reply, stated

_numbers = itertools.count(1)


class OpenReview(NamedTuple):
    review_id: int
    inquiry_id: int  # the row id of the suggested inquiry
    other_inquiry: str  # the portal id of another inquiry a correction may name


def open_review() -> OpenReview:
    """A review on a reply stating 2 480,00 for an inquiry known at 610,00."""
    n = next(_numbers)
    with session_scope() as session:
        inquiry = add_inquiry(session, f"SEC-{n}-A", "Liesel Oberndorfer", f"KB-2026-{n:04d}",
                              creditor_reference=f"77 31 {n:04d}", known_amount=Decimal("610.00"))
        add_inquiry(session, f"SEC-{n}-B", "Tomasz Wierzbicki", f"KB-2026-9{n:03d}",
                    creditor_reference=f"77 98 {n:04d}")
        email = add_reply(session, body=f"Zu Konto 77 31 {n:04d}, Frau Liesel Oberndorfer, offen: 2.480,00 EUR.")
        outcome = matching_stage.match_and_apply(session, email, stated("2480.00"), get_settings())
        assert outcome.review_id is not None
        return OpenReview(outcome.review_id, inquiry.id, f"SEC-{n}-B")
