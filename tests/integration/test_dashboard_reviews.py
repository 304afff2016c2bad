"""The review pages over HTTP on SQLite and PostgreSQL: a page per review with its figures and evidence, open and
decided tabs with search, the reviewer remembered by a cookie, and every error under /dashboard as a page."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response

from app.config import get_settings
from app.database import session_scope
from app.routers import csrf
from app.services import pipeline
from tests.conftest import SetEnv
from tests.integration.matching.support import add_inquiry, add_reply

HTMX = {"HX-Request": "true"}
ELBTAL = {"creditor_name": "Elbtal Wasser GmbH", "creditor_email": "forderungen@elbtal-wasser.example",
          "creditor_reference": "EW-30417", "known_amount": Decimal("1480.00")}


def form_post(client: TestClient, url: str, data: dict[str, str], headers: dict[str, str] | None = None) -> Response:
    client.get("/dashboard/reviews")
    fields = {**data, csrf.CSRF_FIELD: client.cookies.get(csrf.CSRF_COOKIE) or ""}
    return client.post(url, data=fields, headers={"Sec-Fetch-Site": "same-origin", **(headers or {})})


def reply(text: str, *, inquiry: dict[str, Any] | None = None, ident: str = "EW-1", client: str = "Ottilie Brandauer",
          firm_reference: str = "KZ-2026-0311", subject: str = "AW: Ihre Anfrage KZ-2026-0311") -> int:
    """One inquiry and one reply run through the real pipeline; the reply's email id."""
    with session_scope() as session:
        add_inquiry(session, ident, client, firm_reference, **(inquiry or ELBTAL))
        email = add_reply(session, body=text, subject=subject, from_email="forderungen@elbtal-wasser.example")
        result = pipeline.run(session, email, get_settings())
        for name, value in result.columns.items():  # what the worker stores on the job
            setattr(email, name, value)
        email_id = email.id
    result.after_commit()
    return email_id


def jumping_review(client: TestClient) -> int:
    """A reply whose total doubles the known amount: the system asks a human."""
    reply("Sehr geehrte Damen und Herren,\n\nzu Ihrem Zeichen KZ-2026-0311 (Frau Ottilie Brandauer, Kundennummer "
          "EW-30417) teilen wir mit: Die Gesamtforderung beträgt 2.964,20 EUR.\n\n"
          "Mit freundlichen Grüßen\nElbtal Wasser")
    listed = client.get("/dashboard/reviews").text
    found = re.findall(r'data-review-id="(\d+)"', listed)
    assert len(found) == 1, listed
    return int(found[0])


def test_a_review_has_its_own_page_with_known_and_proposed_amount_side_by_side(client: TestClient) -> None:
    review_id = jumping_review(client)
    response = client.get(f"/dashboard/reviews/{review_id}")
    assert response.status_code == 200
    html = response.text
    assert re.search(r'id="review-client">Ottilie Brandauer<', html)
    assert re.search(r'id="review-creditor">Elbtal Wasser GmbH<', html)
    assert re.search(r'id="review-known">1.480,00 €<', html)
    assert re.search(r'id="review-proposed">2.964,20 €<', html)
    assert "+100,28 % against the known amount" in html
    assert "Die Gesamtforderung beträgt 2.964,20 EUR." in html  # the evidence line, quoted
    assert "total 2.964,20 € is +100 % against the known amount 1.480,00 €" in html  # the reason, German
    assert 'id="review-explanation"' in html and "EW-1" in html
    assert f'hx-post="/dashboard/reviews/{review_id}/approve?view=page"' in html
    assert f'href="/dashboard/reviews/{review_id}"' in client.get("/dashboard/reviews").text


def test_a_plan_review_shows_the_decision_read_and_the_plans_offer_next_to_the_counter_offer(
        client: TestClient) -> None:
    plan = {**ELBTAL, "letter_type": "plan", "plan_offer": {"type": "quota", "quota_percent": "6", "offer_amount":
                                                            "88.80", "months": 72, "reply_by": "2027-04-30"}}
    reply("Guten Tag,\n\nden Plan für Frau Ottilie Brandauer (Ihr Zeichen KZ-2026-0311, Kundennummer EW-30417) lehnen "
          "wir in dieser Form ab. Zustimmen könnten wir bei einer Quote von 12 %.\n\nElbtal Wasser GmbH",
          inquiry=plan, subject="AW: Schuldenbereinigungsplan KZ-2026-0311")
    review_id = int(re.findall(r'data-review-id="(\d+)"', client.get("/dashboard/reviews").text)[0])
    html = client.get(f"/dashboard/reviews/{review_id}").text
    assert re.search(r'id="review-plan-decision">counter offer<', html)
    assert re.search(r'<tr data-figure="quota percent"><td>quota percent</td><td class="amount">6,00 %</td>'
                     r'<td class="amount">12,00 %</td></tr>', html)
    assert "88,80 €" in html and "2027-04-30" in html


def test_decided_reviews_are_listed_with_who_and_when_and_can_be_searched(client: TestClient) -> None:
    review_id = jumping_review(client)
    decided = form_post(client, f"/dashboard/reviews/{review_id}/correct",
                        data={"reviewer": "Henrike Aalders", "amount": "2.900,00", "note": "per Telefon"})
    assert decided.status_code == 200 and "corrected by Henrike Aalders, amount 2.900,00 €" in decided.text
    open_tab = client.get("/dashboard/reviews").text
    assert 'data-tab-count="open">0<' in open_tab and 'data-tab-count="decided">1<' in open_tab
    html = client.get("/dashboard/reviews?tab=decided").text
    row = re.search(rf'<tr class="selectable" data-review-id="{review_id}">(.*?)</tr>', html, re.S)
    assert row is not None
    assert "Henrike Aalders" in row.group(1) and "2.900,00 €" in row.group(1) and "per Telefon" in row.group(1)
    assert re.search(r"data-decided-at>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC<", row.group(1))
    assert "Ottilie Brandauer · Elbtal Wasser GmbH" in row.group(1)
    for query in ("aalders", "brandauer", "EW-1", "elbtal"):
        assert f'data-review-id="{review_id}"' in client.get(f"/dashboard/reviews?tab=decided&q={query}").text, query
    missed = client.get("/dashboard/reviews?tab=decided&q=Quellbach").text
    assert f'data-review-id="{review_id}"' not in missed and "No decided reviews matching" in missed
    wildcards = client.get("/dashboard/reviews?tab=decided&q=%25_").text  # LIKE wildcards are searched as text
    assert f'data-review-id="{review_id}"' not in wildcards
    page = client.get(f"/dashboard/reviews/{review_id}").text
    assert re.search(r'id="review-decided-by">Henrike Aalders<', page) and 'hx-post=' not in page


def test_the_reviewer_is_remembered_and_filled_into_the_forms(client: TestClient) -> None:
    review_id = jumping_review(client)
    assert 'id="reviewer" name="reviewer" autocomplete="name" maxlength="200" required value=""' in (
        client.get("/dashboard/reviews").text)
    response = form_post(client, f"/dashboard/reviews/{review_id}/reject?view=page",
                         data={"reviewer": "Jörg Ündeger-Smith", "note": "Dublette"}, headers=HTMX)
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="review-detail"')  # the page's region, not the list
    assert "rejected by Jörg Ündeger-Smith" in response.text
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("cm_reviewer=") and "HttpOnly" in cookie and "Path=/dashboard" in cookie
    assert 'required value="Jörg Ündeger-Smith"' in client.get("/dashboard/reviews").text
    # A whole page (no htmx) comes back with the name just typed, even when the decision is refused.
    late = form_post(client, f"/dashboard/reviews/{review_id}/approve", data={"reviewer": "Kai Lührs"})
    assert late.status_code == 409 and "already rejected" in late.text
    assert 'required value="Kai Lührs"' in late.text


def test_errors_under_the_dashboard_are_pages_and_the_api_keeps_json(client: TestClient) -> None:
    for path, status in (("/dashboard/nowhere", 404), ("/dashboard/reviews/9999", 404), ("/dashboard/jobs/424242", 404),
                         ("/dashboard/reviews?tab=someday", 422), ("/dashboard/reviews?offset=-1", 422),
                         ("/dashboard/reviews/abc", 422)):
        response = client.get(path)
        assert response.status_code == status, path
        assert response.headers["content-type"].startswith("text/html"), path
        assert f"<h1>{status} — " in response.text, path
        assert "content-security-policy" in response.headers, path
    assert "there is no page at /dashboard/nowhere" in client.get("/dashboard/nowhere").text
    assert client.get("/api/v1/jobs/424242").json() == {"detail": "job 424242 not found"}
    assert client.get("/api/v1/jobs?limit=0").headers["content-type"] == "application/json"


def test_a_refused_htmx_request_lands_in_the_flash_region(client: TestClient) -> None:
    review_id = jumping_review(client)
    refused = client.post(f"/dashboard/reviews/{review_id}/approve", data={"reviewer": "X"},
                          headers={"Sec-Fetch-Site": "cross-site", **HTMX})
    assert refused.status_code == 403
    assert refused.headers["hx-retarget"] == "#flash" and refused.headers["hx-reswap"] == "innerHTML"
    assert refused.text.startswith('<p class="problem"') and "cross-site request refused" in refused.text


def test_the_login_page_is_a_page_and_still_asks_for_credentials(client: TestClient, set_env: SetEnv) -> None:
    set_env(jobs_api_token="geheim-genug")
    response = client.get("/dashboard/reviews")
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith('Basic realm="creditor-matcher"')
    assert "<h1>401 — login required</h1>" in response.text


def test_the_pages_load_the_script_for_freshness_and_keys(client: TestClient) -> None:
    html = client.get("/dashboard/reviews").text
    assert '<script src="/static/dashboard.js" defer></script>' in html
    assert re.search(r'<meta name="csrf-token" content="[A-Za-z0-9_-]{32,64}">', html)
    assert '<div id="stale-banner" class="stale" role="alert" hidden>' in html
    script = client.get("/static/dashboard.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert "prefers-color-scheme: dark" in client.get("/static/dashboard.css").text


def test_a_crash_under_the_dashboard_is_a_500_page_and_elsewhere_stays_plain(client: TestClient) -> None:
    def crash() -> None:
        raise RuntimeError("a bug written for this test")

    app = client.app
    app.router.add_api_route("/dashboard/crash", crash)  # type: ignore[attr-defined]
    app.router.add_api_route("/api/v1/crash", crash)  # type: ignore[attr-defined]
    quiet = TestClient(app, raise_server_exceptions=False)
    page = quiet.get("/dashboard/crash")
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    assert "<h1>500 — internal error</h1>" in page.text and "a bug written for this test" not in page.text
    assert "content-security-policy" in page.headers
    plain = quiet.get("/api/v1/crash")
    assert (plain.status_code, plain.text) == (500, "Internal Server Error")
