"""The command line's commands, one module each, and their options.

``normalize``, ``vocab`` and ``report`` each live in their own module, imported
only when run (see ``stemline.cli.LAZY_COMMANDS``); every click declaration is
in :mod:`stemline.commands.options`, made from the settings' own declarations
where a setting exists beyond the command line. Each reads its inputs and
writes its output through the corpus layer's one runner
(:class:`stemline.corpus.run.CorpusRun`) and output layer
(:mod:`stemline.corpus.outputs`).
"""
