"""``stemline completions SHELL``: the shell's completion script for stemline.

The script is click's, made from the same option declarations as ``--help``
(:mod:`stemline.commands.options`): at each Tab the shell asks ``stemline``
itself what fits there, so a new command, option or choice (a stemmer, a
format) completes without a new script.
"""

from __future__ import annotations

import click

from stemline.corpus.problems import exit_codes_text

#: The shells click writes completion scripts for.
SHELLS = ("bash", "zsh", "fish")


@click.command(
    epilog=exit_codes_text(), short_help="Print the shell completion script for stemline."
)
@click.argument("shell", type=click.Choice(SHELLS))
def completions(shell: str) -> None:
    """Print the completion script of SHELL (bash, zsh or fish) for stemline.

    Install it where the shell looks for completions, then start a new shell:

    \b
      stemline completions bash > ~/.local/share/bash-completion/completions/stemline
      stemline completions zsh > "${fpath[1]}/_stemline"
      stemline completions fish > ~/.config/fish/completions/stemline.fish

    Or, for the current bash session only: eval "$(stemline completions bash)".
    """
    from click.shell_completion import get_completion_class

    from stemline.cli import main

    complete = get_completion_class(shell)
    assert complete is not None  # every shell of SHELLS has one
    click.echo(complete(main, {}, "stemline", "_STEMLINE_COMPLETE").source())
