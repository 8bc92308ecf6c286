"""Every option of the command line, declared here or made here from a declaration.

The input settings (:class:`stemline.corpus.InputSpec`) and the pipeline's
(:class:`stemline.settings.Settings`) are declared once, as fields of their
settings objects; :func:`settings_options` turns each declared field into its
click option and hands the command the settings object itself, so a new
setting needs no edit here. The options that belong to the command line alone
(the outputs, ``-j``, ``-q``, ``--stats``) are declared below. Every command
takes the same options in the same words (``stemline normalize``, ``vocab``
and ``report``).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from stemline.corpus.formats import OUTPUT_FORMATS
from stemline.corpus.options import InputSpec, parse_size
from stemline.corpus.problems import JobUsageError
from stemline.settings import Option, Settings, options

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


#: The largest count or size an option takes; a larger one means the same
#: (no limit) and is taken as this, which every integer the native core
#: holds can represent (a value past 64 bits was an OverflowError there).
LARGEST = (1 << 63) - 1


class SizeType(click.ParamType):  # type: ignore[type-arg]  # generic in newer click only
    """A byte count: ``1500``, ``64M``, ``1G`` (see :func:`parse_size`), at
    most :data:`LARGEST`."""

    name = "SIZE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            size = parse_size(value)
        except ValueError as e:
            self.fail(str(e), param, ctx)
        if size < 1:
            self.fail("must be at least 1 byte", param, ctx)
        return min(size, LARGEST)


class CountType(click.IntRange):
    """An integer of at least ``min``; above :data:`LARGEST` it is taken as
    that (more threads than the core runs, a minimum length longer than any
    token, mean the same), never a number the native core cannot hold."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return min(super().convert(value, param, ctx), LARGEST)


def count_type(minimum: int = 0) -> click.IntRange:
    """:class:`CountType` of at least ``minimum``."""
    return CountType(min=minimum)


class TextType(click.ParamType):  # type: ignore[type-arg]  # generic in newer click only
    """Text: a name in the data (a field, a column) or a title, which must be
    Unicode text; bytes that are not UTF-8 in the command line (held by
    Python with surrogate escapes) are a usage error, not an internal one."""

    name = "TEXT"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as e:
            bad = text[e.start : e.end].encode("utf-8", "surrogateescape").hex(" ")
            self.fail(f"not UTF-8 text (byte(s) {bad})", param, ctx)
        return text


def size_text(n: int) -> str:
    """A byte count as ``--help`` shows a default: ``64M``.

    >>> size_text(64 << 20), size_text(1500)
    ('64M', '1500')
    """
    for unit, shift in (("T", 40), ("G", 30), ("M", 20), ("K", 10)):
        if n >= 1 << shift and n % (1 << shift) == 0:
            return f"{n >> shift}{unit}"
    return str(n)


def _click_option(name: str, option: Option, default: Any) -> Decorator:
    """The click option a declared setting stands for."""
    flags = option.flags or (f"--{name.replace('_', '-')}",)
    kwargs: dict[str, Any] = {"help": option.help, "default": default, "show_default": True}
    if option.kind == "flag":
        kwargs.update(is_flag=True, show_default=False)
    elif option.kind == "choice":
        assert option.choices is not None
        kwargs["type"] = click.Choice(tuple(option.choices()))
        kwargs["show_default"] = default is not None
    elif option.kind == "count":
        kwargs["type"] = count_type(option.minimum)
    elif option.kind == "size":
        kwargs.update(type=SizeType(), default=size_text(default))
    elif option.kind == "many":
        kwargs.update(multiple=True, show_default=False, default=())
    elif option.kind == "text":
        kwargs["type"] = TextType()
    if option.metavar:
        kwargs["metavar"] = option.metavar
    return click.option(*flags, name, **kwargs)


def settings_options(settings: type[Any], keyword: str, **check: Any) -> Decorator:
    """Click decorator: an option for every declared field of ``settings``,
    handed to the command as one object, ``keyword=settings(...)``, checked
    (``settings.check(**check)``) when it has a check."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        declared = list(options(settings))
        defaults = settings._field_defaults

        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            values = {name: kwargs.pop(name) for name, _ in declared}
            for name, option in declared:
                if option.kind == "many":
                    values[name] = tuple(values[name])
            made = settings(**values)
            if hasattr(made, "check"):
                # Settings that cannot work together are a usage error, said
                # before any input is read.
                try:
                    made = made.check(**check)
                except ValueError as e:
                    raise JobUsageError(str(e)) from None
            return command(*args, **{keyword: made}, **kwargs)

        decorated: Callable[..., Any] = wrapper
        for name, option in reversed(declared):
            decorated = _click_option(name, option, defaults[name])(decorated)
        return decorated

    return decorate


#: Input options naming the text of one kind of input: each must apply to an input.
_TEXT_OPTIONS = ("field", "column", "lines")


def input_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Click decorator: PATHS and the input options, passed on as ``inputs=InputSpec(...)``."""

    @settings_options(InputSpec, "inputs")
    @functools.wraps(command)
    def with_inputs(*args: Any, inputs: InputSpec, paths: tuple[str, ...], **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        given = tuple(
            name
            for name in _TEXT_OPTIONS
            if ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT
        )
        if not paths and _is_terminal(sys.stdin):
            raise JobUsageError(
                "no input: give files or folders, or pipe text in (- reads the terminal)"
            )
        return command(*args, inputs=inputs._replace(paths=tuple(paths), given=given), **kwargs)

    # readable=False: a file that cannot be read is bad input (exit code 1,
    # from the reader), not a usage error.
    return click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, readable=False))(
        with_inputs
    )


def pipeline_options(command: Callable[..., Any], **check: Any) -> Callable[..., Any]:
    """Click decorator: every pipeline setting (``--stemmer``, the filters, ...)
    as ``settings=Settings(...)``, and ``-j/--workers`` as ``workers``. ``check``
    goes to :meth:`Settings.check` (what else the command reads ``--language`` for)."""
    command = click.option(
        "-j",
        "--workers",
        type=count_type(0),
        default=0,
        show_default=True,
        help="Threads; 0 means one per core.",
    )(command)
    return settings_options(Settings, "settings", **check)(command)


def output_option(help: str) -> Decorator:
    """Click decorator: ``-o/--output``, a file or ``-`` (the default) for standard output."""
    return click.option(
        "-o",
        "--output",
        default="-",
        show_default=True,
        # A folder is refused by the output layer: an output that cannot be
        # written is exit code 3, whichever way it cannot be.
        type=click.Path(allow_dash=True),
        help=help,
    )


def record_output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Click decorator: where and how ``normalize`` writes its records."""
    params = [
        output_option(
            "Write to this file (renamed into place when complete; .gz .bz2 .xz .zst "
            "compress); default standard output."
        ),
        click.option(
            "--output-dir",
            type=click.Path(),
            help="Write one output file per input here, mirroring the input folders.",
        ),
        click.option(
            "--output-format",
            type=click.Choice(OUTPUT_FORMATS),
            default="auto",
            show_default=True,
            help="lines: the normalized text only; jsonl, csv, tsv, parquet: every input "
            "field plus the normalized text. auto: by the -o name, else lines (with "
            "--output-dir: the input's own format).",
        ),
        click.option(
            "--output-field",
            type=TextType(),
            default="normalized",
            show_default=True,
            help="Name of the normalized text's field or column.",
        ),
    ]
    for param in reversed(params):
        command = param(command)
    return command


def run_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Click decorator: ``-q/--quiet`` and ``--stats``, the same on every command."""
    command = click.option(
        "--stats",
        is_flag=True,
        help="Print the summary line on stderr even when it is not a terminal.",
    )(command)
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        help="No progress bar and no summary line.",
    )(command)


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False
