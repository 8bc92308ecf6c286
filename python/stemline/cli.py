"""The ``stemline`` command line: the group of commands and its one exit path.

Thin by design: each command lives in its own module of
:mod:`stemline.commands` (imported only when run), its options are declared in
:mod:`stemline.commands.options`, and the work is done by
:mod:`stemline.corpus` (reading, writing, resuming, progress) and
:class:`stemline.Normalizer`.

Every command ends through :func:`run`, the one place where what went wrong
becomes a message and an exit code (the codes are defined once, in
:data:`stemline.corpus.problems.EXIT_CODES`, and every error the corpus layer
raises carries its own): an error the user can cause is one line on stderr,
never a traceback; SIGINT, SIGTERM and SIGHUP stop the command through the
same clean-up as an error (temporary files removed) and exit 128 + the
signal's number; a reader of standard output that went away (``| head``) ends
the command quietly with 141.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

import click

from stemline import __version__
from stemline.corpus.problems import (
    EXIT_BAD_INPUT,
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_MISSING_EXTRA,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    InputError,
    StemlineError,
    exit_codes_text,
)
from stemline.corpus.signals import Signalled, stop_signals
from stemline.corpus.target import discard_temporary_files

__all__ = [
    "main",
    "run",
    "InputError",
    "EXIT_OK",
    "EXIT_BAD_INPUT",
    "EXIT_USAGE",
    "EXIT_OUTPUT",
    "EXIT_BROKEN_PIPE",
]

EXIT_CODES = exit_codes_text()


class _StdoutGone(BaseException):
    """Standard output's reader went away; carried past click, which would
    otherwise turn it into exit code 1."""


def _silence_stdout() -> None:
    """After a broken pipe: Python's final flush of stdout must not complain."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _error(message: str) -> None:
    click.echo(f"stemline: error: {message}", err=True)


def run(command: Callable[[], Any]) -> int:
    """Runs ``command`` (a click entry point in non-standalone mode) and returns
    its exit code: every way a command can end is mapped here, once."""
    try:
        with stop_signals():
            try:
                result = command()
                if sys.stdout is not None:
                    sys.stdout.flush()
            except BrokenPipeError as e:
                raise _StdoutGone() from e
            finally:
                # Whatever the place a command stopped at, no temporary file stays.
                discard_temporary_files()
        return result if isinstance(result, int) else EXIT_OK  # --help, --version: 0
    except Signalled as e:
        name = signal.Signals(e.signum).name
        said = {"SIGINT": "interrupted", "SIGTERM": "terminated (SIGTERM)"}
        click.echo(f"stemline: {said.get(name, f'stopped by {name}')}", err=True)
        return 128 + e.signum
    except _StdoutGone:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except StemlineError as e:
        _error(e.message)
        return e.exit_code
    except ImportError as e:
        # stemline's own modules are always there: what is missing is an
        # optional dependency, whose message names the extra that brings it.
        _error(str(e))
        return EXIT_MISSING_EXTRA
    except click.UsageError as e:
        # One line, as every other error, with where to look for the right words.
        where = e.ctx.command_path if e.ctx is not None else "stemline"
        _error(f"{e.format_message()} (see '{where} --help')")
        return EXIT_USAGE
    except click.ClickException as e:
        e.show()
        return e.exit_code
    except click.Abort:  # Ctrl-C where no handler of ours was installed
        click.echo("stemline: interrupted", err=True)
        return EXIT_INTERRUPTED
    except MemoryError:
        _error("out of memory (try a smaller --batch-size)")
        return EXIT_BAD_INPUT
    except Exception as e:  # a bug: still one line, and the code says so
        if os.environ.get("STEMLINE_DEBUG"):
            raise
        click.echo(
            f"stemline: internal error: {type(e).__name__}: {e} "
            "(please report it; STEMLINE_DEBUG=1 shows where)",
            err=True,
        )
        return EXIT_INTERNAL


#: Every command, each in its own module, imported only when run (or asked for
#: its own help): ``stemline normalize FILE`` pays for no other. Each one's
#: one-sentence summary is here too, so that ``stemline --help`` lists them
#: without importing them (a test checks it against the commands' own).
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "completions": (
        "stemline.commands.completions",
        "Print the shell completion script for stemline.",
    ),
    "normalize": (
        "stemline.commands.normalize",
        "Normalize documents: one output line or record each, in input order.",
    ),
    "sentences": (
        "stemline.commands.sentences",
        "Split documents into sentences: one line or record each, normalized or raw.",
    ),
    "report": (
        "stemline.commands.report",
        "Write an HTML report of what normalization does to a corpus.",
    ),
    "vocab": (
        "stemline.commands.vocab",
        "Count a corpus's stems and their surface forms, as TSV.",
    ),
}


class StemlineGroup(click.Group):
    """The ``stemline`` group, ending every command through :func:`run`.

    The commands of :data:`LAZY_COMMANDS` are loaded on first use (click's
    "lazily loading subcommands" pattern)."""

    _listing = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands or cmd_name not in LAZY_COMMANDS:
            return super().get_command(ctx, cmd_name)
        module, help = LAZY_COMMANDS[cmd_name]
        if self._listing:
            # Only its line in the list is wanted.
            return click.Command(cmd_name, short_help=help)
        command = getattr(importlib.import_module(module), cmd_name)
        assert isinstance(command, click.Command)
        self.add_command(command, cmd_name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self._listing = False

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code = run(
            lambda: super(StemlineGroup, self).main(
                args, prog_name or "stemline", complete_var, standalone_mode=False, **extra
            )
        )
        if standalone_mode:
            sys.exit(code)
        return code

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as e:
            raise _StdoutGone() from e
        except KeyboardInterrupt as e:
            raise Signalled(signal.SIGINT) from e


@click.group(
    cls=StemlineGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES
)
@click.version_option(version=__version__, prog_name="stemline")
def main() -> None:
    """Normalize English text exactly as NLTK does, at native speed.

    Each document becomes one line: lower-cased, punctuation split Penn-Treebank
    style, every token Porter-stemmed.
    """


if __name__ == "__main__":
    main()
