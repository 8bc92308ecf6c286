"""The ``stemline`` command line."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator

import click

from stemline.commands.options import filter_options
from stemline.normalizer import STEMMERS, Normalizer

#: Exit codes (also in ``stemline --help`` and the README).
EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2


class InputError(click.ClickException):
    """Bad input: one line on stderr naming the file and the place, exit code 1."""

    exit_code = EXIT_BAD_INPUT

    def show(self, file=None) -> None:
        click.echo(f"stemline: error: {self.format_message()}", err=True)


def decode_utf8(data: bytes, name: str) -> str:
    """Decodes ``data`` as UTF-8 or raises an InputError naming the byte offset."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        bad = data[e.start : e.end].hex(" ")
        raise InputError(
            f"{name}: not valid UTF-8 at byte {e.start} (line {line}): byte(s) {bad}"
        ) from None


def read_input(path: str) -> tuple[str, bytes]:
    """(display name, bytes) of a path, or of standard input for ``-``."""
    if path == "-":
        return "<stdin>", sys.stdin.buffer.read()
    try:
        with open(path, "rb") as f:
            return path, f.read()
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from None


def documents(paths: tuple[str, ...], lines: bool) -> Iterator[str]:
    """Every document of every input, in order."""
    for path in paths or ("-",):
        name, data = read_input(path)
        text = decode_utf8(data, name)
        if not lines:
            yield text
            continue
        parts = text.split("\n")
        if parts[-1] == "":  # a final newline ends the last line; it does not start one
            parts.pop()
        yield from parts


class AtomicOutput:
    """Standard output, or a file written under a temporary name and renamed into
    place only when complete, so a failed run never leaves a truncated file."""

    def __init__(self, path: str):
        self.path = path
        self.tmp = None

    def __enter__(self):
        if self.path == "-":
            return sys.stdout
        directory = os.path.dirname(os.path.abspath(self.path))
        fd, self.tmp = tempfile.mkstemp(
            dir=directory, prefix=f".{os.path.basename(self.path)}.", suffix=".partial"
        )
        return os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def __exit__(self, exc_type, exc, tb):
        if self.tmp is None:
            sys.stdout.flush()
            return False
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            os.unlink(self.tmp)
        return False


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Exit codes: 0 success, 1 bad input (the error names the file and the place), "
    "2 usage error.",
)
@click.version_option(package_name="stemline", prog_name="stemline")
def main() -> None:
    """Normalize English text exactly as NLTK does, at native speed.

    Each document becomes one line: lower-cased, punctuation split Penn-Treebank
    style, every token Porter-stemmed.
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--lines", is_flag=True, help="Each line of each file (split on \\n) is a document.")
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write here instead of standard output.",
)
@click.option(
    "--stemmer",
    type=click.Choice(list(STEMMERS)),
    default="nltk",
    show_default=True,
    help="Porter mode (nltk = NLTK_EXTENSIONS), or none for lower-casing only.",
)
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Threads; 0 means one per core.",
)
@filter_options
def normalize(paths, lines, output, stemmer, workers, filters):
    """Normalize PATHS (default: standard input), one output line per document.

    Each file is one document unless --lines is given. Output line i always
    belongs to input document i.

    \b
    Examples:
      stemline normalize article.txt
      stemline normalize --lines corpus.txt -o corpus.norm.txt
      cat a.txt | stemline normalize -
      stemline normalize --drop-punct --stopwords english article.txt
    """
    try:
        normalizer = Normalizer(stemmer, **filters)
    except ImportError as e:  # a stop word list's package is missing
        raise click.UsageError(str(e)) from None
    docs = list(documents(paths, lines))
    out_lines = normalizer.normalize_many(docs, workers=workers)
    with AtomicOutput(output) as out:
        for line in out_lines:
            out.write(line)
            out.write("\n")


# The corpus commands beyond normalize, each in its own module.
from stemline.commands.report import report  # noqa: E402
from stemline.commands.vocab import vocab  # noqa: E402

main.add_command(vocab)
main.add_command(report)

if __name__ == "__main__":
    main()
