"""``stemline normalize``: one output line (or record) per document, in input order."""

from __future__ import annotations

import click

from stemline.commands.options import (
    input_options,
    pipeline_options,
    record_output_options,
    run_options,
)
from stemline.corpus.options import InputSpec
from stemline.corpus.problems import JobUsageError, exit_codes_text
from stemline.settings import Settings


@click.command(
    epilog=exit_codes_text(),
    short_help="Normalize documents: one output line or record each, in input order.",
)
@input_options
@record_output_options
@pipeline_options
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
    settings: Settings,
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
    from stemline.corpus.job import run as run_job
    from stemline.corpus.outputs import OutputSpec
    from stemline.normalizer import Normalizer

    if output_dir is not None and output != "-":
        raise JobUsageError("give -o or --output-dir, not both")
    spec = OutputSpec(
        path=output,
        directory=output_dir,
        format=output_format,
        field=output_field,
        resume=resume,
        offsets=offsets,
    )
    normalizer = Normalizer.from_settings(settings)
    run_job(inputs, spec, normalizer, workers=workers, quiet=quiet, stats=stats).summary()
