"""Text read out of a file may hold NUL or lone surrogates; the stored result never does (PostgreSQL refuses them)."""

from __future__ import annotations

import pytest

from app.services.attachments import text as attachment_text
from app.services.attachments.base import Extracted
from app.services.attachments.detect import Detection
from app.services.attachments.result import TextSegment
from app.services.attachments.text import read_attachment


def test_a_readers_nul_and_lone_surrogate_are_replaced_before_the_result_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def hostile_reader(_data: bytes, _detection: Detection, _limits: object) -> Extracted:
        return Extracted(segments=[TextSegment("page 1, line 1\x00", "Saldo\x00 12,00 \ud800EUR")])

    monkeypatch.setattr(attachment_text, "_reader_for", lambda _kind: hostile_reader)
    result = read_attachment(b"%PDF-1.4 whatever", "kontoauszug.pdf")
    assert result.status == "ok"
    [segment] = result.segments
    assert segment.text == "Saldo\ufffd 12,00 \ufffdEUR"
    assert "\x00" not in segment.location
    segment.text.encode("utf-8")  # would raise on a lone surrogate
