"""Which kind of corpus a folder holds: first-round replies or replies to settlement plans."""

from __future__ import annotations

import json
from pathlib import Path


def is_plan_corpus(directory: Path) -> bool:
    """True when the folder's corpus.json holds plan letters (inquiries with letter_type "plan")."""
    path = directory / "corpus.json"
    if not path.is_file():
        return False
    inquiries = json.loads(path.read_text(encoding="utf-8")).get("inquiries") or []
    return any(item.get("letter_type") == "plan" for item in inquiries)
