"""Compressed files: recognised by extension and by magic bytes, read as a stream.

Four formats: gzip (``.gz``), bzip2 (``.bz2``), xz (``.xz``) and Zstandard
(``.zst``, needs the ``zstandard`` package, imported only when such a file is
met). Reading never loads a whole file; concatenated members or frames are
read as one stream (that is what ``cat a.gz b.gz`` gives, and what stemline
itself writes with ``--resume``).

The magic bytes decide: a compressed file is decompressed whatever its name
(standard input too), and a file whose name says ``.gz`` but whose bytes are
not gzip is an error rather than a guess. A compressed stream that ends early
(a truncated download, a killed writer) is an error naming the file and how
much decompressed data came before the cut; gzip, bzip2 and xz say so
themselves, and :class:`ZstdReader` checks that the last frame was complete,
which ``zstandard``'s own stream reader does not.
"""

from __future__ import annotations

import io
from typing import Any, BinaryIO, cast

from stemline.corpus.problems import InputError, Place

#: Name ending -> compression.
EXTENSIONS = {".gz": "gzip", ".bz2": "bzip2", ".xz": "xz", ".zst": "zstd"}
#: Compression -> the extension written.
SUFFIXES = {v: k for k, v in EXTENSIONS.items()}

_GZIP = b"\x1f\x8b\x08"  # magic and the deflate method byte
_XZ = b"\xfd7zXZ\x00"
_ZSTD = b"\x28\xb5\x2f\xfd"
_BZIP2_BLOCK = b"\x31\x41\x59\x26\x53\x59"  # pi: the first block's magic
_BZIP2_END = b"\x17\x72\x45\x38\x50\x90"  # sqrt(pi): an empty stream's end marker

#: Bytes to read before deciding.
SNIFF_BYTES = 10

_READ_CHUNK = 1 << 16


def from_name(name: str) -> str | None:
    """The compression a file name announces, or None.

    >>> from_name("dump.jsonl.zst"), from_name("notes.txt")
    ('zstd', None)
    """
    for ext, compression in EXTENSIONS.items():
        if name.endswith(ext):
            return compression
    return None


def sniff(head: bytes) -> str | None:
    """The compression the first bytes of a stream show, or None.

    bzip2's three-letter magic ``BZh`` can start a text file, so its block
    magic is checked too; the others cannot start valid UTF-8 text.

    >>> import gzip
    >>> sniff(gzip.compress(b"x")), sniff(b"BZh is how it starts")
    ('gzip', None)
    """
    if head.startswith(_GZIP):
        return "gzip"
    if head.startswith(_XZ):
        return "xz"
    if head.startswith(_ZSTD):
        return "zstd"
    if (
        head[:3] == b"BZh"
        and head[3:4] in b"123456789"
        and len(head) >= 10
        and head[4:10] in (_BZIP2_BLOCK, _BZIP2_END)
    ):
        return "bzip2"
    return None


def _zstandard() -> Any:
    try:
        import zstandard
    except ImportError as e:
        from stemline.extras import missing_extra

        raise missing_extra("Zstandard (.zst) files", "corpus", e, "zstandard") from e
    return zstandard


class ZstdReader(io.RawIOBase):
    """A Zstandard stream of one or more frames, read incrementally; raises
    EOFError when the data ends inside a frame."""

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._zstd = _zstandard()
        self._obj: Any = None  # the current frame's decompressor, None between frames
        self._pending = b""  # input not yet fed
        self._out = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def _fill(self) -> None:
        while not self._out and not self._done:
            data = self._pending or self._raw.read(_READ_CHUNK)
            self._pending = b""
            if not data:
                if self._obj is not None:
                    raise EOFError("Compressed file ended before the end-of-frame marker")
                self._done = True
                return
            if self._obj is None:
                self._obj = self._zstd.ZstdDecompressor().decompressobj()
            self._out = self._obj.decompress(data)
            if self._obj.eof:
                self._pending = self._obj.unused_data
                self._obj = None

    def readinto(self, buffer: Any) -> int:
        self._fill()
        n = min(len(buffer), len(self._out))
        buffer[:n] = self._out[:n]
        self._out = self._out[n:]
        return n


class ZstdWriter(io.RawIOBase):
    """Writes one Zstandard frame to ``raw``; :meth:`close` ends the frame."""

    def __init__(self, raw: BinaryIO, level: int = 3):
        self._raw = raw
        self._obj = _zstandard().ZstdCompressor(level=level).compressobj()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._raw.write(self._obj.compress(bytes(data)))
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._raw.write(self._obj.flush())
        super().close()


def open_reader(raw: BinaryIO, compression: str) -> BinaryIO:
    """A decompressing reader over the binary stream ``raw``."""
    # Each module is imported when its format is met: start-up stays short.
    # The file objects of gzip, bz2 and lzma are binary streams, not typing.BinaryIO subclasses.
    import bz2
    import gzip
    import lzma

    if compression == "gzip":
        return cast(BinaryIO, gzip.GzipFile(fileobj=raw, mode="rb"))
    if compression == "bzip2":
        return cast(BinaryIO, bz2.BZ2File(raw, "rb"))
    if compression == "xz":
        return cast(BinaryIO, lzma.LZMAFile(raw, "rb"))
    if compression == "zstd":
        return io.BufferedReader(ZstdReader(raw), buffer_size=_READ_CHUNK)
    raise ValueError(f"unknown compression {compression!r}")


def open_writer(raw: BinaryIO, compression: str) -> BinaryIO:
    """A compressing writer over ``raw``: one member (gzip) or stream (bzip2,
    xz) or frame (zstd), ended by ``close()``, which leaves ``raw`` open.
    Levels are the command-line tools' defaults (gzip 6, bzip2 9, xz 6, zstd 3).
    The gzip header carries no name and no time, so output is reproducible."""
    import bz2
    import gzip
    import lzma

    if compression == "gzip":
        gz = gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, filename="", mtime=0)
        return cast(BinaryIO, gz)
    if compression == "bzip2":
        return cast(BinaryIO, bz2.BZ2File(raw, "wb"))
    if compression == "xz":
        return cast(BinaryIO, lzma.LZMAFile(raw, "wb"))
    if compression == "zstd":
        return cast(BinaryIO, ZstdWriter(raw))
    raise ValueError(f"unknown compression {compression!r}")


def decompression_errors() -> tuple[type[BaseException], ...]:
    """Exceptions a decompressing reader raises on corrupt data."""
    import lzma
    import zlib

    errors: list[type[BaseException]] = [OSError, zlib.error, lzma.LZMAError, ValueError]
    try:
        import zstandard

        errors.append(zstandard.ZstdError)
    except ImportError:
        pass
    return tuple(errors)


class CheckedReader:
    """Reads a (possibly decompressing) stream, counting the bytes it gives and
    turning a truncated or corrupt compressed stream into an :class:`InputError`
    that names the file and the decompressed offset reached."""

    def __init__(self, stream: BinaryIO, name: str, compression: str | None):
        self._stream = stream
        self.name = name
        self.compression = compression
        self.position = 0  # decompressed bytes read so far
        self._errors = decompression_errors() if compression else (OSError,)

    def read(self, n: int) -> bytes:
        try:
            data = self._stream.read(n)
        except EOFError:
            raise InputError(
                self.name,
                f"{self.compression} data ends early (truncated file?) after "
                f"{self.position} bytes of decompressed data",
            ) from None
        except self._errors as e:
            if self.compression is None:
                # Without compression the errors caught are OSErrors, which have strerror.
                reason = getattr(e, "strerror", None) or e
                raise InputError(self.name, f"cannot read: {reason}") from None
            raise InputError(
                Place(self.name, offset=self.position),
                f"corrupt {self.compression} data: {e}",
            ) from None
        self.position += len(data)
        return data
