"""parsing/forwards.py — a mail between the sender's colleagues that the sender forwards is the creditor's own
text: the post room passes on what the accounts team wrote ("bitte so an die Kanzlei rausgeben"), and the claim
or the decision stands only there. That holds only where the sender's own lines say they pass something on
("anbei die Auskunft unserer Beitragsabteilung", "leite ich Ihnen das Votum weiter"): a colleague's request
below a complete answer ("Bitte beantworten, Kanzlei nennt 1.563,90 €") is history. A forwarded mail to or from
anyone else (the firm's letter, the creditor's older letter to the client) stays quoted history."""

from __future__ import annotations

import re

from app.services.parsing.quotes import HEADER_OTHER, QUOTED_LINE, is_header_block, marker_at
from app.services.textfold import fold

_ADDRESS = re.compile(r"[\w.+-]+@((?:[\w-]+\.)+[\w-]+)")
_RECIPIENTS = re.compile(r"^\s*\*?(?:an|to|cc)\s*:\*?", re.IGNORECASE)
_HEADER_LINES = 8
_ANSWER = (r"(?:auskunft|info\w*|antwort|stellungnahme|votum|freigabe|mitteilung|rueckmeldung|angaben|aufstellung"
           r"|entscheidung|nachricht)")
# Within one sentence, which may wrap onto the next line ("leite ich Ihnen die Rückmeldung unserer Abteilung" /
# "weiter."), not across a paragraph; a date's or an ordinal's dot ("vom 3. Mai", "12.05.2107") ends none.
_IN_SENTENCE = r"(?:[^.\n]|(?<=\d)\.|\.(?=\S)|\n(?![^\S\n]*\n))"
_PASSES_ON = re.compile(
    rf"\b(?:leite|leiten|reiche|reichen|gebe|geben)\b{_IN_SENTENCE}{{0,140}}?\bweiter\b|\bweiter(?:ge)?leite\w*"
    rf"|\bsiehe (?:\S+ ){{0,2}}?unten\b"
    rf"|\b(?:unten|nachstehend|nachfolgend|anbei|beigefuegt)\w*\b{_IN_SENTENCE}{{0,60}}?\b{_ANSWER}\b"
    r"|\bforward\w*|\bbelow\b")

# The agent that keeps the creditor's accounts, named as its own ("die Antwort unserer Abrechnungsstelle", "die
# Aufstellung von unserem Steuerbüro"): what it wrote to the creditor is the creditor's answer passed on.
_AGENT = re.compile(r"abrechnung\w*|verrechnungsstelle|buchhalt\w*|steuerbuero|steuerberat\w*|lohnbuero")
# (the agent's answer named as such: "nach unserer Buchhaltung beträgt …" passes nothing on)
_OWN_AGENT = re.compile(r"\b(?:antwort|aufstellung|info\w*|liste|op-liste|auskunft|rueckmeldung|nachricht|mail"
                        r"|stellungnahme)\s+(?:von\s+)?(?:unser\w*|mein\w*)\s+(?:\S+\s+)?"
                        r"(?:abrechnungsstelle|abrechnungszentrum|verrechnungsstelle|buchhalt\w*|steuerbuero"
                        r"|steuerberat\w*|lohnbuero)\b")


def _organisation(domain: str) -> str:
    """The domain's last two labels: "post.ikk-nord.example" and "ikk-nord.example" are one organisation."""
    return ".".join(domain.lower().rstrip(".").split(".")[-2:])


def mail_address_organisation(text: str | None) -> str | None:
    """The organisation of the first mail address in `text`, if any."""
    found = _ADDRESS.search(text or "")
    return _organisation(found.group(1)) if found else None


def _internal_header(lines: list[str], start: int, organisation: str) -> int | None:
    """The index after the header block at `start` when it is a mail from the organisation to nobody outside it
    (recipients named without an address count as colleagues); None otherwise."""
    sender = _ADDRESS.search(lines[start])
    if sender is None or _organisation(sender.group(1)) != organisation:
        return None
    end = start + 1
    while end < min(len(lines), start + _HEADER_LINES) and HEADER_OTHER.match(lines[end]):
        if _RECIPIENTS.match(lines[end]) and any(
                _organisation(domain) != organisation for domain in _ADDRESS.findall(lines[end])):
            return None
        end += 1
    return end


def _agents_header(lines: list[str], start: int, organisation: str) -> int | None:
    """The index after the header block at `start` when it is a mail from outside the organisation to it alone (its
    billing centre or bookkeeper answering it); None otherwise."""
    sender = _ADDRESS.search(lines[start])
    # (the sender line names such an agent: "Von: Steuerbüro Kaatz <op@stb-kaatz.example>"; the firm's own letter
    # quoted below never is one)
    if sender is None or _organisation(sender.group(1)) == organisation or not _AGENT.search(fold(lines[start])):
        return None
    end, addressed = start + 1, False
    while end < min(len(lines), start + _HEADER_LINES) and HEADER_OTHER.match(lines[end]):
        if _RECIPIENTS.match(lines[end]):
            domains = [_organisation(domain) for domain in _ADDRESS.findall(lines[end])]
            if any(domain != organisation for domain in domains):
                return None
            addressed = addressed or bool(domains)
        end += 1
    return end if addressed else None


def colleagues_forwards(lines: list[str], quoted: list[bool], sender: str | None) -> list[bool]:
    """`quoted` with the body of every forwarded mail between the sender's colleagues marked as not quoted (its
    header lines stay quoted), up to the next quote marker; so is a mail to the sender from the agent that keeps its
    accounts, where the sender's own lines name that agent's answer ("hier die Antwort unserer Abrechnungsstelle")."""
    organisation = mail_address_organisation(sender)
    flags = list(quoted)
    headers = [start for start in range(len(lines)) if quoted[start] and is_header_block(lines, start)]
    if organisation is None or not headers:
        return flags
    own = fold("\n".join(line for line, flag in zip(lines, quoted, strict=True) if not flag))
    agents = _OWN_AGENT.search(own) is not None
    passes_on = _PASSES_ON.search(own) is not None
    if not agents and not passes_on:
        return flags
    for start in headers:
        body = _internal_header(lines, start, organisation) if passes_on else None
        if body is None and agents:
            body = _agents_header(lines, start, organisation)
        if body is None:
            continue
        end = body
        while end < len(lines) and not QUOTED_LINE.match(lines[end]) and (
                end == body or marker_at(lines, end) is None):
            end += 1
        flags[body:end] = [False] * (end - body)
    return flags
