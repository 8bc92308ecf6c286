"""Bytes to text: UTF-8, with the ``--on-decode-error`` policy for bytes that are not.

* ``fail`` (default): an :class:`InputError` naming the file, the line or
  record, and the byte offset of the first bad byte.
* ``replace``: each bad byte sequence becomes U+FFFD (Python's ``errors="replace"``).
* ``latin-1``: a document that is not valid UTF-8 is decoded whole as Latin-1
  (every byte is a character; right for old Western European files such as
  the BBC corpus's ``sport/199.txt``). Valid UTF-8 documents are unaffected.

The policy applies per document (a file, a line, a JSON Lines record, a CSV
line, a Parquet value); each document it changes is counted as an error in
the summary and the first few are reported as warnings with their place.
A UTF-8 byte order mark is text like any other character and is kept, except
where a format's syntax would break on it (see the JSON Lines and CSV readers).
"""

from __future__ import annotations

from collections.abc import Callable

from stemline.corpus.problems import InputError, Place, Problems

#: What ``--on-decode-error`` accepts.
DECODE_POLICIES = ("fail", "replace", "latin-1")


class Decoder:
    """Decodes documents under one policy, reporting to ``problems``."""

    def __init__(self, policy: str, problems: Problems):
        if policy not in DECODE_POLICIES:
            raise ValueError(f"on_decode_error must be one of {DECODE_POLICIES}, not {policy!r}")
        self.policy = policy
        self.problems = problems

    # Callable[..., Place]: callers pass lambdas that bind the place's parts as defaults.
    def decode(self, data: bytes, place_at: Callable[..., Place]) -> str:
        """``data`` as text. ``place_at(i)`` is the place of byte ``i`` of
        ``data`` (for the message)."""
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as e:
            bad = data[e.start : e.end].hex(" ")
            place = place_at(e.start)
            if self.policy == "fail":
                raise InputError(
                    place,
                    f"not valid UTF-8: byte(s) {bad}",
                    "--on-decode-error replace or latin-1 continues",
                ) from None
            if self.policy == "replace":
                self.problems.tolerate(
                    place, f"not valid UTF-8 (byte(s) {bad}); replaced by U+FFFD"
                )
                return data.decode("utf-8", errors="replace")
            self.problems.tolerate(place, f"not valid UTF-8 (byte(s) {bad}); decoded as Latin-1")
            return data.decode("latin-1")
