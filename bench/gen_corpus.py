"""Make a corpus of any size from a folder of releases: copies with new officials and places.

Each copy after the first renames every person the extraction finds in the
source (same surname, new given name from a small pool, so namesakes appear
as in real data) and moves every place it names to another division of the
same level (its short form too: 巴中 with 巴中市). Officials, places and
namesakes grow with the corpus, as they do across years of a province's
portals, instead of 100 copies of the same 300 officials.

The source is read at run time (by default the shared corpus beside the
clone, else the bundled samples); nothing of it is stored in the repository.

    python bench/gen_corpus.py 10000 /tmp/corpus10k
    python bench/gen_corpus.py 100 /tmp/more --first-copy 500     # 100 releases not in the above
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from govkg.extract import extract
from govkg.extract.pipeline import read_releases
from govkg.extract.places import gazetteer, shorten
from govkg.graph.build import sample_paths

# Characters of given names: few enough that namesakes occur as the corpus grows.
NATIONAL = frozenset({"中国", "全国", "国家"})
GIVEN = "伟刚勇毅俊峰强军平东文辉明永健志兴良海波宁福生龙国胜学祥发武新清飞杰涛成康光达安中林德建华"


def default_source() -> Path:
    """The shared corpus ($GOVKG_CORPUS, or ``shared/corpus`` beside or above the clone), else the samples."""
    here = Path(__file__).resolve().parents[1]
    for candidate in (
        os.environ.get("GOVKG_CORPUS"),
        here.parent / "shared" / "corpus",
        here.parents[1] / "shared" / "corpus",
    ):
        if candidate and (Path(candidate) / "releases").is_dir():
            return Path(candidate) / "releases"
    return sample_paths()[0].parent


@dataclass
class SourceFile:
    path: Path
    releases: int
    names: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)


def survey(source: Path) -> list[SourceFile]:
    """Each release file of the source, with the persons and gazetteer places its extraction names."""
    known = gazetteer()
    files = []
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        releases, _ = read_releases(path)
        if not releases:
            continue
        item = SourceFile(path, len(releases))
        for release in releases:
            extraction = extract(release)
            places = {release.place}
            for person in extraction.persons:
                national = NATIONAL & {person.jurisdiction, *(h.jurisdiction for h in person.holdings)}
                if len(person.name) >= 2 and not national:  # national leaders stay who they are
                    item.names.add(person.name)
                places.add(person.jurisdiction)
                places.update(h.jurisdiction for h in person.holdings)
            places.update(e.place for e in extraction.events)
            item.places.update(p for p in places if p and p in known)
        files.append(item)
    return files


def _rng(*parts: object) -> random.Random:
    return random.Random(hashlib.sha256(repr(parts).encode()).digest())


class Renamer:
    """The names and places of one copy: each person and place mapped the same way in every file."""

    def __init__(self, copy: int, seed: int, by_level: dict[str, list[str]]) -> None:
        self.copy, self.seed, self.by_level = copy, seed, by_level
        self.table: dict[str, str] = {}

    def person(self, name: str) -> None:
        if name in self.table:
            return
        rng = _rng(self.seed, self.copy, "person", name)
        surname = name[:2] if len(name) >= 4 else name[:1]
        self.table[name] = surname + "".join(rng.choice(GIVEN) for _ in range(len(name) - len(surname)))

    def place(self, name: str) -> None:
        found = gazetteer()[name][0]
        name, level = found.name, found.level  # a short name (巴中) moves with its place (巴中市)
        if name in self.table:
            return
        rng = _rng(self.seed, self.copy, "place", name)
        new = rng.choice(self.by_level[level])
        self.table[name] = new
        short, new_short = shorten(name), shorten(new)
        if len(short) >= 2 and short != name and short not in self.table:
            self.table[short] = new_short if len(new_short) >= 2 else new

    def apply(self, text: str) -> str:
        if not self.table:
            return text
        pattern = re.compile("|".join(map(re.escape, sorted(self.table, key=len, reverse=True))))
        return pattern.sub(lambda m: self.table[m.group(0)], text)


def _decode(data: bytes) -> tuple[str, str] | None:
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def write_copy(item: SourceFile, renamer: Renamer | None, target: Path, prefix: str) -> None:
    destination = target / f"{prefix}-{item.path.name}"
    data = item.path.read_bytes()
    if item.path.suffix == ".json":
        record = json.loads(data.decode("utf-8"))
        records = record if isinstance(record, list) else [record]
        for entry in records:
            if not isinstance(entry, dict):
                continue
            if "id" in entry:
                entry["id"] = f"{prefix}-{entry['id']}"
            if renamer is not None:
                for key, value in entry.items():
                    if isinstance(value, str) and key != "id":
                        entry[key] = renamer.apply(value)
        destination.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        return
    decoded = _decode(data) if renamer is not None else None
    if decoded is None:
        destination.write_bytes(data)
        return
    text, encoding = decoded
    destination.write_bytes(renamer.apply(text).encode(encoding, errors="strict"))


def generate(
    releases: int, folder: Path, source: Path | None = None, first_copy: int = 0, seed: int = 0
) -> int:
    """Write at least ``releases`` releases into ``folder`` (copies first_copy, first_copy + 1, ...)."""
    files = survey(source or default_source())
    if not files:
        raise SystemExit(f"no releases in {source}")
    by_level: dict[str, list[str]] = defaultdict(list)
    for name, places in sorted(gazetteer().items()):
        if name == places[0].name:  # full names only
            by_level[places[0].level].append(name)
    folder.mkdir(parents=True, exist_ok=True)
    written, copy = 0, first_copy
    while written < releases:
        target = folder / f"c{copy:05d}"
        target.mkdir(exist_ok=True)
        renamer = None
        if copy:
            renamer = Renamer(copy, seed, by_level)
            for item in files:
                for name in sorted(item.names):
                    renamer.person(name)
                for place in sorted(item.places):
                    renamer.place(place)
        for item in files:
            if written >= releases:
                break
            write_copy(item, renamer, target, f"c{copy:05d}")
            written += item.releases
        copy += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("releases", type=int, help="how many releases (at least)")
    parser.add_argument("folder", type=Path, help="where to write them")
    parser.add_argument("--source", type=Path, default=None, help="folder of releases (default: the corpus)")
    parser.add_argument(
        "--first-copy", type=int, default=0, help="number of the first copy (0 is the source)"
    )
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    count = generate(args.releases, args.folder, args.source, args.first_copy, args.seed)
    print(f"{count} releases in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
