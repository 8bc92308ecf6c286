"""stemline on a heavy-tailed corpus (web-like: ids, URLs, rare words), in one run.

Usage: python benchmarks/heavy_tail.py [--seed 15] [--docs 30000] [--repeat 3]
       [--write corpus.txt] [--json out.json]

The corpus is generated here, deterministically from the seed, and never
stored: 30,000 documents of 300 tokens, each token drawn from a Zipf(1.05)
distribution over 3 million types. The 200,000 most frequent types are random
lower-case words of 3-11 letters; the rarer ones are ids such as ``w123457x``
and URLs such as ``http://site123456.com/p?q=123456``, one of each in turn. That
gives about 80 MB and about a million distinct tokens, where news text such as
the BBC corpus has a few tens of thousands: most runs are then computed from
scratch rather than found in the cache.

Everything is measured in this one process on the same in-memory corpus, so
the ratios to ``str.split`` hold on a shared machine. Each figure is the best of
--repeat rounds, each round running every variant once in turn. A sample of
documents is also checked against the reference; the script exits non-zero if
any differs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import string
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

TYPES = 3_000_000
COMMON = 200_000
EXPONENT = 1.05
TOKENS_PER_DOC = 300


def heavy_tailed_corpus(seed: int, docs: int, tokens_per_doc: int = TOKENS_PER_DOC) -> list[str]:
    """``docs`` documents of ``tokens_per_doc`` Zipf-distributed tokens each.

    The same seed always gives the same corpus (Python's ``random`` is
    reproducible across platforms for a given version's algorithms).
    """
    rng = random.Random(seed)
    letters = string.ascii_lowercase
    common = ["".join(rng.choices(letters, k=rng.randint(3, 11))) for _ in range(COMMON)]
    cum_weights = list(itertools.accumulate(r**-EXPONENT for r in range(1, TYPES + 1)))

    def token(rank: int) -> str:
        if rank < COMMON:
            return common[rank]
        n = 100_000 + rank  # distinct per rank, at least six digits
        return f"w{n}x" if rank % 2 else f"http://site{n}.com/p?q={n}"

    ranks = rng.choices(range(TYPES), cum_weights=cum_weights, k=docs * tokens_per_doc)
    return [
        " ".join(token(r) for r in ranks[i : i + tokens_per_doc])
        for i in range(0, len(ranks), tokens_per_doc)
    ]


def best_of_interleaved(
    repeat: int, runs: Sequence[tuple[str, Callable[[], object], Callable[[], object] | None]]
) -> dict[str, float]:
    """The best time of each run over ``repeat`` rounds, one of each run per round,
    so that a change in the machine's load hits every run alike."""
    best = dict.fromkeys((name for name, _, _ in runs), float("inf"))
    for _ in range(repeat):
        for name, fn, setup in runs:
            if setup is not None:
                setup()
            start = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--docs", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--check", type=int, default=100, help="documents checked against the reference"
    )
    parser.add_argument(
        "--write", type=Path, help="write the corpus here, one document per line, and stop"
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)

    docs = heavy_tailed_corpus(args.seed, args.docs)
    if args.write is not None:
        args.write.write_text("".join(d + "\n" for d in docs), encoding="utf-8")
        return 0

    import stemline
    from stemline import reference

    nbytes = sum(len(d) for d in docs)  # ASCII: characters are bytes
    mb = nbytes / 1e6
    distinct = len({t for d in docs for t in d.split()})
    load = os.getloadavg()
    print(
        f"heavy-tailed corpus (seed {args.seed}): {len(docs):,} documents, {mb:.1f} MB, "
        f"{distinct:,} distinct tokens; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )

    fresh: list[stemline.Normalizer] = []

    def new_default() -> None:
        fresh[:] = [stemline.Normalizer()]

    uncached = stemline.Normalizer(cache_bytes=0)
    warm = stemline.Normalizer()
    warm.normalize_many(docs)
    times = best_of_interleaved(
        args.repeat,
        [
            ("[d.split() for d in docs]", lambda: [d.split() for d in docs], None),
            (
                "Normalizer().normalize_many(docs), fresh cache",
                lambda: fresh[0].normalize_many(docs),
                new_default,
            ),
            (
                "Normalizer(cache_bytes=0).normalize_many(docs)",
                lambda: uncached.normalize_many(docs),
                None,
            ),
            (
                "Normalizer().normalize_many(docs), warm cache",
                lambda: warm.normalize_many(docs),
                None,
            ),
        ],
    )
    rows = [(name, mb / seconds) for name, seconds in times.items()]
    split = rows[0][1]

    width = max(len(name) for name, _ in rows)
    print(f"{'run':<{width}}  {'MB/s':>7}  {'/ str.split':>11}")
    for name, rate in rows:
        print(f"{name:<{width}}  {rate:7.1f}  {rate / split:11.2f}")

    sample = docs[:: max(1, len(docs) // args.check)][: args.check]
    got = stemline.Normalizer().normalize_many(sample)
    differ = sum(g != reference.normalize(d) for g, d in zip(got, sample, strict=True))
    print(f"reference check: {len(sample) - differ} of {len(sample)} sampled documents identical")

    if args.json is not None:
        args.json.write_text(
            json.dumps(
                {
                    "seed": args.seed,
                    "documents": len(docs),
                    "megabytes": mb,
                    "distinct_tokens": distinct,
                    "load_average": load,
                    "rows": [{"run": n, "mb_per_s": r, "vs_split": r / split} for n, r in rows],
                    "reference_differs": differ,
                },
                indent=2,
            )
        )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
