"""``govkg site [GRAPH] -o DIR``: the pages behind the graph's IRIs as a static site."""

from __future__ import annotations

import argparse
from pathlib import Path

from govkg.graph.cli.common import EXIT_FAIL, EXIT_OK, error, graph_argument
from govkg.graph.pages import write_site
from govkg.graph.progress import file_progress, on_terminal
from govkg.graph.sparql import QueryError

HELP = "write the pages of the graph's officials, events and releases as a static site"


def site_arguments(parser: argparse.ArgumentParser) -> None:
    graph_argument(parser)
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="folder to write the site to (default: site/ beside GRAPH)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress or summary")


def site_cli(args: argparse.Namespace) -> int:
    bar = file_progress(on_terminal() and not args.quiet, "writing pages")

    def progress(done: int, total: int) -> None:
        if bar is not None:
            bar(done, total, "")

    output = args.output or (args.graph if args.graph.is_dir() else args.graph.parent) / "site"
    try:
        written = write_site(args.graph, output, progress=progress)
    except QueryError as exc:
        error(str(exc), "site")
        return EXIT_FAIL
    except OSError as exc:
        error(f"cannot write {output}: {exc}", "site")
        return EXIT_FAIL
    if not args.quiet:
        print(f"wrote {written} pages to {output} (open {output / 'index.html'})")
    return EXIT_OK
