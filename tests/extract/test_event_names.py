import pytest

from govkg.extract.data import load_table
from govkg.extract.event_names import cut_tail, has_place, is_weak_visit, rite_start, split_headline


def test_name_words_have_known_uses():
    uses = {"start", "place", "tail", "verb", "perfect", "adverb", "holder"}
    assert {use for _, use in load_table("event_name_words.tsv")} <= uses


@pytest.mark.parametrize(
    ("text", "expected"),
    [("到某县调研时强调", "到某县调研"), ("调研期间", "调研"), ("检查防汛工作", "检查防汛工作")],
)
def test_cut_tail(text, expected):
    assert text[: cut_tail(text, 0, len(text))] == expected


@pytest.mark.parametrize(
    ("name", "weak"),
    [
        ("实地督导", True),
        ("上门走访", True),
        ("在为期5天的考察", True),
        ("到某县调研", False),
        ("督导检查安全生产工作", False),
        ("调研" + "某" * 60, True),
    ],
)
def test_is_weak_visit(name, weak):
    assert is_weak_visit(name) is weak


def test_has_place():
    assert has_place("赴某州调研") and not has_place("在调研") and not has_place("督导防汛工作")


@pytest.mark.parametrize(
    ("text", "rite"),
    [
        ("副委员长张三主持了颁发任命书仪式", "颁发任命书仪式"),
        ("会议还组织了新任命人员向宪法宣誓仪式", "新任命人员向宪法宣誓仪式"),
        ("市委组织部新办公楼启用仪式", "市委组织部新办公楼启用仪式"),
    ],
)
def test_rite_start(text, rite):
    assert text[rite_start(text, 0, len(text)) :] == rite


def test_split_headline():
    assert split_headline("新春送祝福 关怀暖人心——某区委开展新春慰问活动") == [
        "新春送祝福",
        "关怀暖人心",
        "某区委开展新春慰问活动",
    ]
