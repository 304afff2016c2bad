"""evaluation — corpus evaluation stage; invariant: every email is predicted blind before any label is read."""

from __future__ import annotations

from app.evaluation.corpus import Corpus, CorpusEmail, CorpusError, CorpusInquiry, load_corpus
from app.evaluation.predict import Matcher, MatchOutcome, Prediction, predict_email, prediction_record
from app.evaluation.replay import run_pipeline_eval
from app.evaluation.report import EvalReport, report_json, report_text, run_extraction_eval, write_predictions
from app.evaluation.table import Share, TableRow, table_row

__all__ = [
    "Corpus",
    "CorpusEmail",
    "CorpusError",
    "CorpusInquiry",
    "EvalReport",
    "MatchOutcome",
    "Matcher",
    "Prediction",
    "Share",
    "TableRow",
    "load_corpus",
    "predict_email",
    "prediction_record",
    "report_json",
    "report_text",
    "run_extraction_eval",
    "run_pipeline_eval",
    "table_row",
    "write_predictions",
]
