"""stemline against the reference and the tools people use instead, in one run.

Usage: python benchmarks/bench.py [--corpus tests/data/bbc] [--repeat 5] [--json out.json]

Everything is measured in this one process on the same in-memory corpus (each
BBC file one document, as the tests read it), so the ratios hold even when the
machine is shared and the absolute figures drift. Throughput is UTF-8 input
bytes per second; each figure is the best of --repeat runs (str.split and
stemline's cold and warm runs: of 2 x --repeat rounds, one of each in turn),
except the reference (one run: it takes ~15 s).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from bbc_corpus import read_bbc  # noqa: E402  (the tests' reading rule for the BBC files)
from heavy_tail import best_of_interleaved  # noqa: E402  (this folder is on sys.path)


def load_corpus(root: Path) -> list[str]:
    """Each file one document, read as the tests read it."""
    return [text for _, text in read_bbc(root)]


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.node()}: {model}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )


def number_from_fresh_process(script: str, *arguments: str) -> float:
    """Runs ``script`` with ``arguments`` in a new Python process and returns the
    number it prints: a measurement that nothing this process did before (its
    heap, its loaded libraries) can sway."""
    import subprocess

    done = subprocess.run([sys.executable, script, *arguments], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{Path(script).name} {' '.join(arguments)} failed:\n{done.stderr}")
    return float(done.stdout)


def best_of(repeat: int, fn, setup=None, clock=time.perf_counter) -> float:
    """The least time ``fn()`` took in ``repeat`` runs, by ``clock`` (wall time;
    ``time.process_time`` leaves out the time other processes held the cores)."""
    best = float("inf")
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = clock()
        fn()
        best = min(best, clock() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "bbc")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scale", type=int, default=10, help="corpus copies for the workers test")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    import regex
    import Stemmer  # PyStemmer
    from nltk.stem.porter import PorterStemmer as NltkPorterStemmer

    import stemline
    from stemline import reference

    docs = load_corpus(args.corpus)
    nbytes = sum(len(d.encode("utf-8", "surrogatepass")) for d in docs)
    words = (ROOT / "tests/data/porter/voc.txt").read_text(encoding="utf-8").split()
    mb = nbytes / 1e6
    rows: list[tuple[str, float, str]] = []  # (name, MB/s or words/s, unit)

    print(f"machine: {machine()}")
    shown = args.corpus.resolve()
    shown = shown.relative_to(ROOT) if shown.is_relative_to(ROOT) else shown
    print(f"corpus:  {shown} — {len(docs):,} documents, {mb:.2f} MB")
    print(f"date:    {time.strftime('%Y-%m-%d %H:%M')}, load average {os.getloadavg()[0]:.2f}")
    print()

    # The three runs the headline ratios compare, one of each in turn per round
    # (a change in the machine's load then hits all three alike), and twice as
    # many rounds as the rest: each takes a fraction of a second.
    normalizer = stemline.Normalizer()
    times = best_of_interleaved(
        2 * args.repeat,
        [
            ("split", lambda: [d.split() for d in docs], None),
            ("cold", lambda: normalizer.normalize_many(docs, workers=1), normalizer.clear_cache),
            ("warm", lambda: normalizer.normalize_many(docs, workers=1), None),
        ],
    )
    split_s, cold_s, warm_s = times["split"], times["cold"], times["warm"]
    rows.append(("str.split  [d.split() for d in docs]", mb / split_s, "MB/s"))
    rows.append(("stemline normalize_many, workers=1, cold cache", mb / cold_s, "MB/s"))
    rows.append(("stemline normalize_many, workers=1, warm cache", mb / warm_s, "MB/s"))
    ours = normalizer.normalize_many(docs)

    start = time.perf_counter()
    expected = [reference.reference(d) for d in docs]
    ref_s = time.perf_counter() - start
    rows.append(("reference (NLTK 3.10.4), one run", mb / ref_s, "MB/s"))
    stemline_diffs = sum(a != b for a, b in zip(ours, expected, strict=True))

    word_re = regex.compile(r"\w+|[^\w\s]+")
    porter = Stemmer.Stemmer("porter")

    def regex_pystemmer():
        return [" ".join(porter.stemWords(word_re.findall(d.lower()))) for d in docs]

    fast_s = best_of(args.repeat, regex_pystemmer)
    rows.append(("regex + PyStemmer (inexact)", mb / fast_s, "MB/s"))
    fast_diffs = sum(a != b for a, b in zip(regex_pystemmer(), expected, strict=True))

    try:
        import spacy

        tokenizer = spacy.blank("en").tokenizer
        spacy_s = best_of(max(1, args.repeat // 2), lambda: [tokenizer(d) for d in docs])
        rows.append(("spaCy tokenizer alone (spacy.blank('en'))", mb / spacy_s, "MB/s"))
    except ImportError:
        spacy_s = None
        print("spaCy not installed: skipped (pip install '.[bench]')")

    big = docs * args.scale
    w1 = stemline.Normalizer()
    w2 = stemline.Normalizer()
    w1.normalize_many(docs)  # both warm, so only the thread count differs
    w2.normalize_many(docs, workers=2)
    one_s = best_of(args.repeat, lambda: w1.normalize_many(big, workers=1))
    two_s = best_of(args.repeat, lambda: w2.normalize_many(big, workers=2))
    assert w1.normalize_many(big, workers=1) == w2.normalize_many(big, workers=2)
    rows.append((f"stemline workers=1, {len(big):,} documents", mb * args.scale / one_s, "MB/s"))
    rows.append((f"stemline workers=2, {len(big):,} documents", mb * args.scale / two_s, "MB/s"))

    nltk_stem = NltkPorterStemmer().stem
    our_stem = stemline.PorterStemmer().stem
    nltk_stem_s = best_of(max(1, args.repeat // 2), lambda: [nltk_stem(w) for w in words])
    our_stem_s = best_of(args.repeat, lambda: [our_stem(w) for w in words])
    stem_diffs = sum(nltk_stem(w) != our_stem(w) for w in words)
    rows.append(("NLTK PorterStemmer().stem, word by word", len(words) / nltk_stem_s, "words/s"))
    rows.append(("stemline PorterStemmer().stem, word by word", len(words) / our_stem_s, "words/s"))

    width = max(len(name) for name, _, _ in rows)
    for name, value, unit in rows:
        print(f"{name:<{width}}  {value:>14,.2f} {unit}")
    ratios = {
        "stemline cold / str.split": split_s / cold_s,
        "stemline warm / str.split": split_s / warm_s,
        "stemline cold / warm": warm_s / cold_s,
        "stemline cold / reference": ref_s / cold_s,
        "stemline warm / reference": ref_s / warm_s,
        "stemline cold / regex+PyStemmer": fast_s / cold_s,
        "workers=2 / workers=1": one_s / two_s,
        "stemline stem / NLTK stem": nltk_stem_s / our_stem_s,
    }
    if spacy_s is not None:
        ratios["stemline cold / spaCy tokenizer"] = spacy_s / cold_s
    print()
    for name, value in ratios.items():
        print(f"{name:<{width}}  {value:>14,.2f}x")
    print()
    print(
        f"documents differing from the reference: stemline {stemline_diffs} of {len(docs)}, "
        f"regex + PyStemmer {fast_diffs} of {len(docs)}"
    )
    print(f"words stemmed differently from NLTK: {stem_diffs} of {len(words)}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": machine(),
                    "rows": rows,
                    "ratios": ratios,
                    "stemline_diffs": stemline_diffs,
                    "regex_pystemmer_diffs": fast_diffs,
                },
                indent=2,
            )
        )
    if stemline_diffs or stem_diffs:
        sys.exit("stemline differs from the reference")


if __name__ == "__main__":
    main()
