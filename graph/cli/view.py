"""``govkg view [GRAPH]``: write the interactive HTML view of a graph."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from govkg.graph.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    EXIT_USAGE,
    error,
    graph_argument,
    tables_or_fail,
)
from govkg.graph.network import KINDS
from govkg.graph.outputs import atomic_write
from govkg.graph.sharded import tables_of
from govkg.graph.tables import officials_named_in
from govkg.graph.view import DEFAULT_MAX_NODES, render_html, tables_view

HELP = "write the interactive HTML view of a graph"


def _iso_date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def view_arguments(parser: argparse.ArgumentParser) -> None:
    graph_argument(parser)
    parser.add_argument(
        "--person", action="append", default=None, metavar="NAME", help="centre on an official (repeatable)"
    )
    parser.add_argument("--hops", type=int, default=2, help="edges around --person to show (default: 2)")
    parser.add_argument(
        "--since", type=_iso_date, default=None, metavar="DATE", help="events on or after DATE"
    )
    parser.add_argument(
        "--until", type=_iso_date, default=None, metavar="DATE", help="events on or before DATE"
    )
    parser.add_argument(
        "--types",
        nargs="+",
        choices=list(KINDS),
        default=None,
        metavar="KIND",
        help=f"node kinds to show: {', '.join(KINDS)} (default: all)",
    )
    parser.add_argument(
        "--max-nodes",
        type=int,
        default=DEFAULT_MAX_NODES,
        help=f"above this, keep the most connected part (default: {DEFAULT_MAX_NODES})",
    )
    parser.add_argument(
        "-o", "--output", type=Path, default=None, help="HTML file to write (default: view.html beside GRAPH)"
    )


def view_cli(args: argparse.Namespace) -> int:
    if args.hops < 0 or args.max_nodes < 1:
        error("--hops must be 0 or more and --max-nodes at least 1")
        return EXIT_USAGE
    if args.since and args.until and args.since > args.until:
        error("--since is after --until")
        return EXIT_USAGE
    with tables_or_fail(args.graph, tables_of, "view") as tables:
        if tables is None:
            return EXIT_FAIL
        if args.person and not officials_named_in(tables, args.person):
            error(f"no official named {'、'.join(args.person)} in {args.graph}")
            return EXIT_FAIL
        view = tables_view(
            tables,
            persons=args.person,
            hops=args.hops,
            since=args.since,
            until=args.until,
            kinds=args.types,
            max_nodes=args.max_nodes,
        )
    beside = args.graph if args.graph.is_dir() else args.graph.parent  # a build folder, or a file's
    output = args.output or beside / "view.html"
    try:
        atomic_write(output, render_html(view, title=f"govkg: {args.graph.name}"))
    except OSError as exc:
        error(f"cannot write {output}: {exc}")
        return EXIT_FAIL
    shown = f"{view.net.number_of_nodes()} nodes, {view.net.number_of_edges()} edges"
    if view.trimmed:
        left = sum(view.left_out.values())
        shown += f" (the most connected part: {left} nodes left out; the whole network is in the GEXF export)"
    print(f"wrote {output}: {shown}")
    return EXIT_OK
