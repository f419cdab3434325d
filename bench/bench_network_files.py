"""Benchmark: the network views of a build (graph.html, graph.gexf, graph.graphml) from its store.

Times what a build's last phase does after loading its store,
``sharded.write_network_files`` (it rewrites the folder's graph.html,
graph.gexf and graph.graphml, as a build would), then each of its steps as a
library call: the knowledge network read from the build, the rankings
(betweenness and Louvain communities of the co-attendance network), the page
(selection, layout, HTML) and the two Gephi exports. Prints CPU and wall
seconds (the machine is shared: CPU time is the steadier figure), asserts
nothing. Run it with the code to measure, e.g. main's venv for figures
before a change:

    python bench/gen_corpus.py 5000 /tmp/corpus5k && govkg build /tmp/corpus5k -o /tmp/out5k -q --no-check
    python bench/bench_network_files.py /tmp/out5k
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path


def _text(written) -> str | bytes:
    """A writer's output whole: some writers give pieces of text, made as they are consumed."""
    return written if isinstance(written, str | bytes) else "".join(written)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a build folder with its store")
    args = parser.parse_args(argv)

    from govkg.graph import store
    from govkg.graph.build import BuildResult
    from govkg.graph.layout import layout
    from govkg.graph.network import knowledge_network, network_stats
    from govkg.graph.outputs import WRITERS, SharedWork
    from govkg.graph.sharded import write_network_files
    from govkg.graph.view import select_view

    steps: dict[str, tuple[float, float]] = {}

    def timed(name, make):
        wall, cpu = time.perf_counter(), time.process_time()
        made = make()
        steps[name] = (time.process_time() - cpu, time.perf_counter() - wall)
        return made

    # The phase as a build runs it (the folder's three files rewritten), then its steps one by one.
    timed("views phase", lambda: write_network_files(args.folder))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # as the build opens it (build_graph: the store, and graph.nt for the network; before, the store alone)
    opened = getattr(store, "build_graph", None) or (lambda f: store.StoreGraph(store.open_graph_store(f)))
    graph = opened(args.folder)
    net = timed("knowledge network", lambda: knowledge_network(graph))
    stats = timed("rankings", lambda: network_stats(net))
    for nid, rank in stats.ranks.items():  # as analysed_network does
        net.nodes[nid].update(
            events=rank.events, contacts=rank.contacts, betweenness=rank.betweenness, community=rank.community
        )
    shared = SharedWork(BuildResult(graph=graph))
    shared.__dict__["network"] = (net, stats)  # the cached analysis, as the writers share it
    for name in ("graph.html", "graph.gexf", "graph.graphml"):
        timed(name, lambda name=name: _text(WRITERS[name](shared)))
    shown = select_view(net).net
    placed_in = timed("  of which layout", lambda: layout(shown))
    sources = getattr(stats, "betweenness_sources", None)
    print(f"{args.folder}: {net.number_of_nodes():,} nodes, {net.number_of_edges():,} edges")
    print(
        f"co-attendance: {stats.officials:,} officials, {stats.coattendance_edges:,} ties, "
        f"{len(stats.communities):,} communities; betweenness "
        + ("exact" if stats.betweenness_exact else f"from {sources or 400} sources")
    )
    print(f"page: {shown.number_of_nodes():,} nodes in {len(placed_in.communities):,} communities")
    print(f"  {'':<20} {'CPU':>7}   {'wall':>7}")
    for name, (cpu, wall) in steps.items():
        print(f"  {name:<20} {cpu:7.2f} s {wall:7.2f} s")
        if name == "views phase":
            print(f"  {'its steps, as library calls:':-<40}")
    print(f"  peak memory of the phase {peak:,.0f} MB; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
