"""`govkg stats` and `govkg view` read a build folder through its store: the results of the file."""

from __future__ import annotations

import json
import shutil

import pytest

import govkg.graph.cli.common as common
from govkg.graph.cli import EXIT_OK, main


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A build folder of the samples (with its store), and a copy of its graph.nt on its own (no store)."""
    out = tmp_path_factory.mktemp("build") / "out"
    assert main(["build", "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    alone = tmp_path_factory.mktemp("alone") / "graph.nt"
    shutil.copyfile(out / "graph.nt", alone)
    return out, alone


def _no_parsing(path):
    raise AssertionError(f"{path} was parsed into rdflib, though its build has a store")


def test_stats_of_a_build_folder_come_from_its_store_and_match_the_file(built, monkeypatch, capsys):
    out, alone = built
    assert main(["stats", str(alone), "--json", "--top", "5"]) == EXIT_OK
    from_file = json.loads(capsys.readouterr().out)
    monkeypatch.setattr(common, "read_graph", _no_parsing)
    assert main(["stats", str(out), "--json", "--top", "5"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out) == from_file
    assert from_file["most_active"]  # the samples have officials to rank


def test_the_view_of_a_build_folder_comes_from_its_store_and_matches_the_file(built, tmp_path, monkeypatch):
    out, alone = built
    assert main(["view", str(alone), "-o", str(tmp_path / "file.html")]) == EXIT_OK
    monkeypatch.setattr(common, "read_graph", _no_parsing)
    assert main(["view", str(out), "-o", str(tmp_path / "store.html")]) == EXIT_OK
    page = (tmp_path / "file.html").read_text(encoding="utf-8")
    # the page's title names the GRAPH argument: the one difference allowed
    page = page.replace(f"govkg: {alone.name}", f"govkg: {out.name}")
    assert (tmp_path / "store.html").read_text(encoding="utf-8") == page


def test_a_damaged_store_is_passed_over_for_the_graph_file(built, tmp_path, capsys):
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
