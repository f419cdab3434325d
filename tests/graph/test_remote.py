"""Inputs on fsspec file systems (graph/remote.py)."""

from __future__ import annotations

import shutil

import pytest

from govkg.graph.build import build, sample_paths
from govkg.graph.cli import EXIT_FAIL, EXIT_OK, main
from govkg.graph.incremental import build_into, input_files
from govkg.graph.outputs import write_outputs
from govkg.graph.remote import extract_url, list_url

fsspec = pytest.importorskip("fsspec")
FILES = ["graph.nt", "graph.trig", "identity.tsv"]


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "releases"
    (folder / "sub").mkdir(parents=True)
    for path in sample_paths()[:2]:
        shutil.copy(path, folder / path.name)
    shutil.copy(sample_paths()[2], folder / "sub" / sample_paths()[2].name)
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    (folder / "notes.md").write_text("x", encoding="utf-8")
    return folder


def test_a_url_lists_the_files_a_local_folder_gives(folder):
    listed = list_url(folder.as_uri())
    assert [url.rpartition("/")[2] for url in listed] == [p.name for p in input_files([folder])]
    assert all(url.startswith("file://") for url in listed)


def test_a_missing_url_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        list_url((tmp_path / "nothing").as_uri())


def test_a_file_read_from_a_url_is_extracted_as_the_local_file_is(folder):
    path = sorted(folder.glob("*.txt"))[0]
    found, errors = extract_url(path.as_uri())
    assert not errors and found[0].release.path == path.as_uri()
    assert found[0].release.id == path.stem
    assert found[0].persons == build([path]).extractions[0].persons


def test_an_unreadable_url_is_an_error_naming_it(tmp_path):
    url = (tmp_path / "gone.txt").as_uri()
    found, errors = extract_url(url)
    assert found == [] and errors[0].path == url


def test_a_build_from_a_url_gives_the_files_of_the_local_build(tmp_path, folder):
    out = tmp_path / "out"
    update = build_into(out, [folder.as_uri()])
    write_outputs(update.result, out, only=FILES)
    local = tmp_path / "local"
    write_outputs(build([folder]), local, only=FILES)
    assert all((out / name).read_bytes() == (local / name).read_bytes() for name in FILES)
    assert build_into(out, [folder.as_uri()]).extracted == 0  # unchanged: from the cache


def test_govkg_build_takes_urls(tmp_path, folder, capsys):
    out = tmp_path / "out"
    assert main(["build", folder.as_uri(), "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    assert (out / "graph.ttl").is_file()
    assert main(["build", (tmp_path / "none").as_uri(), "-o", str(out), "-q"]) == EXIT_FAIL
    assert "no such file or folder" in capsys.readouterr().err
