"""The ``govkg`` command: a thin shell over the Python API.

Exit status: 0 everything read and written; 1 a failure (nothing built, a
file that cannot be written, a graph that does not conform); 2 a usage
error; 3 the build finished but skipped some inputs.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3

# Where ``govkg build`` writes its graph, and where the other commands look for one.
DEFAULT_GRAPH = Path("output") / "graph.ttl"


def graph_argument(parser: argparse.ArgumentParser) -> None:
    """The optional GRAPH argument of the commands that read a built graph."""
    parser.add_argument(
        "graph",
        nargs="?",
        type=Path,
        default=DEFAULT_GRAPH,
        help=f"graph file: .ttl, .trig, .nt, .nq or .jsonld (default: {DEFAULT_GRAPH})",
    )


# Sub-commands, filled in one place: name -> (help, module). The module (under
# govkg.graph) defines NAME_arguments(parser) and NAME_cli(args) -> exit status.
# Modules are imported when the parser is made; they import heavy libraries
# (pyvis, pyshacl, pyoxigraph) inside the functions that need them.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("build the graph of release files and folders", "govkg.graph.cli"),
    "check": ("validate a graph against the SHACL shapes", "govkg.graph.check"),
    "query": ("run a SPARQL query or a named question on a graph", "govkg.graph.sparql"),
    "serve": ("serve a graph as a read-only SPARQL endpoint", "govkg.graph.server"),
    "view": ("write the interactive HTML view of a graph", "govkg.graph.view"),
    "stats": ("rank officials: most active, most central, communities", "govkg.graph.network"),
    "person": ("an official's timeline: posts, events by role, companions", "govkg.graph.careers"),
}


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
    from govkg.graph.build import build, sample_paths, stderr_progress
    from govkg.graph.outputs import write_outputs

    inputs = args.inputs or sample_paths()
    outdir = args.output or Path("output")
    for item in inputs:
        if not Path(item).exists():
            print(f"govkg: {item}: no such file or folder", file=sys.stderr)
            return EXIT_USAGE
    progress = stderr_progress if sys.stderr.isatty() and not args.quiet else None
    try:
        result = build(inputs, progress=progress)
    except KeyboardInterrupt:
        print("govkg: interrupted, nothing written", file=sys.stderr)
        return 130
    for error in result.errors:
        print(f"govkg: skipped {error}", file=sys.stderr)
    if not result.extractions:
        print("govkg: no release could be read, nothing written", file=sys.stderr)
        return EXIT_FAIL
    try:
        written = write_outputs(result, outdir)
    except OSError as exc:
        print(f"govkg: cannot write to {outdir}: {exc}", file=sys.stderr)
        return EXIT_FAIL
    report = None
    if not args.no_check:  # the graph checks itself against ontology/shapes.ttl (graph/check.py)
        from govkg.graph.check import check_build, format_report

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


def make_parser() -> argparse.ArgumentParser:
    from govkg.graph import __version__

    parser = argparse.ArgumentParser(
        prog="govkg", description="Chinese government press releases to a knowledge graph."
    )
    parser.add_argument("--version", action="version", version=f"govkg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, module_name) in COMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # a command whose module is not part of this version
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        getattr(module, f"{name}_arguments")(command_parser)
        command_parser.set_defaults(run=getattr(module, f"{name}_cli"))
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.run(args)
    except BrokenPipeError:
        return EXIT_OK
