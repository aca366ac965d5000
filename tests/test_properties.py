"""Each idiomatic rewrite is the same function of the system's entropy as the call it replaces.

`random.X(...)` -> `secrets.SystemRandom().X(...)` is the same method of the same class, so it is
exact by construction. The idiomatic spellings are checked here: with `os.urandom` (which every
SystemRandom draw and every `secrets` function ends in) fed the same bytes, the original method on a
SystemRandom and the rewritten `secrets` expression return the same value, or raise the same
exception class. Equal for every entropy stream means the same set of possible values.
"""
from __future__ import annotations

import hashlib
import random
import secrets

from hypothesis import given, settings
from hypothesis import strategies as st

SMALL = st.integers(min_value=-(2**70), max_value=2**70)


def _stream(seed: bytes):
    counter = 0

    def urandom(n: int) -> bytes:
        nonlocal counter
        if n < 0:
            raise ValueError("negative argument not allowed")
        out = b""
        while len(out) < n:
            out += hashlib.sha256(seed + counter.to_bytes(8, "big")).digest()
            counter += 1
        return out[:n]

    return urandom


def same(seed: bytes, original, rewritten) -> None:
    results = []
    saved = random._urandom  # type: ignore[attr-defined]
    try:
        for expr in (original, rewritten):
            random._urandom = _stream(seed)  # type: ignore[attr-defined]
            try:
                results.append(("value", expr()))
            except Exception as exc:  # noqa: BLE001 - the exception class is what is compared
                results.append(("raises", type(exc)))
    finally:
        random._urandom = saved  # type: ignore[attr-defined]
    assert results[0] == results[1]


SEEDS = st.binary(min_size=1, max_size=16)


@settings(max_examples=200, deadline=None)
@given(seed=SEEDS, seq=st.lists(st.integers(), max_size=20) | st.text(max_size=20))
def test_choice(seed, seq):
    same(seed, lambda: random.SystemRandom().choice(seq), lambda: secrets.choice(seq))


@settings(max_examples=200, deadline=None)
@given(seed=SEEDS, k=st.integers(min_value=-3, max_value=300))
def test_getrandbits_is_randbits(seed, k):
    same(seed, lambda: random.SystemRandom().getrandbits(k), lambda: secrets.randbits(k))


@settings(max_examples=300, deadline=None)
@given(seed=SEEDS, n=SMALL)
def test_randrange_of_an_int_is_randbelow(seed, n):
    same(seed, lambda: random.SystemRandom().randrange(n), lambda: secrets.randbelow(n))


@settings(max_examples=200, deadline=None)
@given(seed=SEEDS, n=st.integers(min_value=0, max_value=4096))
def test_randbytes_of_an_int_is_token_bytes(seed, n):
    same(seed, lambda: random.SystemRandom().randbytes(n), lambda: secrets.token_bytes(n))


@settings(max_examples=300, deadline=None)
@given(seed=SEEDS, a=SMALL, width=st.integers(min_value=0, max_value=2**70))
def test_randint_of_ordered_ints_is_the_folded_randbelow(seed, a, width):
    b = a + width  # the fixer folds only int literals with a <= b
    same(seed, lambda: random.SystemRandom().randint(a, b), lambda: secrets.randbelow(b - a + 1) + a)


@given(n=st.integers(min_value=-100, max_value=0))
def test_invalid_bounds_raise_the_same_class(n):
    same(b"x", lambda: random.SystemRandom().randrange(n), lambda: secrets.randbelow(n))


def test_the_stream_really_drives_both_sides():
    # A guard against a test that cannot fail: different streams give different draws.
    draws = set()
    for seed in (b"a", b"b", b"c", b"d"):
        saved = random._urandom  # type: ignore[attr-defined]
        random._urandom = _stream(seed)  # type: ignore[attr-defined]
        try:
            draws.add(secrets.randbits(64))
        finally:
            random._urandom = saved  # type: ignore[attr-defined]
    assert len(draws) == 4
