"""How the corpus commands read their inputs and write their one output file.

This module is the only place the ``vocab`` and ``report`` commands learn about
input and output; it has the same shape as the shared corpus input layer
(``input_options`` hands the command ``inputs=InputSpec(...)``, ``read_batches``
streams batches whose ``.texts`` are the documents in input order), so swapping it
for that layer changes imports only.

Inputs:

* A file is one document (``--lines``: each line, split on ``\\n``, is one).
* A folder is every file under it, recursively, in sorted order of relative path;
  names starting with ``.`` are skipped unless ``--hidden``; ``--glob PATTERN``
  keeps the files whose relative path or name matches (case-sensitive
  ``fnmatch``, repeatable).
* ``-`` or no path at all is standard input.
* Bytes that are not UTF-8 stop the command with an error naming the file, the
  byte offset and the line, unless ``--on-decode-error`` says ``replace`` (each
  bad sequence becomes U+FFFD) or ``latin-1`` (that document is decoded as
  Latin-1); either way a warning on stderr names the document.

Output: :func:`open_output` gives a text stream for ``-o`` (``-``: standard output);
a file is written under a temporary name and renamed into place only when
complete, so a failed run never leaves a file that looks finished.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import click

DECODE_POLICIES = ("fail", "replace", "latin-1")


@dataclass(frozen=True)
class InputSpec:
    """What to read and how (see the module docstring)."""

    paths: tuple[str, ...] = ()
    lines: bool = False
    globs: tuple[str, ...] = ()
    hidden: bool = False
    on_decode_error: str = "fail"
    batch_size: int = 4096
    batch_bytes: int = 16 << 20


@dataclass
class Batch:
    """Consecutive documents, in input order."""

    texts: list[str] = field(default_factory=list)
    nbytes: int = 0


def input_options(command: Callable) -> Callable:
    """Click decorator: PATHS and the input options, passed on as ``inputs=InputSpec(...)``."""
    params = [
        click.argument("paths", nargs=-1, type=click.Path(allow_dash=True)),
        click.option("--lines", is_flag=True, help="Each line (split on \\n) is a document."),
        click.option(
            "--glob",
            "globs",
            multiple=True,
            metavar="PATTERN",
            help="In folders, read only files whose relative path or name matches (repeatable).",
        ),
        click.option(
            "--hidden", is_flag=True, help="In folders, also read names starting with '.'."
        ),
        click.option(
            "--on-decode-error",
            type=click.Choice(DECODE_POLICIES),
            default="fail",
            show_default=True,
            help="Bytes that are not UTF-8: stop with an error naming the place, "
            "replace them with U+FFFD, or decode that document as Latin-1.",
        ),
    ]

    @functools.wraps(command)
    def wrapper(paths, lines, globs, hidden, on_decode_error, **kwargs):
        spec = InputSpec(tuple(paths), lines, tuple(globs), hidden, on_decode_error)
        return command(inputs=spec, **kwargs)

    for param in reversed(params):
        wrapper = param(wrapper)
    return wrapper


def open_output(path: str):
    """A context manager giving a text stream for ``path`` (``-``: standard output),
    renamed into place only when the block completes."""
    from stemline.cli import AtomicOutput

    return AtomicOutput(path)


def read_batches(spec: InputSpec) -> Iterator[Batch]:
    """The documents of ``spec``, in input order, in batches of at most
    ``batch_size`` documents and about ``batch_bytes`` bytes."""
    batch = Batch()
    for text, size in _documents(spec):
        batch.texts.append(text)
        batch.nbytes += size
        if len(batch.texts) >= spec.batch_size or batch.nbytes >= spec.batch_bytes:
            yield batch
            batch = Batch()
    if batch.texts:
        yield batch


def _documents(spec: InputSpec) -> Iterator[tuple[str, int]]:
    """(text, size in bytes) of every document, streaming each file's lines."""
    for name, open_input in _inputs(spec):
        with open_input() as f:
            if not spec.lines:
                data = _read(f, name)
                yield _decode(data, name, 0, 1, spec.on_decode_error), len(data)
                continue
            offset = 0
            for number, raw in enumerate(_lines(f, name), start=1):
                line = raw[:-1] if raw.endswith(b"\n") else raw
                yield _decode(line, name, offset, number, spec.on_decode_error), len(raw)
                offset += len(raw)


def _inputs(spec: InputSpec) -> Iterator[tuple[str, Callable]]:
    """(name, opener of a binary file) of every input, in order."""
    for path in spec.paths or ("-",):
        if path == "-":
            yield "<stdin>", lambda: contextlib.nullcontext(sys.stdin.buffer)
        elif os.path.isdir(path):
            files = _walk(path, spec.hidden, spec.globs)
            if not files:
                raise _input_error(f"{path}: folder has no input files")
            for file in files:
                yield file, functools.partial(_open, file)
        else:
            yield path, functools.partial(_open, path)


def _input_error(message: str) -> Exception:
    from stemline.cli import InputError

    return InputError(message)


def _open(path: str):
    try:
        return open(path, "rb")
    except OSError as e:
        raise _input_error(f"{path}: cannot read: {e.strerror}") from None


def _read(f, name: str) -> bytes:
    try:
        return f.read()
    except OSError as e:
        raise _input_error(f"{name}: cannot read: {e.strerror}") from None


def _lines(f, name: str) -> Iterator[bytes]:
    try:
        yield from f  # binary lines end at b"\n" only
    except OSError as e:
        raise _input_error(f"{name}: cannot read: {e.strerror}") from None


def _walk(root: str, hidden: bool, globs: tuple[str, ...]) -> list[str]:
    """The files under ``root``, sorted by relative path."""
    found = []
    for folder, dirs, files in os.walk(root):
        if not hidden:
            dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") and not hidden:
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, root).replace(os.sep, "/")
            if globs and not any(
                fnmatch.fnmatchcase(relative, g) or fnmatch.fnmatchcase(name, g) for g in globs
            ):
                continue
            found.append((relative, path))
    return [path for _, path in sorted(found)]


def _decode(data: bytes, name: str, offset: int, line: int, policy: str) -> str:
    """``data``, found at byte ``offset`` (line ``line``) of ``name``, as text."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        at = offset + e.start
        line += data.count(b"\n", 0, e.start)
        bad = data[e.start : e.end].hex(" ")
        if policy == "fail":
            raise _input_error(
                f"{name}: not valid UTF-8 at byte {at} (line {line}): byte(s) {bad}; "
                "--on-decode-error replace or latin-1 continues"
            ) from None
        how = "replaced by U+FFFD" if policy == "replace" else "decoded as Latin-1"
        click.echo(
            f"stemline: warning: {name}: byte {at} (line {line}): not valid UTF-8 "
            f"(byte(s) {bad}); {how}",
            err=True,
        )
        if policy == "replace":
            return data.decode("utf-8", errors="replace")
        return data.decode("latin-1")
