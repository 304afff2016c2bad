"""Two reviewers in two browsers press "Next review": each gets a different review (the larger amount at
stake first), sees who holds it, and cannot decide the other's review while it is claimed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.test_dashboard_browser import Service
from tests.browser.test_dashboard_browser import browser as browser
from tests.browser.test_reviews_ux import Opened, Served, open_page, shot
from tests.browser.test_reviews_ux import served as served

pytestmark = pytest.mark.browser


def reply(reference: str, client: str, account: str, total: str) -> str:
    return (f"Sehr geehrte Damen und Herren,\n\nzu Ihrem Zeichen {reference} ({client}, Kundennummer {account}) "
            f"teilen wir mit: Die Gesamtforderung beträgt {total} EUR.\n\nMit freundlichen Grüßen\nElbtal Wasser GmbH")


def two_reviews(service: Service) -> tuple[int, int]:
    """(review with 2.964,20 € at stake, review with 700,00 € at stake): both jump far from the known amount."""
    jobs = []
    for ident, client, reference, account, known, total in (
            ("EW-1", "Ottilie Brandauer", "KZ-2026-0311", "EW-30417", 1480.0, "2.964,20"),
            ("EW-2", "Bruno Feddersen", "KZ-2026-0312", "EW-30418", 300.0, "700,00")):
        service.post_api("/api/v1/inquiries", {
            "id": ident, "client_name": client, "firm_reference": reference, "creditor_name": "Elbtal Wasser GmbH",
            "creditor_email": "forderungen@elbtal-wasser.example", "creditor_reference": account,
            "known_amount": known})
        jobs.append(service.post_reply(from_email="forderungen@elbtal-wasser.example",
                                       subject=f"AW: Ihre Anfrage {reference}", body_text=reply(reference, client,
                                                                                                account, total)))
    service.wait_completed(*jobs)
    by_amount = {r["proposed_amount"]: r["id"] for r in service.api("/api/v1/reviews?status=open")["reviews"]}
    return int(by_amount["2964.20"]), int(by_amount["700.00"])


@pytest.fixture
def second(browser: Browser, served: Served) -> Iterator[Opened]:
    yield from open_page(browser, served.service)


@pytest.fixture
def first(browser: Browser, served: Served) -> Iterator[Opened]:
    yield from open_page(browser, served.service)


def test_two_reviewers_each_get_their_own_next_review(served: Served, first: Opened, second: Opened) -> None:
    larger, smaller = two_reviews(served.service)
    a, b = first.page, second.page

    a.goto("/dashboard/reviews")
    a.fill("#reviewer", "Henrike Aalders")
    a.click("#next-review")
    a.wait_for_url(f"**/dashboard/reviews/{larger}")
    expect(a.locator("#review-claimed-by")).to_contain_text("claimed by Henrike Aalders")

    b.goto("/dashboard/reviews")
    expect(b.locator(f"#review-{larger} [data-claimed-by]")).to_contain_text("Henrike Aalders")
    b.fill("#reviewer", "Jonas Petersen")
    b.click("#next-review")
    b.wait_for_url(f"**/dashboard/reviews/{smaller}")
    shot(b, "review-next.png")

    # Jonas opens Henrike's review and tries to approve it: refused, nothing decided.
    b.goto(f"/dashboard/reviews/{larger}")
    b.click("#review-detail form:has(button.primary) button")
    expect(b.locator("#review-detail .problem")).to_contain_text("claimed by Henrike Aalders")
    expect(b.locator("#review-status")).to_have_text("open")

    # With both held, a third press finds nothing free.
    b.goto("/dashboard/reviews")
    b.fill("#reviewer", "Karla Witt")
    b.click("#next-review")
    expect(b.locator("#review-queue .notice")).to_contain_text("No free review")

    # Henrike decides hers.
    a.click("#review-detail form:has(button.primary) button")
    expect(a.locator("#review-status")).to_have_text("approved")
    assert first.problems == []
    # The refused decision is a 409 answer, which the browser and htmx report; nothing else went wrong.
    assert all("409" in problem or "htmx:responseError" in problem for problem in second.problems), second.problems
