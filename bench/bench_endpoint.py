"""Load test of ``govkg serve`` on loopback, with idle connections and a runaway query held against it.

A server is started on 127.0.0.1 (a free port) for a graph: by default the
bundled samples, built first into a temporary folder. Against it, for a fixed
time at most:

- ``--idle`` connections that send half a request and then nothing (each one
  the server drops after its read timeout is opened again at once);
- one client that sends a runaway query again and again (each is stopped by
  the server's time limit and its worker replaced);
- ``--clients`` clients that share ``--requests`` requests, each a named
  query (``ontology/queries``) in turn, unbound.

It prints the named queries' latency (p50, p99, max), the errors (anything
but 200), and what the runaway and idle clients saw. The target: p99 under
1 s for named queries.

    .venv/bin/python bench/bench_endpoint.py
    .venv/bin/python bench/bench_endpoint.py output/ --clients 8 --requests 400 --seconds 60
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from govkg.graph.build import build, sample_paths
from govkg.graph.outputs import write_outputs
from govkg.graph.sparql import named_queries

HOST = "127.0.0.1"  # loopback only
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def start_server(graph: Path, time_limit: float) -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "govkg.graph", "serve", str(graph), "--host", HOST, "--port", "0"]
    command += ["--quiet", "--timeout", str(time_limit)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()  # printed once the workers have loaded the graph
    if "/sparql" not in line:
        process.kill()
        raise SystemExit(f"the server did not start: {line!r}")
    return process, line.split(" at ")[1].split()[0]


def get(url: str, query: str, timeout: float) -> tuple[int, float]:
    request = urllib.request.Request(
        url + "?" + urllib.parse.urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"},
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        with error:
            status = error.code
    except OSError:
        status = 0  # refused, reset or timed out
    return status, time.perf_counter() - started


def hold_idle(address: tuple[str, int], count: int, stop: threading.Event, reopened: list[int]) -> None:
    """Keep ``count`` connections open with half a request each, reopening those the server drops."""
    sockets: list[socket.socket | None] = [None] * count
    while not stop.is_set():
        for index, sock in enumerate(sockets):
            if sock is not None:
                sock.setblocking(False)
                try:
                    if sock.recv(1) == b"":  # closed by the server
                        sock.close()
                        sock = None
                except BlockingIOError:
                    pass
                except OSError:
                    sock.close()
                    sock = None
            if sock is None:
                try:
                    sock = socket.create_connection(address, timeout=5)
                    sock.sendall(b"GET /sparql HTTP/1.1\r\nHost: x\r\n")
                    reopened[0] += 1
                except OSError:
                    sock = None
            sockets[index] = sock
        stop.wait(0.2)
    for sock in sockets:
        if sock is not None:
            sock.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", nargs="?", type=Path, help="graph file or build folder (default: samples)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default: 8)")
    parser.add_argument("--requests", type=int, default=400, help="named-query requests (default: 400)")
    parser.add_argument("--seconds", type=float, default=60, help="stop after this long (default: 60)")
    parser.add_argument("--idle", type=int, default=50, help="idle connections held (default: 50)")
    parser.add_argument("--time-limit", type=float, default=5, help="server's query time limit (default: 5)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        graph = args.graph
        if graph is None:
            graph = Path(tmp) / "samples"
            write_outputs(build(sample_paths()), graph)
        server, url = start_server(graph, args.time_limit)
        try:
            run(url, args)
        finally:
            server.terminate()
            server.wait(timeout=30)


def run(url: str, args: argparse.Namespace) -> None:
    parts = urllib.parse.urlsplit(url)
    address = (parts.hostname, parts.port)
    queries = [query.text for query in named_queries().values()]
    stop = threading.Event()
    reopened = [0]
    idle = threading.Thread(target=hold_idle, args=(address, args.idle, stop, reopened), daemon=True)
    idle.start()
    runaway: list[int] = []

    def run_away() -> None:
        while not stop.is_set():
            runaway.append(get(url, RUNAWAY, args.time_limit + 10)[0])

    runner = threading.Thread(target=run_away, daemon=True)
    runner.start()
    time.sleep(1.0)  # the idle connections and the runaway query in place

    lock = threading.Lock()
    taken = [0]
    latencies: list[float] = []
    errors: dict[int, int] = {}
    deadline = time.monotonic() + args.seconds

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                if taken[0] >= args.requests:
                    return
                number = taken[0]
                taken[0] += 1
            status, seconds = get(url, queries[number % len(queries)], 30)
            with lock:
                latencies.append(seconds)
                if status != 200:
                    errors[status] = errors.get(status, 0) + 1

    started = time.perf_counter()
    clients = [threading.Thread(target=client) for _ in range(args.clients)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join()
    elapsed = time.perf_counter() - started
    stop.set()
    idle.join(timeout=10)
    runner.join(timeout=args.time_limit + 15)

    latencies.sort()
    p50 = statistics.median(latencies) if latencies else float("nan")
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else float("nan")
    print(f"endpoint {url}: {args.clients} clients, {len(latencies)} named-query requests in {elapsed:.1f} s")
    print(f"  held against it: {args.idle} idle connections ({reopened[0]} opened in all), a runaway query")
    print(f"  latency  p50 {p50 * 1000:.0f} ms  p99 {p99 * 1000:.0f} ms  max {latencies[-1] * 1000:.0f} ms")
    print(f"  errors   {sum(errors.values())} {dict(sorted(errors.items())) if errors else ''}".rstrip())
    stopped = sum(1 for status in runaway if status == 503)
    print(f"  runaway  {len(runaway)} sent, {stopped} stopped by the time limit (503)")
    print(f"  target   p99 < 1 s: {'met' if p99 < 1 else 'MISSED'}")


if __name__ == "__main__":
    main()
