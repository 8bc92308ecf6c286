"""NLTK's Snowball stemmer in every language: stemline against NLTK and the fast
Snowball packages, in one run.

Usage: python benchmarks/snowball_bench.py [--repeat 5] [--words 20000] [LANGUAGE ...]

For each language, the words of its Snowball vocabulary (tests/data/snowball,
porter2 for English, porter for "porter"; for Arabic, which has none, 30,000
words made of NLTK's Arabic prefixes and suffixes around common roots, with
diacritics, the same every run) go one ``stem`` call at a time through:

* stemline's ``SnowballStemmer(language).stem``;
* NLTK 3.10.4's ``SnowballStemmer(language).stem``, the reference;
* PyStemmer's ``Stemmer(language).stemWord``;
* the ``snowballstemmer`` package's ``stemmer(language).stemWord``;
* ``py_rust_stemmers.SnowballStemmer(language).stem_word``.

Each gets words per second (best of --repeat rounds; the stemmers take turns
within a round, so that a change in the machine's load falls on all of them
alike; NLTK's rounds take --words words) and the number of vocabulary words
on which its stem differs from NLTK's (Arabic's stemmer keeps a flag from word
to word: each is counted with a fresh stemmer, through the words in order, as
NLTK's own). A table per language, then one line per language with the ratios
the targets name: stemline against NLTK (at least 20x) and against PyStemmer
(at least 1x), the normalizer against Porter's (at least 0.8x, measured in a
fresh Python process for each language; none for Arabic, which no normalizer
offers, since its stems depend on the words before), and its differences (0).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench import machine, number_from_fresh_process  # noqa: E402


def normalizer_ratio(language: str, repeat: int) -> float:
    """The normalizer in ``language``'s Snowball stemmer against the default
    (English Porter) normalizer, on the same bytes, each normalizer fresh (its
    cache cold), best of ``3 * repeat``, as throughput ratio (target >= 0.8).

    The text is about 2 MB of the language's vocabulary words drawn as words
    occur in real text (Zipf's law: the word of rank r about 1/r as often),
    with punctuation and capitals: the vocabulary read once, every word new,
    would measure the stemmer alone, not the pipeline a corpus meets."""
    import random

    import stemline

    words = vocabulary(language)
    draw = random.Random(0).choices(
        words, weights=[1 / r for r in range(1, len(words) + 1)], k=300_000
    )
    marks = [" ", " ", " ", ", ", ". ", " (", ") ", "; ", '" ']
    text = "".join(
        (w.title() if i % 11 == 0 else w) + marks[i % len(marks)] for i, w in enumerate(draw)
    )
    docs = [text[i : i + 4000] for i in range(0, len(text), 4000)]

    # The two take turns, round by round, and are timed in CPU time (every
    # thread of the process): a change of the machine's load, or another
    # process holding a core, then falls on both alike.
    settings = {
        "porter": {"stemmer": "nltk"},
        "snowball": {"stemmer": "snowball", "language": language},
    }
    best = dict.fromkeys(settings, float("inf"))
    # A round takes some 20 ms of CPU: three rounds for every one asked, so
    # that the best of them is a normalizer's own time, not a pause.
    for _ in range(3 * repeat):
        for name, chosen in settings.items():
            normalizer = stemline.Normalizer(**chosen)
            start = time.process_time()
            normalizer.normalize_many(docs)
            best[name] = min(best[name], time.process_time() - start)
    return best["porter"] / best["snowball"]


def isolated_ratio(language: str, repeat: int) -> float:
    """``normalizer_ratio`` in a process of its own: in this one, after the
    other stemmers and languages have come and gone, the same build measured
    Russian at 0.80x as its last language and 0.86x as its first."""
    return number_from_fresh_process(__file__, "--repeat", str(repeat), "--ratio-only", language)


def vocabulary(language: str) -> list[str]:
    if language == "arabic":
        return arabic_words()
    folder = {"english": "porter2", "porter": "porter"}.get(language, f"snowball/{language}")
    return (ROOT / "tests/data" / folder / "voc.txt").read_text("utf-8").split()


def arabic_words(count: int = 30_000) -> list[str]:
    """Arabic words as the tests make them: up to two of NLTK's Arabic prefixes
    and suffixes around a common root, a diacritic or none after each letter."""
    import random

    from nltk.stem.snowball import ArabicStemmer

    affixes = sorted(
        {
            affix
            for name, value in vars(ArabicStemmer).items()
            if isinstance(value, tuple) and ("prefix" in name or "suffix" in name)
            for affix in value
            if isinstance(affix, str)
        }
    )
    roots = ["كتب", "درس", "علم", "قول", "سأل", "قرأ", "بدأ", "ملك", "جمع", "شرب"]
    marks = ["", "", *(chr(c) for c in range(0x64B, 0x653))]
    pick = random.Random(0)
    return [
        "".join(pick.choices(affixes, k=pick.randint(0, 2)))
        + "".join(letter + pick.choice(marks) for letter in pick.choice(roots))
        + "".join(pick.choices(affixes, k=pick.randint(0, 2)))
        for _ in range(count)
    ]


def rate(stem: Callable[[str], object], words: list[str]) -> float:
    start = time.perf_counter()
    for w in words:
        stem(w)
    return len(words) / (time.perf_counter() - start)


def alternatives(language: str) -> dict[str, Callable[[str], object]]:
    """The fast Snowball stemmers that have the language (under NLTK's name)."""
    import py_rust_stemmers
    import snowballstemmer
    import Stemmer

    found: dict[str, Callable[[str], object]] = {}
    if language in Stemmer.algorithms():
        found["PyStemmer stemWord"] = Stemmer.Stemmer(language).stemWord
    if language in snowballstemmer.algorithms():
        found["snowballstemmer stemWord"] = snowballstemmer.stemmer(language).stemWord
    try:
        found["py-rust-stemmers stem_word"] = py_rust_stemmers.SnowballStemmer(language).stem_word
    except Exception:  # noqa: BLE001 - a language it does not have
        pass
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--words", type=int, default=20_000, help="words per NLTK round")
    parser.add_argument("--ratio-only", help=argparse.SUPPRESS)
    parser.add_argument("languages", nargs="*")
    args = parser.parse_args()
    if args.ratio_only:
        print(normalizer_ratio(args.ratio_only, args.repeat))
        return

    from nltk.stem.snowball import SnowballStemmer as NltkSnowball

    import stemline

    languages = args.languages or list(NltkSnowball.languages)
    print(f"machine: {machine()}")
    print(f"date:    {time.strftime('%Y-%m-%d %H:%M')}, load average {os.getloadavg()[0]:.2f}")
    summary = []
    for language in languages:
        words = vocabulary(language)
        nltk_stem = NltkSnowball(language).stem
        expected = [nltk_stem(w) for w in words]
        stemmers = {"stemline SnowballStemmer.stem": stemline.SnowballStemmer(language).stem}
        stemmers.update(alternatives(language))
        best = dict.fromkeys(stemmers, 0.0)
        nltk_rate = 0.0
        for _ in range(args.repeat):
            nltk_rate = max(nltk_rate, rate(nltk_stem, words[: args.words]))
            for name, stem in stemmers.items():
                best[name] = max(best[name], rate(stem, words))
        # Fresh stemmers, as NLTK's that made `expected` (Arabic's flag).
        fresh = {"stemline SnowballStemmer.stem": stemline.SnowballStemmer(language).stem}
        fresh.update(alternatives(language))
        differ = {
            name: sum(stem(w) != e for w, e in zip(words, expected, strict=True))
            for name, stem in fresh.items()
        }
        print()
        print(f"{language}: {len(words):,} words")
        print(f"  {'NLTK SnowballStemmer.stem (the reference)':<44} {nltk_rate:>12,.0f} words/s")
        for name in stemmers:
            print(
                f"  {name:<44} {best[name]:>12,.0f} words/s {best[name] / nltk_rate:>7.1f}x NLTK"
                f"   differs on {differ[name]:>6,}"
            )
        pipeline = None if language == "arabic" else isolated_ratio(language, args.repeat)
        if pipeline is not None:
            print(
                f"  {'Normalizer(snowball) / Normalizer(nltk), same bytes':<44} {pipeline:>12.2f}x"
            )
        ours = best["stemline SnowballStemmer.stem"]
        pystemmer = best.get("PyStemmer stemWord")
        summary.append(
            (language, ours / nltk_rate, ours / pystemmer if pystemmer else None, pipeline, differ)
        )

    print()
    print(
        "stemline per stem() call: x NLTK (target >= 20), x PyStemmer (target >= 1); "
        "the normalizer x its Porter throughput (target >= 0.8); differences"
    )
    failed = False
    for language, vs_nltk, vs_pystemmer, pipeline, differ in summary:
        ours_differ = differ["stemline SnowballStemmer.stem"]
        against = f"{vs_pystemmer:5.2f}x" if vs_pystemmer else "   --"
        through = f"{pipeline:5.2f}x" if pipeline is not None else "   --"
        print(f"  {language:<12} {vs_nltk:6.1f}x {against} {through} {ours_differ:>4}")
        failed |= ours_differ > 0
    if failed:
        sys.exit("stemline differs from NLTK")


if __name__ == "__main__":
    main()
