"""services/job_search.py — what the jobs list's search box finds: a job whose sender (address or name), subject,
recipient address, client or reference read from the reply, ticket, id or matched inquiry (client, references,
id) contains the text, in any case.

A job's text fields are searched as one text: the fields joined by a separator that no search text contains, so
a match still lies inside one field. That text is kept beside the job in job_search_texts (JOB_TEXT_SQL, written
with the job's insert by migration 0013's trigger, rewritten only when one of the fields changes: see
models/job_search_text.py), where PostgreSQL indexes it with trigrams (where the server has pg_trgm); a status
move rewrites the job's row but not its text, so it adds no trigram entries. An inquiry's fields are searched
likewise as one text (indexed by 0012), and the matched-inquiry arm becomes a list of ids against an expression
index; every arm of the search is then an index scan, and a search at a million jobs reads the few rows it finds
instead of the whole table."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, String, any_, cast, func, literal, literal_column, or_, select
from sqlalchemy.orm import Session

from app.models import IncomingEmail, Inquiry, JobSearchText

MAX_QUERY = 200
SEPARATOR = "\x1f"  # the unit separator: a search text holding it is searched field by field instead
# More matched inquiries than this and the inquiry arm stays a subquery (right, but not an index scan).
INQUIRY_IDS_LIMIT = 500

# A job's searched text: what migration 0013's triggers store in job_search_texts (and 0012 indexed before).
JOB_TEXT_SQL = (
    "coalesce(incoming_emails.from_email, '') || chr(31) || coalesce(incoming_emails.from_name, '') || chr(31) || "
    "coalesce(incoming_emails.subject, '') || chr(31) || "
    "coalesce(CAST(incoming_emails.to_addresses AS VARCHAR), '') || chr(31) || "
    "coalesce(incoming_emails.extracted_data #>> '{extraction,client_name}', '') || chr(31) || "
    "coalesce(incoming_emails.extracted_data #>> '{extraction,firm_reference}', '') || chr(31) || "
    "coalesce(incoming_emails.extracted_data #>> '{extraction,creditor_reference}', '')"
)
# An inquiry's, as migration 0012's index has it: the index serves only an identical expression.
INQUIRY_TEXT_SQL = (
    "coalesce(inquiries.client_name, '') || chr(31) || coalesce(inquiries.firm_reference, '') || chr(31) || "
    "coalesce(inquiries.creditor_reference, '') || chr(31) || coalesce(inquiries.external_id, '')"
)
MATCHED_INQUIRY_SQL = "incoming_emails.extracted_data #>> '{match,inquiry_id}'"


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _json_text(*path: str) -> ColumnElement[str]:
    return IncomingEmail.extracted_data[path].as_string()


def _job_fields() -> list[ColumnElement[Any]]:
    jobs = IncomingEmail.__table__.c
    return [jobs.from_email, jobs.from_name, jobs.subject, cast(jobs.to_addresses, String),
            _json_text("extraction", "client_name"), _json_text("extraction", "firm_reference"),
            _json_text("extraction", "creditor_reference")]


def _inquiry_fields() -> list[ColumnElement[Any]]:
    inquiries = Inquiry.__table__.c
    return [inquiries.client_name, inquiries.firm_reference, inquiries.creditor_reference, inquiries.external_id]


def _contains(postgres_text: str, fields: list[ColumnElement[Any]], text: str, postgres: bool) -> ColumnElement[bool]:
    """Some field contains `text`, any case: on PostgreSQL as one ILIKE over the joined text (the index's), elsewhere
    over the fields joined the same way; field by field when the text holds the separator itself."""
    pattern = _like(text)
    if SEPARATOR in text:
        return or_(*(field.ilike(pattern, escape="\\") for field in fields))
    if postgres:
        return literal_column(f"({postgres_text})", String).ilike(pattern, escape="\\")
    joined: ColumnElement[Any] = func.coalesce(fields[0], "")
    for field in fields[1:]:
        joined = joined.concat(literal(SEPARATOR)).concat(func.coalesce(field, ""))
    return joined.ilike(pattern, escape="\\")


def _matched_inquiry(session: Session, text: str, postgres: bool) -> ColumnElement[bool] | None:
    """The jobs matched to an inquiry the text finds; None when no inquiry has it. The inquiries' ids are read
    first, so the jobs' side is an IN list an index serves, unless there are very many of them."""
    found = select(Inquiry.external_id).where(_contains(INQUIRY_TEXT_SQL, _inquiry_fields(), text, postgres))
    matched = literal_column(f"({MATCHED_INQUIRY_SQL})", String) if postgres else _json_text("match", "inquiry_id")
    ids = list(session.scalars(found.distinct().limit(INQUIRY_IDS_LIMIT + 1)))
    if not ids:
        return None
    return matched.in_(found if len(ids) > INQUIRY_IDS_LIMIT else ids)


def _job_text_contains(text: str, postgres: bool) -> ColumnElement[bool]:
    """The jobs whose stored text contains `text` (see _contains); field by field when it holds the separator.
    On PostgreSQL the ids come as one array (an InitPlan), so the job's side is an index scan of its key that
    can join the other arms, as the trigram index serves the text's side."""
    if SEPARATOR in text:
        return _contains(JOB_TEXT_SQL, _job_fields(), text, postgres)
    found = select(JobSearchText.email_id).where(JobSearchText.search_text.ilike(_like(text), escape="\\"))
    if postgres:
        return IncomingEmail.id == any_(func.array(found.scalar_subquery()))
    return IncomingEmail.id.in_(found)


def condition(session: Session, text: str) -> ColumnElement[bool]:
    """The jobs the search text finds (see the module's first lines)."""
    text = text.strip()[:MAX_QUERY]
    postgres = session.get_bind().dialect.name == "postgresql"
    ticket = text.removeprefix("#")
    arms: list[ColumnElement[bool]] = [_job_text_contains(text, postgres), IncomingEmail.zendesk_ticket_id == ticket]
    if ticket.isdigit() and len(ticket) < 10:
        arms.append(IncomingEmail.id == int(ticket))
    if (inquiry := _matched_inquiry(session, text, postgres)) is not None:
        arms.append(inquiry)
    return or_(*arms)
