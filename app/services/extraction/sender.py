"""extraction/sender.py — who a mail claims to come from vs where it and its links lead; invariant: cues, no verdict.

Two phishing cues: a display name whose name appears in the sender's address or a link host but not in the
sender's own domain ("Quirinet Kundenservice" <quirinet-rechnung@verify-account.example>), and a payment
link to a domain other than the sender's. `extraction/intent.py` decides what they weigh."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from app.services.extraction.vocabulary.spam import GENERIC_SENDER_WORDS, PAYMENT_LINK
from app.services.textfold import fold

_WORD = re.compile(r"[a-z0-9]{4,}")
_LOCAL_PIECES = re.compile(r"[a-z]+")
# Second-level labels under which the registrable name sits one label further left ("example.co.uk").
_SHORT_SECOND_LEVEL = frozenset(("co", "com", "org", "net", "gov", "ac", "or", "ne"))


def _domain_of(address: str) -> str:
    return address.rsplit("@", 1)[-1].strip().strip(">").lower() if "@" in address else ""


def registrable_domain(host: str) -> str:
    """The part of a host name its owner registered: "pay.shop.example" → "shop.example"."""
    labels = [label for label in host.lower().strip(".").split(".") if label]
    keep = 3 if len(labels) >= 3 and labels[-2] in _SHORT_SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _name_words(display_name: str | None) -> list[str]:
    words = _WORD.findall(fold(display_name or ""))
    return [word for word in words if word not in GENERIC_SENDER_WORDS]


def _own_mailbox(display_name: str | None, local: str) -> bool:
    """A person's own address: the display name has two or more words (first and last name) and the local part
    is built from those words and their initials only ("Jonas Brinkhaus" <j.brinkhaus@…>, "Scholtyssek, Marion"
    <marion.scholtyssek@…>, a nickname "kevin.lutzi94@…"). A person's surname in their own mailbox is the normal
    case, not a borrowed brand."""
    names = [word for word in _LOCAL_PIECES.findall(fold(display_name or "")) if word not in GENERIC_SENDER_WORDS]
    if len(names) < 2:
        return False
    rest = local
    for name in sorted((name for name in names if len(name) > 1), key=len, reverse=True):
        rest = rest.replace(name, " ")
    if rest == local:
        return False
    initials = {name[0] for name in names}
    # a nickname made from a name ("Kevin Lutzenberger" <kevin.lutzi94@…>) is as much the person's own
    stems = {name[:4] for name in names if len(name) >= 4}
    return all(piece in initials or (len(piece) >= 4 and piece[:4] in stems)
               for piece in _LOCAL_PIECES.findall(rest))


def display_name_elsewhere(display_name: str | None, from_email: str, links: Iterable[str] = ()) -> str | None:
    """The display name's own word when it shows up in the address or a link host, but not in the domain
    the mail was sent from: a name borrowed from someone else."""
    domain = registrable_domain(_domain_of(from_email))
    words = _name_words(display_name)
    if not domain or not words or any(word in domain for word in words):
        return None
    local = fold(from_email.rsplit("@", 1)[0])
    if _own_mailbox(display_name, local):
        local = ""
    subdomains = [_host(url).removesuffix(registrable_domain(_host(url))) for url in links]
    for word in words:
        if word in local or any(word in sub for sub in subdomains):
            return word
    return None


def payment_links_elsewhere(from_email: str, links: Iterable[str]) -> list[str]:
    """Hosts of links that look like a payment page on a domain other than the sender's."""
    domain = registrable_domain(_domain_of(from_email))
    hosts: list[str] = []
    for url in links:
        host = _host(url)
        if host and registrable_domain(host) != domain and PAYMENT_LINK.search(fold(url)) and host not in hosts:
            hosts.append(host)
    return hosts


def sender_cues(display_name: str | None, from_email: str, links: Iterable[str]) -> tuple[str, ...]:
    """The phishing cues of the sender and the links, each as the reason shown on the job."""
    links = list(links)
    cues: list[str] = []
    borrowed = display_name_elsewhere(display_name, from_email, links)
    if borrowed is not None:
        cues.append(f"display name '{borrowed}' but sent from {registrable_domain(_domain_of(from_email))}")
    cues.extend(f"payment link to another domain ({host})" for host in payment_links_elsewhere(from_email, links))
    return tuple(cues)
