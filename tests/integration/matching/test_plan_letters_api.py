"""Plan letters through the inquiries API and `creditor-matcher inquiries import`: `letter_type` and
`plan_offer` stored exactly, `first` by default, and the offer's rules enforced with a 422."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.cli import main

PLAN_LETTER: dict[str, Any] = {
    "id": "PL-7", "client_name": "Gesa Thormählen", "firm_reference": "KT-2027-0042",
    "creditor_name": "Werraland Energie AG", "creditor_email": "inkasso@werraland.example",
    "known_amount": 1480.0, "letter_type": "plan",
    "plan_offer": {"type": "quota", "quota_percent": 7.5, "offer_amount": 111.0, "monthly_rate": 1.85,
                   "months": 60, "reply_by": "2027-02-15"},
}


def test_a_plan_letter_keeps_its_offer_exactly(client: TestClient) -> None:
    response = client.post("/api/v1/inquiries", json=PLAN_LETTER)
    assert response.status_code == 201, response.text
    body = client.get("/api/v1/inquiries/PL-7").json()
    assert body["letter_type"] == "plan"
    assert body["plan_offer"] == {"type": "quota", "quota_percent": "7.5", "offer_amount": "111.0",
                                  "monthly_rate": "1.85", "months": 60, "reply_by": "2027-02-15"}


def test_an_inquiry_without_a_letter_type_is_a_first_letter(client: TestClient) -> None:
    first = {key: value for key, value in PLAN_LETTER.items() if key not in ("letter_type", "plan_offer")}
    client.post("/api/v1/inquiries", json=first)
    body = client.get("/api/v1/inquiries/PL-7").json()
    assert (body["letter_type"], body["plan_offer"]) == ("first", None)


@pytest.mark.parametrize(("change", "says"), [
    ({"plan_offer": None}, "needs its plan_offer"),
    ({"letter_type": "first"}, "set letter_type to plan"),
    ({"letter_type": "second"}, "letter_type"),
    ({"plan_offer": {"type": "zero", "offer_amount": 50}}, "offers no amount"),
    ({"plan_offer": {"type": "quota", "quota_percent": 120}}, "quota_percent"),
    ({"plan_offer": {"type": "instalments"}}, "type"),
    ({"plan_offer": {"type": "one_off", "months": 0}}, "months"),
])
def test_a_malformed_plan_letter_is_a_422_that_says_why(client: TestClient, change: dict[str, Any],
                                                        says: str) -> None:
    response = client.post("/api/v1/inquiries", json={**PLAN_LETTER, **change})
    assert response.status_code == 422
    assert says in response.text


def test_the_cli_imports_plan_offers_from_json_and_from_csv_columns(
        database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plans.json").write_text(json.dumps({"inquiries": [PLAN_LETTER]}), encoding="utf-8")
    (tmp_path / "plans.csv").write_text(
        "id,client_name,firm_reference,creditor_name,letter_type,plan_offer.type,plan_offer.offer_amount,"
        "plan_offer.quota_percent,plan_offer.reply_by\n"
        "PL-8,Gesa Thormählen,KT-2027-0042,Fulda Leasing GmbH,plan,one_off,240.00,,2027-02-15\n",
        encoding="utf-8")
    assert main(["inquiries", "import", str(tmp_path / "plans.json")]) == 0
    assert main(["inquiries", "import", str(tmp_path / "plans.csv")]) == 0
    capsys.readouterr()
    assert main(["inquiries", "list"]) == 0
    listing = {item["id"]: item for item in json.loads(capsys.readouterr().out)["inquiries"]}
    assert listing["PL-7"]["plan_offer"]["months"] == 60 and listing["PL-7"]["letter_type"] == "plan"
    assert listing["PL-8"]["plan_offer"] == {"type": "one_off", "offer_amount": "240.00", "reply_by": "2027-02-15"}
