"""Resend's events read into what intake and the delivery record take."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.services.inbound import resend

RECEIVED = {
    "email_id": "56761188-7520-42d8-8898-ff6fc54ce618",
    "created_at": "2026-11-30T09:15:02.511+00:00",
    "from": "Inkasso Nord GmbH <Forderungen@Inkasso-Nord.example>",
    "to": ["Kanzlei <glaeubiger+AB-2026-0012@kanzlei.example>"],
    "cc": "akte@kanzlei.example",
    "message_id": "<abc@inkasso-nord.example>",
    "subject": "AW: Ihre Anfrage AB-2026-0012",
    "attachments": [{"id": "att-1", "filename": "Aufstellung.pdf", "content_type": "application/pdf",
                     "content_disposition": "attachment"}],
}


def test_a_received_email_becomes_a_notice_without_body_keyed_by_the_delivery() -> None:
    notice = resend.notice(resend.ReceivedData.model_validate(RECEIVED), "msg_abc")
    assert notice.from_email == "forderungen@inkasso-nord.example"
    assert notice.from_name == "Inkasso Nord GmbH"
    assert notice.to_addresses == ["glaeubiger+AB-2026-0012@kanzlei.example"]
    assert notice.cc_addresses == ["akte@kanzlei.example"]
    assert notice.body_text is None and notice.body_html is None
    assert notice.webhook_id == "svix:msg_abc"
    assert notice.received_at is not None and notice.received_at.minute == 15
    inbound = (notice.model_extra or {})["inbound"]
    assert inbound["provider"] == "resend" and inbound["email_id"] == RECEIVED["email_id"]
    assert inbound["attachments"][0]["filename"] == "Aufstellung.pdf"
    assert resend.is_resend({"inbound": inbound})
    assert not resend.is_resend({}) and not resend.is_resend(None)


def test_a_sender_that_is_no_address_is_refused() -> None:
    with pytest.raises(ValidationError, match="from_email"):
        resend.notice(resend.ReceivedData.model_validate(RECEIVED | {"from": "Inkasso Nord"}), "msg_x")


def test_a_bounce_names_its_recipients_and_reason_and_reads_tags_in_both_shapes() -> None:
    event = resend.Event.model_validate({
        "type": "email.bounced", "created_at": "2026-11-30T10:00:00Z",
        "data": {"email_id": "sent-1", "to": ["Mahnung@Stadtwerke.example"], "subject": "Anfrage AB-2026-0012",
                 "bounce": {"type": "Permanent", "subType": "General", "message": "mailbox unknown"},
                 "tags": [{"name": "inquiry", "value": "INQ-7"}]}})
    problem = resend.delivery_problem(event)
    assert problem.kind == "bounced"
    assert problem.recipients == ["Mahnung@Stadtwerke.example"]
    assert problem.detail == "Permanent · General · mailbox unknown"
    assert problem.tags == {"inquiry": "INQ-7"}
    complaint = resend.delivery_problem(resend.Event.model_validate({
        "type": "email.complained", "data": {"email_id": "sent-2", "to": "a@b.example", "tags": {"inquiry": "INQ-8"}}}))
    assert complaint.kind == "complained" and complaint.tags == {"inquiry": "INQ-8"} and complaint.detail is None
