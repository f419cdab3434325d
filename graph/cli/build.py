"""``govkg build [INPUT ...] [-o FOLDER] [--add] [--dask ADDRESS]``: build the graph and write its files.

A build into a folder of an earlier build re-extracts only new or changed
files (graph/incremental.py); ``--add`` keeps the earlier build's releases and
adds the inputs; ``--dask`` extracts on a Dask cluster (graph/cluster.py).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
from itertools import islice
from pathlib import Path

from govkg.extract import ReadError
from govkg.extract.reading import iter_paths
from govkg.graph.build import PARALLEL_THRESHOLD, sample_paths
from govkg.graph.check import check_shards, format_report
from govkg.graph.cli.common import EXIT_FAIL, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, error
from govkg.graph.cluster import dask_cluster
from govkg.graph.incremental import BATCH_FILES, BuildRecord, Update, build_into, forget_unused, write_build
from govkg.graph.interrupts import exit_status, interrupt_within, worker_pool
from govkg.graph.progress import file_progress, on_terminal, phase
from govkg.graph.remote import is_url
from govkg.graph.shards import SHARDS

HELP = "build the graph of release files and folders"
STDIN = Path("-")


def _input(text: str) -> Path | str:
    """A local path, or a URL kept as written (a Path would fold its ``//``)."""
    return text if is_url(text) else Path(text)


def build_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="*",
        type=_input,
        help="release files or folders, or fsspec URLs such as s3://bucket/releases/ (default: the samples); "
        "- reads JSON lines (.jsonl records) from standard input",
    )
    parser.add_argument("-o", "--output", type=Path, default=None, help="output folder (default: ./output)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    parser.add_argument(
        "--no-check",
        action="store_true",
        help="skip the SHACL check of the built graph (a large build checks a sample of its releases)",
    )
    parser.add_argument(
        "--writers",
        type=int,
        metavar="N",
        default=None,
        help="processes that map the releases to their shards, one of which then writes the RDF files "
        "beside this one (default: one per core for 200 files or more, else none: all in this process)",
    )
    parser.add_argument(
        "--add",
        action="store_true",
        help="add the inputs to the releases already built in the output folder (which need not be listed)",
    )
    parser.add_argument(
        "--batch",
        type=int,
        metavar="N",
        default=BATCH_FILES,
        help=f"files mapped to shards at a time: what sets the build's memory (default {BATCH_FILES})",
    )
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        default=None,
        help="read and extract on a Dask cluster: 'local' (a LocalCluster here) or a scheduler's tcp://HOST:PORT",
    )


def build_cli(args: argparse.Namespace) -> int:
    inputs = args.inputs or ([] if args.add else sample_paths())
    outdir = args.output or Path("output")
    if STDIN in inputs:
        if len(inputs) > 1:
            error("- (records on standard input) cannot be mixed with files", "build")
            return EXIT_USAGE
        with tempfile.TemporaryDirectory(prefix="govkg-stdin-") as folder:
            spooled = Path(folder) / "stdin.jsonl"
            with open(spooled, "wb") as handle:
                shutil.copyfileobj(sys.stdin.buffer, handle)
            return _build(args, [spooled], outdir, spooled)
    for item in inputs:
        if not is_url(item) and not Path(item).exists():
            error(f"{item}: no such file or folder", "build")
            return EXIT_USAGE
    return _build(args, inputs, outdir)


def mapping_pool(args: argparse.Namespace, files: int) -> contextlib.AbstractContextManager:
    """Phase 3's process pool, started before phase 1 while this process holds little: forked
    late, each worker would count the build's rows and corpus again (incremental.write_build).
    ``files``: the build's (:func:`planned_files`). None (in a null context) on one core, on
    Dask, or below ``PARALLEL_THRESHOLD`` files unless ``--writers`` asks for more than one:
    a small build maps and writes in this process instead of paying for a second one."""
    writers = getattr(args, "writers", None)
    workers = writers or os.cpu_count() or 1
    if getattr(args, "dask", None) or workers <= 1 or (writers is None and files < PARALLEL_THRESHOLD):
        return contextlib.nullcontext()
    return worker_pool(workers)


def planned_files(inputs: list[Path | str], outdir: Path, add: bool = False) -> int:
    """The files a build reads or keeps, counted up to ``PARALLEL_THRESHOLD`` (all
    :func:`mapping_pool` asks): the local inputs' files (an fsspec URL counts as that many: its
    listing is not made twice) and, with ``add``, those of the build in ``outdir``."""
    count = 0
    for item in inputs:
        if is_url(item):
            return PARALLEL_THRESHOLD
        count += sum(1 for _ in islice(iter_paths([item]), PARALLEL_THRESHOLD - count))
        if count >= PARALLEL_THRESHOLD:
            return count
    if add and (previous := BuildRecord.load(outdir)) is not None:
        count += len(previous.files)
    return count


def _build(args: argparse.Namespace, inputs: list[Path], outdir: Path, spooled: Path | None = None) -> int:
    # with --dask local, one LocalCluster for the phases that run on it (graph/cluster.py)
    files = planned_files(inputs, outdir, args.add)
    # phases 1 and 2 apart for a build from nothing: an update's resolving touches what changed,
    # and forking took longer than it spared (an --add of 100 to 30,000 releases: phases 1 and 2
    # 7.7 / 7.4 s against 5.7 / 4.3 s here, load 6 to 8)
    apart = files >= PARALLEL_THRESHOLD and BuildRecord.load(outdir) is None
    with mapping_pool(args, files) as pool, dask_cluster(args.dask) as dask:
        return _build_with(args, inputs, outdir, spooled, pool, dask, apart=apart)


def _build_with(
    args: argparse.Namespace,
    inputs: list[Path],
    outdir: Path,
    spooled: Path | None,
    pool,
    dask,
    apart: bool = False,
) -> int:
    """Phases 1 and 2 (with ``apart``, in a child process: build_into's ``apart``, asked for a build
    from nothing of ``PARALLEL_THRESHOLD`` files or more), then :func:`write_update`."""
    progress = file_progress(on_terminal() and not args.quiet)
    try:
        # identity resolved here, not by the pool's processes (build_into's ``pool``): an --add of
        # 100 to 30,000 releases took the same wall time either way (27.7-28.9 s against
        # 28.5-33.1), and the pool's processes, holding the groups' memory into phase 4, raised
        # the process tree's peak 706-712 -> 732-735 MB (load 1 to 2)
        # phases 1 and 2 in a child process, which takes what they held and freed with it
        update = build_into(
            outdir, inputs, add=args.add, progress=progress, dask=dask, reuse_outputs=True, apart=apart
        )
    except KeyboardInterrupt as interrupt:
        error("interrupted, nothing written")
        return exit_status(interrupt)
    except (ImportError, OSError) as exc:  # no dask installed, no scheduler at that address
        if (interrupt := interrupt_within(exc)) is not None:  # one that broke an import
            error("interrupted, nothing written")
            return exit_status(interrupt)
        error(f"cannot build: {exc}")
        return EXIT_FAIL
    finally:
        if progress is not None:
            progress.close()
    if spooled is not None:  # name standard input as the user did: -
        update.errors[:] = [ReadError(e.path.replace(str(spooled), "-"), e.problem) for e in update.errors]
        update.warnings[:] = [w.replace(str(spooled), "-", 1) for w in update.warnings]
    return write_update(update, outdir, args, pool, dask)


def write_update(update: Update, outdir: Path, args: argparse.Namespace, pool=None, dask=None) -> int:
    """Write a build's files and its record, check it, and say what was done (build and remove);
    ``pool``: phase 3's (:func:`mapping_pool`); ``dask``: the build's cluster (graph/cluster.py)."""
    if update.up_to_date:  # nothing changed since the folder was built
        if not args.quiet:
            print(f"{outdir}: {update.summary()}")
        return EXIT_SKIPPED if update.record.skipped else EXIT_OK
    for problem in update.errors:
        error(f"skipped {problem}")
    for warning in update.warnings:
        error(f"warning: {warning}")
    if not update.releases:
        error("no release could be read, nothing written")
        return EXIT_FAIL
    bars = on_terminal() and not getattr(args, "quiet", False)
    try:
        with phase(f"writing {outdir}", bars):
            written = write_build(
                update,
                outdir,
                workers=getattr(args, "writers", None),
                before_swap=update.record.save,  # the build's record goes in with its files, in one swap
                dask=dask,
                batch=getattr(args, "batch", BATCH_FILES),
                pool=pool,
            )
            # once swapped in (graph/cache.py: never through the stage)
            forget_unused(outdir, update.record, update.gone)
    except ImportError as exc:  # --dask without dask.distributed installed
        if (interrupt := interrupt_within(exc)) is not None:  # one that broke an import
            raise interrupt from exc
        error(f"cannot build: {exc}")
        return EXIT_FAIL
    except OSError as exc:
        error(f"cannot write to {outdir}: {exc}")
        return EXIT_FAIL
    report = None
    if not getattr(args, "no_check", False):  # the graph checks itself against ontology/shapes.ttl
        with phase("checking (SHACL)", bars):
            report = check_shards(outdir / SHARDS)
        if not report.conforms:
            print(format_report(report), file=sys.stderr)
    if not args.quiet:
        print(update.summary())
        if update.reused:
            print(f"{update.extracted} files read and extracted, {update.reused} unchanged (from the cache)")
        if update.shards is not None:
            shards = update.shards
            print(f"shards: {shards.written} written, {shards.unchanged} unchanged, {shards.removed} removed")
        print(report.summary() if report else "SHACL check: skipped (--no-check)")
        for path in written.values():
            print(f"  wrote {path}")
    if report is not None and not report.conforms:
        return EXIT_FAIL
    return EXIT_SKIPPED if update.errors else EXIT_OK
