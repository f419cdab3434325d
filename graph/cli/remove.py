"""``govkg remove FOLDER ID ...``: drop releases from a build, from its cache (no input is read again)."""

from __future__ import annotations

import argparse
from pathlib import Path

from govkg.graph.cli.build import mapping_pool, write_update
from govkg.graph.cli.common import EXIT_USAGE, error
from govkg.graph.incremental import BuildRecord, remove_releases

HELP = "drop releases (by id) from a build folder"


def remove_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("output", type=Path, help="the build folder")
    parser.add_argument("ids", nargs="+", metavar="ID", help="release ids (as in identity.tsv and the IRIs)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary")
    parser.add_argument("--no-check", action="store_true", help="skip the SHACL check of the new graph")


def remove_cli(args: argparse.Namespace) -> int:
    if (record := BuildRecord.load(args.output)) is None:
        error(f"{args.output}: no build of this version of govkg here (run govkg build -o {args.output})")
        return EXIT_USAGE
    with mapping_pool(args, len(record.files)) as pool:
        update = remove_releases(args.output, args.ids)
        unknown = [rid for rid in args.ids if rid not in update.dropped]
        if unknown:
            error(f"no release {', '.join(unknown)} in {args.output}; nothing changed")
            return EXIT_USAGE
        return write_update(update, args.output, args, pool)
