"""evaluation/replay.py — replay a corpus through the production pipeline on a scratch database:
inquiries loaded through the inquiry service, each email stored as a job and processed by
`processing.run_attempt` in `received_at` order; labels are read only after every email ran."""

from __future__ import annotations

import time
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote

from app import migrations, queue
from app.config import Settings
from app.database import session_scope, use_database
from app.evaluation.corpus import Corpus, CorpusEmail, CorpusError, load_corpus
from app.evaluation.match_scoring import score_matching
from app.evaluation.predict import MatchOutcome, Prediction
from app.evaluation.report import EvalReport, score
from app.services import inquiries, intake, jobs, money, processing
from app.services.attachments import AttachmentStore, store_from_settings
from app.services.extraction import ExtractionResult


def scratch_settings(settings: Settings, workdir: Path) -> Settings:
    """The operator's settings minus every way out: its own SQLite file and attachment store, the
    in-process stub broker, no SMTP, no portal webhook."""
    return settings.model_copy(update={
        "database_url": f"sqlite:///{workdir / 'replay.db'}", "redis_url": None, "rabbitmq_url": None,
        "smtp_host": None, "portal_webhook_url": None, "attachment_store_dir": workdir / "attachments",
    })


def inbound(email: CorpusEmail, store: AttachmentStore) -> intake.InboundEmail:
    refs: list[dict[str, Any]] = []
    for attachment in email.attachments:
        url = f"corpus://{quote(email.id)}/{quote(attachment.filename)}"
        if attachment.path.is_file():
            store.remember_url(url, store.put(attachment.path.read_bytes()))
        refs.append({"url": url, "filename": attachment.filename, "content_type": attachment.content_type})
    return intake.InboundEmail.model_validate({
        "ticket_id": email.id, "webhook_id": f"corpus:{email.id}", "from_email": email.from_email,
        "from_name": email.from_name, "to_addresses": list(email.to),
        "subject": email.subject or "", "body_text": email.body_text, "body_html": email.body_html,
        "received_at": email.received_at, "attachments": refs,
    })


def _money(value: Any) -> Decimal | None:
    return None if value is None else money.exact(value)


def replay_one(email: CorpusEmail, settings: Settings, store: AttachmentStore) -> Prediction:
    started = time.perf_counter()
    payload = inbound(email, store)
    email_id = intake.store(payload, intake.dedup_key(payload))
    if email_id is None:
        raise CorpusError(f"corpus email {email.id} appears twice")
    processing.run_attempt(email_id, settings, notify=lambda _id: None)
    with session_scope() as session:
        row = jobs.get(session, email_id)
        data = row.extracted_data or {}
    result = ExtractionResult.model_validate(data["extraction"])
    match = data.get("match") or {}
    outcome = MatchOutcome(inquiry_id=match.get("inquiry_id"), match_status=match.get("match_status"),
                           match_confidence=match.get("match_confidence"),
                           auto_applied=bool(match.get("auto_applied")),
                           applied_amount=_money(match.get("applied_amount")),
                           review_opened=match.get("action") == "review",
                           plan_recorded=match.get("plan_decision_id") is not None)
    return Prediction(email.id, result, outcome, round(time.perf_counter() - started, 4))


def replay(corpus: Corpus, settings: Settings) -> list[Prediction]:
    with session_scope() as session:
        inquiries.load_corpus(session, {"inquiries": [asdict(i) for i in corpus.inquiries]})
    store = store_from_settings(settings)
    ordered = sorted(corpus.emails, key=lambda e: (e.received_at or "", e.id))
    return [replay_one(email, settings, store) for email in ordered]


def run_pipeline_eval(corpus_dir: Path, settings: Settings, workdir: Path) -> EvalReport:
    """Extraction, matching and the apply decision for every email, scored against the labels."""
    corpus = load_corpus(Path(corpus_dir))
    scratch = scratch_settings(settings, workdir)
    migrations.upgrade(scratch.database_url)
    use_database(scratch.database_url)
    started = time.perf_counter()
    try:
        with queue.isolated_broker():
            predictions = replay(corpus, scratch)
    finally:
        use_database(None)
    report = score(corpus, predictions, time.perf_counter() - started)
    return report.with_matching(score_matching(predictions, corpus.labels))
