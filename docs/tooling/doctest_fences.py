"""A griffe extension for the API reference: stemline's docstrings are written for
``help()`` and doctest (reStructuredText roles, bare ``>>>`` examples), which
Markdown would run together into paragraphs. This fences each ``>>>`` example as a
Python console block and drops the Sphinx roles, leaving their code spans."""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|meth|func|mod|attr|data|exc|obj):(?=`)")


def fence_doctests(text: str) -> str:
    """``text`` with each run of ``>>>`` lines and their output inside a pycon fence.

    >>> print(fence_doctests("Say:\\n\\n>>> 1 + 1\\n2\\n\\nDone."))
    Say:
    <BLANKLINE>
    ```pycon
    >>> 1 + 1
    2
    ```
    <BLANKLINE>
    Done.
    """
    out: list[str] = []
    in_example = False
    for line in text.splitlines():
        if line.lstrip().startswith(">>>") and not in_example:
            out.append("```pycon")
            in_example = True
        elif in_example and not line.strip():
            out.append("```")
            in_example = False
        out.append(line)
    if in_example:
        out.append("```")
    return _ROLE.sub("", "\n".join(out))


class DoctestFences(griffe.Extension):
    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)
