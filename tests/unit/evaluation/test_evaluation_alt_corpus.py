"""The extractor holds its targets on the alt corpus (another firm, other creditors and phrasings than dev)."""

from __future__ import annotations

from pathlib import Path

from app.evaluation import report_text, run_extraction_eval

ALT_CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus_alt"


def test_alt_corpus_has_no_noise_no_safe_but_wrong_and_meets_accuracy_bars() -> None:
    assert (ALT_CORPUS / "corpus.json").is_file(), f"alt corpus missing at {ALT_CORPUS}"
    report = run_extraction_eval(ALT_CORPUS)
    summary = report_text(report)
    assert report.emails >= 30, summary
    assert report.noise_amounts == 0, summary
    assert report.safe_but_wrong == 0, summary
    assert report.amount_accuracy >= 0.95, summary
    assert report.intent_accuracy >= 0.95, summary
    assert report.reference_accuracy >= 0.9, summary
