"""The Snowball and Lancaster stemmers against NLTK's and PyStemmer's, in one run.

Usage: python benchmarks/stemmers_bench.py [--repeat 5]

Word by word: every word of the Snowball English vocabulary (porter2/voc.txt)
through each stemmer's ``stem``, best of --repeat (NLTK's Lancaster: one run).
Normalizer throughput: the BBC corpus through Normalizer("snowball") and
Normalizer("lancaster") against Normalizer("nltk"), with a fresh normalizer (cold
cache: every distinct run computed once) and again (warm cache), best of --repeat
each. All in this one process, so the ratios
hold on a shared machine; the load average is printed with them.
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
from bench import best_of, load_corpus, machine  # noqa: E402


def per_second(count: int, seconds: float) -> float:
    return count / seconds


def word_rate(stem: Callable[[str], str], words: list[str], repeat: int) -> float:
    def run() -> None:
        for w in words:
            stem(w)

    return per_second(len(words), best_of(repeat, run))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import Stemmer  # PyStemmer
    from nltk.stem.lancaster import LancasterStemmer as NltkLancaster
    from nltk.stem.snowball import SnowballStemmer as NltkSnowball

    import stemline

    words = (ROOT / "tests/data/porter2/voc.txt").read_text("utf-8").split()
    docs = load_corpus(ROOT / "tests/data/bbc")
    mb = sum(len(d.encode("utf-8", "surrogatepass")) for d in docs) / 1e6

    print(f"machine: {machine()}")
    print(f"words:   tests/data/porter2/voc.txt: {len(words):,} words; corpus: BBC, {mb:.2f} MB")
    print(f"date:    {time.strftime('%Y-%m-%d %H:%M')}, load average {os.getloadavg()[0]:.2f}")
    print()

    rates = {
        "NLTK SnowballStemmer('english').stem": word_rate(
            NltkSnowball("english").stem, words, args.repeat
        ),
        "stemline SnowballStemmer('english').stem": word_rate(
            stemline.SnowballStemmer("english").stem, words, args.repeat
        ),
        "PyStemmer Stemmer('english').stemWord (not NLTK's)": word_rate(
            Stemmer.Stemmer("english").stemWord, words, args.repeat
        ),
        "NLTK LancasterStemmer().stem": word_rate(NltkLancaster().stem, words, 1),
        "stemline LancasterStemmer().stem": word_rate(
            stemline.LancasterStemmer().stem, words, args.repeat
        ),
    }
    for name, rate in rates.items():
        print(f"{name:<52} {rate:>14,.0f} words/s")

    pystemmer = Stemmer.Stemmer("english").stemWord
    snowball = stemline.SnowballStemmer("english").stem
    nltk_snowball = NltkSnowball("english").stem
    differ = sum(pystemmer(w) != nltk_snowball(w) for w in words)
    ours_differ = sum(snowball(w) != nltk_snowball(w) for w in words)
    lancaster, nltk_lancaster = stemline.LancasterStemmer().stem, NltkLancaster().stem
    lancaster_differ = sum(lancaster(w) != nltk_lancaster(w) for w in words)

    # The three normalizers take turns, round after round, so that a change in
    # the machine's load falls on all of them alike; best of the rounds each.
    names = ("nltk", "snowball", "lancaster")
    warm_normalizers = {name: stemline.Normalizer(name) for name in names}
    best: dict[str, list[float]] = {name: [float("inf"), float("inf")] for name in names}
    for _ in range(args.repeat):
        for name in names:
            # A fresh normalizer: every distinct run is computed once.
            fresh = stemline.Normalizer(name)
            best[name][0] = min(best[name][0], best_of(1, lambda n=fresh: n.normalize_many(docs)))
            seen = warm_normalizers[name]
            seen.normalize_many(docs)
            best[name][1] = min(best[name][1], best_of(1, lambda n=seen: n.normalize_many(docs)))
    throughput = {name: (mb / cold_s, mb / warm_s) for name, (cold_s, warm_s) in best.items()}
    print()
    for name, (cold, warm) in throughput.items():
        label = f"Normalizer({name!r}).normalize_many"
        print(f"{label + ', cold cache':<52} {cold:>14,.2f} MB/s")
        print(f"{label + ', warm cache':<52} {warm:>14,.2f} MB/s")

    print()
    ratios = {
        "stemline Snowball stem / NLTK's (target >= 20x)": rates[
            "stemline SnowballStemmer('english').stem"
        ]
        / rates["NLTK SnowballStemmer('english').stem"],
        "stemline Lancaster stem / NLTK's (target >= 20x)": rates[
            "stemline LancasterStemmer().stem"
        ]
        / rates["NLTK LancasterStemmer().stem"],
        "stemline Snowball stem / PyStemmer's": rates["stemline SnowballStemmer('english').stem"]
        / rates["PyStemmer Stemmer('english').stemWord (not NLTK's)"],
    }
    for name in ("snowball", "lancaster"):
        for i, cache in enumerate(("cold", "warm")):
            ratios[f"Normalizer({name!r}) / ('nltk'), {cache} (target >= 0.9x)"] = (
                throughput[name][i] / throughput["nltk"][i]
            )
    for name, ratio in ratios.items():
        print(f"{name:<60} {ratio:>8.2f}x")
    print()
    print(
        f"words stemmed differently from NLTK's Snowball: stemline {ours_differ}, "
        f"PyStemmer {differ} of {len(words):,}; from NLTK's Lancaster: stemline "
        f"{lancaster_differ}"
    )
    if ours_differ or lancaster_differ:
        sys.exit("stemline differs from NLTK")


if __name__ == "__main__":
    main()
