"""extras.py — keep out the optional extras libraries load merely because they are installed.

`structlog` loads `rich` (and through it `pygments`) for pretty tracebacks in its console renderer, and
`httpx` loads its command-line client (`click`, `rich`, `pygments`) whenever those are installed. The
service installs `rich` for its own CLI, so every web and worker process carried about 5 MiB of modules it
never used. `rich` is hidden for the length of structlog's import only, so the CLI can still use it;
httpx's CLI module is marked absent for good (nothing here runs it), so httpx skips it whenever it is first
imported — the web process, which never downloads anything, does not import httpx at all.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

NEVER_USED = ("httpx._main",)


@contextlib.contextmanager
def hidden(*names: str) -> Iterator[None]:
    """A module set to None in `sys.modules` raises ImportError when imported; the previous state is put back."""
    saved = {name: sys.modules[name] for name in names if name in sys.modules}
    for name in names:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        for name in names:
            if name in saved:
                sys.modules[name] = saved[name]
            else:
                sys.modules.pop(name, None)


def import_without_extras() -> None:
    """Only the first import decides what a library loads; once imported elsewhere, there is nothing to hide."""
    for name in NEVER_USED:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]
    if "structlog" not in sys.modules:
        with hidden("rich"):
            import structlog  # noqa: F401, PLC0415
