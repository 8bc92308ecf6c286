"""The ``stemline`` command line.

Thin by design: options are parsed here, the work is done by
:mod:`stemline.corpus` (reading, writing, resuming, progress) and
:class:`stemline.Normalizer`.
"""

from __future__ import annotations

import os
import sys

import click

from stemline.commands.options import normalizer_options, output_option
from stemline.corpus.options import InputSpec, input_options
from stemline.corpus.problems import (
    EXIT_BAD_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    InputError,
)
from stemline.corpus.writers import OUTPUT_FORMATS
from stemline.normalizer import Normalizer

__all__ = ["main", "InputError", "EXIT_OK", "EXIT_BAD_INPUT", "EXIT_USAGE", "EXIT_OUTPUT"]

#: Standard output closed by the reader (``| head``): stop quietly, as 128 + SIGPIPE.
EXIT_BROKEN_PIPE = 141

EXIT_CODES = (
    "Exit codes: 0 success (documents changed by a policy you chose are counted in the "
    "summary); 1 bad input (the error names the file and the line or record and byte); "
    "2 usage error; 3 the output cannot be written; 130 interrupted (Ctrl-C); "
    "141 standard output closed early (| head)."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(package_name="stemline", prog_name="stemline")
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
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
def normalize(
    inputs: InputSpec,
    output,
    output_dir,
    output_format,
    output_field,
    normalizer: Normalizer,
    workers,
    resume,
    offsets,
    quiet,
):
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
    from stemline.corpus.job import run
    from stemline.corpus.outputs import OutputSpec

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
    try:
        stats = run(inputs, spec, normalizer, workers=workers, quiet=quiet)
    except KeyboardInterrupt:
        click.echo("stemline: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader of standard output went away: nothing more to say to it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_BROKEN_PIPE)
    if not quiet:
        click.echo(stats.summary(), err=True)


# The corpus commands beyond normalize, each in its own module.
from stemline.commands.report import report  # noqa: E402
from stemline.commands.vocab import vocab  # noqa: E402

main.add_command(vocab)
main.add_command(report)

if __name__ == "__main__":
    main()
