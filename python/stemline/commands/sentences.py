"""``stemline sentences``: one line (or record) per sentence, as NLTK's Punkt splits them."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click

from stemline.commands.options import input_options, output_option, pipeline_options, run_options
from stemline.corpus.documents import Batch
from stemline.corpus.options import InputSpec
from stemline.corpus.outputs import TextOutput, format_from_name
from stemline.corpus.problems import JobUsageError, exit_codes_text
from stemline.corpus.run import CorpusRun
from stemline.settings import Settings

#: What ``--output-format`` takes here.
FORMATS = ("auto", "lines", "jsonl")


def _reads_language(command: Callable[..., Any]) -> Callable[..., Any]:
    """--language is also the sentences' language, so it always has a reader."""
    from stemline.tokenize.punkt import LANGUAGES

    return pipeline_options(
        command, also_reading_language=[("the sentence splitter's (Punkt's) languages", LANGUAGES)]
    )


@click.command(
    epilog=exit_codes_text(),
    short_help="Split documents into sentences: one line or record each, normalized or raw.",
)
@input_options
@_reads_language
@output_option(
    "Write to this file (renamed into place when complete; .gz .bz2 .xz .zst compress); "
    "default standard output."
)
@click.option(
    "--output-format",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="lines: one sentence a line; jsonl: one record a sentence with where it came "
    "from (source, document, sentence, start, end, text). auto: by the -o name, else lines.",
)
@click.option(
    "--raw",
    is_flag=True,
    help="The sentences as written, not normalized (in lines output, each run of "
    "whitespace becomes one space, so that a sentence is one line).",
)
@run_options
def sentences(
    inputs: InputSpec,
    settings: Settings,
    workers: int,
    output: str,
    output_format: str,
    raw: bool,
    quiet: bool,
    stats: bool,
) -> None:
    """Split PATHS (files or folders; default: standard input) into sentences, as
    NLTK's sent_tokenize does in --language, one output line per sentence, in
    input order.

    Each sentence is normalized as stemline normalize would normalize it alone
    (with the same --stemmer, --tokenizer and filters), or written as it is with
    --raw: the form word2vec, fastText and sentence-level deduplication read.
    JSON Lines output says where each sentence came from: its input (source),
    the document's line or record number there (document), its number in the
    document (sentence, from 1) and its code point offsets in the document's
    text (start, end).

    \b
    Examples:
      stemline sentences article.txt
      stemline sentences --raw --lines corpus.txt -o sentences.txt
      stemline sentences --language german --stemmer snowball dump.jsonl -o s.jsonl
    """
    from stemline.normalizer import Normalizer
    from stemline.settings import _language_users
    from stemline.tokenize.punkt import PunktTokenizer

    splitter = PunktTokenizer(settings.language)
    # The sentences are split in --language whatever else reads it; the
    # pipeline is told the language only where one of its parts reads it.
    if not _language_users(settings):
        settings = settings._replace(language="english")
    normalizer = None if raw else Normalizer.from_settings(settings)
    fmt = output_format if output_format != "auto" else format_from_name(output)
    if fmt not in ("lines", "jsonl"):
        raise JobUsageError(f"sentences are written as lines or JSON Lines, not {fmt}")

    def render(batch: Batch) -> tuple[str, int]:
        spans = list(splitter.span_tokenize_sents(batch.texts, workers=workers))
        texts = [text[a:b] for text, doc in zip(batch.texts, spans, strict=True) for a, b in doc]
        if normalizer is not None:
            texts = normalizer.normalize_many(texts, workers=workers)
        elif fmt == "lines":
            texts = [" ".join(text.split()) for text in texts]
        if fmt == "lines":
            return "".join(f"{text}\n" for text in texts), len(texts)
        out = []
        it = iter(texts)
        for doc, doc_spans in zip(batch.documents(), spans, strict=True):
            for k, (a, b) in enumerate(doc_spans, 1):
                record = {
                    "source": doc.source.relative if doc.source.path else doc.source.name,
                    "document": doc.number,
                    "sentence": k,
                    "start": a,
                    "end": b,
                    "text": next(it),
                }
                out.append(json.dumps(record, ensure_ascii=False))  # surrogates: TextOutput
        return "".join(f"{line}\n" for line in out), len(texts)

    with CorpusRun(inputs, quiet=quiet, stats=stats) as run:
        run.stats.counted = "sentence"
        out = run.open(lambda sources: TextOutput(output, sources, fmt))
        for batch in run.batches():
            text, count = render(batch)
            out.write(text)
            run.stats.tokens += count
    run.summary()
