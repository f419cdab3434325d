"""`govkg stats` and `govkg view` read a build folder through its network tables (its shards'
rows), never a graph in memory: the results of the graph file."""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys

import pytest

from govkg.graph.cli import EXIT_OK, main


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A build folder of the samples (with its store), and a copy of its graph.nt on its own (no store)."""
    out = tmp_path_factory.mktemp("build") / "out"
    assert main(["build", "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    alone = tmp_path_factory.mktemp("alone") / "graph.nt"
    shutil.copyfile(out / "graph.nt", alone)
    return out, alone


def _never(*args, **kwargs):
    raise AssertionError("a build folder's views read its tables, not a graph or its store")


@pytest.fixture
def no_graph(monkeypatch):
    """Reading a graph file, opening a store as a graph or drawing the network in memory fails,
    wherever a module holds those functions."""
    for module in [m for name, m in sys.modules.items() if name.startswith("govkg.")]:
        for name in ("read_graph", "build_graph", "knowledge_network", "analysed_network"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, _never)


STATS = [["--json", "--top", "5"], ["--top", "3"]]


@pytest.mark.parametrize("options", STATS)
def test_stats_of_a_build_folder_come_from_its_tables_and_match_the_file(built, options, capsys, request):
    out, alone = built
    assert main(["stats", str(alone), *options]) == EXIT_OK
    from_file = capsys.readouterr().out
    request.getfixturevalue("no_graph")
    assert main(["stats", str(out), *options]) == EXIT_OK
    assert capsys.readouterr().out == from_file
    if "--json" in options:
        assert json.loads(from_file)["most_active"]  # the samples have officials to rank


@pytest.mark.parametrize("network_name", ["knowledge", "person-event", "co-attendance"])
def test_the_exports_of_a_build_folder_match_the_files(built, network_name, tmp_path, request):
    out, alone = built
    files = [f"--gexf={tmp_path / 'file.gexf'}", f"--graphml={tmp_path / 'file.graphml'}"]
    assert main(["stats", str(alone), "--network", network_name, *files]) == EXIT_OK
    request.getfixturevalue("no_graph")
    folder = [f"--gexf={tmp_path / 'out.gexf'}", f"--graphml={tmp_path / 'out.graphml'}"]
    assert main(["stats", str(out), "--network", network_name, *folder]) == EXIT_OK
    for suffix in ("gexf", "graphml"):
        assert (tmp_path / f"out.{suffix}").read_bytes() == (tmp_path / f"file.{suffix}").read_bytes()
    if network_name == "knowledge":  # the build's own export
        assert (tmp_path / "out.gexf").read_bytes() == (out / "graph.gexf").read_bytes()


@pytest.mark.parametrize(
    "options",
    [[], ["--person", "何平", "--hops", "1"], ["--since", "2020-01-26", "--types", "official", "event"]],
)
def test_the_view_of_a_build_folder_comes_from_its_tables_and_matches_the_file(
    built, options, tmp_path, request
):
    out, alone = built
    assert main(["view", str(alone), *options, "-o", str(tmp_path / "file.html")]) == EXIT_OK
    request.getfixturevalue("no_graph")
    assert main(["view", str(out), *options, "-o", str(tmp_path / "out.html")]) == EXIT_OK
    page = (tmp_path / "file.html").read_text(encoding="utf-8")
    # the page's title names the GRAPH argument: the one difference allowed
    page = page.replace(f"govkg: {alone.name}", f"govkg: {out.name}")
    assert (tmp_path / "out.html").read_text(encoding="utf-8") == page


def test_a_read_only_build_folder_is_read_and_left_as_it_is(built, tmp_path, capsys):
    out, _ = built
    assert main(["stats", str(out)]) == EXIT_OK
    whole = capsys.readouterr().out
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    rows = copy / "cache" / "network" / "rows"
    for path in sorted(rows.iterdir())[:3]:
        path.unlink()  # rows a build no longer keeps: made aside
    before = sorted(p.relative_to(copy) for p in copy.rglob("*"))
    for path in [copy, *copy.rglob("*")]:
        os.chmod(path, path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        assert main(["stats", str(copy)]) == EXIT_OK
        assert capsys.readouterr().out == whole
        assert main(["view", str(copy), "-o", str(tmp_path / "view.html")]) == EXIT_OK
    finally:
        for path in [copy, *copy.rglob("*")]:
            os.chmod(path, path.stat().st_mode | stat.S_IWUSR)
    assert sorted(p.relative_to(copy) for p in copy.rglob("*")) == before


def test_a_damaged_store_does_not_matter_to_the_views(built, tmp_path, capsys):
    out, _ = built
    assert main(["stats", str(out)]) == EXIT_OK
    whole = capsys.readouterr().out
    damaged = tmp_path / "out"
    shutil.copytree(out, damaged)
    for path in (damaged / "store").rglob("*"):
        if path.is_file():
            path.write_bytes(b"\0" * 16)
    assert main(["stats", str(damaged)]) == EXIT_OK
    assert capsys.readouterr().out == whole


def test_the_tables_a_build_kept_are_read_as_they_are(built, capsys, monkeypatch, tmp_path):
    """The build keeps its tables (cache/network/tables): the commands read them, reducing nothing,
    while they are those of its rows; else they make them again."""
    from govkg.graph import tables

    out, _ = built
    assert (out / "cache" / "network" / "tables").is_dir()
    with monkeypatch.context() as patched:
        patched.setattr(tables, "kept_tables", lambda *args: None)
        assert main(["stats", str(out), "--json"]) == EXIT_OK
        assert main(["view", str(out), "-o", str(tmp_path / "reduced.html")]) == EXIT_OK
    reduced = capsys.readouterr().out
    monkeypatch.setattr(tables, "_reduce", _never)
    assert main(["stats", str(out), "--json"]) == EXIT_OK
    assert main(["view", str(out), "-o", str(tmp_path / "kept.html")]) == EXIT_OK
    assert capsys.readouterr().out.replace("kept.html", "reduced.html") == reduced
    assert (tmp_path / "kept.html").read_bytes() == (tmp_path / "reduced.html").read_bytes()
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    # rows made aside: not the kept tables'
    next((copy / "cache" / "network" / "rows").glob("*.tsv")).unlink()
    assert main(["stats", str(copy)]) != EXIT_OK  # made again: the reduce (patched to fail) runs
    assert "read its tables, not a graph" in capsys.readouterr().err
