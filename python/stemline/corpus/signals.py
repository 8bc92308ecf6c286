"""Stop signals (SIGINT, SIGTERM, SIGHUP) as an exception, and the moments
that must not be cut short by one.

While a command runs (:func:`stop_signals`), a stop signal raises
:class:`Signalled` in the main thread, so that every ``except BaseException``
and ``finally`` on the way up cleans up as for any error. Inside
:func:`held` (making and registering a temporary file) a signal only marks
itself pending and is raised as the block ends, so that the file it would
otherwise leave behind is always known. Python runs signal handlers in the
main thread between bytecodes, whichever thread the system delivered the
signal to, which is why holding is done here and not with a signal mask.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any

#: The signals that stop a command, each exiting 128 + its number.
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Signalled(BaseException):
    """A stop signal arrived (``signum``)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


_held = 0
_pending: list[int] = []


def _stop(signum: int, frame: Any) -> None:
    for s in STOP_SIGNALS:  # a second signal must not cut the clean-up short
        signal.signal(s, signal.SIG_IGN)
    if _held:
        _pending.append(signum)
        return
    raise Signalled(signum)


@contextlib.contextmanager
def stop_signals() -> Iterator[None]:
    """While the block runs, each stop signal raises :class:`Signalled`."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread can have handlers; the caller's stay
        return
    before = {s: signal.getsignal(s) for s in STOP_SIGNALS}
    for s in STOP_SIGNALS:
        signal.signal(s, _stop)
    try:
        yield
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)
        _pending.clear()


@contextlib.contextmanager
def held() -> Iterator[None]:
    """A stop signal arriving in the block is raised when the block ends."""
    global _held
    _held += 1
    try:
        yield
    finally:
        _held -= 1
        if not _held and _pending:
            raise Signalled(_pending.pop())
