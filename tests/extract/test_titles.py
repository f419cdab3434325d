import pytest

from govkg.extract.chars import simplified
from govkg.extract.titles import (
    is_title,
    level_of_title,
    organization,
    parse_title,
    place_at_level,
    place_from_chain,
    resolve,
    shared_title,
    title_start,
)


@pytest.mark.parametrize(
    ("chunk", "expected"),
    [
        ("县委副书记", True),
        ("常务副县长", True),
        ("县人大常委会主任", True),
        ("某某工作领导小组组长", True),
        ("县领导", False),
        ("经济增长", False),
        # 委 is the committee of the place before it: a title cut after it is no title
        ("委常委", False),
        ("委副书记", False),
        ("委员", True),
        ("委员长", True),
        # a chief executive as Hong Kong writes it, and a head of customs
        ("特首", True),
        ("海关关长", True),
        # a village party branch's secretary, as releases shorten it
        ("村支书", True),
        ("社区党支书", True),
        ("", False),
    ],
)
def test_is_title(chunk, expected):
    assert is_title(chunk) is expected


@pytest.mark.parametrize(
    ("text", "end", "title"),
    [
        ("在县委书记王小明陪同下", 5, "县委书记"),
        ("会见了德国外长", 7, "德国外长"),
        ("1月5日，副县长李四主持", 8, "副县长"),
        ("中华人民共和国主席", 9, "中华人民共和国主席"),
        ("近日县委书记", 6, "县委书记"),
        ("1月25日县长", 7, "县长"),
        ("会上县委副书记", 7, "县委副书记"),
        # a count before a title is no part of it (一级巡视员 is a title)
        ("近日，一段安徽某县县委书记", 13, "安徽某县县委书记"),
        ("一位县委书记", 6, "县委书记"),
        ("一级巡视员", 5, "一级巡视员"),
        # nor what tells why the holder came
        ("会见了来某市开展经贸交流的某党中常委", 18, "某党中常委"),
        ("会见了应邀出席论坛的某党主席", 14, "某党主席"),
        # nor a preposition that opens the clause and governs the titled name
        ("据县农业局局长", 7, "县农业局局长"),
        ("会上，据副县长", 7, "副县长"),
        ("按县长", 3, "县长"),
        ("把副县长", 4, "副县长"),
        ("跟随市长", 4, "市长"),
        # 包括 and 被 end the clause before a title; 晤 (meets) and 委任 (appoints) are verbs
        ("出席的包括市委副书记", 10, "市委副书记"),
        ("陈某曾被市长", 6, "市长"),
        ("前往某局晤局长", 7, "局长"),
        ("委任市政府顾问委员会委员", 12, "市政府顾问委员会委员"),
        # 应 (at the invitation of) before a national title, 以 (with) before any title
        ("应中共中央政治局委员", 10, "中共中央政治局委员"),
        ("应省委书记", 5, "省委书记"),
        ("以总书记", 4, "总书记"),
        # why the holder came: on a visit here (访华的, 访港的)
        ("会见了访华的某国议会议长", 12, "某国议会议长"),
        # a time ago before a title, no former holder
        ("40年前某国总统", 8, "某国总统"),
        # 及 between two sectors of one organ's name
        ("商务及经济发展局局长", 10, "商务及经济发展局局长"),
        ("环境及生态局长", 7, "环境及生态局长"),
        # controls: the same characters inside a title, or a county that opens one
        ("应县县长", 4, "应县县长"),
        ("以色列总统", 5, "以色列总统"),
        ("前某国总统", 5, "前某国总统"),
        ("县长及副县长", 6, "副县长"),
        ("县按摩医院院长", 7, "县按摩医院院长"),
        ("市大数据局局长", 7, "市大数据局局长"),
        ("随县县长", 4, "随县县长"),
    ],
)
def test_title_start(text, end, title):
    assert text[title_start(text, end) : end] == title


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("县委书记", "县"),
        ("常务副县长", "县"),
        ("原市长", "市"),
        ("省委常委", "省"),
        ("主任", None),
        ("纪委书记", None),
        ("政府副县长", "县"),  # a head cut short of its organ's level word
        ("县总工会主席", "县"),  # a level word before any organ, not only 委, 政府...
        ("市场监管局局长", None),  # 市场 is no level
        # the Youth League's committee of a level is an office of that level
        ("团省委书记", "省"),
        ("团市委副书记", "市"),
        ("副团县委书记", "县"),
        ("团长", None),
        ("考察团团长", None),
    ],
)
def test_level_of_title(title, level):
    assert level_of_title(title) == level


@pytest.mark.parametrize(
    ("title", "home", "where"),
    [
        ("省高级人民法院院长", "巴中市", "四川省"),
        ("县总工会主席", "通江县", "通江县"),
        ("政府县长", "通江县", "通江县"),
        ("市场监管局局长", "通江县", "通江县"),
    ],
)
def test_office_level_is_the_level_resolve_reads(title, home, where):
    # one rule for a title's level: the office's level (parse_title) is the one resolve lifts to
    office = parse_title(title)
    assert office.level == level_of_title(office.office)
    resolution = resolve(title, home)
    assert resolution.jurisdiction == where
    assert resolution.explicit is (office.level is not None)


@pytest.mark.parametrize(
    ("title", "home", "where", "national"),
    [
        ("市长", "巴中市", "巴中市", False),
        ("市委书记", "通江县", "巴中市", False),
        ("省委书记", "通江县", "四川省", False),
        ("县长", "巴中市", None, False),
        ("国务院副总理", "巴中市", "中国", True),
        ("全国政协主席", None, "中国", True),
        # a national bureau as often written short (中国民用航空局: 中国民航局)
        ("中国民航局副局长", "巴中市", "中国", True),
        ("中國民航局副局長", "巴中市", "中国", True),
        ("德国外长", "中国", "德国", False),
        ("天津市委书记", "巴中市", "天津市", False),
        ("副主任", "巴中市", "巴中市", False),
        ("副主任", None, None, False),
        # the central offices of the Youth League, the science association, the top court and
        # procuratorate as written short, and a national office of a term named
        ("团中央统战部部长", "巴中市", "中国", True),
        ("中国科协党组书记", "巴中市", "中国", True),
        ("最高检副检察长", "巴中市", "中国", True),
        ("十一届全国政协副主席", "巴中市", "中国", True),
        # controls: a province's league office, a county's association
        ("团省委书记", "巴中市", "四川省", False),
        ("县科协主席", "通江县", "通江县", False),
    ],
)
def test_resolve(title, home, where, national):
    resolution = resolve(title, home)
    assert resolution.jurisdiction == where
    assert resolution.national is national


@pytest.mark.parametrize(
    ("title", "where", "organ"),
    [
        ("县委常委", "通江县", "中共通江县委员会"),
        ("县政府副县长", "通江县", "通江县人民政府"),
        ("县长", "通江县", "通江县人民政府"),
        ("县人大常委会副主任", "通江县", "通江县人民代表大会常务委员会"),
        ("县政协主席", "通江县", "中国人民政治协商会议通江县委员会"),
        ("全国政协主席", "中国", "中国人民政治协商会议全国委员会"),
        ("县防汛抗旱工作领导小组组长", "通江县", "通江县防汛抗旱工作领导小组"),
        ("主任", "通江县", None),
        # a level title resolved to the country (national news) names no local organ
        ("市委副书记", "中国", None),
        ("县政府副县长", "中国", None),
        # 委员 alone is a member of some body, not of the party committee
        ("委员", "通江县", None),
        ("县委委员", "通江县", "中共通江县委员会"),
        # 主委 heads a democratic party's committee (民盟县委主委), not the Communist Party's
        ("县委主委", "通江县", None),
        ("原县委副主委", "通江县", None),
        # a bare 党委 is a town's own committee (镇党委), or an autonomous region's…
        ("党委副书记", "青石镇", "中共青石镇委员会"),
        ("党委委员", "广西壮族自治区", "中共广西壮族自治区委员会"),
        # …but in a county, city or district some bureau's, school's or company's (银行党委副书记)
        ("党委副书记", "通江县", None),
        ("党委委员", "巴中市", None),
        ("常务副书记", "巴中市", None),
        # controls: a level word or the place names the committee
        ("县党委书记", "通江县", "中共通江县委员会"),
        ("市委副书记", "巴中市", "中共巴中市委员会"),
    ],
)
def test_organization(title, where, organ):
    assert organization(title, where) == organ


@pytest.mark.parametrize(
    ("title", "place", "national"),
    [
        ("原市长", None, False),
        ("原某某市委书记", None, False),
        ("时任县委书记", None, False),
        ("前国务院总理", "中国", False),
        ("原国务院副总理", "中国", False),
    ],
)
def test_a_former_office_is_no_post_held_now(title, place, national):
    # 原 / 前 / 时任: the post was held before; no level, so identity makes no post of it
    office = parse_title(title)
    assert office.level is None
    assert office.national is national
    assert not office.chief
    assert office.office.startswith(("原", "前", "时任"))
    if place:
        assert office.place == place


@pytest.mark.parametrize(
    ("title", "home", "where", "national"),
    [
        ("原市长", "巴中市", "巴中市", False),  # the place a former office belonged to is still told
        ("原县委副主委", "通江县", "通江县", False),
        ("原国务院副总理", None, "中国", True),
        ("前进区区长", None, "前进区", False),  # 前 opening a place name is no former office
    ],
)
def test_a_former_office_still_tells_its_place(title, home, where, national):
    resolution = resolve(title, home)
    assert (resolution.jurisdiction, resolution.national) == (where, national)


@pytest.mark.parametrize(
    ("title", "office", "level", "place"),
    [
        ("市委副书记", "市委副书记", "市", None),
        ("巴中市市长", "市长", "市", "巴中市"),
        ("日照市委书记", "市委书记", "市", "日照市"),
        ("县政府副县长", "副县长", "县", None),
        ("代理县长", "县长", "县", None),
        ("代县长", "县长", "县", None),
        ("盐田区人民政府区长", "区长", "区", "盐田区"),
        ("常务副区长", "常务副区长", "区", None),
        ("秘书长", "秘书长", None, None),
        ("北京大学常务副校长", "北京大学常务副校长", None, None),
        ("湖北省长", "省长", "省", "湖北省"),
        ("營口市委書記", "市委书记", "市", "营口市"),  # traditional characters
        ("中共日照市委书记", "市委书记", "市", "日照市"),  # the party's name before a local organ
        ("川汇区委书记", "区委书记", "区", "川汇区"),
        ("川汇区纪委书记", "区纪委书记", "区", "川汇区"),  # organ words after a place (places.ORGAN_WORDS)
        ("巴中市检察院检察长", "市检察院检察长", "市", "巴中市"),
        ("区监委主任", "区监委主任", "区", None),  # ... and after a level word
        ("国务院副总理", "国务院副总理", None, "中国"),
        ("政府县长", "县长", "县", None),  # a government's head, cut short of its level word
        ("人民政府市長", "市长", "市", None),
        # a town named after its county: the office is the town's, not the county's
        ("通江县某某镇镇长", "镇长", "镇", "通江县某某镇"),
        ("通江县某某乡党委副书记", "乡党委副书记", "乡", "通江县某某乡"),
        ("巴州区某某街道党工委书记", "党工委书记", None, "巴州区某某街道"),
        ("通江县人民政府副县长", "副县长", "县", "通江县"),  # control: the county's own office
        # an office of a special region by its short name, wherever the release is
        ("香港特区政府驻京办主任", "驻京办主任", None, "香港特别行政区"),
        ("澳门经济财政司司长", "经济财政司司长", None, "澳门特别行政区"),
        ("香港特别行政区行政长官", "行政长官", None, "香港特别行政区"),  # its full name, a place
    ],
)
def test_titles_are_read_as_office_level_and_place(title, office, level, place):
    parsed = parse_title(title)
    assert (parsed.office, parsed.level, parsed.place) == (office, level, place)


@pytest.mark.parametrize(
    ("title", "chief"),
    [
        ("市长", True),
        ("县委书记", True),
        ("区人大常委会主任", True),
        ("副市长", False),
        ("市委副书记", False),
    ],
)
def test_a_chief_office_has_one_holder_per_jurisdiction(title, chief):
    assert parse_title(title).chief is chief


# ------------------------------------------------------------ one rule for the place a title names


@pytest.mark.parametrize(
    ("title", "home", "where", "national"),
    [
        ("广州市天河区委书记", "广州市", "天河区", False),  # a run of places: the most local one
        ("朝阳市监察委员会副主任", None, "朝阳市", False),  # a full name, level word and all
        ("原日照市委书记", None, "日照市", False),  # the place after a modifier
        ("營口市委書記", None, "营口市", False),  # traditional characters
        ("市長", "濰坊市", "潍坊市", False),  # a level word seen from a traditional home
        ("省长", "南宁市", "广西壮族自治区", False),  # an autonomous region is a 省
        ("原国务院副总理", None, "中国", True),  # a former national office
        ("中国气象局局长", None, "中国", True),  # national titles are names.tsv's
        # the State Council's ministries and offices hold no local seat
        ("公安部副部长", "巴中市", "中国", True),
        ("外交部长", "南京市", "中国", True),
        ("水利部总工程师", "巴中市", "中国", True),
        ("海关总署署长", "巴中市", "中国", True),
        ("外长", "巴中市", "中国", True),  # China's, bare in Chinese news
        ("省公安厅厅长", "巴中市", "四川省", False),  # a province's department is its own
    ],
)
def test_resolve_reads_the_place_parse_title_reads(title, home, where, national):
    resolution = resolve(simplified(title), home)
    assert (resolution.jurisdiction, resolution.national) == (where, national)
    office = parse_title(title)
    if office.place or office.national:
        assert office.place == resolution.jurisdiction


@pytest.mark.parametrize(
    ("title", "place", "national"),
    [
        ("德国外长", "德国", False),  # a foreign country's office
        ("德国驻华大使", "德国", False),  # ...posted to China
        ("中华人民共和国驻德国大使", "中国", True),  # China's office in a country
        ("驻德国大使", "中国", True),
        ("驻村第一书记", None, False),  # 驻 before no country
        # the country's own short name before a national office, or before 政府, is China's
        ("中国外交部副部长", "中国", True),
        ("中国国务委员", "中国", True),
        ("中国政府某某事务特别代表", "中国", True),
        ("中国政府甲国事务特别代表", "中国", True),
        # controls: before no national office, 中国 opens a company's or a body's name
        ("中国银行某某分行行长", None, False),
        ("中国移动某某分公司总经理", None, False),
    ],
)
def test_a_country_in_a_title_is_one_rule_for_office_and_place(title, place, national):
    # the office says whose it is, and resolve gives that as the jurisdiction
    office = parse_title(title)
    assert (office.place, office.national) == (place, national)
    resolution = resolve(title, "巴中市")
    if place:
        assert (resolution.jurisdiction, resolution.national) == (place, national)


@pytest.mark.parametrize(
    ("level", "home", "place"),
    [
        ("市", "武漢市", "武汉市"),  # traditional characters
        ("省", "南宁市", "广西壮族自治区"),
        ("省", "广西壮族自治区", "广西壮族自治区"),
        ("市", "长宁", None),  # namesakes under different cities (上海市, 宜宾市)
    ],
)
def test_place_at_level_is_lift(level, home, place):
    assert place_at_level(level, home) == place


@pytest.mark.parametrize(
    ("before", "title", "place"),
    [
        ("汉中市委副书记", "市长", "汉中市"),
        ("通江县委常委", "常务副县长", "通江县"),
        # another level, a title with its own place or none, a title before with none
        ("四川省委常委", "市委书记", None),
        ("汉中市委副书记", "宣传部部长", None),
        ("汉中市委副书记", "通江县长", None),
        ("市委副书记", "市长", None),
        ("国务院副总理", "市长", None),
    ],
)
def test_a_title_takes_the_place_of_the_title_before_it(before, title, place):
    assert place_from_chain(parse_title(before), parse_title(title)) == place


@pytest.mark.parametrize(
    ("first", "title", "shared"),
    [
        # a deputy's title takes the body of the list's first title
        ("区人大常委会主任", "副主任", "区人大常委会副主任"),
        ("某日报社社长", "副社长", "某日报社副社长"),
        ("县公安局局长", "副局长", "县公安局副局长"),
        ("团市委书记", "副书记", "团市委副书记"),
        ("镇党委副书记", "副书记", "镇党委副书记"),
        ("县政府办公室主任", "常务副主任", "县政府办公室常务副主任"),
        # controls: a title of its own level, place or body; another office; no body to take
        ("市长", "副市长", None),
        ("区人大常委会主任", "委员", None),
        ("区人大常委会主任", "副主席", None),
        ("主任", "副主任", None),
        ("县公安局局长", "某某大学副校长", None),
        ("县公安局局长", "原副局长", None),
    ],
)
def test_a_bare_title_takes_the_body_of_the_list_s_first_title(first, title, shared):
    assert shared_title(first, title) == shared


@pytest.mark.parametrize(
    ("title", "home", "where"),
    [
        # a provincial Youth League office seen from a city is the province's
        ("团省委书记", "枣庄市", "山东省"),
        ("团市委副书记", "枣庄市", "枣庄市"),
        # control: a delegation's head is not one of a level
        ("代表团团长", "枣庄市", "枣庄市"),
    ],
)
def test_a_youth_league_office_is_of_its_level(title, home, where):
    assert resolve(title, home).jurisdiction == where
    assert organization(title, where) is None  # no party committee of the place


@pytest.mark.parametrize(
    ("title", "home", "where", "elsewhere"),
    [
        # a title that names a body of its own is not an office of the release's place
        ("新华社某某分社社长", "某某县", None, True),
        ("某报社湖北分社副社长", "巴中市", None, True),
        ("台南市议员", "巴中市", None, True),
        ("中国国民党副主席", "巴中市", None, True),
        ("某国驻华大使", "中国", None, True),
        ("世界某某论坛主席", "中国", None, True),
        ("国际某某联合会主席", "巴中市", None, True),
        # controls: a title with a level or a place of its own keeps it, and so does
        # a local office that holds such a word after its start
        ("市外事办国际合作处处长", "巴中市", "巴中市", False),
        ("某局国际合作处处长", "巴中市", "巴中市", False),
        ("巴中市委副书记", "通江县", "巴中市", False),
        ("香港特别行政区立法会议员", "巴中市", "香港特别行政区", False),
        ("德国驻成都总领事", "巴中市", "德国", False),
        ("副主任", "巴中市", "巴中市", False),
        ("县人大代表", "通江县", "通江县", False),
    ],
)
def test_a_body_of_its_own_is_no_office_of_the_release_place(title, home, where, elsewhere):
    assert parse_title(title).elsewhere is elsewhere
    resolution = resolve(title, home)
    assert resolution.jurisdiction == where
    assert resolution.explicit or not elsewhere


@pytest.mark.parametrize(
    ("title", "home", "where"),
    [
        # a title of no level takes the release's place by its key, as a level title does
        ("副主任", "廣元市", "广元市"),
        ("主任", "科左中旗", "科尔沁左翼中旗"),
        ("副主任", "广元市", "广元市"),
        # a place the gazetteer does not hold stays as written; no place, none
        ("主任", "某某街道", "某某街道"),
        ("副主任", None, None),
    ],
)
def test_a_bare_title_takes_the_key_of_the_release_place(title, home, where):
    assert resolve(title, home).jurisdiction == where


@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("通江县某某镇党委书记", "通江县某某镇"),
        ("通江县城关镇人大主席", "通江县城关镇"),  # 城关 is no 城关区 before 镇
        # controls: a county's organ that holds 乡 or 镇 is the county's
        ("通江县乡镇企业局局长", "通江县"),
        ("通江县乡村振兴局局长", "通江县"),
    ],
)
def test_a_town_named_after_its_county_is_the_office_place(title, place):
    assert parse_title(title).place == place
