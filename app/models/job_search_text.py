"""models/job_search_text.py — a job's searched text, one row per job beside it; invariant: search_text equals the
job's text fields joined by chr(31) (services/job_search.py's JOB_TEXT_SQL) whoever wrote the job, because database
triggers (migration 0013) write it in the same statement as the job's insert and rewrite it only when one of those
fields changes. A status move never touches it, so the trigram index over it is not rewritten per move."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class JobSearchText(Base):
    __tablename__ = "job_search_texts"

    email_id: Mapped[int] = mapped_column(Integer, ForeignKey("incoming_emails.id", ondelete="CASCADE"),
                                          primary_key=True, autoincrement=False)
    search_text: Mapped[str] = mapped_column(Text)
