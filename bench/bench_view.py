"""Benchmark: the network analysis and HTML view of a graph, and how fast the page settles.

Prints the time to derive the networkx views from the RDF graph, to rank,
to write graph.html / graph.gexf / graph.graphml, and, where Debian's
chromium is installed, how long the page takes in headless Chromium (network
off) to lay out and stop moving. No assertions: this prints figures.

    python bench/bench_view.py output/graph.ttl
    python bench/bench_view.py ../shared/corpus/releases     # builds first
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="an RDF graph file, or release files/folders to build")
    parser.add_argument("--no-browser", action="store_true", help="skip the headless Chromium run")
    args = parser.parse_args(argv)

    from govkg.graph.build import BuildResult, build
    from govkg.graph.network import analysed_network, knowledge_network, network_stats
    from govkg.graph.outputs import read_graph, write_outputs

    start = time.perf_counter()
    if args.source.is_file() and args.source.suffix in (".ttl", ".nt", ".trig", ".jsonld"):
        graph = read_graph(args.source)
        print(f"read {args.source}: {len(graph)} triples, {time.perf_counter() - start:.1f} s")
    else:
        graph = build([args.source]).graph
        print(f"built {args.source}: {len(graph)} triples, {time.perf_counter() - start:.1f} s")

    t = time.perf_counter()
    net = knowledge_network(graph)
    print(
        f"knowledge network: {net.number_of_nodes()} nodes, {net.number_of_edges()} edges, "
        f"{time.perf_counter() - t:.2f} s"
    )
    t = time.perf_counter()
    stats = network_stats(net)
    print(
        f"rankings: {stats.officials} officials, {stats.coattendance_edges} co-attendance ties, "
        f"{len(stats.communities)} communities, {time.perf_counter() - t:.2f} s"
    )
    analysed_network(graph)  # the writers share this analysis, as in a build
    with tempfile.TemporaryDirectory(prefix="govkg-view-") as tmp:
        result = BuildResult(graph=graph)
        for name in ("graph.html", "graph.gexf", "graph.graphml"):
            t = time.perf_counter()
            path = write_outputs(result, tmp, only=[name])[name]
            print(f"{name}: {path.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - t:.2f} s")
        if not args.no_browser:
            browse(Path(tmp) / "graph.html")
    return 0


def browse(page: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.graph.chromium import Chromium, find_chromium

    binary = find_chromium()
    if binary is None:
        print("browser: chromium is not installed, skipped")
        return
    with tempfile.TemporaryDirectory(prefix="govkg-chromium-") as tmp:
        t = time.perf_counter()
        with Chromium(binary, Path(tmp) / "profile") as browser:
            report = browser.open(
                page,
                "document.body && document.body.dataset.settled === '1'",
                {
                    "nodes": "govkg.nodes.length",
                    "edges": "govkg.edges.length",
                    "ms": "document.body.dataset.settleMs",
                },
            )
        outside = [u for u in report.requests if not u.startswith(("file:", "data:"))]
        print(
            f"browser: {report.values['nodes']} nodes, {report.values['edges']} edges shown; "
            f"layout settled in {int(report.values['ms']) / 1000:.2f} s after the script started "
            f"({time.perf_counter() - t:.1f} s with browser start); "
            f"{len(report.errors)} console errors, {len(outside)} requests outside the file"
        )


if __name__ == "__main__":
    sys.exit(main())
