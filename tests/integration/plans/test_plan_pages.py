"""The dashboard's plan pages over plain HTTP: the client list with outcomes, one client's table and figures in
German notation, escaping, the CSP header, a 404 page for an unknown client, and the operator login."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import SetEnv


def letter(ident: str, reference: str, creditor: str, claim: float | None, **offer: Any) -> dict[str, Any]:
    return {"id": ident, "client_name": "Okke <b>Jansen</b>", "firm_reference": reference, "creditor_name": creditor,
            "known_amount": claim, "letter_type": "plan",
            "plan_offer": {"type": "one_off", "offer_amount": 90.0, "reply_by": "2026-02-01", **offer}}


def seed(client: TestClient) -> None:
    for body in (letter("PP-1", "KT-2027-0700", "Wattenmeer Bank AG", 4321.5),
                 letter("PP-2", "KT-2027-0700", "Dünenfunk GmbH", 1000.0),
                 letter("PP-3", "KT-2027-0700", "Priel Inkasso", None),
                 letter("PP-4", "KT-2027-0800", "Wattenmeer Bank AG", 10.0, reply_by="2099-01-01")):
        assert client.post("/api/v1/inquiries", json=body).status_code == 201
    for inquiry_id, body in (("PP-1", {"decision": "accepted"}),
                             ("PP-2", {"decision": "counter_offer", "counter_offer": {"offer_amount": "150.00"}}),
                             ("PP-4", {"decision": "accepted"})):
        response = client.post(f"/api/v1/inquiries/{inquiry_id}/plan-decisions",
                               json={**body, "reviewer": "Frau <i>Quandt</i>"})
        assert response.status_code == 201, response.text


def cell(html: str, inquiry_id: str) -> str:
    found = re.search(rf'<tr data-inquiry-id="{inquiry_id}">(.*?)</tr>', html, re.S)
    assert found, f"no row for {inquiry_id}"
    return found.group(1)


def test_a_clients_plan_page_shows_creditors_figures_outcome_and_section_309(client: TestClient) -> None:
    seed(client)
    response = client.get("/dashboard/clients/KT-2027-0700/plan")
    assert response.status_code == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    html = response.text
    assert "Okke &lt;b&gt;Jansen&lt;/b&gt;" in html and "<b>Jansen" not in html
    bank = cell(html, "PP-1")
    assert "4.321,50 €" in bank and "one_off 90,00 €" in bank and "accepted" in bank
    assert "Frau &lt;i&gt;Quandt&lt;/i&gt;" in bank
    assert "counter_offer" in cell(html, "PP-2") and "offer amount 150,00 €" in cell(html, "PP-2")
    assert "data-overdue" in cell(html, "PP-3") and "data-overdue" not in bank
    assert re.search(r'id="plan-heads">1 of 3<', html)
    assert re.search(r'id="plan-heads-share">33,33 %<', html)
    assert re.search(r'id="plan-claims">4.321,50 € of 5.321,50 €<', html)
    assert "81,21 %; 1 without a figure" in html
    assert re.search(r'id="plan-outcome">failed<', html)
    assert "certificate of failure can be issued" in html
    assert re.search(r'id="plan-309">not possible<', html)


def test_the_plans_list_links_every_client_with_its_outcome(client: TestClient) -> None:
    seed(client)
    html = client.get("/dashboard/plans").text
    assert '<a href="/dashboard/plans" aria-current="page">Plans</a>' in html
    rows = re.findall(r'<tr data-firm-reference="([^"]+)">.*?data-outcome>(\w+)<', html, re.S)
    assert rows == [("KT-2027-0700", "failed"), ("KT-2027-0800", "accepted")]
    assert 'href="/dashboard/clients/KT-2027-0700/plan"' in html


def test_the_plans_list_says_when_no_client_has_plan_letters(client: TestClient) -> None:
    assert "No client has plan letters yet." in client.get("/dashboard/plans").text


def test_an_unknown_client_gets_the_dashboards_404_page(client: TestClient) -> None:
    response = client.get("/dashboard/clients/KT-0000-0000/plan")
    assert response.status_code == 404
    assert "no plan letters for client" in response.text and "content-security-policy" in response.headers


def test_the_plan_pages_need_the_operator_login(client: TestClient, set_env: SetEnv) -> None:
    set_env(jobs_api_token="plan-pages-token")
    for path in ("/dashboard/plans", "/dashboard/clients/KT-2027-0700/plan"):
        assert client.get(path).status_code == 401
        assert client.get(path, auth=("operator", "plan-pages-token")).status_code != 401
