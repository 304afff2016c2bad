"""evaluation/table.py — the headline row per corpus, the columns issue 8 measures by; invariant: every
cell is counted against the labels, never against the extractor's own judgement."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.evaluation.scoring import ratio

if TYPE_CHECKING:
    from app.evaluation.report import EvalReport

COLUMNS: tuple[tuple[str, str], ...] = (
    ("amount_exact", "amount exact"),
    ("intent", "intent"),
    ("noise_amounts_taken", "noise amounts taken"),
    ("amount_where_none_stated", "amount where none stated"),
    ("match", "match"),
    ("wrong_automatic_writes", "wrong automatic writes"),
    ("auto_applied_needing_human", "auto-applied that needed a human"),
    ("safe_cases_auto_applied", "safe cases auto-applied"),
)


@dataclass(frozen=True)
class Share:
    """`part` of `whole`; an empty whole counts as nothing missed (share 1.0)."""

    part: int
    whole: int

    @property
    def share(self) -> float:
        return ratio(self.part, self.whole)

    def as_percent(self) -> str:
        if not self.whole:
            return "n/a (0/0)"
        return f"{self.share * 100:.0f} % ({self.part}/{self.whole})"

    def as_json(self) -> dict[str, Any]:
        return {"share": self.share, "n": self.part, "of": self.whole}


@dataclass(frozen=True)
class TableRow:
    """One corpus in the issue's table. The matching columns are None when no matcher ran."""

    corpus: str
    emails: int
    amount_exact: Share
    intent: Share
    noise_amounts_taken: int
    amount_where_none_stated: int
    noise_from: str
    match: Share | None = None
    wrong_automatic_writes: int | None = None
    auto_applied_needing_human: Share | None = None
    safe_cases_auto_applied: Share | None = None


def _noise_source(decoy_emails: int, emails: int) -> str:
    if decoy_emails == 0:
        return "evidence"
    return "decoys" if decoy_emails == emails else "decoys+evidence"


def table_row(report: EvalReport) -> TableRow:
    """The headline row of one evaluation run."""
    row = TableRow(
        corpus=Path(report.corpus_dir).name,
        emails=report.emails,
        amount_exact=Share(report.amount_correct, report.amount_emails),
        intent=Share(report.intent_correct, report.emails),
        noise_amounts_taken=report.noise_amounts,
        amount_where_none_stated=report.amount_unexpected,
        noise_from=_noise_source(report.decoy_emails, report.emails),
    )
    figures = report.matching
    if figures is None:
        return row
    return replace(
        row,
        match=Share(figures.match_correct, figures.emails),
        wrong_automatic_writes=figures.wrong_auto_writes,
        auto_applied_needing_human=Share(figures.auto_writes_needing_human, figures.auto_writes),
        safe_cases_auto_applied=Share(figures.auto_ok_applied, figures.auto_ok_emails),
    )


def row_json(row: TableRow) -> dict[str, Any]:
    """Shares as {share, n, of}; counts as integers; a column without a matcher run is null."""
    cells: dict[str, Any] = {"corpus": row.corpus, "emails": row.emails}
    for key, _title in COLUMNS:
        value = getattr(row, key)
        cells[key] = value.as_json() if isinstance(value, Share) else value
    cells["noise_from"] = row.noise_from
    return cells


def _cell(key: str, value: Share | int | None) -> str:
    if value is None:
        return "–"
    if not isinstance(value, Share):
        return str(value)
    if key == "auto_applied_needing_human":
        return f"{value.part} of {value.whole}"
    return value.as_percent()


def header_markdown() -> list[str]:
    titles = ["corpus (emails)", *(title for _key, title in COLUMNS)]
    return ["| " + " | ".join(titles) + " |", "|" + "---|" * len(titles)]


def row_markdown(row: TableRow) -> str:
    cells = [f"`{row.corpus}` ({row.emails})", *(_cell(key, getattr(row, key)) for key, _title in COLUMNS)]
    return "| " + " | ".join(cells) + " |"
