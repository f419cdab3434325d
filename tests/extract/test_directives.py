import pytest

from govkg.extract.data import load_words
from govkg.extract.directives import find_directives


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("贯彻落实省委决策部署和市委工作要求，推动发展", ["省委决策部署", "市委工作要求"]),
        ("认真学习传达全国两会精神", ["全国两会精神"]),
        ("全面落实“六保”任务", ["“六保”任务"]),
        ("落实党中央、国务院决策部署", ["党中央、国务院决策部署"]),
        ("确保各项措施落实到位", []),
        ("强化责任落实，抓好工作落实", []),
        ("落实好常态化疫情防控举措，毫不放松", ["常态化疫情防控举措"]),
        ("贯彻落实党中央和省委决策部署以及上级工作要求", ["党中央和省委决策部署", "上级工作要求"]),
        ("传达学习贯彻省委全会精神", ["省委全会精神"]),
        (
            "不折不扣落实“党政同责、一岗双责”和“三管三必须”，压实责任",
            ["“党政同责、一岗双责”", "“三管三必须”"],
        ),
        ("抓好防控措施落实、信息公开等内容", []),
        ("要把疫情防控各项措施落实落细", ["疫情防控各项措施"]),
        ("严格落实中央八项规定及其实施细则精神", ["中央八项规定及其实施细则精神"]),
        (
            "学习贯彻总书记在省委全会上的重要讲话和全会精神",
            ["总书记在省委全会上的重要讲话和全会精神"],
        ),
        ("传达贯彻省委全会精神和市委会议精神", ["省委全会精神", "市委会议精神"]),
        ("调研我市贯彻《沿海地区发展规划》近两年来的进展情况", ["《沿海地区发展规划》"]),
        ("把发展作为第一要务落实", []),
        # a body's own standing routine is no directive, unless a head of its own follows
        ("严格落实24小时值班和领导带班制度，确保信息畅通", []),
        ("落实好防汛例会制度", []),
        ("认真落实省委关于值班制度的要求", ["省委关于值班制度的要求"]),
        ("围绕落实好省、市会议精神进行安排部署", ["省、市会议精神"]),
        (
            "学习贯彻《关于开展教育实践活动的意见》和系列重要讲话精神",
            ["《关于开展教育实践活动的意见》", "系列重要讲话精神"],
        ),
    ],
)
def test_find_directives(text, phrases):
    assert [p for _, p in find_directives(text)] == phrases


def test_offsets_point_at_the_object():
    text = "会议要求，贯彻落实省委决策部署。"
    ((offset, phrase),) = find_directives(text)
    assert text[offset : offset + len(phrase)] == phrase


def test_heads_are_single_words():
    assert all(1 < len(head) <= 4 for head in load_words("directive_heads.tsv"))
