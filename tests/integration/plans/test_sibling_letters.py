"""A firm keeps both letters per client × creditor: the first-round inquiry and, months later, the plan letter.
Replayed corpora with the sibling letter added must still match every reply to the letter it answers: plan
corpora keep their plan floors, and a first-round corpus whose plan letters go out after its replies keeps
its matches and writes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from app.config import get_settings
from app.evaluation import report_text, run_pipeline_eval
from tests.integration.plans.test_plan_corpus_floors import SHARED_CORPORA, plan_corpora, share_floor


def with_siblings(source: Path, target: Path, sibling: dict[str, Any]) -> Path:
    """A copy of the corpus in which every inquiry gets a sibling letter (same client, creditor, reference)."""
    shutil.copytree(source, target)
    data = json.loads((target / "corpus.json").read_text(encoding="utf-8"))
    extra = []
    for inquiry in data["inquiries"]:
        twin = {key: value for key, value in inquiry.items() if key not in ("letter_type", "plan_offer")}
        extra.append({**twin, **sibling, "id": f"SIB-{inquiry['id']}"})
    data["inquiries"] += extra
    (target / "corpus.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


@pytest.mark.parametrize("corpus", plan_corpora(), ids=lambda path: path.name)
def test_plan_replies_answer_the_plan_letter_next_to_an_earlier_first_letter(
        corpus: Path, sqlite_database: str, tmp_path: Path) -> None:
    mixed = with_siblings(corpus, tmp_path / "mixed", {"sent_at": "2026-05-04T08:00:00Z"})
    report = run_pipeline_eval(mixed, get_settings(), tmp_path / "work")
    assert report.plans is not None and report.matching is not None
    assert report.matching.match_accuracy >= share_floor(corpus, "match", 0.98), report_text(report)
    assert report.plans.decision_accuracy >= share_floor(corpus, "decision", 0.95), report_text(report)
    assert report.plans.claim_writes == 0 and report.matching.wrong_auto_writes == 0, report_text(report)


def test_first_round_replies_keep_their_letter_when_the_plan_went_out_later(sqlite_database: str,
                                                                           tmp_path: Path) -> None:
    sibling = {"letter_type": "plan", "plan_offer": {"type": "zero", "reply_by": "2027-06-30"},
               "sent_at": "2027-05-03T08:00:00Z"}
    mixed = with_siblings(SHARED_CORPORA / "dev", tmp_path / "mixed", sibling)
    report = run_pipeline_eval(mixed, get_settings(), tmp_path / "work")
    assert report.matching is not None
    assert report.matching.match_accuracy == 1.0, report_text(report)
    assert report.matching.wrong_auto_writes == 0 and report.matching.auto_ok_applied >= 15, report_text(report)
