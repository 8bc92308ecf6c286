"""The ``stemline`` program: the console script and ``python -m stemline``.

The command line itself is :mod:`stemline.cli`; this is only how a process
starts it. Importing it (click, the command line, the native module) makes
tens of thousands of objects that live as long as the process, and Python's
cycle collector would walk them again and again, and once more at exit:
about a tenth of a short command's start-up. So the collector is paused
while they are made, and they are then frozen (:func:`gc.freeze`), out of
every later collection; what the command itself makes is collected as usual.
"""

from __future__ import annotations

import gc
import sys


def command_line() -> None:
    """Runs ``stemline`` with ``sys.argv`` and exits with its code."""
    gc.disable()
    try:
        from stemline.cli import main
    finally:
        gc.freeze()
        gc.enable()
    sys.exit(main())


if __name__ == "__main__":
    command_line()
