"""A corpus report: what normalization did to a corpus, as one self-contained HTML file.

The page holds a summary (documents, tokens, distinct words before and after
stemming, the reduction), a Zipf rank-frequency plot, the top stems with the words
behind them, a histogram of document lengths, and the stems that merge the most
distinct words (where over-stemming shows). Plots are drawn by matplotlib as SVG
and inlined, with the CSS; the page loads nothing, so it opens without a network.

Needs matplotlib (``pip install "stemline[report]"``), imported when a report is
drawn: without it, drawing raises :class:`stemline.extras.MissingExtraError`, and
the figures (:class:`CorpusStats`) need nothing.

>>> from stemline.report import CorpusStats
>>> stats = CorpusStats.from_texts([["Running runs.", "The runner ran; run!"]])
>>> stats.documents, stats.tokens, stats.distinct_words, stats.distinct_stems
(2, 9, 9, 7)
"""

from __future__ import annotations

import html
import io
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from stemline.extras import missing_extra
from stemline.normalizer import Normalizer
from stemline.vocabulary import StemEntry, Vocabulary, VocabularyBuilder

#: Surface forms shown per stem in the tables.
SHOWN_SURFACES = 8


class DocumentLengths:
    """Tokens per document, counted in memory that does not grow with the
    number of documents: a count per length below :attr:`EXACT` (every real
    document), and one per power-of-two range above it, where a length stands
    for the lowest of its range.

    >>> lengths = DocumentLengths()
    >>> lengths.add([3, 3, 0, 5])
    >>> lengths.documents, lengths.tokens, sorted(lengths.counts.items())
    (4, 11, [(0, 1), (3, 2), (5, 1)])
    """

    #: Lengths counted exactly (tokens per document); longer ones by range.
    EXACT = 1 << 16

    def __init__(self) -> None:
        self.counts: Counter[int] = Counter()
        self.documents = 0
        self.tokens = 0
        self.longest = 0

    def add(self, lengths: list[int]) -> None:
        """Counts a batch of documents' lengths."""
        if not lengths:
            return
        self.documents += len(lengths)
        self.tokens += sum(lengths)
        self.longest = max(self.longest, max(lengths))
        if self.longest < self.EXACT:
            self.counts.update(lengths)
            return
        self.counts.update(n if n < self.EXACT else 1 << (n.bit_length() - 1) for n in lengths)

    @property
    def mean(self) -> float:
        return self.tokens / self.documents if self.documents else 0.0

    def quantile(self, q: float) -> int:
        """The length at rank ``ceil(q * documents)`` (exact below :attr:`EXACT`).

        >>> lengths = DocumentLengths()
        >>> lengths.add(list(range(1, 101)))
        >>> lengths.quantile(0.99), lengths.quantile(0.5)
        (99, 50)
        """
        rank = max(1, math.ceil(q * self.documents))
        seen = 0
        for length in sorted(self.counts):
            seen += self.counts[length]
            if seen >= rank:
                return length
        return 0


@dataclass
class CorpusStats:
    """Everything a report shows, computed in one streaming pass, in memory
    that grows with the vocabulary, not with the number of documents."""

    vocabulary: Vocabulary
    #: Tokens per document, as a histogram.
    lengths: DocumentLengths
    stemmer: str = "nltk"
    #: The filters in force, as ``name=value`` strings.
    filters: list[str] = field(default_factory=list)

    @classmethod
    def from_texts(
        cls,
        batches: Iterable[list[str]],
        *,
        normalizer: Normalizer | None = None,
        workers: int = 0,
    ) -> CorpusStats:
        """Counts batches of documents (lists of strings), as they stream."""
        builder = VocabularyBuilder(normalizer, workers=workers)
        lengths = DocumentLengths()
        for batch in batches:
            lengths.add(builder.add(batch))
        normalizer = builder.normalizer
        filters = [f"{name}={value!r}" for name, value in normalizer.filters.items() if value]
        return cls(builder.vocabulary(), lengths, normalizer.stemmer, filters)

    @property
    def documents(self) -> int:
        return self.lengths.documents

    @property
    def tokens(self) -> int:
        return self.vocabulary.tokens

    @property
    def word_counts(self) -> Counter[str]:
        """Tokens per surface form (a word can sit under two stems: counted once)."""
        counts: Counter[str] = Counter()
        for entry in self.vocabulary:
            for word, n in entry.surfaces:
                counts[word] += n
        return counts

    @property
    def distinct_words(self) -> int:
        """Distinct surface forms: lower-cased Treebank tokens, before stemming."""
        return len({word for entry in self.vocabulary for word, _ in entry.surfaces})

    @property
    def distinct_stems(self) -> int:
        return len(self.vocabulary)

    @property
    def reduction(self) -> float:
        """The share of distinct words that stemming merged away: 1 - stems / words."""
        return 1 - self.distinct_stems / self.distinct_words if self.distinct_words else 0.0

    def merging_stems(self, n: int) -> list[StemEntry]:
        """The ``n`` stems with the most distinct surface forms (then the most
        tokens, then code point order)."""
        entries = sorted(self.vocabulary, key=lambda e: (-len(e.surfaces), -e.count, e.stem))
        return entries[:n]


# ---------------------------------------------------------------- plots


def _matplotlib() -> Any:
    """matplotlib, or the error naming the extra that installs it."""
    try:
        import matplotlib
    except ImportError as e:
        raise missing_extra("stemline.report", "report", e, "matplotlib") from e
    return matplotlib


def _pyplot() -> Any:
    _matplotlib()
    import matplotlib.pyplot as plt

    return plt


def _svg(figure: Any) -> str:
    """A matplotlib figure as an inline <svg> element (deterministic ids, no date)."""
    plt = _pyplot()

    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def _log_spaced(n: int, points: int = 400) -> list[int]:
    """About ``points`` ranks 1..n, evenly spaced on a log scale (all ranks if fewer)."""
    if n <= points:
        return list(range(1, n + 1))
    ranks = {round(math.exp(i * math.log(n) / (points - 1))) for i in range(points)}
    return sorted(r for r in ranks if 1 <= r <= n)


def zipf_plot(stats: CorpusStats) -> str:
    """Rank-frequency of words (before stemming) and of stems, log-log."""
    plt = _pyplot()

    figure, axes = plt.subplots(figsize=(6.4, 4.2))
    series = [
        ("words (before stemming)", sorted(stats.word_counts.values(), reverse=True), "#1f77b4"),
        ("stems", [e.count for e in stats.vocabulary], "#d62728"),
    ]
    for label, counts, color in series:
        ranks = _log_spaced(len(counts))
        axes.loglog(ranks, [counts[r - 1] for r in ranks], label=label, color=color, lw=1.6)
    axes.set_xlabel("rank")
    axes.set_ylabel("tokens")
    axes.set_title("Zipf: rank-frequency (log-log)")
    axes.grid(True, which="major", alpha=0.3)
    axes.legend()
    return _svg(figure)


def length_histogram(stats: CorpusStats) -> str:
    """Tokens per document. A long tail would squeeze the bulk into a few bars, so
    the axis ends at the 99th percentile and the last bar also counts every longer
    document (the title says how many and up to what length)."""
    plt = _pyplot()

    figure, axes = plt.subplots(figsize=(6.4, 4.2))
    lengths = stats.lengths
    counts = lengths.counts or Counter({0: 1})
    cut = lengths.quantile(0.99) if lengths.documents else 0
    longer = sum(n for length, n in counts.items() if length > cut)
    shown: Counter[int] = Counter()
    for length, n in counts.items():
        shown[min(length, cut)] += n
    values = sorted(shown)
    axes.hist(
        values,
        bins=min(50, max(1, len(values))),
        weights=[shown[v] for v in values],
        color="#2ca02c",
        edgecolor="white",
    )
    axes.set_xlabel("tokens per document")
    axes.set_ylabel("documents")
    title = "Document lengths"
    if longer:
        title += f"\n(last bar also holds {longer:,} longer, up to {lengths.longest:,})"
    axes.set_title(title)
    axes.grid(True, axis="y", alpha=0.3)
    return _svg(figure)


# ---------------------------------------------------------------- page

CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1100px;
       color: #222; padding: 0 1em; }
h1 { margin-bottom: 0.2em; } .meta { color: #666; margin-top: 0; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
           gap: 0.8em; margin: 1.5em 0; }
.summary div { background: #f4f6f8; border-radius: 6px; padding: 0.7em 1em; }
.summary b { display: block; font-size: 1.5em; }
.plots { display: flex; flex-wrap: wrap; gap: 1em; }
.plots figure { margin: 0; flex: 1 1 480px; } .plots svg { width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 2em; font-size: 0.92em; }
th, td { text-align: left; padding: 0.3em 0.6em; border-bottom: 1px solid #ddd;
         vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
code { background: #f4f6f8; padding: 0 0.2em; border-radius: 3px; }
.surfaces { color: #555; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _surfaces(entry: StemEntry) -> str:
    shown = ", ".join(
        f"<code>{_e(word)}</code>&nbsp;{n:,}" for word, n in entry.surfaces[:SHOWN_SURFACES]
    )
    rest = len(entry.surfaces) - SHOWN_SURFACES
    return shown + (f", … {rest:,} more" if rest > 0 else "")


def _stem_table(entries: list[StemEntry], first_column: str) -> str:
    rows = []
    for i, e in enumerate(entries, start=1):
        first = i if first_column == "rank" else f"{len(e.surfaces):,}"
        rows.append(
            f"<tr><td class=n>{first}</td><td><code>{_e(e.stem)}</code></td>"
            f"<td><code>{_e(e.word)}</code></td><td class=n>{e.count:,}</td>"
            f"<td class=n>{e.documents:,}</td><td class=surfaces>{_surfaces(e)}</td></tr>"
        )
    head = "#" if first_column == "rank" else "words"
    return (
        f"<table><thead><tr><th>{head}</th><th>stem</th><th>unstem</th><th>tokens</th>"
        "<th>documents</th><th>surface forms (tokens)</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def render_html(stats: CorpusStats, *, title: str = "Corpus report", top: int = 50) -> str:
    """The report page for ``stats``: one self-contained HTML document."""
    matplotlib = _matplotlib()
    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "stemline"  # stable element ids

    from stemline import __version__

    mean = stats.lengths.mean
    summary = [
        ("documents", f"{stats.documents:,}"),
        ("tokens", f"{stats.tokens:,}"),
        ("distinct words (before stemming)", f"{stats.distinct_words:,}"),
        ("distinct stems (after stemming)", f"{stats.distinct_stems:,}"),
        ("reduction", f"{stats.reduction:.1%}"),
        ("tokens per document (mean)", f"{mean:,.1f}"),
    ]
    filters = ", ".join(stats.filters) if stats.filters else "none"
    summary_html = "".join(f"<div><b>{value}</b>{_e(label)}</div>" for label, value in summary)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<h1>{_e(title)}</h1>
<p class="meta">stemline {_e(__version__)}, stemmer <code>{_e(stats.stemmer)}</code>,
filters: {_e(filters)}.</p>
<section class="summary" id="summary">{summary_html}</section>
<p>A <em>word</em> is a token before stemming, lower-cased (the Treebank token with
<code>str.lower()</code>); a <em>stem</em> is the token stemming made of it. The
reduction is the share of distinct words that stemming merged away:
1 &minus; stems / words.</p>
<section class="plots">
<figure id="zipf">{zipf_plot(stats)}</figure>
<figure id="lengths">{length_histogram(stats)}</figure>
</section>
<h2>Top {top} stems</h2>
<p>Most frequent stems; <em>unstem</em> is the most frequent word behind each
(ties: the smallest in code point order).</p>
<section id="top-stems">{_stem_table(stats.vocabulary.most_common(top), "rank")}</section>
<h2>Stems that merge the most words</h2>
<p>Where over-stemming shows: unrelated words that the stemmer maps to one stem.</p>
<section id="merging-stems">{_stem_table(stats.merging_stems(top), "words")}</section>
</body>
</html>
"""
