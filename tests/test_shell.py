"""Shell completions and manual pages, made from the command line's own declarations.

The completion scripts are run by the real shells (bash, zsh, fish), asked
what completes where a user presses Tab; the manual pages in ``man/`` must be
what ``make man`` writes now, and render without a warning.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import stemline
from conftest import ROOT, STEMLINE_BIN
from stemline.cli import LAZY_COMMANDS
from stemline.commands import manpage
from stemline.corpus.formats import INPUT_FORMATS

BIN = str(Path(STEMLINE_BIN).parent)


def _script(shell: str) -> str:
    return subprocess.run(
        [STEMLINE_BIN, "completions", shell], capture_output=True, text=True, check=True
    ).stdout


def _bash_complete(words: list[str]) -> list[str]:
    """What bash offers at the last of ``words``, through the installed script."""
    array = " ".join(f"'{w}'" for w in words)
    program = (
        'eval "$(stemline completions bash)"; '
        f"COMP_WORDS=({array}); COMP_CWORD={len(words) - 1}; COMPREPLY=(); "
        '_stemline_completion stemline; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    out = subprocess.run(
        ["bash", "-c", program],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": f"{BIN}:/usr/bin:/bin"},
    )
    return out.stdout.split()


def test_bash_completes_commands_options_and_choices_from_the_code():
    assert _bash_complete(["stemline", ""]) == sorted(LAZY_COMMANDS)
    assert _bash_complete(["stemline", "normalize", "--stem"]) == ["--stemmer"]
    assert _bash_complete(["stemline", "vocab", "--stemmer", ""]) == list(stemline.STEMMERS)
    assert _bash_complete(["stemline", "report", "--format", ""]) == list(INPUT_FORMATS)
    # `complete -p` shows the function bash calls at each Tab.
    registered = subprocess.run(
        ["bash", "-c", 'eval "$(stemline completions bash)"; complete -p stemline'],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": f"{BIN}:/usr/bin:/bin"},
    ).stdout
    assert "-F _stemline_completion stemline" in registered


@pytest.mark.needs("shells")
def test_fish_completes_stemmers():
    script = _script("fish")
    program = f"{script}\ncomplete -C 'stemline normalize --stemmer '"
    out = subprocess.run(
        ["fish", "--no-config", "-c", program],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": f"{BIN}:/usr/bin:/bin"},
    ).stdout
    assert sorted(out.split()) == sorted(stemline.STEMMERS)  # fish sorts what it offers


@pytest.mark.needs("shells")
def test_zsh_loads_its_script():
    program = (
        "autoload -U compinit; compinit -u; "
        'eval "$(stemline completions zsh)"; whence -w _stemline_completion'
    )
    out = subprocess.run(
        ["zsh", "-f", "-c", program],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": f"{BIN}:/usr/bin:/bin", "HOME": "/nonexistent"},
    ).stdout
    assert out.strip() == "_stemline_completion: function"


def test_an_unknown_shell_is_a_usage_error():
    result = subprocess.run([STEMLINE_BIN, "completions", "tcsh"], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.startswith("stemline: error: ") and result.stderr.count("\n") == 1


def test_the_manual_pages_are_current_and_render_cleanly():
    pages = manpage.pages()
    # The same pages after commands ran in this process (click keeps each
    # command's help option once made).
    from click.testing import CliRunner

    from stemline.cli import main

    for args in (["--help"], ["normalize", "--help"], ["vocab", "-h"]):
        assert CliRunner().invoke(main, args).exit_code == 0
    assert manpage.pages() == pages
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "man").glob("*.1")}
    assert committed == pages, "man/ is stale: run make man"
    for name, text in pages.items():
        warnings = subprocess.run(
            ["groff", "-man", "-ww", "-z"], input=text, capture_output=True, text=True
        )
        assert warnings.returncode == 0 and warnings.stderr == "", name
    # Every option of every command is in its page, with its choices.
    normalize = pages["stemline-normalize.1"]
    for flag in ("\\-\\-stemmer", "\\-\\-output\\-format", "\\-\\-max\\-doc\\-size", "\\-j"):
        assert flag in normalize
    assert ", ".join(stemline.STEMMERS) in normalize
