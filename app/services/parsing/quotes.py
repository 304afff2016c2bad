"""parsing/quotes.py — split new text from quoted history; invariant: text after a quote marker is never reply,
except the sender's own answers typed between the "> " lines of that history and the answer written below the
rule that closes a letter pasted at the very top."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEPARATOR = re.compile(
    r"^\s*[-_=*]{2,}\s*(?:urspr(?:ü|ue)ngliche\s+nachricht|original[- ]?nachricht|original\s+message"
    r"|weitergeleitete\s+nachricht|forwarded\s+message|nachricht\s+im\s+original"
    r"|(?:ihre|your)\s+(?:nachricht|e-?mail|anfrage|schreiben|message)\b.{0,60}?)\s*[-_=*]{2,}\s*$",
    re.IGNORECASE,
)
# Forward/quote headings written without dashes ("Anfang der weitergeleiteten Nachricht:", "Original Message").
_BARE_SEPARATOR = re.compile(
    r"^\s*(?:anfang der weitergeleiteten nachricht|begin forwarded message|urspr(?:ü|ue)ngliche nachricht"
    r"|original[- ]?nachricht|original message|weitergeleitete nachricht|forwarded message)\s*:?\s*$",
    re.IGNORECASE,
)
_UNDERSCORE_RULE = re.compile(r"^\s*_{8,}\s*$")
# A ticket system's receipt that echoes the message under a heading and a rule ("Ihre Nachricht:" / "-----…").
_ECHO_HEADING = re.compile(
    r"^\s*(?:ihre|your)\s+(?:nachricht|e-?mail|anfrage|message|request)(?:\s+vom\s+\S+)?\s*:\s*$", re.IGNORECASE)
# GroupWise heads the quoted mail with one line between ">>>" marks: '>>> "Kanzlei X" <x@y> 11.01.2027 09:14 >>>';
# the history after it carries no "> " prefixes.
_CHEVRON_HEADER = re.compile(r"^\s*>>>\s*\S.*(?:@|\d{1,2}[./]\d{1,2}[./]\d{2,4}).*>>>\s*$")
_HEADER_FROM = re.compile(r"^\s*\*?(?:von|from|absender)\s*:\*?\s*\S", re.IGNORECASE)
HEADER_OTHER = re.compile(
    r"^\s*\*?(?:gesendet|sent|datum|date|an|to|cc|betreff|subject)\s*:\*?", re.IGNORECASE
)
# "wrote" as the mail programs of a creditor abroad put it: French, Dutch, Spanish, Italian, Portuguese, Polish,
# Czech, Scandinavian, Finnish, Turkish.
_WROTE = (r"schrieb|wrote|a\s+[ée]crit|schreef|escribi[óo]|ha\s+scritto|escreveu|napisa[łl]\w*|pisze|napsal\w*"
          r"|skrev|kirjoitti|yazd[ıi]")
_ATTRIBUTION = re.compile(
    r"^\s*(?:am\s.{3,200}?\bschrieb\b.{0,200}"
    r"|.{0,200}\bschrieb\s+am\b.{0,120}"
    r"|on\s.{3,200}?\bwrote"
    rf"|(?:op|le|el|il\s+giorno|em|w\s+dniu|den|dne)\s.{{3,200}}?(?<!\w)(?:{_WROTE})(?!\w).{{0,200}}"
    rf"|.{{1,200}}(?<!\w)(?:{_WROTE})(?:\s*\(a\))?"
    r"|(?:zitat\s+von|quoting)\s.{1,200})\s*:\s*$",
    re.IGNORECASE,
)
_ATTRIBUTION_HEAD = re.compile(
    rf"^\s*(?:am|on|le|op|el|il\s+giorno|em|w\s+dniu|den|dne)\s|(?<!\w)(?:{_WROTE})(?!\w)", re.IGNORECASE)
QUOTED_LINE = re.compile(r"^\s*>")
_QUOTE_PREFIX = re.compile(r"^(?:\s*>)+ ?")
# A line that is a rule and nothing else ("----", "______", "* * *"), no heading in it.
_BARE_RULE = re.compile(r"^\s*(?:[-_=*~]\s*){3,}$")
# A help desk's thread (Zendesk, Freshdesk, OTRS) lists its comments newest first, each under a rule and a head of
# the writer's name and the time ("Henrike Asmussen (Ostseestrom GmbH)" / "19. Mai 2097, 12:06 MESZ"); every comment
# under the first is history, its ticket acknowledgement and the firm's own letter among them.
_LONG_RULE = re.compile(r"^\s*(?:-{10,}|_{10,}|={10,}|\*{10,})\s*$")
_COMMENT_TIME = re.compile(
    r"^\s*(?:[A-Za-zÄÖÜäöü]{2,10}\.?,?\s+)?(?:\d{1,2}\.?\s*(?:[A-Za-zÄÖÜäöü]{3,10}\.?|\d{1,2}\.)\s*\d{2,4}"
    r"|[A-Za-z]{3,10}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}),?\s+(?:um\s+|at\s+)?\d{1,2}:\d{2}\b")
_MAX_COMMENT_HEAD = 100


@dataclass(frozen=True)
class QuoteSplit:
    """Per-line verdict for one text: `quoted[i]` is True when line i belongs to quoted history;
    `markers` names the rules that fired ("outlook separator", "attribution", "> quoting", ...)."""

    quoted: tuple[bool, ...]
    markers: tuple[str, ...]


def is_header_block(lines: list[str], start: int) -> bool:
    """A "Von:" line with two or more of Gesendet/An/Betreff/Datum… within six lines after it or right above it
    (Thunderbird forwards "Betreff:", "Datum:" before "Von:")."""
    if not _HEADER_FROM.match(lines[start]):
        return False
    window = lines[start + 1 : start + 7]
    above = 0
    while above < 4 and start - above - 1 >= 0 and HEADER_OTHER.match(lines[start - above - 1]):
        above += 1
    return above + sum(1 for line in window if HEADER_OTHER.match(line)) >= 2


def _attribution_span(lines: list[str], start: int) -> int:
    """Number of lines (1–3) forming an attribution ("Am … schrieb …:") starting here, else 0."""
    if not lines[start].strip() or QUOTED_LINE.match(lines[start]):
        return 0
    joined = ""
    for span in range(1, 4):
        if start + span > len(lines):
            break
        piece = lines[start + span - 1].strip()
        if not piece:
            break
        joined = f"{joined} {piece}".strip()
        if span > 1 and not _ATTRIBUTION_HEAD.search(lines[start]):
            return 0
        # An attribution ends in ":" (its pattern's "\s*:\s*$"; `joined` is stripped): other lines are not scanned.
        if joined.endswith(":") and _ATTRIBUTION.match(joined):
            return span
    return 0


def _quote_block_end(lines: list[str], start: int) -> int:
    """Index after the "> " block that starts at or after `start` (blank lines inside included)."""
    index = start
    last_quoted = start - 1
    while index < len(lines):
        line = lines[index]
        if QUOTED_LINE.match(line):
            last_quoted = index
        elif line.strip():
            break
        index += 1
    return last_quoted + 1


def _comment_head(lines: list[str], index: int) -> bool:
    """A rule over a help-desk comment's head: the writer's name on one line, the time on the next."""
    if not _LONG_RULE.match(lines[index]):
        return False
    name = _next_content(lines, index + 1)
    if name + 1 >= len(lines):
        return False
    head = lines[name].strip()
    return (len(head) <= _MAX_COMMENT_HEAD and not _SENTENCE_ENDS.search(head)
            and bool(_COMMENT_TIME.match(lines[name + 1])))


def _next_content(lines: list[str], start: int) -> int:
    index = start
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def marker_at(lines: list[str], index: int) -> tuple[str, int] | None:
    """(marker name, first line after the attribution) when a to-the-end marker starts here."""
    line = lines[index]
    if _SEPARATOR.match(line) or _BARE_SEPARATOR.match(line):
        return "original-message separator", index + 1
    if _CHEVRON_HEADER.match(line):
        return "groupwise header", index + 1
    if _ECHO_HEADING.match(line):
        following = _next_content(lines, index + 1)
        if following < len(lines) and _BARE_RULE.match(lines[following]):
            return "echoed message", following + 1
    if _UNDERSCORE_RULE.match(line):
        following = _next_content(lines, index + 1)
        if following < len(lines) and is_header_block(lines, following):
            return "outlook header block", index + 1
    if is_header_block(lines, index) and any(line.strip() for line in lines[:index]):
        # A "Von:/An:/Betreff:" block at the very top is the sender's own letterhead, not history.
        return "outlook header block", index + 1
    span = _attribution_span(lines, index)
    if span:
        return "attribution line", index + span
    if _comment_head(lines, index) and any(_comment_head(lines, above) for above in range(index)):
        return "help-desk history", index + 1
    return None


def _reply_below(lines: list[str], index: int, after: int) -> int | None:
    """For a quote marker that opens the mail (nothing above it), the last bare rule line below the quoted text
    with text after it: the sender pasted the letter above and answered below the rule (a Notes-style reply).
    None otherwise."""
    if any(line.strip() for line in lines[:index]):
        return None
    rules = [i for i in range(after, len(lines)) if _BARE_RULE.match(lines[i])]
    if not rules or not any(line.strip() for line in lines[rules[-1] + 1:]):
        return None
    return rules[-1]


def _inline_answers(lines: list[str], after: int) -> list[bool] | None:
    """Per-line quoted flags from `after` to the end when the history below a separator or header block is
    "> "-prefixed and the sender typed answers between its lines ("> 2. die Zinsen," / blank / "23,40 €" /
    blank / "> 3. die Kosten,"); None when there are no such answers.

    An answer is a run of unprefixed lines with a blank line before and after it and a "> " line on both sides;
    a run touching a "> " line is a wrapped quote line and stays quoted. A run that holds a quote marker of its
    own (an older message's separator or header) ends the answers: everything from there on is history."""
    index = after
    while index < len(lines) and (not lines[index].strip() or _HEADER_FROM.match(lines[index])
                                  or HEADER_OTHER.match(lines[index])):
        index += 1
    if index >= len(lines) or not QUOTED_LINE.match(lines[index]):
        return None
    flags = [True] * (len(lines) - after)
    last_quoted = max(i for i in range(index, len(lines)) if QUOTED_LINE.match(lines[i]))
    found = False
    while index < last_quoted:
        if QUOTED_LINE.match(lines[index]) or not lines[index].strip():
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end].strip() and not QUOTED_LINE.match(lines[end]):
            end += 1
        if any(marker_at(lines, i) is not None or _HEADER_FROM.match(lines[i]) for i in range(index, end)):
            return flags if found else None
        if not lines[index - 1].strip() and end < len(lines) and not lines[end].strip():
            flags[index - after:end - after] = [False] * (end - index)
            found = True
        index = end
    return flags if found else None


# The sender says it wrote its answers into the letter below ("unsere Antworten haben wir in Ihr Schreiben unten
# eingefügt (mit --> markiert)", "die Antworten stehen in Ihrem Schreiben in Großbuchstaben", "answers inline").
_ANSWERS_ANNOUNCED = re.compile(
    r"\b(?:(?:be)?antwort|anmerkung|ergänzung|ergaenzung|kommentar|stellungnahme)\w*\b(?:[^.\n]|\n(?![^\S\n]*\n)){0,100}?"
    r"\b(?:(?:in|im|ins)\s+(?:ihr\w*|dem|das|den|die)\s+(?:schreiben|text|brief|e-?mail|mail|nachricht|anfrage)\b"
    r"|(?:im|in)\s+(?:text|schreiben)\b|eingefügt|eingefuegt|eingetragen|markiert|gekennzeichnet|hervorgehoben"
    r"|gro(?:ß|ss)buchstaben|zwischen\s+(?:den|die)\s+zeilen)"
    r"|\b(?:answers?|replies|comments)\b[^.\n]{0,60}?\b(?:inline|in\s+(?:your|the)\s+(?:letter|e-?mail|message))"
    # the place first: "wir haben Ihre Fragen direkt im Text beantwortet"
    r"|\b(?:im|in|ins)\s+(?:ihr\w*\s+)?(?:text|schreiben|brief|e-?mail|mail|anfrage)\b[^.\n]{0,40}?"
    r"\b(?:beantwortet|kommentiert|eingefügt|eingefuegt|ergänzt|ergaenzt|eingetragen)\b",
    re.IGNORECASE)
# An answer's first line inside the letter carries a mark ("--> Nicht zutreffend", "ANTWORT WB: …", "Antwort: …",
# "*** keine", "## 2.375,00 €").
_ANSWER_MARK = re.compile(r"^\s*(?:-{1,3}>|={1,3}>|→|»|\*{2,}|#{2,}|\+{2,}|!{2,}|antwort\b[^:\n]{0,12}:)",
                          re.IGNORECASE)
_MIN_CAPITALS = 12
_SENTENCE_ENDS = re.compile(r"[.!?:]\s*$")


def _in_capitals(line: str) -> bool:
    letters = [char for char in line if char.isalpha()]
    return len(letters) >= _MIN_CAPITALS and sum(char.isupper() for char in letters) >= 0.9 * len(letters)


def _marked_answers(lines: list[str], index: int, after: int) -> list[bool] | None:
    """Per-line quoted flags from `after` to the end when the sender's text above the history (before `index`) says
    it answered inside the letter, and the letter, written without "> " prefixes, holds such answers: a line with an
    answer mark or in capitals starts one, which runs on to the next blank line. From the next quote marker (an
    older message) on, everything is history. None when nothing is announced or found.
    An answer runs on only while its line breaks inside a sentence: the letter's own line may follow it directly."""
    if not _ANSWERS_ANNOUNCED.search("\n".join(lines[:index])):
        return None
    flags = [True] * (len(lines) - after)
    found = answering = False
    for position in range(after, len(lines)):
        line = lines[position]
        if position > after and marker_at(lines, position) is not None:
            break
        # (an HTML letter quoted as a <blockquote> has its answers inside the quote: "> --> Nein.")
        line = _QUOTE_PREFIX.sub("", line)
        if not line.strip() or _HEADER_FROM.match(line) or HEADER_OTHER.match(line):
            answering = False
            continue
        answering = answering or bool(_ANSWER_MARK.match(line)) or _in_capitals(line)
        if answering:
            flags[position - after] = False
            found = True
            answering = not _SENTENCE_ENDS.search(line)
    return flags if found else None


def split_quotes(text: str) -> QuoteSplit:
    """Mark quoted history line by line. A separator, an Outlook header block or an attribution
    followed by unprefixed text quotes everything to the end; an attribution followed by a "> "
    block quotes only that block (bottom-posted text after it stays reply)."""
    lines = text.split("\n")
    quoted = [False] * len(lines)
    markers: list[str] = []
    index = 0
    while index < len(lines):
        if QUOTED_LINE.match(lines[index]) and not _CHEVRON_HEADER.match(lines[index]):
            end = _quote_block_end(lines, index)
            quoted[index:end] = [True] * (end - index)
            if "> quoting" not in markers:
                markers.append("> quoting")
            index = end
            continue
        found = marker_at(lines, index)
        if found is None:
            index += 1
            continue
        name, after = found
        markers.append(name)
        first_content = _next_content(lines, after)
        if name == "attribution line" and first_content < len(lines) and QUOTED_LINE.match(lines[first_content]):
            end = _quote_block_end(lines, first_content)
            quoted[index:end] = [True] * (end - index)
            index = end
            continue
        answers = _inline_answers(lines, after) if name != "attribution line" else None
        if answers is None and (answers := _marked_answers(lines, index, after)) is not None:
            markers.append("answers marked in the letter")
        if answers is not None:
            markers.append("inline answers")
            quoted[index:after] = [True] * (after - index)
            quoted[after:] = answers
            break
        rule = _reply_below(lines, index, after)
        if rule is not None:  # the letter pasted above, the answer below its rule: read on from there
            markers.append("reply below the quoted letter")
            quoted[index:rule + 1] = [True] * (rule + 1 - index)
            index = rule + 1
            continue
        quoted[index:] = [True] * (len(lines) - index)
        break
    return QuoteSplit(quoted=tuple(quoted), markers=tuple(markers))
