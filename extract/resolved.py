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

:class:`Resolved` keeps what each step decided, by release and by block, with
the corpus put together from them. :func:`resolve_kept` makes the corpus of a
table from it: step 1 runs for the releases that are new or changed (or
gone: what they said is taken back), step 2 for the releases without a place
among those or naming a name whose entries changed (and, until none is left,
for those sharing a name with one whose round or places moved), step 3 for
the blocks whose mentions changed, and the corpus's keys, decisions,
tenures, aliases and variants are those kept, with the ones of what was done
again put in their place. The corpus is the one ``resolve`` gives the same
table (``==``), as a test checks after each kind of change.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from govkg.extract.identity import (
    Alias,
    Corpus,
    Decision,
    Known,
    Named,
    Part,
    ReleaseKeys,
    ReleaseMentions,
    Tenure,
    Variant,
    _add_known,
    _decision_order,
    _in_release,
    _name,
    _offices,
    _read_offices,
    _unplaced,
    _written_organizations,
    alias_of,
    collector_paused,
    fingerprint,
    merge_known,
    name_block,
    partition_of,
    partitions_for,
    place_round,
    places_named,
    resolve_partition,
    variant_rows,
)
from govkg.extract.places import NATIONAL

# (name simplified, place, reason, note) of each person of a release, in order: steps 1 and 2's result
Steps = tuple[tuple[str, str | None, str, str], ...]
VariantRow = tuple[str, str, str, str, str]  # (kind, key, release, name as written, reason)


@dataclass
class Resolved:
    """What resolving a table decided, kept for the next: by release, by block of names, and the
    corpus's sorted lists. ``basis`` says what made it (the caller's: extraction's code and
    data); ``origins`` says which row each release was resolved from (the caller's token of
    it: its file's key)."""

    basis: str = ""
    origins: dict[str, str] = field(default_factory=dict)
    steps: dict[str, Steps] = field(default_factory=dict)  # release -> steps 1 and 2's result
    known: Known = field(default_factory=dict)  # entries of releases that say where they speak for
    rounds: dict[str, int] = field(default_factory=dict)  # release step 2 places -> its round, 0: none
    # release step 2 places -> the entries its titles give before it is placed: (name, place, offices)
    evidence: dict[str, tuple[tuple[str, str, frozenset[str]], ...]] = field(default_factory=dict)
    blocks: dict[str, set[str]] = field(default_factory=dict)  # block -> releases with a mention in it
    parts: dict[str, Part] = field(default_factory=dict)  # block -> its decisions and tenures (step 3)
    keys: dict[str, ReleaseKeys] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)  # in _decision_order
    tenures: list[Tenure] = field(default_factory=list)  # in _tenure_order
    places: dict[str, tuple[str, ...]] = field(default_factory=dict)  # release -> place names it writes
    variants: dict[str, tuple[VariantRow, ...]] = field(default_factory=dict)  # release -> its rows
    variant_rows: list[VariantRow] = field(default_factory=list)  # sorted
    references: Counter = field(default_factory=Counter)  # (kind, node name) -> how many name it
    aliases: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, name) -> canonical


@lru_cache(maxsize=1 << 18)
def _block(name: str) -> str:
    """:func:`~govkg.extract.identity.name_block` of a simplified name, read once."""
    return name_block(name)


_release_id = attrgetter("release")


def _tenure_order(tenure: Tenure) -> tuple:
    return str(tenure.person), tenure.post


def resolve_kept(
    table: list[ReleaseMentions],
    origins: Mapping[str, str],
    kept: Resolved | None,
    basis: str,
    partitions: int | None = None,
) -> tuple[Corpus, Resolved]:
    """The corpus of ``table`` (rows sorted by release id, one per id) and what to keep of it.

    ``origins`` gives each release's token (a row with the same token is the
    same row); ``kept`` is what the previous call returned (changed in place:
    do not use it again), or None; ``basis`` must be the one it was made with,
    else everything is resolved again. Step 3 runs over ``partitions`` groups
    of the blocks to do at a time (default: one for each 5,000 releases of them).
    """
    with collector_paused():
        table = sorted(table, key=_release_id)
        state = kept if kept is not None and kept.basis == basis else Resolved(basis=basis)
        return _update(table, dict(origins), state, partitions), state


def _update(
    table: list[ReleaseMentions], origins: dict[str, str], state: Resolved, partitions: int | None
) -> Corpus:
    rows = {row.release: row for row in table}
    gone = [rid for rid in state.origins if rid not in rows]
    changed = [rid for rid in rows if state.origins.get(rid) != origins[rid]]
    entries: set[str] = set()  # names whose entries (step 2's evidence) may have changed
    dirty: set[str] = set()  # blocks whose mentions changed
    drop_variants: list[VariantRow] = []
    add_variants: list[VariantRow] = []
    references = _References(state)
    # what the gone and changed releases said is taken back
    for rid in (*gone, *(rid for rid in changed if rid in state.origins)):
        steps = state.steps.pop(rid, ())
        names = {name for name, *_ in steps}
        state.evidence.pop(rid, None)
        if state.rounds.pop(rid, None) is None:  # said where it speaks for: its entries
            entries.update(name for name, place, *_ in steps if place and place != NATIONAL)
        else:  # placed by step 2, or not: all it may have said to others
            entries |= names
        for name in names:
            block = _block(name)
            dirty.add(block)
            state.blocks.get(block, set()).discard(rid)
            _forget_known(state.known, name, rid)
        del state.origins[rid]
        references.add("place", state.places.pop(rid, ()), -1)
        drop_variants += state.variants.pop(rid, ())
        old = state.keys.pop(rid, None)
        if old is not None:
            references.add("organization", old.organizations.values(), -1)
    # step 1 for the new and changed releases (final for those that say where they speak for)
    for rid in changed:
        row = rows[rid]
        state.origins[rid] = origins[rid]
        unplaced = _unplaced(row)  # step 2 places it (its step 1 again there)
        mentions = _in_release(row)
        names = {m.name for m in mentions}
        own: Known = {}
        _add_known(own, rid, mentions, False)
        entries.update(own)
        for name in names:
            block = _block(name)
            dirty.add(block)
            state.blocks.setdefault(block, set()).add(rid)
        if unplaced:
            state.evidence[rid] = tuple(
                (name, place, offices)
                for name, places in own.items()
                for place, by_release in places.items()
                for offices in by_release.values()
            )
        else:
            state.steps[rid] = tuple((m.name, m.place, m.reason, "") for m in mentions)
            merge_known(state.known, own)
        state.places[rid] = places = tuple(places_named(row))
        references.add("place", places, 1)
        state.variants[rid] = found = tuple(sorted(variant_rows([row])))
        add_variants += found
    # step 2 for the releases without a place whose evidence a change reaches
    for rid, (placed_in, steps) in _placed_again(table, rows, state, entries, set(changed)).items():
        state.rounds[rid] = placed_in
        before = state.steps.get(rid)
        if before != steps:
            dirty.update(_block(name) for name, *_ in (*(before or ()), *steps))
            state.steps[rid] = steps
    # step 3 for the blocks whose mentions changed, a group of blocks at a time
    dirty = {block for block in dirty if state.blocks.get(block) or block in state.parts}
    groups = partitions or partitions_for(len(set().union(*(state.blocks.get(b, ()) for b in dirty))))
    fresh: dict[str, Part] = {}
    for group in _groups(sorted(dirty), groups):
        fresh.update(_resolve_blocks(group, state, rows))
    touched = set(changed)
    drop_decisions: list[Decision] = []
    drop_tenures: list[Tenure] = []
    add_decisions: list[Decision] = []
    add_tenures: list[Tenure] = []
    nodes: dict[tuple[str, str], tuple] = {}
    for block in dirty:
        old = state.parts.pop(block, None) or Part((), (), ())
        new = fresh.get(block) or Part((), (), ())
        # what the block decided again is mostly what it decided before: those objects stay
        decisions = _kept_equal(old.decisions, new.decisions, drop_decisions, add_decisions)
        tenures = _kept_equal(old.tenures, new.tenures, drop_tenures, add_tenures)
        references.add("place", (t.post.place for t in old.tenures), -1)
        references.add("place", (t.post.place for t in tenures), 1)
        for rid, key, node, held in new.nodes:
            nodes[(rid, key)] = (node, held)
            if rid not in touched and _moved(state.keys[rid], key, node, held):
                touched.add(rid)
        if new.nodes:  # its nodes are in the keys of the releases that name it
            state.parts[block] = Part((), decisions, tenures)
        if not state.blocks.get(block):
            state.blocks.pop(block, None)
    state.decisions = _patched(state.decisions, drop_decisions, add_decisions, _decision_order)
    state.tenures = _patched(state.tenures, drop_tenures, add_tenures, _tenure_order)
    state.variant_rows = _patched(state.variant_rows, drop_variants, add_variants, _same)
    # the keys of every release one of those blocks names, or that changed
    for rid in sorted(touched):
        row = rows.get(rid)
        if row is None:
            continue
        old = state.keys.get(rid)
        if old is not None:
            references.add("organization", old.organizations.values(), -1)
        persons, posts = {}, {}
        for person, (name, *_) in zip(row.persons, state.steps[rid], strict=True):
            key = person.key
            if _block(name) in dirty:
                persons[key], held = nodes[(rid, key)]
                for index, post in enumerate(held):
                    if post is not None:
                        posts[(key, index)] = post
            else:
                persons[key] = old.persons[key]
                for index in range(len(person.titles)):
                    post = old.posts.get((key, index))
                    if post is not None:
                        posts[(key, index)] = post
        made = state.keys[rid] = ReleaseKeys(persons, _written_organizations(row), posts)
        references.add("organization", made.organizations.values(), 1)
    references.settle()
    return Corpus(
        releases=tuple(rows),
        keys={rid: state.keys[rid] for rid in rows},
        tenures=tuple(state.tenures),
        same_as=tuple(
            Alias(kind, name, key) for (kind, name), key in sorted(state.aliases.items(), key=_alias_order)
        ),
        decisions=tuple(state.decisions),
        variants=tuple(Variant(*row) for row in state.variant_rows),
        fingerprint=fingerprint((row.release, row.text_digest) for row in table),
    )


def _same(row):
    return row


def _alias_order(item: tuple[tuple[str, str], str]) -> tuple[int, str]:
    (kind, name), _ = item
    return (0 if kind == "place" else 1), name


def _names_of(row: ReleaseMentions, state: Resolved) -> list[str]:
    steps = state.steps.get(row.release)
    if steps is not None:
        return [name for name, *_ in steps]
    return [_name(person.name) for person in row.persons]


def _forget_known(known: Known, name: str, rid: str) -> None:
    places = known.get(name)
    if not places:
        return
    for place in [place for place, by_release in places.items() if rid in by_release]:
        del places[place][rid]
        if not places[place]:
            del places[place]
    if not places:
        del known[name]


def _placed_again(
    table: list[ReleaseMentions],
    rows: Mapping[str, ReleaseMentions],
    state: Resolved,
    entries: set[str],
    changed: set[str],
) -> dict[str, tuple[int, Steps]]:
    """Step 2 again for the releases without a place that a change may move: the changed ones,
    those naming a name whose entries changed, and, until none is left, those sharing a name
    with one whose round or places moved (what others read of it); each with its round (0: not
    placed) and steps. The others keep theirs, and are read as they were placed."""
    by_name: dict[str, list[str]] = defaultdict(list)
    names_of: dict[str, list[str]] = {}
    for row in table:
        if _unplaced(row):
            names_of[row.release] = found = _names_of(row, state)
            for name in set(found):
                by_name[name].append(row.release)
    again = {rid for rid in changed if rid in names_of}
    again.update(rid for name in entries for rid in by_name.get(name, ()))
    result: dict[str, tuple[int, Steps]] = {}
    while again:
        result = _placing(sorted(again), rows, state, by_name)
        reached: set[str] = set()
        for rid, (placed_in, steps) in result.items():
            before = state.steps.get(rid, ())
            if placed_in != state.rounds.get(rid, 0) or (
                placed_in and [s[1] for s in steps] != [s[1] for s in before]
            ):
                reached.update(other for name in names_of[rid] for other in by_name[name])
        reached -= again
        if not reached:
            break
        again |= reached
    return result


def _placing(
    asked_about: list[str],
    rows: Mapping[str, ReleaseMentions],
    state: Resolved,
    by_name: Mapping[str, list[str]],
) -> dict[str, tuple[int, Steps]]:
    """identity.place_unplaced for the releases ``asked_about`` (sorted), the others that share a
    name with them read as they were placed (in the round kept, with the places kept): the same
    rounds, as one release's inference reads only the entries of its names."""
    by_release = {rid: _in_release(rows[rid]) for rid in asked_about}
    names = {mention.name for mentions in by_release.values() for mention in mentions}
    known = {name: state.known[name] for name in names if name in state.known}
    own: Known = {}
    later: dict[int, list[str]] = defaultdict(list)  # round -> others placed then
    for rid in sorted({o for name in names for o in by_name.get(name, ()) if o not in by_release}):
        for name, place, offices in state.evidence[rid]:
            if name in names:
                own.setdefault(name, {}).setdefault(place, {})[rid] = offices
        placed_in = state.rounds.get(rid, 0)
        if placed_in:
            later[placed_in].append(rid)
    for rid, mentions in by_release.items():
        _add_known(own, rid, mentions, False)
    notes: dict[str, str] = {}
    rounds: dict[str, int] = {}
    pending = list(by_release)
    asked = pending
    for round_ in range(1, 5):
        found, changed = place_round(asked, by_release, known, own, notes)
        rounds.update(dict.fromkeys(found, round_))
        for rid in later.get(round_, ()):  # its entries as placed: every mention with a place
            for person, (name, place, *_) in zip(rows[rid].persons, state.steps[rid], strict=True):
                changed.add(name)
                if name in names and place and place != NATIONAL:
                    offices = _read_offices(_offices(person))[1]
                    own.setdefault(name, {}).setdefault(place, {})[rid] = offices
        pending = [rid for rid in pending if rid not in found]
        if not pending:
            break
        asked = [rid for rid in pending if any(m.name in changed for m in by_release[rid])]
    return {
        rid: (rounds.get(rid, 0), tuple((m.name, m.place, m.reason, notes.get(rid, "")) for m in mentions))
        for rid, mentions in by_release.items()
    }


def _groups(blocks: list[str], groups: int) -> Iterable[list[str]]:
    """The blocks in ``groups`` groups (by :func:`partition_of`'s digest), each in order."""
    if groups <= 1:
        yield from [blocks] if blocks else []
        return
    split: list[list[str]] = [[] for _ in range(groups)]
    for block in blocks:
        split[partition_of(block, groups)].append(block)
    yield from (group for group in split if group)


def _resolve_blocks(
    blocks: list[str], state: Resolved, rows: Mapping[str, ReleaseMentions]
) -> dict[str, Part]:
    """Step 3 over the mentions of ``blocks`` (their steps 1 and 2 kept), and its result split by block."""
    wanted = set(blocks)
    named: list[Named] = []
    of_block: list[str] = []
    rids = sorted({rid for block in blocks for rid in state.blocks.get(block, ())})
    for rid in rids:
        row = rows[rid]
        national = row.place == NATIONAL
        for person, (name, place, reason, note) in zip(row.persons, state.steps[rid], strict=True):
            block = _block(name)
            if block in wanted:
                named.append(Named(rid, row.date, person, name, national, place, reason, note))
                of_block.append(block)
    part = resolve_partition(named)
    nodes: dict[str, list] = defaultdict(list)
    decisions: dict[str, list] = defaultdict(list)
    tenures: dict[str, list] = defaultdict(list)
    for block, node, decision in zip(of_block, part.nodes, part.decisions, strict=True):
        nodes[block].append(node)
        decisions[block].append(decision)
    for tenure in part.tenures:
        tenures[_block(tenure.person.name)].append(tenure)
    return {
        block: Part(tuple(nodes[block]), tuple(decisions[block]), tuple(tenures[block])) for block in blocks
    }


def _moved(keys: ReleaseKeys, key: str, node, held: tuple) -> bool:
    """Whether a person's node or posts are not those ``keys`` (a release's, as kept) give them."""
    if keys.persons.get(key) != node:
        return True
    return any(keys.posts.get((key, index)) != post for index, post in enumerate(held))


def _kept_equal(old: tuple, new: tuple, dropped: list, added: list) -> tuple:
    """``new`` with each value equal to one of ``old`` given as that object; the values of
    ``old`` not in ``new`` put in ``dropped``, those of ``new`` not in ``old`` in ``added``."""
    if not old:  # a block new to the corpus (every block, the first time)
        added += new
        return new
    before = {value: value for value in old}
    now = set(new)
    dropped += (value for value in old if value not in now)
    kept = tuple(before.get(value, value) for value in new)
    added += (value for value in kept if value not in before)
    return kept


def _patched(items: list, drop: Iterable, add: Iterable, key: Callable) -> list:
    """``items`` (sorted by ``key``, values of one key once) without the objects ``drop`` holds
    and with those ``add`` holds, in order: found by bisection, the rest copied as it is."""
    drop_ids = {id(item) for item in drop}
    if drop_ids:
        items = [item for item in items if id(item) not in drop_ids]
    added = sorted(add, key=key)
    if not added:
        return items
    out: list = []
    start = 0
    for item in added:
        at = bisect_left(items, key(item), lo=start, key=key)
        out += items[start:at]
        out.append(item)
        start = at
    out += items[start:]
    return out


class _References:
    """How many place and organisation nodes of each name the corpus has, and which names came
    or went: their aliases (``owl:sameAs``) are looked up or dropped when settled."""

    def __init__(self, state: Resolved) -> None:
        self.state = state
        self.moved: set[tuple[str, str]] = set()

    def add(self, kind: str, names: Iterable[str], by: int) -> None:
        counts = self.state.references
        for name in names:
            counts[(kind, name)] += by
            self.moved.add((kind, name))

    def settle(self) -> None:
        counts, aliases = self.state.references, self.state.aliases
        for item in self.moved:
            if counts[item] > 0:
                if item not in aliases and (key := alias_of(*item)):
                    aliases[item] = key
            else:
                del counts[item]
                aliases.pop(item, None)
