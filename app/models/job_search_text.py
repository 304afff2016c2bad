"""models/job_search_text.py — a job's searched text, one row per job beside it; invariant: search_text equals the
job's text fields joined by chr(31) (services/job_search.py's JOB_TEXT_SQL), because migration 0013's triggers write
it in the same statement as the job's insert and rewrite it when the sender, name, subject or recipients change,
and the worker's completion (services/jobs.py `complete`, the only writer of extracted_data) writes it in its own
statement on PostgreSQL (SQLite: a trigger there too). A status move never touches it, so on PostgreSQL the trigram
index over it gets no new entries per move."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class JobSearchText(Base):
    __tablename__ = "job_search_texts"

    email_id: Mapped[int] = mapped_column(Integer, ForeignKey("incoming_emails.id", ondelete="CASCADE"),
                                          primary_key=True, autoincrement=False)
    search_text: Mapped[str] = mapped_column(Text)
