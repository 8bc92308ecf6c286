"""What the user sees while a job runs and when it ends.

On a terminal (standard error is a TTY) and without ``--quiet``: a tqdm
progress bar with the input bytes read (as stored on disk, so compressed
inputs count their compressed size), the rate, the ETA when the total is
known, and the documents so far. Piped or with ``--quiet``: nothing while it
runs. At the end, when standard error is a terminal (and not ``--quiet``) or
with ``--stats``, one summary line on standard error:

    stemline: 2,225 documents, 1,016,127 tokens, 5.04 MB in 0.40 s (12.60 MB/s), 0 errors

MB are 10^6 bytes of input text (after decompression); errors are the
documents a ``--on-decode-error`` or ``--on-bad-record`` policy changed.
"""

from __future__ import annotations

import sys


class Stats:
    """What a job did, for the summary line (a plain class: this module is
    imported at every command's start-up, where a dataclass costs more)."""

    __slots__ = ("documents", "tokens", "nbytes", "seconds", "errors", "counted")

    def __init__(
        self,
        documents: int = 0,
        tokens: int = 0,
        nbytes: int = 0,
        seconds: float = 0.0,
        errors: int = 0,
        counted: str = "token",
    ) -> None:
        self.documents = documents
        self.tokens = tokens
        self.nbytes = nbytes
        self.seconds = seconds
        self.errors = errors
        #: What ``tokens`` counts, for the summary (``sentence`` for ``stemline sentences``).
        self.counted = counted

    def summary(self) -> str:
        mb = self.nbytes / 1e6
        rate = mb / self.seconds if self.seconds > 0 else 0.0
        return (
            f"stemline: {self.documents:,} {_plural(self.documents, 'document')}, "
            f"{self.tokens:,} {_plural(self.tokens, self.counted)}, {mb:,.2f} MB "
            f"in {self.seconds:,.2f} s ({rate:,.2f} MB/s), {self.errors:,} "
            + _plural(self.errors, "error")
        )


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


class Progress:
    """A progress bar on standard error, or nothing."""

    def __init__(self, total_bytes: int | None, enabled: bool):
        self._bar = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total_bytes,
                unit="B",
                unit_scale=True,
                unit_divisor=1000,
                file=sys.stderr,
                dynamic_ncols=True,
                smoothing=0.1,
                mininterval=0.5,
                leave=False,
            )

    def echo(self, line: str) -> None:
        """Prints a line on stderr above the bar."""
        if self._bar is not None:
            self._bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def update(self, disk_bytes: int, documents: int) -> None:
        if self._bar is not None:
            self._bar.set_postfix_str(f"{documents:,} docs", refresh=False)
            self._bar.update(disk_bytes)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def progress_wanted(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()


def summary_wanted(quiet: bool, stats: bool) -> bool:
    """The summary line: asked for with ``--stats``, else only on a terminal."""
    return stats or (not quiet and sys.stderr.isatty())
