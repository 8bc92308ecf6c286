"""stemline under a type checker: every call here is checked by ``mypy --strict``
in the test suite (and ``make lint``), so the types a user sees are real ones.

Run it: ``python examples/typed_usage.py``.
"""

from __future__ import annotations

import copy
import pickle
from collections import Counter

import stemline
from stemline import Normalizer, PorterStemmer, StemEntry, Vocabulary


def stem_counts(texts: list[str], stemmer: str = "nltk") -> Counter[str]:
    """How often each output token occurs in ``texts``."""
    normalizer = Normalizer(stemmer, drop_punct=True)
    counts: Counter[str] = Counter()
    for line in normalizer.normalize_many(texts, workers=2):
        counts.update(line.split())
    return counts


def offsets(text: str) -> list[tuple[str, str]]:
    """Each token with the slice of ``text`` it came from."""
    return [(token, text[start:end]) for token, start, end in stemline.spans(text)]


def readable(vocab: Vocabulary, n: int) -> list[str]:
    """The ``n`` most frequent stems as readable words."""
    entries: list[StemEntry] = vocab.most_common(n)
    return [vocab.unstem(entry.stem) for entry in entries]


def main() -> None:
    texts = ["The runners were running.", "A runner runs!", "He cannot run."]
    counts = stem_counts(texts)
    print(counts.most_common(2))

    print(offsets('He said "cannot."'))

    stemmer = PorterStemmer(PorterStemmer.MARTIN_EXTENSIONS)
    stems: list[str] = [stemmer.stem(word) for word in ("generously", "Running")]
    print(stems)

    normalizer = Normalizer("original", min_length=2)
    twin: Normalizer = pickle.loads(pickle.dumps(normalizer))
    assert twin.normalize(texts[0]) == copy.deepcopy(normalizer).normalize(texts[0])
    cache: int = twin.cache_bytes
    print(twin.stemmer, cache, twin.filters)

    print(readable(Vocabulary.from_texts(texts), 2))


if __name__ == "__main__":
    main()
