"""Builds into the folder of an earlier build (graph/incremental.py, graph/cache.py), and on Dask."""

from __future__ import annotations

import importlib.util
import os
import pickle
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, closing
from pathlib import Path

import pyoxigraph as ox
import pytest

from govkg.graph import incremental, sharded, tables
from govkg.graph import store as store_module
from govkg.graph.build import build, extract_file, from_extractions, releases_of_files, sample_paths
from govkg.graph.cache import CACHE, ExtractionCache
from govkg.graph.cli import EXIT_OK, EXIT_USAGE, main
from govkg.graph.incremental import (
    IDENTITY_FILE,
    ROWS,
    ROWS_FILE,
    BuildRecord,
    build_into,
    extract_packed,
    forget_unused,
    load_rows_file,
    map_sources,
    remove_releases,
    rows_of,
    write_build,
)
from govkg.graph.interrupts import pool_workers, worker_pool
from govkg.graph.outputs import write_outputs
from govkg.graph.page_index import INDEX
from govkg.graph.shards import DEFAULT, SHARDS, SHARDS_STATE
from govkg.graph.store import STORE, manifest, store_of

FILES = ["graph.ttl", "graph.nt", "graph.trig", "graph.jsonld", "identity.tsv"]


def written(update, folder):
    write_outputs(update.result, folder, only=FILES)
    update.record.save(folder)
    return {name: (folder / name).read_bytes() for name in FILES}


def fresh(folder, *inputs):
    result = build(list(inputs))
    write_outputs(result, folder, only=FILES)
    return {name: (folder / name).read_bytes() for name in FILES}


def test_a_second_build_reads_only_what_changed(tmp_path, inputs):
    first, second = inputs
    out = tmp_path / "out"
    update = build_into(out, [first, second])
    assert (update.extracted, update.reused) == (11, 0)
    written(update, out)
    again = build_into(out, [first, second])
    assert (again.extracted, again.reused) == (0, 11)
    changed = sorted(second.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert (build_into(out, [first, second]).extracted) == 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="processes are not forked here")
def test_a_build_resolved_in_a_child_process_is_the_build_resolved_here(tmp_path, inputs):
    first, second = inputs
    here, apart = tmp_path / "here", tmp_path / "apart"
    for add in (False, True):  # a build, then an update resolving again what it touches
        sources = [first] if not add else [second]
        expected = build_into(here, sources, add=add)
        update = build_into(apart, sources, add=add, apart=True)
        assert update.corpus == expected.corpus
        assert (update.sources, update.errors, update.warnings) == (
            expected.sources,
            expected.errors,
            expected.warnings,
        )
        assert (update.extracted, update.reused, update.record.removed) == (
            expected.extracted,
            expected.reused,
            expected.record.removed,
        )
        assert written(update, apart) == written(expected, here)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="processes are not forked here")
def test_the_error_of_a_build_in_a_child_process_is_raised_here(tmp_path, inputs, monkeypatch):
    def failing(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(incremental, "_read_all", failing)
    with pytest.raises(OSError, match="disk full"):
        build_into(tmp_path / "out", list(inputs), apart=True)


def test_the_cache_forgets_the_files_an_update_no_longer_builds(tmp_path, inputs):
    first, second = inputs
    out = tmp_path / "out"
    update = build_into(out, [first, second])
    assert update.gone is None  # no build before: every entry is checked
    written(update, out)
    changed = sorted(second.iterdir())[0]
    old_key = update.record.files[str(changed)]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    update = build_into(out, [first, second])
    assert update.gone == {old_key}
    written(update, out)
    assert ExtractionCache(out).has(old_key)
    assert forget_unused(out, update.record, update.gone) == 2  # its records and rows
    with ExtractionCache(out) as cache:
        assert not cache.has(old_key) and not cache.has(old_key, "rows")
        assert all(cache.has(key) for key in update.record.files.values())


def test_added_releases_give_the_files_of_a_fresh_build(tmp_path, inputs):
    first, second = inputs
    out = tmp_path / "out"
    written(build_into(out, [first]), out)
    update = build_into(out, [second], add=True)
    assert (update.extracted, update.reused) == (5, 6)
    assert written(update, out) == fresh(tmp_path / "fresh", first, second)


def test_add_needs_no_old_input_on_disk(tmp_path, inputs):
    first, second = inputs
    out = tmp_path / "out"
    written(build_into(out, [first]), out)
    expected = fresh(tmp_path / "fresh", first, second)
    shutil.rmtree(first)
    assert written(build_into(out, [second], add=True), out) == expected


def test_a_build_makes_the_folder_match_its_inputs(tmp_path, inputs):
    first, second = inputs
    out = tmp_path / "out"
    written(build_into(out, [first, second]), out)
    assert written(build_into(out, [second]), out) == fresh(tmp_path / "fresh", second)


def test_removed_releases_are_left_out_until_added_again(tmp_path, inputs):
    first, second = inputs
    out = tmp_path / "out"
    written(build_into(out, [first, second]), out)
    gone = sorted(second.iterdir())[:2]
    update = remove_releases(out, [path.stem for path in gone])
    assert update.dropped == {path.stem for path in gone} and update.extracted == 0
    after_removal = written(update, out)
    kept = tmp_path / "kept"
    shutil.copytree(second, kept)
    for path in gone:
        (kept / path.name).unlink()
    assert after_removal == fresh(tmp_path / "fresh", first, kept)
    assert build_into(out, [second], add=True).dropped == set()  # listed again: back in


def test_a_removed_release_added_again_in_a_new_file_is_that_file(tmp_path, inputs):
    """remove X, then --add a corrected file of X: the corrected one is built, now and after."""
    first, second = inputs
    out = tmp_path / "out"
    written(build_into(out, [first]), out)
    old = sorted(first.iterdir())[0]
    written(remove_releases(out, [old.stem]), out)
    fixed = tmp_path / "fixed"
    fixed.mkdir()
    (fixed / old.name).write_text(
        old.read_text(encoding="utf-8") + "\n会议由县长王建国主持。\n", encoding="utf-8"
    )
    update = build_into(out, [fixed], add=True)
    assert update.errors == [] and update.dropped == {old.stem}  # the old file's copy left out
    others = tmp_path / "others"
    shutil.copytree(first, others)
    (others / old.name).unlink()
    assert written(update, out) == fresh(tmp_path / "fresh", fixed, others)
    # a later --add of other files keeps the corrected release
    later = build_into(out, [second], add=True)
    assert later.errors == []
    assert written(later, out) == fresh(tmp_path / "fresh2", fixed, others, second)
    # removed again: from every file
    assert BuildRecord.load(out).restored == {old.stem: str(fixed / old.name)}
    again = remove_releases(out, [old.stem])
    assert again.dropped == {old.stem} and again.record.restored == {}
    assert written(again, out) == fresh(tmp_path / "fresh3", others, second)


def test_govkg_remove_and_add_from_the_command_line(tmp_path, inputs, capsys):
    first, second = inputs
    out = tmp_path / "out"
    assert main(["build", str(first), "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    assert main(["build", "--add", str(second), "-o", str(out), "--no-check"]) == EXIT_OK
    assert "5 files read and extracted, 6 unchanged" in capsys.readouterr().out
    assert len(BuildRecord.load(out).files) == 11
    rid = sorted(first.iterdir())[0].stem
    assert main(["remove", str(out), rid, "-q", "--no-check"]) == EXIT_OK
    assert f"release/{rid}>" not in (out / "graph.nt").read_text(encoding="utf-8")
    assert main(["remove", str(out), "no-such-release", "-q"]) == EXIT_USAGE
    assert "no release no-such-release" in capsys.readouterr().err
    assert main(["remove", str(tmp_path / "nothing-here"), rid]) == EXIT_USAGE


def test_cache_entries_of_files_no_longer_built_are_dropped(tmp_path, inputs):
    first, second = inputs
    out = tmp_path / "out"
    assert main(["build", str(first), str(second), "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    assert main(["build", str(second), "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    with closing(sqlite3.connect(ExtractionCache(out).path)) as db:  # each file's records, rows, shards
        assert db.execute("SELECT COUNT(DISTINCT key) FROM entries").fetchone() == (5,)


def test_a_damaged_cache_entry_is_read_again(tmp_path, inputs):
    first, _ = inputs
    out = tmp_path / "out"
    written(build_into(out, [first]), out)
    with closing(sqlite3.connect(ExtractionCache(out).path)) as db, db:
        db.execute("UPDATE entries SET value = ?", (b"not a pickle",))
    (out / "cache" / ROWS_FILE).write_bytes(b"not a pickle either")
    update = build_into(out, [first])
    assert (update.extracted, update.reused) == (6, 0)


def test_an_update_reads_the_rows_of_the_files_it_does_not_read_from_one_file(tmp_path, inputs):
    first, second = inputs
    out = tmp_path / "out"
    written(build_into(out, [first]), out)
    with ExtractionCache(out) as cache:
        keys = [cache.key_of(path) for path in sorted(first.iterdir())]
    assert load_rows_file(out).keys() == set(keys)
    with closing(sqlite3.connect(ExtractionCache(out).path)) as db, db:
        db.execute("DELETE FROM entries WHERE kind = ?", (ROWS,))  # the rows file stands for these
    update = build_into(out, [second], add=True)
    assert (update.extracted, update.reused) == (5, 6)
    expected = fresh(tmp_path / "fresh", first, second)
    assert written(update, out) == expected
    assert len(load_rows_file(out)) == 11
    (out / "cache" / ROWS_FILE).write_bytes(b"damaged")  # then the cache's entries are read
    assert load_rows_file(out) == {}
    assert written(build_into(out, [first, second]), out) == expected
    assert len(load_rows_file(out)) == 11


def test_an_update_resolves_again_only_what_its_releases_touch(tmp_path, inputs, monkeypatch):
    from govkg.extract import resolved
    from govkg.graph import incremental

    first, second = inputs
    whole = build_into(tmp_path / "whole", [first, second]).corpus
    out = tmp_path / "out"
    build_into(out, [first]).record.save(out)
    assert (out / "cache" / IDENTITY_FILE).is_file()
    resolving = []  # the mentions judged (a signature stands for its weight of them)
    real = resolved.judge

    def judge(named, weights=None):
        resolving.append(len(named) if weights is None else sum(weights))
        return real(named, weights)

    monkeypatch.setattr(resolved, "judge", judge)
    # another graph/ (its files are written again) resolves from the same state
    monkeypatch.setattr(incremental, "software_fingerprint", lambda: "another govkg")
    update = build_into(out, [second], add=True)
    assert update.corpus == whole and update.record.software == "another govkg"
    assert 0 < sum(resolving) < sum(len(keys.persons) for keys in whole.keys.values())
    resolving.clear()
    (out / "cache" / IDENTITY_FILE).write_bytes(b"damaged")  # then every release is resolved again
    assert build_into(out, [second], add=True).corpus == whole
    assert sum(resolving) == sum(len(keys.persons) for keys in whole.keys.values())


def test_a_pool_hands_the_records_pickled_and_the_cache_gives_them_back(tmp_path, inputs):
    first, _ = inputs
    path = sorted(first.iterdir())[0]
    found = extract_packed(path)
    assert pickle.loads(found.value) == extract_file(path)
    assert pickle.loads(found.rows) == found.unpacked_rows == (rows_of(extract_file(path)[0]), [])
    out = tmp_path / "out"
    build_into(out, [path])
    with ExtractionCache(out) as cache:
        key = cache.key_of(path)
        assert cache.get(key) == extract_file(path)
        assert cache.get(key, ROWS) == found.unpacked_rows


def test_the_cache_key_follows_bytes_path_and_code(tmp_path):
    cache = ExtractionCache(tmp_path)
    key = cache.key_of_bytes("a.txt", b"x")
    assert key == cache.key_of_bytes("a.txt", b"x")
    assert key != cache.key_of_bytes("b.txt", b"x")
    assert key != cache.key_of_bytes("a.txt", b"y")
    assert key != ExtractionCache(tmp_path, fingerprint="other rules").key_of_bytes("a.txt", b"x")


def test_a_dask_build_gives_the_bytes_of_a_single_process_build(tmp_path, inputs):
    pytest.importorskip("distributed")
    from govkg.graph.cluster import dask_client, extract_with_client

    first, second = inputs
    paths = sorted(first.iterdir()) + sorted(second.iterdir())
    single = fresh(tmp_path / "single", first, second)
    with dask_client("local", workers=2) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        results = list(extract_with_client(client, paths, size=3))  # four partitions
    extractions, errors = releases_of_files(results)
    result = from_extractions(extractions, errors, len(paths))
    folder = tmp_path / "dask"
    write_outputs(result, folder, only=FILES)
    assert {name: (folder / name).read_bytes() for name in FILES} == single


def test_govkg_build_dask_local(tmp_path, inputs, monkeypatch):
    distributed = pytest.importorskip("distributed")
    started = []

    class Counted(distributed.LocalCluster):
        def __init__(self, *args, **kwargs):
            started.append(kwargs)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(distributed, "LocalCluster", Counted)
    first, second = inputs
    out = tmp_path / "out"
    # the second folder as an fsspec URL: the workers read it themselves (graph/remote.py)
    command = ["build", str(first), second.as_uri(), "-o", str(out), "-q", "--no-check", "--dask", "local"]
    assert main(command) == 0
    assert len(started) == 1  # one cluster for phases 1, 2 and 3
    assert {name: (out / name).read_bytes() for name in FILES} == fresh(tmp_path / "single", first, second)
    # the store's page index too (graph/page_index.py), made from the store
    one = tmp_path / "one-process"
    assert main(["build", str(first), str(second), "-o", str(one), "-q", "--no-check"]) == 0
    index = [Path(STORE, INDEX, name) for name in sorted(os.listdir(one / STORE / INDEX))]
    assert len(index) > 3 and all((out / path).read_bytes() == (one / path).read_bytes() for path in index)
    assert main(command) == 0  # nothing changed: no cluster started
    assert len(started) == 1


def test_a_folder_built_from_the_same_files_is_left_as_it_is(tmp_path, inputs, capsys, monkeypatch):
    first, _ = inputs
    out = tmp_path / "out"
    command = ["build", str(first), "-o", str(out), "--no-check"]
    assert main([*command, "-q"]) == EXIT_OK
    before = (out / "graph.nt").stat().st_mtime_ns
    assert main(command) == EXIT_OK
    assert "up to date: 6 files unchanged" in capsys.readouterr().out
    assert (out / "graph.nt").stat().st_mtime_ns == before
    (out / "graph.html").unlink()  # a file missing: written again
    assert main(command) == EXIT_OK
    assert "up to date" not in capsys.readouterr().out and (out / "graph.html").is_file()
    monkeypatch.setattr("govkg.graph.incremental.software_fingerprint", lambda: "another version")
    assert main(command) == EXIT_OK
    assert "up to date" not in capsys.readouterr().out


def test_inputs_in_another_order_are_another_build(tmp_path, inputs):
    first, second = inputs
    out = tmp_path / "out"
    update = build_into(out, [first, second])
    write_outputs(update.result, out)  # every file: a folder missing one is not up to date
    update.record.save(out)
    assert build_into(out, [first, second], reuse_outputs=True).up_to_date
    assert not build_into(out, [second, first], reuse_outputs=True).up_to_date


def _multiplied(folder, releases):
    """A corpus of ``releases`` made of the samples by bench/gen_corpus.py (new names and places per copy)."""
    spec = importlib.util.spec_from_file_location(
        "gen_corpus", Path(__file__).parents[2] / "bench" / "gen_corpus.py"
    )
    module = sys.modules.setdefault("gen_corpus", importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    module.generate(releases, folder, source=sample_paths()[0].parent)
    return folder


def _files_and_shards(folder):
    files = {name: (folder / name).read_bytes() for name in FILES}
    return files, {p.name: p.read_bytes() for p in (folder / SHARDS).iterdir()}


@pytest.mark.parametrize("copies", [1, 3])
def test_a_streamed_build_gives_the_files_and_shards_of_an_in_memory_build(tmp_path, copies):
    corpus = _multiplied(tmp_path / "corpus", 11 * copies)
    out = tmp_path / "out"
    assert main(["build", str(corpus), "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    write_outputs(build([corpus]), tmp_path / "memory")  # the shards from graph.trig
    assert _files_and_shards(out) == _files_and_shards(tmp_path / "memory")


def test_an_added_release_rewrites_its_shard_and_the_default_graph(tmp_path, inputs):
    first, second = inputs
    out = tmp_path / "out"
    assert main(["build", str(first), "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    added = tmp_path / "added"
    added.mkdir()
    shutil.copy(sorted(second.iterdir())[0], added)
    update = build_into(out, [added], add=True)
    write_build(update, out)
    assert (update.shards.written, update.shards.unchanged, update.shards.removed) == (2, 6, 0)


def test_an_added_release_updates_the_network_tables_to_the_views_of_a_fresh_build(
    tmp_path, inputs, monkeypatch
):
    first, second = inputs
    out, whole = tmp_path / "out", tmp_path / "whole"
    assert main(["build", str(first), "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    updated = []
    update_tables = tables._update_tables
    monkeypatch.setattr(tables, "_update_tables", lambda *a: updated.append(update_tables(*a)) or updated[-1])
    assert main(["build", "--add", str(second), "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    assert updated == [True]  # from the first build's tables
    assert main(["build", str(first), str(second), "-o", str(whole), "-q", "--no-check"]) == EXIT_OK
    for name in ("graph.html", "graph.gexf", "graph.graphml"):
        assert (out / name).read_bytes() == (whole / name).read_bytes(), name


def test_shards_mapped_by_dask_workers_are_those_of_one_process(tmp_path, inputs):
    pytest.importorskip("distributed")
    first, second = inputs
    single, dask = tmp_path / "single", tmp_path / "dask"
    write_build(build_into(single, [first, second]), single)
    update = build_into(dask, [first, second])
    write_build(update, dask, dask="local", batch=2)  # six tasks on the LocalCluster's workers
    assert update.shards.written == 12
    assert _files_and_shards(dask) == _files_and_shards(single)


def test_a_pool_started_before_phase_1_maps_the_shards_and_is_shut_down_after(tmp_path, inputs):
    """The command starts phase 3's pool first, while it holds little (worker_pool forks):
    the same shards and files, phase 4 shared with it, and the workers gone after."""
    first, second = inputs
    single, pooled = tmp_path / "single", tmp_path / "pooled"
    write_build(build_into(single, [first, second]), single)
    given_back = sharded._given_back
    with worker_pool(2) as pool:
        submitted = []
        submit = pool.submit
        pool.submit = lambda *a: submitted.append(a[:2] if a[0] is given_back else a[0]) or submit(*a)
        update = build_into(pooled, [first, second], pool=pool)
        write_build(update, pooled, workers=2, batch=2, pool=pool)
        # six batches (identity from nothing resolved in this process), then the RDF files and the
        # Gephi files (the shards' rows are too few to hand out), each handing back its worker's
        # free memory once done; shut down after phase 4
        tasks = [(given_back, sharded.write_rdf_files), (given_back, sharded._write_gephi)]
        assert submitted == [map_sources] * 6 + tasks
        assert pool._shutdown_thread
    assert _files_and_shards(pooled) == _files_and_shards(single)


def test_an_update_changes_the_lines_of_the_releases_it_adds_not_those_it_keeps(tmp_path, inputs):
    """The build used the corpus, whose IRI names no build: graph.nt gains and loses no line that
    names a release the update kept (``<build> prov:used <release>`` changed one for every release)."""
    first, second = inputs
    out = tmp_path / "out"
    update = build_into(out, [first])
    write_build(update, out, before_swap=update.record.save)
    before = set((out / "graph.nt").read_text(encoding="utf-8").splitlines())
    update = build_into(out, [second], add=True)
    write_build(update, out, before_swap=update.record.save)
    after = set((out / "graph.nt").read_text(encoding="utf-8").splitlines())

    def releases(lines):  # the release nodes named
        node = re.compile(r"<\S+/id/release/[^/#>]+>")
        return {word for line in lines for word in line.split() if node.fullmatch(word)}

    kept = releases(before)
    assert kept and releases(after) > kept
    ours = ("<https://w3id.org/govkg/id/build/", "<https://w3id.org/govkg/id/corpus>")
    changed = [line for line in before ^ after if line.startswith(ours)]
    assert changed and not releases(changed) & kept
    assert len([line for line in before - after if line.startswith(ours)]) <= 3  # the old build's own


def test_the_pool_s_workers_end_with_its_last_task_while_the_page_index_is_written(
    tmp_path, inputs, monkeypatch
):
    """Phase 4's last task for the pool (the Gephi files) ends while this process writes the page
    index: its workers end then, rather than wait idle, holding their memory, until phase 4 is done."""
    first, second = inputs
    out, seen = tmp_path / "out", []
    real_index = sharded.write_page_index

    def index(*args, **kwargs):
        deadline = time.monotonic() + 30
        while any(worker.is_alive() for worker in pool_workers(pool)) and time.monotonic() < deadline:
            time.sleep(0.05)
        seen.append([worker.is_alive() for worker in pool_workers(pool)])
        return real_index(*args, **kwargs)

    monkeypatch.setattr(sharded, "write_page_index", index)
    with worker_pool(2) as pool:
        update = build_into(out, [first, second], pool=pool)
        write_build(update, out, workers=2, batch=2, pool=pool)
    assert seen == [[False, False]]
    assert (out / "graph.gexf").is_file() and (out / "graph.graphml").is_file()


def test_an_update_resolves_its_groups_of_name_blocks_in_the_pool(tmp_path, inputs):
    first, second = inputs
    out = tmp_path / "out"
    update = build_into(out, [first])
    write_build(update, out, before_swap=update.record.save)
    with worker_pool(2) as pool:
        submitted = []
        submit = pool.submit
        pool.submit = lambda *args: submitted.append(args[0].__name__) or submit(*args)
        corpus = build_into(out, [second], add=True, pool=pool).corpus
    assert "_resolved_in_pool" in submitted
    assert corpus == build_into(tmp_path / "whole", [first, second]).corpus


def test_an_update_maps_only_the_files_whose_releases_changed(tmp_path, inputs, monkeypatch):
    first, second = inputs
    out = tmp_path / "out"
    write_build(build_into(out, [first, second]), out)
    read = []
    monkeypatch.setattr(
        "govkg.graph.incremental.map_sources", lambda folder, work, *rest: read.append(work) or []
    )
    update = build_into(out, [first, second])  # the same files: rows from the cache, nothing mapped again
    write_build(update, out)
    assert (update.extracted, read, update.shards.written) == (0, [], 0)


def _store_dump(database) -> list[str]:
    return sorted(str(quad) for quad in ox.Store.read_only(str(database)).quads_for_pattern(None, None, None))


def _loaded(path) -> list[str]:
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    return sorted(str(quad) for quad in store.quads_for_pattern(None, None, None))


def _update_steps(first, second, out) -> tuple[str, Iterator[list[str]]]:
    """The commands of a build of ``first`` into ``out`` followed by three updates: ``second``
    added, a file of ``first`` changed (another day, written just before its command) and a
    release of ``second`` removed (its id is returned with them)."""
    changed = sorted(first.iterdir())[1]
    rid = sorted(second.iterdir())[0].stem

    def steps():
        yield ["build", str(first), "-o", str(out)]
        yield ["build", "--add", str(second), "-o", str(out)]
        text = changed.read_text(encoding="utf-8").splitlines(keepends=True)
        changed.write_text("".join([text[0], "2019-07-11\n", *text[2:]]), encoding="utf-8")  # another day
        yield ["build", str(first), str(second), "-o", str(out)]
        yield ["remove", str(out), rid]

    return rid, steps()


def _fresh_without(fresh, first, second, rid):
    """A fresh build into ``fresh`` of what :func:`_update_steps` left: release ``rid`` gone."""
    (second / f"{rid}.txt").unlink()
    assert main(["build", str(first), str(second), "-o", str(fresh), "-q", "--no-check"]) == EXIT_OK
    return fresh


def test_an_update_applies_what_changed_to_the_previous_store(tmp_path, inputs, monkeypatch, capsys):
    first, second = inputs
    out = tmp_path / "out"
    changes = []
    real = store_module.apply_changes
    monkeypatch.setattr(store_module, "apply_changes", lambda *a, **k: changes.append(real(*a, **k)))
    rid, steps = _update_steps(first, second, out)

    bases = []
    real_previous = sharded._Previous.of
    monkeypatch.setattr(
        sharded._Previous, "of", lambda *a: bases.append(real_previous(*a) is not None) or real_previous(*a)
    )
    for number, command in enumerate(steps):
        assert main([*command, "-q", "--no-check"]) == EXIT_OK
        assert len(changes) == number  # the first build loads its store whole, each update applies changes
        assert _store_dump(store_of(out)) == _loaded(out / "graph.nt")
        # the RDF files: those of the previous build spliced, the bytes of files written whole
        assert set(bases) == {number > 0}
        whole = sharded.write_rdf_files(out / SHARDS, tmp_path / f"whole{number}")
        assert {name: path.read_bytes() for name, path in whole.items()} == {
            name: (out / name).read_bytes() for name in whole
        }
        bases.clear()
    assert all(removed and added for removed, added in changes)
    fresh = _fresh_without(tmp_path / "fresh", first, second, rid)
    assert (fresh / "graph.nt").read_bytes() == (out / "graph.nt").read_bytes()
    assert manifest(out)["triples"] == manifest(fresh)["triples"]
    capsys.readouterr()
    stats = []
    for folder in (out, fresh):
        assert main(["stats", str(folder)]) == EXIT_OK
        stats.append(capsys.readouterr().out)
    assert stats[0] == stats[1]


def _build_tree(folder):
    """Each file of a build folder but its store and cache (times of files, SQLite pages), by path:
    its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.relative_to(folder).parts[0] not in ("store", "cache")
    }


def test_what_a_killed_build_left_in_a_folder_written_in_place_is_removed_by_the_next(tmp_path, inputs):
    first, second = inputs
    out, clean = tmp_path / "out", tmp_path / "clean"
    for folder in (out, clean):  # the user's file: both are written in place
        folder.mkdir()
        (folder / "notes.txt").write_text("the user's")
        assert main(["build", str(first), "-o", str(folder), "-q", "--no-check"]) == EXIT_OK
    finished = subprocess.Popen([sys.executable, "-c", ""])
    finished.wait()
    dead, live = finished.pid, os.getppid()
    # what a build killed (SIGKILL) in phase 4 leaves: its scratch files, named with its pid
    left = [
        f".govkg-network.{dead}.0123abcd.tmp/nodes.tsv",
        f".graph.nt.{dead}.0123abcd.added",
        f".graph.nt.{dead}.0123abcd.removed",
        f"..graph.nt.{dead}.0123abcd.added.{dead}.4567cdef.tmp",
        f".graph.ttl.{dead}.89abcdef.tmp",
        f".store.{dead}.0123abcd.tmp/database/CURRENT",
        f"cache/rdf/.graphs.tsv.{dead}.0123abcd.tmp",
        f"shards/.default.nq.{dead}.0123abcd.tmp",
    ]
    for name in left:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text("half")
    os.link(out / "graph.nt", out / f".graph.nt.{dead}.0123abcd.previous")
    running = out / f".graph.nt.{live}.0123abcd.previous"  # a writer that still runs
    running.write_text("theirs")
    for folder in (out, clean):
        assert main(["build", str(first), str(second), "-o", str(folder), "-q", "--no-check"]) == EXIT_OK
    assert running.read_text() == "theirs"
    running.unlink()
    assert sorted(path.name for path in out.iterdir()) == sorted(path.name for path in clean.iterdir())
    assert [path for path in out.rglob(".*") if "store" not in path.relative_to(out).parts] == []
    assert _build_tree(out) == _build_tree(clean)


def test_an_update_reads_from_the_cache_only_the_rows_of_releases_it_touches(tmp_path, inputs, monkeypatch):
    from govkg.graph import incremental

    first, second = inputs
    out = tmp_path / "out"
    written(build_into(out, [first, second]), out)
    rows_kept = load_rows_file(out)
    assert all(isinstance(row, incremental.Kept) for rows, _ in rows_kept.values() for row in rows)
    read: list[str] = []
    real = incremental.CachedRows._read

    def counted(self, key):
        read.append(key)
        return real(self, key)

    monkeypatch.setattr(incremental.CachedRows, "_read", counted)
    # another graph/ (the files are written again), the same releases: no row is read
    monkeypatch.setattr(incremental, "software_fingerprint", lambda: "another govkg")
    update = build_into(out, [first, second])
    assert update.corpus == build_into(tmp_path / "whole", [first, second]).corpus
    assert read == []
    # a changed release: its row is read now, and only the rows of the releases its names reach
    changed = sorted(second.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    update = build_into(out, [first, second])
    assert update.corpus == build_into(tmp_path / "whole2", [first, second]).corpus
    assert len(set(read)) < 10


def test_an_update_follows_the_change_in_the_shards_and_gives_the_bytes_of_a_fresh_build(
    tmp_path, inputs, monkeypatch
):
    """--add, a file changed, remove: only the files that changed are mapped, their lines of the
    index and of the default graph edited in (the RDF files taking default.nq's changes from that
    edit, not from a merge of its two versions); files and shards those of a fresh build."""
    first, second = inputs
    out = tmp_path / "out"
    monkeypatch.setattr(incremental, "FOLLOWED_SHARE", 1.0)  # however many of these few files change
    calls = []
    for name in ("update_release_shards", "write_release_shards"):
        real = getattr(incremental, name)
        monkeypatch.setattr(incremental, name, lambda *a, _n=name, _f=real: calls.append(_n) or _f(*a))
    mapped = []
    real_map = incremental.map_sources
    monkeypatch.setattr(
        incremental, "map_sources", lambda f, work, *rest: mapped.extend(work) or real_map(f, work, *rest)
    )
    merged = []
    real_of = sharded._DefaultChanges.of
    monkeypatch.setattr(sharded._DefaultChanges, "of", lambda *a: merged.append(a) or real_of(*a))
    rid, steps = _update_steps(first, second, out)

    files = []
    for command in steps:
        calls.clear(), mapped.clear()
        assert main([*command, "-q", "--no-check"]) == EXIT_OK
        files.append(len(mapped))
        assert calls == (["write_release_shards"] if not files[1:] else ["update_release_shards"])
    assert files == [6, 5, 1, 0]  # every file, the five added, the one changed, none (its file had one)
    assert merged == []
    fresh = _fresh_without(tmp_path / "fresh", first, second, rid)
    assert _files_and_shards(out) == _files_and_shards(fresh)


def test_an_update_makes_the_default_graphs_rows_from_its_edit_and_gives_the_views_of_a_fresh_build(
    tmp_path, inputs, monkeypatch
):
    """The default graph's network rows (a unit made in passes: here every unit is) made by an
    update from those of the shard it edited and from that edit, the rest of it not read; the
    views and rows those of a fresh build. Where the state keeps no refs beside the rows (an older
    govkg's), the rows are made whole, and their refs kept for the next update."""
    first, second = inputs
    out = tmp_path / "out"
    monkeypatch.setattr(incremental, "FOLLOWED_SHARE", 1.0)
    monkeypatch.setattr(sharded, "STREAMED_BYTES", 0)
    updated = []
    real = tables.updated_streamed_rows
    monkeypatch.setattr(sharded, "updated_streamed_rows", lambda *a: updated.append(real(*a)) or updated[-1])
    rid, steps = _update_steps(first, second, out)
    made = []
    for number, command in enumerate(steps):
        updated.clear()
        if number == 2:  # a build of a govkg that kept no refs
            for refs in (out / CACHE / sharded.NETWORK_STATE / sharded.UNIT_ROWS).glob(
                f"*{sharded.REFS_SUFFIX}"
            ):
                refs.unlink()
        assert main([*command, "-q", "--no-check"]) == EXIT_OK
        made.append([rows is not None for rows in updated])
    assert made == [[], [True], [], [True]]
    fresh = _fresh_without(tmp_path / "fresh", first, second, rid)
    for name in ("graph.html", "graph.gexf", "graph.graphml"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    kept = {
        p.name: p.read_bytes() for p in (out / CACHE / sharded.NETWORK_STATE / sharded.UNIT_ROWS).glob("*.*")
    }
    whole = {
        p.name: p.read_bytes()
        for p in (fresh / CACHE / sharded.NETWORK_STATE / sharded.UNIT_ROWS).glob("*.*")
    }
    assert kept.keys() == whole.keys()
    assert sum(name.endswith(sharded.REFS_SUFFIX) for name in kept) == 1
    for name in kept:
        if name.endswith((".tsv", sharded.REFS_SUFFIX)):
            assert kept[name] == whole[name], name


def test_the_release_shards_rows_are_made_as_they_are_written_not_read_back(tmp_path, inputs, monkeypatch):
    """Each release shard's network rows are made in phase 3 from its triples in hand: phase 4
    reads back the default graph's shard alone, in a build from nothing and in each update, and
    the rows kept are the bytes network_units makes of the shards read back."""
    first, second = inputs
    out = tmp_path / "out"
    monkeypatch.setattr(incremental, "FOLLOWED_SHARE", 1.0)
    read = []
    real = sharded._make_rows
    monkeypatch.setattr(
        sharded, "_make_rows", lambda missing: read.extend(m[1].name for m in missing) or real(missing)
    )
    rid, steps = _update_steps(first, second, out)
    for command in steps:
        read.clear()
        assert main([*command, "-q", "--no-check"]) == EXIT_OK
        assert set(read) <= {DEFAULT}, command
    folder = out / CACHE / sharded.NETWORK_STATE / sharded.UNIT_ROWS
    kept = {p.name: p.read_bytes() for p in folder.glob("*.tsv")}
    with ExitStack() as stack:
        sharded.network_units(out / SHARDS, tmp_path / "made", stack, tmp_path)
    made = {p.name: p.read_bytes() for p in (tmp_path / "made" / sharded.UNIT_ROWS).glob("*.tsv")}
    assert len(made) == len(list((out / SHARDS).glob("*.nq")))
    assert kept == made
    fresh = _fresh_without(tmp_path / "fresh", first, second, rid)
    assert kept == {
        p.name: p.read_bytes() for p in (fresh / CACHE / folder.relative_to(out / CACHE)).glob("*.tsv")
    }


def test_an_update_whose_shards_state_does_not_describe_the_folder_writes_them_whole(tmp_path, inputs):
    first, second = inputs
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert main(["build", str(first), "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    default = out / SHARDS / "default.nq"
    default.write_bytes(default.read_bytes())  # the same bytes, another file: the state is not used
    assert main(["build", "--add", str(second), "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    assert main(["build", str(first), str(second), "-o", str(fresh), "-q", "--no-check"]) == EXIT_OK
    assert _files_and_shards(out) == _files_and_shards(fresh)


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("places.tsv", b"<s> <p> <o> .\tmany\n"),
        ("tenures.marshal", b"\x00garbage"),
        ("build.nt", b"\xff\xfe"),
    ],
)
def test_an_update_whose_shards_state_is_damaged_writes_them_whole(
    tmp_path, inputs, monkeypatch, name, damage
):
    """A state file changed by something else than a build (its stamps still those of the folder):
    the update writes the shards whole, with no traceback, and gives a fresh build's bytes."""
    first, second = inputs
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    monkeypatch.setattr(incremental, "FOLLOWED_SHARE", 1.0)  # however many of these few files change
    assert main(["build", str(first), "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    (out / CACHE / SHARDS_STATE / name).write_bytes(damage)
    assert main(["build", "--add", str(second), "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    assert main(["build", str(first), str(second), "-o", str(fresh), "-q", "--no-check"]) == EXIT_OK
    assert _files_and_shards(out) == _files_and_shards(fresh)


# Phase 4's store and page index are written while the pool writes graph.gexf and graph.graphml
# (sharded.write_network_files' meanwhile): an error in either ends the build as before.


def _slow_gephi(*args):
    """The Gephi files, written by a pool's worker that takes its time (forked: module level)."""
    time.sleep(120)
    return sharded._write_gephi(*args)


def _broken_gephi(*args):
    raise ValueError("the Gephi files failed")


def _index_broken(*args, **kwargs):
    raise OSError("the page index failed")


def _kept_build(folder):
    """What a reader of a build folder reads: its files but the cache and the store's database."""
    return _build_tree(folder) | {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted((folder / STORE).rglob("*"))
        if path.is_file() and "oxigraph" not in path.relative_to(folder).parts
    }


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param({"_write_gephi": _slow_gephi, "write_page_index": _index_broken}, id="index"),
        pytest.param({"_write_gephi": _broken_gephi}, id="gephi"),
    ],
)
def test_an_update_whose_index_or_gephi_files_fail_leaves_the_old_build(
    tmp_path, inputs, monkeypatch, broken
):
    """The page index failing while a worker still writes the Gephi files (then stopped, not waited
    for), or the Gephi files failing once the index is written: the old build is left whole."""
    first, second = inputs
    out = tmp_path / "out"
    update = build_into(out, [first])
    write_build(update, out, before_swap=update.record.save)
    before = _kept_build(out)
    for name, function in broken.items():
        monkeypatch.setattr(sharded, name, function)
    with worker_pool(2) as pool:  # forked after the change: its workers' Gephi files are changed too
        update = build_into(out, [second], add=True, pool=pool)
        started = time.monotonic()
        with pytest.raises((OSError, ValueError), match="failed"):
            write_build(update, out, workers=2, pool=pool, before_swap=update.record.save)
        assert time.monotonic() - started < 60  # the slow worker stopped
        assert not any(process.is_alive() for process in pool_workers(pool))
    assert _kept_build(out) == before
    assert incremental.outputs_current(out)
    assert not list(tmp_path.glob(".out.*")) and not list(out.glob(".*"))


# A build's store, loaded from the shards, needs none of the RDF files: its page index is written
# while the pool's worker may still be writing them.
_INDEX_STARTED: Path | None = None  # set before the pool is forked
_REAL_RDF_FILES = sharded.write_rdf_files
_REAL_PAGE_INDEX = sharded.write_page_index


def _rdf_files_after_the_index(*args):
    """The RDF files, written by a pool's worker once the page index has started (at most 60 s on)."""
    deadline = time.monotonic() + 60
    while not _INDEX_STARTED.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return _REAL_RDF_FILES(*args)


def _page_index_noted(*args, **kwargs):
    _INDEX_STARTED.touch()
    return _REAL_PAGE_INDEX(*args, **kwargs)


def test_a_build_writes_its_page_index_while_its_rdf_files_are_still_written(tmp_path, inputs, monkeypatch):
    first, _ = inputs
    out, alone = tmp_path / "out", tmp_path / "alone"
    monkeypatch.setattr(sys.modules[__name__], "_INDEX_STARTED", tmp_path / "index-started")
    monkeypatch.setattr(sharded, "write_rdf_files", _rdf_files_after_the_index)
    monkeypatch.setattr(sharded, "write_page_index", _page_index_noted)
    with worker_pool(2) as pool:  # forked after the change: its worker waits for the index
        update = build_into(out, [first], pool=pool)
        started = time.monotonic()
        write_build(update, out, workers=2, pool=pool, before_swap=update.record.save)
        assert time.monotonic() - started < 45  # not the worker's 60 s: the index did not wait for it
    monkeypatch.undo()
    update = build_into(alone, [first])
    write_build(update, alone, workers=1, before_swap=update.record.save)
    stamped = f"{STORE}/{store_module.MANIFEST}"  # the files' times, else the same
    assert {**_kept_build(out), stamped: None} == {**_kept_build(alone), stamped: None}
    assert set(manifest(out)["files"]) == {"graph.nt", "graph.ttl", "graph.trig", "graph.jsonld"}
    assert incremental.outputs_current(out)
