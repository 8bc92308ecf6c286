"""The corpus commands beyond ``normalize``: ``vocab`` and ``report``.

Each lives in its own module and reads its inputs through
:mod:`stemline.commands.corpus_io`, the one place that knows how documents are
read and the output is written.
"""
