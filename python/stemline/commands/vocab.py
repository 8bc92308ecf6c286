"""``stemline vocab``: every stem of a corpus with its counts and surface forms, as TSV."""

from __future__ import annotations

import click

from stemline.commands.corpus_io import InputSpec, input_options, open_output, read_batches
from stemline.commands.options import normalizer_options, output_option
from stemline.normalizer import Normalizer
from stemline.vocabulary import VocabularyBuilder


@click.command()
@input_options
@normalizer_options
@output_option("Write the TSV here (renamed into place when complete); default standard output.")
def vocab(inputs: InputSpec, normalizer: Normalizer, workers: int, output: str) -> None:
    """Count the stems of PATHS (files or folders; default: standard input).

    Writes TSV with a header row and one row per stem, most frequent first:
    stem, count (tokens), documents (how many have the stem), surfaces (the
    lower-cased words behind the stem as word=count, most frequent first,
    separated by spaces). Load it back with stemline.Vocabulary.load.

    \b
    Examples:
      stemline vocab corpus/ -o vocab.tsv
      stemline vocab --lines tweets.txt --drop-punct --stopwords nltk
    """
    builder = VocabularyBuilder(normalizer, workers=workers)
    for batch in read_batches(inputs):
        builder.add(batch.texts)
    vocabulary = builder.vocabulary()
    with open_output(output) as out:
        vocabulary.write(out)
