"""The govkg command: builds, summaries, exit codes, skipped inputs, atomic outputs."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

from rdflib import Graph

from govkg.graph.cli import COMMANDS, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, main, make_parser
from govkg.ontology import SCHEMA

RELEASE = "会议召开\n2022年03月03日\n3月2日，我县召开春耕生产工作会议。县委书记李四主持会议并讲话。\n"


def test_build_writes_a_graph_with_one_release_per_file(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(RELEASE.encode("gbk"))
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == EXIT_OK
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    ids = sorted(str(o) for o in graph.objects(None, SCHEMA.identifier))
    assert ids == ["a", "b"]
    assert "2 releases from 2 files" in capsys.readouterr().out


def test_bad_files_are_skipped_named_and_counted(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.json").write_text('{"id": 1, "content": ', encoding="utf-8")
    code = main(["build", str(tmp_path), "-o", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert code == EXIT_SKIPPED
    assert "empty.txt: empty file" in captured.err
    assert "broken.json: malformed JSON" in captured.err
    assert "skipped 2" in captured.out
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_missing_input_is_a_usage_error(tmp_path, capsys):
    assert main(["build", str(tmp_path / "nope"), "-o", str(tmp_path / "out")]) == EXIT_USAGE
    assert "no such file" in capsys.readouterr().err


def test_same_inputs_give_byte_identical_graphs(tmp_path):
    (tmp_path / "a.json").write_text(
        json.dumps([{"id": "x", "content": RELEASE}], ensure_ascii=False), encoding="utf-8"
    )
    for out in ("o1", "o2"):
        main(["build", str(tmp_path / "a.json"), "-o", str(tmp_path / out), "-q"])
    assert (tmp_path / "o1" / "graph.ttl").read_bytes() == (tmp_path / "o2" / "graph.ttl").read_bytes()


def test_no_inputs_builds_the_bundled_samples(tmp_path, capsys):
    assert main(["build", "-o", str(tmp_path)]) == EXIT_OK
    graph = Graph().parse(tmp_path / "graph.ttl")
    assert len(graph) > 50
    assert not list(tmp_path.glob(".*.tmp"))


def test_graph_parses_in_a_strict_second_parser(tmp_path):
    import pyoxigraph

    main(["build", "-o", str(tmp_path), "-q"])
    with open(tmp_path / "graph.ttl", "rb") as handle:
        quads = list(pyoxigraph.parse(handle, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(Graph().parse(tmp_path / "graph.ttl"))


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_command_line_package_imports_argparse_or_the_cli():
    root = Path(__file__).resolve().parents[2]
    cli = root / "graph" / "cli"
    offenders = [
        str(path.relative_to(root))
        for package in ("extract", "graph", "ontology")
        for path in sorted((root / package).rglob("*.py"))
        if cli not in path.parents
        and path.name != "__main__.py"
        and _imported_modules(path) & {"argparse", "govkg.graph.cli"}
    ]
    assert offenders == []


def test_every_command_is_registered_with_its_own_functions():
    parser = make_parser()
    assert set(COMMANDS) >= {"build", "check", "query", "serve", "view", "stats", "person"}
    for name, command in COMMANDS.items():
        assert command.run.__module__ == f"govkg.graph.cli.{name}"
        # their positional arguments
        required = {"person": ["x"], "serve": ["x"], "show": ["x"], "remove": ["folder", "id"]}.get(name, [])
        assert parser.parse_args([name, *required]).run is command.run


def test_a_command_imports_only_its_own_module():
    # govkg query starts without loading extraction, the writers or the server
    code = (
        "import sys\n"
        "from govkg.graph.cli import main\n"
        "main(['query', '--list'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('govkg.extract', 'govkg.graph'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = done.stdout.splitlines()[-1]
    assert "govkg.graph.sparql" in loaded
    for heavy in ("govkg.extract.pipeline", "govkg.graph.build", "govkg.graph.outputs", "govkg.graph.server"):
        assert f"'{heavy}'" not in loaded


def _pool_arguments(*options: str):
    return make_parser().parse_args(["build", *options])


def test_a_small_build_forks_no_pool(tmp_path):
    """Below PARALLEL_THRESHOLD files a build maps and writes in its own process; --writers N forks."""
    from govkg.graph.build import PARALLEL_THRESHOLD
    from govkg.graph.cli.build import mapping_pool, planned_files

    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(3):
        (folder / f"{number}.txt").write_text("标题\n\n正文。", encoding="utf-8")
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    (folder / "notes.bin").write_bytes(b"x")
    files = planned_files([folder], tmp_path / "out")
    assert files == 3
    with mapping_pool(_pool_arguments(), files) as pool:
        assert pool is None
    with mapping_pool(_pool_arguments(), PARALLEL_THRESHOLD) as pool:
        assert pool is not None or (os.cpu_count() or 1) == 1
    with mapping_pool(_pool_arguments("--writers", "2"), files) as pool:
        assert pool is not None
    with mapping_pool(_pool_arguments("--writers", "1"), PARALLEL_THRESHOLD) as pool:
        assert pool is None


def test_planned_files_stop_counting_at_the_threshold(tmp_path):
    from govkg.graph.build import PARALLEL_THRESHOLD
    from govkg.graph.cli.build import planned_files

    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for number in range(PARALLEL_THRESHOLD + 5):
        (folder / "sub" / f"{number}.txt").write_text("x", encoding="utf-8")
    assert planned_files([folder], tmp_path / "out") == PARALLEL_THRESHOLD
    assert planned_files(["s3://bucket/releases/"], tmp_path / "out") == PARALLEL_THRESHOLD
