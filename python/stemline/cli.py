"""The ``stemline`` command line.

Thin by design: options are parsed here, the work is done by
:mod:`stemline.corpus` (reading, writing, resuming, progress) and
:class:`stemline.Normalizer`.

Every command ends through :func:`run`, the one place where what went wrong
becomes a message and an exit code (the codes are defined once, in
:data:`stemline.corpus.problems.EXIT_CODES`): an error the user can cause is
one line on stderr, never a traceback; SIGINT, SIGTERM and SIGHUP stop the
command through the same clean-up as an error (temporary files removed) and
exit 128 + the signal's number; a reader of standard output that went away
(``| head``) ends the command quietly with 141.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from stemline import __version__
from stemline.commands.options import normalizer_options, output_option, run_options
from stemline.corpus.options import InputSpec, input_options
from stemline.corpus.problems import (
    EXIT_BAD_INPUT,
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    InputError,
    exit_codes_text,
)
from stemline.corpus.signals import Signalled, stop_signals
from stemline.corpus.target import discard_temporary_files
from stemline.corpus.writers import OUTPUT_FORMATS

if TYPE_CHECKING:
    from stemline.normalizer import Normalizer

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
    except click.ClickException as e:
        e.show()
        return e.exit_code
    except click.Abort:  # Ctrl-C where no handler of ours was installed
        click.echo("stemline: interrupted", err=True)
        return EXIT_INTERRUPTED
    except MemoryError:
        click.echo("stemline: error: out of memory (try a smaller --batch-size)", err=True)
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


#: The commands beyond ``normalize``, each in its own module, imported only
#: when run (or asked for its own help): ``stemline normalize FILE`` never pays
#: for them. Each one's help text up to its first sentence's end is here too, so
#: that ``stemline --help`` lists them without importing them (a test checks it
#: against the commands' own).
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "report": (
        "stemline.commands.report",
        "Write a corpus report for PATHS (files or folders; default: standard input).",
    ),
    "vocab": (
        "stemline.commands.vocab",
        "Count the stems of PATHS (files or folders; default: standard input).",
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
            # Only its line in the list is wanted: click shortens the same text
            # by its own rules.
            return click.Command(cmd_name, help=help)
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


@main.command(epilog=EXIT_CODES)
@input_options
@output_option(
    "Write to this file (renamed into place when complete; .gz .bz2 .xz .zst "
    "compress); default standard output."
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False),
    help="Write one output file per input here, mirroring the input folders.",
)
@click.option(
    "--output-format",
    type=click.Choice(OUTPUT_FORMATS),
    default="auto",
    show_default=True,
    help="lines: the normalized text only; jsonl, csv, tsv, parquet: every input field "
    "plus the normalized text. auto: by the -o name, else lines (with --output-dir: "
    "the input's own format).",
)
@click.option(
    "--output-field",
    default="normalized",
    show_default=True,
    help="Name of the normalized text's field or column.",
)
@normalizer_options
@click.option(
    "--resume",
    is_flag=True,
    help="Keep a journal; after an interrupted run, the same command with --resume "
    "skips the inputs already done. Needs -o FILE or --output-dir.",
)
@click.option(
    "--offsets",
    is_flag=True,
    help="JSON Lines output: also write <output-field>_offsets, each token's "
    "[start, end] in the input text (code points).",
)
@run_options
def normalize(
    inputs: InputSpec,
    output: str,
    output_dir: str | None,
    output_format: str,
    output_field: str,
    normalizer: Normalizer,
    workers: int,
    resume: bool,
    offsets: bool,
    quiet: bool,
    stats: bool,
) -> None:
    """Normalize PATHS (files or folders; default: standard input), one output line
    per document, in input order.

    Plain text files are one document each (--lines: one per line); JSON Lines,
    CSV, TSV and Parquet give one document per record (--field, --column).
    Compressed inputs (.gz .bz2 .xz .zst) are read as they stream. Memory stays
    bounded by the batch size whatever the input size.

    \b
    Examples:
      stemline normalize article.txt
      stemline normalize --lines corpus.txt.gz -o corpus.norm.txt
      stemline normalize dump.jsonl.zst --field article.body -o out.jsonl
      stemline normalize corpus/ --glob '*.txt' --output-dir normalized/ --resume
      cat a.txt | stemline normalize -
      stemline normalize --drop-punct --stopwords nltk article.txt
    """
    from stemline.commands.corpus_io import show_summary
    from stemline.corpus.job import run as run_job
    from stemline.corpus.outputs import OutputSpec
    from stemline.corpus.progress import summary_wanted

    if output_dir is not None and output != "-":
        raise click.UsageError("give -o or --output-dir, not both")
    spec = OutputSpec(
        path=output,
        directory=output_dir,
        format=output_format,
        field=output_field,
        resume=resume,
        offsets=offsets,
    )
    summary = run_job(
        inputs,
        spec,
        normalizer,
        workers=workers,
        quiet=quiet,
        with_tokens=summary_wanted(quiet, stats),
    )
    show_summary(summary, quiet=quiet, asked=stats)


if __name__ == "__main__":
    main()
