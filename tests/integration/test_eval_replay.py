"""The evaluator's replay through the production pipeline, on a corpus written apart from the
dev one (another firm, reference scheme, creditors and phrasings): never a wrong automatic write."""

from __future__ import annotations

from pathlib import Path

from app.config import get_settings
from app.evaluation import run_pipeline_eval

ALT_CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus_alt"


def test_replaying_the_alternative_corpus_writes_nothing_wrong(sqlite_database: str, tmp_path: Path) -> None:
    report = run_pipeline_eval(ALT_CORPUS, get_settings(), tmp_path)
    figures = report.matching
    assert figures is not None
    assert figures.wrong_auto_writes == 0
    assert figures.auto_apply_precision == 1.0
    assert figures.match_accuracy >= 0.9
    assert figures.auto_apply_recall >= 0.8
    assert report.noise_amounts == 0 and report.safe_but_wrong == 0
