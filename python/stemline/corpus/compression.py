"""Compressed files: recognised by extension and by magic bytes, read as a stream.

Four formats: gzip (``.gz``), bzip2 (``.bz2``), xz (``.xz``) and Zstandard
(``.zst``, needs the ``zstandard`` package, imported only when such a file is
met). Reading never loads a whole file, nor a whole decompressed block (a
few kilobytes of Zstandard can hold a gigabyte of one letter): output comes
a bounded piece at a time. Concatenated members, streams or frames are read
as one stream (that is what ``cat a.gz b.gz`` gives, and what stemline
itself writes with ``--resume``).

Every compressed stream is read to its end, by the same rule as on the
native path: after the last member, stream or frame comes either nothing,
or the padding the format's own tool accepts (NUL bytes after a gzip
member, as ``gzip -d`` and Python's ``gzip`` take them; xz stream padding,
NUL bytes in fours, as ``xz -d`` takes it; Zstandard skippable frames).
Anything else, a corrupt further stream or trailing garbage, is an error
(Python's own bzip2 and xz readers stop quietly there, and the data after
it would be lost).

The magic bytes decide: a compressed file is decompressed whatever its name
(standard input too), and a file whose name says ``.gz`` but whose bytes are
not gzip is an error rather than a guess. A compressed stream that ends early
(a truncated download, a killed writer) is an error naming the file and how
much decompressed data came before the cut.
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
#: Most decompressed bytes asked for at a time (see :class:`CheckedReader`).
STEP_BYTES = 1 << 14


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


class Streams(io.RawIOBase):
    """bzip2 or xz data: one stream or several in a row, read to the end.

    Python's own ``BZ2File`` and ``LZMAFile`` stop quietly at the first data
    after a stream that is not another good stream (a corrupt second stream,
    garbage); here that is an error, as it is to ``xz -d`` and on the native
    path. ``padding`` is the size of the units of NUL bytes allowed between
    and after streams (xz's stream padding: 4), or 0 for none (bzip2). Output
    is produced at most ``len(buffer)`` bytes at a time, however well the
    data compresses."""

    def __init__(self, raw: BinaryIO, new: Any, padding: int = 0):
        self._raw = raw
        self._new = new  # makes one stream's decompressor
        self._padding = padding
        self._dec: Any = None  # the current stream's decompressor, None between streams
        self._input = b""  # read and not yet fed

    def readable(self) -> bool:
        return True

    def _more(self) -> bytes:
        data = self._input or self._raw.read(_READ_CHUNK)
        self._input = b""
        return data

    def _next_stream(self) -> bool:
        """Between streams: skips padding; False at the end of the data."""
        nuls = 0
        while True:
            data = self._more()
            if not data:
                break
            start = len(data) - len(data.lstrip(b"\0")) if self._padding else 0
            nuls += start
            if start < len(data):
                self._input = data[start:]
                break
        if nuls and (not self._padding or nuls % self._padding):
            raise ValueError(f"{nuls} NUL bytes of padding, not a multiple of {self._padding}")
        if not self._input:
            return False
        self._dec = self._new()
        return True

    def readinto(self, buffer: Any) -> int:
        while True:
            if self._dec is None and not self._next_stream():
                return 0
            data = b""
            if self._dec.needs_input:
                data = self._more()
                if not data:
                    raise EOFError("Compressed file ended before the end-of-stream marker")
            out = self._dec.decompress(data, len(buffer))
            if self._dec.eof:
                self._input = self._dec.unused_data
                self._dec = None
            if out:
                buffer[: len(out)] = out
                return len(out)


class _ZstdFrames:
    """Passes a Zstandard stream's bytes on while following its frames (their
    headers and block sizes, not their content), so that at the end it is
    known whether the last frame was complete: ``zstandard``'s stream reader
    says nothing when the data ends inside one (a truncated file)."""

    _MAGIC = b"\x28\xb5\x2f\xfd"

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._state = "magic"
        self._want = 4  # header bytes to gather for the state
        self._got = b""
        self._skip = 0  # content bytes to pass over
        self._checksum = False

    @property
    def between_frames(self) -> bool:
        return self._state == "magic" and not self._got and not self._skip

    def read(self, n: int = -1) -> bytes:
        data = self._raw.read(n)
        view = memoryview(data)
        while view:
            if self._skip:
                step = min(self._skip, len(view))
                self._skip -= step
                view = view[step:]
                continue
            step = min(self._want - len(self._got), len(view))
            self._got += bytes(view[:step])
            view = view[step:]
            if len(self._got) == self._want:
                header, self._got = self._got, b""
                self._header(header)
        return data

    def _header(self, header: bytes) -> None:
        state = self._state
        if state == "magic":
            if header == self._MAGIC:
                self._state, self._want = "descriptor", 1
            elif header[0] & 0xF0 == 0x50 and header[1:] == b"\x2a\x4d\x18":
                self._state, self._want = "skippable", 4
            else:  # not a frame: the decompressor says so
                self._state, self._skip = "magic", 1 << 62
        elif state == "descriptor":
            d = header[0]
            single = (d >> 5) & 1
            self._checksum = bool((d >> 2) & 1)
            rest = (1 - single) + (0, 1, 2, 4)[d & 3] + (single, 2, 4, 8)[d >> 6]
            self._state, self._want = "block", 3
            self._skip = rest
        elif state == "block":
            h = int.from_bytes(header, "little")
            self._skip = 1 if (h >> 1) & 3 == 1 else h >> 3  # an RLE block holds one byte
            if h & 1:  # the last block
                self._state, self._want = ("checksum", 4) if self._checksum else ("magic", 4)
        elif state == "checksum":
            self._state, self._want = "magic", 4
        elif state == "skippable":
            self._skip = int.from_bytes(header, "little")
            self._state, self._want = "magic", 4


class ZstdReader(io.RawIOBase):
    """A Zstandard stream of one or more frames, read incrementally, at most
    ``len(buffer)`` bytes of output at a time (a small file can hold a huge
    run of one byte); raises EOFError when the data ends inside a frame."""

    def __init__(self, raw: BinaryIO):
        self._frames = _ZstdFrames(raw)
        self._reader = (
            _zstandard()
            .ZstdDecompressor()
            .stream_reader(self._frames, read_size=_READ_CHUNK, read_across_frames=True)
        )

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        # read1: one step at a time, so that the output before corrupt data
        # is handed on (and counted) before the error is.
        data = self._reader.read1(len(buffer)) or self._reader.read(len(buffer))
        if not data and not self._frames.between_frames:
            raise EOFError("Compressed file ended before the end-of-frame marker")
        buffer[: len(data)] = data
        return len(data)


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
        return io.BufferedReader(Streams(raw, bz2.BZ2Decompressor), buffer_size=_READ_CHUNK)
    if compression == "xz":
        streams = Streams(raw, lambda: lzma.LZMADecompressor(lzma.FORMAT_XZ), padding=4)
        return io.BufferedReader(streams, buffer_size=_READ_CHUNK)
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
    that names the file and the decompressed offset reached: every byte the
    stream gave before it failed counts, not only those of the reads before
    the one that failed (a read asks for a mebibyte at a time)."""

    def __init__(self, stream: BinaryIO, name: str, compression: str | None):
        self._stream = stream
        self._read1 = getattr(stream, "read1", stream.read)
        self.name = name
        self.compression = compression
        # Plain bytes fail only as a whole (an I/O error): no steps for them.
        self._step = STEP_BYTES if compression else 1 << 62
        self.position = 0  # decompressed bytes read so far
        self._errors = decompression_errors() if compression else (OSError,)

    def read(self, n: int) -> bytes:
        pieces: list[bytes] = []
        got = 0
        try:
            while got < n:
                # A step at a time: a decoder that fails drops what it made in
                # that call, so the place it gives is at most a step short
                # (the native reader asks as much).
                piece = self._read1(min(n - got, self._step))
                if not piece:
                    break
                pieces.append(piece)
                got += len(piece)
        except EOFError:
            raise InputError(
                self.name,
                f"{self.compression} data ends early (truncated file?) after "
                f"{self.position + got} bytes of decompressed data",
            ) from None
        except self._errors as e:
            if self.compression is None:
                # Without compression the errors caught are OSErrors, which have strerror.
                reason = getattr(e, "strerror", None) or e
                raise InputError(self.name, f"cannot read: {reason}") from None
            raise InputError(
                Place(self.name, offset=self.position + got),
                f"corrupt {self.compression} data: {e}",
            ) from None
        self.position += got
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)
