"""``govkg build [INPUT ...] [-o FOLDER]``: build the graph and write its files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govkg.graph.build import build, sample_paths, stderr_progress
from govkg.graph.check import check_build, format_report
from govkg.graph.cli.common import EXIT_FAIL, EXIT_INTERRUPTED, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, error
from govkg.graph.outputs import write_outputs

HELP = "build the graph of release files and folders"


def build_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs", nargs="*", type=Path, help="release files or folders (default: the bundled samples)"
    )
    parser.add_argument("-o", "--output", type=Path, default=None, help="output folder (default: ./output)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    parser.add_argument(
        "--no-check",
        action="store_true",
        help="skip the SHACL check of the built graph (a large build checks a sample of its releases)",
    )


def build_cli(args: argparse.Namespace) -> int:
    inputs = args.inputs or sample_paths()
    outdir = args.output or Path("output")
    for item in inputs:
        if not Path(item).exists():
            error(f"{item}: no such file or folder")
            return EXIT_USAGE
    progress = stderr_progress if sys.stderr.isatty() and not args.quiet else None
    try:
        result = build(inputs, progress=progress)
    except KeyboardInterrupt:
        error("interrupted, nothing written")
        return EXIT_INTERRUPTED
    for problem in result.errors:
        error(f"skipped {problem}")
    if not result.extractions:
        error("no release could be read, nothing written")
        return EXIT_FAIL
    try:
        written = write_outputs(result, outdir)
    except OSError as exc:
        error(f"cannot write to {outdir}: {exc}")
        return EXIT_FAIL
    report = None
    if not args.no_check:  # the graph checks itself against ontology/shapes.ttl (graph/check.py)
        report = check_build(result)
        if not report.conforms:
            print(format_report(report), file=sys.stderr)
    if not args.quiet:
        print(result.summary())
        print(report.summary() if report else "SHACL check: skipped (--no-check)")
        for path in written.values():
            print(f"  wrote {path}")
    if report is not None and not report.conforms:
        return EXIT_FAIL
    return EXIT_SKIPPED if result.errors else EXIT_OK
