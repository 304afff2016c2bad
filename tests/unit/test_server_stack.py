"""The Procfile's `uvicorn` command chooses its HTTP parser and event loop from what is installed ("auto"):
the install must bring the C ones, which take about a quarter of the CPU off every webhook (bench/ingest.py)."""

from __future__ import annotations

import sys

import pytest
from uvicorn.loops.auto import auto_loop_factory
from uvicorn.protocols.http.auto import AutoHTTPProtocol


def test_the_web_command_parses_http_with_httptools() -> None:
    assert AutoHTTPProtocol.__name__ == "HttpToolsProtocol"


@pytest.mark.skipif(sys.platform == "win32", reason="uvloop is not installed on Windows")
def test_the_web_command_runs_on_uvloop() -> None:
    loop = auto_loop_factory()()
    try:
        assert type(loop).__module__.startswith("uvloop")
    finally:
        loop.close()
