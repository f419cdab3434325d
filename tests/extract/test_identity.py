"""Person identity across releases: merges, non-merges, places, organisations, the report."""

from __future__ import annotations

import gc
import pickle
import platform
import zlib
from dataclasses import replace
from pathlib import Path

import pytest

from govkg.extract import identity
from govkg.extract.data import load_table
from govkg.extract.identity import (
    Named,
    PersonKey,
    PersonMention,
    Post,
    ReleaseMentions,
    SharedValues,
    SpilledDecisions,
    SpilledKeys,
    TitleMention,
    collector_paused,
    give_back_memory,
    identity_report,
    mentions_of,
    org_key,
    partition_of,
    post_name,
    post_of,
    resolve,
    text_digest,
)
from govkg.extract.places import divisions_named, release_place
from govkg.extract.records import Extraction, Holding, Person, Release, Span
from govkg.extract.resolved import resolve_kept
from govkg.extract.titles import organization, parse_title

SPAN = Span(0, 1)


def person(name: str, *titles: str, where: str | None = None) -> Person:
    """A person record as extraction gives it: titles as written, the office's place."""
    holdings = tuple(
        Holding(title=t, span=SPAN, evidence=SPAN, jurisdiction=where, office=parse_title(t)) for t in titles
    )
    return Person(name=name, key=name, mentions=(SPAN,), holdings=holdings, jurisdiction=where or "?")


def release(
    rid: str, place: str | None, *persons: Person, text: str = "", date: str = "2021-01-01"
) -> Extraction:
    body = text or "会议召开。" * 3
    record = Release(id=rid, text=body, place=place, published=date)
    offices = [h.office for p in persons for h in p.holdings if h.office]
    return Extraction(record, persons=persons, place=release_place(record, offices))


def person_keys(extractions: list[Extraction]) -> dict[tuple[str, str], str]:
    """Every mention's node key as written, by (release id, Person.key).

    Each case is resolved from the records, from their mention rows (made
    into plain rows and back), from those rows' values shared as a build holds
    them, and from the rows a partition of names at a time (two, three and
    five partitions): the decisions must be the same.
    """
    corpus = resolve(extractions)
    rows = [ReleaseMentions.from_row(mentions_of(e).to_row()) for e in reversed(extractions)]
    assert resolve(rows) == corpus
    assert resolve(map(SharedValues(), rows)) == corpus
    for partitions in (2, 3, 5):
        assert resolve(rows, partitions=partitions) == corpus
    assert_kept_follows(rows, corpus)
    return {(rid, key): str(node) for rid, keys in corpus.keys.items() for key, node in keys.persons.items()}


def assert_kept_follows(rows: list[ReleaseMentions], corpus) -> None:
    """What a build keeps (extract/resolved.py), updated by adding each release to the others,
    then removing it again, gives the corpus resolved whole each time."""
    origins = {row.release: "file" for row in rows}
    for one in rows:
        others = [row for row in rows if row is not one]
        _, kept = resolve_kept(others, origins, None, "govkg")
        kept = pickle.loads(pickle.dumps(kept))  # as a build keeps it
        added, kept = resolve_kept(rows, origins, kept, "govkg")
        assert added == corpus
        assert identity_report(added) == identity_report(corpus)
        removed, _ = resolve_kept(others, origins, kept, "govkg")
        assert removed == resolve(others)


def nodes(*extractions: Extraction) -> dict[tuple[str, str], str]:
    return person_keys(list(extractions))


def same(keys: dict, a: tuple[str, str], b: tuple[str, str]) -> bool:
    return keys[a] == keys[b]


# ------------------------------------------------------------ merges and non-merges


def test_same_official_across_releases_of_one_city_is_one_node():
    keys = nodes(
        release("a", "巴中市", person("何平", "市委副书记", "市长", where="巴中市")),
        release("b", "巴中市", person("何平", "市长", where="巴中市")),
    )
    assert same(keys, ("a", "何平"), ("b", "何平"))
    assert keys[("a", "何平")] == "何平@巴中市"


def test_a_promotion_within_one_city_stays_one_node():
    keys = nodes(
        release("a", "通江县", person("王五", "县委副书记", "县长", where="通江县"), date="2019-03-01"),
        release("b", "通江县", person("王五", "县委书记", where="通江县"), date="2021-06-01"),
    )
    assert same(keys, ("a", "王五"), ("b", "王五"))


def test_namesakes_in_two_cities_stay_apart():
    keys = nodes(
        release("a", "日照市", person("杨六", "市委书记", where="日照市")),
        release("b", "盐田区", person("杨六", "区长", where="盐田区")),
    )
    assert not same(keys, ("a", "杨六"), ("b", "杨六"))


def test_a_national_leader_is_one_node_in_national_and_local_releases():
    keys = nodes(
        release("a", "中国", person("赵七", "中共中央总书记")),
        release("b", "巴中市", person("赵七", "总书记", where="巴中市")),
        release("c", "通江县", person("赵七")),
    )
    assert keys[("a", "赵七")] == keys[("b", "赵七")] == keys[("c", "赵七")] == "赵七@中国"


def test_an_untitled_namesake_of_a_national_leader_stays_local_where_a_local_official_has_the_name():
    keys = nodes(
        release("a", "中国", person("赵七", "国务院总理")),
        release("b", "连云港市", person("赵七", "市委书记", where="连云港市")),
        release("c", "连云港市", person("赵七", where="连云港市")),
    )
    assert keys[("c", "赵七")] == keys[("b", "赵七")] == "赵七@连云港市"


def test_an_untitled_namesake_of_a_state_councillor_is_not_taken_for_them():
    keys = nodes(release("a", "中国", person("钱八", "国务委员")), release("b", "商洛市", person("钱八")))
    assert keys[("b", "钱八")] == "钱八@商洛市"


def test_a_local_namesake_of_a_national_official_stays_apart():
    keys = nodes(
        release("a", "中国", person("孙八", "副主任")),
        release("b", "石台县", person("孙八", "副县长", where="石台县")),
    )
    assert not same(keys, ("a", "孙八"), ("b", "孙八"))


@pytest.mark.parametrize(
    ("title", "where", "expected"),
    [
        ("营口市委书记", "连云港市", "营口市"),  # a visitor's title names their own city
        ("市委书记", "川汇区", "周口市"),  # a city title in a district release: the city above
        ("省委书记", "巴中市", "四川省"),
        ("區長", "黄浦区", "黄浦区"),  # traditional characters
    ],
)
def test_the_place_of_an_office_comes_from_the_title_and_the_release(title, where, expected):
    keys = nodes(release("a", where, person("甲乙", title, where=where)))
    assert keys[("a", "甲乙")] == f"甲乙@{expected}"


def test_spellings_of_a_place_are_one_jurisdiction():
    keys = nodes(
        release("a", "巴中市", person("钱九", "副市长", where="巴中市")),
        release("b", "巴中", person("钱九", "副市长", where="巴中")),
    )
    assert same(keys, ("a", "钱九"), ("b", "钱九"))


def test_an_unknown_place_with_no_evidence_keeps_its_own_node():
    keys = nodes(
        release("a", None, person("周十", "市长")),
        release("b", "石龙区", person("周十", "副区长", where="石龙区")),
    )
    assert keys[("a", "周十")] == "周十@?a"
    assert not same(keys, ("a", "周十"), ("b", "周十"))


def test_a_release_without_a_place_joins_the_place_its_officials_share():
    keys = nodes(
        release(
            "a", "川汇区", person("吴甲", "区长", where="川汇区"), person("郑乙", "区委常委", "常务副区长")
        ),
        release("b", "川汇区", person("郑乙", "区委常委", "常务副区长", where="川汇区"), person("冯丙")),
        release("c", None, person("吴甲", "区长"), person("郑乙", "区委常委", "常务副区长"), person("冯丙")),
    )
    assert keys[("c", "吴甲")] == keys[("a", "吴甲")] == "吴甲@川汇区"
    assert same(keys, ("c", "郑乙"), ("b", "郑乙"))
    assert same(keys, ("c", "冯丙"), ("b", "冯丙"))


def test_a_release_without_a_place_and_one_shared_chief_post_joins_it():
    keys = nodes(
        release("a", "武穴市", person("陈丁", "市委副书记", "市长", where="武穴市")),
        release("b", None, person("陈丁", "市委副书记", "市长"), person("褚戊")),
    )
    assert same(keys, ("a", "陈丁"), ("b", "陈丁"))
    assert keys[("b", "褚戊")] == "褚戊@武穴市"


def test_a_release_without_a_place_and_one_untitled_namesake_stays_apart():
    keys = nodes(
        release("a", "商洛市", person("卫己")),
        release("b", None, person("卫己", "市长")),
    )
    assert keys[("b", "卫己")] == "卫己@?b"


def test_a_release_without_a_place_that_names_the_place_of_its_one_shared_official_joins_it():
    keys = nodes(
        release("a", "肥西县", person("褚癸")),
        release("b", None, person("褚癸", "县委副书记"), text="县委副书记褚癸到肥西经开区督查。"),
        release("c", None, person("褚癸", "县委副书记"), text="县委副书记褚癸到经开区督查。"),
    )
    assert same(keys, ("a", "褚癸"), ("b", "褚癸"))
    assert keys[("c", "褚癸")] == "褚癸@?c"


@pytest.mark.parametrize(
    ("untitled_in", "titled", "merged"),
    [
        ("黄石市", ("阳新县", "县长"), True),  # named among a city's 市县领导; 县长 of one of its counties
        ("阳新县", ("黄石市", "市长"), True),  # named in a county release; the city's 市长
        ("巴中市", ("阳新县", "县长"), False),  # unrelated places: namesakes
    ],
)
def test_an_untitled_name_joins_the_one_official_of_a_related_place(untitled_in, titled, merged):
    place, title = titled
    keys = nodes(
        release("a", untitled_in, person("明丑", where=untitled_in)),
        release("b", place, person("明丑", title, where=place)),
    )
    assert same(keys, ("a", "明丑"), ("b", "明丑")) is merged


def test_an_untitled_name_stays_where_a_titled_namesake_is_known():
    keys = nodes(
        release("a", "黄石市", person("明丑", where="黄石市")),
        release("b", "黄石市", person("明丑", "副市长", where="黄石市")),
        release("c", "阳新县", person("明丑", "县长", where="阳新县")),
    )
    assert same(keys, ("a", "明丑"), ("b", "明丑"))
    assert not same(keys, ("a", "明丑"), ("c", "明丑"))


def test_officials_of_a_neighbour_named_in_a_county_release_get_their_own_place():
    keys = nodes(
        release(
            "a", "西华县", person("蒋庚", "川汇区人大常委会主任"), person("沈辛", "区委常委", "常务副区长")
        ),
        release("b", "川汇区", person("沈辛", "常务副区长", where="川汇区")),
    )
    assert keys[("a", "蒋庚")] == "蒋庚@川汇区"
    assert same(keys, ("a", "沈辛"), ("b", "沈辛"))


def test_a_misspelt_name_in_the_same_place_joins_the_common_spelling():
    keys = nodes(
        release("a", "川汇区", person("梁显文", where="川汇区")),
        release("b", "川汇区", person("梁显文", "区人大常委会主任", where="川汇区")),
        release("c", "川汇区", person("粱显文", where="川汇区")),
    )
    assert keys[("c", "粱显文")] == keys[("a", "梁显文")] == "梁显文@川汇区"


def _apart(*names: str) -> int:
    """A number of partitions that a digest of the names as written would put in more than one."""
    return next(n for n in range(2, 100) if len({zlib.crc32(name.encode()) % n for name in names}) > 1)


def test_names_one_confusable_character_apart_share_a_partition():
    partitions = _apart("梁显文", "粱显文")
    assert partition_of("梁显文", partitions) == partition_of("粱显文", partitions)
    cases = [
        release("a", "川汇区", person("梁显文", "区长", where="川汇区")),
        release("b", "川汇区", person("梁显文", where="川汇区")),
        release("c", "川汇区", person("粱显文", where="川汇区")),
    ]
    corpus = resolve(cases, partitions=partitions)
    assert corpus == resolve(cases)
    assert str(corpus.keys["c"].persons["粱显文"]) == "梁显文@川汇区"


def test_the_commoner_spelling_is_asked_among_every_confusable_character_at_that_place():
    # 士显文 is the commonest of the three: 粱 and 梁 are no misspellings of 士, and the rule
    # then leaves 粱显文 alone; partitions by each character's own class would have merged it
    cases = [release(f"s{n}", "川汇区", person("士显文", where="川汇区")) for n in range(3)]
    cases += [release(f"l{n}", "川汇区", person("梁显文", where="川汇区")) for n in range(2)]
    cases += [release("x", "川汇区", person("粱显文", where="川汇区"))]
    whole = resolve(cases)
    assert str(whole.keys["x"].persons["粱显文"]) == "粱显文@川汇区"
    for partitions in range(2, 9):
        assert resolve(cases, partitions=partitions) == whole


def test_a_partition_travels_to_a_worker_pickled():
    row = mentions_of(release("a", "巴中市", person("何平", "市长", where="巴中市")))
    reason = "title 市长 in release of 巴中市"
    named = Named("a", "2021-01-01", row.persons[0], "何平", False, "巴中市", reason)
    again = pickle.loads(pickle.dumps(named))
    assert (again.offices, again.level, again.reason) == (named.offices, "市", named.reason)


def test_a_name_that_contains_another_is_another_person():
    keys = nodes(
        release("a", "长宁区", person("韩伟", "区长", where="长宁区")),
        release("b", "长宁区", person("韩伟民", "区长", where="长宁区")),
    )
    assert not same(keys, ("a", "韩伟"), ("b", "韩伟民"))


def test_a_provincial_official_in_national_news_later_national_is_one_node():
    keys = nodes(
        release("a", "中国", person("杨壬", "河北省委书记")),
        release("b", "中国", person("杨壬", "国务委员")),
    )
    assert same(keys, ("a", "杨壬"), ("b", "杨壬"))


def test_resolution_does_not_depend_on_input_order():
    records = [
        release("a", "巴中市", person("何平", "市长", where="巴中市")),
        release("b", None, person("何平", "市长"), person("温奇")),
        release("c", "巴中市", person("温奇", "副市长", where="巴中市")),
    ]
    assert person_keys(records) == person_keys(list(reversed(records)))


# ------------------------------------------------------------ titles, places, organisations


@pytest.mark.parametrize(
    ("name", "within", "key"),
    [
        ("市委", "巴中市", "中共巴中市委"),
        ("巴中市委", None, "中共巴中市委"),
        ("中共巴中市委", None, "中共巴中市委"),
        ("中共巴中市委员会", None, "中共巴中市委"),
        ("市政府", "巴中市", "巴中市人民政府"),
        ("巴中市人民政府", None, "巴中市人民政府"),
        ("市委", "通江县", "中共巴中市委"),  # a county release's 市委 is the city's
        ("县人大常委会", "通江县", "通江县人大常委会"),
        # an organ of no place: both its names (organs.tsv) are one node
        ("中共中央", None, "中国共产党中央委员会"),
        ("国务院", None, "中华人民共和国国务院"),
        ("中华人民共和国国务院", None, "中华人民共和国国务院"),
        ("全国人民代表大会常务委员会", None, "全国人大常委会"),
        ("巴中市发改委", None, "巴中市发改委"),  # no organ of the table: as written
    ],
)
def test_org_keys(name, within, key):
    assert org_key(name, within) == key


def _organ_rows(of_a_place: bool) -> list[tuple[str, str, str]]:
    rows = [row for row in load_table("organs.tsv") if len(row) > 2 and row[2]]
    return [row for row in rows if ("{place}" in row[1]) is of_a_place]


@pytest.mark.parametrize(("pattern", "full", "key"), _organ_rows(True))
def test_every_name_organs_tsv_gives_an_organ_of_a_place_is_one_key(pattern, full, key):
    # one table read both ways: the organ a title names (organization) and its key (org_key)
    expected = key.format(place="巴中市")
    assert org_key(full.format(place="巴中市")) == expected  # in full
    assert org_key("巴中市" + pattern) == expected  # as a title writes it after a place
    assert org_key("市" + pattern, within="通江县") == expected  # after a level word
    assert org_key(organization("市" + pattern + "主任", "巴中市")) == expected
    assert org_key("某某镇" + pattern) == key.format(place="某某镇")  # a place the gazetteer lacks


@pytest.mark.parametrize(("pattern", "full", "key"), _organ_rows(False))
def test_an_organ_of_no_place_is_one_key_by_both_its_names(pattern, full, key):
    assert org_key(pattern) == org_key(full) == key


# ------------------------------------------------------------ the report and the graph


def report(extractions: list[Extraction]) -> str:
    return identity_report(resolve(extractions))


def test_the_report_says_which_node_each_mention_went_to_and_why():
    records = [
        release("a", "巴中市", person("何平", "市长", where="巴中市")),
        release("b", "巴中市", person("何平", "市委书记", where="巴中市")),
        release("c", None, person("何平", "区长")),
    ]
    lines = report(records).splitlines()
    assert lines[0].split("\t")[:4] == ["kind", "node", "release", "mention"]
    rows = [line.split("\t")[1:] for line in lines[1:] if line.startswith("person")]
    assert [(r[0], r[1]) for r in rows] == [("何平@?c", "c"), ("何平@巴中市", "a"), ("何平@巴中市", "b")]
    assert all(r[4] for r in rows)  # every row has a reason
    assert rows[0][5] == "何平@巴中市"  # kept apart, and says from what
    assert report(records) == report(list(reversed(records)))


def test_decisions_cover_every_mention():
    records = [release("a", "巴中市", person("何平", "市长", where="巴中市"), person("温奇"))]
    corpus = resolve(records)
    assert {(d.release, d.person) for d in corpus.decisions} == {("a", "何平"), ("a", "温奇")}
    assert corpus.keys["a"].persons["何平"] == PersonKey("何平", "巴中市")


def test_a_county_head_on_the_city_committee_is_the_countys_official():
    keys = nodes(
        release("a", "通江县", person("李卯", "市委常委", "县委书记", where="通江县")),
        release("b", "通江县", person("李卯", "县委书记", where="通江县")),
        release("c", "巴中市", person("李卯", "巴中市委常委", "通江县委书记")),
    )
    assert keys[("a", "李卯")] == keys[("b", "李卯")] == keys[("c", "李卯")] == "李卯@通江县"


def test_the_report_lists_places_and_organisations_written_in_variant_forms():
    holding = Holding(
        "市委书记", SPAN, SPAN, jurisdiction="巴中", organization="市委", office=parse_title("市委书记")
    )
    who = Person(name="何平", key="何平", mentions=(SPAN,), holdings=(holding,), jurisdiction="巴中市")
    rows = [line.split("\t") for line in report([release("a", "巴中市", who)]).splitlines()[1:]]
    assert ["place", "巴中市", "a", "巴中"] in [r[:4] for r in rows]
    assert ["organization", "中共巴中市委", "a", "市委"] in [r[:4] for r in rows]
    assert not any(r[0] == "place" and r[3] == "巴中市" for r in rows)  # canonical already


@pytest.mark.parametrize(
    ("name", "within", "key"),
    [
        ("中共黄石市政法委员会", None, "中共黄石市政法委员会"),
        ("中国人民政治协商会议冠县委员会", None, "冠县政协"),
    ],
)
def test_org_keys_keep_the_party_and_shorten_formal_names(name, within, key):
    assert org_key(name, within) == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [("我区召开会议，区长出席。", "长宁区"), ("我县召开会议，县长出席。", "长宁县"), ("会议召开。", "长宁")],
)
def test_a_release_place_shared_by_two_divisions_is_read_by_the_releases_own_level(text, expected):
    keys = nodes(release("a", "长宁", person("夏辰"), text=text))
    assert keys[("a", "夏辰")] == f"夏辰@{expected}"


def test_a_foreign_leader_in_national_news_is_one_node_with_or_without_a_title():
    keys = nodes(
        release("a", "中国", person("卢卡", "总统", where="白俄罗斯")),
        release("b", "中国", person("卢卡")),
    )
    assert keys[("a", "卢卡")] == keys[("b", "卢卡")] == "卢卡@白俄罗斯"


def test_releases_without_a_place_are_placed_in_rounds_from_one_that_names_it():
    keys = nodes(
        # names 川汇区 in a title: its other 区 officials are 川汇区's
        release("a", None, person("蒋庚", "川汇区人大常委会主任"), person("沈辛", "区委常委", "常务副区长")),
        # shares 沈辛's two posts with a: placed in the first round
        release("b", None, person("沈辛", "区委常委", "常务副区长"), person("吴甲", "区长")),
        # shares only 吴甲, whose post it shares with b: placed in the second round
        release("c", None, person("吴甲", "区长"), person("赵丙", "区委书记"), text="全市会议召开。"),
        # shares only 赵丙 with c: placed in the third round, asked again once c was placed
        release("d", None, person("赵丙", "区委书记"), text="全市会议召开。"),
        # shares no one with a placed release: asked in the first round only, never placed
        release("e", None, person("钱丁", "区长"), text="全市会议召开。"),
    )
    assert keys[("a", "沈辛")] == keys[("b", "沈辛")] == "沈辛@川汇区"
    assert keys[("b", "吴甲")] == keys[("c", "吴甲")] == "吴甲@川汇区"
    assert keys[("c", "赵丙")] == keys[("d", "赵丙")] == "赵丙@川汇区"
    assert keys[("e", "钱丁")] == "钱丁@?e"


def test_a_name_many_releases_without_a_place_share_is_read_from_the_tables_once_a_round(monkeypatch):
    # read for each of its releases instead, a busy name made placing grow with the square of the corpus
    read = []

    def counted(name, tables):
        read.append(name)
        return known_of(name, tables)

    known_of = identity._known_of
    monkeypatch.setattr(identity, "_known_of", counted)
    unplaced = [
        release(f"r{n}", None, person("吴甲", "区长"), person("郑乙", "区委常委", "常务副区长"))
        for n in range(8)
    ]
    placed = release(
        "a", "川汇区", person("吴甲", "区长", where="川汇区"), person("郑乙", "区委常委", where="川汇区")
    )
    corpus = resolve([placed, *unplaced])
    assert {str(corpus.keys[r.release.id].persons["吴甲"]) for r in unplaced} == {"吴甲@川汇区"}
    assert 1 <= read.count("吴甲") <= identity.PLACING_ROUNDS


def test_a_county_title_in_a_town_release_belongs_to_the_one_county_the_text_names():
    text = "6月28日，衡阳县杉桥镇召开会议，县委巡察办主任阳甲到会指导。"
    keys = nodes(release("a", "杉桥镇", person("阳甲", "县委巡察办主任"), text=text))
    assert keys[("a", "阳甲")] == "阳甲@衡阳县"


def test_the_party_prefix_stays_on_an_organ_of_a_place_the_gazetteer_does_not_hold():
    assert org_key("中共戴庙镇委员会") == "中共戴庙镇委"


def test_an_untitled_name_in_national_news_is_not_taken_for_a_county_official_named_there():
    keys = nodes(
        release("a", "中国", person("张辰", "石台县副县长")),
        release("b", "中国", person("张辰")),
    )
    assert keys[("b", "张辰")] == "张辰@中国"


# ------------------------------------------------------------ posts and tenures


@pytest.mark.parametrize(
    ("title", "place", "post"),
    [
        ("市长", "巴中市", Post("巴中市", "市长")),
        ("市委副书记", "巴中市", Post("巴中市", "市委副书记")),
        ("代理县长", "石台县", Post("石台县", "县长")),
        ("日照市委书记", None, Post("日照市", "市委书记")),
        ("營口市委書記", None, Post("营口市", "市委书记")),  # traditional characters
        ("市委书记", "川汇区", Post("周口市", "市委书记")),
        ("国务院副总理", None, Post("中国", "国务院副总理")),
        ("秘书长", "巴中市", None),  # names no office of a place
        ("市长", None, None),  # the city is unknown
    ],
)
def test_titles_resolve_to_posts(title, place, post):
    assert post_of(parse_title(title), place) == post


@pytest.mark.parametrize(
    ("place", "office", "name"),
    [
        ("巴中市", "市长", "巴中市市长"),
        ("巴中市", "市委书记", "巴中市委书记"),
        ("川汇区", "常务副区长", "川汇区常务副区长"),
    ],
)
def test_post_names_read_as_written(place, office, name):
    assert post_name(place, office) == name


def test_a_tenure_runs_from_the_first_to_the_last_release_that_attests_it():
    corpus = resolve(
        [
            release("a", "巴中市", person("何平", "市长", where="巴中市"), date="2019-05-01"),
            release("b", "巴中市", person("何平", "市长", where="巴中市"), date="2020-06-01"),
            release("c", "巴中市", person("何平", "市委书记", where="巴中市"), date="2021-03-01"),
        ]
    )
    spans = {t.post.name: (t.first, t.last) for t in corpus.tenures}
    assert spans == {"巴中市市长": ("2019-05-01", "2020-06-01"), "巴中市委书记": ("2021-03-01", "2021-03-01")}
    assert corpus.keys["b"].posts[("何平", 0)] == Post("巴中市", "市长")


def test_variant_spellings_of_organisations_have_one_canonical_name():
    def official(organ: str) -> Person:
        holding = Holding(
            "市委书记", SPAN, SPAN, jurisdiction="巴中市", organization=organ, office=parse_title("市委书记")
        )
        return Person(name="何平", key="何平", mentions=(SPAN,), holdings=(holding,), jurisdiction="巴中市")

    corpus = resolve(
        [release("a", "巴中市", official("市委")), release("b", "巴中市", official("中共巴中市委员会"))]
    )
    assert corpus.keys["a"].organizations["市委"] == "中共巴中市委"
    assert corpus.keys["b"].organizations["中共巴中市委员会"] == "中共巴中市委"


# ------------------------------------------------------------ the mention rows


def test_a_release_is_read_into_the_row_resolution_needs():
    mayor = parse_title("市长")
    holding = Holding("市长", SPAN, SPAN, jurisdiction="巴中", organization="市政府", office=mayor)
    official = Person(name="何平", key="何平#1", mentions=(SPAN,), holdings=(holding,), jurisdiction="?")
    record = Extraction(
        Release(id="a", text="巴中市何平到通江县调研。", place="巴中", published="2021-03-04T10:00"),
        persons=(official,),
        place="巴中市",  # the extraction's decision, which the row carries
    )
    assert mentions_of(record) == ReleaseMentions(
        release="a",
        date="2021-03-04",
        written_place="巴中",
        place="巴中市",
        text_places=("巴中市", "通江县"),
        text=None,
        persons=(PersonMention("何平", "何平#1", "?", (TitleMention("市长", "巴中", "市政府", mayor),)),),
        text_digest=text_digest("巴中市何平到通江县调研。"),
    )


@pytest.mark.parametrize(
    ("place", "persons", "kept"),
    [
        (None, (person("何平", "市长"),), True),  # its place is inferred: the text may name it
        ("巴中市", (person("何平", "市长"),), False),
        (None, (), False),  # no one to place it by
    ],
)
def test_a_row_keeps_the_text_only_of_a_release_whose_place_is_inferred(place, persons, kept):
    row = mentions_of(release("a", place, *persons, text="通江县召开会议。"))
    assert row.text == ("\n通江县召开会议。" if kept else None)


def test_the_corpus_keeps_release_ids_not_records():
    corpus = resolve([release("b", "巴中市", person("何平", "市长")), release("a", "巴中市")])
    assert corpus.releases == ("a", "b")
    assert not hasattr(corpus, "extractions")


def test_resolution_reads_rows_and_records_alike():
    records = [release("a", "巴中市", person("何平", "市长")), release("b", None, person("何平", "市长"))]
    mixed = [mentions_of(records[0]), records[1]]
    assert resolve(mixed) == resolve(records) == resolve([mentions_of(r) for r in records])


def test_the_fingerprint_follows_the_releases_texts_not_their_order():
    a, b = release("a", "巴中市"), release("b", "巴中市", text="通江县召开会议。")
    changed = release("b", "巴中市", text="通江县召开大会。")
    assert resolve([a, b]).fingerprint == resolve([mentions_of(b), a]).fingerprint
    assert resolve([a, b]).fingerprint not in {resolve([a]).fingerprint, resolve([a, changed]).fingerprint}


def test_the_report_and_the_same_as_links_read_names_by_one_rule():
    """A name the report reads as another gets the same key in the graph's links, unless only
    its release tells it (a namesake district: the node is shared by every release)."""
    official = person("何平", "区长", where="朝阳区")
    holding = Holding("区长", SPAN, SPAN, jurisdiction="連云港市", office=parse_title("区长"))
    other = Person(name="李卯", key="李卯", mentions=(SPAN,), holdings=(holding,), jurisdiction="連云港市")
    corpus = resolve([release("a", "长春市", official, other)])
    variants = {(v.name, v.key) for v in corpus.variants if v.kind == "place"}
    links = {(a.name, a.canonical) for a in corpus.same_as if a.kind == "place"}
    assert {("連云港市", "连云港市"), ("朝阳区", "长春市朝阳区")} <= variants
    assert ("連云港市", "连云港市") in links
    assert not any(name == "朝阳区" for name, _ in links)


def test_a_corpus_travels_to_workers_pickled():
    records = [release("a", "巴中市", person("何平", "市长")), release("b", None, person("何平", "市长"))]
    corpus = resolve(records)
    assert pickle.loads(pickle.dumps(corpus)) == corpus


def test_a_row_pickles_as_its_fields_and_reads_a_row_cached_before():
    """A row is pickled as the tuple of its fields; a cache entry written with the list the
    dataclass decorator gave as its state reads back as the same row."""
    row = mentions_of(release("a", "巴中市", person("何平", "市长")))
    assert pickle.loads(pickle.dumps(row)) == row
    key = PersonKey("何平", "巴中市")
    assert key.__getstate__() == ("何平", "巴中市", None)
    before = PersonKey.__new__(PersonKey)
    before.__setstate__(["何平", "巴中市", None])  # the decorator's state, as older entries hold it
    assert before == key and hash(before) == hash(key)


def test_a_corpus_resolved_in_partitions_keeps_its_keys_and_decisions_in_files(tmp_path):
    """What grows with the corpus is read back from files, and it is the corpus resolved whole."""
    mayor, secretary = person("何平", "市长"), person("温奇", "市委书记")
    records = [
        release("a", "巴中市", mayor, secretary),
        release("b", "巴中市", mayor),
        release("c", None, person("何平", "市长")),
        release("d", "连云港市", person("何平", "市长")),
    ]
    whole = resolve(records)
    spilled = resolve(records, partitions=3, workdir=tmp_path)
    assert isinstance(spilled.keys, SpilledKeys) and isinstance(spilled.decisions, SpilledDecisions)
    assert not list(tmp_path.iterdir())  # files with no name: nothing left behind, nothing to carry
    assert spilled == whole and whole == spilled
    assert list(spilled.keys) == list(whole.keys) and spilled.keys["b"] == whole.keys["b"]
    assert spilled.release_keys("none") == whole.release_keys("none")
    assert identity_report(spilled) == identity_report(whole)
    together = zip(spilled.decisions, spilled.decisions, strict=True)  # two readers at once
    assert list(together) == [(d, d) for d in whole.decisions]
    again = pickle.loads(pickle.dumps(spilled))
    assert type(again.keys) is dict and type(again.decisions) is tuple and again == whole


def test_mentions_of_one_node_share_its_key_and_post():
    mayor = person("何平", "市长")
    corpus = resolve([release("a", "巴中市", mayor), release("b", "巴中市", mayor)])
    a, b = corpus.keys["a"], corpus.keys["b"]
    assert a.persons["何平"] is b.persons["何平"]
    assert a.posts[("何平", 0)] is b.posts[("何平", 0)]


@pytest.mark.parametrize("partitions", [1, 3])
def test_each_title_is_read_as_a_post_once(monkeypatch, partitions):
    from govkg.extract import identity

    asked = []

    def counted(office, place):
        asked.append(office)
        return post_of(office, place)

    monkeypatch.setattr(identity, "post_of", counted)
    records = [
        release("a", "巴中市", person("何平", "市委副书记", "市长"), person("温奇志", "秘书长")),
        release("b", "巴中市", person("何平", "市长")),
    ]
    corpus = resolve(records, partitions=partitions)
    assert len(asked) == 4  # one a title: the partition's posts are the corpus'
    assert corpus.keys["a"].posts[("何平", 1)] == Post("巴中市", "市长")
    assert ("温奇志", 0) not in corpus.keys["a"].posts  # 秘书长 names no post


def test_a_mention_hands_its_offices_to_its_partition():
    from govkg.extract.identity import _in_release, _named

    (mention,) = _in_release(mentions_of(release("a", "巴中市", person("何平", "市委副书记", "市长"))))
    named = _named(mention)
    assert named.offices is mention.offices and named.level == mention.level == "市"


def test_the_row_takes_the_divisions_extraction_found():
    # mentions_of does not scan the text again: extraction handed on what it found
    from govkg.extract.pipeline import extract

    release = Release(id="r", place="巴中市", text="市长何平到通江县调研。", published="2020-01-26")
    extraction = extract(release, tagger=False)
    assert extraction.divisions == ("通江县",) == divisions_named(release.text)
    assert mentions_of(extraction).text_places == extraction.divisions
    assert mentions_of(replace(extraction, divisions=("某县",))).text_places == ("某县",)
    # a record made by hand decides nothing: mentions_of reads the text as extraction would
    assert mentions_of(replace(extraction, divisions=None)).text_places == ("通江县",)


def test_rows_read_back_share_one_object_for_each_official_title_and_place():
    """A build holds every row until identity is resolved: an official named in many
    releases is one object, the rows equal to those read."""
    official = person("何平", "巴中市市长", where="巴中市")
    # each as the cache gives it back: unpickled on its own
    rows = [
        pickle.loads(pickle.dumps(mentions_of(release(f"r{n}", "巴中市", official, person(f"甲{n}")))))
        for n in range(3)
    ]
    shared = list(map(SharedValues(), rows))
    assert shared == rows
    assert shared[0].persons[0] is shared[2].persons[0]  # 何平, 巴中市市长
    assert rows[0].place is not rows[1].place and shared[0].place is shared[1].place  # 巴中市
    assert shared[0].persons[1] is not shared[1].persons[1]  # 甲0 and 甲1


@pytest.mark.parametrize("enabled", [True, False])
def test_resolving_pauses_the_collector_and_puts_it_back_as_it_was(enabled, monkeypatch):
    seen = []
    original = identity.resolve_partition

    def partition(named):
        seen.append(gc.isenabled())
        return original(named)

    monkeypatch.setattr(identity, "resolve_partition", partition)
    (gc.enable if enabled else gc.disable)()
    try:
        rows = [release("a", "巴中市", person("何平", "市长")), release("b", "巴中市", person("何平"))]
        resolve(rows, partitions=2)
        assert seen == [False, False]
        assert gc.isenabled() is enabled
        with pytest.raises(KeyError), collector_paused():
            raise KeyError("a failure inside")
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def _resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(
    platform.libc_ver()[0] != "glibc" or not Path("/proc/self/status").is_file(), reason="glibc's malloc_trim"
)
def test_give_back_memory_returns_free_memory_held_below_a_live_block():
    # blocks above Python's small ones come from the C library; one kept at the end pins the heap's top,
    # so that freeing the others leaves them free but resident until they are given back
    blocks = [bytes(2000) + bytes([i % 256]) for i in range(20_000)]
    pinned = bytes(2000) + b"end"
    del blocks
    held = _resident_mb()
    give_back_memory()
    assert held - _resident_mb() > 20
    assert pinned.endswith(b"end")


def test_give_back_memory_does_nothing_without_malloc_trim(monkeypatch):
    monkeypatch.setattr(identity, "_malloc_trim", lambda: None)
    assert give_back_memory() is None


@pytest.mark.parametrize(
    ("title", "where", "expected"),
    [
        # a title of a body of its own keys the person to no place, not the release's
        ("新华社某某分社社长", "巴中市", "甲乙@?a"),
        ("台南市议员", "巴中市", "甲乙@?a"),
        ("世界某某论坛主席", "中国", "甲乙@?a"),
        # controls: a local office without a level, and one that names a country
        ("副主任", "巴中市", "甲乙@巴中市"),
        ("德国驻成都总领事", "巴中市", "甲乙@德国"),
    ],
)
def test_a_body_of_its_own_is_no_place_in_a_key(title, where, expected):
    keys = nodes(
        release("a", where, person("甲乙", title, where=None if parse_title(title).elsewhere else where))
    )
    assert keys[("a", "甲乙")] == expected


@pytest.mark.parametrize(
    ("place", "titles", "foreign", "expected"),
    [
        # a foreign guest with no title of a place is keyed to no Chinese place
        ("中国", (), True, "甲乙@?a"),
        ("巴中市", (), True, "甲乙@?a"),
        ("中国", ("总统",), True, "甲乙@?a"),
        # controls: a foreign title names its country; a Chinese name keeps the release's place
        ("中国", ("德国外长",), True, "甲乙@德国"),
        ("中国", (), False, "甲乙@中国"),
        ("巴中市", (), False, "甲乙@巴中市"),
    ],
)
def test_a_foreign_guest_is_keyed_to_no_chinese_place(place, titles, foreign, expected):
    guest = replace(person("甲乙", *titles), foreign=foreign)
    assert nodes(release("a", place, guest))[("a", "甲乙")] == expected


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        # the title's place is the release's: the report says so
        ("巴中市", "title 市长 in release of 巴中市"),
        # the text gives the title another place (某市人民代表大会…选举甲为市长): not "in release of"
        ("达州市", "title 市长 in 达州市 (the place the text gives it)"),
    ],
)
def test_the_reason_says_whether_a_place_is_the_releases_or_the_texts(where, expected):
    corpus = resolve([release("a", "巴中市", person("何平", "市长", where=where))])
    (decision,) = corpus.decisions
    assert (str(decision.node), decision.reason) == (f"何平@{where}", expected)


@pytest.mark.parametrize(
    ("place", "where", "expected"),
    [
        # a person of no title that extraction read as the central state's is keyed to 中国
        ("四川省", "中国", "甲乙@中国"),
        ("巴中市", "中国", "甲乙@中国"),
        # controls: the release's place as extraction gave it; none given
        ("四川省", "四川省", "甲乙@四川省"),
        ("巴中市", None, "甲乙@巴中市"),
    ],
)
def test_a_person_of_no_title_read_as_national_is_keyed_to_china(place, where, expected):
    assert nodes(release("a", place, person("甲乙", where=where)))[("a", "甲乙")] == expected


@pytest.mark.parametrize(
    ("place", "where", "private", "expected"),
    [
        # a private person in national news: the division the text places them in, else none
        ("中国", "花垣县", True, "甲乙@花垣县"),
        ("中国", "?", True, "甲乙@?a"),
        # controls: an untitled name in national news is the country's; a local release's its own
        ("中国", "中国", False, "甲乙@中国"),
        ("巴中市", "巴中市", True, "甲乙@巴中市"),
    ],
)
def test_a_private_person_in_national_news_is_keyed_where_placed(place, where, private, expected):
    villager = replace(person("甲乙", where=where), private=private)
    assert nodes(release("a", place, villager))[("a", "甲乙")] == expected
