"""extras.py — import the libraries that load optional extras merely because they are installed, without them.

`structlog` loads `rich` (and through it `pygments`) for pretty tracebacks in its console renderer, and
`httpx` loads its command-line client (`click`, `rich`, `pygments`) whenever those are installed. The
service installs `rich` for its own CLI, so every web and worker process carried about 5 MiB of modules it
never used. Hidden for the length of those two imports only, the libraries take their documented
"not installed" path; `rich` stays importable for the CLI afterwards.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

HIDDEN_DURING = {"structlog": ("rich",), "httpx": ("httpx._main",)}


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
    for library, extras in HIDDEN_DURING.items():
        if library in sys.modules:
            continue
        with hidden(*extras):
            __import__(library)
