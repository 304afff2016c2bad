"""extraction/other_letter.py — whether a reply's own text is about another letter than the one it was matched to;
invariant: only a reference of the matched letter's own shape, or a client named "in Sachen …", counts, and a text
that also names the matched letter is never "another letter"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.services.textfold import fold

_IN_THE_MATTER = re.compile(r"\b(?:[Ii]n Sachen|[Ii]n der Sache|[Ii]n der Angelegenheit|i\. ?S\.)\s+"
                            r"(?:(?:Herrn?|Frau)\s+)?(?P<name>[^\W\d_][\w'-]+(?:[ \t]+[^\W\d_][\w'-]+)?)")


def _shape(reference: str) -> re.Pattern[str] | None:
    """A pattern for references written like `reference` ("LOB.26.0169" → "LOB.dd.dddd"), or None when it has no
    letter (a bare number's shape would find phone numbers and account numbers)."""
    if not re.search(r"[^\W\d_]", reference) or not re.search(r"\d", reference):
        return None
    body = "".join(r"\d" if char.isdigit() else r"[\s.-]?" if char in " .-" else re.escape(char)
                   for char in reference)
    return re.compile(rf"(?<![\w]){body}(?![\d])", re.IGNORECASE)


def _key(reference: str) -> str:
    return re.sub(r"[\W_]", "", fold(reference))


def named(text: str, references: Sequence[str], client_name: str) -> str | None:
    """What in `text` names another letter than the one whose `references` (the firm's Aktenzeichen, the
    creditor's reference) and client `client_name` are given: a reference of the same shape that differs, or
    another client "in Sachen …"; None when there is none or the text also names this letter or client."""
    own = {_key(reference) for reference in references if reference}
    surname = fold(client_name.split()[-1]) if client_name.split() else ""
    folded = fold(text)
    if any(key and key in re.sub(r"[\W_]", "", folded) for key in own) or (
            surname and re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", folded)):
        return None
    for reference in references:
        shape = _shape(reference) if reference else None
        found = next((m.group(0) for m in shape.finditer(text) if _key(m.group(0)) not in own), None) if shape else None
        if found:
            return f"the reply names {found!r}, the letter is {reference!r}"
    match = _IN_THE_MATTER.search(text)
    if match and client_name:
        return f"the reply is 'in Sachen {match.group('name')}', the letter's client is {client_name!r}"
    return None
