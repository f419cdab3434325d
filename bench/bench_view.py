"""Benchmark: the network analysis and HTML view of a graph, and how fast the page opens.

Prints the time to derive the networkx views from the RDF graph, to rank,
to lay the view out, to write graph.html / graph.gexf / graph.graphml, and,
where Debian's chromium is installed, how long the page takes in headless
Chromium (network off) from navigation to its first drawing, laid out and
still, how many nodes and labels it draws at the first zoom level, whether any
labels overlap, and how long a zoom to the next level takes. No assertions:
this prints figures.

    python bench/bench_view.py output/graph.ttl
    python bench/bench_view.py ../shared/corpus/releases     # builds first
    python bench/gen_corpus.py 750 /tmp/corpus750 && govkg build /tmp/corpus750 -o /tmp/out750
    python bench/bench_view.py /tmp/out750/graph.ttl          # about 5,000 nodes
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
    parser.add_argument(
        "--screenshot", type=Path, default=None, help="save a picture of the page, the top official selected"
    )
    parser.add_argument(
        "--max-nodes", type=int, default=None, help="the view's size limit (default: the build's, 5,000)"
    )
    args = parser.parse_args(argv)

    from govkg.graph.build import BuildResult, build
    from govkg.graph.network import network_stats
    from govkg.graph.outputs import read_graph, write_outputs
    from govkg.graph.tables import analysed_network, knowledge_network

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
    net, _ = analysed_network(graph)  # the writers share this analysis, as in a build
    from govkg.graph.layout import layout
    from govkg.graph.view import DEFAULT_MAX_NODES, render_html, select_view

    t = time.perf_counter()
    view = select_view(net, max_nodes=args.max_nodes or DEFAULT_MAX_NODES)
    shown = view.net
    placed = layout(shown)
    print(
        f"layout: {shown.number_of_nodes()} nodes in {len(placed.communities)} communities, "
        f"{max(placed.levels.values(), default=0) + 1} zoom levels, {time.perf_counter() - t:.2f} s"
    )
    with tempfile.TemporaryDirectory(prefix="govkg-view-") as tmp:
        result = BuildResult(graph=graph)
        for name in ("graph.html", "graph.gexf", "graph.graphml"):
            t = time.perf_counter()
            path = write_outputs(result, tmp, only=[name])[name]
            print(f"{name}: {path.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - t:.2f} s")
        page = Path(tmp) / "graph.html"
        if args.max_nodes:
            t = time.perf_counter()
            page = Path(tmp) / "view.html"
            page.write_text(render_html(view), encoding="utf-8")
            print(
                f"view.html (--max-nodes {args.max_nodes}): {page.stat().st_size / 1e6:.1f} MB, "
                f"{time.perf_counter() - t:.2f} s"
            )
        if not args.no_browser:
            browse(page, args.screenshot)
    return 0


ZOOM = """(function () {
  var t = performance.now();
  govkg.network.moveTo({ scale: govkg.network.getScale() * 2 });
  govkg.network.emit("zoom", {});
  govkg.network.redraw();
  return [Math.round(performance.now() - t), govkg.view.length, govkg.level()];
})()"""


SHOW_TOP_OFFICIAL = """(function () {
  var officials = govkg.view.get({ filter: function (n) { return n.kind === "official"; } });
  officials.sort(function (a, b) { return a.g_rank - b.g_rank; });
  if (officials.length) { govkg.show(officials[0].id); }
  return officials.length ? officials[0].g_name : "";
})()"""


def browse(page: Path, screenshot: Path | None = None) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.graph.chromium import LABEL_OVERLAPS, Chromium, find_chromium

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
                    "drawn": "govkg.view.length",
                    "physics": "govkg.network.physics.physicsEnabled",
                    "ms": "document.body.dataset.settleMs",
                    "load": "Math.round(performance.now())",
                    "labels": LABEL_OVERLAPS,
                    "zoom": ZOOM,
                },
            )
            if screenshot:
                shot = browser.open(
                    page,
                    "document.body && document.body.dataset.settled === '1'",
                    {"official": SHOW_TOP_OFFICIAL},
                )
                screenshot.write_bytes(shot.screenshot)
                print(f"screenshot: {screenshot}, {shot.values['official']} selected")
        outside = [u for u in report.requests if not u.startswith(("file:", "data:"))]
        labels, overlaps = report.values["labels"]
        zoom_ms, zoom_drawn, zoom_level = report.values["zoom"]
        print(
            f"browser: {report.values['nodes']} nodes, {report.values['edges']} edges in the page; "
            f"opened laid out and still (physics {'on' if report.values['physics'] else 'off'}) "
            f"{int(report.values['load']) / 1000:.2f} s after navigation "
            f"(script to first drawing {int(report.values['ms']) / 1000:.2f} s; "
            f"{time.perf_counter() - t:.1f} s with browser start); "
            f"{report.values['drawn']} nodes and {labels} labels drawn at the first zoom level, "
            f"{overlaps} overlapping; zoom to level {zoom_level}: {zoom_drawn} nodes in {zoom_ms} ms; "
            f"{len(report.errors)} console errors, {len(outside)} requests outside the file"
        )


if __name__ == "__main__":
    sys.exit(main())
