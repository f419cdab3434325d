"""The extraction cache's promises: reuse across builds, a damaged entry or database is a miss,
entries of files gone are forgotten, a crash leaves a usable cache."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest

from govkg.graph.cache import ExtractionCache


def _database(cache):
    return closing(sqlite3.connect(cache.path))


@pytest.fixture
def cache(tmp_path):
    with ExtractionCache(tmp_path) as opened:
        yield opened


def test_entries_put_are_found_by_the_next_build(tmp_path):
    with ExtractionCache(tmp_path) as first:
        key = first.key_of_bytes("a.txt", b"text")
        first.put(key, (["records"], []))
        first.put(key, ["rows"], "rows")
    with ExtractionCache(tmp_path) as second:
        assert second.get(key) == (["records"], [])
        assert second.get(key, "rows") == ["rows"]
        assert second.get(key, "mapped") is None
        assert (second.hits, second.misses) == (2, 1)


def test_the_kinds_of_many_keys_come_in_one_query_in_their_order(cache):
    cache.put("ab", ["records"])
    cache.put("ab", ["rows"], "rows")
    cache.put("cd", ["rows"], "rows")
    asked: list[str] = []
    cache._connection(create=False).set_trace_callback(asked.append)
    found = cache.kinds_of(["cd", None, "ef", "ab", "cd"])
    assert found == [{"rows"}, set(), set(), {"", "rows"}, {"rows"}]
    assert sum(1 for sql in asked if sql.lstrip().upper().startswith("SELECT")) == 1
    assert found[0] is found[4]  # one set for each combination of kinds


def test_the_kinds_of_keys_without_a_database_are_none(tmp_path):
    with ExtractionCache(tmp_path) as empty:
        assert empty.kinds_of(["ab", None]) == [set(), set()]
    assert not (tmp_path / "cache").exists()


def test_an_entry_put_again_replaces_the_first(cache):
    cache.put("ab", 1, "mapped")
    cache.put("ab", 2, "mapped")
    assert cache.get("ab", "mapped") == 2


def test_every_entry_is_a_row_of_one_database(tmp_path):
    with ExtractionCache(tmp_path) as cache:
        for number in range(1000):
            cache.put(cache.key_of_bytes(f"{number}.txt", b""), number)
    assert [path.name for path in cache.path.parent.iterdir()] == [cache.path.name]


def test_reading_a_folder_without_a_cache_makes_nothing(tmp_path):
    with ExtractionCache(tmp_path / "out") as cache:
        assert cache.get("ab") is None and not cache.has("ab") and cache.keep_only(set()) == 0
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("damage", [b"not a pickle", b"\x80\x05\x95", b""])
def test_a_damaged_entry_is_a_miss(cache, damage):
    cache.put("ab", ["records"])
    cache.put("cd", ["other"])
    cache.close()
    with _database(cache) as db, db:
        db.execute("UPDATE entries SET value = ? WHERE key = ?", (damage, bytes.fromhex("ab")))
    assert cache.get("ab") is None and cache.misses == 1
    assert cache.get("cd") == ["other"]


@pytest.mark.parametrize("content", [b"not a database at all", b"SQLite format 3\x00" + b"\xff" * 5000])
def test_a_file_that_is_no_database_is_a_miss_and_replaced(tmp_path, content):
    cache = ExtractionCache(tmp_path)
    cache.path.parent.mkdir(parents=True)
    cache.path.write_bytes(content)
    assert cache.get("ab") is None and not cache.has("ab")
    cache.put("ab", ["records"])
    cache.close()
    assert ExtractionCache(tmp_path).get("ab") == ["records"]


def test_a_truncated_database_never_fails_a_build(tmp_path):
    with ExtractionCache(tmp_path) as cache:
        keys = [cache.key_of_bytes(f"{number}.txt", b"") for number in range(300)]
        for key in keys:
            cache.put(key, "x" * 3000)
    data = cache.path.read_bytes()
    cache.path.write_bytes(data[: len(data) // 2])
    with ExtractionCache(tmp_path) as damaged:
        found = [damaged.get(key) for key in keys]  # each what was put, or a miss
        assert set(found) <= {"x" * 3000, None} and None in found
        damaged.put(keys[-1], "again")
        damaged.keep_only(keys[-2:])
    assert ExtractionCache(tmp_path).get(keys[-1]) == "again"


def test_keep_only_forgets_every_entry_of_the_other_keys(cache):
    for key in ("aa", "bb", "cc"):
        cache.put(key, [key])
        cache.put(key, [key], "rows")
    assert cache.keep_only({"bb", "dd"}) == 4
    assert [cache.has(key) or cache.has(key, "rows") for key in ("aa", "bb", "cc")] == [False, True, False]
    assert cache.get("bb", "rows") == ["bb"]


def test_keep_only_of_the_keys_gone_looks_at_those_alone_while_the_cache_holds_no_others(cache):
    for key in ("aa", "bb", "cc"):
        cache.put(key, [key])
        cache.put(key, [key], "rows")
    statements: list[str] = []
    cache._connection(create=False).set_trace_callback(statements.append)
    assert cache.keep_only({"bb", "cc", "dd"}, gone={"aa", "zz"}) == 2
    assert [cache.has(key) for key in ("aa", "bb", "cc")] == [False, True, True]
    assert not [statement for statement in statements if "NOT IN" in statement]  # no entry swept


def test_keep_only_of_the_keys_gone_checks_every_entry_when_the_cache_holds_more(cache):
    # the entries of a build stopped before it kept only its own ("cc", named by no record)
    for key in ("aa", "bb", "cc"):
        cache.put(key, [key])
    assert cache.keep_only({"bb"}, gone={"aa"}) == 2
    assert [cache.has(key) for key in ("aa", "bb", "cc")] == [False, True, False]


CRASH = """
import os, sys
from govkg.graph.cache import ExtractionCache
cache = ExtractionCache(sys.argv[1], commit_every=10)
for number in range(25):  # two transactions committed, the third cut off
    cache.put(f"{number:04x}", ["records"] * 100)
os._exit(9)
"""


def test_a_build_that_dies_leaves_a_usable_cache(tmp_path):
    died = subprocess.run([sys.executable, "-c", CRASH, str(tmp_path)], check=False)
    assert died.returncode == 9
    with ExtractionCache(tmp_path) as cache:
        found = [cache.get(f"{number:04x}") is not None for number in range(25)]
        assert found == [True] * 20 + [False] * 5
        cache.put("ffff", ["after"])
    assert ExtractionCache(tmp_path).get("ffff") == ["after"]
