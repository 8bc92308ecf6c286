"""Hugging Face ``datasets``: a batched map function (``pip install "stemline[datasets]"``).

>>> from datasets import Dataset
>>> from stemline.datasets import normalizer
>>> ds = Dataset.from_dict({"text": ["The cats sat.", None, ""]})
>>> ds.map(normalizer("text"), batched=True).to_dict()["text_normalized"]
['the cat sat .', None, '']

With ``batched=True`` each call gets a batch of rows (1,000 by default) and
normalizes them in one native call. The function pickles and hashes by its
settings, so ``num_proc=N`` works and ``datasets``' cache recognizes a rerun.
This module does not import ``datasets``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from stemline.columns import normalize_values, output_column, settings_of

__all__ = ["BatchNormalizer", "normalizer"]


class BatchNormalizer:
    """``batch -> {output: lines}`` for ``Dataset.map(..., batched=True)``.

    ``batch[column]`` is a list of strings and ``None``s; the lines come back in
    the same order, ``None`` where the text was ``None``.
    """

    __slots__ = ("column", "output", "settings", "workers")

    def __init__(
        self,
        column: str = "text",
        *,
        output: str | None = None,
        stemmer: str = "nltk",
        workers: int = 1,
        **settings: Any,
    ) -> None:
        self.column = column
        self.output = output
        self.settings = settings_of(stemmer, **settings)
        self.workers = workers

    @property
    def stemmer(self) -> str:
        return self.settings.stemmer

    def __call__(self, batch: Mapping[str, list[Any]]) -> dict[str, list[str | None]]:
        if isinstance(batch, Mapping):
            names = list(batch.keys())
        else:
            names = []
        if not names or not isinstance(batch[names[0]], list):
            raise TypeError(
                "stemline's normalizer takes a batch (a dict of column lists): "
                "call Dataset.map(..., batched=True)"
            )
        output = output_column(names, self.column, self.output)
        lines = normalize_values(
            batch[self.column],
            settings=self.settings,
            workers=self.workers,
            name=f"column {self.column!r}",
        )
        return {output: lines}

    def __getstate__(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)

    def __repr__(self) -> str:
        return (
            f"stemline.datasets.normalizer({self.column!r}, output={self.output!r}, "
            f"stemmer={self.stemmer!r})"
        )


def normalizer(
    column: str = "text",
    *,
    output: str | None = None,
    stemmer: str = "nltk",
    workers: int = 1,
    **settings: Any,
) -> BatchNormalizer:
    """The function for ``dataset.map(normalizer("text"), batched=True)``.

    Adds ``output`` (default ``f"{column}_normalized"``); naming ``column`` itself
    replaces it, naming another existing column is an error. ``stemmer``,
    ``workers`` and any other keyword argument (``cache_bytes``, the filters,
    ...) are those of :class:`stemline.Normalizer`.

    >>> normalizer("text")({"text": ["Running!", None]})
    {'text_normalized': ['run !', None]}
    """
    return BatchNormalizer(column, output=output, stemmer=stemmer, workers=workers, **settings)
