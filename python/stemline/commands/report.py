"""``stemline report``: what normalization did to a corpus, as one HTML page."""

from __future__ import annotations

import click

from stemline.commands.corpus_io import CorpusRun, InputSpec, input_options, show_summary
from stemline.commands.options import normalizer_options, output_option, run_options
from stemline.corpus.problems import exit_codes_text
from stemline.normalizer import Normalizer


@click.command(epilog=exit_codes_text())
@input_options
@normalizer_options
@output_option("Write the HTML here (renamed into place when complete); default standard output.")
@click.option("--title", default="Corpus report", show_default=True, help="The page's title.")
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Rows in each stem table.",
)
@run_options
def report(
    inputs: InputSpec,
    normalizer: Normalizer,
    workers: int,
    output: str,
    title: str,
    top: int,
    quiet: bool,
    stats: bool,
) -> None:
    """Write a corpus report for PATHS (files or folders; default: standard input).

    One self-contained HTML file (no network needed to open it): documents,
    tokens, distinct words before and after stemming and the reduction; a Zipf
    rank-frequency plot; the top stems with their surface forms; a histogram of
    document lengths; the stems that merge the most distinct words. Memory
    grows with the vocabulary, not with the number of documents.

    \b
    Examples:
      stemline report corpus/ -o report.html
      stemline report corpus/ --glob '*.txt' --drop-punct -o report.html
    """
    try:
        import matplotlib  # noqa: F401

        from stemline.report import CorpusStats, render_html
    except ImportError:
        raise click.UsageError(
            "stemline report draws its plots with matplotlib: pip install 'stemline[report]'"
        ) from None
    with CorpusRun(inputs, output, quiet=quiet) as run:
        corpus = CorpusStats.from_texts(
            (batch.texts for batch in run.batches()), normalizer=normalizer, workers=workers
        )
        run.stats.tokens = corpus.tokens
        run.text_output().write(render_html(corpus, title=title, top=top))
    show_summary(run.stats, quiet=quiet, asked=stats)
