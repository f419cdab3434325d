"""Identity kept between builds: an update re-resolves only what its changed releases touch.

:func:`~govkg.extract.identity.resolve` decides every release's keys from the
whole mention table. Its three steps depend on little of it (see the section
"resolving persons, by partitions of names" there):

1. a mention's place in the light of its release depends on that release's
   row alone;
2. a release that does not say where it speaks for is placed from the
   entries of ``Known`` for the names it mentions, and from the entries and
   rounds of the other such releases that share a name with it: it is
   asked again in a round only when one of them was placed in the round
   before, and reads nothing of the others;
3. the rules across releases compare mentions of one name, or names one
   confusable character apart, which share a :func:`~govkg.extract.identity.name_block`:
   a block's nodes, decisions and tenures depend on its mentions alone.

:class:`Resolved` keeps what each step decided, by release, by name and by
block, in a SQLite database (a build's ``cache/identity.sqlite``), read and
written a row at a time: an update reads and writes only the releases and
blocks it touches, and a build holds at most a batch of it; the corpus
returned reads each release's keys and the report's sorted decisions and
variants from it as they are asked for. :func:`resolve_kept` makes the corpus of a
table from it: step 1 runs for the releases that are new or changed (or
gone: what they said is taken back), step 2 for the releases without a place
among those or naming a name whose entries changed (and, until none is left,
for those sharing a name with one whose round or places moved), step 3 for
the blocks whose mentions changed, and the corpus's keys, decisions,
tenures, aliases and variants are those kept, with the ones of what was done
again put in their place. The corpus is the one ``resolve`` gives the same
table (``==``), as a test checks after each kind of change.

Step 3 judges a block's mentions a :func:`signature` at a time: mentions alike
in all it reads of them but their release's day get one node, reason and
namesakes, so each signature is judged once, standing for all its mentions (the
misspelling rule counts them). The state keeps each block's signatures, with how
many mentions each stands for, the days they attest and what was made of them;
an update judges a block again from those, its members that came or went taken
out or put in, and writes again only the decisions of the mentions that came and
of the signatures whose outcome moved (a national leader named in a thousand
releases is a few signatures, not a thousand mentions read and written again).
"""

from __future__ import annotations

import gc
import hashlib
import json
import marshal
import mmap
import os
import pickle
import sqlite3
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor
from functools import lru_cache
from itertools import chain, islice
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import NamedTuple

from govkg.extract.identity import (
    PARTITION_RELEASES,
    PLACING_ROUNDS,
    REPORT_HEADER,
    Alias,
    Corpus,
    Decision,
    Known,
    Named,
    PersonKey,
    PersonMention,
    Post,
    ReadAsDict,
    ReadAsTuple,
    ReleaseKeys,
    ReleaseMentions,
    Tenure,
    TitleMention,
    Variant,
    _add_known,
    _in_release,
    _name,
    _office,
    _report_line,
    _shared,
    _unplaced,
    _written_organizations,
    alias_of,
    collector_paused,
    decision_line,
    fingerprint,
    give_back_memory,
    judge,
    name_block,
    partition_of,
    partitions_for,
    place_round,
    places_named,
    post_of,
    variant_rows,
)
from govkg.extract.places import NATIONAL

# (name simplified, place, reason, note) of each person of a release, in order: steps 1 and 2's result
Steps = tuple[tuple[str, str | None, str, str], ...]
VariantRow = tuple[str, str, str, str, str]  # (kind, key, release, name as written, reason)

# Rows written at a time: what an update or a build holds of the state besides a group of blocks
BATCH = 2000
# Groups of blocks sent to a pool's processes at a time (their members' rows held until resolved):
# one for each of two processes, and one ready
IN_FLIGHT = 3
# Releases of a group of blocks resolved in a pool: small groups, so that what a process (and the
# build's, holding the groups in flight) keeps of one after, its heap's free pieces, stays small:
# at 30,000 releases a process held 82 MB after groups of 5,000, 45 after groups of 500 (16 idle;
# phase 3's mapping leaves about 70 there), the build's 248 and 192 MB (205 resolving alone).
# Only an update's groups go to the pool: a 30,000-release build from nothing with them there
# peaked at 875 (groups of 5,000) and 833 MB (500) for the process tree, against 769 resolving in
# the command alone (single runs, load 5 to 9), a cost not yet told from the runs' noise
POOL_RELEASES = 500

# Each table of the state; values pickled. By release: origin (the caller's token of its row),
# steps (1 and 2), round (step 2's, 0: not placed; none for a release that says where it speaks
# for), evidence (the entries its titles give before step 2 places it: (name, place, offices)),
# offices (of a release without a place, each person's: what others read of it once step 2
# places it), places (the place names it writes), keys. By name: the entries of Known
# (releases that say where they speak for) and the releases without a place naming it. By
# block: the releases with a mention in it, each with all step 3 reads of its mentions there
# (:func:`_member_row`: an update reads no release's row to resolve a block again), its
# decisions (each with the key of its mention's signature) and tenures (step 3), and its
# signatures: the mentions alike in all that step 3 reads of them, each with how many there are,
# the days they attest and what step 3 made of them (:func:`signature`). The corpus's aliases
# by (kind, name), with how many nodes name them. The decisions, tenures and variants indexed
# in the corpus's order.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS origin (rid TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS steps (rid TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS round (rid TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS evidence (rid TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS offices (rid TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS places (rid TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS keys (rid TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS known (
    name TEXT, place TEXT, rid TEXT, offices BLOB, PRIMARY KEY (name, place, rid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS unplaced (name TEXT, rid TEXT, PRIMARY KEY (name, rid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS member (block TEXT, rid TEXT, value BLOB, PRIMARY KEY (block, rid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS decision (block TEXT, node TEXT, rid TEXT, person TEXT, value BLOB, sig BLOB);
CREATE TABLE IF NOT EXISTS signature (
    block TEXT, key BLOB, count INTEGER NOT NULL, content BLOB, outcome BLOB, dates BLOB,
    PRIMARY KEY (block, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tenure (block TEXT, person TEXT, place TEXT, office TEXT, value BLOB);
CREATE TABLE IF NOT EXISTS variant (kind TEXT, key TEXT, rid TEXT, name TEXT, reason TEXT);
CREATE TABLE IF NOT EXISTS reference (
    kind TEXT, name TEXT, count INTEGER NOT NULL, alias TEXT, PRIMARY KEY (kind, name)
) WITHOUT ROWID;
"""
_BY_RELEASE = ("origin", "steps", "round", "evidence", "offices", "places", "keys")
# The indexes an update reads through, not a state made from nothing: made once its rows are in
_INDEXES = {
    "known_of": "known (rid)",
    "unplaced_of": "unplaced (rid)",
    "decision_order": "decision (node, rid, person)",
    "decision_member": "decision (block, rid)",
    "decision_sig": "decision (block, sig)",
    "tenure_order": "tenure (person, place, office)",
    "tenure_of": "tenure (block)",
    "variant_order": "variant (kind, key, rid, name, reason)",
    "variant_of": "variant (rid)",
}
_PLAIN = {"origin", "round"}  # stored as they are
# tuples of str, None and frozensets: marshal's, quicker
_MARSHALLED = {"steps", "evidence", "offices", "places"}
_VERSION = "3"


def _dumps(value) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _encode(table: str, value):
    if table in _PLAIN:
        return value
    if table == "keys":
        return _keys_row(value)
    return marshal.dumps(value) if table in _MARSHALLED else _dumps(value)


def _decode(table: str, value):
    if table in _PLAIN:
        return value
    if table == "keys":
        return _keys(value)
    return marshal.loads(value) if table in _MARSHALLED else pickle.loads(value)


# A release's keys as marshal's plain dicts and tuples: phase 3 asks every release's keys of an
# update (the digest of what its shards are made from), and a pickle's objects cost it a
# Python call each to read back
def _keys_row(keys: ReleaseKeys) -> bytes:
    return marshal.dumps(
        (
            {key: (n.name, n.place, n.release) for key, n in keys.persons.items()},
            dict(keys.organizations),
            {key: (post.place, post.office) for key, post in keys.posts.items()},
        )
    )


def _keys(data: bytes) -> ReleaseKeys:
    persons, organizations, posts = marshal.loads(data)
    return ReleaseKeys(
        {key: _person_key(*node) for key, node in persons.items()},
        organizations,
        {key: _post(*post) for key, post in posts.items()},
    )


# one object for each node and post read back: officials recur in release after release
_person_key = lru_cache(maxsize=1 << 16)(PersonKey)
_post = lru_cache(maxsize=1 << 16)(Post)


def forget_read_keys() -> None:
    """Drop the nodes and posts that releases' keys read back share (:func:`_keys`), once a
    build's releases are mapped: full from 10,000 releases on (14 MB of Python's objects, 3.7 at
    3,000), they were held through the build's last steps, which read no keys."""
    _person_key.cache_clear()
    _post.cache_clear()


# Decisions, tenures and a release's nodes as marshal's plain tuples (a pickle a decision cost
# more than resolving it)
def _decision_row(d: Decision) -> bytes:
    node = d.node
    return marshal.dumps(
        (d.release, d.person, d.name, (node.name, node.place, node.release), d.reason, d.apart_from)
    )


def _decision(data: bytes) -> Decision:
    release, person, name, node, reason, apart_from = marshal.loads(data)
    return Decision(release, person, name, PersonKey(*node), reason, apart_from)


def _tenure_row(t: Tenure) -> bytes:
    person, post = t.person, t.post
    return marshal.dumps(
        ((person.name, person.place, person.release), (post.place, post.office), t.first, t.last)
    )


def _tenure(data: bytes) -> Tenure:
    person, post, first, last = marshal.loads(data)
    return Tenure(PersonKey(*person), Post(*post), first, last)


def _member_row(
    row: ReleaseMentions, steps: Steps, indexes: list[int], persons: Callable[[PersonMention], bytes]
) -> bytes:
    """What step 3 reads of a release's mentions of one block (the persons at ``indexes``), as
    marshal's tuples: its date, whether it is national news, and of each mention its index in
    the release, its person (name, key, jurisdiction, titles with their offices: marshal's
    bytes of its own, made once for each person and read once for each) and steps 1 and 2's
    name, place, reason and note."""
    written = row.persons
    return marshal.dumps(
        (
            row.date,
            row.place == NATIONAL,
            tuple((index, persons(written[index]), *steps[index]) for index in indexes),
        )
    )


def _person_row(person) -> tuple:
    return (
        person.name,
        person.key,
        person.jurisdiction,
        tuple(
            (
                t.title,
                t.jurisdiction,
                t.organization,
                None if t.office is None else tuple(getattr(t.office, f) for f in _OFFICE_FIELDS),
            )
            for t in person.titles
        ),
        person.foreign,
        person.private,
    )


_OFFICE_FIELDS = ("title", "office", "level", "place", "national", "chief", "elsewhere")


def _person(data: tuple) -> PersonMention:
    """The person of a :func:`_person_row`, its strings and offices shared (one object each)."""
    name, key, jurisdiction, titles, foreign, private = data
    return PersonMention(
        _shared(name),
        _shared(key),
        _shared(jurisdiction),
        tuple(
            TitleMention(
                _shared(title),
                _shared(where),
                _shared(organ),
                None if office is None else _office(*office),
            )
            for title, where, organ, office in titles
        ),
        foreign,
        private,
    )


def _nodes_row(nodes: dict) -> bytes:
    """A release's nodes of a group of blocks: Person.key -> (node, the posts of its titles)."""
    return marshal.dumps(
        {
            key: ((n.name, n.place, n.release), tuple(p and (p.place, p.office) for p in held))
            for key, (n, held) in nodes.items()
        }
    )


def _nodes(data: bytes) -> dict:
    return {
        key: (PersonKey(*node), tuple(p and Post(*p) for p in held))
        for key, (node, held) in marshal.loads(data).items()
    }


class Resolved:
    """What resolving a table decided, kept for the next: by release, by name and by block of
    names, in a SQLite database at ``path`` (None: in memory). ``basis`` says what made it (the
    caller's: extraction's code and data); ``origin`` says which row each release was resolved
    from (the caller's token of it: its file's key).

    A file that is not such a database (damaged, or of another version) is made anew, empty.
    Pickled, an in-memory copy of the database travels (the tests keep states so).
    """

    def __init__(self, path: str | Path | None = None, basis: str = "") -> None:
        self.path = None if path is None else Path(path)
        try:
            self._open()
        except sqlite3.DatabaseError:
            self.db.close()
            self.path.unlink(missing_ok=True)
            self._open()
        if self.basis != basis and basis:
            self.clear(basis)
        self._pending: dict[str, list] = defaultdict(list)

    def _open(self) -> None:
        self.db = sqlite3.connect(":memory:" if self.path is None else str(self.path), isolation_level=None)
        self.db.execute("PRAGMA cache_size = -16000")  # 16 MB of pages at most
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("PRAGMA temp_store = FILE")
        version = self._meta("version")
        if version not in (None, _VERSION):
            raise sqlite3.DatabaseError(f"identity state of version {version}")
        self.db.executescript(_SCHEMA)
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(decision)")}
        if "sig" not in columns:  # a state of a govkg that kept no signatures: none is trusted
            self.db.execute("ALTER TABLE decision ADD COLUMN sig BLOB")
        self.indexed(True)
        if version is None:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (_VERSION,))

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    @property
    def generation(self) -> int:
        """How many updates made the state (0: none, or a govkg that did not count them)."""
        return int(self._meta("generation") or 0)

    def _meta(self, key: str) -> str | None:
        try:
            found = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:  # no such table: a new database
            return None
        return found[0] if found else None

    @property
    def basis(self) -> str:
        return self._meta("basis") or ""

    def clear(self, basis: str) -> None:
        """Forget everything: the state of a table of no releases, made by ``basis``."""
        tables = [name for (name,) in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for name in tables:
            self.db.execute(f"DELETE FROM {name}")  # the schema's own names
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (_VERSION,))
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('basis', ?)", (basis,))

    def indexed(self, on: bool) -> None:
        """Make the indexes an update reads through (``on``), or drop them: a state made from
        nothing is written faster without, and its indexes made at once when it is in."""
        for name, table in _INDEXES.items():
            self.db.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table}" if on else f"DROP INDEX IF EXISTS {name}"
            )

    def begin(self) -> None:
        if not self.db.in_transaction:
            self.db.execute("BEGIN")

    def commit(self) -> None:
        self.flush()
        if self.db.in_transaction:
            self.db.execute("COMMIT")

    def rollback(self) -> None:
        """Drop what was written since :meth:`begin`."""
        self._pending.clear()
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def close(self) -> None:
        self.db.close()

    def __reduce__(self):
        self.commit()
        return _restored, (self.db.serialize(),)

    # by release
    def get(self, table: str, rid: str, default=None):
        found = self.db.execute(f"SELECT value FROM {table} WHERE rid = ?", (rid,)).fetchone()
        if found is None:
            return default
        return _decode(table, found[0])

    def put(self, table: str, rid: str, value) -> None:
        """Set a release's value in ``table``: written with others, at the latest when read."""
        self.later(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", (rid, _encode(table, value)))

    def later(self, statement: str, row: tuple) -> None:
        """Run ``statement`` with ``row``, with others of it: at the latest at :meth:`flush`."""
        pending = self._pending[statement]
        pending.append(row)
        if len(pending) >= BATCH:
            self._run(statement)

    def drop(self, table: str, rid: str) -> None:
        self.db.execute(f"DELETE FROM {table} WHERE rid = ?", (rid,))

    def _run(self, statement: str) -> None:
        pending = self._pending.pop(statement, None)
        if pending:
            self.db.executemany(statement, pending)

    def flush(self) -> None:
        """Run every statement put off (:meth:`later`): before what was written is read."""
        for statement in list(self._pending):
            self._run(statement)

    def origins(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT rid, value FROM origin"))

    # by name
    def known_of(self, names: Iterable[str]) -> Known:
        known: Known = {}
        for name in sorted(names):
            for place, rid, offices in self.db.execute(
                "SELECT place, rid, offices FROM known WHERE name = ?", (name,)
            ):
                known.setdefault(name, {}).setdefault(place, {})[rid] = marshal.loads(offices)
        return known

    def add_known(self, rid: str, known: Known) -> None:
        for name, places in known.items():
            for place, by_release in places.items():
                self.later(
                    "INSERT OR REPLACE INTO known VALUES (?, ?, ?, ?)",
                    (name, place, rid, marshal.dumps(by_release[rid])),
                )

    def unplaced_naming(self, name: str) -> list[str]:
        return [rid for (rid,) in self.db.execute("SELECT rid FROM unplaced WHERE name = ?", (name,))]

    # by block
    def members(self, block: str) -> list[str]:
        return [rid for (rid,) in self.db.execute("SELECT rid FROM member WHERE block = ?", (block,))]

    def releases_of(self, blocks: list[str], every: bool = False) -> int:
        """How many releases have a mention in one of ``blocks`` (``every``: they are all)."""
        if every:
            return self.db.execute("SELECT count(DISTINCT rid) FROM member").fetchone()[0]
        found: set[str] = set()
        for chunk in _chunks(blocks):
            found.update(
                rid
                for (rid,) in self.db.execute(
                    f"SELECT rid FROM member WHERE block IN ({', '.join('?' * len(chunk))})", chunk
                )
            )
        return len(found)

    def member_rows(self, blocks: list[str]) -> Iterator[tuple[str, str, bytes]]:
        """(block, release, :func:`_member_row`) of every mention of ``blocks``, in no order."""
        for chunk in _chunks(blocks):
            yield from self.db.execute(
                f"SELECT block, rid, value FROM member WHERE block IN ({', '.join('?' * len(chunk))})", chunk
            )

    def kept_keys(self, blocks: list[str]) -> dict[str, bytes]:
        """The keys' row (as kept: :func:`_keys_row`) of each release with a mention in ``blocks``."""
        found: dict[str, bytes] = {}
        for chunk in _chunks(blocks):
            found.update(
                self.db.execute(
                    "SELECT rid, value FROM keys WHERE rid IN "
                    f"(SELECT rid FROM member WHERE block IN ({', '.join('?' * len(chunk))}))",
                    chunk,
                )
            )
        return found

    def resolved_before(self, block: str) -> bool:
        return (
            self.db.execute("SELECT 1 FROM decision WHERE block = ? LIMIT 1", (block,)).fetchone() is not None
        )

    # the corpus's lists, in its order
    def decisions(self) -> Iterator[Decision]:
        for (value,) in self.db.execute("SELECT value FROM decision ORDER BY node, rid, person"):
            yield _decision(value)

    def node_lines(
        self, blocks: list[str] | None = None, decision: tuple[str, str, str] | None = None
    ) -> Iterator[tuple[str, str]]:
        """(node, its line of the report) of each decision (of ``blocks``; or whose node, release
        and person are ``decision``), in the order of :meth:`decisions`."""
        if decision is not None:
            rows = self.db.execute(
                "SELECT node, value FROM decision WHERE node = ? AND rid = ? AND person = ? "
                "ORDER BY node, rid, person",
                decision,
            )
        elif blocks is None:
            rows = self.db.execute("SELECT node, value FROM decision ORDER BY node, rid, person")
        else:
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS asked (block TEXT PRIMARY KEY) WITHOUT ROWID")
            self.db.execute("DELETE FROM asked")
            self.db.executemany("INSERT OR IGNORE INTO asked VALUES (?)", ((block,) for block in blocks))
            rows = self.db.execute(
                "SELECT node, value FROM decision WHERE block IN (SELECT block FROM asked) "
                "ORDER BY node, rid, person"
            )
        for node, value in rows:
            release, person, name, _, reason, apart_from = marshal.loads(value)
            yield node, decision_line(release, person, name, node, reason, apart_from)

    def decision_lines(self) -> Iterator[str]:
        """The report's line of each decision (:func:`~govkg.extract.identity.decision_line`), in
        the order of :meth:`decisions`, made from the rows without a Decision between."""
        for node, value in self.db.execute("SELECT node, value FROM decision ORDER BY node, rid, person"):
            release, person, name, _, reason, apart_from = marshal.loads(value)
            yield decision_line(release, person, name, node, reason, apart_from)

    def tenures(self) -> Iterator[Tenure]:
        for (value,) in self.db.execute("SELECT value FROM tenure ORDER BY person, place, office"):
            yield _tenure(value)

    def variants(self, cells: tuple[str, ...] | None = None) -> Iterator[Variant]:
        """The corpus's variants in order (those whose cells are ``cells``: kind, key, release,
        name, reason)."""
        if cells is None:
            rows = self.db.execute(
                "SELECT kind, key, rid, name, reason FROM variant ORDER BY kind, key, rid, name, reason"
            )
        else:
            rows = self.db.execute(
                "SELECT kind, key, rid, name, reason FROM variant "
                "WHERE kind = ? AND key = ? AND rid = ? AND name = ? AND reason = ?",
                cells,
            )
        for row in rows:
            yield Variant(*row)

    def aliases(self) -> Iterator[Alias]:
        for row in self.db.execute(
            "SELECT kind, name, alias FROM reference WHERE alias IS NOT NULL ORDER BY kind != 'place', name"
        ):
            yield Alias(*row)

    def count(self, table: str) -> int:
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    """``values`` in lists of ``size`` at most: the parameters of one query (SQLite allows some)."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _restored(data: bytes) -> Resolved:
    state = Resolved()
    state.db.deserialize(data)
    return state


@lru_cache(maxsize=1 << 18)
def _block(name: str) -> str:
    """:func:`~govkg.extract.identity.name_block` of a simplified name, read once."""
    return name_block(name)


_release_id = attrgetter("release")


def resolve_kept(
    table: Iterable[ReleaseMentions] | Mapping[str, ReleaseMentions],
    origins: Mapping[str, str],
    kept: Resolved | None,
    basis: str,
    partitions: int | None = None,
    digest: str | None = None,
    pool: Executor | None = None,
) -> tuple[Corpus, Resolved]:
    """The corpus of ``table`` (rows, one per release id) and what to keep of it.

    ``table`` may be a mapping of release id -> row, iterated in the order of
    the ids, that reads a row when asked for (graph/incremental.py's
    ``CachedRows``): only those of the releases an update touches are; then
    ``digest`` is the corpus's :func:`~govkg.extract.identity.fingerprint`
    of its releases' ids and text digests.

    ``origins`` gives each release's token (a row with the same token is the
    same row); ``kept`` is what the previous call returned (changed in place:
    do not use it, or the corpus it gave, again), or None (a state in
    memory); ``basis`` must be the one it was made with, else everything is
    resolved again. Step 3 runs over ``partitions`` groups of the blocks to
    do at a time (default: one for each 5,000 releases of them), by the
    processes of ``pool`` when given and the state is not empty (a process pool:
    the build's, idle while identity is resolved; then one group for each
    :data:`POOL_RELEASES`), else here. The state is committed when this returns; the corpus reads its keys,
    decisions and variants from it.
    """
    with collector_paused():
        if not isinstance(table, Mapping):
            table = {row.release: row for row in sorted(table, key=_release_id)}
        if digest is None:
            digest = fingerprint((rid, row.text_digest) for rid, row in table.items())
        state = kept if kept is not None else Resolved()
        if state.basis != basis:
            state.clear(basis)
        state.begin()
        try:
            since = state.generation
            corpus = _update(table, dict(origins), state, partitions, digest, pool, since)
            state.set_meta("generation", str(since + 1))
            state.set_meta("signatures", str(since + 1))  # kept by this update (see _update)
        except BaseException:
            state.rollback()
            raise
        state.commit()
        return corpus, state


def _update(
    rows: Mapping[str, ReleaseMentions],
    origins: dict[str, str],
    state: Resolved,
    partitions: int | None,
    digest: str,
    pool: Executor | None = None,
    since: int = 0,
) -> Corpus:
    before = state.origins()
    empty = not before  # nothing to take back or to compare with: written without indexes
    if empty:
        state.indexed(False)
    gone = [rid for rid in before if rid not in rows]
    changed = [rid for rid in rows if before.get(rid) != origins[rid]]
    again = [rid for rid in changed if rid in before]
    del before
    entries: set[str] = set()  # names whose entries (step 2's evidence) may have changed
    # what step 2 reads of the known entries a change may move, before it (of a state made from
    # nothing, none: every release without a place is asked about)
    support_before = {} if empty else _support(state, _told(rows, state, (*gone, *again), changed))
    evidence: set[str] = set()  # names whose evidence (of releases step 2 places) changed
    dirty: set[str] = set()  # blocks whose mentions changed
    references = _References(state)
    person_rows = _PersonRows()
    db = state.db
    # each member row an update takes back or puts, (block, release) -> its value: step 3 of a
    # block whose signatures are kept takes the one out and puts the other in (none of a state
    # made from nothing, whose blocks are all judged whole)
    taken: dict[tuple[str, str], bytes] = {}
    put: dict[tuple[str, str], bytes] | None = None if empty else {}
    # the variants taken back and put (the report's lines of those alone are made again)
    variant_edits: set[tuple[str, ...]] = set()
    # what the gone and changed releases said is taken back
    for rid in (*gone, *again):
        steps = state.get("steps", rid, ())
        names = {name for name, *_ in steps}
        if state.get("round", rid) is None:  # said where it speaks for: its entries
            entries.update(_with_place(steps))
        else:  # placed by step 2, or not: all it may have said to others (its evidence, and
            # each mention with a place once placed; of a name it holds no place for, nothing)
            said = {name for name, *_ in state.get("evidence", rid, ())}
            said.update(_with_place(steps))
            entries |= said
            evidence |= said
        blocks = {_block(name) for name in names}
        dirty |= blocks
        _take_members(db, taken, rid, blocks)
        db.executemany("DELETE FROM member WHERE block = ? AND rid = ?", [(block, rid) for block in blocks])
        db.execute("DELETE FROM known WHERE rid = ?", (rid,))
        db.execute("DELETE FROM unplaced WHERE rid = ?", (rid,))
        variant_edits.update(
            db.execute("SELECT kind, key, rid, name, reason FROM variant WHERE rid = ?", (rid,))
        )
        db.execute("DELETE FROM variant WHERE rid = ?", (rid,))
        references.add("place", state.get("places", rid, ()), -1)
        old = state.get("keys", rid)
        if old is not None:
            references.add("organization", old.organizations.values(), -1)
        for name in _BY_RELEASE:
            state.drop(name, rid)
    # step 1 for the new and changed releases (final for those that say where they speak for)
    for rid in changed:
        row = rows[rid]
        state.put("origin", rid, origins[rid])
        unplaced = _unplaced(row)  # step 2 places it (its step 1 again there)
        mentions = _in_release(row)
        names = {m.name for m in mentions}
        own: Known = {}
        _add_known(own, rid, mentions, False)
        entries.update(own)
        dirty.update(_block(name) for name in names)
        if unplaced:
            evidence.update(own)
            state.put(
                "evidence",
                rid,
                tuple(
                    (name, place, offices)
                    for name, places in own.items()
                    for place, by_release in places.items()
                    for offices in by_release.values()
                ),
            )
            state.put("offices", rid, tuple(m.office_names for m in mentions))
            for name in names:
                state.later("INSERT OR IGNORE INTO unplaced VALUES (?, ?)", (name, rid))
        else:
            steps = tuple((m.name, m.place, m.reason, "") for m in mentions)
            state.put("steps", rid, steps)
            _put_members(state, rid, row, steps, person_rows, put)
            state.add_known(rid, own)
        places = tuple(places_named(row))
        state.put("places", rid, places)
        references.add("place", places, 1)
        for variant in sorted(variant_rows([row])):
            state.later("INSERT INTO variant VALUES (?, ?, ?, ?, ?)", variant)
            variant_edits.add(tuple(variant))
    state.flush()
    if not empty:
        # a release naming a name is asked again only if what step 2 reads of its entries moved:
        # an entry that adds neither a place nor an office to its name's moves no inference
        support_after = _support(state, entries - evidence)
        entries = {
            name
            for name in entries
            if name in evidence or support_before.get(name) != support_after.get(name)
        }
        del support_after
    del support_before
    # step 2 for the releases without a place whose evidence a change reaches
    for rid, (placed_in, steps) in _placed_again(rows, state, entries, changed).items():
        state.put("round", rid, placed_in)
        before_steps = state.get("steps", rid)
        if before_steps != steps:
            blocks = {_block(name) for name, *_ in (*(before_steps or ()), *steps)}
            dirty |= blocks
            if put is not None:
                _take_members(db, taken, rid, blocks)
            state.put("steps", rid, steps)
            _put_members(state, rid, rows[rid], steps, person_rows, put)
    state.flush()
    del entries
    # step 3 for the blocks whose mentions changed, a group of blocks at a time
    dirty_blocks = sorted(
        block for block in dirty if empty or state.members(block) or state.resolved_before(block)
    )
    del dirty
    if empty:  # a build from nothing resolves here (see POOL_RELEASES)
        pool = None
    # a block whose signatures the last update kept is judged again from them and its members that
    # came or went; the others (of a state made from nothing, or by a govkg that kept none) whole
    again_blocks: list[str] = []
    if not empty:
        if state._meta("signatures") != str(since):  # kept by no update, or not by the last one
            db.execute("DELETE FROM signature")
        else:
            kept_signatures = [
                block
                for block in dirty_blocks
                if db.execute("SELECT 1 FROM signature WHERE block = ? LIMIT 1", (block,)).fetchone()
            ]
            if kept_signatures:
                again_blocks = kept_signatures
                again_set = set(again_blocks)
                dirty_blocks_whole = [block for block in dirty_blocks if block not in again_set]
    whole_blocks = dirty_blocks if not again_blocks else dirty_blocks_whole
    groups = partitions or partitions_for(
        state.releases_of(whole_blocks, every=empty), POOL_RELEASES if pool else PARTITION_RELEASES
    )
    touched = set(changed)
    changed_set = set(changed)
    # the rows of the changed releases, read already (of a table read whole, every row)
    rows_read = rows if isinstance(rows, dict) else {rid: rows[rid] for rid in changed}
    # each group's nodes of a release, one row (read back for its keys, below)
    db.execute("CREATE TEMP TABLE IF NOT EXISTS fresh (rid TEXT, value BLOB)")
    db.execute("CREATE INDEX IF NOT EXISTS temp.fresh_of ON fresh (rid)")
    db.execute("DELETE FROM fresh")
    # the names of the nodes of the blocks resolved again, before and after: the report's lines of
    # the others are those of the last (None: a report made whole, see KeptDecisions.report_pieces)
    report_names: set[str] | None = None if empty else set()
    # of a block judged again from its signatures, the decisions deleted and put, by node: the
    # report's lines of those alone are made again (a name in every release has thousands)
    report_lines: dict[str, set[tuple[str, str]]] = {}
    if again_blocks:
        removed: dict[str, list] = defaultdict(list)
        added: dict[str, list] = defaultdict(list)
        for (block, rid), value in taken.items():
            removed[block].append((rid, value))
        for (block, rid), value in put.items():
            added[block].append((rid, value))
        for block in again_blocks:
            result, gone, old_places = _resolved_again(
                state, block, sorted(removed[block]), sorted(added[block]), rows_read
            )
            report_names = _line_edits(
                report_names, report_lines, chain(gone, (row[1:4] for row in result.decisions))
            )
            references.add("place", old_places, -1)
            _put_group(state, references, result, touched)
    del taken, put
    for group, result in _group_results(_groups(whole_blocks, groups), state, rows_read, pool, not empty):
        if report_names is not None:
            report_names = _node_names(
                report_names,
                (
                    node
                    for block in group
                    for (node,) in db.execute("SELECT DISTINCT node FROM decision WHERE block = ?", (block,))
                ),
                (node for _, node, *_ in result.decisions),
            )
        if not empty:
            for block in group:
                old_places = [
                    place for (place,) in db.execute("SELECT place FROM tenure WHERE block = ?", (block,))
                ]
                references.add("place", old_places, -1)
                db.execute("DELETE FROM decision WHERE block = ?", (block,))
                db.execute("DELETE FROM tenure WHERE block = ?", (block,))
                db.execute("DELETE FROM signature WHERE block = ?", (block,))
        _put_group(state, references, result, touched)
        del result
    state.flush()
    if pool is not None:
        give_back_memory()  # the groups' rows held in flight, given back before phase 3
    dirty_set = set(dirty_blocks)
    del dirty_blocks
    # the keys of every release one of those blocks names, or that changed
    for rid in sorted(touched):
        if rid not in rows:
            continue
        nodes = {}
        for (value,) in db.execute("SELECT value FROM fresh WHERE rid = ? ORDER BY rowid", (rid,)):
            nodes.update(_nodes(value))
        old = None if empty else state.get("keys", rid)
        if rid not in changed_set and old is not None:  # its row unchanged: its keys with the nodes moved
            state.put("keys", rid, _keys_moved(old, nodes))
            continue
        row = rows[rid]
        if old is not None:
            references.add("organization", old.organizations.values(), -1)
        persons, posts = {}, {}
        # of a state made from nothing, every block was resolved: no step's name asked for
        steps = ((None,),) * len(row.persons) if empty else state.get("steps", rid)
        for person, (name, *_) in zip(row.persons, steps, strict=True):
            key = person.key
            if empty or _block(name) in dirty_set:
                _put_node(persons, posts, key, nodes[key])
            else:
                persons[key] = old.persons[key]
                for index in range(len(person.titles)):
                    post = old.posts.get((key, index))
                    if post is not None:
                        posts[(key, index)] = post
        made = ReleaseKeys(persons, _written_organizations(row), posts)
        state.put("keys", rid, made)
        references.add("organization", made.organizations.values(), 1)
    state.flush()
    db.execute("DELETE FROM fresh")
    references.settle()
    if empty:
        state.indexed(True)
    return KeptCorpus(tuple(rows), digest, since, report_names, report_lines, variant_edits).corpus(state)


class KeptCorpus(NamedTuple):
    """What a corpus of a state (:func:`resolve_kept`) holds besides the state: the releases, its
    fingerprint, and the generation, names, lines and variants its report is spliced by
    (:class:`KeptDecisions`). A process that resolved the state hands this on (pickled: plain
    values), and the process that writes the build reopens the corpus on its own connection to the
    state (:meth:`corpus`): a build resolves identity in a child process, which takes what it held
    and freed with it (graph/incremental.py's ``build_into``)."""

    releases: tuple[str, ...]
    fingerprint: str
    since: int = 0
    names: set[str] | None = None
    lines: Mapping[str, set[tuple[str, str]]] | None = None
    variants: set[tuple[str, ...]] | None = None

    @classmethod
    def of(cls, corpus: Corpus) -> KeptCorpus | None:
        """What reopens ``corpus`` on its state; None for a corpus not read from a state."""
        decisions = corpus.decisions
        if not isinstance(decisions, KeptDecisions) or not isinstance(corpus.keys, KeptKeys):
            return None
        return cls(
            corpus.releases,
            corpus.fingerprint,
            decisions._since,
            decisions._names,
            decisions._lines,
            decisions._variants,
        )

    def corpus(self, state: Resolved) -> Corpus:
        """The corpus of these releases, read from ``state``."""
        decisions = KeptDecisions(
            state, "decisions", state.count("decision"), self.since, self.names, self.lines, self.variants
        )
        return Corpus(
            releases=self.releases,
            keys=KeptKeys(state, self.releases),
            tenures=KeptList(state, "tenures", state.count("tenure")),
            same_as=tuple(state.aliases()),
            decisions=decisions,
            variants=KeptList(state, "variants", state.count("variant")),
            fingerprint=self.fingerprint,
        )


class KeptKeys(ReadAsDict):
    """Release id -> :class:`~govkg.extract.identity.ReleaseKeys`, read from a state when asked
    for (phase 3 of a build asks a batch of releases at a time); iterates in ``releases``' order,
    equal to a dict of the same items and pickled as one."""

    def __init__(self, state: Resolved, releases: tuple[str, ...]) -> None:
        self._state = state
        self._releases = releases

    def __getitem__(self, rid: str) -> ReleaseKeys:
        found = self._state.get("keys", rid)
        if found is None:
            raise KeyError(rid)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._releases)

    def __len__(self) -> int:
        return len(self._releases)

    def digests(self) -> dict[str, str]:
        """Each release's id -> a digest of its keys' row as kept, all read in one query (no keys
        made): a row kept unchanged is the same keys (the same keys may be written as another row)."""
        rows = self._state.db.execute("SELECT rid, value FROM keys")
        return {rid: hashlib.blake2b(value, digest_size=16).hexdigest() for rid, value in rows}


class KeptList(ReadAsTuple):
    """The corpus's decisions, tenures or variants, read in order from a state as they are
    iterated; equal to a tuple of the same values and pickled as one. Phase 3 reads the tenures
    twice (the posts, then who held them); held as a tuple, they stayed in the command through
    phase 4 and grew with the corpus."""

    def __init__(self, state: Resolved, which: str, count: int) -> None:
        self._state = state
        self._which = which
        self._count = count

    def __iter__(self) -> Iterator:
        return getattr(self._state, self._which)()

    def __len__(self) -> int:
        return self._count


class KeptDecisions(KeptList):
    """The corpus's decisions as a :class:`KeptList`, which also gives their lines of the report
    (identity_lines asks for them: the decisions of a large corpus are not made to be written),
    and the whole report spliced from the last (:meth:`report_pieces`).

    ``since`` is the state's generation the update started from; ``names``, the names of the
    nodes of the blocks it resolved again whole, before and after (None: a state made from
    nothing, or a node whose name the report's order cannot tell, see :func:`_node_names`);
    ``lines``, of the blocks judged again from their signatures, the decisions deleted and put,
    by node: each node's releases and persons (:func:`_line_edits`); ``variants``, the variants
    (kind, key, release, name, reason) the update took back and put."""

    def __init__(
        self,
        state: Resolved,
        which: str,
        count: int,
        since: int = 0,
        names: set[str] | None = None,
        lines: Mapping[str, set[tuple[str, str]]] | None = None,
        variants: set[tuple[str, ...]] | None = None,
    ) -> None:
        super().__init__(state, which, count)
        self._since = since
        self._names = names
        self._lines = lines or {}
        self._variants = variants
        self._written: dict | None = None

    def report_lines(self) -> Iterator[str]:
        return self._state.decision_lines()

    def report_pieces(self, previous: str | Path | None = None) -> Iterator[bytes]:
        """``identity.tsv`` (:func:`~govkg.extract.identity.identity_lines`, the same bytes) in
        pieces of UTF-8: the lines of the nodes whose blocks were not resolved again copied from
        ``previous``, when that is the report written from the state this update started from
        (:meth:`report_written` says so, by the file's size, time and inode), else made whole.

        The report's person lines are sorted by node, and a name's nodes (``name@...``) stand
        together: a name's lines are found by a binary search of the file, and those of each name
        resolved again whole put in their place; of a block judged again from its signatures, only
        the lines of the decisions deleted and put, each found by its node, release and person
        (the order of the lines of one node); the variants after them likewise, those taken back
        and put found by all their cells (the variants' order)."""
        found = self._report_of(previous)
        self._written = {"plain": True}
        yield _HEADER
        if found is None:
            yield from self._whole()
        else:
            yield from self._spliced(Path(previous), found)
        self._written["variants_at"] = self._written.pop("at")
        edits = self._variants
        if found is None or edits is None or any("\t" in c or "\n" in c for edit in edits for c in edit):
            yield from _encoded(_variant_line(v) for v in self._state.variants())
        else:
            yield from self._spliced_variants(Path(previous), found["variants_at"], sorted(edits))

    def report_written(self, path: str | Path) -> None:
        """Say that ``path`` holds the report :meth:`report_pieces` gave: the next update splices it."""
        if self._written is None:
            return
        found = os.stat(path)
        self._written |= {
            "generation": self._since + 1,
            "size": found.st_size,
            "mtime": found.st_mtime_ns,
            "inode": found.st_ino,
        }
        self._state.set_meta("report", json.dumps(self._written, sort_keys=True))

    def _report_of(self, previous: str | Path | None) -> dict | None:
        """What the state says of the report at ``previous``, when it may be spliced."""
        if previous is None or self._names is None:
            return None
        try:
            said = json.loads(self._state._meta("report") or "null")
            found = os.stat(previous)
        except (OSError, ValueError):
            return None
        if not isinstance(said, dict) or not said.get("plain") or said.get("generation") != self._since:
            return None
        if (said.get("size"), said.get("mtime"), said.get("inode")) != (
            found.st_size,
            found.st_mtime_ns,
            found.st_ino,
        ):
            return None
        return said

    def _whole(self) -> Iterator[bytes]:
        plain = True

        def lines() -> Iterator[str]:
            nonlocal plain
            for node, line in self._state.node_lines():
                plain = plain and _plain_node(node)
                yield line

        at = len(_HEADER)
        for piece in _encoded(lines()):
            at += len(piece)
            yield piece
        self._written |= {"at": at, "plain": plain}

    def _spliced(self, previous: Path, said: dict) -> Iterator[bytes]:
        names = sorted(self._names, key=_name_bound)
        # the lines of the names asked: a block judged again from its signatures holds other
        # names too, whose lines did not move (copied from the last report with the rest)
        asked = set(names)
        fresh = (line for line in self._state.node_lines(_blocks_of(names)) if _name_of(line[0]) in asked)
        pending = next(fresh, None)
        # each edit where it starts in the report's order: a name's nodes, or one decision's lines
        edits = sorted(
            [(_name_bound(name), b"", b"", name) for name in names]
            + [
                (node.encode(), rid.encode(), person.encode(), (node, rid, person))
                for node, keys in self._lines.items()
                if _name_of(node) not in asked
                for rid, person in keys
            ]
        )
        plain = True
        at = len(_HEADER)
        with previous.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as old:
            cursor, end = len(_HEADER), said["variants_at"]
            if old[:cursor] != _HEADER or end > len(old):
                raise ValueError(f"{previous}: not the report the state says")
            for *key, edit in edits:
                if isinstance(edit, str):  # a name's lines, all made again
                    start = _first_line(old, cursor, end, key[0])
                    stop = _first_line(old, start, end, _name_bound(edit, after=True))
                    lines = []
                    while pending is not None and _name_of(pending[0]) == edit:
                        plain = plain and _plain_node(pending[0])
                        lines.append(pending[1])
                        pending = next(fresh, None)
                else:  # the lines of one decision (node, release, person), as it is now
                    start, stop = _keyed_lines(old, cursor, end, tuple(key), _decision_key)
                    lines = [line for _, line in self._state.node_lines(decision=edit)]
                piece = old[cursor:start]
                at += len(piece)
                yield piece
                piece = "".join(lines).encode("utf-8")
                at += len(piece)
                yield piece
                cursor = stop
            if pending is not None:  # a node of a block resolved again whose name was not said
                raise ValueError(f"{pending[0]}: a node of no name resolved again")
            piece = old[cursor:end]
        self._written |= {"at": at + len(piece), "plain": plain}
        yield piece

    def _spliced_variants(self, previous: Path, start: int, edits: list[tuple[str, ...]]) -> Iterator[bytes]:
        """The report's variant lines: those of ``previous`` from ``start`` on, with the lines of each
        variant of ``edits`` (sorted) taken out and its lines now put in their place."""
        with previous.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as old:
            cursor, end = start, len(old)
            for edit in edits:
                key = tuple(cell.encode() for cell in edit)
                found, stop = _keyed_lines(old, cursor, end, key, _variant_key)
                yield old[cursor:found]
                yield "".join(_variant_line(v) for v in self._state.variants(edit)).encode("utf-8")
                cursor = stop
            yield old[cursor:end]


def _variant_line(v: Variant) -> str:
    return _report_line(v.kind, v.key, v.release, v.name, v.name, v.reason, "")


def _variant_key(data, start: int) -> tuple[bytes, ...]:
    """(kind, key, release, name, reason) of the variant line at ``start``: its place in their order."""
    cells = data[start : data.find(b"\n", start)].split(b"\t")
    return cells[0], cells[1], cells[2], cells[3], cells[5]


def _first_keyed(data, lo: int, hi: int, key, key_of: Callable) -> int:
    """The start of the first line in ``data[lo:hi]`` (whole lines, in the order of ``key_of``: a
    line's start to its key) whose key is ``key`` or after it; ``hi`` when there is none. The
    report's person lines are found by their node (:func:`_node_key`) or decision
    (:func:`_decision_key`), its variant lines by :func:`_variant_key`."""
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", lo, mid) + 1 or lo  # the line holding mid
        if key_of(data, start) < key:
            lo = data.find(b"\n", start, hi) + 1  # the line after
        else:
            hi = start
    return lo


def _keyed_lines(data, lo: int, hi: int, key, key_of: Callable) -> tuple[int, int]:
    """Where the lines of ``data[lo:hi]`` whose key is ``key`` start and end (:func:`_first_keyed`;
    an empty range where it would stand when there is none)."""
    start = stop = _first_keyed(data, lo, hi, key, key_of)
    while stop < hi and key_of(data, stop) == key:
        stop = data.find(b"\n", stop, hi) + 1
    return start, stop


_HEADER = REPORT_HEADER.encode()
_LINES = 2000  # the report's lines made into one piece of bytes
_PERSON = len("person\t")


def _encoded(lines: Iterable[str]) -> Iterator[bytes]:
    """``lines`` in pieces of UTF-8 of :data:`_LINES` lines."""
    lines = iter(lines)
    while piece := "".join(islice(lines, _LINES)):
        yield piece.encode("utf-8")


def _plain_node(node: str) -> bool:
    """Whether a node's report lines can be found by its name: one ``@`` after it, written as it is."""
    return node.count("@") == 1 and "\t" not in node and "\n" not in node


def _name_of(node: str) -> str:
    return node.partition("@")[0]


def _name_bound(name: str, after: bool = False) -> bytes:
    """Where the nodes of ``name`` begin in the report's order (``after``: end): ``name@`` ..."""
    return f"{name}{'A' if after else '@'}".encode()


def _node_names(names: set[str] | None, *nodes: Iterable[str]) -> set[str] | None:
    """``names`` with the names of ``nodes``; None when one of them is not :func:`_plain_node`."""
    if names is None:
        return None
    for node in chain(*nodes):
        if not _plain_node(node):
            return None
        names.add(_name_of(node))
    return names


def _line_edits(
    names: set[str] | None, lines: dict[str, set[tuple[str, str]]], edits: Iterable[tuple[str, str, str]]
) -> set[str] | None:
    """``names`` (:func:`_node_names`) with the decisions ``edits`` (node, release, person) put in
    ``lines`` (node -> its releases and persons): their lines are found in the report by those
    (:meth:`KeptDecisions.report_pieces`), or by their name where a cell of them holds what a
    line writes otherwise (a tab or a newline); None when a node is not :func:`_plain_node`."""
    if names is None:
        return None
    for node, rid, person in edits:
        if not _plain_node(node):
            return None
        if "\t" in rid or "\n" in rid or "\t" in person or "\n" in person:
            names.add(_name_of(node))
        else:
            lines.setdefault(node, set()).add((rid, person))
    return names


def _blocks_of(names: Iterable[str]) -> list[str]:
    return sorted({_block(name) for name in names})


def _node_key(data, start: int) -> bytes:
    """The node of the person line at ``start``: its place in the report's order."""
    return data[start + _PERSON : data.find(b"\t", start + _PERSON)]


def _first_line(data, lo: int, hi: int, key: bytes) -> int:
    """The start of the first person line in ``data[lo:hi]`` (whole lines, sorted by node) whose node
    is ``key`` or after it; ``hi`` when there is none."""
    return _first_keyed(data, lo, hi, key, _node_key)


def _decision_key(data, start: int) -> tuple[bytes, bytes, bytes]:
    """(node, release, person) of the person line at ``start``: its place in the report's order."""
    cells = data[start : data.find(b"\n", start)].split(b"\t", 5)
    return cells[1], cells[2], cells[4]


def _with_place(steps: Iterable[tuple]) -> set[str]:
    """The names of the steps that hold a place (not the nation's): a release's entries once
    placed, all that other releases read of it."""
    return {name for name, place, *_ in steps if place and place != NATIONAL}


def _told(
    rows: Mapping[str, ReleaseMentions], state: Resolved, taken_back: Iterable[str], changed: list[str]
) -> set[str]:
    """The names whose known entries an update may change: those the releases taken back had
    (if they said where they speak for) and those the changed ones name (if they do)."""
    told = {
        name
        for rid in taken_back
        if state.get("round", rid) is None
        for name in _with_place(state.get("steps", rid, ()))
    }
    for rid in changed:
        if not _unplaced(rows[rid]):
            told.update(_name(person.name) for person in rows[rid].persons)
    return told


def _support(state: Resolved, names: Iterable[str]) -> dict[str, dict[str, frozenset[str]]]:
    """What step 2 reads of the known entries of ``names`` (identity's _infer_release_place):
    each place a name is known in, with the offices held there by the releases that say so
    (none of them a release step 2 places, so none is the one asked about)."""
    return {
        name: {place: frozenset().union(*by_release.values()) for place, by_release in places.items()}
        for name, places in state.known_of(names).items()
    }


def _placed_again(
    rows: Mapping[str, ReleaseMentions], state: Resolved, entries: set[str], changed: list[str]
) -> dict[str, tuple[int, Steps]]:
    """Step 2 again for the releases without a place that a change may move: the changed ones,
    those naming a name whose entries changed, and, round by round, those sharing a name with one
    whose round or places moved (what others read of it); each with its round (0: not placed)
    and steps. The others keep theirs, and are read as they were placed."""
    first = {rid for rid in changed if _unplaced(rows[rid])}
    for name in entries:
        first.update(state.unplaced_naming(name))
    return _Placing(rows, state).run(first)


class _Placing:
    """identity.place_unplaced's rounds for the releases asked about, the others that share a name
    with them read as they were placed (in the round kept, with the places kept): the same rounds,
    as one release's inference reads only the entries of its names.

    A release joins the asked in the round after one sharing a name with it was placed otherwise
    than kept (in another round, in other places, or not at all), if it was not placed before that
    round: until then it reads what it read when placed, so asking it from the first round would
    place it as it was (asking a release whose entries did not change gives what it gave). A move
    in the last round (:data:`~govkg.extract.identity.PLACING_ROUNDS`) reaches none: no round
    reads it, so those sharing a name with it keep their round and steps, their note with them."""

    def __init__(self, rows: Mapping[str, ReleaseMentions], state: Resolved) -> None:
        self.rows, self.state = rows, state
        self.by_release: dict[str, list] = {}  # the releases asked about, each with its mentions
        self.names: set[str] = set()  # the names they hold
        self.known: Known = {}
        self.own: Known = {}  # evidence, and the entries of releases placed so far
        self.later: dict[int, list[str]] = defaultdict(list)  # round -> others placed then (kept)
        self.others: set[str] = set()  # those read as they were placed, so far

    def run(self, first: set[str]) -> dict[str, tuple[int, Steps]]:
        state, by_release = self.state, self.by_release
        notes: dict[str, str] = {}
        rounds: dict[str, int] = {}
        pending = self._join(first, 1)
        asked = pending
        for round_ in range(1, PLACING_ROUNDS + 1):
            found, changed = place_round(asked, by_release, self.known, self.own, notes)
            rounds.update(dict.fromkeys(found, round_))
            if round_ == PLACING_ROUNDS:
                # no round after it: a release a move of this round reaches is asked in none, and
                # keeps its round and steps (its note) as kept, as resolving whole gives them
                break
            for rid in self.later.get(round_, ()):  # its entries as placed: every mention with a place
                if rid not in by_release:
                    changed.update(self._read_placed(rid, self.names))
            # what others read otherwise than kept, from the next round on
            moved: set[str] = set()
            for rid in pending:
                kept_round = state.get("round", rid, 0)
                if rid in found:
                    before = state.get("steps", rid, ())
                    places = [m.place for m in by_release[rid]]
                    if kept_round != round_ or places != [s[1] for s in before]:
                        moved |= _with_place(before)
                        moved.update(m.name for m in by_release[rid] if m.place and m.place != NATIONAL)
                elif kept_round == round_:
                    moved |= _with_place(state.get("steps", rid, ()))
            pending = [rid for rid in pending if rid not in found]
            joined = self._join(
                {
                    rid
                    for name in sorted(moved)
                    for rid in state.unplaced_naming(name)
                    if not 0 < state.get("round", rid, 0) <= round_
                },
                round_ + 1,
            )
            pending += joined
            if not pending:
                break
            asked = [rid for rid in pending if any(m.name in changed for m in by_release[rid])]
            asked += [rid for rid in joined if rid not in asked]
        placed = {}
        for rid, mentions in sorted(by_release.items()):
            note = notes.get(rid, "")
            placed[rid] = (rounds.get(rid, 0), tuple((m.name, m.place, m.reason, note) for m in mentions))
        return placed

    def _join(self, rids: Iterable[str], round_: int) -> list[str]:
        """Ask about ``rids`` (those not asked yet) from ``round_`` on; read the others naming
        their names: evidence, and their entries as placed once their round is past."""
        state, by_release, own = self.state, self.by_release, self.own
        fresh = sorted(rid for rid in rids if rid not in by_release)
        for rid in fresh:
            by_release[rid] = _in_release(self.rows[rid])
        new = {mention.name for rid in fresh for mention in by_release[rid]} - self.names
        self.names |= new
        self.known.update(state.known_of(new))
        readers = {other for name in new for other in state.unplaced_naming(name)} - by_release.keys()
        for rid in sorted(readers):
            for name, place, offices in state.get("evidence", rid):
                if name in new:
                    own.setdefault(name, {}).setdefault(place, {})[rid] = offices
            placed_in = state.get("round", rid, 0)
            if rid not in self.others:
                self.others.add(rid)
                if placed_in >= round_:
                    self.later[placed_in].append(rid)
            if 0 < placed_in < round_:  # placed already: its entries for the new names
                self._read_placed(rid, new)
        for rid in fresh:
            _add_known(own, rid, by_release[rid], False)
        return fresh

    def _read_placed(self, rid: str, names: set[str]) -> list[str]:
        """The names of a release read as it was placed; its entries as placed (every mention with
        a place) of ``names`` added to the evidence."""
        steps = self.state.get("steps", rid)
        for (name, place, *_), offices in zip(steps, self.state.get("offices", rid), strict=True):
            if name in names and place and place != NATIONAL:
                self.own.setdefault(name, {}).setdefault(place, {})[rid] = offices
        return [name for name, *_ in steps]


def _groups(blocks: list[str], groups: int) -> Iterable[list[str]]:
    """The blocks in ``groups`` groups (by :func:`partition_of`'s digest), each in order."""
    if groups <= 1:
        yield from [blocks] if blocks else []
        return
    split: list[list[str]] = [[] for _ in range(groups)]
    for block in blocks:
        split[partition_of(block, groups)].append(block)
    yield from (group for group in split if group)


class _GroupRows(NamedTuple):
    """Step 3's result for a group of blocks as the state's rows: each decision's and tenure's
    row (block first) in the order resolving gives them, and the nodes of the group of each
    release whose nodes moved (:func:`_nodes_row`), in the order of its first mention. Strings
    and bytes: what a pool's process hands back costs the build's little to read (no object a
    decision or a node)."""

    decisions: list[tuple]
    tenures: list[tuple]
    fresh: list[tuple[str, bytes]]
    summaries: tuple[tuple, ...] = ()  # the blocks' signatures: (block, key, count, content, outcome, days)


def _group_results(
    groups: Iterable[list[str]],
    state: Resolved,
    held: Mapping[str, ReleaseMentions],
    pool: Executor | None,
    kept: bool,
) -> Iterator[tuple[list[str], _GroupRows]]:
    """Each group of blocks with step 3's result for it (:func:`_resolved_rows`), in order; with
    ``kept``, the keys kept of the releases it names are read with its members, and only the nodes
    of those whose nodes moved are given.

    With ``pool``, the groups are resolved by its processes (a few in flight,
    their members' rows and the keys read here and sent), while this one
    writes what the groups before gave; the result is the same, as a block's
    result depends on its members' rows alone (a person read from its
    member's bytes is the one its release's row holds).
    """

    def work(group: list[str]) -> tuple:
        return group, list(state.member_rows(group)), state.kept_keys(group) if kept else None

    if pool is None:
        for group in groups:
            yield group, _resolved_rows(*work(group), held)
        return
    pending: deque = deque()
    for group in groups:
        pending.append((group, pool.submit(_resolved_in_pool, *work(group))))
        if len(pending) >= IN_FLIGHT:
            group, future = pending.popleft()
            yield group, future.result()
    while pending:
        group, future = pending.popleft()
        yield group, future.result()


def _resolved_in_pool(
    group: list[str], members: list[tuple[str, str, bytes]], kept: dict[str, bytes] | None
) -> _GroupRows:
    """:func:`_resolved_rows` in a pool's process, which then gives back what it made meanwhile: the
    pool goes on to phase 4, where the build's process tree peaks."""
    try:
        return _resolved_rows(group, members, kept)
    finally:
        del members, kept
        gc.collect()
        give_back_memory()


# What step 3 reads of a mention besides its release's id and date (see :func:`signature`)
Signature = tuple


def signature(
    national: bool, name: str, place: str | None, reason: str, note: str, person, rid: str
) -> Signature:
    """All that step 3 (identity's ``judge`` and the posts of the titles) reads of a mention but
    its release's date: whether its release is national news, its name, steps 1 and 2's place,
    reason and note, the name as written, and each title's office (and whether it has a title);
    its release's id only when it has no place (its node is then the release's). Mentions of one
    signature get one node, reason, namesakes and posts, whatever the other mentions of the
    block are: a block is judged a signature at a time, each standing for all its mentions."""
    titles = tuple(
        (bool(t.title), None if t.office is None else tuple(getattr(t.office, f) for f in _OFFICE_FIELDS))
        for t in person.titles
    )
    return (national, name, place, reason, note, person.name, titles, None if place else rid)


def _signature_key(sig: Signature) -> bytes:
    """A signature's key in the state: a digest of its text (the same in every process and run)."""
    return hashlib.blake2b(repr(sig).encode("utf-8"), digest_size=16).digest()


def _standing_for(sig: Signature) -> Named:
    """The mention that judges a signature (identity's ``judge`` reads no more of it)."""
    national, name, place, reason, note, written, titles, rid = sig
    person = PersonMention(
        written,
        "",
        None,
        tuple(
            TitleMention("·" if has_title else "", None, None, None if fields is None else _office(*fields))
            for has_title, fields in titles
        ),
    )
    return Named(rid or "", None, person, _shared(name), national, place, reason, note)


# What step 3 made of a signature: (node as (name, place, release), reason, namesakes' nodes,
# the post of each title as (place, office), None where it names none)
Outcome = tuple


def _judged(sigs: Iterable[tuple[bytes, Signature, int]]) -> dict[bytes, Outcome]:
    """The outcome of each signature (key, signature, how many mentions it stands for) of some
    blocks, judged together (as resolving whole judges a partition's mentions)."""
    keys, standing, weights = [], [], []
    for key, sig, count in sigs:
        keys.append(key)
        standing.append(_standing_for(sig))
        weights.append(count)
    found, apart = judge(standing, weights)
    outcomes = {}
    for key, mention, node, apart_from in zip(keys, standing, found, apart, strict=True):
        posts = tuple(
            None if post is None else (post.place, post.office)
            for post in (post_of(t.office, node.place) for t in mention.person.titles)
        )
        outcomes[key] = ((node.name, node.place, node.release), mention.reason, apart_from, posts)
    return outcomes


def _node_string(node: tuple) -> str:
    name, place, release = node
    return f"{name}@{place}" if place is not None else f"{name}@?{release}"


def _tenure_rows(
    block_of: Mapping[bytes, str], outcomes: Mapping[bytes, Outcome], dates: Mapping[bytes, Mapping]
) -> list[tuple]:
    """The tenure rows of some blocks from their signatures' outcomes and days: each (node, post)
    attested from the first to the last day of the mentions that hold it."""
    attested: dict[tuple, set] = {}
    for key, (node, _, _, posts) in outcomes.items():
        days = [day for day, count in dates[key].items() if day and count > 0]
        for post in posts:
            if post is not None:
                attested.setdefault((key, node, post), set()).update(days)
    merged: dict[tuple, list] = {}
    for (key, node, post), days in attested.items():
        found = merged.setdefault((node, post), [block_of[key], set()])
        found[1] |= days
    rows = []
    for (node, post), (block, days) in merged.items():
        first, last = (min(days), max(days)) if days else (None, None)
        value = marshal.dumps((node, post, first, last))
        rows.append((block, _node_string(node), post[0], post[1], value))
    return rows


def _decision_value(rid: str, person_key: str, outcome: Outcome, written: str) -> bytes:
    """A decision's row (as :func:`_decision_row` writes it) of a mention of ``outcome``."""
    node, reason, apart_from, _ = outcome
    return marshal.dumps((rid, person_key, written, node, reason, apart_from))


def _persons_of_outcome(outcome: Outcome) -> tuple:
    """(node, posts) of an outcome as a release's keys hold them (:func:`_nodes_row`'s values)."""
    node, _, _, posts = outcome
    return (PersonKey(*node), tuple(p and Post(*p) for p in posts))


class _Mentions:
    """The mentions of member rows read as signatures: each person read once, each signature's
    key made once (persons of ``held`` rows taken from them, the others from their bytes)."""

    def __init__(self, held: Mapping[str, ReleaseMentions] | None = None) -> None:
        self.held = held or {}
        self.persons: dict[bytes, PersonMention] = {}
        self.keys: dict[tuple, tuple[bytes, Signature]] = {}

    def read(
        self, rid: str, value: bytes
    ) -> Iterator[tuple[str | None, int, PersonMention, bytes, Signature]]:
        """(date, index, person, key, signature) of each mention of a member row."""
        date, national, mentions = marshal.loads(value)
        row = self.held.get(rid)
        for index, written, name, place, reason, note in mentions:
            if row is not None:
                person = row.persons[index]
            else:
                person = self.persons.get(written)
                if person is None:
                    person = self.persons[written] = _person(marshal.loads(written))
            asked = (id(person), national, name, place, reason, note, None if place else rid)
            found = self.keys.get(asked)
            if found is None:
                sig = signature(national, name, place, reason, note, person, rid)
                found = self.keys[asked] = (_signature_key(sig), sig)
            yield date, index, person, *found


def _resolved_rows(
    group: list[str],
    members: list[tuple[str, str, bytes]],
    kept: dict[str, bytes] | None = None,
    held: Mapping[str, ReleaseMentions] | None = None,
) -> _GroupRows:
    """Step 3 over the mentions of the blocks ``group`` (``members``: their rows in the state, steps 1
    and 2 kept: the persons from the rows ``held``, those of other releases from the members'
    bytes, no row read), as the state's rows (:class:`_GroupRows`), the nodes of a release given
    only when they are not those of its keys ``kept`` (release -> the keys' row; None: every
    release's). A pool's task.

    The mentions are judged a signature at a time (:func:`signature`): each decision is its
    signature's outcome, and the block's signatures are kept (``summaries``) for an update to
    judge the block again without reading its members."""
    with collector_paused():
        reading = _Mentions(held)
        block_of: dict[bytes, str] = {}
        sigs: dict[bytes, Signature] = {}
        counts: dict[bytes, int] = defaultdict(int)
        dates: dict[bytes, dict] = defaultdict(lambda: defaultdict(int))
        found = []
        for block, rid, value in members:
            for date, index, person, key, sig in reading.read(rid, value):
                if key not in sigs:
                    sigs[key], block_of[key] = sig, block
                counts[key] += 1
                dates[key][date] += 1
                found.append((rid, index, block, person.key, person.name, key))
        del reading, members
        found.sort(key=itemgetter(0, 1))  # by release, each in its order: as resolving whole
        outcomes = _judged((key, sig, counts[key]) for key, sig in sigs.items())
        decisions: dict[str, list] = defaultdict(list)
        nodes: dict[str, list] = defaultdict(list)
        made: dict[bytes, tuple] = {}
        for rid, _, block, person_key, written, key in found:
            outcome = outcomes[key]
            value = _decision_value(rid, person_key, outcome, written)
            decisions[block].append((block, _node_string(outcome[0]), rid, person_key, value, key))
            person = made.get(key)
            if person is None:
                person = made[key] = _persons_of_outcome(outcome)
            nodes[block].append((rid, person_key, person))
        del found
        tenures: dict[str, list] = defaultdict(list)
        for row in sorted(_tenure_rows(block_of, outcomes, dates), key=itemgetter(1, 2, 3)):
            tenures[row[0]].append(row)
        summaries = [
            (
                block_of[key],
                key,
                counts[key],
                marshal.dumps(sig),
                marshal.dumps(outcomes[key]),
                marshal.dumps(dict(dates[key])),
            )
            for key, sig in sigs.items()
        ]
        fresh: dict[str, dict] = defaultdict(dict)
        for block in group:
            for rid, key, node in nodes[block]:
                fresh[rid][key] = node
        if kept is not None:  # a release whose keys hold these nodes already is not keyed again
            for rid in [rid for rid in fresh if rid in kept]:
                old = _keys(kept[rid])
                if not any(_moved(old, key, node, posts) for key, (node, posts) in fresh[rid].items()):
                    del fresh[rid]
        return _GroupRows(
            [row for block in group for row in decisions[block]],
            [row for block in group for row in tenures[block]],
            [(rid, _nodes_row(made)) for rid, made in fresh.items()],
            summaries,
        )


def _resolved_again(
    state: Resolved,
    block: str,
    removed: list[tuple[str, bytes]],
    added: list[tuple[str, bytes]],
    held: Mapping[str, ReleaseMentions],
) -> tuple[_GroupRows, list[tuple[str, str, str]], list[str]]:
    """Step 3 of a block whose signatures are kept, proportional to what changed: the mentions of
    the member rows ``removed`` taken from their signatures (their decisions deleted), those of
    ``added`` put in, the block's signatures judged again, and the decisions of a signature whose
    outcome moved written again; the others are kept as they are. Gives the rows to insert (the
    decisions of ``added``, and of the signatures moved; all the block's tenures; the nodes of
    each release whose nodes moved), the (node, release, person) of each decision deleted (for the
    report: its lines of those and of the decisions put are made again), and the places of the
    tenures deleted."""
    db = state.db
    kept: dict[bytes, list] = {}  # key -> [count, signature, outcome before (None: new), days]
    for key, count, content, outcome, days in db.execute(
        "SELECT key, count, content, outcome, dates FROM signature WHERE block = ?", (block,)
    ):
        kept[key] = [count, marshal.loads(content), marshal.loads(outcome), marshal.loads(days)]
    reading = _Mentions()  # a row taken back read from its bytes: its release's row may be new
    gone: list[tuple[str, str, str]] = []  # (node, release, person) of each decision deleted
    touched: set[bytes] = set()  # the signatures whose mentions came or went
    for rid, value in removed:
        for date, _, _, key, _ in reading.read(rid, value):
            touched.add(key)
            entry = kept[key]
            entry[0] -= 1
            days = entry[3]
            days[date] -= 1
            if not days[date]:
                del days[date]
        gone += db.execute(
            "SELECT node, rid, person FROM decision WHERE block = ? AND rid = ?", (block, rid)
        ).fetchall()
        db.execute("DELETE FROM decision WHERE block = ? AND rid = ?", (block, rid))
    new = []
    reading = _Mentions(held)
    for rid, value in added:
        for date, _, person, key, sig in reading.read(rid, value):
            entry = kept.get(key)
            if entry is None:
                entry = kept[key] = [0, sig, None, {}]
            entry[0] += 1
            entry[3][date] = entry[3].get(date, 0) + 1
            touched.add(key)
            new.append((rid, person.key, person.name, key))
    del reading
    live = {key: entry for key, entry in kept.items() if entry[0] > 0}
    outcomes = _judged((key, entry[1], entry[0]) for key, entry in live.items())
    decisions, fresh = [], defaultdict(dict)
    for key, entry in live.items():
        before, now = entry[2], outcomes[key]
        if before is None or before == now:
            continue
        moved = _persons_of_outcome(before) != _persons_of_outcome(now)
        rows = db.execute(
            "SELECT rid, person, value FROM decision WHERE block = ? AND sig = ?", (block, key)
        ).fetchall()
        db.execute("DELETE FROM decision WHERE block = ? AND sig = ?", (block, key))
        node = _node_string(now[0])
        node_before = _node_string(before[0])
        for rid, person_key, value in rows:
            gone.append((node_before, rid, person_key))
            written = marshal.loads(value)[2]
            decisions.append(
                (block, node, rid, person_key, _decision_value(rid, person_key, now, written), key)
            )
            if moved:
                fresh[rid][person_key] = _persons_of_outcome(now)
    for rid, person_key, written, key in new:
        outcome = outcomes[key]
        decisions.append(
            (
                block,
                _node_string(outcome[0]),
                rid,
                person_key,
                _decision_value(rid, person_key, outcome, written),
                key,
            )
        )
        fresh[rid][person_key] = _persons_of_outcome(outcome)
    for key, entry in kept.items():
        if entry[0] <= 0:
            db.execute("DELETE FROM signature WHERE block = ? AND key = ?", (block, key))
    summaries = [
        (block, key, entry[0], marshal.dumps(entry[1]), marshal.dumps(outcomes[key]), marshal.dumps(entry[3]))
        for key, entry in live.items()
        if key in touched or entry[2] != outcomes[key]
    ]
    old_places = [place for (place,) in db.execute("SELECT place FROM tenure WHERE block = ?", (block,))]
    db.execute("DELETE FROM tenure WHERE block = ?", (block,))
    tenures = sorted(
        _tenure_rows(dict.fromkeys(live, block), outcomes, {key: entry[3] for key, entry in live.items()}),
        key=itemgetter(1, 2, 3),
    )
    result = _GroupRows(
        decisions, tenures, [(rid, _nodes_row(made)) for rid, made in fresh.items()], summaries
    )
    return result, gone, old_places


def _put_group(state: Resolved, references: _References, result: _GroupRows, touched: set[str]) -> None:
    """Write step 3's rows of a group of blocks; the releases whose nodes moved join ``touched``."""
    references.add("place", (place for _, _, place, _, _ in result.tenures), 1)
    for row in result.decisions:
        state.later("INSERT INTO decision VALUES (?, ?, ?, ?, ?, ?)", row)
    for row in result.tenures:
        state.later("INSERT INTO tenure VALUES (?, ?, ?, ?, ?)", row)
    for row in result.summaries:
        state.later("INSERT OR REPLACE INTO signature VALUES (?, ?, ?, ?, ?, ?)", row)
    for rid, value in result.fresh:  # the releases whose nodes moved
        state.later("INSERT INTO fresh VALUES (?, ?)", (rid, value))
        touched.add(rid)


def _put_members(
    state: Resolved,
    rid: str,
    row: ReleaseMentions,
    steps: Steps,
    persons: _PersonRows,
    put: dict[tuple[str, str], bytes] | None = None,
) -> None:
    """A release's members of its blocks (:func:`_member_row`), with steps 1 and 2's ``steps``
    (each also in ``put``, by (block, release), when given)."""
    indexes: dict[str, list[int]] = defaultdict(list)
    for index, (name, *_) in enumerate(steps):
        indexes[_block(name)].append(index)
    for block, held in indexes.items():
        value = _member_row(row, steps, held, persons)
        state.later("INSERT OR REPLACE INTO member VALUES (?, ?, ?)", (block, rid, value))
        if put is not None:
            put[(block, rid)] = value


def _take_members(
    db: sqlite3.Connection, taken: dict[tuple[str, str], bytes], rid: str, blocks: Iterable[str]
) -> None:
    """Keep in ``taken`` the member rows of a release in ``blocks`` as they are before an update
    takes them back or puts others (the first seen of each: what the state held)."""
    for block in blocks:
        if (block, rid) not in taken:
            found = db.execute(
                "SELECT value FROM member WHERE block = ? AND rid = ?", (block, rid)
            ).fetchone()
            if found is not None:
                taken[(block, rid)] = found[0]


class _PersonRows:
    """:func:`_person_row` of each person object in marshal's bytes, made once: the rows of a
    build share their persons (an official named in a thousand releases is one object,
    graph/incremental.py), and each object is held with its bytes, so that its id is no other's."""

    HELD = 20_000  # persons at most: a state made from nothing meets every person of the corpus

    def __init__(self) -> None:
        self._made: dict[int, tuple] = {}

    def __call__(self, person: PersonMention) -> bytes:
        found = self._made.get(id(person))
        if found is None:
            if len(self._made) >= self.HELD:
                self._made.clear()
            found = self._made[id(person)] = (person, marshal.dumps(_person_row(person)))
        return found[1]


def _keys_moved(old: ReleaseKeys, nodes: dict) -> ReleaseKeys:
    """A release's keys as kept (``old``), its row unchanged, with the persons of ``nodes``
    (Person.key -> (node, posts), those of its blocks resolved again) put in: what making them
    from its row gives, in the same order, without reading the row."""
    kept_posts: dict[str, list] = defaultdict(list)
    for (key, index), post in old.posts.items():
        kept_posts[key].append((index, post))
    persons, posts = {}, {}
    for key, node in old.persons.items():
        if key in nodes:
            _put_node(persons, posts, key, nodes[key])
        else:
            persons[key] = node
            for index, post in kept_posts.get(key, ()):
                posts[(key, index)] = post
    return ReleaseKeys(persons, old.organizations, posts)


def _put_node(persons: dict, posts: dict, key: str, node: tuple) -> None:
    """Put a person's resolved (node, the posts of its titles) into a release's keys' dicts."""
    persons[key], held = node
    for index, post in enumerate(held):
        if post is not None:
            posts[(key, index)] = post


def _moved(keys: ReleaseKeys | None, key: str, node, held: tuple) -> bool:
    """Whether a person's node or posts are not those ``keys`` (a release's, as kept) give them."""
    if keys is None or keys.persons.get(key) != node:
        return True
    return any(keys.posts.get((key, index)) != post for index, post in enumerate(held))


class _References:
    """How many place and organisation nodes of each name the corpus has, and which names came
    or went: their aliases (``owl:sameAs``) are looked up or dropped when settled."""

    def __init__(self, state: Resolved) -> None:
        self.state = state
        self.moved: dict[tuple[str, str], int] = defaultdict(int)

    def add(self, kind: str, names: Iterable[str], by: int) -> None:
        moved = self.moved
        for name in names:
            moved[(kind, name)] += by

    def settle(self) -> None:
        db = self.state.db
        keep, drop = [], []
        for (kind, name), by in sorted(self.moved.items()):
            found = db.execute(
                "SELECT count, alias FROM reference WHERE kind = ? AND name = ?", (kind, name)
            ).fetchone()
            count, alias = found if found else (0, None)
            count += by
            if count > 0:
                keep.append((kind, name, count, alias if found else alias_of(kind, name)))
            elif found:
                drop.append((kind, name))
        db.executemany("INSERT OR REPLACE INTO reference VALUES (?, ?, ?, ?)", keep)
        db.executemany("DELETE FROM reference WHERE kind = ? AND name = ?", drop)
