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
from collections.abc import Callable
from typing import NamedTuple

from govkg.graph.cli import build, check, export, person, query, remove, serve, show, site, stats, view
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


# The sub-commands, filled in one place: a renamed function fails here, at import.
COMMANDS: dict[str, Command] = {
    "build": Command(build.HELP, build.build_arguments, build.build_cli),
    "remove": Command(remove.HELP, remove.remove_arguments, remove.remove_cli),
    "check": Command(check.HELP, check.check_arguments, check.check_cli),
    "query": Command(query.HELP, query.query_arguments, query.query_cli),
    "serve": Command(serve.HELP, serve.serve_arguments, serve.serve_cli),
    "site": Command(site.HELP, site.site_arguments, site.site_cli),
    "view": Command(view.HELP, view.view_arguments, view.view_cli),
    "stats": Command(stats.HELP, stats.stats_arguments, stats.stats_cli),
    "person": Command(person.HELP, person.person_arguments, person.person_cli),
    "export": Command(export.HELP, export.export_arguments, export.export_cli),
    "show": Command(show.HELP, show.show_arguments, show.show_cli),
}


def make_parser() -> argparse.ArgumentParser:
    """The parser of ``govkg`` and all its sub-commands."""
    parser = argparse.ArgumentParser(
        prog="govkg",
        description="Chinese government press releases to a knowledge graph.",
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"govkg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        command_parser = sub.add_parser(
            name,
            help=command.help,
            description=command.help,
            epilog=EXIT_STATUS,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.arguments(command_parser)
        command_parser.set_defaults(run=command.run, command_parser=command_parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
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
