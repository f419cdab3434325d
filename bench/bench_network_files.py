"""Benchmark: the network views of a build (graph.html, graph.gexf, graph.graphml) from its shards.

Times what a build's last phase does after loading its store,
``sharded.write_network_files`` (it rewrites the folder's graph.html,
graph.gexf and graph.graphml, as a build would, each shard's network rows
made anew in a temporary folder), then each of its steps as a library call:
the rows of every shard (graph/tables.py; ``--rows FOLDER`` keeps them there,
so that a second run times an update's rows, read from that folder), the
tables (rows sorted and reduced node by node, edge by edge), the rankings
(betweenness and Louvain communities of the co-attendance network), the two
Gephi exports (written in one pass; then as an update writes them, whole
with the state of their pieces and again from it, nothing changed:
graph/tables.py's write_spliced_exports) and the page (selection, layout,
HTML). Prints CPU and wall seconds (the machine is shared: CPU time is the steadier figure) and the peak
resident memory after each step, asserts nothing. Run it with the code to
measure, e.g. main's venv for figures before a change:

    python bench/gen_corpus.py 5000 /tmp/corpus5k && govkg build /tmp/corpus5k -o /tmp/out5k -q --no-check
    python bench/bench_network_files.py /tmp/out5k
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import time
from pathlib import Path

from memory import peak_mb  # beside this script


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a build folder with its store and shards")
    parser.add_argument("--rows", type=Path, default=None, help="keep each shard's rows in this folder")
    parser.add_argument("--steps-only", action="store_true", help="time the steps alone, not the phase first")
    parser.add_argument("--out", type=Path, default=None, help="write the files here (a build read-only)")
    args = parser.parse_args(argv)

    from govkg.extract.identity import collector_paused
    from govkg.graph import tables
    from govkg.graph.folders import atomic_write
    from govkg.graph.sharded import network_units, write_network_files
    from govkg.graph.view import tables_html

    steps: dict[str, tuple[float, float, float]] = {}

    def timed(name, make):
        wall, cpu = time.perf_counter(), time.process_time()
        made = make()
        peak, _ = peak_mb()
        steps[name] = (time.process_time() - cpu, time.perf_counter() - wall, peak)
        return made

    folder = args.folder
    out = args.out or folder
    out.mkdir(parents=True, exist_ok=True)
    if not args.steps_only:  # the phase as a build runs it (the folder's three files rewritten)
        timed("views phase", lambda: write_network_files(folder))
    with collector_paused(), contextlib.ExitStack() as stack:
        units = timed("rows", lambda: network_units(folder / "shards", args.rows, stack, out))
        made = timed("tables", lambda: tables.network_tables(units, out))
        stack.callback(made.close)
        figures = timed("rankings", lambda: tables.rankings(made))
        exported = timed("export names", lambda: tables.exports(made, figures))
        gephi = (out / "graph.gexf", out / "graph.graphml")
        timed("gexf + graphml", lambda: tables.write_exports(exported, *gephi))  # in one pass
        # as an update writes them: whole with the state of their pieces, then from it, none changed
        state = out / ".bench-exports"
        timed("spliced: whole", lambda: tables.write_spliced_exports(exported, *gephi, state, None))
        timed("spliced: copied", lambda: tables.write_spliced_exports(exported, *gephi, state, out))
        stack.callback(shutil.rmtree, state, ignore_errors=True)
        page = lambda: tables_html(made, figures)  # noqa: E731 - pieces, made as written
        timed("graph.html", lambda: atomic_write(out / "graph.html", page()))
        print(f"{folder}: {len(made.ids):,} nodes, {len(made.sources):,} edges")
        print(
            f"co-attendance: {int((figures.contacts > 0).sum()):,} officials who met someone, "
            f"{int(figures.contacts.sum()) // 2:,} ties, {len(figures.communities):,} communities; "
            + ("betweenness exact" if figures.exact else f"betweenness from {figures.sources} sources")
        )
    print(f"  {'':<20} {'CPU':>7}   {'wall':>7}   {'peak RSS':>9}")
    for name, (cpu, wall, peak) in steps.items():
        print(f"  {name:<20} {cpu:7.2f} s {wall:7.2f} s {peak:7.0f} MB")
        if name == "views phase":
            print(f"  {'its steps, as library calls:':-<40}")
    print(f"  load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
