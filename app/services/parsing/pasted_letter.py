"""parsing/pasted_letter.py — a mail that opens with another sender's mail, header and all (a mail program that
puts the history on top, as Lotus Notes does on request), and answers below it. The header names someone
outside the sender's organisation, so it is no letterhead of the sender's own: the history runs down to the
greeting that opens the answer; without a second greeting no answer is told apart and all of it is history."""

from __future__ import annotations

import re

from app.services.parsing.forwards import mail_address_organisation
from app.services.parsing.quotes import is_header_block

_GREETING = re.compile(r"^\s*(?:sehr geehrte\w*|hallo\b|guten (?:tag|morgen|abend)\b|liebe[rs]?\b|moin\b|servus\b"
                       r"|gr(?:ü|ue)(?:ß|ss) gott\b|dear\b|hi\b)", re.IGNORECASE)


def pasted_on_top(lines: list[str], quoted: list[bool], sender: str | None) -> list[bool]:
    """`quoted` with a foreign mail that opens the text marked as history (see the module docstring)."""
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    organisation = mail_address_organisation(sender)
    if first is None or quoted[first] or organisation is None or not is_header_block(lines, first):
        return quoted
    author = mail_address_organisation(lines[first])
    if author is None or author == organisation:
        return quoted
    greetings = [index for index in range(first, len(lines)) if not quoted[index] and _GREETING.match(lines[index])]
    answer = greetings[-1] if len(greetings) > 1 else len(lines)
    flags = list(quoted)
    flags[first:answer] = [True] * (answer - first)
    return flags
