"""``stemline report``: what normalization did to a corpus, as one HTML page."""

from __future__ import annotations

import click

from stemline.commands.options import (
    TextType,
    count_type,
    input_options,
    output_option,
    pipeline_options,
    run_options,
)
from stemline.corpus.options import InputSpec
from stemline.corpus.outputs import TextOutput
from stemline.corpus.problems import exit_codes_text
from stemline.corpus.run import CorpusRun
from stemline.normalizer import Normalizer
from stemline.settings import Settings


@click.command(
    epilog=exit_codes_text(),
    short_help="Write an HTML report of what normalization does to a corpus.",
)
@input_options
@pipeline_options
@output_option("Write the HTML here (renamed into place when complete); default standard output.")
@click.option(
    "--title", type=TextType(), default="Corpus report", show_default=True, help="The page's title."
)
@click.option(
    "--top",
    type=count_type(1),
    default=50,
    show_default=True,
    help="Rows in each stem table.",
)
@run_options
def report(
    inputs: InputSpec,
    settings: Settings,
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
    from stemline.extras import require
    from stemline.report import CorpusStats, render_html

    require("stemline report", "report", "matplotlib")  # before any input is read
    normalizer = Normalizer.from_settings(settings)
    with CorpusRun(inputs, quiet=quiet, stats=stats) as run:
        out = run.open(lambda sources: TextOutput(output, sources))
        corpus = CorpusStats.from_texts(
            (batch.texts for batch in run.batches()), normalizer=normalizer, workers=workers
        )
        run.stats.tokens = corpus.tokens
        out.write(render_html(corpus, title=title, top=top))
    run.summary()
