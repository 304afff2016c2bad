"""Several firms in one deployment: mail is assigned to a firm by the path or the secret it was signed with,
else by the address it was sent to; matching sees only that firm's inquiries; each firm's API token sees and
changes only its own rows. The walk at the end calls every /api/v1 route (read from the OpenAPI description,
so a new route is walked too) with firm A's token against firm B's objects and expects 404 everywhere."""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from dramatiq import Worker
from fastapi.testclient import TestClient

from app import queue
from app.cli import main
from app.database import session_scope
from app.models import ClaimHistory, FirmApiToken, IncomingEmail, Inquiry, JobEvent, OutboxMessage, Review
from app.services import firms, jobs, outbox
from app.services.inbound import svix
from app.services.signatures import sign
from tests.conftest import SetEnv
from tests.integration.matching.support import webhook_receiver
from tests.support.app_client import app_client
from tests.support.factories import payload
from tests.support.worker import drain

OPERATOR = "operator-token-123"
B_ZENDESK = "firm-b-zendesk-secret"
B_RESEND = "whsec_" + base64.b64encode(b"firm b resend key").decode()
JSON = {"content-type": "application/json"}


@dataclass(frozen=True)
class Firm:
    id: int
    slug: str
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token}"}


@pytest.fixture
def two_firms(database: str, set_env: SetEnv) -> Iterator[tuple[Firm, Firm]]:
    set_env(jobs_api_token=OPERATOR, zendesk_webhook_secret=None, resend_webhook_secret=None)
    queue.declare_queue()
    queue.get_broker().flush_all()
    with session_scope() as session:
        a = firms.create(session, "kanzlei-a", "Kanzlei A", inbound_addresses=["glaeubiger@kanzlei-a.example"])
        b = firms.create(session, "kanzlei-b", "Kanzlei B", inbound_addresses=["@kanzlei-b.example"],
                         zendesk_webhook_secret=B_ZENDESK, resend_webhook_secret=B_RESEND)
        found = (Firm(a.firm.id, "kanzlei-a", a.token), Firm(b.firm.id, "kanzlei-b", b.token))
    firms.forget_directory()
    yield found
    firms.forget_directory()
    queue.get_broker().flush_all()


@pytest.fixture
def client(two_firms: tuple[Firm, Firm]) -> Iterator[TestClient]:
    with app_client() as test_client:
        yield test_client


def zendesk(client: TestClient, data: dict[str, Any], *, secret: str | None, path: str = "") -> Any:
    body = json.dumps(data).encode()
    headers = dict(JSON)
    if secret is not None:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        headers |= {"x-zendesk-webhook-signature-timestamp": stamp,
                    "x-zendesk-webhook-signature": sign(secret, stamp, body)}
    return client.post(f"/api/v1/zendesk/webhook{path}", content=body, headers=headers)


def resend_event(client: TestClient, event: dict[str, Any], *, path: str = "", delivery: str = "msg_1") -> Any:
    body = json.dumps(event).encode()
    stamp = str(int(time.time()))
    return client.post(f"/api/v1/resend/webhook{path}", content=body, headers=JSON | {
        "svix-id": delivery, "svix-timestamp": stamp, "svix-signature": svix.sign(B_RESEND, delivery, stamp, body)})


def firm_of_job(email_id: int) -> int:
    with session_scope() as session:
        return jobs.get(session, email_id).firm_id


def test_mail_is_assigned_by_path_secret_or_address(client: TestClient, two_firms: tuple[Firm, Firm]) -> None:
    a, b = two_firms
    by_secret = zendesk(client, payload(to_addresses=["anyone@else.example"]), secret=B_ZENDESK)
    assert by_secret.status_code == 200 and firm_of_job(by_secret.json()["email_id"]) == b.id
    by_path = zendesk(client, payload(), secret=B_ZENDESK, path="/kanzlei-b")
    assert firm_of_job(by_path.json()["email_id"]) == b.id
    # The deployment has a firm secret now, so the shared path wants a signature; a wrong one is refused.
    assert zendesk(client, payload(), secret=None).status_code == 401
    assert zendesk(client, payload(), secret="guessed").status_code == 401
    assert zendesk(client, payload(), secret=B_ZENDESK, path="/no-such-firm").status_code == 404
    # Firm A has no own secret: its path takes the deployment's (none here), and mail is A's.
    by_a_path = zendesk(client, payload(to_addresses=["x@kanzlei-b.example"]), secret=None, path="/kanzlei-a")
    assert firm_of_job(by_a_path.json()["email_id"]) == a.id


def test_the_deployment_secret_assigns_by_recipient_plus_addressing_included(
    database: str, set_env: SetEnv, two_firms: tuple[Firm, Firm]
) -> None:
    a, b = two_firms
    set_env(zendesk_webhook_secret="deployment-secret")
    with app_client() as client:
        to_a = zendesk(client, payload(to_addresses=["glaeubiger+AB-2026-0001@kanzlei-a.example"]),
                       secret="deployment-secret").json()
        to_b = zendesk(client, payload(to_addresses=["post@kanzlei-b.example"]), secret="deployment-secret").json()
        neither = zendesk(client, payload(to_addresses=["info@elsewhere.example"]), secret="deployment-secret").json()
    assert [firm_of_job(x["email_id"]) for x in (to_a, to_b, neither)] == [a.id, b.id, 1]


def test_the_same_delivery_id_in_two_firms_is_two_jobs(client: TestClient, two_firms: tuple[Firm, Firm]) -> None:
    first = zendesk(client, payload(webhook_id="evt-same"), secret=None, path="/kanzlei-a").json()
    second = zendesk(client, payload(webhook_id="evt-same"), secret=B_ZENDESK, path="/kanzlei-b").json()
    assert first["status"] == second["status"] == "queued" and first["email_id"] != second["email_id"]


def test_matching_sees_only_the_firms_own_inquiries(
    client: TestClient, two_firms: tuple[Firm, Firm], stub_worker: Worker
) -> None:
    a, b = two_firms
    inquiry = {"id": "INQ-1", "client_name": "Jürgen Weißbach", "firm_reference": "BS-2026-0117",
               "creditor_name": "Nordbank AG", "creditor_email": "forderung@nordbank.example",
               "creditor_reference": "4401 882 310", "known_amount": 3000.0}
    assert client.post("/api/v1/inquiries", json=inquiry, headers=JSON | a.auth).status_code == 201
    body = ("zum Konto 4401 882 310 Ihres Mandanten Jürgen Weißbach (Ihr Zeichen BS-2026-0117) beträgt die "
            "Forderung 3.212,32 EUR.")
    to_b = zendesk(client, payload(from_email="forderung@nordbank.example", body_text=body), secret=B_ZENDESK).json()
    to_a = zendesk(client, payload(from_email="forderung@nordbank.example", body_text=body), secret=None,
                   path="/kanzlei-a").json()
    drain(stub_worker)
    with session_scope() as session:
        b_job, a_job = jobs.get(session, to_b["email_id"]), jobs.get(session, to_a["email_id"])
        assert b_job.match_status == "no_match", "firm B's mail matched firm A's inquiry"
        assert a_job.match_status == "auto_matched"
        events = session.query(JobEvent).filter(JobEvent.email_id == b_job.id).all()
        assert events and {e.firm_id for e in events} == {b.id}
        review = session.query(Review).filter(Review.email_id == b_job.id).one()
        assert review.firm_id == b.id
        history = session.query(ClaimHistory).all()
        assert history and {h.firm_id for h in history} == {a.id}


def b_objects(client: TestClient, b: Firm, stub_worker: Worker) -> dict[str, Any]:
    """Firm B's job, failed job, review, inquiry, plan letter and delivery problem, made through B's own paths."""
    inquiry = {"id": "INQ-B1", "client_name": "Bruno Feddersen", "firm_reference": "KB-2026-0007",
               "creditor_name": "Elbtal Wasser GmbH", "creditor_email": "forderungen@elbtal-wasser.example",
               "creditor_reference": "EW-30418", "known_amount": 300.0, "letter_type": "plan",
               "plan_offer": {"type": "quota", "quota_percent": 6.0, "offer_amount": 18.0}}
    assert client.post("/api/v1/inquiries", json=inquiry, headers=JSON | b.auth).status_code == 201
    reply = ("zu Ihrem Zeichen KB-2026-0007 (Bruno Feddersen, Kundennummer EW-30418): den Plan lehnen wir ab. "
             "Zustimmen könnten wir bei einer Quote von 12 %.")
    job = zendesk(client, payload(from_email="forderungen@elbtal-wasser.example", body_text=reply,
                                  subject="AW: Schuldenbereinigungsplan KB-2026-0007"), secret=B_ZENDESK).json()
    drain(stub_worker)
    with session_scope() as session:
        review = session.query(Review).filter(Review.email_id == job["email_id"]).one()
        failed = IncomingEmail(dedup_key="firm-b-failed", firm_id=b.id, zendesk_ticket_id="9", from_email="x@y.example",
                               subject="s", body_text="b", to_addresses=[], cc_addresses=[], attachment_urls=[],
                               extra_fields={}, processing_status="failed")
        session.add(failed)
        session.flush()
        failed_id, review_id = failed.id, review.id
    bounce = resend_event(client, {"type": "email.bounced", "data": {
        "email_id": "sent-b", "to": ["forderungen@elbtal-wasser.example"], "subject": "KB-2026-0007"}},
        path="/kanzlei-b", delivery="msg_b_bounce")
    assert bounce.json()["inquiry_ids"], bounce.text
    return {"job_id": job["email_id"], "failed_id": failed_id, "review_id": review_id, "inquiry_id": "INQ-B1",
            "firm_reference": "KB-2026-0007"}


BODIES: dict[str, dict[str, Any]] = {
    "correct": {"reviewer": "A", "amount": "1.00"}, "plan-decisions": {"decision": "accepted", "reviewer": "A"},
    "retry": {"operator": "A"}, "cancel": {"operator": "A"}, "claim-next": {"reviewer": "A"},
    "approve": {"reviewer": "A"}, "reject": {"reviewer": "A"}, "claim": {"reviewer": "A"}, "release": {"reviewer": "A"},
    "pause": {"operator": "A"}, "resume": {"operator": "A"},
}


def test_firm_a_cannot_see_or_change_anything_of_firm_b(
    client: TestClient, two_firms: tuple[Firm, Firm], stub_worker: Worker
) -> None:
    a, b = two_firms
    ids = b_objects(client, b, stub_worker)
    spec = client.app.openapi()["paths"]  # type: ignore[attr-defined]
    walked = 0
    for path, operations in spec.items():
        if not path.startswith("/api/v1/") or "/webhook" in path:
            continue
        for method in operations:
            params = re.findall(r"{(\w+)}", path)
            url = path
            for name in params:
                value = ids["failed_id"] if (name == "job_id" and path.endswith("/retry")) else ids[name]
                url = url.replace(f"{{{name}}}", str(value))
            if path == "/api/v1/inquiries" and method == "post":
                continue  # below, once the walk is done: it makes A an inquiry with B's portal id
            body = next((v for k, v in BODIES.items() if path.endswith(k)), {})
            response = client.request(method.upper(), url, headers=JSON | a.auth | {"x-reviewer": "A"},
                                      json=body if method == "post" else None)
            walked += 1
            shown = response.text
            if params:
                assert response.status_code == 404, f"{method.upper()} {url}: {response.status_code} {shown}"
            elif path.startswith("/api/v1/processing"):
                assert response.status_code == 403, f"{method.upper()} {url}: {response.status_code}"
            else:
                assert response.status_code in {200, 201, 204}, f"{method.upper()} {url}: {response.status_code}"
                for secret_id in ("KB-2026-0007", "Bruno Feddersen", "elbtal-wasser", f'"id":{ids["job_id"]},'):
                    assert secret_id not in shown, f"{method.upper()} {url} shows firm B's {secret_id}"
    assert walked >= 20
    assert client.get("/metrics", headers=a.auth).status_code == 403  # every firm's figures: the operator's only
    # A writing an inquiry with B's portal id gets its own; B's stays as it was.
    mine = {"id": "INQ-B1", "client_name": "Anna Aalders", "firm_reference": "KA-2026-0001",
            "creditor_name": "Nordbank AG", "known_amount": 5.0}
    assert client.post("/api/v1/inquiries", json=mine, headers=JSON | a.auth).status_code == 201
    with session_scope() as session:  # nothing of B's changed
        assert jobs.get(session, ids["failed_id"]).processing_status == "failed"
        review = session.get(Review, ids["review_id"])
        assert review is not None and review.status == "open" and review.claimed_by is None
        b_inquiry = session.query(Inquiry).filter(Inquiry.firm_id == b.id).one()
        assert b_inquiry.external_id == "INQ-B1" and b_inquiry.undeliverable_at is not None
        assert b_inquiry.client_name == "Bruno Feddersen"
        a_inquiry = session.query(Inquiry).filter(Inquiry.firm_id == a.id).one()
        assert (a_inquiry.external_id, a_inquiry.client_name) == ("INQ-B1", "Anna Aalders")
    # B's own token and the operator's see B's objects.
    assert client.get(f"/api/v1/jobs/{ids['job_id']}", headers=b.auth).status_code == 200
    operator = {"authorization": f"Bearer {OPERATOR}"}
    assert client.get(f"/api/v1/jobs/{ids['job_id']}", headers=operator).status_code == 200
    b_inquiry_seen = client.get("/api/v1/inquiries/INQ-B1", headers=operator | {"x-firm": "kanzlei-b"}).json()
    assert b_inquiry_seen["client_name"] == "Bruno Feddersen"
    assert client.get("/api/v1/inquiries/INQ-B1", headers=operator | {"x-firm": "nope"}).status_code == 422
    listed = client.get("/api/v1/jobs", headers=b.auth).json()
    assert {j["id"] for j in listed["jobs"]} == {ids["job_id"], ids["failed_id"]}
    assert listed["total"] == 2 and listed["by_status"]["failed"] == 1


def test_a_wrong_or_revoked_token_is_refused(client: TestClient, two_firms: tuple[Firm, Firm],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    a, _ = two_firms
    assert client.get("/api/v1/jobs", headers={"authorization": "Bearer nonsense"}).status_code == 401
    assert main(["firms", "rotate-token", "kanzlei-a", "--json"]) == 0
    rotated = json.loads(capsys.readouterr().out)
    assert rotated["api_token"] != a.token and rotated["slug"] == "kanzlei-a"
    assert client.get("/api/v1/jobs", headers=a.auth).status_code == 401
    assert client.get("/api/v1/jobs", headers={"authorization": f"Bearer {rotated['api_token']}"}).status_code == 200
    with session_scope() as session:
        stored = [t.token_sha256 for t in session.query(FirmApiToken).all()]
    assert rotated["api_token"] not in stored and firms.token_hash(rotated["api_token"]) in stored


def test_firms_cli_adds_and_lists_without_showing_secrets(two_firms: tuple[Firm, Firm],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["firms", "add", "kanzlei-c", "--name", "Kanzlei C", "--address", "post@kanzlei-c.example",
                 "--zendesk-secret", "c-secret", "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert added["api_token"].startswith("cmf_") and added["own_zendesk_secret"] is True
    assert main(["firms", "list", "--json"]) == 0
    listed = capsys.readouterr().out
    assert "kanzlei-c" in listed and "c-secret" not in listed and added["api_token"] not in listed
    assert main(["firms", "add", "kanzlei-c"]) == 1
    assert "exists" in capsys.readouterr().err
    assert main(["firms", "add", "Bad Slug!"]) == 1


def basic(token: str) -> dict[str, str]:
    return {"authorization": "Basic " + base64.b64encode(f"firm:{token}".encode()).decode()}


def test_the_dashboard_scopes_by_the_login(client: TestClient, two_firms: tuple[Firm, Firm],
                                           stub_worker: Worker) -> None:
    a, b = two_firms
    ids = b_objects(client, b, stub_worker)
    a_job = zendesk(client, payload(subject="Nur für Kanzlei A"), secret=None, path="/kanzlei-a").json()["email_id"]
    drain(stub_worker)
    as_a = basic(a.token)
    for path in (f"/dashboard/jobs/{ids['job_id']}", f"/dashboard/reviews/{ids['review_id']}",
                 "/dashboard/clients/KB-2026-0007/plan"):
        assert client.get(path, headers=as_a).status_code == 404, path
    for path in ("/dashboard/workers", "/dashboard/charts"):
        assert client.get(path, headers=as_a).status_code == 403, path
    for path in ("/dashboard/jobs", "/dashboard/reviews", "/dashboard/reviews?tab=decided", "/dashboard/plans",
                 "/dashboard/deliveries"):
        page = client.get(path, headers=as_a)
        assert page.status_code == 200, path
        for secret in ("KB-2026-0007", "Bruno Feddersen", "elbtal-wasser", "Schuldenbereinigungsplan"):
            assert secret not in page.text, f"{path} shows firm B's {secret}"
        assert 'href="/dashboard/workers"' not in page.text
    assert "Nur für Kanzlei A" in client.get("/dashboard/jobs", headers=as_a).text
    # Deciding or retrying B's objects from A's login changes nothing.
    form = {"csrf_token": "t" * 43, "reviewer": "A"}
    cookies = {"cm_csrf": "t" * 43}
    client.cookies.update(cookies)
    approve = client.post(f"/dashboard/reviews/{ids['review_id']}/approve?view=page", data=form,
                          headers=as_a | {"origin": "http://testserver"})
    assert approve.status_code == 404
    retry = client.post(f"/dashboard/jobs/{ids['failed_id']}/retry", data=form,
                        headers=as_a | {"origin": "http://testserver"})
    assert retry.status_code == 404
    with session_scope() as session:
        assert session.get(Review, ids["review_id"]).status == "open"  # type: ignore[union-attr]
        assert jobs.get(session, ids["failed_id"]).processing_status == "failed"
    # The operator's login sees both firms.
    operator = basic(OPERATOR)
    everything = client.get("/dashboard/jobs", headers=operator).text
    assert "Nur für Kanzlei A" in everything and "Schuldenbereinigungsplan" in everything
    assert client.get(f"/dashboard/jobs/{a_job}", headers=basic(b.token)).status_code == 404
    assert client.get("/dashboard/plans", headers=operator).status_code == 200
    assert client.get("/dashboard/clients/KB-2026-0007/plan?firm=kanzlei-b", headers=operator).status_code == 200


def test_a_firms_own_portal_and_reference_pattern_are_used_for_its_mail(
    database: str, set_env: SetEnv, stub_worker: Worker
) -> None:
    with webhook_receiver(200) as deployment_portal, webhook_receiver(200) as firm_portal:
        set_env(jobs_api_token=OPERATOR, zendesk_webhook_secret=None, portal_webhook_url=deployment_portal.url,
                portal_webhook_secret="deployment-portal-secret")
        queue.declare_queue()
        queue.get_broker().flush_all()
        with session_scope() as session:
            issued = firms.create(session, "kanzlei-z", "Kanzlei Z", firm_reference_pattern=r"\bZ/\d{2}/\d{4}\b",
                                  portal_webhook_url=firm_portal.url, portal_webhook_secret="z-portal-secret",
                                  zendesk_webhook_secret="z-secret")
            token = issued.token
        firms.forget_directory()
        inquiry = {"id": "INQ-Z1", "client_name": "Jürgen Weißbach", "firm_reference": "Z/26/0117",
                   "creditor_name": "Nordbank AG", "creditor_email": "forderung@nordbank.example",
                   "known_amount": 3000.0}
        body = "Ihr Zeichen Z/26/0117, Mandant Jürgen Weißbach: die Forderung beträgt 3.212,32 EUR."
        with app_client() as client:
            assert client.post("/api/v1/inquiries", json=inquiry,
                               headers=JSON | {"authorization": f"Bearer {token}"}).status_code == 201
            job = zendesk(client, payload(from_email="forderung@nordbank.example", body_text=body),
                          secret="z-secret").json()
            drain(stub_worker)
        with session_scope() as session:
            email = jobs.get(session, job["email_id"])
            match = email.extracted_data["match"]
            assert email.match_status == "auto_matched", match
            signals = {s["signal"] for s in match["explanation"][0]["signals"]}
            assert "firm_reference" in signals  # read with the firm's own pattern (the default one cannot)
            rows = [(r.target, r.firm_id) for r in session.query(OutboxMessage).all()]
        firms.forget_directory()
    assert rows == [(firm_portal.url, issued.firm.id)]
    assert deployment_portal.posts == []
    assert len(firm_portal.posts) == 1
    delivered = firm_portal.posts[0]
    assert delivered.headers[outbox.SIGNATURE_HEADER.lower()] == outbox.sign("z-portal-secret", delivered.body)
