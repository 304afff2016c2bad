"""Svix signatures as Resend sends them, checked against a signature computed here straight from the
published scheme (HMAC-SHA256 of "id.timestamp.body" keyed with the base64-decoded whsec_ secret)."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest

from app.services.inbound import svix
from app.services.signatures import SignatureRejected

KEY = b"\x01\x02 key bytes for the test \xfe\xff"
SECRET = "whsec_" + base64.b64encode(KEY).decode()
BODY = b'{"type":"email.received","data":{"email_id":"e-1"}}'
NOW = 1_780_000_000


def reference_signature(key: bytes, message_id: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(key, f"{message_id}.{timestamp}.".encode() + body, hashlib.sha256)
    return "v1," + base64.b64encode(mac.digest()).decode()


def headers(signature: str, *, message_id: str = "msg_2Lk", timestamp: int = NOW) -> svix.SvixHeaders:
    return svix.SvixHeaders(message_id, str(timestamp), signature)


def check(h: svix.SvixHeaders, body: bytes = BODY, now: float = NOW) -> str:
    return svix.verify(SECRET, h, body, now=now, tolerance_seconds=300)


def test_our_signature_is_the_published_one() -> None:
    assert svix.sign(SECRET, "msg_2Lk", str(NOW), BODY) == reference_signature(KEY, "msg_2Lk", NOW, BODY)


def test_a_correctly_signed_delivery_gives_its_id() -> None:
    assert check(headers(reference_signature(KEY, "msg_2Lk", NOW, BODY))) == "msg_2Lk"


def test_one_matching_signature_among_several_is_enough() -> None:
    old_key = b"the secret before rotation"
    offered = " ".join([reference_signature(old_key, "msg_2Lk", NOW, BODY), "v2,notascheme",
                        reference_signature(KEY, "msg_2Lk", NOW, BODY)])
    assert check(headers(offered)) == "msg_2Lk"


@pytest.mark.parametrize("change", ["body", "id", "timestamp", "key"])
def test_anything_signed_differently_is_refused(change: str) -> None:
    signature = {
        "body": reference_signature(KEY, "msg_2Lk", NOW, BODY + b" "),
        "id": reference_signature(KEY, "msg_other", NOW, BODY),
        "timestamp": reference_signature(KEY, "msg_2Lk", NOW - 1, BODY),
        "key": reference_signature(b"another key", "msg_2Lk", NOW, BODY),
    }[change]
    with pytest.raises(SignatureRejected, match="no svix-signature matches"):
        check(headers(signature))


@pytest.mark.parametrize("skew", [-301, 301])
def test_a_timestamp_outside_the_window_either_way_is_refused(skew: int) -> None:
    stamp = NOW + skew
    with pytest.raises(SignatureRejected, match="window") as refused:
        check(headers(reference_signature(KEY, "msg_2Lk", stamp, BODY), timestamp=stamp))
    assert refused.value.status_code == 401


def test_a_timestamp_at_the_edge_of_the_window_is_accepted() -> None:
    stamp = NOW - 300
    assert check(headers(reference_signature(KEY, "msg_2Lk", stamp, BODY), timestamp=stamp)) == "msg_2Lk"


@pytest.mark.parametrize(("h", "reason"), [
    (svix.SvixHeaders(None, str(NOW), "v1,x"), "missing"),
    (svix.SvixHeaders("msg", None, "v1,x"), "missing"),
    (svix.SvixHeaders("msg", str(NOW), None), "missing"),
    (svix.SvixHeaders("msg", "yesterday", "v1,x"), "whole number"),
    (svix.SvixHeaders("msg", str(NOW), "v2,abc"), "no v1 signature"),
    (svix.SvixHeaders("m" * 200, str(NOW), "v1,x"), "too long"),
])
def test_malformed_headers_are_refused_with_the_reason(h: svix.SvixHeaders, reason: str) -> None:
    with pytest.raises(SignatureRejected, match=reason):
        check(h)


def test_the_secret_may_be_given_without_its_prefix() -> None:
    bare = base64.b64encode(KEY).decode()
    signature = reference_signature(KEY, "msg_2Lk", NOW, BODY)
    assert svix.verify(bare, headers(signature), BODY, now=NOW, tolerance_seconds=300) == "msg_2Lk"


def test_a_secret_that_is_not_base64_is_named() -> None:
    with pytest.raises(ValueError, match="whsec_"):
        svix.secret_key("whsec_not base64!")
