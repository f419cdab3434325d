"""The output folder swapped in as a whole (graph/folders.py)."""

from __future__ import annotations

import os

import pytest

import govkg.graph.folders as folders
from govkg.graph.folders import remove_leftovers, remove_stale, scratch, staged_folder

OWNED = {"graph.ttl", "cache"}.__contains__


def names(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_the_new_folder_replaces_the_old_one_whole(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(folders, "_exchange", lambda first, second: False)
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("old")
    (out / "cache").mkdir()
    (out / "cache" / "entry").write_text("kept")
    with staged_folder(out, carry=["cache"], owned=OWNED) as stage:
        assert stage != out and (out / "graph.ttl").read_text() == "old"  # readers still see the old build
        assert (stage / "cache" / "entry").read_text() == "kept"  # carried as a hard link
        (stage / "graph.ttl").write_text("new")
    assert (out / "graph.ttl").read_text() == "new" and names(out) == ["cache", "graph.ttl"]
    assert names(tmp_path) == ["out"]  # no staging or old folder left


def test_a_failed_write_leaves_the_old_folder_and_no_staging(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("old")
    with pytest.raises(RuntimeError), staged_folder(out, owned=OWNED) as stage:
        (stage / "graph.ttl").write_text("half")
        raise RuntimeError("writer failed")
    assert (out / "graph.ttl").read_text() == "old" and names(tmp_path) == ["out"]


def test_a_folder_with_files_govkg_does_not_write_is_updated_in_place(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("the user's")
    with staged_folder(out, owned=OWNED) as stage:
        assert stage == out
        (stage / "graph.ttl").write_text("new")
    assert names(out) == ["graph.ttl", "notes.txt"]


def test_the_working_directory_is_never_swapped_away(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with staged_folder(tmp_path, owned=None) as stage:
        assert stage == tmp_path


def test_staging_folders_of_dead_processes_are_removed(tmp_path):
    out = tmp_path / "out"
    dead = tmp_path / ".out.staging.999999999.abcd"  # no such process
    alive = tmp_path / f".out.staging.{os.getpid()}.abcd"
    dead.mkdir()
    alive.mkdir()
    assert remove_stale(out) == [dead]
    assert names(tmp_path) == [alive.name]


def test_scratch_files_of_dead_writers_are_removed_from_the_builds_own_folders_only(tmp_path):
    out = tmp_path / "out"
    dead, live = ".graph.nt.999999999.0123abcd.previous", scratch(out / "graph.nt", "previous").name
    for name in (
        dead,
        live,
        "notes.txt",
        "cache/.x.tsv.999999999.0123abcd.tmp",
        "mine/.a.999999999.0123abcd.tmp",
    ):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text("")
    assert remove_leftovers(out, OWNED) == [out / dead, out / "cache" / ".x.tsv.999999999.0123abcd.tmp"]
    assert names(out) == sorted([live, "cache", "mine", "notes.txt"])
    assert names(out / "mine") == [".a.999999999.0123abcd.tmp"]  # the user's folder: not the build's


def test_a_previous_builds_files_are_not_changed_through_a_carried_link(tmp_path):
    out = tmp_path / "out"
    (out / "cache").mkdir(parents=True)
    (out / "cache" / "entry").write_text("old")
    with pytest.raises(RuntimeError), staged_folder(out, carry=["cache"], owned=OWNED) as stage:
        replacement = stage / "cache" / ".entry.tmp"
        replacement.write_text("new")
        os.replace(replacement, stage / "cache" / "entry")  # writers replace, never write into
        raise RuntimeError("interrupted")
    assert (out / "cache" / "entry").read_text() == "old"


def test_a_shared_folder_is_moved_in_whole_not_linked_file_by_file(tmp_path):
    out = tmp_path / "out"
    rows = out / "cache" / "rows"
    rows.mkdir(parents=True)
    (rows / "a.tsv").write_text("a")
    (out / "cache" / "state").write_text("old")
    folder = os.stat(rows).st_ino
    with staged_folder(out, carry=["cache"], owned=OWNED, shared=["cache/rows"]) as stage:
        assert (stage / "cache" / "rows").is_symlink() and (stage / "cache" / "state").read_text() == "old"
        (stage / "cache" / "rows" / "b.tsv").write_text("b")  # only added to: the present folder's too
        assert names(rows) == ["a.tsv", "b.tsv"]
    rows = out / "cache" / "rows"
    assert not rows.is_symlink() and os.stat(rows).st_ino == folder  # the same folder, one rename
    assert names(rows) == ["a.tsv", "b.tsv"] and names(tmp_path) == ["out"]


def test_a_failed_write_leaves_a_shared_folder_in_the_old_one(tmp_path):
    out = tmp_path / "out"
    (out / "cache" / "rows").mkdir(parents=True)
    (out / "cache" / "rows" / "a.tsv").write_text("a")
    with (
        pytest.raises(RuntimeError),
        staged_folder(out, carry=["cache"], owned=OWNED, shared=["cache/rows"]) as stage,
    ):
        (stage / "cache" / "rows" / "b.tsv").write_text("b")
        raise RuntimeError("writer failed")
    assert names(out / "cache" / "rows") == ["a.tsv", "b.tsv"]  # the link removed, not what it names
    assert names(tmp_path) == ["out"]


def test_a_shared_folder_the_old_one_lacks_is_the_new_ones_own(tmp_path):
    out = tmp_path / "out"
    (out / "cache").mkdir(parents=True)
    with staged_folder(out, carry=["cache"], owned=OWNED, shared=["cache/rows"]) as stage:
        assert not (stage / "cache" / "rows").exists()
        (stage / "cache" / "rows").mkdir()
        (stage / "cache" / "rows" / "a.tsv").write_text("a")
    assert names(out / "cache" / "rows") == ["a.tsv"]
