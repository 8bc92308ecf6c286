"""The tables of ``docs/stemmers.md``, computed by stemline: the site's hook
(``docs/tooling/generated.py``) puts them in the page when the site is built.

``tests/test_docs.py`` checks that every stem in them is NLTK's. To see them:
``python docs/stemmers_tables.py`` from the repository root.
"""

from __future__ import annotations

import stemline
from stemline import filters

#: The words the stemmer table shows: plain inflections, the stemmers' special
#: cases, and words where the three disagree most.
WORDS = (
    "running",
    "Generously",
    "happiness",
    "dying",
    "news",
    "maximum",
    "provision",
    "organization",
    "having",
    "kilometers",
    "universities",
)


def stemmer_table() -> str:
    """One row per word, one column per stemmer name of :data:`stemline.STEMMERS`."""
    names = list(stemline.STEMMERS)
    normalizers = {name: stemline.Normalizer(name) for name in names}
    rows = [
        "| word | " + " | ".join(f"`{name}`" for name in names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for word in WORDS:
        cells = [" ".join(normalizers[name].tokens(word)) for name in names]
        rows.append(f"| {word} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


#: The sentence of the stems-against-lemmas table.
SENTENCE = "The children were running faster than the geese, and the mice studied the leaves."


def lemma_table() -> str:
    """Each word of :data:`SENTENCE` (its tokens, lower-cased, each once, no
    punctuation): its stems, then its WordNet lemma as a noun, a verb and an
    adjective."""
    stemmers = ("nltk", "snowball", "lancaster")
    normalizers = {name: stemline.Normalizer(name) for name in stemmers}
    lemmatizer = stemline.WordNetLemmatizer()
    words = dict.fromkeys(t for t in stemline.Normalizer("none").tokens(SENTENCE) if t.isalpha())
    rows = [
        "| word | "
        + " | ".join(f"`{name}` stem" for name in stemmers)
        + ' | lemma, `pos="n"` | lemma, `pos="v"` | lemma, `pos="a"` |',
        "|---|" + "---|" * (len(stemmers) + 3),
    ]
    for word in words:
        stems = [" ".join(normalizers[name].tokens(word)) for name in stemmers]
        lemmas = [lemmatizer.lemmatize(word, pos) for pos in "nva"]
        rows.append(f"| {word} | " + " | ".join(stems + lemmas) + " |")
    return "\n".join(rows)


def stopword_table() -> str:
    """The named stop word lists: size, and what each has that the other lacks."""
    nltk, sklearn = filters.stopword_list("nltk"), filters.stopword_list("sklearn")

    def sample(words: frozenset[str]) -> str:
        return ", ".join(sorted(words)[:8]) + ", ..."

    return "\n".join(
        [
            "| `stopwords=` | the list | words | only in this list (a few) |",
            "|---|---|---:|---|",
            f'| `"nltk"` | NLTK\'s `stopwords.words("english")`, bundled | {len(nltk)} '
            f"| {sample(nltk - sklearn)} |",
            f'| `"sklearn"` | scikit-learn\'s `ENGLISH_STOP_WORDS` (needs scikit-learn) '
            f"| {len(sklearn)} | {sample(sklearn - nltk)} |",
        ]
    )


if __name__ == "__main__":
    print(stemmer_table())
    print()
    print(lemma_table())
    print()
    print(stopword_table())
