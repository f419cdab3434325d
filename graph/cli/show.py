"""``govkg show FILE_OR_RECORD_ID [GRAPH]``: one release with what govkg took from it marked in place."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govkg.graph.cli.common import DEFAULT_GRAPH, EXIT_FAIL, EXIT_OK, EXIT_USAGE, error
from govkg.graph.outputs import atomic_write
from govkg.graph.show import ShowError, render_html, render_text, show
from govkg.graph.sparql import QueryError

HELP = "show one release with every person, title, event, date and role marked in place"


def show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "release", help="a release file (.txt, .html, .json, .jsonl), or a release id of GRAPH"
    )
    parser.add_argument(
        "graph",
        nargs="?",
        type=Path,
        default=None,
        help=f"build folder or graph file to find a release id in (default: {DEFAULT_GRAPH.parent})",
    )
    parser.add_argument("--html", type=Path, default=None, metavar="FILE", help="write an HTML page instead")
    parser.add_argument(
        "--colour",
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the marks (default: on a terminal); without, marks are [words|kind|role]",
    )


def show_cli(args: argparse.Namespace) -> int:
    graph = args.graph
    if graph is None and not Path(args.release).is_file():
        graph = DEFAULT_GRAPH.parent
    if graph is not None and not Path(graph).exists():
        error(f"{graph}: no such graph file or build folder", "show")
        return EXIT_USAGE
    try:
        shown = show(args.release, graph)
    except ShowError as exc:
        error(str(exc), "show")
        return EXIT_USAGE if not Path(args.release).exists() and graph is None else EXIT_FAIL
    except QueryError as exc:
        error(str(exc), "show")
        return EXIT_FAIL
    if args.html:
        try:
            atomic_write(args.html, render_html(shown))
        except OSError as exc:
            error(f"cannot write {args.html}: {exc}", "show")
            return EXIT_FAIL
        print(f"  wrote {args.html}")
        return EXIT_OK
    colour = args.colour == "always" or (args.colour == "auto" and sys.stdout.isatty())
    sys.stdout.write("\n".join(render_text(s, colour) for s in shown))
    return EXIT_OK
