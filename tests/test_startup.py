"""Start-up: the character tables come from a disk cache when it is sound, and
are rebuilt (never trusted) when it is corrupt, stale or unwritable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stemline import _unicode

# The tables the running process builds from its own engines: the truth.
BUILT = _unicode.build_tables()


def _run(cache_home: Path, *, extra_env: dict[str, str] | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "STEMLINE_NO_CACHE"}
    env.update({"XDG_CACHE_HOME": str(cache_home), **(extra_env or {})})
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import stemline; print(stemline.normalize('He said, \"Cannot.\"'))",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stderr == ""
    return out.stdout


def _cache_files(cache_home: Path) -> list[Path]:
    return sorted((cache_home / "stemline").glob("char-tables-*.marshal"))


def test_cache_written_then_read_back_equal_to_built(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    key = _unicode._cache_key()
    path = _unicode._cache_path(key)
    assert path is not None and path.startswith(str(tmp_path))
    assert _unicode._load(path, key) is None  # nothing yet
    _unicode._store(path, key, BUILT)
    assert _unicode._load(path, key) == BUILT
    # Another key (another Python, regex or stemline) never reads these tables.
    assert _unicode._load(path, key + "x") is None


def test_a_new_process_writes_the_cache_and_the_next_uses_it(tmp_path):
    first = _run(tmp_path)
    files = _cache_files(tmp_path)
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    assert _run(tmp_path) == first == "he said , `` can not . ''\n"
    assert files[0].stat().st_mtime_ns == stamp  # read, not rewritten


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data[:-40] + bytes(40),  # zeroed tail: checksum fails
        lambda data: b"not a cache at all",
        lambda data: b"",
    ],
)
def test_a_corrupt_cache_is_rebuilt(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    key = _unicode._cache_key()
    path = _unicode._cache_path(key)
    _unicode._store(path, key, BUILT)
    data = Path(path).read_bytes()
    Path(path).write_bytes(damage(data))
    assert _unicode._load(path, key) is None
    # A process meeting it gives the right output and repairs the file.
    assert _run(tmp_path) == "he said , `` can not . ''\n"
    assert _unicode._load(path, key) == BUILT


def test_tables_with_a_wrong_payload_but_valid_checksum_are_refused(tmp_path, monkeypatch):
    import marshal
    import zlib

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    key = _unicode._cache_key()
    path = _unicode._cache_path(key)
    payload = marshal.dumps((key, (["not", "ranges"], [], [], [], [])))
    os.makedirs(os.path.dirname(path))
    Path(path).write_bytes(marshal.dumps((zlib.crc32(payload), payload)))
    assert _unicode._load(path, key) is None


def test_an_unwritable_cache_folder_only_means_building(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")  # makedirs under a file fails
    assert _run(blocked) == "he said , `` can not . ''\n"
    assert _run(tmp_path, extra_env={"STEMLINE_NO_CACHE": "1"}) == "he said , `` can not . ''\n"
    assert not (tmp_path / "stemline").exists()


def test_version_comes_from_the_native_module():
    import stemline

    assert stemline.__version__ == stemline._native.__version__
    assert stemline.__version__[0].isdigit()


def test_import_stemline_does_not_import_importlib_metadata_or_regex(tmp_path):
    # With the tables cached, neither is needed to normalize.
    _run(tmp_path)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    code = (
        "import sys, stemline; stemline.normalize('x'); "
        "print(sorted(m for m in ('importlib.metadata', 'regex') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr
