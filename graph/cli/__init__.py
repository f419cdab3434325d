"""The ``govkg`` command: a thin shell over the Python API.

One module per command (``build``, ``check``, ``query``, ...): it adds its
arguments to a parser and turns the parsed arguments into a call of one plain,
importable function of ``govkg.graph``, then prints. Shared exit statuses, the
GRAPH argument and error messages are in :mod:`govkg.graph.cli.common`. No
module outside this package imports argparse or the command line.

Exit status: 0 everything read and written; 1 a failure (nothing built, a
file that cannot be written, a graph that does not conform); 2 a usage
error; 3 the build finished but skipped some inputs.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Iterator, Mapping
from importlib import import_module
from typing import NamedTuple

from govkg.graph.cli.common import (
    DEFAULT_GRAPH,
    EXIT_FAIL,
    EXIT_OK,
    EXIT_SKIPPED,
    EXIT_STATUS,
    EXIT_USAGE,
    error,
    graph_argument,
    graph_problem,
)
from govkg.graph.interrupts import exit_status, interruptible
from govkg.graph.version import __version__

__all__ = [
    "COMMANDS",
    "DEFAULT_GRAPH",
    "EXIT_FAIL",
    "EXIT_OK",
    "EXIT_SKIPPED",
    "EXIT_USAGE",
    "Command",
    "graph_argument",
    "main",
    "make_parser",
]


class Command(NamedTuple):
    """A sub-command: its one-line help, what it adds to its parser, and what it runs."""

    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


class _Commands(Mapping[str, "Command"]):
    """The sub-commands by name; a command's module is imported when it is first looked up.

    Module ``govkg.graph.cli.NAME`` gives ``HELP``, ``NAME_arguments`` and
    ``NAME_cli``. Running one command imports only its own module, so that
    ``govkg query`` does not load extraction (``build``) or the server.
    """

    def __init__(self, names: tuple[str, ...]) -> None:
        self._names = names
        self._loaded: dict[str, Command] = {}

    def __getitem__(self, name: str) -> Command:
        if name not in self._names:
            raise KeyError(name)
        if name not in self._loaded:
            module = import_module(f"{__name__}.{name}")
            self._loaded[name] = Command(
                module.HELP, getattr(module, f"{name}_arguments"), getattr(module, f"{name}_cli")
            )
        return self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


# The sub-commands, named in one place (a test looks every one up).
COMMANDS: Mapping[str, Command] = _Commands(
    ("build", "remove", "check", "query", "serve", "site", "view", "stats", "person", "export", "show")
)


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of ``govkg`` and all its sub-commands, or with ``command`` the arguments of that one
    only (the others are named, so that a wrong name is told the choices, but not imported).
    """
    parser = argparse.ArgumentParser(
        prog="govkg",
        description="Chinese government press releases to a knowledge graph.",
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"govkg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        if command in COMMANDS and name != command:
            sub.add_parser(name)
            continue
        found = COMMANDS[name]
        command_parser = sub.add_parser(
            name,
            help=found.help,
            description=found.help,
            epilog=EXIT_STATUS,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        found.arguments(command_parser)
        command_parser.set_defaults(run=found.run, command_parser=command_parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # the command is the first word that is not an option (``govkg`` itself takes no values)
    parser = make_parser(next((word for word in argv if not word.startswith("-")), None))
    # Unknown flags are the sub-command's to report, with its own usage (argparse would
    # otherwise print the top-level usage for ``govkg build --bogus``).
    args, unknown = parser.parse_known_args(argv)
    if not args.command:
        if unknown:
            parser.error(f"unrecognized arguments: {' '.join(unknown)}")
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if unknown:
        args.command_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    # A GRAPH that is not there, or not a graph, is said the same way by every command.
    problem = graph_problem(getattr(args, "graph", None))
    if problem:
        error(problem, args.command)
        return EXIT_USAGE
    try:
        with interruptible():  # SIGTERM unwinds like Ctrl-C: staging folders and children are cleaned up
            return args.run(args)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt as interrupt:
        status = exit_status(interrupt)
        print(f"govkg: interrupted by {signal.Signals(status - 128).name}", file=sys.stderr)
        return status
