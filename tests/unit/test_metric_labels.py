"""Metric labels come from short fixed lists: an attachment's failure reason and a webhook refusal are
reduced to a class (the reason text itself names files, hosts and sizes)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.metrics_live import rejection_class
from app.services.metrics_store import Increments, labels_key, reason_class


@pytest.mark.parametrize(("reason", "label"), [
    ("no download URL", "bad_url"),
    ("host files.evil.example is not on the allow-list", "host_refused"),
    ("host 10.0.0.1 resolves to a non-public address (10.0.0.1)", "host_refused"),
    ("HTTP 404 from acme.zendesk.com", "http_status"),
    ("file is larger than the limit of 20971520 bytes", "too_large"),
    ("declared size 30000000 bytes exceeds the limit of 20971520", "too_large"),
    ("PDF is encrypted (a password is required)", "encrypted"),
    ("zip holds 20000 entries (limit 10000)", "container"),
    ("PDF has 900 pages (limit 300)", "over_limit"),
    ("document has over 20000 lines of text", "over_limit"),
    ("OCR took longer than 60 s", "ocr"),
    ("broken PDF: Failed to load document", "broken"),
    ("malware scan result: infected", "malware"),
    ("something nobody foresaw", "other"),
    (None, "other"),
])
def test_an_attachment_failure_reason_becomes_a_short_class(reason: str | None, label: str) -> None:
    assert reason_class(reason) == label


@pytest.mark.parametrize(("status", "reason", "label"), [
    (401, "signature does not match", "bad_signature"),
    (401, "missing X-Zendesk-Webhook-Signature or -Timestamp header", "signature_missing"),
    (401, "signature timestamp outside the 300 s window", "timestamp"),
    (401, "no svix-signature matches", "bad_signature"),
    (413, "body larger than 2097152 bytes", "too_large"),
    (415, "send Content-Type: application/json", "content_type"),
    (422, "invalid fields: from_email", "invalid_fields"),
    (400, "body is not valid JSON: Expecting value", "malformed_body"),
    (418, "teapot", "other"),
])
def test_a_webhook_refusal_becomes_a_short_class(status: int, reason: str, label: str) -> None:
    assert rejection_class(status, reason) == label


def test_a_histogram_observation_counts_in_the_first_bucket_that_holds_it() -> None:
    increments = Increments()
    increments.observe("stage_seconds", 0.3, stage="body")
    increments.observe("stage_seconds", 500.0, stage="body")
    values = {name + labels: value for (name, labels), value in increments.values.items()}
    assert values['stage_seconds_bucket{"le":"0.5","stage":"body"}'] == 1
    assert values['stage_seconds_bucket{"le":"+Inf","stage":"body"}'] == 1
    assert 'stage_seconds_count{"stage":"body"}' not in values  # the +Inf bucket, cumulated at scrape
    assert values['stage_seconds_sum{"stage":"body"}'] == 500.3


@given(st.dictionaries(st.sampled_from(("stage", "le", "outcome", "intent", "status", "reason", "ä", "\"")),
                       st.text(max_size=6), max_size=5))
@settings(derandomize=True, max_examples=300, deadline=None)
def test_a_label_set_is_keyed_as_its_sorted_compact_json_however_often_it_comes(labels: dict[str, str]) -> None:
    expected = json.dumps(dict(sorted(labels.items())), separators=(",", ":"))
    assert labels_key(labels) == expected
    assert labels_key(dict(reversed(list(labels.items())))) == expected  # remembered or not: the same key
