"""The manual pages of the command line, written from its own declarations.

``python -m stemline.commands.manpage DIR`` (``make man``) writes
``stemline.1`` and one ``stemline-COMMAND.1`` per command into DIR, in roff,
from the same click commands and option declarations as ``--help``: the
summary, the description with its examples, every option with its choices
and default, and the exit codes. The pages ship in the source distribution
(``man/``); a test checks that they are what this module writes now.

>>> page = pages()["stemline-vocab.1"]
>>> page.splitlines()[0]
'.TH STEMLINE-VOCAB 1 "" "stemline" "User Commands"'
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import click

from stemline.corpus.problems import EXIT_CODES


def _roff(text: str) -> str:
    """Text as roff shows it: backslashes and dashes escaped, no line taken
    for a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(
        "\\&" + line if line.startswith((".", "'")) else line for line in text.split("\n")
    )


def _paragraphs(help: str) -> list[str]:
    """A command's help text as roff paragraphs; click's ``\\b`` blocks stay as
    written (examples), other paragraphs are filled."""
    out = []
    for block in inspect.cleandoc(help).split("\n\n"):
        if block.startswith("\b\n"):
            out.append(".nf\n" + _roff(block[2:]) + "\n.fi")
        else:
            out.append(_roff(" ".join(block.split())))
    return out


def _page(command: click.Command, ctx: click.Context, see_also: list[str]) -> str:
    path = ctx.command_path.split(" ")
    name = "-".join(path)
    lines = [
        f'.TH {name.upper()} 1 "" "stemline" "User Commands"',
        ".SH NAME",
        f"{_roff(name)} \\- {_roff(command.get_short_help_str(limit=200))}",
        ".SH SYNOPSIS",
        f".B {_roff(' '.join(path))}",
        _roff(" ".join(command.collect_usage_pieces(ctx))),
        ".SH DESCRIPTION",
    ]
    for paragraph in _paragraphs(command.help or ""):
        lines += [".PP", paragraph]
    records = [
        p.get_help_record(ctx) for p in command.get_params(ctx) if isinstance(p, click.Option)
    ]
    if any(records):
        lines.append(".SH OPTIONS")
        for record in records:
            if record is not None:
                names, help = record
                # A list of choices is one long word to roff's tag line: the
                # tag names the option, the paragraph lists its choices.
                if names.endswith("]") and " [" in names:
                    names, choices = names[:-1].split(" [", 1)
                    names += " CHOICE"
                    help = f"One of: {', '.join(choices.split('|'))}. {help}"
                lines += [".TP", f"\\fB{_roff(names)}\\fR", _roff(help)]
    if isinstance(command, click.Group):
        lines.append(".SH COMMANDS")
        for sub in command.list_commands(ctx):
            found = command.get_command(ctx, sub)
            if found is not None:
                lines += [".TP", f"\\fB{_roff(sub)}\\fR", _roff(found.get_short_help_str(200))]
    lines.append(".SH EXIT STATUS")
    for code, meaning in EXIT_CODES:
        lines += [".TP", f"\\fB{code}\\fR", _roff(meaning)]
    lines += [".SH SEE ALSO", ", ".join(f"\\fB{_roff(p)}\\fR(1)" for p in see_also)]
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    """Every manual page, by file name."""
    from stemline.cli import main

    # Contexts as a run makes them (main's settings, -h among the help
    # names, inherited by each command), not bare ones: click keeps a
    # command's help option once made, so a bare context would give pages
    # that depend on whether the command ran before in the process.
    ctx = click.Context(main, info_name="stemline", **main.context_settings)
    names = main.list_commands(ctx)
    every = ["stemline", *(f"stemline-{n}" for n in names)]
    out = {"stemline.1": _page(main, ctx, every[1:])}
    for n in names:
        command = main.get_command(ctx, n)
        assert command is not None
        sub = click.Context(command, info_name=n, parent=ctx)
        out[f"stemline-{n}.1"] = _page(command, sub, [p for p in every if p != f"stemline-{n}"])
    return out


def write(folder: str) -> list[str]:
    """Writes every page into ``folder``; returns their paths."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in pages().items():
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        written.append(str(path))
    return written


if __name__ == "__main__":
    for path in write(sys.argv[1] if len(sys.argv) > 1 else "man"):
        print(path)
