"""POST/GET /api/v1/inquiries and `creditor-matcher inquiries import|list`: upsert on the portal id,
422 naming the field, paging, the operator token, JSON and CSV import all-or-nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.cli import main
from app.database import session_scope
from app.models import Inquiry, InquiryNameKey
from tests.conftest import SetEnv
from tests.support.app_client import app_client

INQUIRY: dict[str, Any] = {
    "id": "INQ-0001", "client_name": "Jürgen Weißbach", "client_birth_date": "1978-03-14",
    "creditor_name": "Nordbank Hanse AG", "creditor_email": "Forderung@Nordbank-Hanse.example",
    "creditor_reference": "4401 882 310", "firm_reference": "BS-2026-0117", "known_amount": 3120.45,
    "sent_at": "2026-09-01T08:30:00Z",
}


def test_a_new_inquiry_is_created_with_its_claim_at_the_known_amount(client: TestClient) -> None:
    response = client.post("/api/v1/inquiries", json=INQUIRY)
    assert response.status_code == 201
    body = response.json()
    assert body["id"] == "INQ-0001"
    assert body["creditor_domain"] == "nordbank-hanse.example"
    assert body["routing_id"] == "BS-2026-0117"
    assert body["claim"]["amount"] == "3120.45" and body["claim"]["version"] == 0


def test_posting_the_same_id_again_updates_instead_of_duplicating(client: TestClient) -> None:
    client.post("/api/v1/inquiries", json=INQUIRY)
    changed = {**INQUIRY, "known_amount": 3200, "client_name": "Jürgen Weissbach"}
    response = client.post("/api/v1/inquiries", json=changed)
    assert response.status_code == 200
    assert response.json()["claim"]["amount"] == "3200.00"
    with session_scope() as session:
        rows = session.scalars(select(Inquiry)).all()
        tokens = session.scalars(select(InquiryNameKey.value).where(InquiryNameKey.kind == "token")).all()
    assert len(rows) == 1 and rows[0].known_amount == 3200
    assert sorted(tokens) == ["juergen", "weissbach"]


def test_search_keys_are_stored_normalised(client: TestClient) -> None:
    client.post("/api/v1/inquiries", json=INQUIRY)
    with session_scope() as session:
        row = session.scalars(select(Inquiry)).one()
    assert (row.creditor_reference_key, row.firm_reference_key, row.creditor_email_key, row.client_name_key) == (
        "4401882310", "bs20260117", "forderung@nordbank-hanse.example", "juergen weissbach")


@pytest.mark.parametrize(("change", "field"), [
    ({"known_amount": -1}, "known_amount"), ({"known_amount": "12,50"}, "known_amount"),
    ({"client_birth_date": "14.03.1978"}, "client_birth_date"), ({"creditor_email": "nobody"}, "creditor_email"),
    ({"firm_reference": ""}, "firm_reference"), ({"colour": "blue"}, "colour"),
])
def test_invalid_fields_are_a_422_naming_the_field(client: TestClient, change: dict[str, Any], field: str) -> None:
    response = client.post("/api/v1/inquiries", json={**INQUIRY, **change})
    assert response.status_code == 422
    assert field in [part for error in response.json()["detail"] for part in error["loc"]]


def test_the_list_pages_in_creation_order(client: TestClient) -> None:
    for n in range(5):
        client.post("/api/v1/inquiries", json={**INQUIRY, "id": f"INQ-{n}"})
    page = client.get("/api/v1/inquiries", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 5
    assert [item["id"] for item in page["inquiries"]] == ["INQ-2", "INQ-3"]


def test_an_unknown_inquiry_is_a_404(client: TestClient) -> None:
    assert client.get("/api/v1/inquiries/INQ-404").status_code == 404
    client.post("/api/v1/inquiries", json=INQUIRY)
    assert client.get("/api/v1/inquiries/INQ-0001").json()["client_name"] == "Jürgen Weißbach"


def test_the_operator_token_guards_the_inquiries(database: str, set_env: SetEnv) -> None:
    set_env(jobs_api_token="s3cret")
    with app_client() as client:
        assert client.post("/api/v1/inquiries", json=INQUIRY).status_code == 401
        assert client.get("/api/v1/inquiries").status_code == 401
        ok = client.post("/api/v1/inquiries", json=INQUIRY, headers={"authorization": "Bearer s3cret"})
        assert ok.status_code == 201


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out.strip() else captured.err


def test_the_cli_imports_a_json_list_and_a_csv_and_lists_them(
        database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "inquiries.json").write_text(json.dumps([INQUIRY]), encoding="utf-8")
    (tmp_path / "inquiries.csv").write_text(
        "id,client_name,firm_reference,creditor_name,creditor_email,known_amount,client_birth_date\n"
        "INQ-0002,Dörte Kühnel,BS-2026-0123,Stadtwerke GmbH,fm@stadtwerke.example,640.12,\n"
        "INQ-0001,Jürgen Weißbach,BS-2026-0117,Nordbank Hanse AG,fm@nordbank.example,3120.45,1978-03-14\n",
        encoding="utf-8")
    assert run(capsys, "inquiries", "import", str(tmp_path / "inquiries.json")) == (0, {"created": 1, "updated": 0})
    assert run(capsys, "inquiries", "import", str(tmp_path / "inquiries.csv")) == (0, {"created": 1, "updated": 1})
    code, listing = run(capsys, "inquiries", "list")
    assert code == 0 and [item["id"] for item in listing["inquiries"]] == ["INQ-0001", "INQ-0002"]


def test_a_bad_record_stops_the_whole_import_and_names_the_record(
        database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = {**INQUIRY, "id": "INQ-0002", "known_amount": "viel"}
    (tmp_path / "inquiries.json").write_text(json.dumps([INQUIRY, bad]), encoding="utf-8")
    code, error = run(capsys, "inquiries", "import", str(tmp_path / "inquiries.json"))
    assert code == 1 and "record 2: known_amount" in error
    with session_scope() as session:
        assert session.scalars(select(Inquiry)).all() == []
