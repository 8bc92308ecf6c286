"""Start-up: the character tables come from a disk cache when it is sound, and
are rebuilt (never trusted) when it is corrupt, stale or unwritable."""

from __future__ import annotations

import json
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


# What a short command imports: `stemline normalize FILE` loads only what it
# uses. Each probe runs the real program (stemline.__main__, as the console
# script does) in a fresh process and reports, at exit, which of these modules
# it imported.
NOT_FOR_NORMALIZE = (
    "stemline.commands.vocab",
    "stemline.commands.report",
    "stemline.vocabulary",
    "stemline.report",
    "stemline.lemmatize",  # WordNet's lists, read only by the lemmatizer
    "stemline.corpus.readers",  # the Python readers: the native path reads
    "stemline.corpus.writers.jsonl",
    "stemline.corpus.writers.delimited",
    "stemline.corpus.writers.parquet",
    "pyarrow",
    "zstandard",
    "csv",
    "tempfile",  # standard output needs no temporary file
    "hashlib",  # only --resume fingerprints the job
    "concurrent.futures",  # the Python path's thread pool
    "tqdm",  # no progress bar on a pipe
    "matplotlib",
    "importlib.metadata",
    "regex",  # the character tables come from the cache
    "nltk",
)

_PROBE = """
import atexit, json, sys
watched = json.loads(sys.argv[1])
seen = lambda: [m for m in watched if m in sys.modules]
atexit.register(lambda: print(json.dumps(seen()), file=sys.stderr))
sys.argv = ["stemline", *sys.argv[2:]]
from stemline.__main__ import command_line
command_line()
"""


def _imported(args: list[str], cache_home: Path, watched: tuple[str, ...]) -> tuple[str, list[str]]:
    """Runs ``stemline ARGS`` (standard output a pipe); returns its output and
    which ``watched`` modules it imported."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    env.pop("STEMLINE_NO_CACHE", None)
    # The character tables' cache, as after any first run.
    subprocess.run([sys.executable, "-c", "import stemline; stemline.normalize('x')"], env=env)
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(watched), *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout, json.loads(out.stderr.strip().splitlines()[-1])


ARTICLE = Path(__file__).parent.parent / "examples" / "article.txt"


def test_normalize_file_imports_only_what_it_uses(tmp_path):
    import stemline

    out, imported = _imported(["normalize", str(ARTICLE)], tmp_path, NOT_FOR_NORMALIZE)
    assert out == stemline.normalize(ARTICLE.read_text(encoding="utf-8")) + "\n"
    assert imported == []


def test_the_probe_sees_what_other_commands_import(tmp_path):
    # The same probe on commands that need them: it does see imports.
    src = tmp_path / "docs.txt"
    src.write_text("Cats ran.\nDogs run.\n", encoding="utf-8")
    watched = ("stemline.commands.vocab", "stemline.vocabulary", "stemline.corpus.readers")
    out, imported = _imported(["vocab", "--lines", str(src)], tmp_path, watched)
    assert out.startswith("stem\tcount")
    assert imported == list(watched)
    watched = ("stemline.corpus.writers.jsonl", "hashlib")
    output = tmp_path / "out.jsonl"
    args = ["normalize", "--lines", str(src), "-o", str(output), "--resume"]
    _, imported = _imported(args, tmp_path, watched)
    assert imported == list(watched)
    assert output.read_text().count('"normalized"') == 2
    _, imported = _imported(["normalize", str(src), "-o", str(output)], tmp_path, ("tempfile",))
    assert imported == ["tempfile"]


def test_help_lists_every_command_without_importing_them(tmp_path):
    from stemline.cli import LAZY_COMMANDS

    watched = tuple(module for module, _ in LAZY_COMMANDS.values())
    out, imported = _imported(["--help"], tmp_path, watched)
    assert imported == []
    listed = out.split("Commands:")[1].split("\n\n")[0]
    for name, (_, summary) in LAZY_COMMANDS.items():
        # Each command's whole summary, a sentence that ends where it ends.
        assert name in listed.split()
        assert " ".join(summary.split()) in " ".join(listed.split())
        assert summary.endswith(".")


def test_the_help_table_says_what_each_command_says(monkeypatch):
    # `stemline --help` lists a lazy command with its summary from
    # LAZY_COMMANDS, which is the command's own, whole, at any width.
    import importlib

    import click
    from click.testing import CliRunner

    from stemline.cli import LAZY_COMMANDS, main

    for name, (module, summary) in LAZY_COMMANDS.items():
        command = getattr(importlib.import_module(module), name)
        assert command.short_help == summary
        for limit in range(5, 160):
            assert command.get_short_help_str(limit) == summary
    # Listed before and after the commands are loaded: the same page.
    runner = CliRunner()
    for width in ("40", "80", "200"):
        monkeypatch.setenv("COLUMNS", width)
        before = runner.invoke(main, ["--help"]).output
        for name in LAZY_COMMANDS:
            assert main.get_command(click.Context(main), name) is not None
        assert runner.invoke(main, ["--help"]).output == before
