"""Values that standards require to be unpredictable, though their names do not say "secret".

A DNS query id or a WebSocket masking key is not called a password, but the standard that defines it
requires it to be unguessable, because an off-path attacker who predicts it can forge or poison
(LABELS.md, "Protocol values that must be unpredictable"). Each entry says which names it covers,
which context words say the code speaks that protocol, and where the requirement comes from.

Matching is by words (see `vocabulary.words`): a field matches when the name's last words are one of
the entry's field spellings; a protocol matches when a word of the module path, the class or the
function names it. Long, distinctive protocol names (`websocket`, `netbios`) also match run together
(`NetBIOSSession` -> net, bios). Nothing here is a guess from one site: each row is one requirement.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Tuple

from .vocabulary import words


@dataclass(frozen=True)
class ProtocolValue:
    what: str  # shown in the message: "DNS query id"
    fields: Tuple[Tuple[str, ...], ...]  # the name's last words, each spelling as a word tuple
    protocols: Tuple[str, ...]  # context words that say the code speaks the protocol
    citation: str
    also: Tuple[str, ...] = ()  # a second word the context must hold too (ECDSA's nonce: "sign")

    @property
    def secret(self) -> str:
        return f"{self.what} ({self.citation})"


_ID = (("id",), ("qid",), ("txid",), ("xid",), ("tid",), ("trn", "id"), ("trans", "id"), ("transaction", "id"),
       ("transaction",), ("query", "id"))

# Must be unpredictable.
UNPREDICTABLE: Tuple[ProtocolValue, ...] = (
    # `ws` is the usual abbreviation (the ws:// scheme, RFC 6455 §3); the fields are specific enough
    ProtocolValue("WebSocket masking key", (("mask",), ("masking", "key"), ("mask", "key"), ("frame", "mask")),
                  ("websocket", "websockets", "ws"), "RFC 6455 §5.3"),
    # not `resolver`: GraphQL and dependency resolvers have ids too
    ProtocolValue("DNS query id", _ID + (("port",), ("source", "port")), ("dns", "nameserver"),
                  "RFC 5452 §4, §9.2"),
    ProtocolValue("NetBIOS name service transaction id", _ID, ("netbios", "nbns", "nmb", "nbt"),
                  "RFC 5452 (same off-path forgery as DNS); RFC 1002 §4.2.1.1"),
    ProtocolValue("STUN transaction id", _ID, ("stun",), "RFC 5389 §6"),
    ProtocolValue("SIP tag or Call-ID", (("tag",), ("from", "tag"), ("to", "tag"), ("call", "id"), ("callid",)),
                  ("sip",), "RFC 3261 §19.3"),
    ProtocolValue("CoAP token", (("token",),), ("coap",), "RFC 7252 §5.3.1"),
    # not the two-letter `st`/`pt`: `cas` is also a computer algebra system with points
    ProtocolValue("CAS ticket", (("ticket",), ("service", "ticket"), ("proxy", "ticket"), ("pgt",),
                                 ("pgt", "iou"), ("tgt",)), ("cas",), "CAS Protocol 3.0 §3.7"),
    ProtocolValue("BOSH request id", (("rid",),), ("bosh",), "XEP-0124 §7"),
    ProtocolValue("TCP initial sequence number", (("isn",), ("iss",), ("initial", "seq"), ("initial", "sequence")),
                  ("tcp",), "RFC 6528 §3"),
    # not `curve` or `ec`: curve fitting and evolutionary computation draw `k` and `d` too
    ProtocolValue("DSA/ECDSA per-message secret k", (("k",), ("nonce",)),
                  ("dsa", "ecdsa", "ecc", "elgamal", "schnorr"), "FIPS 186-5 §6.4", also=("sign",)),
    ProtocolValue("private key", (("priv",), ("private",), ("priv", "key"), ("secret", "exponent"), ("d",)),
                  ("dsa", "ecdsa", "ecc", "elgamal", "schnorr", "rsa", "dh"), "FIPS 186-5 §6.2",
                  also=("key", "keypair", "pair", "keygen")),
)

# Values with a secret-sounding name that the standard only needs unique: quiet in that protocol.
PUBLIC: Tuple[ProtocolValue, ...] = (
    ProtocolValue("SDP session id", (("session", "id"), ("sess", "id")), ("sdp",), "RFC 8866 §5.2 (o= line)"),
    ProtocolValue("WebSocket handshake key or challenge",
                  (("key",), ("handshake", "key"), ("key1",), ("key2",), ("challenge",), ("challenge", "response")),
                  ("websocket", "websockets"),
                  "RFC 6455 §4.1, §10.3 and draft-hixie-76 §1.3: it only shows the server read the handshake"),
)

# Context words long and distinctive enough to find inside a run-together name (`NetBIOSSession`).
_DISTINCT = frozenset({"websocket", "netbios", "coap", "bosh", "ecdsa", "elgamal", "schnorr", "nbns", "nameserver"})


@lru_cache(maxsize=1024)
def _context_words(contexts: Tuple[str, ...]) -> Tuple[frozenset, str]:
    ws = set()
    joined = []
    for context in contexts:
        ws.update(words(context))
        joined.append("".join(ch for ch in context.lower() if ch.isalnum()))
    return frozenset(ws), " ".join(joined)


def _speaks(entry: ProtocolValue, ws: frozenset, joined: str) -> bool:
    if entry.also and not any(w in ws for w in entry.also):
        return False
    return any(p in ws or (p in _DISTINCT and p in joined) for p in entry.protocols)


def _field(entry: ProtocolValue, name_words: Tuple[str, ...]) -> int:
    """The length of the longest of the entry's field spellings that ends `name_words` (0: none)."""
    return max((len(f) for f in entry.fields if name_words[-len(f):] == f), default=0)


@lru_cache(maxsize=8192)
def protocol_value(name: str, contexts: Tuple[str, ...]) -> Tuple[Optional[str], bool]:
    """What a standard says about `name` in code whose module path, class and function are `contexts`.

    Returns (secret, public): `secret` is "<what> (<citation>)" when a standard requires the value
    to be unpredictable; `public` is True when the standard only needs it unique (SDP's session id).

    >>> protocol_value("trn_id", ("nmb/NetBIOS.py", "NetBIOS", "queryName"))
    ('NetBIOS name service transaction id (RFC 5452 (same off-path forgery as DNS); RFC 1002 §4.2.1.1)', False)
    >>> protocol_value("session_id", ("app/sdp.py", "make_offer"))
    (None, True)
    """
    name_words = words(name)
    if not name_words:
        return None, False
    ws, joined = _context_words(contexts)
    # the longest field spelling wins: `masking_key` is the mask, a bare `key` the handshake key
    best: Tuple[int, Optional[str], bool] = (0, None, False)
    for public, table in ((True, PUBLIC), (False, UNPREDICTABLE)):
        for entry in table:
            length = _field(entry, name_words)
            if length > best[0] and _speaks(entry, ws, joined):
                best = (length, None if public else entry.secret, public)
    return best[1], best[2]
