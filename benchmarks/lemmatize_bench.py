"""The WordNet lemmatizer against NLTK's, spaCy's lookup lemmatizer and lemminflect.

Usage: python benchmarks/lemmatize_bench.py [--repeat 5] [--first-calls 5] [--text-tokens 200000]

First call: a fresh process imports the package, then times from there to the
first lemma (``WordNetLemmatizer().lemmatize("geese")``), which for NLTK includes
loading WordNet (from the tests' copy, tests/data/nltk_data); best and worst of
--first-calls processes (NLTK: two).

Warm, word by word, on two lists of the BBC corpus's lower-cased tokens (as
``stemline.tokens`` gives them with the stemmer ``none``): the text, its first
--text-tokens tokens in order (as a pipeline meets them: common words again and
again), and every distinct token once (each word new: the worst case for
stemline, whose tables are then out of the processor's caches; NLTK caches
nothing). Each lemmatizer's per-word call, best of --repeat passes (NLTK's: of
two; stemline's and the floor's, some milliseconds each, of 3 * --repeat), with
``pos="n"`` and ``pos="v"``; stemline's ``lemmatize_many`` too, whose speed per
word is the one held to 100x NLTK's. stemline's and the floor's are measured
first, before the other libraries fill the heap and the processor's caches.

The floor: ``[{}.get(w, pos) for w in words]``, CPython's cheapest call of
two arguments in the same comprehension, which no per-call lemmatizer can
beat: it bounds what ratio to NLTK a per-call API can reach on this machine.

Differences: how many of those words, and of the Snowball English vocabulary
(tests/data/porter2/voc.txt), each lemmatizer gives another lemma than NLTK's,
as a noun and as a verb (spaCy's lookup table has one lemma a word, whatever
the part of speech). All in this one process, so the ratios hold on a shared
machine; the load average is printed with them. The warm figures and the
normalizers' are CPU time of this process (``time.process_time``): on a machine
whose cores other work shares, wall time would count the time it held them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench import best_of, load_corpus, machine, number_from_fresh_process  # noqa: E402

NLTK_DATA = ROOT / "tests" / "data" / "nltk_data"

#: The clock of the warm figures: CPU time, every thread of the process.
CPU = time.process_time

FIRST_CALL = {
    "stemline": (
        "import time, stemline\n"
        "start = time.perf_counter()\n"
        "lemma = stemline.WordNetLemmatizer().lemmatize('geese')\n"
        "print(time.perf_counter() - start, lemma)\n"
    ),
    "NLTK": (
        "import time\n"
        "from nltk.stem import WordNetLemmatizer\n"
        "start = time.perf_counter()\n"
        "lemma = WordNetLemmatizer().lemmatize('geese')\n"
        "print(time.perf_counter() - start, lemma)\n"
    ),
}


def first_call(name: str, runs: int) -> list[float]:
    """Seconds from the import to the first lemma, in ``runs`` fresh processes."""
    env = {**os.environ, "NLTK_DATA": str(NLTK_DATA)}
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-W", "ignore", "-c", FIRST_CALL[name]],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        seconds, lemma = out.stdout.split()
        assert lemma == "goose", out.stdout
        times.append(float(seconds))
    return times


def word_rate(lemmatize: Callable[[str], object], words: list[str], repeat: int) -> float:
    def run() -> None:
        for w in words:
            lemmatize(w)

    return len(words) / best_of(repeat, run, clock=CPU)


def comprehension_rate(
    lemmatize: Callable[[str, str], object], words: list[str], pos: str, repeat: int
) -> float:
    """``[lemmatize(w, pos) for w in words]``: a bound method called as users do."""
    return len(words) / best_of(repeat, lambda: [lemmatize(w, pos) for w in words], clock=CPU)


def batch_rate(
    lemmatize_many: Callable[[list[str], str], object], words: list[str], pos: str, repeat: int
) -> float:
    return len(words) / best_of(repeat, lambda: lemmatize_many(words, pos), clock=CPU)


def normalizer_ratio(repeat: int) -> float:
    """The normalizer with the lemmatizing token step against the default
    pipeline, on the BBC corpus, each fresh (cold cache), best of 3 * repeat
    rounds (a round is some 30 ms of CPU); the two take turns, so that a change
    of the machine's load falls on both."""
    import stemline

    docs = load_corpus(ROOT / "tests/data/bbc")
    best = {"nltk": float("inf"), "wordnet": float("inf")}
    for _ in range(3 * repeat):
        for stemmer in best:
            normalizer = stemline.Normalizer(stemmer=stemmer)
            start = CPU()
            normalizer.normalize_many(docs)
            best[stemmer] = min(best[stemmer], CPU() - start)
    return best["nltk"] / best["wordnet"]


def isolated_ratio(repeat: int) -> float:
    """``normalizer_ratio`` in a fresh Python process: in this one, after NLTK's
    WordNet and spaCy have filled the heap, the same build measured 0.73x to
    0.83x from run to run."""
    return number_from_fresh_process(__file__, "--repeat", str(repeat), "--ratio-only")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--first-calls", type=int, default=5)
    parser.add_argument("--text-tokens", type=int, default=200_000)
    parser.add_argument("--ratio-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ratio_only:
        print(normalizer_ratio(args.repeat))
        return
    os.environ["NLTK_DATA"] = str(NLTK_DATA)

    import lemminflect
    import spacy
    from nltk.stem import WordNetLemmatizer as NltkLemmatizer
    from spacy.tokens import Doc

    import stemline

    normalizer = stemline.Normalizer("none")
    docs = load_corpus(ROOT / "tests/data/bbc")
    stream = [t for d in docs for t in normalizer.tokens(d)]
    text = stream[: args.text_tokens]
    words = sorted(set(stream))
    vocabulary = (ROOT / "tests/data/porter2/voc.txt").read_text("utf-8").split()

    print(f"machine: {machine()}")
    print(
        f"words:   BBC text: {len(text):,} tokens; BBC distinct: {len(words):,} tokens; "
        f"Snowball vocabulary: {len(vocabulary):,} words"
    )
    print(f"date:    {time.strftime('%Y-%m-%d %H:%M')}, load average {os.getloadavg()[0]:.2f}")
    print()

    first = {
        name: first_call(name, args.first_calls if name == "stemline" else 2) for name in FIRST_CALL
    }
    for name, times in first.items():
        print(
            f"{name + ' first call (import to first lemma)':<52} "
            f"{1e3 * min(times):>10,.1f} ms (worst {1e3 * max(times):,.1f} ms)"
        )
    print()

    nltk = NltkLemmatizer()
    nltk.lemmatize("geese")  # WordNet loaded before the clock starts
    ours = stemline.WordNetLemmatizer()
    nlp = spacy.blank("en")
    spacy_lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    lookup = spacy_lemmatizer.lookups.get_table("lemma_lookup")

    def spacy_many(words: list[str]) -> list[str]:
        return [t.lemma_ for t in spacy_lemmatizer(Doc(nlp.vocab, words=words))]

    corpora = (("BBC text", text), ("BBC distinct", words))
    # stemline's and the floor's passes (milliseconds each, so best of more
    # of them) first, before the other libraries run theirs: measured after
    # NLTK's and lemminflect's passes of seconds, which fill the heap and the
    # processor's caches with their objects, the same build came out 10% to
    # 20% slower from one part of speech to the next.
    quick: dict[tuple[str, str], tuple[float, float, float]] = {}
    for label, corpus in corpora:
        for pos in "nv":
            quick[label, pos] = (
                comprehension_rate(ours.lemmatize, corpus, pos, 3 * args.repeat),
                # The floor of any per-call API: CPython's cheapest call of
                # two arguments, a dict lookup, in the same comprehension.
                comprehension_rate({}.get, corpus, pos, 3 * args.repeat),
                batch_rate(ours.lemmatize_many, corpus, pos, 3 * args.repeat),
            )

    ratios: dict[str, float] = {}
    for label, corpus in corpora:
        print(f"{label}:")
        rates: dict[str, float] = {}
        for pos, upos in (("n", "NOUN"), ("v", "VERB")):
            nltk_rate = word_rate(lambda w, p=pos: nltk.lemmatize(w, p), corpus, 2)
            rates[f"NLTK WordNetLemmatizer().lemmatize(w, {pos!r})"] = nltk_rate
            ours_rate, floor_rate, many_rate = quick[label, pos]
            rates[f"stemline WordNetLemmatizer().lemmatize(w, {pos!r})"] = ours_rate
            rates[f"CPython's floor: {{}}.get(w, {pos!r}), a bare call"] = floor_rate
            ratios[f"{label}: CPython's floor, a bare call of (w, {pos!r}) / NLTK's"] = (
                floor_rate / nltk_rate
            )
            rates[f"stemline lemmatize_many(words, {pos!r})"] = many_rate
            rates[f"lemminflect getLemma(w, upos={upos!r}) (not NLTK's)"] = word_rate(
                lambda w, u=upos: lemminflect.getLemma(w, upos=u), corpus, args.repeat
            )
            # The target is on text, words as a pipeline meets them; the
            # distinct words, each new, are the worst case.
            held = "target >= 100x" if label == "BBC text" else "the worst case"
            ratios[f"{label}: stemline lemmatize_many / NLTK's, {pos!r} ({held})"] = (
                many_rate / nltk_rate
            )
            ratios[f"{label}: stemline lemmatize, a call a word / NLTK's, {pos!r}"] = (
                ours_rate / nltk_rate
            )
        rates["spaCy lookup lemmatizer on a Doc of the words (not NLTK's)"] = len(corpus) / best_of(
            args.repeat, lambda c=corpus: spacy_many(c), clock=CPU
        )
        rates["spaCy's lookup table, lookup.get(w, w) (not NLTK's)"] = word_rate(
            lambda w: lookup.get(w, w), corpus, args.repeat
        )
        for name, rate in rates.items():
            print(f"  {name:<58} {rate:>14,.0f} words/s")
        print()

    ratios["stemline first call / NLTK's (target: within 50 ms)"] = min(first["stemline"]) / min(
        first["NLTK"]
    )
    for name, ratio in ratios.items():
        print(f"{name:<66} {ratio:>10.4g}x")

    pipeline = isolated_ratio(args.repeat)
    print(f"{'Normalizer(wordnet) / Normalizer(nltk), BBC (target >= 0.8)':<66} {pipeline:>10.4g}x")

    print()
    print("words lemmatized differently from NLTK's (noun / verb):")
    for label, corpus in (("BBC tokens", words), ("Snowball vocabulary", vocabulary)):
        reference = {p: [nltk.lemmatize(w, p) for w in corpus] for p in "nv"}
        candidates = {
            "stemline": {p: ours.lemmatize_many(corpus, p) for p in "nv"},
            "lemminflect": {
                p: [(lemminflect.getLemma(w, upos=u) or (w,))[0] for w in corpus]
                for p, u in (("n", "NOUN"), ("v", "VERB"))
            },
            "spaCy lookup": dict.fromkeys("nv", spacy_many(corpus)),
        }
        for name, lemmas in candidates.items():
            n, v = (sum(a != b for a, b in zip(lemmas[p], reference[p], strict=True)) for p in "nv")
            print(f"  {label + ', ' + name:<40} {n:>7,} / {v:>7,} of {len(corpus):,}")
        ours_differ = sum(
            a != b
            for p in "nv"
            for a, b in zip(candidates["stemline"][p], reference[p], strict=True)
        )
        if ours_differ:
            sys.exit("stemline differs from NLTK")
    print()
    print(f"first call, stemline: median {1e3 * statistics.median(first['stemline']):.1f} ms")


if __name__ == "__main__":
    main()
