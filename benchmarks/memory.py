"""Peak memory over a stream of distinct tokens: the token cache must stay bounded.

Usage: python benchmarks/memory.py [--tokens 10000000] [--workers 0] [--cache-mb 64]

Feeds documents of never-repeating synthetic tokens (every one a cache miss
and a new cache entry) through ``normalize_many`` in batches, as a streaming
job would, and prints the process's peak RSS. Without a bound the cache alone
would grow past a gigabyte.
"""

from __future__ import annotations

import argparse
import resource
import time

import stemline


def synthetic_token(i: int) -> str:
    # Letters only, so each token is one word run; distinct for every i.
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = []
    while True:
        i, r = divmod(i, 26)
        out.append(letters[r])
        if i == 0:
            break
    return "tok" + "".join(out) + "ing"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=10_000_000)
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--cache-mb", type=int, default=stemline.DEFAULT_CACHE_BYTES >> 20)
    parser.add_argument("--per-doc", type=int, default=200)
    parser.add_argument("--batch-docs", type=int, default=2_000)
    args = parser.parse_args()

    normalizer = stemline.Normalizer(cache_bytes=args.cache_mb << 20)
    start = time.perf_counter()
    done = 0
    peak_cache = 0
    while done < args.tokens:
        docs = []
        for _ in range(args.batch_docs):
            n = min(args.per_doc, args.tokens - done)
            if n <= 0:
                break
            docs.append(" ".join(synthetic_token(i) for i in range(done, done + n)))
            done += n
        lines = normalizer.normalize_many(docs, workers=args.workers)
        assert len(lines) == len(docs)
        peak_cache = max(peak_cache, sum(used for _, used in normalizer.cache_info()))
    seconds = time.perf_counter() - start
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{done:,} distinct tokens in {seconds:.1f} s; workers={args.workers}, "
        f"cache bound {args.cache_mb} MiB per worker; largest total cache seen "
        f"{peak_cache / 2**20:.1f} MiB; peak RSS {peak_rss_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
