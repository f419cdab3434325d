"""The ``govkg`` command: a thin shell over the Python API.

Exit status: 0 everything read and written; 1 a failure (nothing built, a
file that cannot be written, a graph that does not conform); 2 a usage
error; 3 the build finished but skipped some inputs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3

# Sub-commands register here: name -> (add_arguments, run). Filled in one place.
COMMANDS: dict[str, tuple] = {}


def command(name: str, help: str):
    def register(add_arguments):
        def wrap(run):
            COMMANDS[name] = (help, add_arguments, run)
            return run

        return wrap

    return register


def _build_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs", nargs="*", type=Path, help="release files or folders (default: the bundled samples)"
    )
    parser.add_argument("-o", "--output", type=Path, default=None, help="output folder (default: ./output)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")


@command("build", "build the graph of release files and folders")(_build_args)
def run_build(args: argparse.Namespace) -> int:
    from govkg.graph.build import build, sample_paths, stderr_progress, write_outputs

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
    if not args.quiet:
        print(result.summary())
        for path in written.values():
            print(f"  wrote {path}")
    return EXIT_SKIPPED if result.errors else EXIT_OK


def make_parser() -> argparse.ArgumentParser:
    from govkg.graph import __version__

    parser = argparse.ArgumentParser(
        prog="govkg", description="Chinese government press releases to a knowledge graph."
    )
    parser.add_argument("--version", action="version", version=f"govkg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, add_arguments, _) in COMMANDS.items():
        add_arguments(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    _, _, run = COMMANDS[args.command]
    try:
        return run(args)
    except BrokenPipeError:
        return EXIT_OK
