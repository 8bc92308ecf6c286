"""From the paths on the command line to the ordered list of inputs.

* A file is read as given (``-`` is standard input).
* A folder is walked recursively; its files are taken in sorted order, path
  component by component (``a/b.txt`` before ``a-b.txt`` before ``b.txt``,
  by code point). Symbolic links are followed (a link back to a folder being
  walked is an error, not an endless walk). Names starting with ``.`` are
  skipped unless ``--hidden``; ``--glob`` keeps only files whose path
  relative to the folder, or whose name, matches one of the patterns
  (``fnmatch`` rules: ``*`` also matches ``/``). Files named directly are
  never filtered.
* Each file's format comes from ``--format``, or else from its name once a
  compression extension is removed, as the format table says
  (:func:`stemline.corpus.formats.from_name`: ``.jsonl``/``.ndjson`` JSON
  Lines, ``.csv`` CSV, ``.tsv``/``.tab`` TSV, ``.parquet``/``.pq`` Parquet),
  anything else plain text (one document per file, or per line with
  ``--lines``).

A path that does not exist, cannot be listed or cannot be read (its
permissions), a broken link, or a special file (a pipe, a socket) met inside
a folder is an :class:`InputError`, before any output is written, on
standard output too; so is a folder that yields no file at all. A pipe named
directly (``<(zcat dump.gz)``) is read like a file.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterator, Sequence

from stemline.corpus import compression, formats
from stemline.corpus.documents import Source, file_identity
from stemline.corpus.problems import InputError, JobUsageError

STDIN = "-"


def format_from_name(name: str, lines: bool) -> str:
    """The format of an input file by its name (plain text: ``text``, or
    ``lines`` with ``--lines``).

    >>> format_from_name("a/dump.jsonl.gz", False), format_from_name("x.txt", True)
    ('jsonl', 'lines')
    """
    fmt = formats.from_name(name)
    if fmt is not None:
        return fmt.name
    return "lines" if lines else "text"


def discover(
    paths: Sequence[str],
    *,
    format: str = "auto",
    lines: bool = False,
    globs: Sequence[str] = (),
    hidden: bool = False,
) -> list[Source]:
    """Every input file, in order, as :class:`Source` objects."""
    if format not in formats.INPUT_FORMATS:
        raise ValueError(f"format must be one of {formats.INPUT_FORMATS}, not {format!r}")
    if list(paths).count(STDIN) > 1:
        raise JobUsageError("standard input (-) can be named only once")
    sources: list[Source] = []

    def add(
        name: str,
        path: str | None,
        relative: str,
        st: os.stat_result | None,
        folder: str | None = None,
        identity: tuple[int, int] | None = None,
    ) -> None:
        if format == "auto":
            fmt = format_from_name(relative, lines)
        else:
            fmt = "lines" if (format == "text" and lines) else format
        sources.append(
            Source(
                index=len(sources),
                name=name,
                path=path,
                relative=relative,
                format=fmt,
                compression=compression.from_name(relative),
                size=st.st_size if st else None,
                mtime_ns=st.st_mtime_ns if st else None,
                folder=folder,
                identity=identity if identity is not None else file_identity(st),
            )
        )

    for given in paths or (STDIN,):
        if given == STDIN:
            add("<stdin>", None, "stdin", None, identity=_stdin_identity())
            continue
        st = _stat(given)
        if stat.S_ISDIR(st.st_mode):
            found = 0
            for path, relative, fst in _walk(given, hidden, globs):
                add(path, path, relative, fst, given)
                found += 1
            if not found:
                what = f"matching {' or '.join(globs)} " if globs else ""
                raise InputError(given, f"no input files {what}in this folder")
        else:  # a file, or a pipe such as <(zcat dump.gz) or /dev/stdin
            _check_readable(given)
            regular = stat.S_ISREG(st.st_mode)
            add(
                given,
                given,
                os.path.basename(given),
                st if regular else None,
                identity=file_identity(st),
            )
    return sources


def _stdin_identity() -> tuple[int, int] | None:
    """Standard input's :func:`file_identity` (``< in.txt`` makes it a file)."""
    try:
        return file_identity(os.fstat(0))
    except OSError:  # closed: the reader says so
        return None


def _stat(path: str) -> os.stat_result:
    try:
        return os.stat(path)
    except OSError as e:
        if os.path.islink(path):
            raise InputError(path, "cannot read: broken symbolic link") from None
        raise InputError(path, f"cannot read: {e.strerror}") from None


def _check_readable(path: str) -> None:
    """An input the permissions keep from being read is refused now, before
    the output of the inputs before it is written (a folder's first file
    went to standard output before its unreadable second one stopped the
    run)."""
    if not os.access(path, os.R_OK):
        raise InputError(path, "cannot read: Permission denied")


def _walk(
    root: str, hidden: bool, globs: Sequence[str]
) -> Iterator[tuple[str, str, os.stat_result]]:
    """(path, relative POSIX path, stat) of each file under ``root``, sorted."""
    ancestors: set[tuple[int, int]] = set()

    def visit(folder: str, prefix: str) -> Iterator[tuple[str, str, os.stat_result]]:
        st = _stat(folder)
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            raise InputError(folder, "symbolic link loop (a link back to a folder above it)")
        ancestors.add(key)
        try:
            with os.scandir(folder) as it:
                names = sorted(entry.name for entry in it)
        except OSError as e:
            raise InputError(folder, f"cannot list folder: {e.strerror}") from None
        for name in names:
            if name.startswith(".") and not hidden:
                continue
            path = os.path.join(folder, name)
            relative = prefix + name
            st = _stat(path)
            if stat.S_ISDIR(st.st_mode):
                yield from visit(path, relative + "/")
            elif globs and not any(
                fnmatch.fnmatchcase(relative, g) or fnmatch.fnmatchcase(name, g) for g in globs
            ):
                continue
            elif stat.S_ISREG(st.st_mode):
                _check_readable(path)
                yield path, relative, st
            else:
                raise InputError(
                    path, "not a regular file or a folder (name it directly to read it)"
                )
        ancestors.discard(key)

    yield from visit(root, "")
