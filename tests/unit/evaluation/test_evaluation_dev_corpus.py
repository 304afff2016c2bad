"""The extractor meets its targets on the shared dev corpus (the corpus must exist: a missing one fails)."""

from __future__ import annotations

from pathlib import Path

from app.evaluation import report_json, report_text, run_extraction_eval

DEV_CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus" / "dev"


def test_dev_corpus_meets_amount_intent_and_noise_targets() -> None:
    assert (DEV_CORPUS / "corpus.json").is_file(), f"dev corpus missing at {DEV_CORPUS.resolve()}"
    report = run_extraction_eval(DEV_CORPUS)
    figures = report_json(report)
    summary = report_text(report)
    assert figures["emails"] == 30
    assert figures["amount_accuracy"] >= 0.95, summary
    assert figures["intent_accuracy"] >= 0.90, summary
    assert figures["noise_amounts"] == 0, summary
    assert figures["reference_accuracy"] >= 0.90, summary
    assert figures["safe_but_wrong"] == 0, summary
