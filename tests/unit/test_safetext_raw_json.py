"""The webhook skips the text scrub only for a body whose JSON cannot decode to a NUL or a lone surrogate."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.services import intake, safetext
from tests.support.factories import encode, payload

# Text that reaches for the edges: NUL, surrogates (lone and paired), other controls, escapes' own characters.
edgy_text = st.text(alphabet=st.one_of(
    st.sampled_from(["\x00", "\ud800", "\udbff", "\udc00", "\udfff", "\\", "u", "0", "d", "8", "\"", "\x1f"]),
    st.characters(codec="utf-8"), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)), max_size=12)
json_value = st.recursive(st.one_of(st.none(), st.integers(), edgy_text),
                          lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                  st.dictionaries(edgy_text, inner, max_size=4)), max_leaves=12)


def encodings(value: Any) -> list[bytes]:
    out = [json.dumps(value).encode()]
    with contextlib.suppress(UnicodeEncodeError):  # a lone surrogate has no UTF-8 form, only an escape
        out.append(json.dumps(value, ensure_ascii=False).encode("utf-8"))
    out += [json.dumps(value, ensure_ascii=False).encode("utf-16", "surrogatepass"),
            json.dumps(value).encode("utf-32")]
    return out


@settings(max_examples=400, deadline=None)
@given(json_value)
def test_a_body_said_clean_decodes_to_nothing_the_scrub_would_change(value: Any) -> None:
    for body in encodings(value):
        if not safetext.json_needs_scrub(body):
            decoded = json.loads(body)
            assert safetext.scrub(decoded, []) == decoded


def test_escaped_nul_and_surrogates_and_wide_encodings_need_the_scrub() -> None:
    assert safetext.json_needs_scrub(b'{"a": "x\\u0000"}')
    assert safetext.json_needs_scrub(b'{"a": "\\uD83D"}')
    assert safetext.json_needs_scrub(b'{"a": "\\udfff"}')
    assert safetext.json_needs_scrub('{"a": "b"}'.encode("utf-16"))
    assert not safetext.json_needs_scrub('{"a": "Grüße \\u00e4 \\ue000"}'.encode())


def test_with_the_context_the_model_skips_the_scrub_and_without_it_scrubs() -> None:
    data = payload(subject="Forderung\x00 offen")
    scrubbed = intake.InboundEmail.model_validate(data)
    assert scrubbed.subject == "Forderung\ufffd offen" and scrubbed.replaced_digest() is not None
    trusted = intake.InboundEmail.model_validate(data, context={safetext.NOTHING_TO_SCRUB: True})
    assert trusted.subject == "Forderung\x00 offen"  # proves the skip is real, hence the raw-body check above
    assert safetext.json_needs_scrub(encode(data))
