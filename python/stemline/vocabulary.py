"""Stems with their counts and the real words behind them.

A :class:`Vocabulary` holds, for every stem of a corpus, how many tokens have it,
how many documents have it, and its *surface forms*: the words it was made from,
lower-cased (the Treebank token before stemming, with ``str.lower()``), each with
its count. :meth:`Vocabulary.unstem` turns a stem back into a readable word.

Counting is native and parallel: each worker counts its documents on its own and
the counts are merged, so building a vocabulary costs a few times a plain
``normalize_many`` and never a Python loop per token.

>>> import stemline
>>> vocab = stemline.Vocabulary.from_texts(["Running runs.", "The runner ran; run!"])
>>> vocab["run"]
StemEntry(stem='run', count=3, documents=2, surfaces=(('run', 1), ('running', 1), ('runs', 1)))
>>> vocab.unstem("run")
'run'
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import NamedTuple, Protocol

from stemline import _native
from stemline.normalizer import Normalizer


class SupportsWrite(Protocol):
    """Anything text is written to: a text file, a command's output."""

    def write(self, text: str, /) -> object: ...


#: The TSV header (see :meth:`Vocabulary.save`).
TSV_COLUMNS = ("stem", "count", "documents", "surfaces")


class StemEntry(NamedTuple):
    """One stem: its token count, its document frequency and its surface forms.

    ``surfaces`` are ``(word, count)`` pairs, most frequent first; words with equal
    counts are in code point order (Python's ``str`` order), so the first one is
    what :meth:`Vocabulary.unstem` returns.
    """

    stem: str
    count: int  # type: ignore[assignment]  # the field shadows tuple.count, by design
    documents: int
    surfaces: tuple[tuple[str, int], ...]

    @property
    def word(self) -> str:
        """The most frequent surface form (ties: the smallest in code point order)."""
        return self.surfaces[0][0]


def _by_count(pairs: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(pairs, key=lambda p: (-p[1], p[0])))


def _entry_order(entry: StemEntry) -> tuple[int, str]:
    return -entry.count, entry.stem


class Vocabulary:
    """Every stem of a corpus with its counts and surface forms.

    Iterating gives :class:`StemEntry` objects, most frequent stem first (equal
    counts in code point order of the stem). Build one with :meth:`from_texts` or
    :class:`VocabularyBuilder`, or :meth:`load` a saved one.
    """

    def __init__(self, entries: Iterable[StemEntry], *, documents: int | None = None):
        ordered = sorted(entries, key=_entry_order)
        self._entries = {entry.stem: entry for entry in ordered}
        if len(self._entries) != len(ordered):
            raise ValueError("a stem appears twice")
        #: Documents counted, or None when unknown (a vocabulary loaded from TSV).
        self.documents = documents

    @classmethod
    def _in_order(cls, entries: Iterable[StemEntry], *, documents: int) -> Vocabulary:
        """A vocabulary of entries already in its order, each stem once: the
        native counter's rows, sorted by the core (``VocabCounts::into_rows``)."""
        vocabulary = cls.__new__(cls)
        vocabulary._entries = {entry.stem: entry for entry in entries}
        vocabulary.documents = documents
        return vocabulary

    @classmethod
    def from_texts(
        cls,
        texts: Iterable[str],
        *,
        normalizer: Normalizer | None = None,
        workers: int = 0,
        batch_size: int = 1000,
    ) -> Vocabulary:
        """Counts every document of ``texts`` (any iterable, consumed in batches of
        ``batch_size`` documents) with ``normalizer`` (default ``Normalizer()``) on
        ``workers`` threads (0: one per core)."""
        builder = VocabularyBuilder(normalizer, workers=workers)
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= batch_size:
                builder.add(batch)
                batch = []
        builder.add(batch)
        return builder.vocabulary()

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[StemEntry]:
        return iter(self._entries.values())

    def __contains__(self, stem: object) -> bool:
        return stem in self._entries

    def __getitem__(self, stem: str) -> StemEntry:
        try:
            return self._entries[stem]
        except KeyError:
            raise KeyError(f"stem {stem!r} is not in the vocabulary") from None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Vocabulary):
            return NotImplemented
        return list(self) == list(other)

    def __repr__(self) -> str:
        return f"<Vocabulary of {len(self)} stems, {self.tokens} tokens>"

    @property
    def tokens(self) -> int:
        """Tokens counted: the sum of every stem's count."""
        return sum(e.count for e in self._entries.values())

    def unstem(self, stem: str, default: str | None = None) -> str:
        """The most frequent surface form of ``stem``; among equally frequent ones,
        the smallest in code point order. An unknown stem gives ``default`` if one is
        given, else a KeyError.

        >>> Vocabulary.from_texts(["Generously general, generally generous."]).unstem("gener")
        'general'
        """
        entry = self._entries.get(stem)
        if entry is None:
            if default is not None:
                return default
            raise KeyError(f"stem {stem!r} is not in the vocabulary")
        return entry.word

    def most_common(self, n: int | None = None) -> list[StemEntry]:
        """The ``n`` most frequent stems (all if ``n`` is None), most frequent first."""
        entries = list(self._entries.values())
        return entries if n is None else entries[:n]

    def save(self, path: str | os.PathLike[str]) -> None:
        """Writes the vocabulary to ``path`` as UTF-8 TSV (see :meth:`write`)."""
        with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="\n") as f:
            self.write(f)

    def write(self, file: SupportsWrite) -> None:
        """Writes the vocabulary as TSV to a text file: a header row ``stem count
        documents surfaces``, then one row per stem, most frequent first.

        ``surfaces`` holds ``word=count`` pairs separated by single spaces, most
        frequent first. Tokens never contain whitespace (they come out of
        ``str.split()``), so tabs, newlines and spaces never occur inside a field;
        a count is the digits after a word's last ``=``. :meth:`save` writes lone
        surrogates, which only Python strings can hold, with ``surrogatepass``.
        """
        file.write("\t".join(TSV_COLUMNS) + "\n")
        for e in self._entries.values():
            surfaces = " ".join(f"{word}={n}" for word, n in e.surfaces)
            file.write(f"{e.stem}\t{e.count}\t{e.documents}\t{surfaces}\n")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Vocabulary:
        """Reads a vocabulary written by :meth:`save` (``documents`` is then None: the
        file has one row per stem and no corpus totals)."""
        name = os.fspath(path)
        entries = []
        with open(path, encoding="utf-8", errors="surrogatepass", newline="\n") as f:
            header = f.readline().rstrip("\n")
            if header != "\t".join(TSV_COLUMNS):
                raise ValueError(
                    f"{name}: line 1: expected the header {chr(9).join(TSV_COLUMNS)!r}, "
                    f"found {header[:80]!r}"
                )
            for number, line in enumerate(f, start=2):
                entries.append(_parse_row(line.rstrip("\n"), name, number))
        return cls(entries)


def _parse_row(line: str, name: str, number: int) -> StemEntry:
    fields = line.split("\t")
    if len(fields) != len(TSV_COLUMNS):
        raise ValueError(
            f"{name}: line {number}: expected {len(TSV_COLUMNS)} tab-separated fields, "
            f"found {len(fields)}"
        )
    stem, count, documents, surfaces = fields
    try:
        pairs = []
        for pair in surfaces.split(" ") if surfaces else []:
            word, _, n = pair.rpartition("=")
            if not word:
                raise ValueError(f"bad surface {pair!r}")
            pairs.append((word, int(n)))
        entry = StemEntry(stem, int(count), int(documents), _by_count(pairs))
    except ValueError as e:
        raise ValueError(f"{name}: line {number}: {e}") from None
    if not entry.surfaces:
        raise ValueError(f"{name}: line {number}: stem {stem!r} has no surface forms")
    return entry


class VocabularyBuilder:
    """Counts documents batch by batch, for inputs too large to hold at once.

    >>> builder = VocabularyBuilder()
    >>> builder.add(["One cat.", "Two cats!"])
    [3, 3]
    >>> builder.vocabulary().unstem("cat")
    'cat'
    """

    def __init__(self, normalizer: Normalizer | None = None, *, workers: int = 0):
        if workers < 0:
            raise ValueError(f"workers must be >= 0 (0 means one per core), not {workers}")
        self.normalizer = normalizer if normalizer is not None else Normalizer()
        self.workers = workers
        self._counter = _native.VocabCounter()

    def add(self, texts: list[str]) -> list[int]:
        """Counts a batch of documents; returns each one's number of tokens."""
        if isinstance(texts, str):
            raise TypeError("add() takes a list of strings, not one string")
        texts = list(texts)
        try:
            return self.normalizer._native.count_many(self._counter, texts, self.workers)
        except TypeError:
            for i, text in enumerate(texts):
                if not isinstance(text, str):
                    raise TypeError(
                        f"add() takes strings; texts[{i}] is {type(text).__name__}"
                    ) from None
            raise

    @property
    def documents(self) -> int:
        return self._counter.totals()[0]

    def vocabulary(self) -> Vocabulary:
        """The vocabulary of every document added so far."""
        entries = (
            StemEntry(stem, count, documents, tuple(surfaces))
            for stem, count, documents, surfaces in self._counter.rows()
        )
        return Vocabulary._in_order(entries, documents=self.documents)
