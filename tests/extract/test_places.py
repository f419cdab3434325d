"""The jurisdiction a release speaks for, and place names in text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govkg.extract.chars import simplify
from govkg.extract.data import load_table
from govkg.extract.places import (
    LEVEL_WORDS,
    _prefix_index,
    divisions_named,
    find_jurisdiction,
    find_places,
    gazetteer,
    level_word,
    lift,
    lineage,
    parent,
    place_by_code,
    place_key,
    place_prefix,
    release_place,
    renamed,
    scan_names,
    self_level,
)
from govkg.extract.records import Release
from govkg.extract.titles import parse_title


def release(text: str, title: str | None = None, source: str | None = None, raw: str = "") -> Release:
    return Release(id="t", text=text, title=title, source=source, raw=raw)


@pytest.mark.parametrize(
    "title,text,source,place",
    [
        # the level from 我市, the name from the headline
        ("巴中市召开防汛工作会议", "6月1日，我市召开防汛工作会议。市委书记张三主持。", None, "巴中市"),
        # a short name in the body, read as a place
        (None, "3月2日，区委召开常委会议。会议要求，推动五通桥经济高质量发展。", None, "五通桥区"),
        # a town, not in the gazetteer, from 我镇 and its name
        (None, "8月23日，板浦镇召开动员会。我镇各村书记参加会议。", None, "板浦镇"),
        # national news by its outlet
        ("某某会见外宾", "国务院总理会见外宾。", "央视网", "中国"),
        # national leaders and no local self-reference
        (None, "8日下午，习近平总书记来到某地考察。", None, "中国"),
        # …of the head of state, the standing committee of the congress, the military commission
        (None, "国家主席李明8日同甲国总统通电话。", None, "中国"),
        (None, "十三届全国人大常委会第五次委员长会议8日举行，委员长王五主持。", None, "中国"),
        (None, "中央军委晋升上将军衔仪式8日举行。", None, "中国"),
        # …of the State Council's and the CPPCC's other leaders, and the vice-president
        (None, "国务委员李明4日在中南海会见了甲国首席部长乙一行。", None, "中国"),
        (None, "国务院副总理李明4日会见甲国外长乙。", None, "中国"),
        (None, "全国政协副主席李明率团访问甲国。", None, "中国"),
        # …of a central ministry's officer at its head: the ministry's news
        ("外交部副部长李明会见甲国大使", "8日，外交部副部长李明会见甲国驻华大使乙。", None, "中国"),
        (None, "商务部新闻发言人李明8日在例行发布会上表示，双方将举行会谈。", None, "中国"),
        (None, "8日，国家发展改革委某某司司长李明带队赴某省调研。", None, "中国"),
        (None, "中国外交部长李明8日会见甲国外长乙。", None, "中国"),
        # controls: a ministry named with no officer, a 国家级 zone's head, an officer with a self-reference
        (None, "会议要求，认真落实商务部有关部署。", None, None),
        (None, "8日，国家级某某示范区管委主任李明主持会议。", None, None),
        ("市长会见客人", "8日，商务部副部长李明来我市考察。", None, None),
        # …not after a self-reference of a place's own (我市)
        ("市长会见外宾", "8日，国家主席李明来我市考察。", None, None),
        # no self-reference and no place: unknown
        (None, "会议强调，要抓好各项工作落实。", None, None),
    ],
)
def test_find_jurisdiction(title, text, source, place):
    assert find_jurisdiction(release(text, title, source)) == place


@pytest.mark.parametrize(
    "text,place",
    [
        # a short name before a region's word names the region, not the release's place
        ("区委召开常委会。会议要求，全面融入成渝地区双城经济圈建设。", None),
        ("市委召开常委会。会议要求，主动融入巴中城市群和长江经济带建设。", None),
        ("区委召开常委会。会议要求，积极融入双城经济圈，推动五通桥经济高质量发展。", "五通桥区"),
        # controls: a short name before 经济 or 城市 alone is still a place
        ("区委召开常委会。会议要求，推动五通桥经济高质量发展。", "五通桥区"),
        ("县委召开常委会。会议要求，把通江城市建设好。", "通江县"),
    ],
)
def test_a_short_name_inside_a_regions_name_is_no_jurisdiction(text, place):
    assert find_jurisdiction(release(text)) == place


@pytest.mark.parametrize(
    "text,place",
    [
        # a short name that opens a company's name is the company's, not the release's place
        ("市委书记甲乙主持召开市委常委会。会后，甲乙到烟台某某管路有限公司调研。", None),
        ("市委书记甲乙主持召开市委常委会。会后，甲乙到巴中某某食品集团调研。", None),
        # controls: the short name alone, or the company's with the short name elsewhere too
        ("市委书记甲乙主持召开市委常委会。会议强调，烟台各级各部门要抓好落实。", "烟台市"),
        ("市委书记甲乙主持召开市委常委会。甲乙到烟台某某有限公司调研。烟台各级各部门要抓好落实。", "烟台市"),
    ],
)
def test_a_short_name_that_opens_a_companys_name_is_no_jurisdiction(text, place):
    assert find_jurisdiction(release(text)) == place


@pytest.mark.parametrize(
    "text,place",
    [
        # a short name held inside words on both sides (更新和市场, 公平和市场) is no place
        ("县委书记甲乙强调，要抓好设备更新和市场拓展工作。", None),
        ("县委召开常委会。会议强调，要维护公平和市场秩序。", None),
        # controls: the short name read as a place, and its organ
        ("县委召开常委会。会议要求，推动新和经济高质量发展。", "新和县"),
        ("县委召开常委会。会后，新和县委书记甲乙到园区调研。", "新和县"),
    ],
)
def test_a_short_name_inside_words_is_no_jurisdiction(text, place):
    assert find_jurisdiction(release(text)) == place


def test_a_short_name_standing_free_before_a_word_is_still_a_place():
    # control: 市场 after a short name that no word holds from before (浦东市场监管局)
    assert [full for _, _, full in find_places("8日，浦东市场监管局开展食品安全检查。")] == ["浦东新区"]


@pytest.mark.parametrize(
    ("title", "text", "place"),
    [
        # a release with no self-reference that names a place as its guests' speaks not for it
        (
            "周文涛董事长会见宜宾市市长郑立群一行",
            "8日，集团公司周文涛董事长会见了来访的宜宾市市长郑立群一行。双方就集团与宜宾市在食品领域深化合作进行了商谈。",
            None,
        ),
        # control: one it keeps naming, and not as its guests', it is about
        (
            "宜宾市市长郑立群到某集团调研",
            "8日，宜宾市市长郑立群到某集团调研。郑立群希望集团扩大在宜宾市的投资，为宜宾市发展作贡献。",
            "宜宾市",
        ),
    ],
)
def test_a_place_named_as_the_guests_is_not_the_jurisdiction(title, text, place):
    assert find_jurisdiction(release(text, title)) == place


def test_visitors_place_is_not_the_jurisdiction():
    text = "6月11日，营口市委书记李强带队来我市考察。连云港市委书记马士光陪同。连云港港口考察。"
    assert find_jurisdiction(release(text)) == "连云港市"


@pytest.mark.parametrize(
    ("title", "text", "place"),
    [
        # the visitors come to a place named, or to its short name with what a visit does
        (
            None,
            "5月9日，宝鸡市委副书记、市长张三率政府代表团来延安参观考察，延安日报记者随行。"
            "市委书记李四主持召开座谈会，市领导王五陪同。",
            "延安市",
        ),
        (
            "宝鸡市政府代表团来延考察",
            "延安日报讯 5月9日，宝鸡市长张三率团来延安参观考察。市委书记李四主持召开座谈会。"
            "李四介绍了我市发展情况。",
            "延安市",
        ),
        # ...but not a place's own short name (欢迎客商来宝考察)
        (None, "宝鸡市召开招商大会。市长张三欢迎客商来宝考察。市委书记李四讲话。", "宝鸡市"),
        # ...nor 来 that ends a time word (近年来, 以来, 历来) before what the place does
        (
            None,
            "5月9日，宝鸡市委副书记、市长张三率政府代表团随后来延安参观考察，延安日报记者随行。"
            "市委书记李四主持召开座谈会，市领导王五陪同。",
            "延安市",
        ),
        (None, "宝鸡市近年来积极开展招商引资工作。我市成效明显。", "宝鸡市"),
        (None, "宝鸡市多年来坚持开展义诊活动。我市卫生系统再次开展义诊。", "宝鸡市"),
        (None, "宝鸡市历来注重开展调研工作。我市将继续开展调研。", "宝鸡市"),
        # ...nor the place's own people going about it (来基层调研, 来到某镇检查: no place's name)
        (None, "5月9日，宝鸡市委书记张三来基层调研。张三强调，我市要抓好安全生产。", "宝鸡市"),
        (None, "5月9日，宝鸡市市长张三来到某镇检查工作。张三强调，我市要抓好安全生产。", "宝鸡市"),
        (None, "5月9日，宝鸡市市长张三来到企业调研。张三强调，我市要抓好安全生产。", "宝鸡市"),
    ],
)
def test_a_place_whose_people_come_to_another_is_the_visitors(title, text, place):
    assert find_jurisdiction(release(text, title)) == place


@pytest.mark.parametrize(
    ("title", "text", "place"),
    [
        # the guests a reception receives are visitors, their chief named with the place too
        (
            "张三会见宝鸡市党政代表团",
            "7月12日，延安市委书记张三会见了以宝鸡市委书记李四为团长的宝鸡市党政代表团一行。"
            "市委副书记、市长王五一同会见。李四介绍了宝鸡市发展情况。",
            "延安市",
        ),
        # control: the host's own people received (会见延安市企业家代表) stay the host's
        (
            None,
            "7月12日，延安市委书记张三会见了延安市企业家代表一行。市委副书记、市长王五一同会见。",
            "延安市",
        ),
    ],
)
def test_a_place_of_the_guests_received_is_the_visitors(title, text, place):
    assert find_jurisdiction(release(text, title)) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # 和 joining, then 县 beginning a word of its own: no county 和县
        ("8月10日，市人大代表来我县开展活动，走进企业、部门，和县乡人大代表座谈。县领导甲陪同。", None),
        # a place named beside the release's own is another (省、安庆市和我市三级人大代表)
        ("12月6日，市人大常委会组织省、安庆市和我市三级人大代表进行视察。", None),
        # controls: the county 和县 before its own organs, a city named alone
        ("8月10日，和县县委召开常委会议。我县各部门负责人参加。", "和县"),
        ("12月6日，安庆市人大常委会组织我市人大代表进行视察。", "安庆市"),
    ],
)
def test_a_place_joined_to_the_release_s_own_is_no_jurisdiction(text, place):
    assert find_jurisdiction(release(text)) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # county-level cities and districts of one prefecture, listed as where the city's
        # leaders went: the prefecture's release
        ("7月29日，市委书记甲深入丰城市、樟树市调研工业经济。甲强调，全市上下要抓好工业。", "宜春市"),
        ("7月29日，市委副书记甲一行深入袁州区、丰城市，看望慰问驻军官兵。", "宜春市"),
        # controls: a county-level city named alone, or beside a place of another prefecture
        ("7月29日，市委书记甲深入丰城市调研工业经济。甲强调，全市上下要抓好工业。", "丰城市"),
        ("7月29日，市委书记甲率队赴丰城市、南昌县考察学习。全市上下要抓好工业。", "丰城市"),
    ],
)
def test_a_county_level_city_listed_with_its_neighbours_is_the_prefectures(text, place):
    assert find_jurisdiction(release(text)) == place


@pytest.mark.parametrize(
    ("title", "text", "place"),
    [
        # the release names its own chief bare, the host's with the host's name: a delegation
        # that goes out (赴, 到) to a place named more often than its own
        (
            "宝鸡市党政代表团赴延安考察交流",
            "9月2日，市委书记张三带领宝鸡市党政代表团到陕西省延安市考察交流。延安市委书记李四会见"
            "代表团一行并陪同考察。会见中，张三对延安市的支持表示感谢。李四说，延安与宝鸡合作前景"
            "广阔，延安将加强对接。考察期间，代表团参观了延安革命纪念馆。",
            "宝鸡市",
        ),
        # controls: one chief named both ways, the chiefs of two levels, and 市长 that opens no name
        (
            "延安市召开座谈会",
            "9月2日，延安市委书记李四主持召开座谈会。市委书记李四强调，延安要加强合作。",
            "延安市",
        ),
        (
            "延安市召开座谈会",
            "9月2日，省委书记张三到延安调研。延安市委书记李四陪同。市委常委王五参加。",
            "延安市",
        ),
        (
            "延安市长三角招商推介会举行",
            "9月2日，延安市长三角招商推介会举行。市长李四致辞。市委常委王五参加。",
            "延安市",
        ),
    ],
)
def test_a_place_whose_chief_is_named_by_it_beside_a_bare_one_is_the_hosts(title, text, place):
    assert find_jurisdiction(release(text, title)) == place


@pytest.mark.parametrize(
    ("title", "text", "place"),
    [
        # a delegation led to a place by a chief named with the delegation's place, and leaders
        # of that level named bare going with it: the host's release
        (
            "宝鸡市党政代表团到延安市考察交流",
            "5月3日，宝鸡市委书记张三，宝鸡市委副书记、市长李四率宝鸡市党政代表团到延安市考察交流。"
            "市领导王五、赵六陪同考察。宝鸡市党政代表团先后到延安市某园区、某村考察。",
            "延安市",
        ),
        # control: the host's leaders named with the host's place
        (
            "宝鸡市党政代表团到延安市考察交流",
            "5月3日，宝鸡市委书记张三，宝鸡市委副书记、市长李四率宝鸡市党政代表团到延安市考察交流。"
            "延安市领导王五、赵六陪同考察。宝鸡市党政代表团先后到延安市某园区、某村考察。",
            "宝鸡市",
        ),
    ],
)
def test_a_delegation_led_by_a_chief_named_with_its_place_is_the_visitors(title, text, place):
    assert find_jurisdiction(release(text, title)) == place


def test_a_short_name_that_ends_the_source_is_written_in_full():
    # 上海长宁 (the source): the district 长宁区, not 长宁 (a name read past the end of the text)
    text = "7月31日，区人大常委会举行会议，决定任命张三为长宁区人民政府副区长。区人大常委会主任李四主持。"
    assert find_jurisdiction(release(text, source="上海长宁")) == "长宁区"


def test_no_town_is_read_from_words_around_a_level_word():
    # 会议由镇党委书记张三主持: no town 会议由镇
    text = "5月28日，全镇动员大会在我镇召开。会议由镇党委书记张三主持。镇长李四讲话。"
    assert find_jurisdiction(release(text)) is None


@pytest.mark.parametrize(
    "text,place",
    [
        # 与我镇, 对本乡, 向该镇: a town named by a pronoun, no town 与我镇
        ("3月5日，镇领导到某街道回访，感谢该街道对我镇的帮扶，与我镇商讨合作大计。", None),
        ("县农业局来乡调研，对本乡的工作表示肯定。乡党委书记张三陪同。", None),
        # control: a town whose name is written before 镇 is still one
        ("3月5日，青禾镇召开会议。镇党委书记张三主持，我镇各村书记参加。", "青禾镇"),
    ],
)
def test_a_town_named_by_a_pronoun_is_no_town_of_its_own(text, place):
    assert find_jurisdiction(release(text)) == place


@pytest.mark.parametrize(
    "text",
    [
        # the end of a date and where or when it opens (27日至30日在全镇, 27日起在全镇) name no town
        "某某镇从9月27日至30日在全镇范围内开展节前安全生产大检查。",
        "某某镇从9月27日起在全镇范围内开展节前安全生产大检查。",
    ],
)
def test_no_town_is_read_from_the_end_of_a_date(text):
    assert find_jurisdiction(release(text)) in (None, "某某镇")


def test_traditional_text_keeps_the_name_as_written():
    text = "12月9日，濰坊市項目簽約儀式在上海舉行。市委副書記、市長劉某出席並致辭。"
    assert find_jurisdiction(release(text)) == "濰坊市"


@pytest.mark.parametrize(
    "text,place",
    [
        ("8月12日，盟政协副主席张三一行深入东乌旗调研。旗政协主席李四陪同调研。", "东乌旗"),
        ("3月2日，科左中旗召开会议。旗委书记王五主持。旗长赵六讲话。", "科左中旗"),
    ],
)
def test_an_abbreviated_banner_is_the_jurisdiction_as_written(text, place):
    assert find_jurisdiction(release(text)) == place


def test_a_town_a_county_release_speaks_about_is_not_its_jurisdiction():
    text = (
        "3月10日，县委巡察组向某某镇所辖村党组织反馈巡察情况。县委书记张三提出要求。"
        "县委巡察组对某某镇所辖村党组织开展了巡察。镇党委负责人主持反馈会。县委要求抓好整改。"
    )
    assert find_jurisdiction(release(text, title="某某镇所辖村党组织接受县委巡察反馈")) is None


def test_a_town_that_refers_to_itself_is_the_jurisdiction():
    text = "3月10日，某某镇召开会议。镇党委书记张三主持。全镇干部参加。县委巡察组列席。"
    assert find_jurisdiction(release(text)) == "某某镇"


def test_media_outlet_in_source_names_the_place():
    assert find_jurisdiction(release("6月1日，市委书记张三主持会议。", source="连云港发布")) == "连云港市"


@pytest.mark.parametrize(
    "text,names",
    [
        ("代县长张三到眉县调研", ["眉县"]),  # 代县长 is a title, not 代县
        ("县委书记和县直单位负责人", []),  # 和县 inside a phrase
        ("巴中市委书记", ["巴中市"]),
        ("巴中市委和巴中市政府", ["巴中市", "巴中市"]),
        # a foreign place's name that holds a Chinese one, after its country
        ("会见美国旧金山市市长", []),
        ("日本北海道知事来访", []),
        # controls: 驻 or 在 between; a Chinese city after a country's name and a mark
        ("美国驻上海市总领事馆", ["上海市"]),
        ("德国友人在成都市参观", ["成都市"]),
        ("美国、北海市代表", ["北海市"]),
    ],
)
def test_find_places(text, names):
    assert [full for _, _, full in find_places(text)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an autonomous prefecture written as its place name and 州: the prefecture
        ("楚雄州委书记张三到禄丰调研", ["楚雄彝族自治州"]),
        ("会议在红河州召开", ["红河哈尼族彝族自治州"]),
        ("黔东南州、黔南州两地", ["黔东南苗族侗族自治州", "黔南布依族苗族自治州"]),
        # controls: the county-level places of the same short name, and the province
        ("楚雄市委书记张三", ["楚雄市"]),
        ("红河县召开会议", ["红河县"]),
        ("海南省委、海南州委", ["海南省", "海南藏族自治州"]),
    ],
)
def test_a_prefecture_written_with_zhou_is_the_prefecture_not_its_namesake(text, names):
    found = [full for _, _, full in find_places(text)]
    assert [name for name in found if name in names] == names
    assert not {"楚雄市", "红河县"} & set(found) - set(names)


@pytest.mark.parametrize(
    "text,level", [("我县召开会议，县委书记主持", "县"), ("全镇干部参加", "镇"), ("会议召开", None)]
)
def test_self_level(text, level):
    assert self_level(text) == level


def test_parent_of_a_county_is_its_prefecture():
    from govkg.extract.places import gazetteer

    (county,) = [p for p in gazetteer()["眉县"]]
    assert parent(county).name == "宝鸡市"


# ------------------------------------------------------------ canonical names


@pytest.mark.parametrize(
    ("name", "within", "key"),
    [
        ("巴中", None, "巴中市"),
        ("巴中市", None, "巴中市"),
        ("上海市黄浦区", None, "黄浦区"),
        ("朝阳区", "长春市", "长春市朝阳区"),
        ("朝阳区", "北京市", "北京市朝阳区"),
        ("全国", None, "中国"),
        ("川汇区金海嘉苑", None, "川汇区金海嘉苑"),  # not a division: as written
        ("?", None, None),
    ],
)
def test_place_keys(name, within, key):
    assert place_key(name, within) == key


@pytest.mark.parametrize(
    ("place", "word"),
    [
        ("巴中市", "市"),
        ("上海市", "市"),
        ("广西壮族自治区", "省"),
        ("香港特别行政区", "省"),
        ("川汇区", "区"),
        ("中国", None),
    ],
)
def test_level_words_of_places(place, word):
    assert level_word(place) == word


@pytest.mark.parametrize(
    ("place", "level", "lifted"),
    [
        ("川汇区", "区", "川汇区"),
        ("川汇区", "市", "周口市"),
        ("川汇区", "省", "河南省"),
        ("周口市", "县", None),
        ("南宁市", "省", "广西壮族自治区"),  # an autonomous region is a 省
        ("长宁", "市", None),  # namesakes under different cities
    ],
)
def test_lift_goes_up_to_the_level_a_title_names(place, level, lifted):
    assert lift(place, level) == lifted


@pytest.mark.parametrize(
    ("text", "place", "rest"),
    [
        ("日照市委书记", "日照市", "委书记"),
        ("周口市川汇区人民政府", "川汇区", "人民政府"),
        ("巴中常委", "巴中市", "常委"),
        ("代县长", None, "代县长"),  # an acting county head, not 代县's
        ("北京大学校长", None, "北京大学校长"),  # no level or organ word after the place
        ("广州市天河区委书记", "天河区", "委书记"),  # a run of places: the most local one
        ("朝阳市监察委员会副主任", "朝阳市", "监察委员会副主任"),  # in full: any word may follow
        ("城区管委会主任", None, "城区管委会主任"),  # a two-character name must be followed by an organ
        # a short name before 镇 or 乡 names a town, which the gazetteer does not hold
        ("通江县城关镇党委书记", "通江县", "城关镇党委书记"),
        ("城关乡乡长", None, "城关乡乡长"),
        ("巴中乡村振兴局局长", "巴中市", "乡村振兴局局长"),  # control: 乡村 is no town
    ],
)
def test_a_place_named_at_the_start_of_a_title(text, place, rest):
    assert place_prefix(text) == (place, rest)


# ------------------------------------------------------------ a release's jurisdiction as a key


@pytest.mark.parametrize(
    ("written", "text", "titles", "key"),
    [
        ("巴中", "会议召开。", (), "巴中市"),  # a short name read in full
        ("營口市", "会议召开。", (), "营口市"),  # simplified
        ("全国", "会议召开。", (), "中国"),
        ("长宁", "会议召开。", ("长宁县委书记",), "长宁县"),  # namesakes told apart by a title
        ("长宁", "我区召开会议，区长出席。", (), "长宁区"),  # ... or by the level the release speaks as
        ("长宁", "会议召开。", (), "长宁"),  # undecided: as written
        (None, "我市召开会议。", ("巴中市委书记",), None),  # no place of its own: identity infers it
    ],
)
def test_a_release_place_is_read_once_as_a_key(written, text, titles, key):
    record = Release(id="x", text=text, place=written)
    assert release_place(record, [parse_title(t) for t in titles]) == key


def test_the_divisions_a_text_names_are_canonical_and_sorted():
    assert divisions_named("巴中召开会议，通江县、南江縣参加，北京大学代表列席。") == ("南江县", "通江县")


def test_the_places_a_text_names_are_found_once_for_both_readers(monkeypatch):
    import govkg.extract.places as places

    scans = []
    monkeypatch.setattr(places, "find_places", lambda text: scans.append(text) or find_places(text))
    named = places.PlacesNamed("衡阳县委书记到长沙市调研，衡阳市、衡阳县领导陪同。")
    assert list(named) == ["衡阳县", "衡阳市", "长沙市"]  # a title's level word reads the full names
    assert named.divisions == ("衡阳县", "衡阳市", "长沙市")  # identity reads the divisions
    assert len(scans) == 1


def test_self_references_are_simplified_words_of_known_levels():
    rows = load_table("self_references.tsv")
    assert {level for level, _ in rows} <= set(LEVEL_WORDS) | {"街道"}
    assert all(simplify(word) == word and level in word for level, word in rows)


def _scan_every_pair(text: str) -> list[tuple[int, int, str]]:
    """scan_names as first written: the names of every pair of characters looked up (a name
    read past the end of the text no longer taken for a longer one)."""
    index, names = _prefix_index(), gazetteer()
    found, i = [], 0
    while i < len(text) - 1:
        for length in index.get(text[i : i + 2], ()):
            if len(text[i : i + length]) == length and text[i : i + length] in names:
                found.append((i, i + length, text[i : i + length]))
                i += length
                break
        else:
            i += 1
    return found


_PIECES = st.sampled_from(
    ["巴中市", "巴州区", "巴中", "眉县", "某市", "和", "，", "召开会议", "中", "市", "县", "\n"]
)


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_scan_names_jumps_only_over_places_no_name_starts(text):
    # the scan jumps from one place a name may start to the next: it finds what looking at every
    # pair finds, leftmost-longest
    assert scan_names(text) == _scan_every_pair(text)


_SELF_WORDS = sorted({word for _, word in load_table("self_references.tsv")})
_SELF_PIECES = [*_SELF_WORDS, "我", "本", "全", "长", "，", "在", "巴中", "市", "委"]


@given(st.lists(st.sampled_from(_SELF_PIECES), max_size=12))
def test_self_references_are_counted_as_a_scan_for_each_level_would(pieces):
    # one scan for all levels finds what one scan a level finds: 全我市, 我市长, 市委市政府
    import re

    from govkg.extract.places import _BOUNDARY, _self_counts, _self_references, _strong_levels

    text = "".join(pieces)
    expected = {
        level: 3 * len(re.findall(rf"(?:我|全|本){re.escape(level)}(?!长)", text))
        + len(re.findall(rf"(?:{_BOUNDARY})(?:{words})", text))
        for level, words in _self_references().items()
    }
    assert list(_self_counts(text).items()) == list(expected.items())
    strong = {level for level in _self_references() if re.search(rf"(?:我|本){re.escape(level)}(?!长)", text)}
    assert _strong_levels(text) == strong


def test_no_self_reference_starts_inside_another():
    # what lets one scan stand for one a level (places._self_patterns)
    from govkg.extract.places import _BOUNDARY, _self_references

    boundary = set('，,。、；;：:（(“"由在和及与为是的')
    assert all(c in _BOUNDARY for c in boundary)
    assert not any(set(word) & boundary for word in _SELF_WORDS)
    assert not any(set(level) & set("我全本") for level in _self_references())


@pytest.mark.parametrize(
    "text,place",
    [
        # a province named only by its abbreviation, as the place a visit comes to or stays in
        ("某某青年考察团一行来湘开展交流。在湘期间，省委书记张三会见了考察团。", "湖南省"),
        ("某某代表团莅川考察。省长李四会见代表团一行。", "四川省"),
        ("某市考察团来沪考察。市委书记王五会见考察团。", "上海市"),
        # controls: a place named in full wins; going elsewhere (赴京) is no host; two hosts; no level
        ("某某考察团来湘考察。邵阳市委书记张三陪同，我市有关部门参加。", "邵阳市"),
        ("省委书记张三率团赴京参加会议。", None),
        ("考察团来湘考察后来粤考察。省长李四会见考察团。", None),
        ("某某考察团来湘开展交流。", None),
    ],
)
def test_a_province_named_by_its_abbreviation_is_the_host(text, place):
    assert find_jurisdiction(release(text)) == place


@pytest.mark.parametrize(
    ("title", "text", "place"),
    [
        # the body names no division and no level it speaks at: the headline's division
        (
            "眉县领导督查某镇疫情防控工作",
            "督查组一行先后来到某镇检疫点，详细了解了措施落实情况。",
            "眉县",
        ),
        ("巴中市召开防汛工作会议", "会议要求，各地要压实责任，做好防汛准备。", "巴中市"),
        # controls: the body names a division; the division does not open the headline, or
        # does not speak (a place visited)
        ("眉县领导督查某镇工作", "督查组来到宝鸡市某镇，了解了措施落实情况。", None),
        ("督查组到眉县督查工作", "督查组一行先后来到某镇，了解了措施落实情况。", None),
        ("眉县某镇苹果丰收", "果农们忙着采摘，脸上露出了笑容。", None),
    ],
)
def test_a_division_opening_the_headline_speaks_for_a_body_that_names_none(title, text, place):
    assert find_jurisdiction(release(text, title)) == place


# ------------------------------------------------------------ divisions renamed since the gazetteer


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        # a county made a district (撤县设区) or a county-level city (撤县设市), a county-level
        # city made a district, and an old name of a district the gazetteer has
        ("永年区", ["130429"]),
        ("梁平区", ["500228"]),
        ("永年区", ["130429"]),
        ("平泉市", ["130823"]),
        ("荔浦市", ["450331"]),
        ("长乐区", ["350182"]),
        ("璧山县", ["500120"]),
        ("长宁市", ["310105", "511524"]),  # a stem of two counties: both, for the reader to choose
        # controls
        ("永年县", []),  # the gazetteer's own name
        ("合作区", []),  # the stem is a word (合作市)
        ("平原区", []),  # ... a plain (平原县)
        ("大城市", []),  # a big city, not 大城县
        ("武夷山区", []),  # the mountains of 武夷山 (市)
        ("那曲市", []),  # the stem names a prefecture too
        ("巴中区", []),  # ... only a prefecture
        ("高新区", []),
        ("城区", []),  # a stem of one character
    ],
)
def test_a_name_the_gazetteer_lacks_is_a_county_renamed_since(name, codes):
    found = renamed(name)
    assert [p.code for p in found] == codes
    assert all(p.name == name and p.level == "county" for p in found)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("永年区委书记张三到某镇调研", ["永年区"]),
        ("平泉市长李四出席", ["平泉市"]),
        ("邯郸市永年区召开会议", ["邯郸市", "永年区"]),
        # controls: words ending in a level word after a short name, areas of a division
        ("推进深港合作区建设", []),
        ("推动大城市发展", []),
        ("沂蒙山区群众", []),
        ("永年开发区、永年新区、永年景区、永年园区、永年社区、永年城区、永年片区", []),
        ("永年市场监管局", ["永年县"]),  # a market of 永年, not a city 永年市
        ("永年区域经济", ["永年县"]),  # a region of 永年
    ],
)
def test_a_division_renamed_since_the_gazetteer_is_found_as_written(text, names):
    assert [full for _, _, full in find_places(text)] == names


@pytest.mark.parametrize(
    ("name", "within", "key"),
    [
        ("永年区", None, "永年区"),
        ("邯郸市永年区", None, "永年区"),
        ("永年區", None, "永年区"),
        ("长宁市", None, "长宁市"),  # two counties: as written
        ("长宁市", "宜宾市", "宜宾市长宁市"),  # ... told apart by where it is read
    ],
)
def test_a_renamed_division_is_keyed_as_written(name, within, key):
    assert place_key(name, within) == key


def test_a_renamed_division_s_titles_and_releases_share_its_key():
    # 永年区委书记 (the title's place), 区委书记 in a release of 永年区 (lifted), and the release
    # itself: one key, under 邯郸市; a 永年县 title keeps the gazetteer's
    record = Release(id="x", text="区委召开常委会。", place="永年区")
    assert parse_title("永年区委书记").place == release_place(record, []) == lift("永年区", "区") == "永年区"
    assert lift("永年区", "市") == "邯郸市"
    assert parse_title("永年县委书记").place == "永年县"
    assert place_prefix("永年市场监管局局长") == ("永年县", "市场监管局局长")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("2月1日，区委召开常委会议。会议要求，永年区要推动全区高质量发展。", "永年区"),
        ("2月1日，區委召開常委會議。會議要求，永年區要推動全區高質量發展。", "永年區"),  # as written
        ("3月2日，市委召开常委会。会议要求，平泉市要抓好全市工作。", "平泉市"),
        # controls: a word after a short name, a place no self-reference fits
        ("2月1日，区委召开常委会议。会议要求，推进深港合作区建设，推动全区发展。", None),
        ("2月1日，区委召开常委会议。会议要求，沂蒙山区要推动全区发展。", None),
    ],
)
def test_a_renamed_division_is_the_jurisdiction_as_written(text, place):
    assert find_jurisdiction(release(text)) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a district's release naming only a county (the gazetteer's) by its short name, twice
        ("2月1日，区委召开常委会议。会议要求，推动永年经济高质量发展，打造永年特色品牌。", "永年区"),
        ("2月1日，區委召開常委會議。會議要求，推動永年經濟高質量發展，打造永年特色品牌。", "永年区"),
        # controls: named once; named in full (another county); two counties; a 市 or a
        # 县 speaking; a district the gazetteer has (no renaming)
        ("2月1日，区委召开常委会议。会议要求，推动永年经济高质量发展。", None),
        ("2月1日，区委召开常委会议。会议要求，推动永年经济发展，打造永年特色，学习永年县经验。", None),
        ("2月1日，区委召开常委会议。会议要求，推动永年经济、丰都经济发展，打造永年特色。", None),
        ("2月1日，市委召开常委会议。会议要求，推动永年经济高质量发展，打造永年特色品牌。", None),
        ("2月1日，县委召开常委会议。会议要求，推动璧山经济高质量发展，打造璧山特色品牌。", None),
    ],
)
def test_a_district_named_only_by_the_short_name_of_a_county_is_that_county_renamed(text, place):
    assert find_jurisdiction(release(text)) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("1月5日，县委召开常委会议。会议要求，要用好资源、推动发展。", None),  # not 资源县
        ("1月5日，区委召开常委会议。会议要求，坚持乡村振兴的总要求，全区上下要努力。", None),  # 振兴区
        ("1月5日，区委召开常委会议。会议强调，实现中华民族伟大复兴的目标，全区干部要担当。", None),
        ("1月5日，县委召开常委会议。会议强调，要加强与中方的合作，全县干部要担当。", None),  # 中方县
        # control: a short name that is no word
        ("1月5日，县委召开常委会议。会议要求，推动通江经济高质量发展。", "通江县"),
    ],
)
def test_a_short_name_that_is_an_everyday_word_is_no_jurisdiction(text, place):
    assert find_jurisdiction(release(text)) == place


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # before 市民, a county's or a district's short name is a city's byname: no place
        ("广大江城市民积极参与志愿服务", []),
        ("山城市民热情好客", []),
        # controls: a city's short name before 市民, a district's full name before it, and a
        # district's short name before an organ
        ("义乌市民积极参与志愿服务", ["义乌市"]),
        ("江城区市民积极参与志愿服务", ["江城区"]),
        ("江城区委书记出席", ["江城区"]),
        ("永年市场监管局", ["永年县"]),
    ],
)
def test_a_short_name_before_shimin_is_a_citys(text, names):
    assert [full for _, _, full in find_places(text)] == names


@pytest.mark.parametrize(
    ("text", "name", "above"),
    [
        # a division renamed since the gazetteer, under a new name: read as written, under the
        # old division's code, so with the divisions above it
        ("鄠邑区委书记张三到某镇调研", "鄠邑区", ["西安市", "陕西省"]),
        ("西安市鄠邑区召开会议", "鄠邑区", ["西安市", "陕西省"]),
        ("叙州区委书记出席", "叙州区", ["宜宾市", "四川省"]),
        ("那曲市委书记出席", "那曲市", ["西藏自治区"]),
        # controls: the old names are read as before
        ("户县县长李四出席", "户县", ["西安市", "陕西省"]),
        ("那曲县召开会议", "那曲县", ["那曲地区", "西藏自治区"]),
    ],
)
def test_a_division_renamed_under_a_new_name_is_found_as_written(text, name, above):
    ((_, _, full),) = [m for m in find_places(text) if m[2] == name]
    (place,) = gazetteer()[full]
    assert [p.name for p in lineage(place)] == [name, *above]
    assert place_key(full) == name


def test_a_renamed_division_keeps_the_gazetteers_name_by_its_code():
    for name, code, was in load_table("renamings.tsv"):
        assert place_by_code(code).name == was  # the code's own name, not the new one
        assert name not in {p.name for p in gazetteer().get(was, ())}
    # a short name the gazetteer has already stays its own places' (那曲: 那曲地区, 那曲县)
    assert "那曲市" not in {p.name for p in gazetteer()["那曲"]}


def test_a_release_of_a_renamed_division_speaks_for_it():
    release = Release(id="t", text="鄠邑区召开会议。我区将抓好落实。")
    assert find_jurisdiction(release) == "鄠邑区"
