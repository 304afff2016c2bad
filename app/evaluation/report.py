"""evaluation/report.py — run and render the evaluation; invariant: accuracies are fractions 0..1."""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.evaluation.corpus import Corpus, load_corpus
from app.evaluation.match_scoring import MatchFigures, score_matching
from app.evaluation.plan_scoring import PlanFigures, score_plans
from app.evaluation.predict import Matcher, Prediction, predict_email, prediction_record
from app.evaluation.scoring import Miss, NoiseAmount, confusion, misses_for, noise_for, normalise_reference, ratio
from app.evaluation.table import header_markdown, row_json, row_markdown, table_row
from app.services.extraction import DEFAULT_FIRM_REFERENCE_PATTERN


@dataclass(frozen=True)
class EvalReport:
    """Figures of one evaluation run plus every prediction and miss behind them."""

    corpus_dir: str
    emails: int
    amount_emails: int
    amount_correct: int
    amount_unexpected: int
    intent_correct: int
    reference_emails: int
    reference_correct: int
    components_emails: int
    components_correct: int
    safe_emails: int
    safe_but_wrong: int
    decoy_emails: int
    noise: tuple[NoiseAmount, ...]
    intent_confusion: dict[str, dict[str, int]]
    misses: tuple[Miss, ...]
    predictions: tuple[Prediction, ...] = field(repr=False)
    seconds: float = 0.0
    matching: MatchFigures | None = None
    plans: PlanFigures | None = None

    def with_matching(self, figures: MatchFigures) -> EvalReport:
        return replace(self, matching=figures)

    @property
    def amount_accuracy(self) -> float:
        return ratio(self.amount_correct, self.amount_emails)

    @property
    def intent_accuracy(self) -> float:
        return ratio(self.intent_correct, self.emails)

    @property
    def reference_accuracy(self) -> float:
        return ratio(self.reference_correct, self.reference_emails)

    @property
    def components_accuracy(self) -> float:
        return ratio(self.components_correct, self.components_emails)

    @property
    def noise_amounts(self) -> int:
        return len(self.noise)


def score(corpus: Corpus, predictions: Sequence[Prediction], seconds: float) -> EvalReport:
    counts: dict[str, Any] = dict.fromkeys(
        ("amount_emails", "amount_correct", "amount_unexpected", "intent_correct", "reference_emails",
         "reference_correct", "components_emails", "components_correct", "safe_emails", "safe_but_wrong",
         "decoy_emails"), 0)
    misses: list[Miss] = []
    noise: list[NoiseAmount] = []
    pairs: list[tuple[str, str]] = []
    for prediction in predictions:
        result = prediction.result
        labels = corpus.labels.get(prediction.email_id)
        noise.extend(noise_for(prediction, labels))
        if labels is None:
            continue
        counts["decoy_emails"] += labels.decoys is not None
        pairs.append((labels.intent, result.intent))
        counts["intent_correct"] += result.intent == labels.intent
        if labels.total_amount is not None:
            counts["amount_emails"] += 1
            counts["amount_correct"] += result.total_amount == labels.total_amount
        elif result.total_amount is not None:
            counts["amount_unexpected"] += 1
        if labels.creditor_reference is not None:
            counts["reference_emails"] += 1
            counts["reference_correct"] += normalise_reference(labels.creditor_reference) == normalise_reference(
                result.creditor_reference)
        if labels.components:
            counts["components_emails"] += 1
            counts["components_correct"] += dict(result.components) == dict(labels.components)
        if result.amount_is_safe:
            counts["safe_emails"] += 1
            counts["safe_but_wrong"] += result.total_amount != labels.total_amount
        misses.extend(misses_for(prediction, labels))
    return EvalReport(
        corpus_dir=str(corpus.directory),
        emails=len(corpus.labels),
        noise=tuple(noise),
        intent_confusion=confusion(pairs),
        misses=tuple(misses),
        predictions=tuple(predictions),
        seconds=round(seconds, 3),
        plans=score_plans(predictions, corpus.labels),
        **counts,
    )


def run_extraction_eval(
    corpus_dir: Path,
    *,
    matcher: Matcher | None = None,
    firm_reference_pattern: str = DEFAULT_FIRM_REFERENCE_PATTERN,
) -> EvalReport:
    """Predict every email of the corpus (labels unseen), then score the predictions; the matching
    figures only when a matcher ran."""
    corpus = load_corpus(Path(corpus_dir))
    started = time.perf_counter()
    predictions = [
        predict_email(email, inquiries=corpus.inquiries, matcher=matcher, firm_reference_pattern=firm_reference_pattern)
        for email in corpus.emails
    ]
    report = score(corpus, predictions, time.perf_counter() - started)
    return report if matcher is None else report.with_matching(score_matching(predictions, corpus.labels))


def report_json(report: EvalReport) -> dict[str, Any]:
    """The figures as plain JSON values; accuracies are fractions 0..1."""
    return {
        "corpus_dir": report.corpus_dir,
        "emails": report.emails,
        "table": row_json(table_row(report)),
        "amount_accuracy": report.amount_accuracy,
        "amount_emails": report.amount_emails,
        "amount_correct": report.amount_correct,
        "amount_unexpected": report.amount_unexpected,
        "intent_accuracy": report.intent_accuracy,
        "intent_correct": report.intent_correct,
        "reference_accuracy": report.reference_accuracy,
        "reference_emails": report.reference_emails,
        "reference_correct": report.reference_correct,
        "components_accuracy": report.components_accuracy,
        "components_emails": report.components_emails,
        "noise_amounts": report.noise_amounts,
        "safe_emails": report.safe_emails,
        "safe_but_wrong": report.safe_but_wrong,
        "intent_confusion": report.intent_confusion,
        "decoy_emails": report.decoy_emails,
        "noise": [
            {"id": n.email_id, "field": n.field, "value": str(n.value), "kind": n.kind,
             "evidence": n.evidence.model_dump(mode="json") if n.evidence else None}
            for n in report.noise
        ],
        "misses": [
            {"id": m.email_id, "field": m.field, "expected": m.expected, "predicted": m.predicted,
             "evidence": m.evidence, "reasons": list(m.reasons)}
            for m in report.misses
        ],
        **(_matching_json(report.matching) if report.matching else {}),
        **(report.plans.as_json() if report.plans else {}),
        "seconds": report.seconds,
        "machine": {"platform": platform.platform(), "python": platform.python_version()},
    }


def _matching_json(figures: MatchFigures) -> dict[str, Any]:
    return {
        "match_accuracy": figures.match_accuracy,
        "auto_apply_precision": figures.auto_apply_precision,
        "auto_apply_recall": figures.auto_apply_recall,
        "wrong_auto_writes": figures.wrong_auto_writes,
        "auto_writes": figures.auto_writes,
        "auto_update_ok_emails": figures.auto_ok_emails,
        "auto_update_ok_applied": figures.auto_ok_applied,
        "auto_writes_needing_human": figures.auto_writes_needing_human,
        "needed_human": list(figures.needed_human),
        "wrong_writes": [vars(w) for w in figures.wrong_writes],
        "match_misses": [{"id": i, "expected": e, "predicted": p, "status": st}
                         for i, e, p, st in figures.match_misses],
    }


def _matching_lines(figures: MatchFigures) -> list[str]:
    lines = [
        f"match accuracy:       {figures.match_accuracy:.1%} ({figures.match_correct}/{figures.emails})",
        f"auto-apply precision: {figures.auto_apply_precision:.1%} ({figures.right_auto_writes}/{figures.auto_writes}"
        " automatic writes right)",
        f"auto-apply recall:    {figures.auto_apply_recall:.1%} ({figures.auto_ok_applied}/{figures.auto_ok_emails}"
        " auto_update_ok emails applied)",
        f"wrong auto writes:    {figures.wrong_auto_writes}",
    ]
    lines += [f"  AUTO-APPLIED, NEEDED A HUMAN {email_id}" for email_id in figures.needed_human]
    lines += [f"  WRONG WRITE {w.email_id}: {w.inquiry_id} {w.amount} (expected {w.expected_inquiry_id} "
              f"{w.expected_amount})" for w in figures.wrong_writes]
    lines += [f"  match miss {i}: expected {e}, predicted {p} ({st})" for i, e, p, st in figures.match_misses]
    return lines


def _confusion_lines(table: dict[str, dict[str, int]]) -> list[str]:
    labels = sorted(set(table) | {p for row in table.values() for p in row})
    header = "expected \\ predicted"
    width = max([len(label) for label in labels] + [len(header)])
    lines = [header.ljust(width + 2) + " ".join(label[:8].rjust(8) for label in labels)]
    for expected in labels:
        row = table.get(expected, {})
        lines.append(expected.ljust(width + 2) + " ".join(str(row.get(p, 0)).rjust(8) for p in labels))
    return lines


_NOISE_FROM = {
    "decoys": "the labelled decoys",
    "evidence": "their evidence (this corpus labels no decoys)",
    "decoys+evidence": "the labelled decoys where an email has them, else their evidence",
}


def report_text(report: EvalReport) -> str:
    """A readable report: the figures, the intent confusion table and every miss with evidence."""
    row = table_row(report)
    lines = [
        f"Evaluation — {report.corpus_dir}",
        "",
        *header_markdown(),
        row_markdown(row),
        f"(noise amounts judged by {_NOISE_FROM[row.noise_from]}"
        + ("" if report.matching else "; the match columns need the pipeline replay") + ")",
        "",
        f"emails:              {report.emails}",
        f"amount accuracy:     {report.amount_accuracy:.1%} ({report.amount_correct}/{report.amount_emails} emails"
        " stating a total)",
        f"amount unexpected:   {report.amount_unexpected} (a total predicted where none is stated)",
        f"intent accuracy:     {report.intent_accuracy:.1%} ({report.intent_correct}/{report.emails})",
        f"reference accuracy:  {report.reference_accuracy:.1%} ({report.reference_correct}/{report.reference_emails})",
        f"components accuracy: {report.components_accuracy:.1%} "
        f"({report.components_correct}/{report.components_emails})",
        f"noise amounts:       {report.noise_amounts} ({report.decoy_emails} emails judged by labelled decoys)",
        f"amount_is_safe:      {report.safe_emails} emails, {report.safe_but_wrong} of them with a wrong total",
        *(_matching_lines(report.matching) if report.matching else []),
        *(report.plans.lines() if report.plans else []),
        f"time:                {report.seconds:.2f} s",
        "",
        "Intent confusion:",
        *("  " + line for line in _confusion_lines(report.intent_confusion)),
    ]
    if report.noise:
        lines += ["", "Noise amounts:"]
        lines += [f"  {n.email_id} {n.field} {n.value} ({n.kind}) — "
                  + (f"{n.evidence.source} {n.evidence.location}" if n.evidence else "no evidence")
                  for n in report.noise]
    lines += ["", f"Misses ({len(report.misses)}):"]
    for miss in report.misses:
        lines.append(f"  {miss.email_id} {miss.field}: expected {miss.expected}, predicted {miss.predicted}")
        lines.append(f"      evidence: {miss.evidence}")
        lines.extend(f"      reason: {reason}" for reason in miss.reasons[:4])
    return "\n".join(lines) + "\n"


def write_predictions(report: EvalReport, path: Path) -> None:
    """One JSON object per line and email: the fields a later matching stage completes."""
    with Path(path).open("w", encoding="utf-8") as handle:
        for prediction in report.predictions:
            handle.write(json.dumps(prediction_record(prediction), ensure_ascii=False) + "\n")
