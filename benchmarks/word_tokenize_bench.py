"""NLTK's word tokenizer, stemline's and the fast alternatives, in one run.

Usage: python benchmarks/word_tokenize_bench.py [--repeat 5] [--json out.json]
       [--part all|tokenizer|word_tokenize]

On BBC (2,225 articles) and on the speeches (124 inaugural and State of the Union
addresses), each file one document, read as the tests read them, in this one
process on the same in-memory texts. Every tokenizer returns a Python list of
token strings per document (BlingFire's ``text_to_words`` returns one string of
space-separated tokens: it is timed with and without the ``split()`` that makes
it a list), and is compared with NLTK 3.10.4's ``NLTKWordTokenizer().tokenize``
document by document: "differs" counts the documents whose tokens are not
NLTK's. ``nltk.word_tokenize(text, preserve_line=True)`` is that same tokenizer
on the whole text (no sentence splitting), timed too.

Then ``nltk.word_tokenize(text)`` itself, Punkt's sentences first, against
``stemline.word_tokenize`` (and BlingFire, whose differences are counted against
it), and the normalizer with ``tokenizer="word_tokenize"`` (its lines compared with
``stemline.reference.normalize(text, tokenizer="word_tokenize")``, made from NLTK's
tokens with the stem of each distinct token computed once) against the default
normalizer (Treebank), on the same texts: ``normalize_many(docs, workers=1)``, a
new normalizer each round.

Throughput is UTF-8 input bytes per second of the process's CPU time, the best
of --repeat rounds with one run of each tokenizer per round (NLTK: one run, it
takes seconds), the lists each run returns freed after its clock stops (as
NLTK's are kept): every run is on one thread, and CPU time is what a machine
shared with other jobs distorts least (its wall time can be several times
longer). stemline "fresh" is a new tokenizer each round (every distinct chunk
computed once); "warm" keeps its cache. The machine and its load are printed
first. Exits non-zero if stemline differs from NLTK on any document.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from bbc_corpus import DATA, read_bbc  # noqa: E402  (the tests' reading rule)
from bench import machine  # noqa: E402  (this folder is on sys.path)

# NLTK's Punkt models (and stop words), as the tests read them.
os.environ["NLTK_DATA"] = str(DATA / "nltk_data")

Tokenize = Callable[[list[str]], list[list[str]]]


def contestants() -> list[tuple[str, Tokenize, Callable[[], object] | None]]:
    """(name, tokenize every document, setup before each round) of each
    tokenizer that is installed."""
    import stemline

    warm = stemline.NLTKWordTokenizer()
    fresh = [stemline.NLTKWordTokenizer()]

    def new_fresh() -> None:
        fresh[0] = stemline.NLTKWordTokenizer()

    runs: list[tuple[str, Tokenize, Callable[[], object] | None]] = [
        ("str.split (not a tokenizer: the floor)", lambda docs: [d.split() for d in docs], None),
        (
            "stemline NLTKWordTokenizer().tokenize, fresh",
            lambda docs: [fresh[0].tokenize(d) for d in docs],
            new_fresh,
        ),
        (
            "stemline NLTKWordTokenizer().tokenize, warm",
            lambda docs: [warm.tokenize(d) for d in docs],
            None,
        ),
        (
            "stemline tokenize_sents(docs, workers=1)",
            lambda docs: warm.tokenize_sents(docs, workers=1),
            None,
        ),
    ]
    try:
        import blingfire

        runs.append(
            (
                "BlingFire text_to_words(d).split()",
                lambda docs: [blingfire.text_to_words(d).split() for d in docs],
                None,
            )
        )
        runs.append(
            (
                "BlingFire text_to_words(d) (one string)",
                lambda docs: [blingfire.text_to_words(d) for d in docs],
                None,
            )
        )
    except ImportError:
        print("blingfire not installed: skipped (pip install --group bench)")
    try:
        from fastnltk.tokenize import word_tokenize as fast_word_tokenize

        runs.append(
            (
                "fastnltk word_tokenize(d, preserve_line=True)",
                lambda docs: [fast_word_tokenize(d, preserve_line=True) for d in docs],
                None,
            )
        )
    except ImportError:
        print("fastnltk not installed: skipped (pip install --group bench)")
    return runs


def cpu_time(run: Callable[[], object], clock: Callable[[], float] = time.process_time) -> float:
    """CPU time of ``run()`` (or its time by another ``clock``), with the garbage
    collector off, as ``timeit`` runs (its passes over the lists the other runs
    left would be timed otherwise). What ``run()`` returns is freed after the
    clock stops, for every contestant alike: NLTK's lists are kept for the
    comparison, and ``tokenize_bench.py`` keeps each round's answers too."""
    gc.collect()
    gc.disable()
    try:
        start = clock()
        made = run()
        elapsed = clock() - start
        del made
        return elapsed
    finally:
        gc.enable()


def wall_time(run: Callable[[], object], repeat: int = 5) -> float:
    """The least wall-clock time of ``repeat`` runs of ``run()``, for work on
    several threads, whose CPU time adds up."""
    return min(cpu_time(run, time.perf_counter) for _ in range(repeat))


def best_of_interleaved(
    repeat: int, runs: list[tuple[str, Callable[[], object], Callable[[], object] | None]]
) -> dict[str, float]:
    """The least CPU time of each run over ``repeat`` rounds, one of each run per
    round, so that a change in the machine's load hits every run alike."""
    best = dict.fromkeys((name for name, _, _ in runs), float("inf"))
    for _ in range(repeat):
        for name, run, setup in runs:
            if setup is not None:
                setup()
            best[name] = min(best[name], cpu_time(run))
    return best


def count_differing(output: list[list[str]] | list[str], reference: list[list[str]]) -> int:
    """How many documents' tokens are not NLTK's (BlingFire's one string split)."""
    lists = [o.split() if isinstance(o, str) else o for o in output]
    return sum(a != b for a, b in zip(lists, reference, strict=True))


def measure(name: str, docs: list[str], repeat: int) -> dict[str, object]:
    from nltk.tokenize import NLTKWordTokenizer, word_tokenize

    mb = sum(len(d.encode("utf-8", "surrogatepass")) for d in docs) / 1e6
    print(f"{name}: {len(docs):,} documents, {mb:.2f} MB")
    reference: list[list[str]] = []
    nltk_s = cpu_time(lambda: reference.extend(NLTKWordTokenizer().tokenize(d) for d in docs))
    preserved: list[list[str]] = []
    word_tokenize_s = cpu_time(
        lambda: preserved.extend(word_tokenize(d, preserve_line=True) for d in docs)
    )
    assert preserved == reference

    runs = contestants()
    # Each contestant's differences from NLTK (which also warms `warm`).
    differences = {run_name: count_differing(fn(docs), reference) for run_name, fn, _ in runs}
    times = best_of_interleaved(
        repeat, [(run_name, lambda fn=fn: fn(docs), setup) for run_name, fn, setup in runs]
    )
    rows = [
        ("NLTK NLTKWordTokenizer().tokenize, one run", mb / nltk_s, 0),
        ("NLTK word_tokenize(d, preserve_line=True), one run", mb / word_tokenize_s, 0),
    ]
    for run_name, _, _ in runs:
        rows.append((run_name, mb / times[run_name], differences[run_name]))
    width = max(len(r[0]) for r in rows)
    print(f"{'':<{width}}  {'MB/s':>8}  {'x NLTK':>8}  differs  (MB/s of CPU time)")
    nltk_rate = rows[0][1]
    for row_name, rate, differs in rows:
        print(f"{row_name:<{width}}  {rate:>8.2f}  {rate / nltk_rate:>8.1f}  {differs:>7,}")
    ours = mb / times["stemline NLTKWordTokenizer().tokenize, fresh"]
    for other in ("BlingFire text_to_words(d).split()", "BlingFire text_to_words(d) (one string)"):
        if other in times:
            print(f"stemline fresh / {other}: {ours / (mb / times[other]):.2f}x")
    print()
    return {"corpus": name, "documents": len(docs), "megabytes": mb, "rows": rows}


def word_tokenize_contestants() -> list[tuple[str, Tokenize, Callable[[], object] | None]]:
    """(name, tokenize every document, setup) of each full ``word_tokenize``."""
    import stemline
    from stemline import _native
    from stemline._unicode import char_tables
    from stemline.tokenize.punkt import _tokenizer

    def new_word_tokenize() -> _native.WordTokenize:
        return _native.WordTokenize(
            char_tables(), _tokenizer("english"), _native.DEFAULT_CACHE_BYTES
        )

    fresh = [new_word_tokenize()]

    def new_fresh() -> None:
        fresh[0] = new_word_tokenize()

    runs: list[tuple[str, Tokenize, Callable[[], object] | None]] = [
        (
            "stemline word_tokenize(d), fresh",
            lambda docs: [fresh[0].tokenize(d) for d in docs],
            new_fresh,
        ),
        (
            "stemline word_tokenize(d), warm",
            lambda docs: [stemline.word_tokenize(d) for d in docs],
            None,
        ),
        (
            "stemline word_tokenize_many(docs, workers=1)",
            lambda docs: stemline.word_tokenize_many(docs, workers=1),
            None,
        ),
    ]
    try:
        import blingfire

        runs.append(
            (
                "BlingFire text_to_words(d).split()",
                lambda docs: [blingfire.text_to_words(d).split() for d in docs],
                None,
            )
        )
    except ImportError:
        pass
    return runs


WORDS_NORMALIZER = 'Normalizer(tokenizer="word_tokenize")'


def measure_word_tokenize(name: str, docs: list[str], repeat: int) -> dict[str, object]:
    """``nltk.word_tokenize`` (Punkt, then the word tokenizer), stemline's and
    BlingFire's; then the normalizer with each tokenizer."""
    from nltk.tokenize import word_tokenize

    import stemline
    from stemline import reference as ref

    mb = sum(len(d.encode("utf-8", "surrogatepass")) for d in docs) / 1e6
    print(f"{name}, word_tokenize(text) with Punkt's sentences:")
    reference: list[list[str]] = []
    nltk_s = cpu_time(lambda: reference.extend(word_tokenize(d) for d in docs))
    runs = word_tokenize_contestants()
    differences = {run_name: count_differing(fn(docs), reference) for run_name, fn, _ in runs}
    times = best_of_interleaved(
        repeat, [(run_name, lambda fn=fn: fn(docs), setup) for run_name, fn, setup in runs]
    )
    rows = [("NLTK word_tokenize(d), one run", mb / nltk_s, 0)]
    rows += [(run_name, mb / times[run_name], differences[run_name]) for run_name, _, _ in runs]

    # The normalizer: the reference's lines from NLTK's tokens above, each
    # distinct token's stem computed once (NLTK's Porter stemmer is a function
    # of its argument).
    stems: dict[str, str] = {}
    stem = ref.stemmer_of("nltk")
    expected = [
        " ".join(stems[t] if t in stems else stems.setdefault(t, stem(t)) for t in tokens)
        for tokens in reference
    ]
    tokenizers = {"treebank": "Normalizer() (treebank)", "word_tokenize": WORDS_NORMALIZER}
    current: dict[str, stemline.Normalizer] = {}

    def setup(tokenizer: str) -> Callable[[], object]:
        return lambda: current.__setitem__(tokenizer, stemline.Normalizer(tokenizer=tokenizer))

    def normalize(tokenizer: str, kept: bool) -> Callable[[], object]:
        warm = stemline.Normalizer(tokenizer=tokenizer)
        warm.normalize_many(docs, workers=1)
        if kept:
            return lambda: warm.normalize_many(docs, workers=1)
        return lambda: current[tokenizer].normalize_many(docs, workers=1)

    norm_runs: list[tuple[str, Callable[[], object], Callable[[], object] | None]] = []
    for tokenizer, label in tokenizers.items():
        norm_runs.append((f"{label}, fresh", normalize(tokenizer, False), setup(tokenizer)))
        norm_runs.append((f"{label}, warm", normalize(tokenizer, True), None))
    words_lines = stemline.Normalizer(tokenizer="word_tokenize").normalize_many(docs, workers=1)
    norm_differs = sum(a != b for a, b in zip(words_lines, expected, strict=True))
    norm_times = best_of_interleaved(repeat, norm_runs)
    width = max(len(r[0]) for r in rows) + 2
    print(f"{'':<{width}}  {'MB/s':>8}  {'x NLTK':>8}  differs  (MB/s of CPU time)")
    for row_name, rate, differs in rows:
        print(f"{row_name:<{width}}  {rate:>8.2f}  {rate / rows[0][1]:>8.1f}  {differs:>7,}")
    ours = mb / times["stemline word_tokenize(d), fresh"]
    cores = os.cpu_count() or 1
    if cores > 1:
        print(
            f"stemline word_tokenize_many(docs, workers={cores}), wall clock: "
            f"{mb / wall_time(lambda: stemline.word_tokenize_many(docs, workers=cores)):.2f} MB/s"
        )
    if "BlingFire text_to_words(d).split()" in times:
        bling = mb / times["BlingFire text_to_words(d).split()"]
        print(
            f"stemline word_tokenize fresh / BlingFire text_to_words(d).split(): "
            f"{ours / bling:.2f}x"
        )
    print(f"normalize_many(docs, workers=1); {norm_differs:,} lines of {WORDS_NORMALIZER} differ")
    for state in ("fresh", "warm"):
        treebank = mb / norm_times[f"{tokenizers['treebank']}, {state}"]
        words = mb / norm_times[f"{WORDS_NORMALIZER}, {state}"]
        print(f"  {tokenizers['treebank'] + ', ' + state:<{width}}  {treebank:>8.2f}")
        print(
            f"  {WORDS_NORMALIZER + ', ' + state:<{width}}  {words:>8.2f}  "
            f"{words / treebank:>5.2f}x treebank"
        )
        rows.append((f"stemline {WORDS_NORMALIZER}, {state}", words, norm_differs))
    print()
    return {
        "corpus": f"{name}, word_tokenize",
        "documents": len(docs),
        "megabytes": mb,
        "rows": rows,
        "normalizer_mb_s": {name: mb / t for name, t in norm_times.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--part",
        choices=["all", "tokenizer", "word_tokenize"],
        default="all",
        help="tokenizer: the word tokenizer alone; word_tokenize: with Punkt, and the normalizer",
    )
    args = parser.parse_args()
    print(f"machine: {machine()}")
    print(f"date:    {time.strftime('%Y-%m-%d %H:%M')}, load average {os.getloadavg()[0]:.2f}")
    print()
    bbc = [text for _, text in read_bbc(DATA / "bbc")]
    speeches = [text for _, text in read_bbc(DATA / "speeches")]
    results = []
    if args.part in ("all", "tokenizer"):
        results += [measure("BBC", bbc, args.repeat), measure("speeches", speeches, args.repeat)]
    if args.part in ("all", "word_tokenize"):
        results += [
            measure_word_tokenize("BBC", bbc, args.repeat),
            measure_word_tokenize("speeches", speeches, args.repeat),
        ]
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "results": results}, indent=2))
    stemline_differs = sum(
        differs for r in results for name, _, differs in r["rows"] if name.startswith("stemline")
    )
    if stemline_differs:
        sys.exit("stemline differs from NLTK")


if __name__ == "__main__":
    main()
