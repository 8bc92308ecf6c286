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
        where = getattr(e, "command_path", None) or (
            e.ctx.command_path if e.ctx is not None else "stemline"
        )
        message = e.format_message()
        if isinstance(e, click.exceptions.NoArgsIsHelpError):  # not the whole help
            message = f"give a command: {', '.join(sorted(LAZY_COMMANDS))}"
        _error(f"{message} (see '{where} --help')")
        return EXIT_USAGE
    except click.ClickException as e:
        e.show()
        return e.exit_code
    except click.Abort:  # Ctrl-C where no handler of ours was installed
        click.echo("stemline: interrupted", err=True)
        return EXIT_INTERRUPTED
    except MemoryError:
        return _out_of_memory()
    except BaseException as e:
        # A bug: still one line, and the code says so. A panic of the native
        # core (pyo3's PanicException is a BaseException, past every
        # ``except Exception``) under a memory limit is the limit's doing.
        panic = type(e).__name__ == "PanicException" or _NATIVE_FAILED in str(e)
        if not isinstance(e, Exception) and not panic:
            raise  # SystemExit and the like: not ours to turn into a message
        if panic and _memory_limited():
            return _out_of_memory()
        if os.environ.get("STEMLINE_DEBUG"):
            raise
        click.echo(
            f"stemline: internal error: {type(e).__name__}: {e} "
            "(please report it; STEMLINE_DEBUG=1 shows where)",
            err=True,
        )
        return EXIT_INTERNAL


#: How the native corpus job words a panic it caught (crates/stemline-py/src/io.rs).
_NATIVE_FAILED = "the native corpus job failed"


def _out_of_memory() -> int:
    _error("out of memory (try fewer threads with -j, or a smaller --batch-size)")
    return EXIT_BAD_INPUT


def _memory_limited() -> bool:
    """Whether the process runs under a limit on its memory (``ulimit -v``):
    then the native core's allocations fail by panicking where it has no
    other way to say so, which is the limit's doing, not a bug."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    limits = [getattr(resource, n, None) for n in ("RLIMIT_AS", "RLIMIT_DATA", "RLIMIT_RSS")]
    return any(
        resource.getrlimit(limit)[0] != resource.RLIM_INFINITY
        for limit in limits
        if limit is not None
    )


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

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        ctx.meta["stemline.command"] = name
        return name, command, rest

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as e:
            # An error in a command's options found before its context exists
            # (an option missing its value): its help is the one to see.
            name = ctx.meta.get("stemline.command")
            if e.ctx is None and name:
                e.command_path = f"{ctx.command_path} {name}"  # type: ignore[attr-defined]
            raise
        except BrokenPipeError as e:
            raise _StdoutGone() from e
        except KeyboardInterrupt as e:
            raise Signalled(signal.SIGINT) from e


@click.group(
    cls=StemlineGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES
)
@click.version_option(version=__version__, prog_name="stemline")
def main() -> None:
    """Normalize text exactly as NLTK does, at native speed.

    Each document becomes one line: lower-cased, split into tokens as NLTK
    splits them (Penn Treebank style by default), every token stemmed
    (Porter by default) or lemmatized.
    """


if __name__ == "__main__":
    main()
