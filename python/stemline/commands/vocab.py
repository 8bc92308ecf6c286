"""``stemline vocab``: every stem of a corpus with its counts and surface forms, as TSV."""

from __future__ import annotations

import click

from stemline.commands.options import input_options, output_option, pipeline_options, run_options
from stemline.corpus.options import InputSpec
from stemline.corpus.outputs import TextOutput
from stemline.corpus.problems import exit_codes_text
from stemline.corpus.run import CorpusRun
from stemline.normalizer import Normalizer
from stemline.settings import Settings
from stemline.vocabulary import VocabularyBuilder


@click.command(
    epilog=exit_codes_text(), short_help="Count a corpus's stems and their surface forms, as TSV."
)
@input_options
@pipeline_options
@output_option("Write the TSV here (renamed into place when complete); default standard output.")
@run_options
def vocab(
    inputs: InputSpec, settings: Settings, workers: int, output: str, quiet: bool, stats: bool
) -> None:
    """Count the stems of PATHS (files or folders; default: standard input).

    Writes TSV with a header row and one row per stem, most frequent first:
    stem, count (tokens), documents (how many have the stem), surfaces (the
    lower-cased words behind the stem as word=count, most frequent first,
    separated by spaces). Load it back with stemline.Vocabulary.load.
    Memory grows with the vocabulary, not with the corpus.

    \b
    Examples:
      stemline vocab corpus/ -o vocab.tsv
      stemline vocab --lines tweets.txt --drop-punct --stopwords nltk
    """
    builder = VocabularyBuilder(Normalizer.from_settings(settings), workers=workers)
    with CorpusRun(inputs, quiet=quiet, stats=stats) as run:
        out = run.open(lambda sources: TextOutput(output, sources))
        for batch in run.batches():
            builder.add(batch.texts)
        vocabulary = builder.vocabulary()
        run.stats.tokens = vocabulary.tokens
        vocabulary.write(out)
    run.summary()
