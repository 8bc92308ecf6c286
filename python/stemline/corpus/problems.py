"""Where a document came from, what can go wrong with it, and what to do about it.

Every error about the input names the file and the place (line or record and
byte offset) in one line. Each error carries its exit code, which the command
line's one exit path (``stemline.cli.run``) returns. :class:`InputError` ends
the run with exit code 1;
a problem the user asked to tolerate (``--on-decode-error replace``,
``--on-bad-record empty``) goes to :class:`Problems`, which counts it for the
summary and prints the first few as warnings, still naming the place.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NamedTuple, TextIO

#: Exit codes of every stemline command, defined here once: ``--help`` and
#: the documentation list them from :data:`EXIT_CODES`.
EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_MISSING_EXTRA = 69
EXIT_INTERNAL = 70
EXIT_HANGUP = 129
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
EXIT_TERMINATED = 143

#: Each exit code and what it means, in order.
EXIT_CODES: tuple[tuple[int, str], ...] = (
    (EXIT_OK, "success (documents changed by a policy you chose are counted in the summary)"),
    (EXIT_BAD_INPUT, "bad input (the error names the file and the line or record and byte)"),
    (EXIT_USAGE, "usage error (an unknown option, options that do not fit the inputs)"),
    (EXIT_OUTPUT, "the output cannot be written (folder missing or read-only, disk full)"),
    (
        EXIT_MISSING_EXTRA,
        "a feature's optional dependency is not installed (the message says "
        "which extra to install)",
    ),
    (EXIT_INTERNAL, "internal error, a bug in stemline (please report it)"),
    (EXIT_HANGUP, "hung up (SIGHUP)"),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C, SIGINT)"),
    (EXIT_BROKEN_PIPE, "standard output closed early (piped into head, say): quietly"),
    (EXIT_TERMINATED, "terminated (SIGTERM, as kill and timeout send)"),
)


def exit_codes_text() -> str:
    """The exit codes as one paragraph, for ``--help``.

    >>> exit_codes_text().split("; ")[1]
    '1 bad input (the error names the file and the line or record and byte)'
    """
    return "Exit codes: " + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES) + "."


# A NamedTuple rather than a frozen dataclass: as immutable, and defined in
# a fraction of the time (it is defined at every command's start-up).
class Place(NamedTuple):
    """A place in an input: ``name`` (the file as the user named it, or
    ``<stdin>``) and, when known, the line, the record and the byte offset in
    the (decompressed) stream.

    >>> str(Place("a.jsonl", line=7, offset=1234))
    'a.jsonl: line 7, byte 1234'
    >>> str(Place("a.csv", record=3, line=4, offset=120))
    'a.csv: record 3 (line 4, byte 120)'
    """

    name: str
    line: int | None = None
    record: int | None = None
    offset: int | None = None

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.offset is not None:
            where.append(f"byte {self.offset}")
        detail = ", ".join(where)
        if self.record is not None:
            return f"{self.name}: record {self.record}" + (f" ({detail})" if detail else "")
        return f"{self.name}: {detail}" if detail else self.name


class StemlineError(Exception):
    """An error the user can cause, shown as one line on stderr
    (``stemline: error: ...``), ending the command with :attr:`exit_code`."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InputError(StemlineError):
    """Bad input: the message names the file and the place. Exit code 1."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, place: Place | str, message: str, hint: str | None = None):
        self.place = place
        self.detail = message
        self.hint = hint
        text = f"{place}: {message}"
        if hint:
            text += f" ({hint})"
        super().__init__(text)


class OutputError(StemlineError):
    """The output cannot be written (permissions, disk full). Exit code 3."""

    exit_code = EXIT_OUTPUT


class JobUsageError(StemlineError):
    """Options that cannot work together, found after parsing. Exit code 2."""

    exit_code = EXIT_USAGE


class MissingExtraError(StemlineError):
    """A feature needs an optional dependency that is not installed: the
    message names the extra that brings it. Exit code 69."""

    exit_code = EXIT_MISSING_EXTRA

    def __init__(self, what: str, extra: str):
        super().__init__(f'{what}: pip install "stemline[{extra}]"')


class Problems:
    """Input problems tolerated by a policy the user chose: counted for the
    summary; the first ``show`` of them printed as warnings naming the place."""

    def __init__(self, *, show: int = 10, stream: TextIO | None = None):
        self.count = 0
        self.show = show
        self.stream = stream
        #: Prints one line; a progress bar replaces it so that its line is not torn.
        self.echo: Callable[[str], None] = self._print

    def _print(self, line: str) -> None:
        print(line, file=self.stream or sys.stderr)

    def tolerate(self, place: Place | str, message: str) -> None:
        self.count += 1
        if self.count <= self.show:
            self.echo(f"stemline: warning: {place}: {message}")
            if self.count == self.show:
                self.echo("stemline: warning: further warnings not shown")


#: What ``--on-bad-record`` accepts.
BAD_RECORD_POLICIES = ("fail", "empty")


class BadRecords:
    """The ``--on-bad-record`` policy for a record that holds no usable document:
    binary data (a NUL byte), a malformed JSON line, a missing or non-string
    field, a ragged CSV row.

    ``fail`` (the default) raises an :class:`InputError` naming the place;
    ``empty`` makes the record an empty document (an empty output line, so line
    *i* still belongs to record *i*), counted and reported as a warning.
    """

    def __init__(self, policy: str, problems: Problems):
        if policy not in BAD_RECORD_POLICIES:
            raise ValueError(f"on_bad_record must be one of {BAD_RECORD_POLICIES}, not {policy!r}")
        self.policy = policy
        self.problems = problems

    def handle(self, place: Place | str, message: str) -> None:
        """Raises for ``fail``; records the problem for ``empty`` (the caller
        then uses an empty document)."""
        if self.policy == "fail":
            raise InputError(place, message, "--on-bad-record empty continues")
        self.problems.tolerate(place, f"{message}; used an empty document")
