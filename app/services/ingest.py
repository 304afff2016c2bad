"""services/ingest.py — turn a `.eml` file or a saved webhook JSON into the intake's InboundEmail."""

from __future__ import annotations

import hashlib
import json
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pydantic import ValidationError

from app.services.attachments import AttachmentStore
from app.services.intake import InboundEmail


class UnreadableInput(ValueError):
    """The file is neither a readable .eml nor a valid webhook JSON object."""


def load(path: Path, store: AttachmentStore | None = None) -> InboundEmail:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UnreadableInput(f"cannot read {path}: {error.strerror}") from None
    try:
        if path.suffix.lower() == ".json":
            return InboundEmail.model_validate(json.loads(raw))
        return from_eml(raw, store)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise UnreadableInput(f"{path.name}: not JSON: {error}") from None
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "body"
        raise UnreadableInput(f"{path.name}: {field}: {first['msg']}") from None


def parse_message(raw: bytes) -> Message:
    """The modern policy first; odd headers that break it fall back to compat32."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
        for key in ("from", "to", "cc", "subject", "date"):
            message.get(key)  # header parsing is lazy: force it now to catch failures
        return message
    except Exception:  # the default policy raises assorted errors on malformed headers
        return BytesParser(policy=policy.compat32).parsebytes(raw)


def _body(message: Message, subtype: str) -> str | None:
    if isinstance(message, EmailMessage):
        body = message.get_body(preferencelist=(subtype,))
        return str(body.get_content()) if body is not None else None
    for part in message.walk():
        if part.get_content_type() == f"text/{subtype}" and not part.get_filename():
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload.decode(part.get_content_charset() or "utf-8", errors="replace")
    return None


def store_attachments(message: Message, store: AttachmentStore) -> list[dict[str, Any]]:
    """Put each attached file in the content-addressed store under an `eml://` URL, so the
    worker reads it from there exactly as it would read a downloaded Zendesk attachment."""
    refs: list[dict[str, Any]] = []
    for part in message.walk():
        filename = part.get_filename()
        payload = part.get_payload(decode=True) if filename else None
        if not filename or not isinstance(payload, bytes):
            continue
        sha256 = store.put(payload)
        url = f"eml://{sha256}/{quote(filename)}"
        store.remember_url(url, sha256)
        refs.append({"url": url, "filename": filename, "content_type": part.get_content_type(),
                     "size": len(payload)})
    return refs


def from_eml(raw: bytes, store: AttachmentStore | None = None) -> InboundEmail:
    message = parse_message(raw)
    name, address = parseaddr(str(message.get("from", "")))
    date_header = message.get("date")
    try:
        received_at = parsedate_to_datetime(str(date_header)) if date_header else None
    except (TypeError, ValueError):
        received_at = None
    message_id = str(message.get("message-id", "")).strip() or None
    data: dict[str, Any] = {
        "ticket_id": f"eml-{hashlib.sha256(raw).hexdigest()[:16]}",
        "webhook_id": f"eml:{message_id}" if message_id else None,
        "from_email": address,
        "from_name": name or None,
        "to_addresses": [a for _, a in getaddresses([str(v) for v in message.get_all("to", [])])],
        "cc_addresses": [a for _, a in getaddresses([str(v) for v in message.get_all("cc", [])])],
        "subject": str(message.get("subject", "")),
        "body_text": _body(message, "plain"),
        "body_html": _body(message, "html"),
        "received_at": received_at if received_at and received_at.tzinfo else None,
        "message_id": message_id,
        "in_reply_to": str(message.get("in-reply-to", "")).strip() or None,
        "attachments": store_attachments(message, store) if store is not None else [],
    }
    return InboundEmail.model_validate(data)
