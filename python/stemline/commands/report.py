"""``stemline report``: what normalization did to a corpus, as one HTML page."""

from __future__ import annotations

import click

from stemline.commands.corpus_io import InputSpec, input_options, open_output, read_batches
from stemline.commands.options import normalizer_options, output_option
from stemline.normalizer import Normalizer


@click.command()
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
def report(
    inputs: InputSpec, normalizer: Normalizer, workers: int, output: str, title: str, top: int
) -> None:
    """Write a corpus report for PATHS (files or folders; default: standard input).

    One self-contained HTML file (no network needed to open it): documents,
    tokens, distinct words before and after stemming and the reduction; a Zipf
    rank-frequency plot; the top stems with their surface forms; a histogram of
    document lengths; the stems that merge the most distinct words.

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
    stats = CorpusStats.from_texts(
        (batch.texts for batch in read_batches(inputs)), normalizer=normalizer, workers=workers
    )
    page = render_html(stats, title=title, top=top)
    with open_output(output) as out:
        out.write(page)
