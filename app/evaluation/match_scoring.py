"""evaluation/match_scoring.py — match and auto-apply figures; invariant: a write counts as right only
when both the inquiry and the amount are the labelled ones, and as wanted only on an email labelled
auto_update_ok."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.evaluation.corpus import ExpectedLabels
from app.evaluation.predict import Prediction
from app.evaluation.scoring import ratio


@dataclass(frozen=True)
class WrongWrite:
    email_id: str
    inquiry_id: str | None
    amount: str | None
    expected_inquiry_id: str | None
    expected_amount: str | None


@dataclass(frozen=True)
class MatchFigures:
    emails: int
    match_correct: int
    auto_writes: int
    right_auto_writes: int
    auto_ok_emails: int
    auto_ok_applied: int
    wrong_writes: tuple[WrongWrite, ...]
    match_misses: tuple[tuple[str, str | None, str | None, str | None], ...]
    # Emails written automatically although their label says a human must decide.
    needed_human: tuple[str, ...] = ()

    @property
    def match_accuracy(self) -> float:
        return ratio(self.match_correct, self.emails)

    @property
    def auto_apply_precision(self) -> float:
        return ratio(self.right_auto_writes, self.auto_writes)

    @property
    def auto_apply_recall(self) -> float:
        return ratio(self.auto_ok_applied, self.auto_ok_emails)

    @property
    def wrong_auto_writes(self) -> int:
        return len(self.wrong_writes)

    @property
    def auto_writes_needing_human(self) -> int:
        return len(self.needed_human)


def score_matching(predictions: Sequence[Prediction], labels: Mapping[str, ExpectedLabels]) -> MatchFigures:
    match_correct = auto_writes = right = ok_emails = ok_applied = 0
    wrong: list[WrongWrite] = []
    needed_human: list[str] = []
    misses: list[tuple[str, str | None, str | None, str | None]] = []
    for prediction in predictions:
        expected = labels.get(prediction.email_id)
        if expected is None:
            continue
        match = prediction.match
        if match.inquiry_id == expected.inquiry_id:
            match_correct += 1
        else:
            misses.append((prediction.email_id, expected.inquiry_id, match.inquiry_id, match.match_status))
        ok_emails += expected.auto_update_ok
        if not match.auto_applied:
            continue
        auto_writes += 1
        if not expected.auto_update_ok:
            needed_human.append(prediction.email_id)
        correct = match.inquiry_id == expected.inquiry_id and match.applied_amount == expected.total_amount
        right += correct
        ok_applied += correct and expected.auto_update_ok
        if not correct:
            wrong.append(WrongWrite(prediction.email_id, match.inquiry_id, str(match.applied_amount),
                                    expected.inquiry_id, str(expected.total_amount)))
    return MatchFigures(len(labels), match_correct, auto_writes, right, ok_emails, ok_applied,
                        tuple(wrong), tuple(misses), tuple(needed_human))
