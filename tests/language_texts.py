"""Text made of a language's own words, for the tests of Punkt and of
``word_tokenize`` in every language: its Snowball vocabulary and stop words, the
word types, abbreviations, collocations and sentence starters of its Punkt model
(read from NLTK's own ``PunktTokenizer``, which reads ``tests/data/nltk_data``),
with initials, numbers, ellipses, quotes and brackets mixed in."""

from __future__ import annotations

import functools
import random

from bbc_corpus import DATA


@functools.cache
def nltk_punkt(language: str):  # -> nltk.tokenize.PunktTokenizer
    from nltk.tokenize import PunktTokenizer as NltkPunktTokenizer

    return NltkPunktTokenizer(language)


def words(language: str) -> list[str]:
    """Words of ``language``: a sample of Snowball's vocabulary and NLTK's stop
    words where there are, and the word types of its Punkt model, capitalized
    as the model saw them at least once."""
    words: list[str] = []
    sample = DATA / "snowball-samples" / f"{language}.txt"
    if language == "english":
        words += (DATA / "porter2" / "voc.txt").read_text(encoding="utf-8").split()[::20]
    elif sample.exists():
        words += sample.read_text(encoding="utf-8").split()
    stopwords = DATA / "nltk_data" / "corpora" / "stopwords" / language
    if stopwords.exists():
        words += stopwords.read_text(encoding="utf-8").split()
    # The model's own types: the shared tokenizer's ortho_context (a
    # defaultdict) also holds a 0 for every type other tests looked up.
    ortho = nltk_punkt.__wrapped__(language)._params.ortho_context
    rng = random.Random(language)
    for typ in rng.sample(sorted(ortho), min(3000, len(ortho))):
        if typ.startswith("##number##"):
            continue
        upper = ortho[typ] & 0b1110  # seen capitalized (_ORTHO_UC)
        words.append(typ[:1].upper() + typ[1:] if upper and rng.random() < 0.7 else typ)
    return words


def text(language: str, rng: random.Random, words: list[str]) -> str:
    """A document of ``language``'s words with its abbreviations, collocations
    and sentence starters, initials, numbers, ellipses, quotes and brackets
    mixed in."""
    params = nltk_punkt(language)._params
    abbrevs = sorted(params.abbrev_types)
    collocations = sorted(params.collocations)
    starters = sorted(params.sent_starters)

    def word() -> str:
        w = rng.choice(words)
        return w.capitalize() if rng.random() < 0.15 else w

    parts: list[str] = []
    for _ in range(rng.randint(20, 160)):
        r = rng.random()
        if r < 0.55:
            parts.append(word())
        elif r < 0.63 and abbrevs:
            a = rng.choice(abbrevs)
            parts.append(rng.choice([a, a.capitalize(), a.upper()]) + ".")
        elif r < 0.66 and collocations:
            first, second = rng.choice(collocations)
            parts.append(first.replace("##number##", str(rng.randint(1, 31))) + ". " + second)
        elif r < 0.69 and starters:
            parts.append(rng.choice(starters).capitalize())
        elif r < 0.72:
            parts.append(rng.choice("ABCDEFGHJKLMNOPRSTVWÅÄÖÜÉŁŠΣΑДЖ") + ".")
        elif r < 0.76:
            parts.append(rng.choice(["12.", "3.5", "1,000", "-5", "2.", "1990.", "4.-5.", "0,5"]))
        elif r < 0.79:
            parts.append(rng.choice(["...", "..", ". . .", "…", "--", "-"]))
        elif r < 0.84:
            q = rng.choice(['"', "'", "«", "»", "„", "“", "”", "‘", "’", "(", ")", "[", "]"])
            parts.append(q + word() if rng.random() < 0.5 else word() + q)
        elif r < 0.97:
            end = rng.choice([".", ".", ".", "?", "!", "?!", '."', ".)", ".»", "!”"])
            parts[-1:] = [(parts[-1] if parts else word()) + end]
        else:
            parts.append(rng.choice(["\n", "\n\n", "\t"]))
    seps = [rng.choice([" ", " ", " ", "  ", "\n", "\u00a0"]) for _ in parts]
    return "".join(p + s for p, s in zip(parts, seps, strict=True))
