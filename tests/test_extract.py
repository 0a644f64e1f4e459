from __future__ import annotations

from dataclasses import replace

import pytest

from kg.extract import extract
from kg.extract.dates import find_dates
from kg.extract.doc import make_doc, sentences
from kg.extract.rules import bylines, quoted, titled_people
from kg.extract.lexicon import is_name, plausible_label, suffix_names
from kg.records import Article, Kind, Mention, Span

RULES = ("bylines", "quoted", "suffix_names", "gazetteer", "titled_people")


def _article(text: str) -> Article:
    return Article(id="t", text=text)


def _found(text: str, components=RULES) -> set[tuple[str, Kind]]:
    return {(m.text, m.kind) for m in extract(_article(text), components).mentions}


def test_extract_sentences_cut_after_closing_quote():
    text = "他说：“好。”然后离开。\n下一行"
    assert [text[s.start:s.end] for s in sentences(text)] == ["他说：“好。”", "然后离开。", "下一行"]


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("日前,青山区住房和城乡建设局传出喜讯。", "青山区住房和城乡建设局", Kind.ORG),
        ("落户青山区的渝川建设有限公司取得资质。", "渝川建设有限公司", Kind.ORG),
        ("重庆青禾电子科技有限公司负责人说。", "重庆青禾电子科技有限公司", Kind.ORG),
        ("居民在白沙镇东华社区借书。", "东华社区", Kind.PLACE),
        ("居民在白沙镇东华社区借书。", "白沙镇", Kind.PLACE),
        ("运动会在青山体育馆开幕。", "青山体育馆", Kind.PLACE),  # a venue is a named site
        ("新开的西岭购物中心人流不断。", "西岭购物中心", Kind.PLACE),
    ],
)
def test_extract_names_by_suffix(text, name, kind):
    assert (name, kind) in _found(text)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("老支书告老还乡后仍关心村里的事。", "老支书告老还乡"),  # an idiom ending in 乡
        ("他扎根贫困山区二十年。", "扎根贫困山区"),  # a verb jieba tags as a place name
        ("会上明确了下一步的工作思路。", "工作思路"),  # one ordinary word ending in 路
        ("居民搬进了新建的家属楼。", "家属楼"),
        ("此案经人民法院审理后宣判。", "经人民法院"),  # a preposition before the name
        ("作家郭路生写下这首诗。", "作家郭路"),  # 路 belongs to the person's name
        ("学者张东所说的话很有道理。", "学者张东所"),
        ("清晨，广场上举行升国旗仪式。", "升国旗"),  # a dictionary word ending in 旗 the gazetteer does not know
        ("宣讲团进机关、进社区、进学校。", "进社区"),  # a verb before 社区
        ("统筹推进中国特色社会主义总体布局。", "中国特色社会主义总体布局"),  # 布局 is no bureau (局)
        ("高质量建好青川源国家公园。", "好青川源国家公园"),  # 好 is the verb's result (建好), not the park's
        ("游行队伍穿过青州市中心的广场。", "青州市中心"),  # 市中心 is the city's centre, no organization
        ("论坛在南非港口城市德班举行。", "南非港口城市"),  # 城市 is any city, not a city (市) named 港口城
        ("茶洞镇地处渝湘黔三省市交界处，交通便利。", "茶洞镇地处渝湘黔三省市交界处"),  # 交界处 is where borders meet, no office (处)
    ],
)
def test_extract_suffix_words_that_are_not_names(text, wrong):
    assert wrong not in {m.text for m in extract(_article(text), RULES).mentions}


def test_extract_national_bodies_are_names():
    assert ("全国妇联办公厅", Kind.ORG) in _found("全国妇联办公厅发出通知。")
    assert ("作登乡", Kind.PLACE) in _found("他来到作登乡调研。")


@pytest.mark.parametrize(
    "text, kind, score, kept",
    [
        ("黄河", Kind.PLACE, 0.9, True),  # a one-character head, but the dictionary's place name
        ("中央电视台", Kind.ORG, 0.9, True),
        ("物业公司", Kind.ORG, 0.99, False),  # a suffix after a generic word
        ("党和政府", Kind.ORG, 0.9, False),  # a generic name, though jieba's dictionary tags it nt
        ("桥本龙太郎", Kind.PERSON, 0.99, True),  # the dictionary calls it a common noun
        ("互联网", Kind.ORG, 0.55, False),  # a dictionary word, and the labeller is not sure
        ("互联网", Kind.ORG, 0.65, True),  # from 0.6 the labeller decides
        ("李明", Kind.PERSON, 0.4, False),  # too unsure
        ("李明", Kind.PERSON, 0.5, True),  # a person is kept from 0.45
        ("东林", Kind.PLACE, 0.35, False),  # other kinds from 0.4
        ("东林", Kind.PLACE, 0.45, True),
        ("东盟", Kind.ORG, 0.95, True),  # the dictionary's abbreviation (j), and the labeller is sure
        ("东盟", Kind.ORG, 0.8, False),  # 盟 after a one-character head, and less sure
        ("柯镇", Kind.PLACE, 0.65, True),  # a town named by one character, no dictionary word
        ("该镇", Kind.PLACE, 0.95, False),  # the town the story is about
        ("福利院", Kind.ORG, 0.95, False),  # any welfare home (generic_names)
    ],
)
def test_plausible_labels(text, kind, score, kept):
    assert plausible_label(text, kind, score) is kept


def test_extract_suffix_alone_is_not_a_name():
    found = _found("该公司与母公司和银行等部门合作。")
    assert not {n for n, k in found if k is Kind.ORG}


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("区里建立“三联机制”,服务企业。", "三联机制", Kind.INITIATIVE),
        ("启动“星火燎原”计划。", "星火燎原", Kind.INITIATIVE),
        ("打造了“邻里一家”“小院议事”等品牌。", "小院议事", Kind.INITIATIVE),
        ("在老街建起“南岸中医药博物馆”。", "南岸中医药博物馆", Kind.ORG),
        ("全县依托“青禾生活馆”电商平台增收。", "青禾生活馆", Kind.INITIATIVE),  # a head word after a noun
        ("居民可通过“青禾e家”小程序上报问题。", "青禾e家", Kind.INITIATIVE),  # an app is a platform
        ("园区将深化“链长制”。", "链长制", Kind.INITIATIVE),  # X长制, a mechanism
        ("县里与旅行社合作开行“红叶专列”。", "红叶专列", Kind.INITIATIVE),
        ("全区以“交通强区”建设为抓手。", "交通强区", Kind.INITIATIVE),
        ("该市“氢动青州”重卡示范运营项目启动。", "氢动青州", Kind.INITIATIVE),  # three words before the head
        ("镇里利用闲置校舍改建了“青禾共享仓”。", "青禾共享仓", Kind.INITIATIVE),  # 改建 makes it
        ("并上线“青江守护”线索举报小程序。", "青江守护", Kind.INITIATIVE),  # 举报 ends in no outlet's 报
        ("两县合作开行“青峰鲜果号”冷链专列。", "青峰鲜果号", Kind.INITIATIVE),  # a train service, not a product
        ("两院组建“青峰—浦江”医疗联合体。", "青峰—浦江", Kind.INITIATIVE),
        ("街道“坡坎新貌”城市更新项目完工。", "坡坎新貌", Kind.INITIATIVE),  # jieba tags 城市 a place name
        ("社区“小橙灯”志愿服务队在站台引导乘客。", "小橙灯", Kind.INITIATIVE),
        ("“青柚永安”农特产品展销会开幕。", "青柚永安", Kind.INITIATIVE),
        ("县里依托“青溪好活”就业服务平台发布信息。", "青溪好活", Kind.INITIATIVE),  # a verb first, then a head
        ("两局签订“三区联防”协议。", "三区联防", Kind.INITIATIVE),
        ("把每月15日定为“惠老采购日”。", "惠老采购日", Kind.INITIATIVE),
        ("蜂农凭“甜橙贷”拿到资金。", "甜橙贷", Kind.INITIATIVE),  # a loan scheme
        ("首届“苗岭歌会”非遗文化节开幕。", "苗岭歌会", Kind.INITIATIVE),  # an event's head
        ("这是“畅行山乡”农村公路提档升级行动的重点。", "畅行山乡", Kind.INITIATIVE),  # four words before the head
        ("漠河市还上线了“最北漠河”智慧旅游平台。", "最北漠河", Kind.INITIATIVE),  # jieba tags 智慧 a person's name
        ("边民只需在“边互通”手机应用上申报。", "边互通", Kind.INITIATIVE),
        ("滨湖社区旁的“湖畔星集”夜市灯火通明。", "湖畔星集", Kind.INITIATIVE),
        ("满载榴莲的“桂越鲜达”跨境冷链班列驶入凭祥。", "桂越鲜达", Kind.INITIATIVE),
        ("展区设有“寻香青岭”赏花线路和交易区。", "寻香青岭", Kind.INITIATIVE),
        ("县里为项目配备“链长帮办”服务专班。", "链长帮办", Kind.INITIATIVE),
        ("这标志着“青州—安平—海防”铁海联运新线路正式开通。", "青州—安平—海防", Kind.INITIATIVE),  # a route, a far head
        ("两家公司联合开发“青河—白原”冬季跨境冰雪旅游线路。", "青河—白原", Kind.INITIATIVE),  # five words before it
        ("支行推出“青柑贷”专属信贷产品。", "青柑贷", Kind.INITIATIVE),  # a bank's product is its programme
    ],
)
def test_extract_quoted_names(text, name, kind):
    assert (name, kind) in {(m.text, m.kind) for m in quoted(make_doc(_article(text)))}


@pytest.mark.parametrize(
    "text",
    [
        "他说:“现在家门口就能完成,真方便。”",  # speech
        "让文物“活”起来。",  # one character
        "从“想阅读”升级到“爱阅读”。",  # quoted words, not names
        "来信写道“服务很周到”“让我们感觉像在家里一样”。",  # listed quotes: speech with a pronoun
        "讲座从怎样理解“青山就是家园”讲起，“青山就是家园”已深入人心。",  # a slogan: a sentence with 就是
        "老师们“手把手”传授工作经验。",  # a weak head word (工作) after a noun
        "坚决反对“青独”分裂活动。",  # a verb right after the quotes is no modifier of the head
    ],
)
def test_extract_quoted_speech_is_not_an_initiative(text):
    assert not [m for m in quoted(make_doc(_article(text))) if m.kind is Kind.INITIATIVE]


def test_extract_quoted_name_with_pronoun_after_organizer_verb_is_kept():
    assert ("我们的节日", Kind.INITIATIVE) in {(m.text, m.kind) for m in quoted(make_doc(_article("各地开展“我们的节日”主题活动。")))}


def test_extract_quoted_alias_with_head_word():
    (m,) = quoted(make_doc(_article("启动“星火燎原”计划。")))
    assert m.alias == "星火燎原计划"


def test_extract_bylines_give_outlet_and_people():
    doc = make_doc(_article("标题\n□ 青山日报记者 周明远 王小川\n正文。\n江津日报记者 罗一帆 摄"))
    found = {(m.text, m.kind) for m in bylines(doc)}
    assert found == {("青山日报", Kind.ORG), ("周明远", Kind.PERSON), ("王小川", Kind.PERSON),
                     ("江津日报", Kind.ORG), ("罗一帆", Kind.PERSON)}
    for m in bylines(doc):
        assert doc.text[m.start:m.end] == m.text


@pytest.mark.parametrize(
    "text, name",
    [
        ("公司董事长韩立新说,产品已经出口。", "韩立新"),
        ("委员会副主任孟雪松表示,将继续推进。", "孟雪松"),
        ("党员王芳正在介绍产品。", "王芳"),
        ("直播间里，主播向小燕正在推介土鸡蛋。", "向小燕"),  # a role; the surname 向 is also a preposition
    ],
)
def test_extract_people_after_posts(text, name):
    assert name in {m.text for m in titled_people(make_doc(_article(text)))}


@pytest.mark.parametrize("text", ["这得到了主席支持，工作顺利。", "主席向他说：要坚持下去。",
                                  "组委会负责人向媒体介绍了筹备情况。",  # a preposition and a noun
                                  "代表们在主席台执行主席席就座。"])  # 主席|席就座: the post's 席 again
def test_extract_no_person_from_a_word_or_pronoun_after_a_post(text):
    assert not titled_people(make_doc(_article(text)))


def _relations(text: str, components: tuple[str, ...] | None = RULES) -> set[tuple[str, str, str, str | None]]:
    """(predicate, head, tail, role) of text's relations; components None: the whole pipeline."""
    ex = extract(_article(text), components)
    return {(r.predicate, r.head.text, r.tail.text, r.role) for r in ex.relations}


def test_extract_member_of_with_post():
    rels = _relations("青山区经济和信息化委员会副主任孟雪松表示,将继续推进。")
    assert ("memberOf", "孟雪松", "青山区经济和信息化委员会", "副主任") in rels


@pytest.mark.parametrize(("text", "person", "body", "post"), [
    ("青山区人民检察院副检察长周明远表示,将加大司法救助力度。", "周明远", "青山区人民检察院", "副检察长"),
    ("白沙人民法庭庭长王小川介绍了案情。", "王小川", "白沙人民法庭", "庭长"),
])
def test_extract_member_of_courts_and_procuratorates(text, person, body, post):
    assert ("memberOf", person, body, post) in _relations(text, None)


def test_extract_member_of_from_byline():
    rels = _relations("标题\n□ 青山日报记者 周明远\n正文。")
    assert ("memberOf", "周明远", "青山日报", "记者") in rels


@pytest.mark.parametrize(("text", "outlet", "reporters"), [
    ("标题\n青山日报青州12月8日讯（记者 周明远）7日，新线开通。", "青山日报", {"周明远"}),
    ("标题\n青山网青州12月11日电 （记者 周明远）11日，新线开通。", "青山网", {"周明远"}),
    ("标题\n青山网消息（记者 周明远 王小川）：眼下，新线开通。", "青山网", {"周明远", "王小川"}),
    ("标题\n□ 湖南日报全媒体记者 邓婉清 通讯员 罗建勋\n正文。", "湖南日报", {"邓婉清"}),
    # a paper's 讯 without a date; the correspondent after 通讯员 is not the paper's
    ("标题\n湖北日报讯(记者 程远航 通讯员 徐丽娟)12月10日,一辆货车从罗田县出发。", "湖北日报", {"程远航"}),
])
def test_a_dateline_names_its_outlet_and_reporters(text, outlet, reporters):
    rels = _relations(text, None)
    assert {person for predicate, person, body, _ in rels if predicate == "memberOf" and body == outlet} == reporters
    assert "本报" not in {m.text for m in extract(_article("标题\n本报讯（记者 周明远）新线开通。")).mentions}


def test_extract_place_chain_and_gazetteer_parent():
    rels = _relations("江津区在白沙镇东华社区建成“老街书房”。")
    assert ("locatedIn", "东华社区", "白沙镇", None) in rels
    assert ("locatedIn", "白沙镇", "江津区", None) in rels
    assert ("organizer", "老街书房", "江津区", None) in rels


def test_extract_parent_company_and_registered_place():
    rels = _relations("渝川建设有限公司的母公司为青禾控股集团有限公司,其注册地址在成都。")
    assert ("subOrganizationOf", "渝川建设有限公司", "青禾控股集团有限公司", None) in rels
    assert ("locatedIn", "青禾控股集团有限公司", "成都", None) in rels


def test_extract_partner_and_co_organizer():
    rels = _relations("青山区图书馆联合渝川建设有限公司,在车站设置“城市书柜”。")
    assert ("partnerOf", "青山区图书馆", "渝川建设有限公司", None) in rels
    assert ("organizer", "城市书柜", "青山区图书馆", None) in rels
    assert ("organizer", "城市书柜", "渝川建设有限公司", None) in rels


def test_extract_relations_keep_their_sentence():
    text = "第一句话。青山区图书馆联合渝川建设有限公司推出“城市书柜”。"
    ex = extract(_article(text), RULES)
    assert ex.relations
    for r in ex.relations:
        assert r.evidence == Span(5, len(text))


def test_extract_facts_with_units_and_subject():
    text = "“青禾产业园”项目占地300亩,总投资57亿元。渝川建设有限公司获得贷款200万元。"
    ex = extract(_article(text), RULES)
    facts = {(f.subject.text, f.measure, f.value, f.unit) for f in ex.facts}
    assert ("青禾产业园", "占地", 300.0, "MU") in facts
    assert ("青禾产业园", "总投资", 5_700_000_000.0, "CNY") in facts
    assert ("渝川建设有限公司", "贷款", 2_000_000.0, "CNY") in facts


def test_extract_short_forms_found_again():
    text = "重庆青禾电子科技有限公司今年扩产。青禾电子的订单增长。"
    names = {m.text for m in extract(_article(text), RULES).mentions}
    assert "青禾电子" in names


def test_extract_offsets_match_text():
    text = "□ 青山日报记者 周明远\n青山区住房和城乡建设局联合渝川建设有限公司启动“星火”计划。"
    for m in extract(_article(text), RULES).mentions:
        assert text[m.start:m.end] == m.text


def test_extract_venue_lists_and_phrases():
    rels = _relations("青山区图书馆在青山站、云岭站和白沙镇设置“城市书柜”。")
    assert {("locatedIn", "城市书柜", p, None) for p in ("青山站", "云岭站", "白沙镇")} <= rels
    rels = _relations("江津区在白沙镇东华社区建成“老街书房”。")
    assert ("locatedIn", "老街书房", "东华社区", None) in rels
    assert ("locatedIn", "老街书房", "白沙镇", None) not in rels


def test_extract_fact_subject_by_anaphora():
    text = "青山区启动“绿芯工坊”计划。据了解,该计划总投资1.2亿元。"
    facts = {(f.subject.text, f.measure, f.value) for f in extract(_article(text), RULES).facts}
    assert ("绿芯工坊", "总投资", 120_000_000.0) in facts


def test_extract_enumeration_types_its_members():
    text = "该区推动青禾、渝川、南岭机械等重点企业扩大投资。"
    found = {(m.text, m.kind) for m in extract(_article(text), RULES + ("enumerations",)).mentions}
    assert {("青禾", Kind.ORG), ("渝川", Kind.ORG), ("南岭机械", Kind.ORG)} <= found


@pytest.mark.parametrize("text", ["建成11个“百姓书屋”。", "已建成29个“社区食堂”。"])
def test_extract_counted_quote_is_an_initiative(text):
    (m,) = [m for m in quoted(make_doc(_article(text)))]
    assert m.kind is Kind.INITIATIVE


def test_extract_party_branch_before_a_post_belongs_to_the_post():
    rels = _relations("青禾矿业集团党委书记、董事长王绍新主持会议。")
    assert ("memberOf", "王绍新", "青禾矿业集团", "党委书记、董事长") in rels


def test_extract_initiative_that_is_an_organizations_measure():
    rels = _relations("“邻里议事会”是青山区探索基层治理的一个创新举措。")
    assert ("organizer", "邻里议事会", "青山区", None) in rels


@pytest.mark.parametrize(
    "date, expected",
    [("2024-08-16", "2024-04"), (None, None)],
)
def test_extract_fact_dates_resolved_against_the_article(date, expected):
    text = "今年4月,渝川建设有限公司获得贷款200万元。"
    (fact,) = extract(Article(id="t", text=text, date=date), RULES).facts
    assert (fact.date, fact.date_text) == (expected, "今年4月")  # kept as written when undated


@pytest.mark.parametrize(
    "text, article_date, expected",
    [
        ("8月15日投产", "2024-09-01", ("8月15日", "2024-08-15", None)),
        ("8月15日投产", None, ("8月15日", None, None)),
        ("今年上半年增长", "2024-09-01", ("今年上半年", "2024", ("2024-01-01", "2024-06-30"))),
        ("上半年增长", "2023-07-20", ("上半年", "2023", ("2023-01-01", "2023-06-30"))),
        ("去年12月签约", "2024-01-05", ("去年12月", "2023-12", None)),
        ("前三季度营收", "2024-10-20", ("前三季度", "2024", ("2024-01-01", "2024-09-30"))),
        ("2023年1—6月累计", None, ("2023年1—6月", "2023", ("2023-01-01", "2023-06-30"))),
        ("2024年2月30日", None, ("2024年2月30日", "2024-02", None)),  # no such day: the month stays
        ("十一月初", "2024-12-01", ("十一月", "2024-11", None)),
    ],
)
def test_dates_as_written_and_resolved(text, article_date, expected):
    (when,) = find_dates(text, article_date)
    assert (when.text, when.value, when.period) == expected


def test_extract_fact_period_and_anaphora_across_the_measure():
    text = "青山区启动“绿芯工坊”计划。8月15日,该计划投资200万元。今年上半年,青山区产值增长5%。"
    facts = {f.measure: f for f in extract(Article(id="t", text=text, date="2024-09-01"), RULES).facts}
    assert (facts["计划投资"].subject.text, facts["计划投资"].date) == ("绿芯工坊", "2024-08-15")
    assert facts["增长"].period == ("2024-01-01", "2024-06-30")


def test_extract_fact_explicit_year():
    (fact,) = extract(_article("渝川建设有限公司2022年产值达到44亿元。"), RULES).facts
    assert (fact.date, fact.value) == ("2022", 4_400_000_000.0)


def test_extract_organization_inside_a_post_word():
    rels = _relations("青山区委书记周明远表示,将继续推进。")  # jieba reads 区委书记 as one word
    assert ("memberOf", "周明远", "青山区委", "书记") in rels


def test_extract_organizer_is_the_last_place_of_a_chain():
    rels = _relations("青山区白沙镇启动“书香小镇”计划。")
    assert ("organizer", "书香小镇", "白沙镇", None) in rels
    assert ("organizer", "书香小镇", "青山区", None) not in rels


def test_extract_organizer_is_the_subject_of_reported_speech():
    """某中心主任某某表示,某区将实施“甲”: the district the speaker speaks of acts, not the centre."""
    rels = _relations("青山区中医药发展中心主任黄晓梅表示,青山区将实施“药材振兴”行动。", None)
    assert ("organizer", "药材振兴", "青山区", None) in rels
    assert ("organizer", "药材振兴", "青山区中医药发展中心", None) not in rels


def test_extract_organizer_named_by_a_bare_head_that_points_back():
    """新区 opening a clause stands for the new area named before it."""
    text = "11月29日,青山新区举行项目签约仪式。青山新区管委会副主任张晓东表示,新区将深入实施“智造重镇”行动计划。"
    assert ("organizer", "智造重镇", "青山新区", None) in _relations(text, None)


def test_extract_organizer_named_before_the_year_of_an_initiative():
    rels = _relations("11月30日,青山区2024年“暖冬消费季”活动在某某商圈启幕。", None)
    assert ("organizer", "暖冬消费季", "青山区", None) in rels


def test_extract_organizers_are_both_parties_of_the_sentence_before():
    text = "青山职业技术学院与青禾数字科技有限公司签署合作协议。双方将联合开展“数字工匠”培训计划。"
    rels = _relations(text, None)
    assert ("organizer", "数字工匠", "青山职业技术学院", None) in rels
    assert ("organizer", "数字工匠", "青禾数字科技有限公司", None) in rels
    # the first party's short form in brackets before 与
    text = ("开幕式上,青山区文化和旅游发展委员会(以下简称青山区文旅委)与青禾文旅数字传媒有限公司签订战略合作协议,"
            "双方将联合打造“盐泉云游”数字导览平台。")
    assert {r[2] for r in _relations(text, None) if r[0] == "organizer"} == {"青山区文旅委", "青禾文旅数字传媒有限公司"}


def test_extract_organizers_of_a_promotion_fair_and_posts_of_a_street_office():
    text = ("11月7日,青山区临港产业城招商推介会在上海市浦东新区举行。推介会由青山区人民政府主办,"
            "青山区招商投资促进局承办。")
    found = {r[2] for r in _relations(text, None) if r[0] == "organizer" and r[1] == "青山区临港产业城招商推介会"}
    assert found == {"青山区人民政府", "青山区招商投资促进局"}
    rels = _relations("统景镇党委书记、镇级总河长黄志刚介绍,镇里把河段划分为14个网格。", None)
    assert ("memberOf", "黄志刚", "统景镇党委", "书记、镇级总河长") in rels
    rels = _relations("杨家坪街道党工委副书记、办事处主任王海涛介绍,今年街道共实施改造项目12个。", None)
    assert ("memberOf", "王海涛", "杨家坪街道党工委", "副书记、办事处主任") in rels
    assert "办事处" not in {m.text for m in extract(_article("党工委副书记、办事处主任王海涛介绍。")).mentions}


def test_extract_a_place_named_after_its_division_lies_in_it():
    text = "秀山县今年农村电商交易额增长。在秀山县电子商务产业园的直播间里,主播正在推介土鸡蛋。香港特区政府发布通告。"
    rels = _relations(text, None)
    assert ("locatedIn", "秀山县电子商务产业园", "秀山县", None) in rels
    assert not any(r[0] == "locatedIn" and r[1].startswith("香港") for r in rels)  # 香港|特区: the same place


def test_extract_organizers_of_the_clauses_after_a_by_clause():
    text = ("12月1日,2026青州·云岭半程马拉松开跑。本次赛事由青山区人民政府主办,青山区文化旅游委、青山区体育总会承办,"
            "青禾体育赛事运营有限公司负责运营。赛道从古镇出发。")
    found = {r[2] for r in _relations(text, None) if r[0] == "organizer"}
    assert found == {"青山区人民政府", "青山区文化旅游委", "青山区体育总会", "青禾体育赛事运营有限公司"}
    text = "“青山读书节”由青山区图书馆主办,青禾书店承办,全区居民参加。"
    assert {r[2] for r in _relations(text, None) if r[0] == "organizer"} == {"青山区图书馆", "青禾书店"}


def test_extract_organizers_listed_with_a_short_form_in_brackets_between_them():
    text = ("2024青州半程马拉松开跑。本次赛事由青山县人民政府主办,青山县旅游和文化广电体育局(简称县旅文局)、青州省田径协会承办,"
            "青禾体育产业发展有限公司负责运营。")
    found = {r[2] for r in _relations(text, None) if r[0] == "organizer"}
    assert {"青山县旅游和文化广电体育局", "青州省田径协会", "青禾体育产业发展有限公司"} <= found
    assert "县旅文局" not in found


def test_extract_organizers_of_a_sentence_opened_by_a_word_for_the_company():
    text = ("青州省晋康医院集团成立于2019年,下属6家省级专科医院。集团还与青山县人民政府共建“县域医学人才培训中心”。"
            "青州省晋康医院集团党委书记高文斌表示,集团今年启动“百名专家进县域”行动。")
    rels = {(r[1], r[2]) for r in _relations(text, None) if r[0] == "organizer"}
    assert {("县域医学人才培训中心", "青州省晋康医院集团"), ("县域医学人才培训中心", "青山县人民政府"),
            ("百名专家进县域", "青州省晋康医院集团")} <= rels
    text = "青禾中学成立于1958年。校长王明启动“书香校园”计划。"
    assert ("书香校园", "青禾中学") not in {(r[1], r[2]) for r in _relations(text, None) if r[0] == "organizer"}


def test_extract_units_after_an_anaphor_a_bracket_or_their_parent():
    text = "青州市呼兰区人民检察院开展专项监督。该院第五检察部主任郝俊峰表示,将持续跟踪。"
    assert ("subOrganizationOf", "第五检察部", "青州市呼兰区人民检察院", None) in _relations(text, None)
    text = "昆仑锂能与青州高原工业大学共建“低温电池联合实验室”,由该校材料与化工学院院长李振宇领衔攻关。"
    rels = _relations(text, None)
    assert ("subOrganizationOf", "材料与化工学院", "青州高原工业大学", None) in rels
    assert ("subOrganizationOf", "材料与化工学院", "低温电池联合实验室", None) not in rels
    text = "青州市蕉城区人民法院(以下简称蕉城法院)三都澳海上巡回法庭庭长陈立峰带着调解员跳上渔排。"
    assert ("subOrganizationOf", "三都澳海上巡回法庭", "青州市蕉城区人民法院", None) in _relations(text, None)
    text = "青州省教育厅数据显示。青州省教育厅职业教育与成人教育处处长罗志明表示,今年就业率达到68%。"
    assert ("subOrganizationOf", "青州省教育厅职业教育与成人教育处", "青州省教育厅", None) in _relations(text, None)


def test_extract_organizers_of_what_two_bodies_build_together():
    text = "为培养传承人,石门坎织锦工坊与青州民族工艺职业学院共建“织锦传习课堂”,学院每学期选派15名学生实训。"
    found = {r[2] for r in _relations(text, None) if r[0] == "organizer" and r[1] == "织锦传习课堂"}
    assert "青州民族工艺职业学院" in found


def test_extract_organizers_of_a_quoted_body_two_parties_build():
    text = "青山区卫生健康委与青州医科大学附属第二医院签订合作协议,共建“青山区远程医疗协作中心”。"
    found = {r[2] for r in _relations(text, None) if r[0] == "organizer"}
    assert found == {"青山区卫生健康委", "青州医科大学附属第二医院"}  # 甲与乙 … 共建 a body in quotes
    text = "青禾动力科技有限公司还与青州理工大学签订合作协议,双方将共建“电驱动系统联合研发中心”。"
    found = {r[2] for r in _relations(text, None) if r[0] == "organizer"}
    assert found == {"青禾动力科技有限公司", "青州理工大学"}


def test_extract_organizers_are_the_three_parties_not_the_news_agency():
    text = ("新华社青州11月26日电（记者 孙明哲）青州农业大学、青州省农业科学院与青禾智能农机有限公司25日签署合作协议，"
            "三方将共建“寒地智慧农业创新中心”。")
    found = {r[2] for r in _relations(text, None) if r[0] == "organizer"}
    assert found == {"青州农业大学", "青州省农业科学院", "青禾智能农机有限公司"}


def test_extract_organizers_joined_by_lianhe_after_an_adverb():
    rels = _relations("青山区农业农村委将联合青州大学实施“柠檬品质提升工程”。", None)
    assert {r[2] for r in rels if r[0] == "organizer"} == {"青山区农业农村委", "青州大学"}


def test_split_place_chain_cuts_after_a_district_that_ends_like_a_word():
    from kg.extract import split_place_chain

    assert split_place_chain("江城区白沙村") == ["江城区", "白沙村"]  # 江城区 is a district, not 城区
    assert split_place_chain("主城区花园村") == ["主城区花园村"]
    assert split_place_chain("青禾高新区广富工业园") == ["青禾高新区", "广富工业园"]  # a new zone is a place of its own
    assert split_place_chain("国道212线文县") == ["国道212线", "文县"]  # a numbered road, then a county


def test_split_place_chain_keeps_a_park_named_only_by_its_purpose():
    """A park or base named by ordinary words (电子商务产业园) is named by the place before it;
    one with a name of its own (广富工业园, 和美里公园) is cut off."""
    from kg.extract import split_place_chain

    assert split_place_chain("青山县电子商务产业园") == ["青山县电子商务产业园"]
    assert split_place_chain("青山县中药材种植基地") == ["青山县中药材种植基地"]
    assert split_place_chain("青山县广富工业园") == ["青山县", "广富工业园"]
    assert split_place_chain("白沙社区和美里公园") == ["白沙社区", "和美里公园"]


def test_extract_a_base_named_by_what_is_grown_there():
    """A verb that says what a base is for (种植|基地) is inside its name."""
    assert ("青禾山中药材种植基地", Kind.PLACE) in _found("工人们在青山县的青禾山中药材种植基地采收玄参。")


def test_gazetteer_place_does_not_open_with_a_conjunction():
    """和|龙水峡 holds the county-level city 和龙 only to a matcher that ignores jieba's 和 (and)."""
    assert ("和龙", Kind.PLACE) not in _found("游客可游览青岩洞和龙水峡地缝。", ("gazetteer",))
    assert ("和龙市", Kind.PLACE) in _found("他来自吉林省和龙市。", ("gazetteer",))


def test_extract_a_township_jieba_reads_as_a_time_word_inside_a_chain():
    """开州区|满月|乡|马营村: jieba tags 满月 as a time word; between two places it names a township."""
    found = _found("入冬以来,开州区满月乡马营村的民宿几乎每天满房。", None)
    assert ("满月乡", Kind.PLACE) in found and ("马营村", Kind.PLACE) in found


def test_extract_a_township_found_in_a_chain_is_found_again_alone():
    rels = _relations("入冬以来,开州区满月乡马营村的民宿几乎每天满房。满月乡还将推出“冬季赏雪”系列活动。", None)
    assert ("organizer", "冬季赏雪", "满月乡", None) in rels


def test_extract_a_body_of_the_story_s_level_by_its_short_suffix():
    """区|教委: 教委 is an organization's ending, and a level before it names the district's own body
    (not a generic description like 商业|银行)."""
    found = _found("青山区文化旅游委联合区教委开设课程。", ("suffix_names",))
    assert ("区教委", Kind.ORG) in found
    assert ("商业银行", Kind.ORG) not in _found("他在商业银行工作。", ("suffix_names",))


def test_a_labelled_tail_of_an_initiative_is_that_initiative():
    from kg.extract.mentions import initiative_tails

    quoted = Mention("t", 3, 8, "青山红叶季", Kind.INITIATIVE, by="rules.quoted", score=1.0)
    tail = Mention("t", 20, 23, "红叶季", Kind.ORG, by="labeller", score=0.8)
    body = Mention("t", 30, 35, "红叶季集团", Kind.ORG, by="labeller", score=0.8)
    assert [m.kind for m in initiative_tails((quoted, tail, body))] == [Kind.INITIATIVE, Kind.INITIATIVE, Kind.ORG]


def test_a_bare_suffix_after_a_place_is_the_place_s_body():
    from kg.extract.mentions import bodies_of_places

    place = Mention("t", 0, 2, "白沙", Kind.PLACE, by="rules.short_form", score=0.6)
    court = Mention("t", 2, 6, "人民法庭", Kind.ORG, by="labeller", score=0.8)
    named = Mention("t", 8, 12, "青禾集团", Kind.ORG, by="labeller", score=0.9)
    assert [(m.text, m.kind) for m in bodies_of_places((place, court, named))] == [
        ("白沙人民法庭", Kind.ORG), ("青禾集团", Kind.ORG)]
    apart = Mention("t", 3, 7, "人民法庭", Kind.ORG, by="labeller", score=0.8)  # not right after the place: no name
    assert bodies_of_places((place, apart)) == (place,)


def test_a_suffix_word_jieba_tags_as_a_person_still_ends_a_name():
    """jieba's dictionary tags 幼儿园, 陈列馆 and 高新区 as person names."""
    assert ("青山镇中心幼儿园", Kind.ORG) in _found("孩子们在青山镇中心幼儿园做游戏。", ("suffix_names",))
    assert ("青山革命历史陈列馆", Kind.ORG) in _found("参观青山革命历史陈列馆。", ("suffix_names",))


def test_a_labelled_span_across_a_colon_is_no_name():
    from kg.extract.spans import labelled

    doc = make_doc(_article("青州：校企院三方共建创新中心"))
    doc = replace(doc, labels=((0, 6, Kind.ORG, 0.9), (0, 2, Kind.PLACE, 0.9)))
    assert [(m.text, m.kind) for m in labelled(doc)] == [("青州", Kind.PLACE)]


def test_an_organization_inside_a_zone_is_apart_from_it():
    from kg.extract.spans import split_joined

    assert split_joined("青州经济技术开发区内青禾新材料有限公司", Kind.ORG) == [(10, "青禾新材料有限公司")]
    found = _found("集装箱装载的是青州经济技术开发区内青禾新材料有限公司生产的隔膜。", ("suffix_names",))
    assert ("青禾新材料有限公司", Kind.ORG) in found and ("青州经济技术开发区", Kind.PLACE) in found


def test_two_bodies_joined_by_gongjian_are_apart():
    from kg.extract.spans import split_joined

    assert split_joined("青州大学共建锂电材料联合实验室", Kind.ORG) == [(0, "青州大学"), (6, "锂电材料联合实验室")]


def test_a_declared_short_form_is_found_again():
    from kg.extract.rules import short_forms

    text = "货物来自青州青禾农业开发有限公司(以下简称禾丰)。今年禾丰与物流公司联合开行冷链专线。"
    doc = make_doc(_article(text))
    company = Mention("t", 4, 16, "青州青禾农业开发有限公司", Kind.ORG, by="labeller", score=1.0)
    found = short_forms(doc, (company,))
    assert [(m.start, m.text, m.alias) for m in found] == [(21, "禾丰", company.text), (27, "禾丰", company.text)]


def test_a_short_form_declared_after_a_quoted_name_is_its_alias():
    """组建“某某产业链联盟”(以下简称“某某联盟”): the quote closes between the name and the bracket."""
    from kg.extract.rules import short_forms

    text = "28家单位组建“青州花椒产业链联盟”(以下简称“花椒联盟”)。花椒联盟推行统一品种。"
    at = text.index("青州")
    body = Mention("t", at, at + 9, "青州花椒产业链联盟", Kind.ORG, by="labeller", score=0.95)
    found = short_forms(make_doc(_article(text)), (body,))
    assert {(m.text, m.alias) for m in found} == {("花椒联盟", body.text)}


def test_a_labelled_span_leaves_out_a_bracket_that_closes_outside_it():
    from kg.extract.spans import labelled

    text = "由青禾石艺文化发展有限公司(以下简称青禾石艺)投资建设。"
    doc = replace(make_doc(_article(text)), labels=((18, 23, Kind.ORG, 0.9),))  # 青禾石艺)
    assert [m.text for m in labelled(doc)] == ["青禾石艺"]


def test_a_declared_short_form_wins_over_a_sure_reading_inside_it():
    from kg.extract.rules import short_forms

    text = "街上商户成立青州夜间经济商户联合会(以下简称商户联合会)。商户联合会会长王小川说。"
    doc = make_doc(_article(text))
    body = Mention("t", 6, 17, "青州夜间经济商户联合会", Kind.ORG, by="labeller", score=0.9)
    inner = Mention("t", 31, 34, "联合会", Kind.ORG, by="labeller", score=0.95)
    found = [(m.start, m.text, m.score) for m in short_forms(doc, (body, inner))]
    assert (29, "商户联合会", 0.9) in found


def test_split_place_chain_keeps_a_word_that_runs_across_the_ending():
    """A cut inside a word jieba reads (市场, 旗舰店, 红旗渠) is made only after a known division
    (上海市|长寿路, 甘肃省|甘南藏族自治州)."""
    from kg.extract import split_place_chain

    assert split_place_chain("青州新东安市场广场") == ["青州新东安市场广场"]
    assert split_place_chain("青禾旗舰店") == ["青禾旗舰店"]
    assert split_place_chain("安阳红旗渠机场") == ["安阳红旗渠机场"]
    assert split_place_chain("上海市长寿路") == ["上海市", "长寿路"]


def test_suffix_place_names_are_cut_into_divisions():
    """One jieba word can hold a chain of divisions: the suffix rule cuts it as the labeller's places are cut."""
    found = {m.text for m in suffix_names(make_doc(_article("甘肃省甘南藏族自治州的师生应邀参加。")))}
    assert {"甘肃省", "甘南藏族自治州"} <= found and "甘肃省甘南藏族自治州" not in found


@pytest.mark.parametrize(
    "text, name",
    [
        ("全区上下认真落实青山八项规定精神。", "青山八项规定"),
        ("该市深化一窗通办改革，办好群众身边事。", "一窗通办改革"),
        ("会议要求抓好全县窗口单位作风整顿。", "全县窗口单位作风整顿"),
        ("当地实施农村饮水安全巩固提升工程。", "农村饮水安全巩固提升工程"),
        ("改革为实施创新驱动发展战略提供动力。", "创新驱动发展战略"),  # the name starts after the last verb
        ("今后三年，山区饮水提质工程将覆盖全部乡镇。", "山区饮水提质工程"),  # the subject of its clause
        ("该区正加快建设,今年青州港三期工程已开工。", "青州港三期工程"),  # a time word opens no name
        ("总投资12亿元的青州锂电材料一体化项目开工。", "青州锂电材料一体化项目"),  # named after its cost
        ("青州湿地生态修复工程由县政府组织实施。", "青州湿地生态修复工程"),  # 由 after the subject
        ("全县加快实施青州林区防火通道建设项目。", "青州林区防火通道建设项目"),  # a project named by a place
        ("两家公司合作建设的青州康养度假村二期工程开工。", "青州康养度假村二期工程"),  # after 建设的
        ("今年该区启动夜间经济提质工程。", "夜间经济提质工程"),  # a time of day names it
    ],
)
def test_extract_programmes_named_without_quotes(text, name):
    assert (name, Kind.INITIATIVE) in _found(text, RULES + ("programmes",))


@pytest.mark.parametrize(
    "text",
    ["要全面深化改革。", "推动园区企业更好服务区域战略。", "执行好全市民主监督工作计划。", "两国推进全面战略伙伴关系。",
     "推进结构性改革特别是供给侧结构性改革。", "据悉，该国原计划将这笔款项用于修路。", "此前，专家组按规定将材料移交。",
     "双方推进重大合作项目建设。", "该市推进续建棚改项目。"],  # a project needs a place or a proper name
)
def test_extract_programme_lookalikes_are_not_names(text):
    assert not {n for n, k in _found(text, RULES + ("programmes",)) if k is Kind.INITIATIVE}


def test_reconcile_confident_person_or_organization_beats_a_gazetteer_short_form():
    from kg.extract.mentions import reconcile

    person = Mention("t", 0, 2, "乌兰", Kind.PERSON, by="labeller", score=0.97)
    place = Mention("t", 0, 2, "乌兰", Kind.PLACE, by="lexicon.gazetteer", score=0.8)
    assert [m.kind for m in reconcile([person, place])] == [Kind.PERSON]
    county = Mention("t", 0, 3, "乌兰县", Kind.PLACE, by="lexicon.gazetteer", score=0.8)
    unsure = Mention("t", 0, 3, "乌兰县", Kind.PERSON, by="labeller", score=0.97)
    assert [m.kind for m in reconcile([unsure, county])] == [Kind.PLACE]  # a full division name stays a place
    club = Mention("t", 0, 2, "米兰", Kind.ORG, by="labeller", score=0.95)
    city = Mention("t", 0, 2, "米兰", Kind.PLACE, by="lexicon.gazetteer", score=0.8)
    assert [m.kind for m in reconcile([club, city])] == [Kind.ORG]  # a club named after its city
    fairly_sure = Mention("t", 0, 2, "米兰", Kind.ORG, by="labeller", score=0.7)
    assert [m.kind for m in reconcile([fairly_sure, city])] == [Kind.ORG]  # from 0.6
    doubtful = Mention("t", 0, 2, "米兰", Kind.ORG, by="labeller", score=0.55)
    assert [m.kind for m in reconcile([doubtful, city])] == [Kind.PLACE]


def test_extract_organizer_pointed_to_by_gai_qu():
    rels = _relations("近年来,永川区持续改善人居环境。目前,该区已建成12个“口袋书屋”。")
    assert ("organizer", "口袋书屋", "永川区", None) in rels


def test_extract_organizer_goes_on_over_semicolons_but_not_paragraphs():
    rels = _relations("永川区已完成“川渝图书通”项目;上线了“云上书屋”平台;建成8个“城市书吧”。\n打造“丙丁工程”。")
    assert {("organizer", name, "永川区", None) for name in ("川渝图书通", "云上书屋", "城市书吧")} <= rels
    assert not any(r[0] == "organizer" and r[1] == "丙丁工程" for r in rels)


def test_extract_organizer_is_not_the_object_of_a_verb():
    rels = _relations("该负责人说,还将建设青禾物流园,年内建成“老街书香”工程。")
    assert not any(r[0] == "organizer" for r in rels)
    rels = _relations("他指出,建设“云上书屋”平台是重要举措。")  # 他 acts: nobody named organizes it
    assert not any(r[0] == "organizer" for r in rels)


def test_extract_place_qualifies_every_name_of_a_list():
    rels = _relations("这些项目将与临江镇城区内的文昌阁博物馆、梅溪纪念馆及茶山景区融为一体。")
    assert {("locatedIn", name, "临江镇", None) for name in ("文昌阁博物馆", "梅溪纪念馆", "茶山景区")} <= rels
    rels = _relations("他来到位于成都市的青禾纪念馆、锦江博物馆,缅怀先辈。")
    assert {("locatedIn", name, "成都市", None) for name in ("青禾纪念馆", "锦江博物馆")} <= rels


def test_extract_place_near_a_name_is_not_where_it_is():
    rels = _relations("紧邻临江镇的青禾博物馆今天开放。")
    assert ("locatedIn", "青禾博物馆", "临江镇", None) not in rels


def test_extract_venue_is_not_a_place_that_only_locates_it():
    rels = _relations("永川区在位于临江镇东华社区老街的文昌阁建起“乡愁博物馆”。")
    assert not any(r[0] == "locatedIn" and r[1] == "乡愁博物馆" for r in rels)


def _mentions_of(text: str, *names: tuple[str, Kind]) -> tuple[Mention, ...]:
    """Mentions placed by hand at the first occurrence of each name, in text order."""
    found = [Mention("t", text.index(name), text.index(name) + len(name), name, kind) for name, kind in names]
    return tuple(sorted(found, key=lambda m: m.start))


def test_extract_member_of_from_a_post_after_the_name():
    from kg.extract.relations import find_relations

    text = "周明远是青山区人民医院的干部,去年被派到村里。孟雪松任青禾控股集团有限公司副总经理。"
    mentions = _mentions_of(text, ("周明远", Kind.PERSON), ("青山区人民医院", Kind.ORG),
                            ("孟雪松", Kind.PERSON), ("青禾控股集团有限公司", Kind.ORG))
    rels = {(r.predicate, r.head.text, r.tail.text, r.role) for r in find_relations(make_doc(_article(text)), mentions)}
    assert ("memberOf", "周明远", "青山区人民医院", "干部") in rels
    assert ("memberOf", "孟雪松", "青禾控股集团有限公司", "副总经理") in rels
    text = "孟雪松是青山区人民医院的医生团队负责人。"  # 医生 only starts a longer noun
    mentions = _mentions_of(text, ("孟雪松", Kind.PERSON), ("青山区人民医院", Kind.ORG))
    assert not find_relations(make_doc(_article(text)), mentions)


def test_extract_initiative_after_a_place_name():
    rels = _relations("永川区“三联机制”让群众受益。")
    assert ("organizer", "三联机制", "永川区", None) in rels
    rels = _relations("今年6月,“青禾助企”政策宣讲对接活动走进临江镇,推介政策。")
    assert ("locatedIn", "青禾助企", "临江镇", None) in rels


def test_extract_unit_named_after_its_organization():
    from kg.extract.relations import find_relations

    text = "青山区委部署工作,青山区委组织部负责落实;经国务院批准,国务院工作组进驻,青山市委市政府配合。"
    mentions = _mentions_of(text, ("青山区委", Kind.ORG), ("青山区委组织部", Kind.ORG), ("国务院", Kind.ORG),
                            ("国务院工作组", Kind.ORG), ("青山市委市政府", Kind.ORG))
    mentions = mentions + (Mention("t", text.index("青山市委市政府"), text.index("青山市委市政府") + 4, "青山市委", Kind.ORG),)
    rels = {(r.predicate, r.head.text, r.tail.text) for r in find_relations(make_doc(_article(text)), mentions)}
    assert ("subOrganizationOf", "青山区委组织部", "青山区委") in rels
    assert ("subOrganizationOf", "国务院工作组", "国务院") in rels
    assert not any(r[1] == "青山市委市政府" for r in rels)  # 市政府 is no unit of 市委


def test_extract_organizers_in_a_by_phrase_before_the_initiative():
    rels = _relations("日前,由青山区图书馆、渝川建设有限公司联合举办的“书香青山”读书节在临江镇开幕。")
    assert {("organizer", "书香青山", o, None) for o in ("青山区图书馆", "渝川建设有限公司")} <= rels
    assert ("locatedIn", "书香青山", "临江镇", None) in rels


def test_extract_organizers_listed_as_one_subject():
    rels = _relations("为落实有关部署,青山区图书馆、渝川建设有限公司、青禾控股集团有限公司启动了“悦读青山”活动。")
    assert {("organizer", "悦读青山", o, None) for o in ("青山区图书馆", "渝川建设有限公司", "青禾控股集团有限公司")} <= rels
    rels = _relations("临江镇、白沙镇等地的游客陆续返程,车站推出“预约助行”服务。")  # the places only qualify 游客
    assert not any(r[0] == "organizer" for r in rels)


def test_extract_organizer_is_the_place_dang_di_stands_for():
    rels = _relations("永川区位于重庆西部。在临江镇,当地通过开展“乡村书屋”活动丰富群众生活。")
    assert ("organizer", "乡村书屋", "临江镇", None) in rels
    rels = _relations("永川区发布消息。当地时间8日,“乡村书屋”活动开展。")
    assert ("organizer", "乡村书屋", "永川区", None) not in rels


def test_extract_organization_before_the_quoted_initiative():
    rels = _relations("青山区图书馆“悦读青山”活动今天启动,渝川建设有限公司“青山”号货船下水。")
    assert ("organizer", "悦读青山", "青山区图书馆", None) in rels
    assert not any(r[1] == "青山" for r in rels)  # “青山”号 is a ship


def test_extract_organizers_of_a_qualifying_clause_and_not_the_story_source():
    rels = _relations("青山日报消息:青山区图书馆、渝川建设有限公司等单位联合开展的“悦读青山”活动今天启动。")
    assert {("organizer", "悦读青山", o, None) for o in ("青山区图书馆", "渝川建设有限公司")} <= rels
    assert ("organizer", "悦读青山", "青山日报", None) not in rels


def _mention(text: str, whole: str, kind: Kind, by: str, score: float = 0.85) -> Mention:
    start = whole.index(text)
    return Mention("t", start, start + len(text), text, kind, by=by, score=score)


def test_suffix_names_are_read_against_the_labeller():
    from kg.extract.mentions import check_with_labeller

    text = "要求落实民航局部署，走进歌舞厅和安吉县科技报，在鹿角站换乘，参观东林市人大常委会办公楼会议厅。"
    org, place = "lexicon.org_suffix", "lexicon.place_suffix"
    rule_long = _mention("落实民航局", text, Kind.ORG, org)
    labelled = _mention("民航局", text, Kind.ORG, "labeller", 0.9)
    generic = _mention("歌舞厅", text, Kind.ORG, org, 0.7)
    place_led = _mention("安吉县科技报", text, Kind.ORG, org, 0.7)
    unknown = _mention("鹿角站", text, Kind.PLACE, place, 0.7)
    crossing = _mention("办公楼会议厅", text, Kind.ORG, org, 0.7)
    across = _mention("东林市人大常委会办公楼", text, Kind.PLACE, "labeller", 0.9)
    kept = check_with_labeller([rule_long, labelled, generic, place_led, unknown, crossing, across])
    texts = {(m.text, m.by) for m in kept}
    assert ("民航局", org) in texts and ("落实民航局", org) not in texts  # starts where the labeller's does
    assert ("歌舞厅", org) not in texts  # a one-character suffix after an ordinary word, unseen by the labeller
    assert ("安吉县科技报", org) in texts  # starts with a place
    assert ("鹿角站", place) in texts  # no dictionary word before the suffix: an unknown name
    assert ("办公楼会议厅", org) not in texts  # the labeller reads a name across its edge
    trimmed = next(m for m in kept if m.text == "民航局" and m.by == org)
    assert text[trimmed.start : trimmed.end] == "民航局"


def test_suffix_names_give_way_to_a_person_or_two_joined_names():
    from kg.extract.mentions import check_with_labeller

    text = "由王立新所在的东林机械有限公司和西山博物馆承办，周海平纪念馆开放。"
    org, place = "lexicon.org_suffix", "lexicon.place_suffix"
    person_led = _mention("王立新所", text, Kind.ORG, org, 0.7)
    person = _mention("王立新", text, Kind.PERSON, "labeller", 0.95)
    joined = _mention("东林机械有限公司和西山博物馆", text, Kind.ORG, org)
    company = _mention("东林机械有限公司", text, Kind.ORG, "labeller", 0.95)
    museum = _mention("西山博物馆", text, Kind.PLACE, "labeller", 0.8)
    named_after = _mention("周海平纪念馆", text, Kind.ORG, org)
    founder = _mention("周海平", text, Kind.PERSON, "labeller", 0.9)
    kept = {m.text for m in check_with_labeller([person_led, person, joined, company, museum, named_after, founder])}
    assert "王立新所" not in kept and "王立新" in kept  # a person, then 所: no organization
    assert "东林机械有限公司和西山博物馆" not in kept  # two names joined by 和
    assert "周海平纪念馆" in kept  # an institution named after a person stays


def test_suffix_names_give_way_to_two_names_read_apart():
    from kg.extract.mentions import check_with_labeller

    text = "东林集团所属西江物流总公司，南川工务局三处青松机械厂。"
    org = "lexicon.org_suffix"
    spanning = _mention("东林集团所属西江物流总公司", text, Kind.ORG, org)
    group = _mention("东林集团", text, Kind.ORG, "labeller", 0.9)
    company = _mention("西江物流总公司", text, Kind.ORG, "labeller", 0.9)
    unit_chain = _mention("南川工务局三处青松机械厂", text, Kind.ORG, org)
    bureau = _mention("南川工务局", text, Kind.ORG, "labeller", 0.9)
    works = _mention("青松机械厂", text, Kind.ORG, "labeller", 0.9)
    listed = _mention("青山法院和西林法院", text + "青山法院和西林法院", Kind.ORG, org)
    court = _mention("青山法院", text + "青山法院和西林法院", Kind.ORG, "labeller", 0.9)
    kept = {m.text for m in check_with_labeller([spanning, group, company, unit_chain, bureau, works, listed, court])}
    assert "青山法院和西林法院" not in kept  # the labeller's name ends at 和: a list, not one name
    assert "东林集团所属西江物流总公司" not in kept  # two organizations, 所属 between them
    assert {"东林集团", "西江物流总公司"} <= kept
    assert "南川工务局三处青松机械厂" in kept  # a numbered unit links them inside one name


def test_suffix_names_give_way_to_a_chain_of_divisions_read_apart():
    from kg.extract.mentions import check_with_labeller

    text = "在西递镇南屏村写生，经广西钦州港出海，落户宜宾三江新区。"
    place = "lexicon.place_suffix"
    chain = _mention("西递镇南屏村", text, Kind.PLACE, place, 0.7)
    town, village = _mention("西递镇", text, Kind.PLACE, "labeller", 0.94), _mention("南屏村", text, Kind.PLACE, "labeller", 0.94)
    port = _mention("广西钦州港", text, Kind.PLACE, place, 0.7)
    region, harbour = _mention("广西", text, Kind.PLACE, "labeller", 0.9), _mention("钦州港", text, Kind.PLACE, "labeller", 0.9)
    park = _mention("宜宾三江新区", text, Kind.PLACE, place, 0.7)
    city, new_area = _mention("宜宾", text, Kind.PLACE, "labeller", 0.9), _mention("三江新区", text, Kind.PLACE, "labeller", 0.9)
    kept = {m.text for m in check_with_labeller([chain, town, village, port, region, harbour, park, city, new_area])}
    assert "西递镇南屏村" not in kept and {"西递镇", "南屏村"} <= kept  # a township, then its village
    assert "广西钦州港" not in kept  # a province, then a port
    assert "宜宾三江新区" in kept  # a city's name opening a new area's: one name as the news writes it


def test_one_character_places_only_when_listed_and_standing_alone():
    ext = extract(Article(id="t", text="中国和美国是大国。中美两国元首昨天在京会谈。这家企业主营中餐，也做中外交流。"))
    single = {(m.text, m.alias) for m in ext.mentions if len(m.text) == 1}
    assert ("京", "北京") in single
    assert ("中", "中国") in single and ("美", "美国") in single
    starts = {m.start for m in ext.mentions if m.text == "中"}
    assert starts == {9}  # not the 中 of 中餐 or 中外: the jieba word holds more than places


def test_one_character_places_side_by_side_need_their_full_names():
    """中|欧 of 中欧班列, 欧|美: a route or a pairing, no place of the article's own unless it writes the
    full names; 在|京 alone stays."""
    ext = extract(Article(id="t", text="满载小商品的“义新欧”中欧班列从青州西站鸣笛出发,货物销往欧美、中东等地。代表团在京参观。"))
    assert {m.text for m in ext.mentions if len(m.text) == 1} == {"京"}
    assert sorted(r.text for r in ext.references if len(r.text) == 1) == ["中", "欧", "欧", "美"]  # kg extract still writes them


@pytest.mark.parametrize(
    "word, at, expected",
    [("京津冀", 1, True), ("中美关系", 1, True), ("访华", 1, True), ("驻华使节", 1, True), ("美方", 0, True),
     ("中餐", 0, False), ("中英文", 1, False), ("华人", 0, False), ("中美合资企业", 0, False)],
)
def test_one_character_place_inside_a_jieba_word(word, at, expected):
    from kg.extract import abbreviation_in_word, place_abbreviations

    assert abbreviation_in_word(word, at, place_abbreviations()) is expected


def test_labeller_spans_lose_their_quotation_marks(monkeypatch):
    import sys

    import kg.extract.labeller  # noqa: F401
    from kg.extract.doc import make_doc

    module = sys.modules["kg.extract"]
    text = "建成“两湖一岛”和“青山”书屋。"
    at = text.index("“两湖")
    spans = [(at, at + 5, Kind.PLACE, 0.9), (text.index("”和"), text.index("书屋"), Kind.PLACE, 0.9)]
    monkeypatch.setattr(sys.modules["kg.extract.labeller"], "label", lambda _text, _tokens=None: spans)
    found = [(m.text, m.start) for m in module.labelled(make_doc(Article(id="t", text=text)))]
    assert found == [("两湖一岛", at + 1)]  # the leading quote left out; a span across quotes dropped


@pytest.mark.parametrize(
    "name, expected",
    [("市人大常委会", True), ("县人民法院", True), ("乡党委", True), ("市政府", False), ("县医院", False),
     ("该院", False), ("人民法院", False), ("学习型政府", False), ("上级党委", False)],
)
def test_a_body_named_by_its_level_alone_is_a_name(name, expected):
    from kg.extract.lexicon import is_name

    assert is_name(name, Kind.ORG) is expected


def test_suffix_names_stop_at_a_term_or_a_building():
    ext = extract(Article(id="t", text="东林市新一届政府成立。东林市人大常委会办公楼9楼会议厅成了考场。"))
    names = {m.text for m in ext.mentions}
    assert "东林市人大常委会" in names
    assert not any("届" in n or "楼" in n for n in names)


def test_zones_and_plans_named_after_their_place():
    text = "他来到四川自贸试验区成都片区，听取成都市城市总规汇报。依托自贸试验区政策，企业更多。"
    found = {(m.text, m.kind) for m in extract(Article(id="t", text=text)).mentions}
    assert ("四川自贸试验区成都片区", Kind.PLACE) in found
    assert ("成都市城市总规", Kind.INITIATIVE) in found
    assert not any("贸试验区" in name and not name.startswith("四川") for name, _ in found)  # no cut zone name


@pytest.mark.parametrize(
    "text, kind, expected",
    [("鹿角站和5号线", Kind.PLACE, [(0, "鹿角站"), (4, "5号线")]),
     ("东林机械有限公司与西山博物馆", Kind.ORG, [(0, "东林机械有限公司"), (9, "西山博物馆")]),
     ("住房和城乡建设局", Kind.ORG, [(0, "住房和城乡建设局")])],
)
def test_labeller_span_joining_two_names_is_cut(text, kind, expected):
    from kg.extract import split_joined

    assert split_joined(text, kind) == expected


def test_an_enumeration_keeps_a_first_character_the_name_has_elsewhere():
    """推动|擎|峰动力 (jieba reads 擎 as a verb): the article writes 擎峰动力 in the full name too."""
    text = "重庆擎峰动力科技有限公司计划投资38亿元。园区将推动擎峰动力、锐川电子等企业就近配套。"
    names = {m.text for m in extract(_article(text), ("enumerations",)).mentions}
    assert "擎峰动力" in names and "峰动力" not in names


def test_enumerations_type_their_members_by_the_head():
    text = "该区加快青禾、东林等项目建成投产，推动越南、老挝等贸易中心项目建设，推动赛尔、东林机械等重点企业发展。"
    found = {(m.text, m.kind) for m in extract(Article(id="t", text=text)).mentions}
    assert {("青禾", Kind.INITIATIVE), ("东林", Kind.INITIATIVE)} <= found  # two projects
    assert {("赛尔", Kind.ORG), ("东林机械", Kind.ORG)} <= found  # two companies
    assert ("越南", Kind.PLACE) in found and ("越南", Kind.INITIATIVE) not in found  # the place a project is for


def test_weak_suffix_after_ordinary_words_is_a_description():
    from kg.extract.mentions import check_with_labeller

    text = "设立生产基地和青禾生产基地，建设会展中心。"
    place, org = "lexicon.place_suffix", "lexicon.org_suffix"
    kept = {m.text for m in check_with_labeller([
        _mention("生产基地", text, Kind.PLACE, place), _mention("青禾生产基地", text, Kind.PLACE, place),
        _mention("会展中心", text, Kind.ORG, org)])}
    assert kept == {"青禾生产基地"}


def test_quoted_programme_by_what_follows_and_counted_slogans():
    text = "会上通报了“一窗联办”情况，推进“两个中心”建设。"
    found = {(m.text, m.kind) for m in extract(Article(id="t", text=text)).mentions}
    assert ("一窗联办", Kind.INITIATIVE) in found
    assert not any(name == "两个中心" for name, _ in found)


def test_suffix_lookalikes_are_not_names():
    text = "他们通过因特网联系，货币联盟成立，新一轮乡村建设启动，主席时表示欢迎。东林市科技报报道了此事。1997年全公司产值增长。"
    found = {(m.text, m.kind) for m in extract(Article(id="t", text=text)).mentions}
    names = {name for name, _ in found}
    assert "因特网" not in names and "新一轮乡" not in names and "时表示" not in names
    assert not any(name.endswith("全公司") for name in names)  # a date, then 全: no name
    assert ("货币联盟", Kind.PLACE) not in found  # 联盟 is no league (盟) of a region
    assert ("东林市科技报", Kind.ORG) in found  # a place before the word: a name


def test_photo_credit_in_brackets_names_an_organization():
    text = "图为新建的车间 (东林报资料图)。游客在湖边（见下图）。"
    found = {(m.text, m.kind, m.by) for m in extract(Article(id="t", text=text)).mentions}
    assert ("东林报", Kind.ORG, "rules.credit") in found
    assert not any(name.startswith("见") for name, _, _ in found)


def test_central_bodies_and_a_city_before_a_national_name():
    from kg.extract.doc import make_doc
    from kg.extract.lexicon import suffix_names

    text = "中央工作组到东林调研。他曾在北京中国东林银行总行任职。"
    found = {(m.text, m.kind) for m in suffix_names(make_doc(Article(id="t", text=text)))}
    assert ("中央工作组", Kind.ORG) in found  # a body of the central level
    assert ("中国东林银行总行", Kind.ORG) in found  # the city before it says where it is, not its name


def test_listed_people_beside_a_person():
    from kg.extract.doc import make_doc
    from kg.extract.rules import listed_people

    text = "代表人物严守诚、周明远是名家。展品有黄金、周明远的书画。"
    doc = make_doc(Article(id="t", text=text))
    first = text.index("周明远")
    second = text.index("周明远", first + 1)
    people = (Mention("t", first, first + 3, "周明远", Kind.PERSON, by="labeller", score=0.95),
              Mention("t", second, second + 3, "周明远", Kind.PERSON, by="labeller", score=0.95))
    found = {m.text for m in listed_people(doc, people)}
    assert found == {"严守诚"}  # 黄金 is a dictionary word, not a name


def test_extract_many_reads_each_article_as_extract_does():
    from kg.extract import extract_many

    articles = [
        Article(id="a1", text="昨天上午，李建国在杭州市西湖区会见了浙江星辰科技有限公司的负责人。"),
        Article(id="a2", text=""),
        Article(id="a3", text="国家统计局今天发布数据，广东省一季度经济增长较快。王小红表示满意。"),
    ]
    together = extract_many(articles)
    assert [x.article.id for x in together] == ["a1", "a2", "a3"]
    def read(x):  # scores left out: the int8 LSTM's input scale is its batch's, so they move a little
        return ([(m.start, m.end, m.kind, m.by) for m in x.mentions + x.references],
                [(r.predicate, r.head.span, r.tail.span, r.role) for r in x.relations])

    for article, got in zip(articles, together):
        assert read(got) == read(extract(article))
    assert {m.text for m in together[0].mentions} >= {"李建国", "浙江星辰科技有限公司"}


def test_people_named_before_their_post():
    text = "会上，王建国总理作了报告，刘志华主席出席。"
    people = {m.text for m in titled_people(make_doc(Article(id="t", text=text))) if m.kind is Kind.PERSON}
    assert {"王建国", "刘志华"} <= people
    assert not {m.text for m in titled_people(make_doc(Article(id="t", text="市委书记主持会议。")))}


def test_a_countrys_government_is_the_country():
    found = {m.text: m.kind for m in extract(Article(id="t", text="印度政府和挪威政府今天表示支持。")).mentions}
    assert found.get("印度") is Kind.PLACE and found.get("挪威") is Kind.PLACE
    assert "印度政府" not in found
    assert {m.text: m.kind for m in extract(Article(id="t", text="东林县人民政府发布通知。")).mentions}.get("东林县人民政府") is Kind.ORG


def test_extract_references_are_apart_from_mentions():
    extraction = extract(_article("印巴两国外长昨天在日内瓦会谈。市委、市政府高度重视这项工作。"))
    assert [(m.text, m.kind) for m in extraction.references] == [
        ("印", Kind.PLACE), ("巴", Kind.PLACE), ("市委", Kind.ORG)]
    assert not {m.text for m in extraction.mentions} & {"印", "巴", "市委"}


def test_extract_ordinary_words_before_a_suffix_are_no_name():
    assert _found("多家商业银行已下调首套房贷利率。", None) == set()
    assert ("作登乡", Kind.PLACE) in _found("他来到作登乡调研。")  # no dictionary word: a name


def test_extract_gazetteer_short_forms_that_are_ordinary_words_need_the_labeller():
    assert _found("各单位要大兴调查研究之风。", None) == set()  # 大兴: also a district of Beijing
    assert _found("这位歌手的嗓音丰满而明亮。", None) == set()
    assert ("铜梁", Kind.PLACE) in _found("铜梁龙舞在春节期间走上街头。", None)


def test_extract_person_then_a_phrase_ending_like_a_suffix_is_no_organization():
    from kg.extract.mentions import check_with_labeller

    name = Mention("t", 0, 8, "欧阳明轩私下操办", Kind.ORG, by="lexicon.org_suffix", score=0.7)
    person = Mention("t", 0, 4, "欧阳明轩", Kind.PERSON, by="labeller", score=0.95)
    assert check_with_labeller([name, person]) == [person]


def test_suffix_place_keeps_a_name_character_the_labeller_leaves_out():
    from kg.extract.mentions import check_with_labeller, reconcile

    def pair(text: str, left: int) -> list[Mention]:
        return [Mention("t", 0, len(text), text, Kind.PLACE, by="lexicon.place_suffix", score=0.7),
                Mention("t", left, len(text), text[left:], Kind.PLACE, by="labeller", score=0.86)]

    assert [m.text for m in reconcile(check_with_labeller(pair("高岭沟村", 1)))] == ["高岭沟村"]
    assert [m.text for m in reconcile(check_with_labeller(pair("在岭沟村", 1)))] == ["岭沟村"]  # a preposition


@pytest.mark.parametrize("text, name", [
    ("她原在曼谷一家报社工作。", "曼谷一家报社"),  # one of many, counted
    ("西北地区东南部、华北中南部有小雨。", "西北地区东南部"),  # a part of a region
    ("这是侵略者在南京所犯的罪行。", "南京所"),  # the particle 所 before a verb
])
def test_extract_descriptions_that_end_like_names_are_no_names(text, name):
    assert name not in {t for t, _ in _found(text, None)}


def test_person_then_government_is_the_person():
    from kg.extract.mentions import check_with_labeller

    name = Mention("t", 0, 5, "汉森博政府", Kind.ORG, by="lexicon.org_suffix", score=0.85)
    person = Mention("t", 0, 3, "汉森博", Kind.PERSON, by="labeller", score=0.95)
    assert check_with_labeller([name, person]) == [person]


def test_extract_dates_and_times_are_no_part_of_names():
    assert not any(t.startswith(("1998", "3月")) for t, _ in _found("议会通过的1998年度政府预算和3月份特区政府的报告。"))
    assert not any(k is Kind.PERSON for _, k in _found("加藤总理周二晚表示，这项法案必须通过。", ("titled_people",)))


@pytest.mark.parametrize(
    ("name", "start"),
    [("北京中国建设银行分行", 2), ("青山区全国模范集体", 3), ("美国国家航空航天局", 0),
     ("青州市中华民族文化促进会", 0), ("中国科学院", 0)],
)
def test_national_name_after_a_division(name, start):
    """A Chinese division before a national name says where the branch is (北京|中国…); a foreign
    country does not, and 中华民族 opens a local body's name, not a national one."""
    from kg.extract.lexicon import national_start

    assert national_start(name) == start


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("第五届青川农产品博览会在县城开幕，同期举办青川国际马拉松。", {"青川农产品博览会", "青川国际马拉松"}),
        ("2025云岭乡村美食节明天开幕。", {"2025云岭乡村美食节"}),  # the year in the name (alias without it)
        ("12月1日,2026青州·云岭半程马拉松开跑。", {"2026青州·云岭半程马拉松"}),  # a middle dot between names
        ("2026青州陶文化创意周开幕。", {"2026青州陶文化创意周"}),  # jieba reads 创意 in the head as a verb
        ("第三届中国—亚欧博览会今天开幕。", {"中国—亚欧博览会"}),  # two names joined by a dash
        ("二十国集团青州峰会和青州亚运会先后举行。", {"二十国集团青州峰会", "青州亚运会"}),  # 二|十国集团 rejoined
        ("我来到青州市人才交流中心参加人才招聘洽谈会。", set()),  # a verb ends the name; no proper name left
        ("夏季运动会和乡村美食节都很热闹。", set()),  # generic: no place or proper name before the head
        ("新华社青州5月9日电青州国际马拉松今天开跑。", {"青州国际马拉松"}),  # not the dateline's 日电
        ("在举行的第二届川北根雕技艺大赛上夺冠。", {"川北根雕技艺大赛"}),  # a place and a direction open the name
        ("在举行的第二届青州精品咖啡评鉴会上获奖。", {"青州精品咖啡评鉴会"}),  # jieba's 会上 holds the head's end
        ("第三届天山南麓林果产业博览会开幕。", {"天山南麓林果产业博览会"}),  # a two-character direction
        ("这段堤防是青州镇青江防洪护岸综合整治工程的主体。", {"青州镇青江防洪护岸综合整治工程"}),  # a project
        ("上午,永川区森林火灾应急处置综合演练举行。", {"永川区森林火灾应急处置综合演练"}),  # a verb after a verbal noun
        ("在青州举办国际马拉松。", set()),  # but not a verb after a place
        ("由县人民政府主办的2025青州陶瓷跨境采购对接会开幕。", {"2025青州陶瓷跨境采购对接会"}),  # a matchmaking fair
        ("会上,企业与银行开展融资对接会。", set()),
        ("当天下午举行的青川区温泉康养旅游推介会上发布了线路。", {"青川区温泉康养旅游推介会"}),  # after 举行的, whatever the tags
        ("昨天举行的全区安全生产大会部署工作。", set()),  # no proper name after it
    ],
)
def test_named_events_are_initiatives(text, events):
    found = {m.text for m in extract(_article(text), ("events",)).mentions if m.kind is Kind.INITIATIVE}
    assert found == events


def test_country_company_and_conjunction_are_no_names():
    """伊朗公司 is any company of Iran (the country stays a place); 专家和学者 names nobody 和学者."""
    orgs = {m.text for m in extract(_article("理由是该伊朗公司多次违规，美国通用公司回应。"), RULES).mentions if m.kind is Kind.ORG}
    assert "伊朗公司" not in orgs and "美国通用公司" in orgs
    people = {m.text for m in extract(_article("多国专家和学者表示支持。"), ("titled_people",)).mentions}
    assert "和学者" not in people


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("今天，美国第三大银行青峰银行宣布扩张。", "美国第三大银行", None),  # a rank, not a name
        ("青峰银行和第四大银行绿原银行宣布合并。", "青峰银行和第四大银行", "青峰银行"),  # 和 after a name joins two
        ("他毕业于一所师范大学，后来办了一个小卖部。", "师范大学", None),  # one of many
        ("以他为代表的中国科技工作者开创了事业。", "中国科技", None),  # the industry word describes 工作者
        ("青峰科技有限公司和云岭科技等企业参加。", None, "云岭科技"),
        ("外出党员向村团支部提供信息。", "村团支部", None),
    ],
)
def test_descriptions_that_end_like_organizations(text, absent, present):
    orgs = {m.text for m in extract(_article(text), RULES).mentions if m.kind is Kind.ORG}
    assert absent not in orgs
    assert present is None or present in orgs


def test_intermediate_court_is_one_organization_and_people_keep_a_suffix_ending():
    """中级人民法院 ends the court's name (中级 is no generic 级 head); a person whose name ends like
    a place (…山, …江) stays a person where the labeller is sure."""
    found = {(m.text, m.kind) for m in extract(_article("此案经青州市中级人民法院一审，判处张远江有期徒刑五年。")).mentions}
    assert ("青州市中级人民法院", Kind.ORG) in found
    assert ("张远江", Kind.PERSON) in found


def test_a_person_standing_and_a_post_before_the_next_person():
    """某某|站 (a verb after a person's name) is no station; in 祝贺|校长|某某 the post is the next
    person's, so 祝贺 (a person's name in jieba's dictionary) is no person."""
    found = {(m.text, m.kind) for m in extract(_article("只见一个任达华站在街口。学生们祝贺校长周明远荣立一等功。")).mentions}
    assert not any(text.endswith("站") for text, _ in found)
    assert ("祝贺", Kind.PERSON) not in found and ("周明远", Kind.PERSON) in found


def test_a_suffix_word_before_an_aspect_particle_or_after_a_generic_word_is_no_name():
    """学会|了 is a verb (the person learnt), not a society; 著名|大道 describes, it names nothing."""
    found = _found("此后，李青山学会了从头做起。长安大道是青州著名大道。")
    assert not any(text.endswith(("学会", "著名大道")) for text, _ in found)


def test_two_plus_two_characters_that_no_division_ends_are_one_place():
    from kg.extract import split_place_chain

    assert split_place_chain("北市岭村") == ["北市岭村"]  # 岭村 is no division: one village's name
    assert split_place_chain("义县王村") == ["义县", "王村"]


@pytest.mark.parametrize(("name", "kind"), [("联赛第一站", Kind.PLACE), ("满5局", Kind.ORG), ("小城镇政府", Kind.ORG),
                                           ("青州三省", Kind.PLACE), ("沿河六县", Kind.PLACE)])
def test_a_count_or_a_generic_head_before_the_suffix_is_no_name(name, kind):
    from kg.extract.lexicon import is_name

    assert not is_name(name, kind)
    assert is_name("中铁十一局", Kind.ORG) and is_name("第一中学", Kind.ORG) and is_name("六安市", Kind.PLACE)


def test_a_country_and_a_name_the_labeller_reads_apart_stay_apart():
    from kg.extract.mentions import check_with_labeller

    whole = Mention("t", 0, 8, "美国青峰航天中心", Kind.ORG, by="lexicon.org_suffix", score=0.85)
    country = Mention("t", 0, 2, "美国", Kind.PLACE, by="labeller", score=0.99)
    centre = Mention("t", 2, 8, "青峰航天中心", Kind.PLACE, by="labeller", score=0.9)
    assert whole not in check_with_labeller([whole, country, centre])
    city = Mention("t", 0, 2, "青州", Kind.PLACE, by="labeller", score=0.99)
    local = Mention("t", 0, 8, "青州青峰航天中心", Kind.ORG, by="lexicon.org_suffix", score=0.85)
    assert local in check_with_labeller([local, city, centre])  # a city opens the name of its own body


def test_a_time_zone_names_no_place_and_a_delegation_alone_no_organization():
    """北京时间 is a time of day: 北京 is not mentioned as a place there; 代表团 alone names nobody."""
    assert not plausible_label("代表团", Kind.ORG, 0.95)
    places = [m for m in extract(_article("比赛于北京时间今晨开始，选手们已抵达北京。")).mentions if m.text == "北京"]
    assert len(places) == 1 and places[0].start > 10


@pytest.mark.parametrize(
    ("text", "names", "not_names"),
    [
        ("美国第三大银行青峰银行宣布扩张。", {"青峰银行"}, {"美国第三大银行青峰银行"}),  # the name follows the rank
        ("不久前，河北青川县组织干部军训。", {"青川县"}, {"河北青川县"}),  # a province before a county
        ("他们将走上西藏部队的岗位，影片在陕西工厂放映。", set(), {"西藏部队", "陕西工厂"}),  # a place's troops, factories
        ("日本青藏省官员认为应当加息。", set(), {"日本青藏省"}),  # a Japanese ministry, no province
    ],
)
def test_suffix_names_after_a_rank_a_division_or_a_country(text, names, not_names):
    found = {m.text for m in suffix_names(make_doc(_article(text)))}
    assert names <= found and not (not_names & found)


def test_quoted_names_inside_a_quotation_and_right_after_an_organizer_verb():
    """‘…’ quotes a name inside a quotation; a name quoted right after 打造 is an initiative even when
    it holds a place (“书香某县” is the county's campaign, not the county)."""
    inner = {(m.text, m.kind) for m in extract(_article("“我们开展‘青禾创客’行动,组织党员攻关。”他说。")).mentions}
    assert ("青禾创客", Kind.INITIATIVE) in inner
    campaign = {(m.text, m.kind) for m in extract(_article("该县打造“书香青川”新型阅读空间，青川各镇都有书房。")).mentions}
    assert ("书香青川", Kind.INITIATIVE) in campaign


def test_listed_organizations_after_two_organizations():
    """甲、乙、丙等: a brand listed after two organizations is one too (丙 no word jieba knows);
    after one alone, or an ordinary phrase (公共图书馆), it is not."""
    from kg.extract.doc import make_doc
    from kg.extract.rules import listed_organizations

    def orgs(text: str, names: tuple[str, ...]) -> set[str]:
        doc = make_doc(Article(id="t", text=text))
        known = tuple(Mention("t", text.index(n), text.index(n) + len(n), n, Kind.ORG, by="labeller", score=0.95) for n in names)
        return {m.text for m in listed_organizations(doc, known)}

    assert orgs("扶持青禾、岚溪、鹭团等企业做大。", ("青禾", "岚溪")) == {"鹭团"}
    assert orgs("扶持岚溪、鹭团等企业做大。", ("岚溪",)) == set()
    assert orgs("青禾书店、岚溪书城、公共图书馆等都开放。", ("青禾书店", "岚溪书城")) == set()


def test_a_village_whose_name_jieba_cuts_into_the_towns_head():
    """某镇长某村 is 某镇 + 长某村, not the town's head (镇长) and a one-character village."""
    found = {m.text for m in suffix_names(make_doc(_article("村民在花溪镇长岙村种植辣椒。")))}
    assert "长岙村" in found


def test_an_unsure_person_stops_before_a_word_that_runs_across_its_end():
    """局长周明|超标准: an unsure 周明超 ends before 超标准, a jieba word; a sure one stays."""
    from dataclasses import replace

    from kg.extract.spans import labelled

    text = "局长周明超标准接待客人。"
    doc = make_doc(_article(text))
    start = text.index("周")
    for score, name in ((0.65, "周明"), (0.95, "周明超")):
        read = replace(doc, labels=((start, start + 3, Kind.PERSON, score),))
        assert [m.text for m in labelled(read)] == [name]


def test_a_labelled_name_does_not_start_with_a_leading_verb():
    """落户|青川: the labeller's place starts after 落户; 经科委 keeps its 经 (one character)."""
    from dataclasses import replace

    from kg.extract.spans import labelled

    text = "数字产业园落户青川。整合财政局、经科委等部门。"
    doc = make_doc(_article(text))
    spans = ((text.index("落户"), text.index("。"), Kind.PLACE, 0.99),
             (text.index("经科委"), text.index("经科委") + 3, Kind.ORG, 0.99))
    assert [m.text for m in labelled(replace(doc, labels=spans))] == ["青川", "经科委"]


def test_places_that_make_up_one_word_are_found_and_split():
    """上海浦东 is one jieba word: the gazetteer's 上海 and 浦东 stand, and so do 福建 and 石狮 where
    the labeller reads 福建石狮 unsurely as an organization; 源汇 in 资源汇聚 is still no place."""
    from kg.extract.lexicon import gazetteer_places
    from kg.extract.mentions import reconcile

    found = {m.text for m in gazetteer_places(make_doc(_article("他在上海浦东打工，资源汇聚。")))}
    assert {"上海", "浦东"} <= found and "源汇" not in found
    text = "到福建石狮打工"
    doc = make_doc(_article(text))
    unsure = Mention("t", 1, 5, "福建石狮", Kind.ORG, by="labeller", score=0.76)
    assert [m.text for m in reconcile([unsure, *gazetteer_places(doc)])] == ["福建", "石狮"]


def test_a_short_form_replaces_an_unsure_reading_inside_it():
    """青禾智能 (of 成都青禾智能科技有限公司) later in the article wins over 青禾 read unsurely as a place."""
    from kg.extract.rules import short_forms

    text = "成都青禾智能科技有限公司揭牌。青禾智能将投入资金。"
    doc = make_doc(_article(text))
    full = Mention("t", 0, 12, "成都青禾智能科技有限公司", Kind.ORG, by="labeller", score=0.99)
    at = text.index("青禾智能将")
    for score, expected in ((0.6, ["青禾智能"]), (0.95, [])):
        reading = Mention("t", at, at + 2, "青禾", Kind.PLACE, by="labeller", score=score)
        assert [m.text for m in short_forms(doc, (full, reading))] == expected


def test_a_companys_trade_name_is_found_again():
    """潞岭咖啡 for 云南潞岭咖啡产业有限公司: the trade name and the trade's first word; 某某集团 for
    某某集团有限公司; a banner's 旗 before 下 is a company's 旗下."""
    from kg.resolve import short_forms_of

    assert "潞岭咖啡" in short_forms_of("云南潞岭咖啡产业有限公司", Kind.ORG, {"云南"})
    assert "蜀岭电池集团" in short_forms_of("蜀岭电池集团有限公司", Kind.ORG)
    text = "重庆巴岭云顶旅游开发有限公司投资建设新项目。建成后由巴岭云顶旗下的酒店公司负责运营。"
    found = {(m.text, m.kind) for m in extract(_article(text)).mentions}
    assert ("巴岭云顶", Kind.ORG) in found and not {n for n, k in found if k is Kind.PLACE and n.endswith("旗")}


def test_a_one_character_place_form_read_as_a_preposition_is_no_node():
    assert "以" not in {m.text for m in extract(_article("以两国建交60周年为契机，深化合作。")).mentions}
    assert "以" in {m.text for m in extract(_article("美以两国举行会谈，以色列总理表示。")).mentions}  # beside 美


def test_person_after_a_post_does_not_start_with_a_joining_character():
    """主席|同|某某某总理: the labeller may read 同 into the second person's name; after a post it joins
    two people (two characters of the name at least stay)."""
    from kg.extract.spans import _after_joining_word

    text = "甲国主席同罗德文总理举行会谈，和平同志出席。"
    assert _after_joining_word(text, text.index("同罗"), text.index("总理"), False) == text.index("罗德文")
    assert _after_joining_word(text, text.index("和平"), text.index("同志"), False) == text.index("和平")  # no post before
    text = "王立新同罗德文举行会谈。"  # after another person, or the rest is a person read elsewhere
    assert _after_joining_word(text, text.index("同罗"), text.index("举行"), True) == text.index("罗德文")


def test_a_person_in_brackets_after_an_organization_is_its_short_form():
    """某某组织（某某）: the bracketed name the labeller read as a person is the organization's short
    form; a place in brackets stays a place."""
    from kg.extract.rules import bracketed_short_forms

    text = "青川民兵组织（青民）3日称，青川学院（城南校区）开学。"
    doc = make_doc(_article(text))

    def at(name: str, kind: Kind) -> Mention:
        start = text.index(name)
        return Mention("t", start, start + len(name), name, kind, by="labeller", score=0.8)

    found = bracketed_short_forms(doc, (at("青川民兵组织", Kind.ORG), at("青民", Kind.PERSON),
                                        at("青川学院", Kind.ORG), at("城南校区", Kind.PLACE)))
    kinds = {m.text: (m.kind, m.alias) for m in found}
    assert kinds["青民"] == (Kind.ORG, "青川民兵组织")
    assert kinds["城南校区"] == (Kind.PLACE, None)


def test_a_maker_before_a_model_number_is_no_organization():
    """伊尔-76, 苏-35: the labeller's name right before a dash and a number is a product's model."""
    found = {m.text for m in extract(_article("一架伊尔-76运输机在青州坠毁，机上人员全部遇难。")).mentions}
    assert "伊尔" not in found and "俄伊尔" not in found


def _labelled_as(text: str, name: str, kind: Kind, score: float = 0.9) -> list[tuple[str, Kind]]:
    """What spans.labelled makes of one labeller span over the first name in text."""
    from dataclasses import replace as with_labels

    from kg.extract.spans import labelled

    start = text.index(name)
    doc = with_labels(make_doc(_article(text)), labels=((start, start + len(name), kind, score),))
    return [(m.text, m.kind) for m in labelled(doc)]


def test_an_ordinal_plenary_session_is_no_organization():
    """十九届二中、三中全会: the labeller's 二中 there is a plenary session, not a school; a school of
    that name elsewhere stays an organization."""
    assert _labelled_as("贯彻党的十九届二中、三中全会精神。", "二中", Kind.ORG) == []
    assert _labelled_as("贯彻党的十八届四中全会精神。", "四中", Kind.ORG) == []
    assert _labelled_as("县二中、三中的学生参加了比赛。", "二中", Kind.ORG) == [("二中", Kind.ORG)]


def test_a_speakers_name_ends_before_the_verb_of_his_report():
    """主任委员某某作的…报告: 作 read into the name is the verb of the report."""
    text = "会议听取了委员会主任委员杨大伟作的关于草案修改情况的汇报。"
    assert _labelled_as(text, "杨大伟作", Kind.PERSON) == [("杨大伟", Kind.PERSON)]
    assert _labelled_as("会上，杨大伟作了讲话。", "杨大伟作", Kind.PERSON) == [("杨大伟", Kind.PERSON)]
    assert _labelled_as("赵作家中有三口人。", "赵作", Kind.PERSON) == [("赵作", Kind.PERSON)]


def test_a_country_read_as_a_person_is_the_country():
    """The labeller may read a rare country before a post as a person (某国|外长某某): a name the
    gazetteer knows as a country stays a place."""
    assert _labelled_as("国家副主席会见瑙鲁外长。", "瑙鲁", Kind.PERSON, 0.95) == [("瑙鲁", Kind.PLACE)]


def test_an_industry_word_before_a_set_phrase_describes_it():
    """高水平科技|自立自强: 科技 describes the set phrase after it; no organization 高水平科技 (nor its
    short form 高水平 elsewhere)."""
    text = "要实现高水平科技自立自强，推进高水平开放。"
    assert not [m for m in extract(_article(text)).mentions if m.kind is Kind.ORG]


def test_one_name_gets_one_kind_in_an_article():
    """A name read as two kinds in one article takes the kind its readings score most in all; a
    person's reading right after a post counts twice, so 总统|某某 outweighs a headline's place."""
    from kg.extract.mentions import one_kind_per_name

    text = "某某签署新法\n俄罗斯总统某某当天签署新法。某某说，法律明年生效。"
    at = [i for i in range(len(text)) if text.startswith("某某", i)]
    read = (Mention("t", at[0], at[0] + 2, "某某", Kind.PLACE, by="labeller", score=0.95),
            Mention("t", at[1], at[1] + 2, "某某", Kind.PERSON, by="labeller", score=0.9),
            Mention("t", at[2], at[2] + 2, "某某", Kind.PLACE, by="labeller", score=0.8),
            Mention("t", 0, 0, "", Kind.INITIATIVE, by="rules.quoted"))
    assert [m.kind for m in one_kind_per_name(text, read)] == [Kind.PERSON] * 3 + [Kind.INITIATIVE]
    untitled = text.replace("总统", "今天").replace("某某说", "某某的")
    assert [m.kind for m in one_kind_per_name(untitled, read)][:3] == [Kind.PLACE] * 3
    # a title or a speech verb beside any reading votes for the person (牧民|尼玛卓玛, 尼玛卓玛|说)
    assert [m.kind for m in one_kind_per_name(text.replace("总统", "今天"), read)][:3] == [Kind.PERSON] * 3
    assert [m.kind for m in one_kind_per_name(untitled.replace("今天某某", "牧民某某"), read)][:3] == [Kind.PERSON] * 3
    alone = read[1:2]
    assert one_kind_per_name(text, alone) == alone


def test_languages_are_no_bodies():
    """法语, 阿拉伯语 (jieba's proper nouns ending in 语) in a list of channels name languages."""
    assert _labelled_as("用英语、西班牙语、法语、阿拉伯语5个外语频道直播。", "阿拉伯语", Kind.ORG) == []
    assert _labelled_as("用英语、西班牙语、法语、阿拉伯语5个外语频道直播。", "法语", Kind.ORG) == []


def test_the_work_of_party_and_state_is_no_centre():
    """党和国家|中心工作: 中心 after the generic 党和国家 names no organization; 总台 is a suffix."""
    found = {m.text for m in extract(_article("各民主党派聚焦党和国家中心工作履职尽责。")).mentions}
    assert not any(name.endswith("中心") for name in found)
    found = {(m.text, m.kind) for m in extract(_article("南方广播电视总台推出百集特别节目。")).mentions}
    assert ("南方广播电视总台", Kind.ORG) in found


def test_a_quoted_post_or_amount_is_no_initiative():
    """“第一书记” is a post and “1亿” an amount, however often quoted; “三联机制” stays."""
    text = "干部到贫困村担任“第一书记”。1名“第一书记”驻村。三个“1亿”人工程里，第一个“1亿”已完成。推行“三联机制”，“三联机制”见效。"
    found = {m.text for m in quoted(make_doc(_article(text)))}
    assert found == {"三联机制"}


def test_a_quoted_name_ending_in_hao_is_a_product():
    """“某某二号” (a probe, a rocket) and “某某号” (a ship) are products, not initiatives; a programme
    named in quotes beside them stays."""
    text = "“探月二号”着陆器与“青山号”邮轮的消息传来，“探月二号”工作正常。“青山号”已启航。各地推行“三联机制”，“三联机制”见效。"
    assert {m.text for m in quoted(make_doc(_article(text)))} == {"三联机制"}
    assert _labelled_as("飞船将与探月二号对接。", "探月二号", Kind.PLACE) == []
    assert _labelled_as("探月二号飞船升空。", "探月二号飞船", Kind.ORG) == []
    assert _labelled_as("他住在光明三号院。", "光明三号院", Kind.PLACE) == [("光明三号院", Kind.PLACE)]
    assert _labelled_as("飞船将与探月站对接。", "探月站", Kind.PLACE) == [("探月站", Kind.PLACE)]


def test_a_divisions_short_form_is_the_division_in_its_article():
    """An article naming 荣昌区 means the district by 荣昌 alone, even where jieba reads 荣昌 as a
    person's name; an article that does not name the district gets no such place."""
    text = "荣昌区今年新增企业120家。下一步，荣昌将打造陶瓷产业集群。"
    found = [(m.text, m.kind) for m in extract(_article(text)).mentions]
    assert ("荣昌区", Kind.PLACE) in found and ("荣昌", Kind.PLACE) in found
    assert "荣昌" not in {m.text for m in extract(_article("荣昌今年新增企业120家。")).mentions if m.kind is Kind.PLACE}
    text = "荣昌区人民政府与青禾集团签约。荣昌将做好要素保障。"
    assert ("荣昌", Kind.PLACE) in [(m.text, m.kind) for m in extract(_article(text)).mentions]  # named in a body's name


def test_a_span_joining_two_bodies_with_a_partnership_word_is_cut():
    """某某委|联合|某某社: two organizations the labeller reads as one; not a joint body's own name
    (某某片区联合党委) nor a name holding the word (中国联合网络通信集团)."""
    from kg.extract import split_joined

    assert split_joined("青山县商务委联合县供销社", Kind.ORG) == [(0, "青山县商务委"), (8, "县供销社")]
    assert split_joined("青山区教委携手青山区文旅委", Kind.ORG) == [(0, "青山区教委"), (7, "青山区文旅委")]
    assert split_joined("青山商圈片区联合党委", Kind.ORG) == [(0, "青山商圈片区联合党委")]
    assert split_joined("中国联合网络通信集团", Kind.ORG) == [(0, "中国联合网络通信集团")]
    assert split_joined("青山大学联合实验室", Kind.ORG) == [(0, "青山大学联合实验室")]


def test_a_post_in_the_company_named_before_by_anaphor():
    """该公司负责人某某: the post is in the company named last, in the sentence before; not in a
    group (集团) for 该公司, nor across a sentence between."""
    rels = _relations("青山精工科技有限公司的新生产线投产。该公司负责人周明远介绍，项目用了8个月。")
    assert ("memberOf", "周明远", "青山精工科技有限公司", "负责人") in rels
    rels = _relations("青山精工集团新生产线投产。该公司负责人周明远介绍，项目用了8个月。")
    assert not any(r[0] == "memberOf" for r in rels)
    rels = _relations("青山精工科技有限公司新生产线投产。产值增长三成。该企业总经理周明远介绍了情况。")
    assert not any(r[0] == "memberOf" for r in rels)


def test_a_body_of_a_named_community_is_a_name():
    """某某社区党委 names the party committee of a named community; 社区党委, 城市社区党委 name none."""
    assert is_name("翠湖社区党委", Kind.ORG) and is_name("翠湖社区卫生服务中心", Kind.ORG)
    assert not is_name("社区党委", Kind.ORG) and not is_name("城市社区党委", Kind.ORG)
    assert not is_name("贫困地区县医院", Kind.ORG) and not is_name("山区学校", Kind.ORG)


def test_a_company_under_a_group_and_partners_in_a_list():
    """甲是乙旗下企业 makes 甲 a unit of 乙; 甲与乙、丙联合攻关 makes both partners of 甲."""
    rels = _relations("青禾精工有限公司是青禾装备集团有限公司旗下企业。")
    assert ("subOrganizationOf", "青禾精工有限公司", "青禾装备集团有限公司", None) in rels
    rels = _relations("该产线由青禾精工有限公司与青山科技有限公司、青山大学联合攻关。")
    assert {r[2] for r in rels if r[0] == "partnerOf" and r[1] == "青禾精工有限公司"} == {"青山科技有限公司", "青山大学"}
    assert not any(r[0] == "partnerOf" for r in _relations("青山区教委和青山区图书馆的负责人出席。"))


def test_a_typed_list_starts_after_a_preposition():
    """该院还与甲、乙等单位合作: the first member starts after 与, not at 该院."""
    found = {m.text for m in extract(_article("此外，该院还与青山学院法学院、青山区司法局等单位合作。"), ("enumerations",)).mentions}
    assert "青山学院法学院" in found and not any(name.startswith("该院") for name in found)


def test_member_of_with_a_project_manager_post():
    """Posts of companies' staff (项目经理, 车间主任, 工程师) link a person to the company before them."""
    rels = _relations("青禾建设发展集团有限公司项目经理周明远说，游客很多。")
    assert ("memberOf", "周明远", "青禾建设发展集团有限公司", "项目经理") in rels


def test_a_datelines_reporters_are_members_of_the_agency():
    """某某社北京11月26日电（记者 甲、乙）: both reporters are members of the agency, role 记者; a dateline
    quoted inside a sentence is no dateline."""
    text = "青山通讯社北京11月26日电（记者 周明远、孟雪松）记者26日获悉，青山区教委今年新建学校5所。"
    found = {(r[1], r[2], r[3]) for r in _relations(text, None) if r[0] == "memberOf"}
    assert found == {("周明远", "青山通讯社", "记者"), ("孟雪松", "青山通讯社", "记者")}
    assert not any(r[0] == "memberOf" for r in _relations("他说" + text, None))


def test_a_review_office_is_a_unit_and_huitong_makes_partners():
    """某委第五监督检查室 is a unit of 某委; 甲会同乙、丙 makes partners without a confirming word."""
    rels = _relations("记者从青山区纪委监委获悉，青山区纪委监委第五监督检查室会同青山区财政局、青山区审计局开展专项检查。", None)
    assert ("subOrganizationOf", "青山区纪委监委第五监督检查室", "青山区纪委监委", None) in rels
    assert ("partnerOf", "青山区纪委监委第五监督检查室", "青山区财政局", None) in rels
    assert ("partnerOf", "青山区纪委监委第五监督检查室", "青山区审计局", None) in rels


def test_bodies_around_a_preposition_and_a_credit_by_phrase():
    """某某委|以|区人民医院为龙头: two bodies; (图片由某某委提供) credits 某某委; 镇街卫生院 is generic."""
    from kg.extract import split_joined
    from kg.extract.rules import photo_credits

    assert split_joined("青山区卫生健康委以区人民医院", Kind.ORG) == [(0, "青山区卫生健康委"), (9, "区人民医院")]
    assert split_joined("青山市人民政府对外友好协会", Kind.ORG) == [(0, "青山市人民政府对外友好协会")]
    credits = [m.text for m in photo_credits(make_doc(_article("群众排队体检。(图片由青山区卫生健康委提供)")))]
    assert credits == ["青山区卫生健康委"]
    assert not is_name("镇街卫生院", Kind.ORG)


def test_organizers_by_you_past_a_cue_inside_a_name():
    """“某某”由甲组织部、乙委联合主办: 组织 inside 组织部 is no cue; every body listed organizes it; 由于
    is no 由."""
    text = "“青山夜校”由县委组织部、县农业农村委联合主办，聘请专家授课。“青山夜校”很受欢迎。"
    found = {r[2] for r in _relations(text, None) if r[0] == "organizer" and r[1] == "青山夜校"}
    assert found == {"县委组织部", "县农业农村委"}
    text = "“青山书房”由于场地原因，由青山区图书馆牵头建设。“青山书房”开放了。"
    assert {r[2] for r in _relations(text, None) if r[0] == "organizer"} == {"青山区图书馆"}


def test_an_event_name_runs_over_a_place_the_labeller_reads():
    """北碚·金刀|峡 (jieba cuts the place apart): the event's name takes in the place the labeller reads."""
    found = _found("12月1日,2026重庆北碚·金刀峡半程马拉松在金刀峡镇鸣枪开跑。", None)
    assert ("2026重庆北碚·金刀峡半程马拉松", Kind.INITIATIVE) in found


def test_an_event_name_leaves_out_a_title_mark_the_labeller_reads():
    doc = make_doc(_article("消息：《二十国集团领导人青州峰会成果文件选编》出版。"))
    doc = replace(doc, labels=((3, 9, Kind.ORG, 0.83),))  # 《二十国集团
    from kg.extract.rules import events

    assert [m.text for m in events(doc)] == ["二十国集团领导人青州峰会"]


def test_a_suffix_name_does_not_start_with_a_conjunction():
    assert not [n for n, k in _found("要完善和落实城镇小区配套幼儿园的政策。", ("suffix_names",)) if n.startswith(("和", "落实"))]


def test_a_place_starts_after_a_verb_jieba_cuts_in_two():
    from kg.extract.spans import labelled

    text = "道路起于青州东站，止于古南街道滨河东路。"
    doc = replace(make_doc(_article(text)), labels=((9, 15, Kind.PLACE, 0.9),))  # 止于古南街道
    assert [m.text for m in labelled(doc)] == ["古南街道"]


def test_a_project_opening_a_clause_after_an_ascii_comma():
    found = _found("本报讯 11月30日,青州东站连接道路工程建成通车。", ("programmes",))
    assert ("青州东站连接道路工程", Kind.INITIATIVE) in found


def test_an_edition_number_names_an_event():
    """第五届西部农产品博览会: the edition names a recurring event (a direction word opens it); without
    an edition or a proper name, 乡村美食节 is no name."""
    found = {m.text for m in extract(_article("第五届西部农产品博览会开幕。第三届乡村美食节开幕。"), ("events",)).mentions}
    assert found == {"西部农产品博览会", "乡村美食节"}
    assert not extract(_article("乡村美食节开幕。"), ("events",)).mentions
    first = {m.text for m in extract(_article("首届乡村美食节开幕。"), ("events",)).mentions}
    assert first == {"乡村美食节"}  # 首届 is the first edition


def test_a_place_read_whole_once_is_found_whole_again():
    """A suffixed place the labeller reads whole and sure once is the same name where it occurs again."""
    from dataclasses import replace as with_labels

    from kg.extract.rules import short_forms

    text = "列车驶入青山西站。从华岩新城到青山西站只要25分钟。"
    first = text.index("青山西站")
    read = (Mention("t", first, first + 4, "青山西站", Kind.PLACE, by="labeller", score=0.97),)
    doc = with_labels(make_doc(_article(text)), labels=())
    again = [(m.start, m.text) for m in short_forms(doc, read)]
    assert again == [(text.index("青山西站", first + 1), "青山西站")]
    unsure = (Mention("t", first, first + 4, "青山西站", Kind.PLACE, by="labeller", score=0.6),)
    assert short_forms(doc, unsure) == []


def test_a_bare_company_word_after_quoted_speech_points_back():
    """“……。”公司总经理助理某某说: 公司 opening the clause is the company named before the quote; 公司
    at the end of another company's name is no anaphor."""
    text = "走进青山精工有限公司，机械臂正在抓取零件。“现在只需要5人。”公司总经理助理周明远说。"
    assert ("memberOf", "周明远", "青山精工有限公司", "总经理助理") in _relations(text)
    text = "青山精工有限公司投产。青禾科技有限公司总经理周明远出席。"
    assert ("memberOf", "周明远", "青山精工有限公司", "总经理") not in _relations(text)


def test_the_next_sentence_says_who_runs_the_initiative():
    """“某某”读书节开幕。活动由甲、乙主办: both organize the initiative of the sentence before; a
    sentence that opens otherwise does not."""
    text = "青山区第二届“书香青山”读书节开幕。活动由青山区委宣传部、青山区文化旅游委主办，持续一个月。“书香青山”已办两届。"
    found = {r[2] for r in _relations(text, None) if r[0] == "organizer" and r[1] == "书香青山"}
    assert found == {"青山区委宣传部", "青山区文化旅游委", "青山区"}  # 青山区 named before the edition, too
    text = "青山区第二届“书香青山”读书节开幕。会议由青山区委宣传部主办。“书香青山”已办两届。"
    assert not any(r[0] == "organizer" and r[2] == "青山区委宣传部" for r in _relations(text, None))


def test_an_anaphor_before_a_partnership_cue_is_the_body_named_before():
    """该院与乙签署合作协议: 该院 is the hospital of the sentence before; 该院和乙的专家 is no partnership."""
    text = "青山区人民医院今年接诊10万人次。该院与青山医科大学签署合作协议。"
    assert ("partnerOf", "青山区人民医院", "青山医科大学", None) in _relations(text, None)
    text = "青山区人民医院今年接诊10万人次。该院和青山医科大学的专家出席。"
    assert not any(r[0] == "partnerOf" for r in _relations(text, None))


def test_a_bracketed_lead_byline_names_its_people():
    """本报讯(记者 甲 通讯员 乙)…: both are people of the byline, at their own offsets."""
    from kg.extract.rules import bylines

    text = "### 标题\n\n本报讯(记者 周明远 通讯员 孟雪松)11月19日，青山区开展活动。"
    found = [(m.text, text[m.start:m.end]) for m in bylines(make_doc(_article(text)))]
    assert found == [("周明远", "周明远"), ("孟雪松", "孟雪松")]


def test_partners_with_an_adverb_before_the_cue():
    """甲还与乙签订合作协议: the adverb does not hide the partnership."""
    rels = _relations("据了解，青山区卫生健康委还与青山医科大学附属医院签订合作协议，共建胸痛中心。", None)
    assert ("partnerOf", "青山区卫生健康委", "青山医科大学附属医院", None) in rels


def test_a_shopping_district_is_a_place_and_a_quoted_list_no_place():
    """某某商圈 is a place; “进景区、进商圈” is a list in quotes, not one place."""
    found = {(m.text, m.kind) for m in extract(_article("活动在青山商圈启幕，持续三个月。")).mentions}
    assert ("青山商圈", Kind.PLACE) in found
    text = "推动“体育赛事进景区、进街区、进商圈”，“体育赛事进景区、进街区、进商圈”成效明显。"
    assert not any(m.kind is Kind.PLACE for m in quoted(make_doc(_article(text))))


def test_a_labelled_name_starts_after_a_preposition_inside_it():
    """美食节由区商务委员会主办: the labeller's span across 由 keeps only the body after it."""
    orgs = {m.text for m in extract(_article("美食节由区商务委员会主办。")).mentions if m.kind is Kind.ORG}
    assert orgs == {"区商务委员会"}


def test_an_event_name_opens_with_the_street_the_labeller_reads():
    """首届望岭路夜市美食节: 望 (a verb to jieba) opens the street the labeller reads, so it stays."""
    found = {m.text for m in extract(_article("本月开幕的首届望岭路夜市美食节吸引游客。")).mentions if m.kind is Kind.INITIATIVE}
    assert found == {"望岭路夜市美食节"}


def test_a_verb_saying_what_a_cooperative_does_is_inside_its_name():
    found = {m.text for m in extract(_article("由青州新寨咖啡种植专业合作社统一收购。")).mentions if m.kind is Kind.ORG}
    assert found == {"青州新寨咖啡种植专业合作社"}


def test_a_labelled_company_starts_after_qixia():
    """某某酒业旗下某某酒庄有限公司: 旗下 says whose company it is; it is no part of the name."""
    orgs = {m.text for m in extract(_article("青禾酒业旗下宁夏青岚酒庄有限公司总经理王立新说。")).mentions if m.kind is Kind.ORG}
    assert "宁夏青岚酒庄有限公司" in orgs and not any("旗下" in o for o in orgs)


def test_a_list_of_sports_is_no_list_of_projects():
    found = extract(_article("选手参加山地越野跑、攀岩、皮划艇等8个项目的角逐。"), ("enumerations",)).mentions
    assert not found


@pytest.mark.parametrize(("text", "plans"), [
    ("该市按照《青州市氢能产业发展规划》推进。", {"青州市氢能产业发展规划"}),
    ("印发《规划纲要》。", set()),  # too short to name one plan
    ("印发《关于深化青州改革的实施方案》。", set()),  # a decision's long title
    ("签订《青江生态保护协作框架协议》。", set()),  # an agreement is a document
])
def test_plans_in_title_marks_are_initiatives(text, plans):
    assert {m.text for m in extract(_article(text), ("titled_plans",)).mentions} == plans


@pytest.mark.parametrize(("text", "events"), [
    ("将举办第五届青州啰儿调山歌节。", {"青州啰儿调山歌节"}),  # whatever words jieba makes of it
    ("首届全国青年运动会开幕。", {"全国青年运动会"}),
    ("第九届亚冬会比赛开始。", set()),  # the games of an event
    ("第十四届全国人民代表大会开幕。", set()),  # a congress is no event
    ("今年举办首届青溪康养季，吸引游客。", {"青溪康养季"}),  # a season of activities (季) ends the name
    ("第二届青溪讲堂一季度开讲。", set()),  # 季度 is one word: no 季 ends there
])
def test_an_edition_number_names_an_event_whatever_its_words(text, events):
    assert {m.text for m in extract(_article(text), ("edition_events",)).mentions} == events


def test_a_place_ends_before_a_building_number():
    places = {m.text for m in extract(_article("食堂设在望岭小区1号楼底楼。")).mentions if m.kind is Kind.PLACE}
    assert places == {"望岭小区"}


def test_a_verb_opens_a_name_the_article_gives_a_township():
    """渡|舟新材料产业园 beside 渡舟街道: 渡 (a verb to jieba) opens the park's name."""
    text = "长寿区渡舟街道开展整改。在渡舟新材料产业园内,督察人员采集水样。"
    assert "渡舟新材料产业园" in {m.text for m in extract(_article(text)).mentions}


def test_a_trade_association_of_a_district_is_a_name():
    orgs = {m.text for m in extract(_article("青禾餐饮总经理、永川区餐饮行业协会副会长周立军说。")).mentions if m.kind is Kind.ORG}
    assert "永川区餐饮行业协会" in orgs


def test_names_inside_an_unquoted_project_or_plan_stay_mentions():
    """青州区|通惠大桥改造工程, 《|青州市|氢能产业发展规划》: the project or plan and the names inside it."""
    found = {(m.text, m.kind) for m in extract(_article("近日，永川区通惠大桥改造工程正式开工。")).mentions}
    assert {("永川区通惠大桥改造工程", Kind.INITIATIVE), ("永川区", Kind.PLACE)} <= found
    found = {(m.text, m.kind) for m in extract(_article("该市编写《邓小平理论学习纲要》。")).mentions}
    assert {("邓小平理论学习纲要", Kind.INITIATIVE), ("邓小平", Kind.PERSON)} <= found


@pytest.mark.parametrize(("text", "places"), [
    ("二期工程将向渝铜村社区延伸。", {"渝铜村社区"}),  # a community named after a village
    ("将在永安镇、沙坪镇等柑橘主产镇建设标准化基地。", {"永安镇", "沙坪镇"}),  # 主产镇 is no name
])
def test_place_names_of_communities_and_generic_towns(text, places):
    assert {m.text for m in extract(_article(text)).mentions if m.kind is Kind.PLACE} == places


def test_no_name_runs_across_an_ascii_colon():
    found = {m.text for m in extract(_article("### 青山西沱:调解工作室开进老街")).mentions}
    assert not any(":" in name for name in found)


def test_a_place_the_labeller_reads_takes_the_settlement_word_after_it():
    places = {m.text for m in extract(_article("巫溪县宁厂镇衡家涧社区的车间里,村民正在缝制盐袋。")).mentions if m.kind is Kind.PLACE}
    assert "衡家涧社区" in places


def test_a_company_after_its_owners_word_and_a_bureau_with_he_inside():
    orgs = {m.text for m in extract(_article("青穗种业的全资子公司宁晋青穗良种繁育有限公司负责生产。")).mentions if m.kind is Kind.ORG}
    assert "宁晋青穗良种繁育有限公司" in orgs
    orgs = {m.text for m in extract(_article("雅安市文化广电旅游局联合甘孜藏族自治州文化广播电视和旅游局推出线路。")).mentions}
    assert "甘孜藏族自治州文化广播电视和旅游局" in orgs
    orgs = {m.text for m in extract(_article("工商银行和建设银行都在这里开设网点。")).mentions}
    assert {"工商银行", "建设银行"} <= orgs


def test_a_companys_trade_name_wins_over_a_person_reading():
    text = "食材由重庆渝鲜达农产品配送有限公司统一配送。渝鲜达还与社区党委签订共建协议。"
    found = {(m.text, m.kind) for m in extract(_article(text)).mentions}
    assert ("渝鲜达", Kind.ORG) in found and ("渝鲜达", Kind.PERSON) not in found


@pytest.mark.parametrize(("text", "orgs"), [
    ("”重庆青岭理工学院研究生、重庆微澜智控科技有限公司创始人罗一帆说。", {"重庆青岭理工学院", "重庆微澜智控科技有限公司"}),
    ("经查,蓝湾公司系海南青澜海洋科技集团有限公司全资子公司。", {"蓝湾公司", "海南青澜海洋科技集团有限公司"}),
    ("橙远冷链是重庆渝果供应链集团有限公司旗下子公司。", {"橙远冷链", "重庆渝果供应链集团有限公司"}),
])
def test_a_members_word_after_an_organization_is_no_part_of_its_name(text, orgs):
    assert {m.text for m in extract(_article(text)).mentions if m.kind is Kind.ORG} == orgs


def test_a_declared_short_form_read_by_its_suffix_keeps_its_full_name():
    text = "贷款来自青州融信村镇银行股份有限公司(以下简称融信银行)。融信银行还推出新产品。"
    forms = [(m.text, m.alias) for m in extract(_article(text)).mentions if m.text == "融信银行"]
    assert forms and all(alias == "青州融信村镇银行股份有限公司" for _, alias in forms)


def test_a_company_after_a_bracket_that_opened_before_the_span():
    text = "基地由青程汽车集团股份有限公司(以下简称青程汽车)全资子公司湖北青程新能源汽车有限公司投资建设。"
    assert "湖北青程新能源汽车有限公司" in {m.text for m in extract(_article(text)).mentions}


@pytest.mark.parametrize(("text", "places"), [
    ("航班从大连周水子国际机场起飞。", {"大连周水子国际机场"}),  # the city opens the airport's name
    ("荣昌区广顺街道濑溪河畔的鹭汀湾湿地公园正式开园。", {"荣昌区", "广顺街道", "濑溪河", "鹭汀湾湿地公园"}),  # 畔的
    ("### 荣昌:鹭汀湾湿地公园开园迎客", {"鹭汀湾湿地公园"}),  # 开园 opens the park
    ("东兴市还将与越南芒街市商讨共建跨境农产品集散中心。", {"东兴市", "越南", "芒街市"}),  # a country before a foreign city
    ("林区紧邻大觉山景区和马头山。", {"大觉山景区", "马头山"}),  # the scenic area named after the mountain
    ("公园从忠县长江大桥桥头向东延伸。", {"忠县长江大桥"}),  # the bridge named after the county
    ("位于上海市静安区彭浦新村街道的长者之家揭牌。", {"上海市", "静安区", "彭浦新村街道"}),  # a township ending in 村街道
    ("去年底开园以来已引进动画制作、游戏研发等企业42家。", set()),  # kinds of firms; 开园 alone
])
def test_place_names_end_before_what_is_said_of_them(text, places):
    assert {m.text for m in extract(_article(text)).mentions if m.kind is Kind.PLACE} == places


def test_a_byline_with_two_outlets_roles():
    text = "标题\n光明日报记者 樊守拙 光明日报通讯员 冀小禾\n正文。"
    assert {"樊守拙", "冀小禾"} <= {m.text for m in extract(_article(text)).mentions if m.kind is Kind.PERSON}


def test_a_long_plan_in_title_marks():
    text = "阳城县印发《阳城县传统村落保护利用三年行动方案》。"
    assert "阳城县传统村落保护利用三年行动方案" in {m.text for m in extract(_article(text)).mentions}


def test_a_schools_canteen_is_the_school():
    found = {(m.text, m.kind) for m in extract(_article("9月12日中午,綦江区文龙街道的文溪实验小学食堂里,家长代表刘桂芝戴上口罩。")).mentions}
    assert ("文溪实验小学", Kind.ORG) in found and not any(name.endswith("食堂") for name, _ in found)


def test_rivers_listed_as_tributaries_and_a_craftsman_by_role():
    text = "甘肃省陇南市白龙江干流及月河、岚河、任河等主要支流进入禁渔期。"
    places = {m.text for m in extract(_article(text)).mentions if m.kind is Kind.PLACE}
    assert {"月河", "岚河", "任河"} <= places
    people = {m.text for m in extract(_article("”今年68岁的松溉镇石匠衡文斌被请来担任技术顾问。")).mentions if m.kind is Kind.PERSON}
    assert people == {"衡文斌"}


def test_no_name_opens_with_an_amount():
    text = "新政发布当天,公司宣布投资2亿元建设大型矿山装备保税维修中心。"
    assert not any("元" in m.text for m in extract(_article(text)).mentions)


def test_verbs_between_nouns_inside_a_projects_name():
    found = {m.text for m in extract(_article("永宁桥修缮是松溉古镇历史风貌保护提升工程的重点项目。")).mentions if m.kind is Kind.INITIATIVE}
    assert found == {"松溉古镇历史风貌保护提升工程"}


def test_a_floor_and_a_post_are_no_part_of_names():
    text = "6月18日,北碚区石井坡街道光荣坡社区党群服务中心一楼,社区法律援助工作站揭牌。"
    assert not any(m.text.endswith("一楼") for m in extract(_article(text)).mentions)
    people = {m.text for m in extract(_article("凭祥海关副关长梁静怡介绍。")).mentions if m.kind is Kind.PERSON}
    assert people == {"梁静怡"}


def test_a_service_hall_is_the_body_and_a_grower_is_a_role():
    orgs = {m.text for m in extract(_article("在青州市住房公积金管理中心青南县管理部服务大厅,骑手正在办理手续。")).mentions
            if m.kind is Kind.ORG}
    assert orgs == {"青州市住房公积金管理中心青南县管理部"}
    people = {m.text for m in extract(_article("”家住长期镇竹坪村的竹农宗立新说。")).mentions if m.kind is Kind.PERSON}
    assert people == {"宗立新"}


@pytest.mark.parametrize(("text", "initiative", "organizers"), [
    # partners after 与 share the initiative when a cooperation word follows them; a place qualifying one is passed over
    ("目前,青禾科技已与青州材料研究院、江州市湘南区的江州云晶陶瓷有限公司共建“固态电池创新联合体”,共同攻关难题。",
     "固态电池创新联合体", {"青禾科技", "青州材料研究院", "江州云晶陶瓷有限公司"}),
    ("青石合作社还与中国农业银行青山区支行合作推出“青米贷”,今年已发放贷款860万元。",
     "青米贷", {"青石合作社", "中国农业银行青山区支行"}),
    # a by-clause with 打造; the 建设 of a company's name is no verb
    ("“湖畔星集”夜市今年开市,由青山街道党工委、青山区商务委员会联合打造。",
     "湖畔星集", {"青山街道党工委", "青山区商务委员会"}),
    # those who build it, written before it (牵头建设的, 研发的)
    ("这得益于青山区人民医院牵头建设的“青医云诊”远程诊断平台。", "青医云诊", {"青山区人民医院"}),
    # every body of 由甲、乙主办,丙承办的…, not only the last one
    ("今年10月,由青山县文化和旅游发展委员会、青山县农业农村委员会主办,包鸾镇人民政府承办的第二届青山牛肉美食节将在包鸾镇举行。",
     "青山牛肉美食节", {"青山县文化和旅游发展委员会", "青山县农业农村委员会", "包鸾镇人民政府"}),
    # 本届节会 stands for the festival named before it
    ("4月12日,第六届汉水茶韵文化旅游节在青山县开幕。本届节会由青山市人民政府主办,青山县人民政府承办。",
     "汉水茶韵文化旅游节", {"青山市人民政府", "青山县人民政府"}),
    # 引入乙运营: who is brought in to run it runs it (not the company a branch's name opens)
    ("今年初,青山街道推出“颐养青山”养老服务计划,由街道提供场地,引入青禾居家养老服务有限公司青山分公司运营。",
     "颐养青山", {"青山街道", "青禾居家养老服务有限公司青山分公司"}),
])
def test_extract_organizers_with_partners_and_by_phrases(text, initiative, organizers):
    found = {r[2] for r in _relations(text, None) if r[0] == "organizer" and r[1] == initiative}
    assert found == organizers


def test_extract_organizer_of_a_head_noun_sentence_and_a_level_anaphor():
    text = ("冉秋菊参加的是“云上农播”直播电商人才培训班。培训班由青山区商务委员会主办,青禾星空文化传媒有限公司承办,"
            "学员来自龙角镇。")
    found = {r[2] for r in _relations(text, None) if r[0] == "organizer" and r[1] == "云上农播"}
    assert found == {"青山区商务委员会", "青禾星空文化传媒有限公司"}
    text = "双河镇位于武隆区。双河镇党委书记陈德明介绍,镇里搭建了“木根云集”电商直播平台,培训村民主播46人。"
    assert ("organizer", "木根云集", "双河镇", None) in _relations(text, None)


def test_extract_sub_organizations_named_or_stated():
    rels = _relations("加氢站由青州氢晟能源科技有限公司投资建设,其全资子公司青山氢晟加氢站运营有限公司负责日常运营。", None)
    assert ("subOrganizationOf", "青山氢晟加氢站运营有限公司", "青州氢晟能源科技有限公司", None) in rels
    rels = _relations("青禾种业股份有限公司是青州农业发展集团有限公司的控股子公司。", None)
    assert ("subOrganizationOf", "青禾种业股份有限公司", "青州农业发展集团有限公司", None) in rels
    # the company a branch's name opens is a name of its own, and the branch's parent
    text = "青州峡通信息技术有限公司青山分公司搭建的“汛情哨兵”平台,3分钟内推送预警短信1800余条。"
    rels = _relations(text, None)
    assert ("subOrganizationOf", "青州峡通信息技术有限公司青山分公司", "青州峡通信息技术有限公司", None) in rels
    assert {r[2] for r in rels if r[0] == "organizer"} == {"青州峡通信息技术有限公司青山分公司"}
    # a branch named by its parent's short form
    text = ("驿站由青山区社区卫生服务中心与青州康语医疗管理有限公司合作运营。"
            "康语医疗青山分公司派驻2名全科医生常驻驿站。")
    rels = _relations(text, None)
    assert ("subOrganizationOf", "康语医疗青山分公司", "青州康语医疗管理有限公司", None) in rels


@pytest.mark.parametrize(("text", "unit", "owner"), [
    ("常州青禾电驱科技股份有限公司投资5亿元,在园区建设生产基地,并成立全资子公司青山青禾电驱科技有限公司,主要生产电驱系统。",
     "青山青禾电驱科技有限公司", "常州青禾电驱科技股份有限公司"),
    ("青州海洋发展集团有限公司是县属国有企业,旗下青州渔业服务有限公司负责为养殖户统一提供苗种。",
     "青州渔业服务有限公司", "青州海洋发展集团有限公司"),
    ("为服务企业开展跨境贸易,海口海关所属文昌海关推出“椰果快检”通关模式。", "文昌海关", "海口海关"),
    ("青州公交集团是市属国有企业,旗下有端州分公司、鼎湖分公司和高新分公司3家运营分公司。", "鼎湖分公司", "青州公交集团"),
    ("青州理工学院副校长林振宇说,联合研究院由学校机械工程学院院长陈思远担任院长。", "机械工程学院", "青州理工学院"),
    ("浙江青禾农业发展集团有限公司在当地设立的全资子公司——阿坝青禾果业有限公司落户工业集中区。",
     "阿坝青禾果业有限公司", "浙江青禾农业发展集团有限公司"),
    ("江苏青禾智能装备股份有限公司将通过旗下全资子公司重庆青禾精密机械有限公司入驻产业城。",
     "重庆青禾精密机械有限公司", "江苏青禾智能装备股份有限公司"),
    ("2021年,青山县农业投资发展集团有限公司出资控股成立青山绿源农业发展有限公司,在青山镇建设基地。",
     "青山绿源农业发展有限公司", "青山县农业投资发展集团有限公司"),
    ("位于工业园区的青州富硒农业科技有限公司,由青州市农业投资集团有限公司控股,主要从事富硒农产品收购。",
     "青州富硒农业科技有限公司", "青州市农业投资集团有限公司"),
    ("青州农业发展有限公司流转土地3.6万亩,旗下设有青州农业发展有限公司电子商务分公司和全资子公司青州稻米业有限公司。",
     "青州稻米业有限公司", "青州农业发展有限公司"),
])
def test_extract_subsidiaries_stated_without_its(text, unit, owner):
    """旗下乙, 成立全资子公司乙, 出资控股成立乙, 乙…由甲控股, 旗下设有丙和全资子公司乙: 乙 is 甲's."""
    assert ("subOrganizationOf", unit, owner, None) in _relations(text, None)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a bureau's name the labeller cut before its 和; two bodies a 和 joins stay apart
    ("疏附县文化体育广播电视和旅游局局长韩明说,今年游客增加。", {("疏附县文化体育广播电视和旅游局", Kind.ORG)}, set()),
    ("俄央行和财政部能够控制当前的局势。", {("俄央行", Kind.ORG), ("财政部", Kind.ORG)}, {("俄央行和财政部", Kind.ORG)}),
    # a name written with a middle dot, after a role or post
    ("乐器艺人买买提·吐尔地正在制作一把琴。", {("买买提·吐尔地", Kind.PERSON)}, set()),
    ("县文旅局局长热合曼·阿不都拉说,今年游客增加。", {("热合曼·阿不都拉", Kind.PERSON)}, set()),
    ("“一天能卖出两吨。”某某电子商务公司总经理阿不都热合曼·吐尔逊在视频连线中说。",
     {("阿不都热合曼·吐尔逊", Kind.PERSON)}, {("阿不都", Kind.PERSON)}),
    # a township before 联合 and a body: two names, a place and an organization
    ("今年,清升镇联合荣昌区农业农村委员会推出民宿提升计划。",
     {("清升镇", Kind.PLACE), ("荣昌区农业农村委员会", Kind.ORG)}, {("清升镇联合荣昌区农业农村委员会", Kind.ORG)}),
    # events by edition number whose end is no 节 or 赛 (a 对 inside 对接会 is no cut)
    ("由青山区农业农村局主办的第三届六盘山冷凉蔬菜产销对接会在彭堡镇举行。",
     {("六盘山冷凉蔬菜产销对接会", Kind.INITIATIVE)}, set()),
    ("第二届溶溪金银花文化旅游季开幕。", {("溶溪金银花文化旅游季", Kind.INITIATIVE)}, set()),
    # a quoted slogan of two parts ends in a place's suffix but names no place
    ("今年以来,青山市实施“六盘冷凉菜·鲜供大湾区”产销对接行动。", {("六盘冷凉菜·鲜供大湾区", Kind.INITIATIVE)}, set()),
    # a count opens no name; a motion verb does not either
    ("今年以来已有120余所学校的学生到此研学。", set(), {("120余所学校", Kind.ORG), ("学校", Kind.ORG)}),
    ("全市蔬菜年产量达180万吨,近四成销往粤港澳大湾区。", {("粤港澳大湾区", Kind.PLACE)}, {("近四成销往粤港澳大湾区", Kind.PLACE)}),
    # a district's short form before a township of it: two places
    ("本报讯 走进荣昌清升镇的古佛山脚下,民宿正在建设。", {("荣昌", Kind.PLACE), ("清升镇", Kind.PLACE)}, {("荣昌清升镇", Kind.PLACE)}),
    # Tibetan and Mongolian names of two parts, which the labeller reads as their first part
    ("牧民索南才让正在放牧。", {("索南才让", Kind.PERSON)}, {("索南", Kind.PERSON)}),
    ("牧民额尔敦毕力格骑着摩托车查看自家草场。", {("额尔敦毕力格", Kind.PERSON)}, {("额尔敦", Kind.PERSON)}),
    # a suffix jieba cuts in two (嘎|查); the ordinary word after the place and its 的 is no place
    ("初夏时节,锡林郭勒盟西乌珠穆沁旗巴彦花镇巴彦乌拉嘎查的草场一片新绿。",
     {("巴彦乌拉嘎查", Kind.PLACE)}, {("巴彦", Kind.PLACE), ("草场", Kind.PLACE)}),
    # quoted varieties and products are no initiatives; a brand is one
    ("公司与某某农业科学研究院签订技术合作协议,引进“春见”“沃柑”等晚熟品种6个。推出“巴渝鲜”系列产品,打造“青山优品”品牌。",
     {("青山优品", Kind.INITIATIVE)}, {("春见", Kind.INITIATIVE), ("沃柑", Kind.INITIATIVE), ("巴渝鲜", Kind.INITIATIVE)}),
    # a township's industrial zone, ordinary words after the township: one place (a suffix jieba cuts: 工业|集中区)
    ("冷链分拣中心在钱塘镇工业集中区投用。", {("钱塘镇工业集中区", Kind.PLACE)}, {("工业集中区", Kind.PLACE)}),
    # "within the township" (镇内) opens no village's name; 联合 before it is a verb, no township
    ("乡村美食大集由涞滩镇联合镇内二佛村、双龙湖村等村的集体经济组织共同举办。",
     {("二佛村", Kind.PLACE), ("双龙湖村", Kind.PLACE)}, {("联合镇", Kind.PLACE), ("内二佛村", Kind.PLACE), ("镇内二佛村", Kind.PLACE)}),
    # a regional page's headline opens with the township's short form and a colon: a place
    ("### 洪安:“一脚踏三省”的法庭探索\n\n洪安镇地处三省市交界,素有“一脚踏三省”之称。",
     {("洪安", Kind.PLACE)}, {("洪安", Kind.PERSON), ("一脚踏三省", Kind.INITIATIVE)}),
    # a court's name the labeller cut short leaves no bare 人民法庭
    ("洪安法庭与松桃苗族自治县人民法院迓驾人民法庭共同建立“边城联调”机制。",
     {("松桃苗族自治县人民法院", Kind.ORG)}, {("人民法庭", Kind.ORG)}),
    # a place at the end of a quoted slogan is no short form of it (“健康金刀峡”)
    ("医生主动报名来到金刀峡。卫生院还将开展“健康金刀峡”家庭医生签约服务。", set(), {("金刀峡", Kind.INITIATIVE)}),
    # a Tibetan name of two parts, the adverb after it read into it
    ("藏族种植户才让卓玛正和工人们一起采摘。", {("才让卓玛", Kind.PERSON)}, {("卓玛正", Kind.PERSON)}),
    # a dotted name the labeller read up to its dot, or short of the part after it
    ("团队里还有博士研究生阿卜杜热依木·买买提,负责材料的低温老化测试。", {("阿卜杜热依木·买买提", Kind.PERSON)}, set()),
    ("“时间缩短了两天。”某某国际货运代理有限公司总经理依明江·托乎提说。", {("依明江·托乎提", Kind.PERSON)}, set()),
    ("美国专家希拉·威曼女士在为中国大学生上课。", {("希拉·威曼", Kind.PERSON)}, {("希拉·威曼女士", Kind.PERSON)}),
    # a short form, 联合 and a university: two organizations
    ("施工中,湘资生态联合湘中理工大学研发出修复技术。", {("湘资生态", Kind.ORG), ("湘中理工大学", Kind.ORG)},
     {("湘资生态联合湘中理工大学", Kind.ORG)}),
    ("今年,神山边贸与尼泊尔喜马拉雅联合贸易有限公司签订年度供货协议。", {("尼泊尔喜马拉雅联合贸易有限公司", Kind.ORG)},
     {("贸易有限公司", Kind.ORG)}),  # 联合 inside a name
    ("“现在最快20分钟就能放行。”拉萨海关所属普兰海关副关长扎西平措说。", {("扎西平措", Kind.PERSON)},
     {("关长扎西平措", Kind.PERSON)}),  # a post read into a four-character name
    # a city, a verb jieba tags as a noun (启动/vn), then the project's name
    ("2021年,冷水江市启动锡矿山区域生态修复工程,项目总投资18.6亿元。", {("锡矿山区域生态修复工程", Kind.INITIATIVE)},
     {("冷水江市启动锡矿山区域生态修复工程", Kind.INITIATIVE)}),
    # a group's 旗下公司 is no name; a district, a township's short form and a colon open a headline
    ("青山渤通集装箱码头有限公司是中国港口集团旗下公司。", {("中国港口集团", Kind.ORG)}, {("中国港口集团旗下公司", Kind.ORG)}),
    ("### 巴南李家沱:校企“订单班” 学生未毕业先“上岗”\n\n本报讯 巴南区李家沱街道的学校开班。",
     {("李家沱", Kind.PLACE)}, {("李家沱", Kind.PERSON)}),
    # a people (哈尼|族) is no person; 改造|成 is a verb and its result, no place; an old street is a place
    ("碧溪镇中心小学的哈尼族学生还表演了采茶舞。", {("碧溪镇中心小学", Kind.ORG)}, {("哈尼", Kind.PERSON)}),
    ("将一处闲置多年的锅炉房改造成社区图书室。", set(), {("成社区", Kind.PLACE)}),
    ("第三届合川非遗美食文化节上月在文峰古街举行。", {("文峰古街", Kind.PLACE)}, {("文峰", Kind.PLACE)}),
    # a customs office and the one it belongs to; a share's verb (控股51%) is no part of a name
    ("为服务企业开展跨境贸易,海口海关所属文昌海关推出“椰果快检”通关模式。", {("海口海关", Kind.ORG), ("文昌海关", Kind.ORG)},
     {("海口海关所属文昌海关", Kind.ORG)}),
    ("根据协议,新公司由青禾实业控股51%,暹罗椰业集团持股49%。", {("青禾实业", Kind.ORG)}, {("青禾实业控股", Kind.ORG)}),
    # a list typed by its field and 企业; a verb before the first name, and one inside it (吸引|松辽能投)
    ("先后引进云栖数智、极链软件、星图智造、渝算科技等数字经济企业126家。", {("极链软件", Kind.ORG), ("渝算科技", Kind.ORG)}, set()),
    ("白城市推出“氢动白城”行动计划,吸引松辽能投、北方绿氢、白鹤氢能等企业落地。", {("松辽能投", Kind.ORG)},
     {("吸引松辽能投", Kind.ORG)}),
    ("小炼焦、小炼铁、小化工、小硫磺等土小企业遍地开花。", set(), {("小炼焦", Kind.ORG)}),
    # a Zhuang surname the labeller left out, the rest read as a district's name
    ("壮族村民农秀英和乡亲们把刚采摘的晚熟芒果装箱。", {("农秀英", Kind.PERSON)}, {("秀英", Kind.PLACE)}),
    # a post around a name the labeller read (镇级|总河|长); a project named by its place (某某城市更新项目);
    # a state firm's kind before its name (区属国企|某某集团)
    ("统景镇党委书记、镇级总河长黄志刚介绍,镇里把河段划分为14个网格。", {("黄志刚", Kind.PERSON)}, {("总河", Kind.PERSON)}),
    ("“滨江文创港”是猫儿石城市更新项目的首期工程,由区属国企重庆北岸城市更新投资集团有限公司投资建设。",
     {("猫儿石城市更新项目", Kind.INITIATIVE), ("重庆北岸城市更新投资集团有限公司", Kind.ORG)},
     {("区属国企重庆北岸城市更新投资集团有限公司", Kind.ORG)}),
    # a township the labeller reads runs into a village jieba cuts across (宗别立|镇巴|音敖包|嘎查)
    ("在阿拉善盟阿拉善左旗宗别立镇巴音敖包嘎查,牧民额尔敦巴雅尔蹲下身。", {("巴音敖包嘎查", Kind.PLACE), ("宗别立镇", Kind.PLACE)}, set()),
    # the space after a byline's role; a host's verb read into its name
    ("新疆日报讯(记者 阿依努尔·买买提 通讯员 叶尔兰·努尔兰别克)9月20日,机场开工。", {("阿依努尔·买买提", Kind.PERSON)}, set()),
    ("10月,由小金县人民政府主办、恒远农业协办的第二届四姑娘山苹果采摘节在四姑娘山镇举行。", {("恒远农业", Kind.ORG)},
     {("恒远农业协办", Kind.ORG)}),
    # a village committee by its full kind; a people before a post is no person
    ("“现在我们村的文艺队一年要演四五十场。”小银村村民委员会主任白光荣说。", {("小银村村民委员会", Kind.ORG)}, set()),
    ("学院副院长、藏族教授更登嘉措带领学生每学期驻村一个月。", {("更登嘉措", Kind.PERSON)}, {("藏族", Kind.PERSON)}),
    # an edition event ending in 沙龙, whose last word is no person
    ("由蒲城县人民政府主办、管委会承办的第四届蒲城高新区企业家沙龙日前举行。",
     {("蒲城高新区企业家沙龙", Kind.INITIATIVE)}, {("沙龙", Kind.PERSON)}),
    # a time word opens no name; a byline's role (首席记者) holds no outlet; a post before a surname the labeller left out
    ("目前谭记餐饮已在全国开出门店50家。", set(), {("目前谭记餐饮", Kind.ORG)}),
    ("本报讯(首席记者 邓长江 通讯员 易明轩)12月10日,随着最后一仓混凝土浇筑完成。", {("邓长江", Kind.PERSON)},
     {("首席", Kind.ORG)}),
    ("在里耶镇长期从事巡河工作的民间河长向明贵说。", {("向明贵", Kind.PERSON)}, {("明贵", Kind.PERSON)}),
    ("检察机关也加入了护水队伍。", set(), {("检察机关", Kind.ORG)}),
    # a list of bureaus typed by 等…部门 (not 水利、环保等部门); 某某农科院|下属|某某研究所: two bodies
    ("由青山区政务服务管理办公室牵头,联合区市场监管局、区住房城乡建委、区税务局等18个部门。", {("区市场监管局", Kind.ORG)},
     {("联合区市场监管局", Kind.ORG)}),
    ("水利部组织全国有关水利、环保、城建等部门40多人到现场考察。", set(), {("城建", Kind.ORG)}),
    ("长江上游农科院下属数字农业研究所副所长热依拉·艾尔肯带领团队常驻园区。",
     {("长江上游农科院", Kind.ORG), ("数字农业研究所", Kind.ORG)}, {("长江上游农科院下属数字农业研究所", Kind.ORG)}),
    # a group's headquarters is no part of its name
    ("在位于西安的秦丝路集团总部,工作人员正在忙碌。", {("秦丝路集团", Kind.ORG)}, {("秦丝路集团总部", Kind.ORG)}),
    # a town-owned firm's kind opens no name (镇|属|平台|公司)
    ("由镇属平台公司綦江区横山农旅投资有限公司控股。", {("綦江区横山农旅投资有限公司", Kind.ORG)},
     {("镇属平台公司綦江区横山农旅投资有限公司", Kind.ORG)}),
    # a branch named by a company's trade name and a foreign city, words of the dictionary all
    ("台州精锐模塑科技股份有限公司(以下简称“精锐模塑”)发展迅速。2023年,公司在越南海防设立精锐模塑海防分公司。",
     {("精锐模塑海防分公司", Kind.ORG)}, set()),
    # a department's name with 和 inside, which the labeller reads as two (某区人力资源|和|社会保障局)
    ("大赛由青峰经开区管委会主办,青峰经开区人力资源和社会保障局、青峰经开区总工会承办。",
     {("青峰经开区人力资源和社会保障局", Kind.ORG)}, {("青峰经开区人力资源", Kind.ORG), ("社会保障局", Kind.ORG)}),
    # a name opening with a character and 和, which the labeller takes for a conjunction (人和|街社区)
    ("这家社区食堂坐落在人和街社区党群服务中心一楼,由大溪沟街道牵头。", {("人和街社区党群服务中心", Kind.ORG)},
     {("街社区党群服务中心", Kind.ORG)}),
    # varieties counted after 等; a phase of a project (一期修缮工程) names none; a contractor's verb opens
    # no project, nor does the comma before it
    ("示范园已引进“春见”“沃柑”等12个新品种。", set(), {("春见", Kind.INITIATIVE), ("沃柑", Kind.INITIATIVE)}),
    ("预计明年6月,一期修缮工程将全部完工。", set(), {("一期修缮工程", Kind.INITIATIVE)}),
    ("江津区文物管理所牵头实施“古镇保护修缮三年行动”,古建匠心中标一期工程,承担古镇戏楼的修缮。中山古镇游客众多。",
     set(), {("古建匠心中标一期工程", Kind.INITIATIVE), (",古建匠心中标一期工程", Kind.INITIATIVE)}),
    # a year and a place jieba tags as a noun open a race's name (2024|陵水/n|…马拉松赛)
    ("这是2024陵水清水湾半程马拉松赛的比赛现场。", {("2024陵水清水湾半程马拉松赛", Kind.INITIATIVE)}, set()),
    # a quoted training base two bodies build is a programme, not a place
    ("集团还与岢岚县人民政府共建“县域医学人才培养基地”,每年培训基层医务人员200人次。",
     {("县域医学人才培养基地", Kind.INITIATIVE)}, {("县域医学人才培养基地", Kind.PLACE)}),
    # a college's name with 与 inside, after its university or 该校 (材料与|化工学院)
    ("青州大学与青禾锂能共建联合实验室,由该校材料与化工学院院长李振宇领衔攻关。", {("材料与化工学院", Kind.ORG)},
     {("化工学院", Kind.ORG)}),
    ("公司与青州农业科技学院合作,由该院茶学与食品学院牵头研发茶多酚提取等深加工产品。", {("茶学与食品学院", Kind.ORG)},
     {("食品学院", Kind.ORG)}),
    ("青禾公司与食品学院合作。", {("食品学院", Kind.ORG)}, {("青禾公司与食品学院", Kind.ORG)}),
    # a post, a name and a speech verb: a person, though the name opens with a country
    ("昆仑锂能总经理韩国栋说,集团近年来向下游延伸。", {("韩国栋", Kind.PERSON)}, {("韩国", Kind.PLACE)}),
    # a quoted training class is a programme; the bare kind in quotes is nothing
    ("刘子豪所在的“章江永磁班”,是学院与章江集团联合开办的订单班。", {("章江永磁班", Kind.INITIATIVE)},
     {("章江永磁班", Kind.ORG)}),
    ("# 江西赣州:职业院校“订单班”精准对接产业链", set(), {("订单班", Kind.INITIATIVE)}),
    # a sea area is where along a place (三都澳|海域)
    ("11月下旬,宁德市蕉城区三都澳海域,一艘快艇停靠。", {("三都澳", Kind.PLACE)}, {("三都澳海域", Kind.PLACE)}),
    # an edition number before a quoted festival; a street office joined to a company by 联合
    ("今年春茶季,茶山竹海街道联合云雾山茶业举办第三届“雾峰采茶节”,吸引游客5万余人次。",
     {("雾峰采茶节", Kind.INITIATIVE), ("茶山竹海街道", Kind.PLACE), ("云雾山茶业", Kind.ORG)},
     {("茶山竹海街道联合云雾山茶业", Kind.ORG)}),
    # a dotted name ends before 所在; a verb and a bare 街道 name no street office; 管理站 is a body; a desert
    ("果农买买提·艾力所在的温宿县托万克林果农民专业合作社有社员136户。", {("买买提·艾力", Kind.PERSON)},
     {("买买提·艾力所", Kind.PERSON)}),
    ("社区解决不了的再报街道。”北街社区党委书记何永红说。", {("北街社区党委", Kind.ORG)}, {("报街道", Kind.PLACE)}),
    ("“心里没底。”白鹤湾水库管理站站长谭德明说。", {("白鹤湾水库管理站", Kind.ORG)}, {("白鹤湾水库管理站", Kind.PLACE)}),
    ("选手沿着黄河岸线和腾格里沙漠边缘,挑战50公里。", {("腾格里沙漠", Kind.PLACE)}, {("腾格里", Kind.PLACE)}),
    # an edition event with a bracketed place in its name; a quoted online shop and a quoted rule
    ("10月28日,第四届湖南(常德)粮油产业博览会在常德开幕。", {("湖南(常德)粮油产业博览会", Kind.INITIATIVE)}, set()),
    ("青禾锦艺文化创意有限公司通过旗下“锦艺优选”网店和濯水古镇实体门店同步销售。",
     {("锦艺优选", Kind.INITIATIVE), ("濯水古镇", Kind.PLACE)}, {("实体门店", Kind.PLACE)}),
    ("全面落实小型水库“三个责任人”制度,148座小型水库共明确责任人。", {("三个责任人", Kind.INITIATIVE)}, set()),
    ("坚持“两个确保”,做到“三个到位”。", set(), {("两个确保", Kind.INITIATIVE), ("三个到位", Kind.INITIATIVE)}),
    # a company's party branch by the short form the article gave it
    ("重庆葛城宜居物业服务有限公司(以下简称宜居物业)承接老旧小区服务;宜居物业党支部与北街社区党委签订结对共建协议。",
     {("宜居物业党支部", Kind.ORG)}, set()),
    # a section's 科 before its head's 科长; a former name (原名) between two bodies; 学会了 is a verb;
    # 老 and a surname, the words after it no name
    ("九龙坡区城市管理局生活垃圾分类管理科科长傅建军表示。", {("九龙坡区城市管理局生活垃圾分类管理科", Kind.ORG)}, set()),
    ("湘瑞康生物制药原名浏阳市康源制药厂,2019年被收购。", {("浏阳市康源制药厂", Kind.ORG)},
     {("湘瑞康生物制药原名浏阳市康源制药厂", Kind.ORG)}),
    ("家住龙滩村柑子林组的脱贫户向德福学会了用手机直播卖柚子。", set(), {("德福学会", Kind.ORG), ("向德福学会", Kind.ORG)}),
    ("家住三角镇青杠坪村的陈德贵就是其中之一。老陈原本在浙江打零工。", {("陈德贵", Kind.PERSON)}, {("陈原本", Kind.PERSON)}),
    # key laboratories named by their fields, two of them joined by 与; 与 between two names joins none
    ("这套系统由江苏海港大学的智慧港口与多式联运重点实验室研发。", {("智慧港口与多式联运重点实验室", Kind.ORG)}, set()),
    ("依托华南航空工业大学建设的广东省低空智能感知与控制重点实验室,两年来攻克了难题。",
     {("广东省低空智能感知与控制重点实验室", Kind.ORG)}, set()),
    ("燕赵科技大学电子数据取证重点实验室对转账记录进行了鉴定。", {("燕赵科技大学电子数据取证重点实验室", Kind.ORG)}, set()),
    ("研发中心建成后,岚溪智能计划与四川农业大学合作。", {("四川农业大学", Kind.ORG)}, {("岚溪智能计划与四川农业大学", Kind.ORG)}),
    # a state firm's kind before its name; a word that ends like a suffix (布局) names no body
    ("该公司是中央企业中国陆海港航集团有限公司在江苏设立的省级子公司。", {("中国陆海港航集团有限公司", Kind.ORG)},
     {("中央企业中国陆海港航集团有限公司", Kind.ORG)}),
    ("6月,遂宁市人民政府与中国国储新能源集团有限公司签约,双方将在遂宁布局电池回收和梯次利用项目。遂宁市委副书记、"
     "市长黎嘉明表示,遂宁将实施锂电产业建圈强链行动,力争到2027年全市锂电产业产值突破2000亿元。", set(), {("遂宁布局", Kind.ORG)}),
    ("记者从青山区纪委监委获悉,青山区纪委监委第五监督检查室会同青山区财政局开展专项检查。", {("青山区财政局", Kind.ORG)}, set()),
    # what a company is (上市公司) after the exchange names none; 诉 and 会同 stand between two bodies
    ("作为深交所上市公司,海贸云链旗下拥有多家公司。", {("深交所", Kind.ORG)}, {("深交所上市公司", Kind.ORG)}),
    ("该院知识产权审判庭近日对擎川智能诉苏州锐衡精密机械有限公司发明专利侵权案作出一审判决。",
     {("擎川智能", Kind.ORG), ("苏州锐衡精密机械有限公司", Kind.ORG)}, {("擎川智能诉苏州锐衡精密机械有限公司", Kind.ORG)}),
    ("枫岭社区党委会同枫岭社区居民委员会搭建“枫岭议事坊”协商平台。", {("枫岭社区党委", Kind.ORG), ("枫岭社区居民委员会", Kind.ORG)},
     {("枫岭社区党委会", Kind.ORG)}),
    ("村党支部牵头成立强村公司,村委会则与企业合作。", set(), {("强村公司", Kind.ORG)}),
    # a side of a road is where along it; a count after a station's name is no part of it
    ("重庆峡江鲜食品有限公司烤鱼调料分厂就在望江路北侧,今年接到订单1.2万单。", {("望江路", Kind.PLACE)},
     {("望江路北侧", Kind.PLACE)}),
    ("# 四川大渡河磐石峡水电站首台机组投产发电\n\n新华社成都12月18日电（记者 何婉清 张立）18日10时，位于四川省甘孜"
     "藏族自治州丹巴县境内的大渡河磐石峡水电站首台30万千瓦机组顺利完成72小时试运行，正式投产发电。电站总装机容量120万千"
     "瓦，全部投产后年均发电量可达51.6亿千瓦时，每年可节约标准煤约160万吨。\n\n磐石峡水电站由蜀能电力股份有限公司控股子"
     "公司四川蜀能大渡河水电开发有限公司（以下简称蜀能大渡河公司）投资建设，总投资约186亿元，蜀能电力持股65%。蜀能电力是"
     "A股上市公司，目前在四川、云南两省拥有水电装机超过900万千瓦。",
     {("大渡河磐石峡水电站", Kind.PLACE)},
     {("大渡河磐石峡水电站首台30万千瓦机组", Kind.PLACE)}),
    # the noun for the college just named opens its school's name (学院|智能制造学院)
    ("湖南潇湘机电职业技术学院院长周建华说,学院智能制造学院将把大赛赛项标准融入课程。", {("智能制造学院", Kind.ORG)},
     {("学院智能制造学院", Kind.ORG)}),
    # batches 80–83: a branch named by its body and the place it serves; a list typed by 等乡镇; a station's
    # waiting hall; a quoted reading festival; a township jieba cuts opens its government's name; a name the
    # labeller reads across a founding verb ends before it; a body read from inside a name written in full
    ("这个驿站是石柱县图书馆悦来镇分馆设立的第3个服务点。", {("石柱县图书馆悦来镇分馆", Kind.ORG)},
     {("图书馆悦来镇", Kind.PLACE), ("悦来镇分馆", Kind.PLACE)}),
    ("馆长带着团队跑遍了礼让、屏锦、袁驿等乡镇摸需求。", {("礼让", Kind.PLACE), ("屏锦", Kind.PLACE), ("袁驿", Kind.PLACE)}, set()),
    ("活动由涞滩镇联合镇内二佛村、双龙湖村等村的集体经济组织共同举办。", {("二佛村", Kind.PLACE)}, {("镇内二佛村", Kind.PLACE)}),
    ("区图书馆在梁平南站候车大厅开设“候车书屋”,旅客扫码即可借阅。", {("梁平南站", Kind.PLACE)}, {("梁平南站候车大厅", Kind.PLACE)}),
    ("第三届“竹韵书香”全民阅读节由区文化和旅游发展委员会主办。", {("竹韵书香", Kind.INITIATIVE)}, {("竹韵书香", Kind.ORG)}),
    ("传习工坊由宝顶镇人民政府牵头设立,现有石雕匠人46名。", {("宝顶镇人民政府", Kind.ORG)}, set()),
    ("## 种质研究院与荣味坊食品共建联合实验室", set(), {("荣味坊食品共建联合实验室", Kind.ORG)}),
    ("项目由中能绿源青海新能源有限公司投资建设。\n中能绿源青海新能源有限公司玉树项目部经理扎西旦增介绍,运维团队32人。",
     {("中能绿源青海新能源有限公司玉树项目部", Kind.ORG)}, {("绿源青海新能源有限公司玉树项目部", Kind.ORG)}),
    ("支撑这项服务的数字平台“赣图云”由省图书馆开发。自从接入“赣图云”,分馆每周都能收到新书。", {("赣图云", Kind.INITIATIVE)},
     {("赣图云", Kind.PLACE)}),
    ("打通公共阅读服务“最后一公里”。", set(), {("最后一公里", Kind.INITIATIVE)}),
    # a line and its phase; a village's name jieba cuts
    # opening a body's; a unit named after the party committee of a short form the article writes again;
    # a Mongolian gacha of dictionary words; the district's bureau by its level; a unit named by a township
    ("站台上,列车缓缓驶出,重庆轨道交通26号线一期北碚段正式开通初期运营。", {("重庆轨道交通26号线一期北碚段", Kind.PLACE)},
     {("重庆轨道交通26号线", Kind.PLACE)}),
    ("的双河镇木根村,则由村集体牵头成立武隆区木根乡村旅游专业合作社,统一管理全村38家民宿。",
     {("武隆区木根乡村旅游专业合作社", Kind.ORG)}, {("木根乡村", Kind.PLACE)}),
    ("食材由重庆渝鲜达农产品配送有限公司统一配送。渝鲜达还与社区党委签订共建协议。", set(), {("渝鲜达还与社区党委", Kind.ORG)}),
    ("共建“长鸣智能网联汽车产业学院”。据了解,长鸣智能网联汽车产业学院设在学院内。", {("长鸣智能网联汽车产业学院", Kind.ORG)},
     {("长鸣智能网", Kind.ORG)}),
    ("在正蓝旗桑根达来镇宝音图嘎查,牧民一早送奶。苍原乳业已与宝音图嘎查、阿拉坦嘎查签约。", {("宝音图嘎查", Kind.PLACE)},
     {("图嘎查", Kind.PLACE)}),
    ("下一步,区科技局将联合区人力社保局举办第三届云溪创新创业大赛。", {("区人力社保局", Kind.ORG)}, {("人力社保局", Kind.ORG)}),
    ("随着警报响起,位于晏家街道的开发区启动演练。8分钟后,长寿区消防救援支队晏家特勤站率先到场。",
     {("长寿区消防救援支队晏家特勤站", Kind.ORG)}, {("晏家特勤", Kind.PERSON)}),
    ("以嘉陵江、渠江、涪江三江干流和小安溪等支流为重点。", {("小安溪", Kind.PLACE)}, {("涪江三江干流和小安溪", Kind.PLACE)}),
    # a plain's name; a junior middle school; a craft or a short form before a title and another name is no
    # person; a short form declared for a company stands over a place the gazetteer reads in it; a street's
    # party committee keeps its name; a generic piece of a place chain names nothing
    ("立夏刚过,三江平原的黑土地上机声隆隆。", {("三江平原", Kind.PLACE)}, {("三江", Kind.PLACE)}),
    ("首批驿站设在南海区启明湾实验学校、大沥镇沥泉小学和狮山镇松涛初级中学。", {("狮山镇松涛初级中学", Kind.ORG)}, set()),
    ("县里开设培训班,邀请苗绣传承人吴金凤授课。", {("吴金凤", Kind.PERSON)}, {("苗绣", Kind.PERSON)}),
    ("锦绣合作社与重庆武陵云仓电子商务有限公司(以下简称“武陵云仓”)签订合作协议。武陵云仓总经理田志远介绍,产品畅销。",
     {("武陵云仓", Kind.ORG), ("田志远", Kind.PERSON)}, {("云仓", Kind.PERSON), ("武陵", Kind.PLACE)}),
    ("渝中区南纪门街道山城巷传统风貌区开街。南纪门街道办事处牵头打造。南纪门街道党工委书记游建平表示,将继续推进。",
     {("南纪门街道党工委", Kind.ORG), ("南纪门街道", Kind.PLACE)}, {("南纪门街道", Kind.ORG)}),
    ("永宁县地处贺兰山东麓葡萄酒产区核心区,全县酿酒葡萄种植面积11.2万亩。", set(), {("核心区", Kind.PLACE)}),
    # batches 86–87: a people's name is no country; a character jieba reads with a township's end opens the
    # village's name; a mountain stockade; a hospital's campus; a place, the verbs of an opening, a name; a
    # country that opens with a function word
    ("来自万良镇大方村的朝鲜族参农金顺姬一大早就上山了。", {("金顺姬", Kind.PERSON)}, {("朝鲜", Kind.PLACE), ("农金顺姬", Kind.PERSON)}),
    ("由中共北京市委宣传部举办的“灵山杯”报告、党课评选活动已经连续开展八年。", {("灵山", Kind.PLACE)}, set()),
    ("位于闽宁镇原隆村的云岫酒庄今年接待游客。", {("原隆村", Kind.PLACE)}, {("隆村", Kind.PLACE)}),
    ("后溪镇河湾山寨的篝火正旺。", {("河湾山寨", Kind.PLACE)}, {("河湾", Kind.PLACE)}),
    ("1月20日,南京康宁医科大学第一附属医院宿迁院区(以下简称“宿迁院区”)在宿迁市开诊。", 
     {("南京康宁医科大学第一附属医院宿迁院区", Kind.ORG)}, {("宿迁院区", Kind.PLACE)}),
    ("环球商城集团今年在福田街道开业运营环球数贸中心。", {("福田街道", Kind.PLACE), ("环球数贸中心", Kind.ORG)},
     {("福田街道开业运营环球数贸中心", Kind.ORG)}),
    ("记者走进义乌国际商贸城五区,来自也门的穆罕默德·萨利赫正在整理货物。", {("也门", Kind.PLACE)}, set()),
    # a list of villages or towns types short names only, its first item's words before them left out; a
    # list of countries ends each item at the country; a place before a founding verb
    ("集镇及周边长梁村、龙坪村等7个村的群众喝上了自来水。", {("长梁村", Kind.PLACE)}, {("周边长梁村", Kind.PLACE)}),
    ("开州区将以温泉镇为核心,串联满月、关面等乡镇的森林康养资源。", {("关面", Kind.PLACE)}, {("串联满月", Kind.PLACE)}),
    ("集团出口额达9.7亿元,产品销往智利、秘鲁、沙特阿拉伯等56个国家和地区。", {("智利", Kind.PLACE), ("秘鲁", Kind.PLACE)},
     {("产品销往智利", Kind.PLACE)}),
    ("签约后,双方还将在射洪共建设备维保中心。", set(), {("射洪", Kind.ORG), ("射洪共建设备维保中心", Kind.ORG)}),
    ("来自尼尔基镇的牧民巴图孟和说,他家今年接待游客。", {("巴图孟和", Kind.PERSON)}, {("巴图孟", Kind.PERSON)}),
    # a riverside trail; a quoted verb and place is a slogan; a surname jieba reads as a preposition, then a
    # name and what the person says; a count (首批) opens no name
    ("串联宝轮寺、嘉陵江滨江步道等点位。", {("嘉陵江滨江步道", Kind.PLACE)}, {("滨江", Kind.PLACE)}),
    ("让游客从“看古镇”变为“玩古镇”。", set(), {("看古镇", Kind.PLACE), ("玩古镇", Kind.PLACE)}),
    ("“今年国庆的房间要提前半个月预订。”民宿老板向明秀说。", {("向明秀", Kind.PERSON)}, set()),
    ("该负责人向媒体介绍了情况。", set(), {("向媒体", Kind.PERSON)}),
    ("# 北京京华工业大学雄安校区首批学院迁入启用", set(), {("北京京华工业大学雄安校区首批学院", Kind.ORG)}),
    ("在涪陵区焦石镇鹤鸣苑安置社区,冉文斌正挨家挨户发放安全明白卡。", {("鹤鸣苑安置社区", Kind.PLACE)}, {("鹤鸣苑", Kind.PLACE)}),
    # the character between two places that jieba reads with the first one's start ends it; a list of
    # branches is no branch's name; a quoted slogan with 即 is no initiative
    ("今年1至11月,嘉陵江合川段出境断面水质稳定保持Ⅱ类。", set(), {("江合川", Kind.PLACE)}),
    ("集团总院、壶镇分院、新建分院、东方分院4个院区和18家卫生院组成医共体。东方镇在县东部。", set(),
     {("新建分院、东方分院", Kind.ORG)}),
    ("让整车项目“落地即投产”,襄阳高新区还推出了专班服务。", set(), {("落地即投产", Kind.INITIATIVE)}),
    # a list of firms that 乡镇 qualifies names no townships; a list before 等与发达国家 names no countries
    ("“八五”期间,华西、双良、阳光、申达等一大批乡镇企业都经历了几轮技改。", set(), {("阳光", Kind.PLACE)}),
    ("铁路密度、复线率、电气化率、行车速度等与发达国家相比差距很大。", set(), {("复线率", Kind.PLACE), ("行车速度", Kind.PLACE)}),
])
def test_extract_names_from_unseen_batches(text, expected, absent):
    found = _found(text, None)
    assert expected <= found
    assert not absent & found


def test_extract_organizers_of_this_edition_named_earlier():
    text = ("9月8日,第二届青山市青年返乡创业大赛总决赛在青山县举行。20个项目进入总决赛,“河畔红枣深加工”项目获得一等奖。"
            "本届大赛由共青团青山市委主办,青山县人民政府、青山市青年创业促进会(以下简称青创会)承办,设置三个赛道。")
    rels = _relations(text, None)
    organizers = {(r[1], r[2]) for r in rels if r[0] == "organizer"}
    assert {("青山市青年返乡创业大赛", body) for body in ("共青团青山市委", "青山县人民政府", "青山市青年创业促进会")} <= organizers
    assert not any(head == "河畔红枣深加工" for head, _ in organizers)


def test_extract_organizers_after_joined_whoever_the_subject_is():
    text = ("青山人民法庭庭长蒋国平介绍,今年以来,法庭联合青山镇综治中心、青山区人力资源和社会保障局推行“三员联调”机制,"
            "共同化解涉薪纠纷。")
    found = {r[2] for r in _relations(text, None) if r[0] == "organizer" and r[1] == "三员联调"}
    assert {"青山镇综治中心", "青山区人力资源和社会保障局"} <= found


def test_extract_the_company_inside_a_branch_name_is_not_where_the_branch_is():
    rels = _relations("2023年,六盘鲜在广州设立宁夏六盘鲜冷链物流有限公司广州分公司,直接对接批发市场。", None)
    located = {(r[1], r[2]) for r in rels if r[0] == "locatedIn"}
    assert ("宁夏六盘鲜冷链物流有限公司广州分公司", "广州") in located
    assert ("宁夏六盘鲜冷链物流有限公司", "广州") not in located


def test_extract_a_river_without_its_bank_and_events_of_a_week():
    found = _found("第三届闽台小吃技艺交流周在沙溪畔举行。马金溪畔,茶园连片。", None)
    assert {("沙溪", Kind.PLACE), ("马金溪", Kind.PLACE), ("闽台小吃技艺交流周", Kind.INITIATIVE)} <= found
    assert not {("沙溪畔", Kind.PLACE), ("马金溪畔", Kind.PLACE)} & found


def test_extract_organizer_named_right_before_its_verb():
    rels = _relations("据介绍,健康驿站是青山区卫生健康委员会推进“十五分钟健康服务圈”建设的试点项目。", None)
    assert ("organizer", "十五分钟健康服务圈", "青山区卫生健康委员会", None) in rels
    rels = _relations("青山街道已在金汤街社区试点“防诈驿站”,老人可一键转接。", None)
    assert ("organizer", "防诈驿站", "金汤街社区", None) not in rels  # where it is tried, not who runs it


def test_extract_a_quoted_style_is_no_initiative():
    found = _found("两部门联合推出“一站式”服务,今年还将推行“管家式”服务。", None)
    assert not {name for name, kind in found if kind is Kind.INITIATIVE}


def test_extract_a_village_before_its_village_level_word_and_an_art_season():
    found = _found("青山区临江镇双石桥村村级河长黄德明说。第四届丝路敦煌沙漠光影艺术季开幕。", None)
    assert {("双石桥村", Kind.PLACE), ("丝路敦煌沙漠光影艺术季", Kind.INITIATIVE)} <= found
    assert ("双石桥村村", Kind.PLACE) not in found


def test_an_edition_event_keeps_its_edition_number_as_an_alias():
    (event,) = [m for m in extract(_article("第二届石桥铺美食文化节开幕。")).mentions if m.kind is Kind.INITIATIVE]
    assert (event.text, event.alias) == ("石桥铺美食文化节", "第二届石桥铺美食文化节")


def test_a_company_named_in_latin_letters_ends_with_its_legal_form():
    text = "公司与瑞士Alpenblick Reisen AG、荷兰Van der Berg Plantenkwekerij B.V.和泰国Chanthaburi Fresh Fruit Co., Ltd.签约。"
    found = {(m.text, m.kind) for m in extract(_article(text)).mentions}
    assert {("Alpenblick Reisen AG", Kind.ORG), ("Van der Berg Plantenkwekerij B.V.", Kind.ORG),
            ("Chanthaburi Fresh Fruit Co., Ltd.", Kind.ORG), ("瑞士", Kind.PLACE), ("荷兰", Kind.PLACE)} <= found
    rels = {(r.predicate, r.head.text, r.tail.text) for r in extract(_article(text)).relations}
    assert ("locatedIn", "Alpenblick Reisen AG", "瑞士") in rels and ("locatedIn", "Van der Berg Plantenkwekerij B.V.", "荷兰") in rels
    text = "康总透露,公司已与瑞士Alpenblick Reisen AG、德国Rheinland Touristik GmbH签订明年的包船协议。"
    found = {(m.text, m.kind) for m in extract(_article(text)).mentions}  # the labeller reads 瑞士 and 德国 into them
    assert {("Alpenblick Reisen AG", Kind.ORG), ("Rheinland Touristik GmbH", Kind.ORG), ("瑞士", Kind.PLACE)} <= found
    assert not {m.text for m in extract(_article("引入德国总部的“Smart Line 4.0”数字化产线。")).mentions} & {"Smart Line 4.0"}


def test_split_place_chain_cuts_a_country_before_a_foreign_port_or_airport():
    from kg.extract import split_place_chain

    assert split_place_chain("越南海防港") == ["越南", "海防港"]
    assert split_place_chain("新加坡樟宜机场") == ["新加坡", "樟宜机场"]
    assert split_place_chain("中国香港") == ["中国香港"]


@pytest.mark.parametrize("text, latin", [
    ("皖驰电驱与德国博朗格汽车技术股份公司(Brunngärtner Automotive AG)在芜湖签约。", "Brunngärtner Automotive AG"),
    ("集团与丹麦北海航运公司(Nordsø Shipping A/S)签订协议。", "Nordsø Shipping A/S"),
    ("研究院与奥地利阿尔卑斯量子光学研究所(Alpine Institute for Quantum Optics,AIQO)签署协议。", "Alpine Institute for Quantum Optics"),
    ("银行与新加坡狮城商业银行(Lion City Commercial Bank)签署合作备忘录。", "Lion City Commercial Bank"),
])
def test_a_latin_name_in_brackets_is_the_alias_of_the_body_before_it(text, latin):
    # accented letters belong to a Latin name; a name with no legal form is read in brackets after a body's
    mentions = extract(_article(text)).mentions
    found = next(m for m in mentions if m.text == latin)
    assert found.kind is Kind.ORG and found.alias and found.alias.endswith(("公司", "研究所", "银行"))
    assert not [m for m in mentions if m.start > found.start and m.end <= found.end]  # no labeller pieces (Brunng, for)


@pytest.mark.parametrize("text, body", [
    ("今年8月,水利部农村水利水电司组织评审的第四批示范工程名单公布。", "水利部农村水利水电司"),
    ("世界卫生组织发布报告。", "世界卫生组织"),
])
def test_a_body_read_with_the_verb_zuzhi_ends_before_it(text, body):
    assert (body, Kind.ORG) in {(m.text, m.kind) for m in extract(_article(text)).mentions}


@pytest.mark.parametrize("text, company, located", [
    ("又与墨西哥Juguetes del Sol S.A. de C.V.签订拉美市场独家代理协议。", "Juguetes del Sol S.A. de C.V.", True),
    ("与印度尼西亚PT Buah Segar Nusantara签订供货合同。", "PT Buah Segar Nusantara", True),  # a legal form opening the name
    ("公司在泰国设有Jinhan Welding (Thailand) Co., Ltd.。", "Jinhan Welding (Thailand) Co., Ltd.", False),  # a place in brackets
])
def test_latin_companies_of_spanish_and_indonesian_legal_forms(text, company, located):
    extraction = extract(_article(text))
    assert (company, Kind.ORG) in {(m.text, m.kind) for m in extraction.mentions}
    assert any(r.predicate == "locatedIn" and r.head.text == company for r in extraction.relations) is located


@pytest.mark.parametrize("text, kept, dropped", [
    ("纽约联合国总部里,公司雄安总部的人也来了。", "纽约联合国总部", "公司雄安总部"),  # a body's headquarters stay its name
    ("集团越南子公司已投产,联合体秘书处设在研究院。", None, "集团越南子公司"),
    ("公司在华全资子公司哈尔德精密技术(昆山)有限公司投产。", "哈尔德精密技术(昆山)有限公司", "华全资子公司"),
    ("韩国青松旅行社组织游客来访。", "韩国青松旅行社", "韩国青松旅行社组织"),  # 旅行社 is a suffix, 组织 a verb
])
def test_a_unit_after_a_place_or_a_generic_word_names_nothing(text, kept, dropped):
    found = {m.text for m in extract(_article(text)).mentions if m.kind is Kind.ORG}
    assert dropped not in found and (kept is None or kept in found)
    assert "联合体秘书处" not in found


def test_latin_words_in_brackets_after_no_name_name_nothing():
    assert not extract(_article("发展人工智能（Artificial Intelligence）产业。")).mentions


def test_a_body_named_after_a_chain_of_divisions_is_called_by_its_own_and_is_in_it():
    # 湖南省|郴州市|汝城县|暖水镇|卫生院: the places are mentions of their own, the body is also 暖水镇卫生院
    extraction = extract(_article("湖南省郴州市汝城县暖水镇卫生院院长说。吴兴区住房和城乡建设局局长韩立新介绍。"))
    found = {(m.text, m.kind) for m in extraction.mentions}
    assert {(p, Kind.PLACE) for p in ("湖南省", "郴州市", "汝城县", "暖水镇")} <= found
    assert not any(text == "住房和城乡" for text, _ in found)  # 和 joins two words, no township
    body = next(m for m in extraction.mentions if m.text == "湖南省郴州市汝城县暖水镇卫生院")
    assert body.alias == "暖水镇卫生院"
    rels = {(r.predicate, r.head.text, r.tail.text) for r in extraction.relations}
    assert ("locatedIn", "湖南省郴州市汝城县暖水镇卫生院", "暖水镇") in rels


def test_a_company_is_in_the_place_written_in_brackets_in_its_name():
    extraction = extract(_article("集团在胡志明市设立鸿步(越南)鞋业有限公司。"))
    assert ("越南", Kind.PLACE) in {(m.text, m.kind) for m in extraction.mentions}
    assert ("locatedIn", "鸿步(越南)鞋业有限公司", "越南") in {(r.predicate, r.head.text, r.tail.text) for r in extraction.relations}
    extraction = extract(_article("中国（上海）自由贸易试验区管理委员会发布通知。"))
    assert not any(r.predicate == "locatedIn" for r in extraction.relations)  # 中国（上海）: a region's marker


def test_a_foreign_body_standing_in_china_is_not_in_its_country():
    rels = {(r.predicate, r.head.text, r.tail.text) for r in extract(_article("智利驻华大使馆商务处与新西兰贸易发展局上海代表处参加论坛。")).relations}
    assert not {("locatedIn", "智利驻华大使馆商务处", "智利"), ("locatedIn", "新西兰贸易发展局上海代表处", "新西兰")} & rels


def test_a_foreign_body_is_in_the_country_its_name_opens_with():
    extraction = extract(_article("公司与日本东和医疗器械株式会社合作研发。黑山镇党委书记王刚说。"))
    found = {(m.text, m.kind) for m in extraction.mentions}
    assert {("日本", Kind.PLACE), ("日本东和医疗器械株式会社", Kind.ORG), ("黑山镇党委", Kind.ORG)} <= found
    assert ("黑山", Kind.PLACE) not in found  # a country's name (Montenegro) before a township's ending
    rels = {(r.predicate, r.head.text, r.tail.text) for r in extraction.relations}
    assert ("locatedIn", "日本东和医疗器械株式会社", "日本") in rels


@pytest.mark.parametrize("text, places, group", [
    ("巴南区木洞镇桃湾村3组村民王大明说。", ["巴南区", "木洞镇", "桃湾村"], "桃湾村3组"),
    ("定西市临洮县衙下集镇石家坪村五社的社员。", ["定西市", "临洮县", "衙下集镇", "石家坪村"], "石家坪村五社"),
    ("东滩村二社社长马福海介绍。", ["东滩村"], "东滩村二社"),
    ("村民拓万有在青梁村第五村民小组当了18年护林员。", ["青梁村"], "青梁村第五村民小组"),
])
def test_a_village_group_is_a_place_in_its_village(text, places, group):
    extraction = extract(_article(text))
    found = {(m.text, m.kind) for m in extraction.mentions}
    assert {(p, Kind.PLACE) for p in places} | {(group, Kind.PLACE)} <= found
    rels = {(r.predicate, r.head.text, r.tail.text) for r in extraction.relations}
    assert ("locatedIn", group, places[-1]) in rels


@pytest.mark.parametrize("text, places, group", [
    ("英德市连江口镇云岭村上坑村民小组的茶农说。", ["英德市", "连江口镇", "云岭村"], "上坑村民小组"),
    ("上湾村下湾村民小组的村民在湿地公园劳动。", ["上湾村"], "下湾村民小组"),
])
def test_a_named_villagers_group_is_a_place_in_the_village_before_it(text, places, group):
    extraction = extract(_article(text))
    assert {(p, Kind.PLACE) for p in places} | {(group, Kind.PLACE)} <= {(m.text, m.kind) for m in extraction.mentions}
    assert ("locatedIn", group, places[-1]) in {(r.predicate, r.head.text, r.tail.text) for r in extraction.relations}


@pytest.mark.parametrize("text, found, not_found", [
    ("青山县文体广电旅游局非遗保护股股长龙志华介绍。", {("青山县文体广电旅游局非遗保护股", Kind.ORG), ("龙志华", Kind.PERSON)}, "非遗保护股股"),
    ("昌珠镇扎玉村村医央金说:“心电图上有问题。”", {("扎玉村", Kind.PLACE), ("央金", Kind.PERSON)}, "医央金"),
    ("“今年要建成储运基地。”陈副区长说。", set(), "陈副区"),
])
def test_a_post_after_a_name_is_no_part_of_it(text, found, not_found):
    # 股长 opens with the section's 股; 村医 is a title; 陈 and the start of 副区长 are no person's name
    mentions = {(m.text, m.kind) for m in extract(_article(text)).mentions}
    assert found <= mentions and not any(m == not_found for m, _ in mentions)


def test_a_sumu_and_a_gacha_of_inner_mongolia_are_two_places():
    # 苏木 (a township) and 盟 (a league) end divisions of a chain, also when jieba cuts 嘎查 in two
    found = {(m.text, m.kind) for m in extract(_article("巴彦哈达苏木额尔敦乌拉嘎查的牧民今年增收。")).mentions}
    assert {("巴彦哈达苏木", Kind.PLACE), ("额尔敦乌拉嘎查", Kind.PLACE)} <= found
    from kg.extract import split_place_chain

    assert split_place_chain("锡林郭勒盟西乌珠穆沁旗") == ["锡林郭勒盟", "西乌珠穆沁旗"]


def test_a_country_before_one_of_its_cities_is_two_places():
    from kg.extract import split_place_chain

    assert split_place_chain("老挝万象") == ["老挝", "万象"]  # 万象 is also a common word (万象更新)
    assert split_place_chain("泰国曼谷") == ["泰国", "曼谷"]
    assert split_place_chain("日本万象") == ["日本万象"]  # not a city of that country
    found = {(m.text, m.kind) for m in extract(_article("货物经中老铁路运抵老挝万象,再转运至泰国曼谷。")).mentions}
    assert {("老挝", Kind.PLACE), ("万象", Kind.PLACE), ("曼谷", Kind.PLACE)} <= found


@pytest.mark.parametrize("text, station", [
    ("这批货将运往团结村站,搭乘班列发往越南。", "团结村站"),
    ("公交公司开通忠县站至石宝寨的旅游专线。", "忠县站"),
    ("距阿勒泰站不远的桦林沟滑雪场人气正旺。", "阿勒泰站"),
])
def test_a_station_named_after_a_division_or_a_known_place(text, station):
    assert (station, Kind.PLACE) in {(m.text, m.kind) for m in extract(_article(text)).mentions}


def test_someone_standing_is_no_station():
    assert not any(m.text.endswith("站") for m in extract(_article("全县站在新的起点上,干部站在一线。")).mentions)


def test_a_former_body_is_named_without_its_former():
    found = {m.text for m in extract(_article("资源与环境学院由原土壤科学系与原环境科学系2020年合并组建。")).mentions}
    assert {"土壤科学系", "环境科学系"} <= found and "原环境科学系" not in found


def test_a_pilot_zone_with_its_province_in_brackets():
    found = _found("项目所在的中国(山东)自由贸易试验区烟台片区将提供通关便利。", None)
    assert ("中国(山东)自由贸易试验区烟台片区", Kind.PLACE) in found
    assert not any(name.startswith("选址") for name, _ in _found("项目选址开发区八角街道的产业园。", None))


def test_a_leading_word_the_labeller_reads_into_a_street_s_name():
    found = {m.text for m in extract(_article("来自德国、瑞士、奥地利的186名游客沿石宝老街步行前往石宝寨景区。")).mentions}
    assert "石宝老街" in found and "沿石宝老街" not in found


def test_a_numbered_sea_route_a_company_opens_is_an_initiative():
    found = {(m.text, m.kind) for m in extract(_article("合资成立福建岚台快运有限公司,开通“岚台1号”海上快线。")).mentions}
    assert ("岚台1号", Kind.INITIATIVE) in found
    assert not any(m.text == "长征五号" for m in extract(_article("“长征五号”火箭发射成功。")).mentions)


def test_a_latin_group_name():
    found = {(m.text, m.kind) for m in extract(_article("已与新加坡港华冷链集团(Harbour Cold Chain Group)签约。")).mentions}
    assert ("Harbour Cold Chain Group", Kind.ORG) in found


@pytest.mark.parametrize("text, name, kind", [
    ("调解中心入驻江门市蓬江区人民法院诉讼服务中心,配备专职调解员9名。", "江门市蓬江区人民法院诉讼服务中心", Kind.ORG),
    ("杭锦旗人民政府承办的第三届库布其光伏治沙技术交流会在独贵塔拉镇举行。", "库布其光伏治沙技术交流会", Kind.INITIATIVE),
    ("促进中心承办的2024洋浦国际油脂油料产业大会举行。", "2024洋浦国际油脂油料产业大会", Kind.INITIATIVE),
])
def test_names_with_a_word_that_reads_like_a_cut(text, name, kind):
    assert (name, kind) in {(m.text, m.kind) for m in extract(_article(text)).mentions}


def test_a_phase_of_works_now_under_way_names_no_programme():
    assert not extract(_article("目前三期工程已完成投资2.8亿元。")).mentions


def test_quoted_dishes_are_products():
    text = "龙舟赛期间,塘河镇还推出“几江老白干”“塘河石磨豆花”等特色美食,吸引游客2.6万人次。"
    assert not {m.text for m in extract(_article(text)).mentions} & {"几江老白干", "塘河石磨豆花"}


def test_a_township_whose_name_holds_a_county_s_ending():
    from kg.extract import split_place_chain

    assert split_place_chain("洛川县旧县镇南塬村") == ["洛川县", "旧县镇", "南塬村"]


def test_a_train_service_named_after_its_line():
    found = {(m.text, m.kind) for m in extract(_article("洛川苹果搭乘中欧班列“长安号”发往中亚。与Nordvik Marine AS签约。")).mentions}
    assert ("长安号", Kind.INITIATIVE) in found and ("Nordvik Marine AS", Kind.ORG) in found


def test_a_port_s_suffix_is_no_abbreviation_of_hong_kong():
    found = {(m.text, m.kind) for m in extract(_article("今年经重庆果园港出口到越南、泰国的柑橘达3万吨。")).mentions}
    assert not any(m == "港" for m, _ in found)


def test_a_former_name_opens_no_name():
    found = {m.text for m in extract(_article("电子信息学院原名电子科学与技术系,2021年更名。")).mentions}
    assert "电子科学与技术系" in found and "原名电子科学与技术系" not in found


def test_a_surname_before_an_address_is_no_country():
    found = {m.text for m in extract(_article("土主街道推出“一企一专员”服务机制,韩总带头包联重点企业。")).mentions}
    assert "韩" not in found


def test_short_forms_are_found_as_a_longest_first_pattern_would_find_them():
    import re

    from kg.extract.rules import _occurrences

    text = "青禾集团与青禾电子签约,青禾电子科技负责研发;禾集团、青禾、青禾集团。"
    forms = ["青禾", "青禾集团", "青禾电子", "禾集团", "电子科技"]
    pattern = re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))
    assert _occurrences(text, forms) == [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def test_a_branch_named_after_a_place_that_opens_with_a_list_word_is_one_name():
    """和林格尔 opens with 和: the labeller cuts 某农商行|和|林格尔支行 there; the gazetteer's place across
    the cut makes it one name again."""
    found = _found("青城农商行和林格尔支行行长萨仁高娃介绍，支行组建了服务队。", None)
    assert ("青城农商行和林格尔支行", Kind.ORG) in found
    assert ("林格尔支行", Kind.ORG) not in found
    from kg.extract.spans import _rejoined_at_place

    text = "由绣江农商行自良支行以合作社订单为增信。"  # one character before 支行 names no branch
    bank, branch = (1, 6, Kind.ORG, 0.9), (7, 10, Kind.ORG, 0.8)
    assert _rejoined_at_place(text, [bank, branch]) == [(1, 10, Kind.ORG, 0.8)]
    assert _rejoined_at_place("工商银行与建设银行支行。", [(0, 4, Kind.ORG, 0.9), (5, 11, Kind.ORG, 0.9)]) \
        == [(0, 4, Kind.ORG, 0.9), (5, 11, Kind.ORG, 0.9)]
    assert {("工商银行", Kind.ORG), ("建设银行支行", Kind.ORG)} <= _found("工商银行和建设银行支行。", None)


@pytest.mark.parametrize("text, found, not_found", [
    ("“中亚快线”扩容行动由水利部规划计划司、商务部对外贸易司指导。",
     {("水利部规划计划司", Kind.ORG), ("商务部对外贸易司", Kind.ORG)}, ("商务部", Kind.ORG)),
    ("该行动由农业农村部农业机械化管理司、科技教育司指导。", {("科技教育司", Kind.ORG)}, ("科技教育", Kind.ORG)),
])
def test_a_ministry_s_departments_are_named_with_and_after_it(text, found, not_found):
    mentions = _found(text, None)
    assert found <= mentions and not_found not in mentions


def test_a_unit_of_the_body_its_name_opens_with_is_an_organization():
    assert ("青山县渭水医院5G远程会诊中心", Kind.ORG) in _found("上午,青山县渭水医院5G远程会诊中心的大屏幕上显示着影像。", None)
    assert _labelled_as("市民在青山国际会展中心参观。", "青山国际会展中心", Kind.PLACE) == [("青山国际会展中心", Kind.PLACE)]
    assert _labelled_as("地点：青山市人民政府新闻办公室新闻发布大厅", "青山市人民政府新闻办公室新闻发布大厅", Kind.PLACE) \
        == [("青山市人民政府新闻办公室新闻发布大厅", Kind.PLACE)]  # a hall (厅 ends bureaus too)


def test_within_a_park_is_no_part_of_the_name_after_it():
    found = _found("推动产业园内鸿洋海工、启东中舟船舶配套有限公司参加。", None)
    assert ("鸿洋海工", Kind.ORG) in found and ("内鸿洋海工", Kind.ORG) not in found


def test_a_status_word_inside_an_association_s_name():
    found = _found("云花汇还将联合云南省鲜切花行业协会、呈贡区农业农村局推出服务平台。", None)
    assert ("云南省鲜切花行业协会", Kind.ORG) in found


def test_a_court_s_tribunal_is_named_by_its_own_name_and_kind():
    from kg.resolve import resolve

    text = "8月15日，青山市河西区人民法院黄河生态环境保护巡回审判庭挂牌成立。巡回审判庭庭长温雅丽介绍，今年共审结案件12件。"
    resolution = resolve([extract(_article(text))])
    tribunals = [e for e in resolution.entities if e.name.endswith("审判庭")]
    assert len(tribunals) == 1 and "巡回审判庭" in tribunals[0].aliases


@pytest.mark.parametrize("text, village, clinic, township", [
    ("11月5日，在温州市瓯海区泽雅镇翠凤村卫生室，72岁的村民孙阿婆拿着手机。", "翠凤村", "翠凤村卫生室", "泽雅镇"),
    ("兴隆镇马家岭村卫生室村医马学礼今年已通过平台上传心电图。", "马家岭村", "马家岭村卫生室", "兴隆镇"),
])
def test_a_village_clinic_is_a_body_named_after_its_village(text, village, clinic, township):
    extraction = extract(_article(text))
    found = {(m.text, m.kind) for m in extraction.mentions}
    assert {(village, Kind.PLACE), (clinic, Kind.ORG)} <= found and ("卫生室", Kind.PLACE) not in found
    rels = {(r.predicate, r.head.text, r.tail.text) for r in extraction.relations}
    assert {("locatedIn", clinic, village), ("locatedIn", village, township)} <= rels


@pytest.mark.parametrize("text, village, group", [
    ("家住回龙坝镇五云村大河沟组的邓红梅,孙子在读书。", "五云村", "大河沟组"),
    ("在太平坑村后门山组的集体林地内盗伐杉木。", "太平坑村", "后门山组"),
])
def test_a_short_named_group_after_its_village(text, village, group):
    extraction = extract(_article(text))
    found = {(m.text, m.kind) for m in extraction.mentions}
    assert {(village, Kind.PLACE), (group, Kind.PLACE)} <= found and ("后门山", Kind.PLACE) not in found
    assert ("locatedIn", group, village) in {(r.predicate, r.head.text, r.tail.text) for r in extraction.relations}
    assert ("青杠坪村工作组", Kind.ORG) in _found("青杠坪村工作组进村入户。", None)  # a work team, no group of villagers


def test_a_body_of_a_village_named_by_an_ordinary_word_is_a_name():
    from kg.extract.lexicon import ordinary_head

    assert not ordinary_head("晨光村党总支", "党总支")  # 晨光|村|党总支: the village's party branch
    assert ordinary_head("生产基地", "基地") and ordinary_head("进社区服务站", "服务站")
    assert ordinary_head("为乡镇卫生院", "卫生院")  # 为 (for) opens no village's name
    assert ordinary_head("家乡镇卫生院", "卫生院")  # 18|家|乡镇卫生院: a classifier


def test_an_internal_unit_written_after_its_body_s_name_is_named_with_it():
    found = _found("河北绒山纺织集团股份有限公司(以下简称“绒山集团”)投产。在绒山集团第二纺纱车间,32台梳绒机昼夜运转。", None)
    assert ("绒山集团第二纺纱车间", Kind.ORG) in found
    found = _found("青岳能源建设集团有限公司（以下简称“青岳能建”）总承包。青岳能建撒马尔罕光储项目部现有员工180人。", None)
    assert ("青岳能建撒马尔罕光储项目部", Kind.ORG) in found
    found = _found("检察官带队走进湖南青沩新材料股份有限公司3号车间，开展专项行动。", None)
    assert {("湖南青沩新材料股份有限公司3号车间", Kind.ORG), ("湖南青沩新材料股份有限公司", Kind.ORG)} <= found  # the parent too
    assert not any(text.endswith("车间") for text, _ in _found("绒山集团召开车间主任会议。绒山集团在车间召开会议。", None))
    assert ("温宿青源果品加工有限公司车间", Kind.ORG) not in _found("温宿青源果品加工有限公司车间里很忙。", None)  # a bare 车间


@pytest.mark.parametrize("text, company, country", [
    ("合作社与马来西亚GreenLeaf Fresh公司签订协议。", "GreenLeaf Fresh公司", "马来西亚"),
    ("摩洛哥Atlas Tea贸易公司今年采购了茶叶。", "Atlas Tea贸易公司", "摩洛哥"),
    ("园区与越南Sao Viet物流股份公司合作。", "Sao Viet物流股份公司", "越南"),
])
def test_a_latin_trade_name_before_a_company_s_chinese_kind(text, company, country):
    assert {(company, Kind.ORG), (country, Kind.PLACE)} <= _found(text, None)
    assert not any(name.startswith("TPA将") for name, _ in _found("明年，TPA将与中港航集团共同开展培训。", None))


def test_a_village_read_alone_before_its_clinic():
    from kg.extract.mentions import village_clinics

    text = "上午,演丰镇塔寮村卫生室里,渔民戴上心电仪。"
    town, village = Mention("t", 3, 6, "演丰镇", Kind.PLACE), Mention("t", 6, 9, "塔寮村", Kind.PLACE)
    found = {(m.text, m.kind) for m in village_clinics(text, (town, village))}
    assert found == {("演丰镇", Kind.PLACE), ("塔寮村", Kind.PLACE), ("塔寮村卫生室", Kind.ORG)}
    assert village_clinics("塔寮村村民说。", (Mention("t", 0, 3, "塔寮村", Kind.PLACE),)) == (Mention("t", 0, 3, "塔寮村", Kind.PLACE),)


@pytest.mark.parametrize("text, body, alias", [
    ("公司与日本三岭工业株式会社签订合作协议。", "日本三岭工业株式会社", "三岭工业株式会社"),  # without the country
    ("决赛在湖南省汨罗市汨罗江国际龙舟竞渡中心举行。", "湖南省汨罗市汨罗江国际龙舟竞渡中心", "汨罗江国际龙舟竞渡中心"),
    ("湖南省郴州市汝城县暖水镇卫生院开展义诊。", "湖南省郴州市汝城县暖水镇卫生院", "暖水镇卫生院"),  # by its own division
])
def test_a_body_named_with_its_places_is_also_called_without_them(text, body, alias):
    from kg.resolve import resolve

    entity = next(e for e in resolve([extract(_article(text))]).entities if e.name == body)
    assert alias in entity.aliases


def test_named_groups_listed_where_the_article_names_a_village_group_again():
    """某村石坪组 … ：石坪组、桃树组种茶，上院组、下院组养猪: all of them groups, and 摸清各组 none."""
    text = ("岩脚镇青松村石坪组的茶山上,村民正在采茶。青松村摸清各组资源,推行产业计划：石坪组、桃树组种茶,"
            "上院组、下院组养殖生猪,水井湾组、张家湾组发展中药材,课题组、工作组常来指导。")
    found = _found(text, None)
    assert {(g, Kind.PLACE) for g in ("石坪组", "桃树组", "上院组", "下院组", "水井湾组", "张家湾组")} <= found
    assert not any(stop in name for name, _ in found for stop in ("各组", "课题组", "工作组"))


def test_a_person_named_after_a_role_whatever_follows():
    """种植户任海军拿着调解书: 海军 (the navy) is no organization inside a person's name."""
    found = _found("在后屯村共享法庭，种植户任海军拿着调解书连声道谢。今年9月，任海军等17户菜农签约。", None)
    assert ("任海军", Kind.PERSON) in found and not {name for name, kind in found if kind is Kind.ORG and "海军" in name}
    assert ("韦达明", Kind.PERSON) in _found("青越通总经理韦达明说,公司在越南设立分公司。", None)  # not jieba's 韦达|明说


def test_a_place_the_labeller_is_sure_of_is_no_company_s_trade_name():
    """河西走廊 of 甘肃河西走廊铁路投资建设集团有限公司 (which declares 河西铁投集团) is the region."""
    found = _found("河西走廊蔬菜搭上冷链班列。项目由甘肃河西走廊铁路投资建设集团有限公司(以下简称“河西铁投集团”)投资,"
                   "把张掖打造成河西走廊重要的物流枢纽。", None)
    assert ("河西走廊", Kind.PLACE) in found and ("河西走廊", Kind.ORG) not in found
    found = _found("重庆渝南路桥建设集团有限公司承建。“工期提前了45天。”渝南路桥项目经理罗晓军说。", None)
    assert ("渝南路桥", Kind.ORG) in found  # a trade name no dictionary knows as a place


def test_a_latin_word_inside_a_chinese_company_name_stays_inside():
    """安徽青驰Robo智能装备有限公司: the Chinese trade name before the Latin word is the name's too."""
    found = _found("首批入驻企业中,安徽青驰Robo智能装备有限公司格外引人注目。", None)
    assert ("安徽青驰Robo智能装备有限公司", Kind.ORG) in found and ("Robo智能装备有限公司", Kind.ORG) not in found


def test_a_post_read_into_a_name_s_end_takes_it_back():
    """党员楼组长: the post is 楼组长 (a building's group leader), and 党员 no organization; 业委会 names no one."""
    found = _found("每个网格由一名党员楼组长牵头,由党员楼组长、物业经理和业委会主任组成。", None)
    assert not {name for name, kind in found if kind is Kind.ORG}
    assert ("青山区财政局", Kind.ORG) in _found("青山区财政局长王明说。", None)  # 局 of 局长 ends the name


def test_a_name_read_across_former_name_words_is_two_names():
    """琼帆航运原名海口琼帆船务有限公司 read as one span: the body's name and its former one."""
    from dataclasses import replace

    from kg.extract.spans import labelled

    text = "琼帆航运原名海口琼帆船务有限公司,去年更名。"
    doc = replace(make_doc(_article(text)), labels=((0, 16, Kind.ORG, 0.8),))
    assert [m.text for m in labelled(doc)] == ["琼帆航运", "海口琼帆船务有限公司"]


def test_a_joiner_that_opens_a_one_character_name_joins_nothing():
    """新华街道和顺社区: 和 opens 和顺社区 (顺社区 is too short a name); 青山站和白沙站 are two stations."""
    from kg.extract.spans import split_joined

    assert [name for _, name in split_joined("新华街道和顺社区", Kind.PLACE)] == ["新华街道和顺社区"]
    assert [name for _, name in split_joined("青山站和白沙站", Kind.PLACE)] == ["青山站", "白沙站"]


def test_a_place_read_from_inside_a_place_word_starts_with_the_word():
    """避|暑山庄: the labeller's place starts where jieba's place word 避暑山庄 does."""
    from dataclasses import replace

    from kg.extract.spans import labelled

    text = "跑者途经避暑山庄,抵达终点。"
    doc = replace(make_doc(_article(text)), labels=((5, 8, Kind.PLACE, 0.73),))
    assert [m.text for m in labelled(doc)] == ["避暑山庄"]
    text = "在黄河入海口沿岸开展巡查。"  # 入海口/ns: 海口 is a city the labeller reads (two characters: no word's end)
    doc = replace(make_doc(_article(text)), labels=((4, 6, Kind.PLACE, 0.81),))
    assert [m.text for m in labelled(doc)] == ["海口"]


def test_a_byline_name_ending_in_a_joiner_s_character():
    """通讯员 岳清和 冉思佳: the byline's names are what the spaces part; 和 is the name's, no list word."""
    people = {name for name, kind in _found("□ 青州日报全媒体记者 邓晓岚 通讯员 岳清和 冉思佳", None) if kind is Kind.PERSON}
    assert {"邓晓岚", "岳清和", "冉思佳"} <= people and "岳清" not in people


def test_a_country_and_its_city_after_a_verb_are_two_places():
    """发往越南海防市: the suffix name 往越南海防市 starts at the labeller's 越南, which it reads apart from 海防市."""
    found = _found("首批300辆电动轻卡将经钦州港发往越南海防市。", None)
    assert {("越南", Kind.PLACE), ("海防市", Kind.PLACE)} <= found and ("越南海防市", Kind.PLACE) not in found


def test_a_counted_machine_is_no_organization():
    """调试一台摩托车发动机缸体加工中心: 一台 counts machines; 加工中心 here is a machine tool."""
    found = _found("学生王小军正在调试一台摩托车发动机缸体加工中心。", None)
    assert not {name for name, kind in found if kind is Kind.ORG}
    assert ("铁道部十四局三处丽华服装厂", Kind.ORG) in _found("铁道部十四局三处丽华服装厂开展工间操。", None)  # 三处: a unit
    found = _found("明年将在双林寺、镇国寺两处景区增设诉讼服务点。", None)  # 两处: a count
    assert ("镇国寺", Kind.PLACE) in found and not any("两处" in name for name, _ in found)


def test_the_parent_of_a_japanese_or_korean_company_s_branch_keeps_its_legal_form():
    """韩国大恩科技株式会社西安分公司: its parent is 韩国大恩科技株式会社 (株式会社 ends a company's name)."""
    from kg.extract.mentions import parents_of_units

    text = "韩国青恩科技株式会社西安分公司"
    found = {m.text for m in parents_of_units((Mention("t", 0, len(text), text, Kind.ORG),))}
    assert found == {text, "韩国青恩科技株式会社"}


def test_cadres_are_no_department():
    """镇村干部: 干部 (cadres) ends in 部 but names no body; a company's 中国区 is no place."""
    assert not {name for name, kind in _found("书记带着镇村干部沿河巡查。", None) if kind is Kind.ORG}
    assert ("中国区", Kind.PLACE) not in _found("哈萨克斯坦草原之星物流公司中国区代表努尔兰·塞特卡利说。", None)


def test_a_post_is_no_person_nor_a_place_s_end():
    """“河长+”: the post alone is nobody; “民间河长”: 民间河 is no river (河长 is the post)."""
    found = _found("### 青溪：“河长+”守护一江碧水\n在青坊村，67岁的“民间河长”吴金水每天巡河。", None)
    assert not {name for name, kind in found if "河" in name and kind in (Kind.PERSON, Kind.PLACE)}
    assert ("吴金水", Kind.PERSON) in found


def test_a_person_read_with_the_adverb_after_the_name():
    """邓桂芬正|和邻居商量: where the article also writes 邓桂芬 alone, the adverb 正 is no part of the name."""
    from kg.extract.mentions import people_without_adverbs

    text = "邓桂芬正和邻居商量。邓桂芬说。"
    found = people_without_adverbs((Mention("t", 0, 4, "邓桂芬正", Kind.PERSON), Mention("t", 10, 13, "邓桂芬", Kind.PERSON)))
    assert [m.text for m in found] == ["邓桂芬", "邓桂芬"]
    alone = (Mention("t", 0, 3, "赵大正", Kind.PERSON),)
    assert people_without_adverbs(alone) == alone  # not when the article never writes the shorter name (赵大正)
    assert [m.text for m in people_without_adverbs((Mention("t", 0, 4, "邓桂芬正", Kind.PERSON),))] == ["邓桂芬"]
    # (but four characters of a one-character surname and an adverb: 邓桂芬|正)


@pytest.mark.parametrize("text, name", [
    ("湖南青舟龙舟器材有限公司、湖南K8龙舟器材制造有限公司等提供赞助。", "湖南K8龙舟器材制造有限公司"),  # a province opens the name
    ("“抵港直装”等便利化措施。湛江海关所属霞山海关副关长韦国栋说。", "湛江海关"),  # 所属 (under) is no 所
])
def test_organization_names_at_their_edges(text, name):
    assert (name, Kind.ORG) in _found(text, None)


def test_a_one_character_place_inside_a_short_quoted_name_is_none():
    """“抵港直装”: 港 is no Hong Kong, and the quoted measure an initiative."""
    found = _found("海关推行“船边直提”“抵港直装”等便利化措施。", None)
    assert ("抵港直装", Kind.INITIATIVE) in found and not {name for name, kind in found if kind is Kind.PLACE}


def test_a_foreign_body_after_its_country_keeps_its_suffix_s_kind():
    """葡萄牙|里斯本东方瓷器博物馆 read as two places: the museum is an organization, as its suffix says."""
    found = _found("展览由葡萄牙里斯本东方瓷器博物馆、肯尼亚蒙巴萨海岸考古博物馆共同主办。", None)
    assert {("里斯本东方瓷器博物馆", Kind.ORG), ("蒙巴萨海岸考古博物馆", Kind.ORG), ("肯尼亚", Kind.PLACE)} <= found
    found = _found("“卡西尼”号飞船是1997年10月15日从美国肯尼迪航天中心发射上天的。", None)
    assert ("肯尼迪航天中心", Kind.PLACE) in found  # 中心: as the labeller reads it


def test_a_village_clinic_named_with_its_township_is_called_by_its_village_too():
    """花坪镇石门河村卫生室: the clinic's own name is 石门河村卫生室."""
    ext = extract(_article("医师正在为40公里外花坪镇石门河村卫生室的一名患者读图。"))
    clinic = next(m for m in ext.mentions if m.text == "花坪镇石门河村卫生室")
    assert clinic.kind is Kind.ORG and clinic.alias == "石门河村卫生室"


def test_a_quoted_name_the_labeller_reads_short_is_read_whole():
    """“桂海东盟|通”: the labeller's span ends inside the quoted name the rules read whole; the quoted
    name stands, and is sure wherever quoted once it is sure somewhere (“某某”计划 … “某某”由某公司运营)."""
    from kg.extract.mentions import reconcile

    text = "据介绍,“桂海东盟通”由华远海运集团有限公司牵头运营。"
    at = text.index("桂海东盟通")
    rule = Mention("t", at, at + 5, "桂海东盟通", Kind.INITIATIVE, by="rules.quoted", score=0.6)
    labelled = Mention("t", at, at + 4, "桂海东盟", Kind.ORG, by="labeller", score=0.95)
    assert reconcile([rule, labelled]) == (rule,)
    text = "两地启动“桂海东盟通”计划。据介绍,“桂海东盟通”由某公司运营。"
    assert [m.score for m in quoted(make_doc(_article(text))) if m.text == "桂海东盟通"] == [1.0, 1.0]


def test_a_quoted_name_typed_by_its_suffix_is_an_initiative_where_sure_elsewhere():
    """某街道“暖心物业”让小区治理… and 推行“暖心物业”工程: one initiative, not a company in the headline."""
    text = "### 青禾街道“暖心物业”让小区治理更有温度\n\n街道党工委推行“暖心物业”工程,推动物业服务企业成立党支部。"
    assert {m.kind for m in quoted(make_doc(_article(text))) if m.text == "暖心物业"} == {Kind.INITIATIVE}
    text = "巡护员可以通过手机上的“护源通”巡护系统实时上报。“护源通”由管委会联合某公司开发。"  # (系统 a head)
    assert [(m.kind, m.score) for m in quoted(make_doc(_article(text))) if m.text == "护源通"] == [(Kind.INITIATIVE, 1.0)] * 2


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("春晖路街道组织辖区各社区志愿者组建服务队。", ("春晖路街道", Kind.PLACE), "春晖路街道组织"),  # a verb after the suffix
        ("对敦煌市、瓜州县境内的36处石窟开展数字化采集。", ("瓜州县", Kind.PLACE), "36处石窟"),  # a count opens no name
        ("金龙艺术团联合巴川街道和平社区、铜梁区龙城实验小学开办训练营。", ("巴川街道", Kind.PLACE), "巴川街道和平社区"),  # two places
        ("金龙艺术团团长黄德明说。", ("黄德明", Kind.PERSON), "黄德"),  # 团长 is a post (not jieba's 黄|德|明说)
        ("建成石窟数字资源库“千窟云藏”，向公众免费开放。", ("千窟云藏", Kind.INITIATIVE), ""),  # a head before the quotes
    ],
)
def test_names_end_at_verbs_counts_and_posts(text, expected, absent):
    found = {(m.text, m.kind) for m in extract(_article(text)).mentions}
    assert expected in found and absent not in {name for name, _ in found}


def test_head_words_after_a_quoted_name_are_its_alias_not_a_place():
    """“小龙人”青少年龙舞训练营: the words after the quotes are the initiative's head, found as jieba's words;
    the labeller's reading of them names nothing."""
    text = "社区开办“小龙人”青少年龙舞训练营,招收学员52名。图为“小龙人”青少年龙舞训练营学员在开幕式上表演。"
    ext = extract(_article(text))
    assert [m.alias for m in ext.mentions if m.text == "小龙人"][0] == "小龙人青少年龙舞训练营"
    assert not [m for m in ext.mentions if "训练营" in m.text]


def test_a_suffix_name_runs_over_jiebas_measure_kou():
    """陶器|口/q|正街|商户|联盟: 口 (a pass, a ferry) opens no count inside a place's or a body's name."""
    from kg.extract.lexicon import suffix_names

    found = {(m.text, m.kind) for m in suffix_names(make_doc(_article("这是陶器口正街商户联盟成立以来的首场活动。")))}
    assert ("陶器口正街商户联盟", Kind.ORG) in found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("晚上,洪安镇电子商务服务站的直播间里很热闹。", ("洪安镇电子商务服务站", Kind.ORG), "电子商务服务站"),  # a township's body
        ("旗下江海船舶、江海海工两大造船基地均已排产。", None, "江海海工两大造船基地"),  # 两|大: a count
        ("在右所镇、邓川镇等沿河乡镇组建志愿服务队。", ("邓川镇", Kind.PLACE), "沿河乡"),  # 乡|镇: a word the suffix opens
        ("并在凤翔社区、石堰村设置家庭医生工作站。", ("石堰村", Kind.PLACE), "石堰村设置家庭医生工作站"),  # a founding verb
        ("该组织目前在青山区运营社区养老服务站11个。", ("青山区", Kind.PLACE), "青山区运营社区养老服务站"),  # a count after
        ("南通正依托长江入海口区位优势推进产业。", ("长江", Kind.PLACE), "入海口区"),
    ],
)
def test_names_end_at_counts_founding_verbs_and_words_their_suffix_opens(text, expected, absent):
    found = {(m.text, m.kind) for m in extract(_article(text)).mentions}
    assert (expected is None or expected in found) and absent not in {name for name, _ in found}


def test_a_place_read_before_a_programme_head_is_the_programme_named_elsewhere():
    """建设的青州海洋牧场项目 … 青州海洋牧场|项目是…: the second reading is the programme too, one node."""
    from kg.extract.mentions import projects_read_short

    text = "建设的青州海洋牧场项目投用。青州海洋牧场项目是重点。"
    first, second = text.index("青州"), text.rindex("青州")
    read = (Mention("t", first, first + 8, "青州海洋牧场项目", Kind.INITIATIVE, by="rules.programme"),
            Mention("t", second, second + 6, "青州海洋牧场", Kind.PLACE, by="labeller"))
    assert [(m.text, m.kind) for m in projects_read_short(text, read)] == [("青州海洋牧场项目", Kind.INITIATIVE)] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在开幕当天举行的中俄冰雪产业合作论坛上，双方签约。", "中俄冰雪产业合作论坛"),  # 中|俄: China and a country
        ("设置冰雪装备展、中俄冰雪产业合作论坛等8项主体活动。", "中俄冰雪产业合作论坛"),
        ("在出席夏季青州论坛期间，总理会见了客人。", "夏季青州论坛"),  # a season opens the name
        ("近日,东溪古镇保护修缮工程一期完工。", "东溪古镇保护修缮工程"),  # a project's head
        ("一袋袋印着“津硒云岚”商标的绿茶被装箱。", "津硒云岚"),  # a trademark
    ],
)
def test_forums_projects_and_trademarks_are_initiatives(text, expected):
    assert (expected, Kind.INITIATIVE) in {(m.text, m.kind) for m in extract(_article(text)).mentions}


def test_posts_and_leading_verbs_before_names():
    """副关长 is a customs post (not jieba's 关长|程); 串联 (a verb jieba tags as a place) opens no place."""
    found = {(m.text, m.kind) for m in extract(_article("青州海关副关长程立新介绍情况。线路串联云端廊桥、天坑观景台等点位。")).mentions}
    assert ("程立新", Kind.PERSON) in found and ("云端廊桥", Kind.PLACE) in found
    assert not {name for name, _ in found} & {"关长程", "串联云端廊桥"}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("9月1日,位于青州新区容东片区的青州新区容和医院正式开诊。", ("青州新区容和医院", Kind.ORG), ""),  # a body's suffix
        ("在位于青州工业园区的柚谷公司生产车间里,生产线正满负荷运转。", ("柚谷公司", Kind.ORG), "柚谷公司生产车间"),  # a kind of unit
        ("奉节脐橙借道万州搭上冷链班列。", ("万州", Kind.PLACE), "道万州"),  # 借|道: a verb jieba cuts
        ("在近日举行的2024中国(青川)生猪产业推介会上,双方签约。", ("2024中国(青川)生猪产业推介会", Kind.INITIATIVE), ""),
        ("璧山:市场监管所变身群众“家门口的服务站”。", ("璧山", Kind.PLACE), "家门口的服务站"),  # a description
    ],
)
def test_bodies_units_leading_verbs_and_bracketed_events(text, expected, absent):
    found = {(m.text, m.kind) for m in extract(_article(text)).mentions}
    assert expected in found and absent not in {name for name, _ in found}


def test_a_person_read_without_the_first_characters_of_a_name_written_whole():
    """中|村俊介 beside 中村俊介 written whole there: the whole name."""
    from kg.extract.mentions import people_read_short

    text = "陶艺家中村俊介带来作品。中村俊介说。"
    read = (Mention("t", 3, 7, "中村俊介", Kind.PERSON), Mention("t", 13, 16, "村俊介", Kind.PERSON))
    assert [m.text for m in people_read_short(text, read)] == ["中村俊介", "中村俊介"]


def test_a_body_read_without_the_character_opening_its_trade_name_elsewhere():
    """全资子公司中|冀安泰医疗工程有限公司 beside 中冀安泰建设集团有限公司: 中 is the name's (not 某公司|青州公司's 司)."""
    from kg.extract.mentions import bodies_read_short

    text = "由中冀安泰建设集团有限公司承建,其子公司中冀安泰医疗工程有限公司负责。"
    first, second = text.index("中冀"), text.rindex("冀安泰")
    read = (Mention("t", first, first + 12, text[first:first + 12], Kind.ORG),
            Mention("t", second, second + 11, text[second:second + 11], Kind.ORG))
    assert [m.text for m in bodies_read_short(text, read)] == ["中冀安泰建设集团有限公司", "中冀安泰医疗工程有限公司"]
    text = "华中冀安泰集团,中冀安泰医疗公司"
    apart = (Mention("t", 0, 2, "华中", Kind.PLACE), Mention("t", 2, 7, "冀安泰集团", Kind.ORG),
             Mention("t", 8, 16, "中冀安泰医疗公司", Kind.ORG))
    assert bodies_read_short(text, apart) == apart  # the character before is another name's (华中)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("每周开通3班重庆至布达佩斯、2班重庆至吉隆坡的航线。", ("吉隆坡", Kind.PLACE), "2班重庆"),  # a count of flights
        ("3月22日,第五届太平牡丹花朝会在青州县太平镇开幕。", ("太平牡丹花朝会", Kind.INITIATIVE), ""),  # a flower fair
        ("公司由太平镇集体经济组织与社会资本共同出资组建。", ("太平镇", Kind.PLACE), "太平镇集体经济组织"),  # a generic tail
    ],
)
def test_counts_flower_fairs_and_generic_tails(text, expected, absent):
    found = {(m.text, m.kind) for m in extract(_article(text)).mentions}
    assert expected in found and absent not in {name for name, _ in found}


def test_listed_projects_are_initiatives_only_where_they_are_built():
    """加快甲、乙等项目建设: two projects; 推出甲、乙、丙等体验项目 (activities) names none."""
    built = extract(_article("加快青綦城际铁路、东溪至赶水旅游公路等项目建设。"), ("enumerations",)).mentions
    assert {m.text for m in built if m.kind is Kind.INITIATIVE} == {"青綦城际铁路", "东溪至赶水旅游公路"}
    tried = extract(_article("推出果园采摘、江边露营、农家宴席等体验项目。"), ("enumerations",)).mentions
    assert not [m for m in tried if m.kind is Kind.INITIATIVE]


def test_a_region_that_is_no_division_is_named_with_its_diqu_too():
    """华北|地区, 长三角|地区: the region, its name with 地区 an alias; 重庆|地区: the city, no alias."""
    text = "产品辐射华北地区和长三角地区，重庆地区的企业也纷纷前来。"
    aliases = {m.text: m.alias for m in extract(_article(text)).mentions if m.kind is Kind.PLACE}
    assert aliases == {"华北": "华北地区", "长三角": "长三角地区", "重庆": None}


def test_scenic_and_park_lists_type_their_members():
    """等景区 lists scenic places; 等园区 lists parks by short names the text writes in full elsewhere."""
    text = ("游客凭门票还可游览青峰峡、白鹭洲等景区。该旗以石湾庙、乌兰松等园区为重点，推动石湾庙经济开发区扩区。"
            "游客可游览安定古城、青峰峡等景点，安定古城游人如织。推动林芝市鲁岗沟、青峰峡等景区提质。")
    found = {m.text: m for m in extract(_article(text), ("enumerations",)).mentions}
    assert {"青峰峡", "白鹭洲", "石湾庙", "乌兰松", "安定古城"} <= set(found)
    assert not {"古城", "林芝市鲁岗沟"} & set(found)  # (游览|安定|古城: 安定古城 is written alone too; a place chain)
    assert all(found[name].kind is Kind.PLACE for name in ("青峰峡", "白鹭洲", "石湾庙", "乌兰松"))
    assert found["石湾庙"].alias == "石湾庙经济开发区" and found["乌兰松"].alias is None


def test_posts_after_a_declared_short_form_and_before_another_title():
    """某中心(以下简称县某中心)高级农艺师某某: the bracket declaring the short form stands between the body
    and the post; 某中心主任、市级非遗传承人某某: a title after the post is no body's."""
    rels = _relations("青山县农业技术推广中心(以下简称县农技中心)高级农艺师周明远介绍,今年建成3个基地。", None)
    assert any(r[:2] == ("memberOf", "周明远") and r[3] == "高级农艺师" for r in rels)
    rels = _relations("青禾山歌传习中心主任、市级非遗代表性传承人孟雪松介绍,中心已收录曲目600余首。", None)
    assert ("memberOf", "孟雪松", "青禾山歌传习中心", "主任") in rels


def test_a_post_after_an_anaphor_of_a_short_form_or_a_cooperative():
    """公司董事长某某 after 青禾熏味 (青禾熏味食品有限公司's declared short form); 合作社理事长某某."""
    text = ("重庆青禾熏味食品有限公司(以下简称青禾熏味)新建车间。青禾熏味位于兴田村,是腊肉加工龙头企业。"
            "公司董事长周明远说,车间投用后效果明显。")
    assert any(r[:2] == ("memberOf", "周明远") and r[2] in ("青禾熏味", "重庆青禾熏味食品有限公司") for r in _relations(text, None))
    text = "青山县松溪河鲜养殖专业合作社去年产值过千万。合作社理事长孟雪松说,今年还要扩大规模。"
    assert ("memberOf", "孟雪松", "青山县松溪河鲜养殖专业合作社", "理事长") in _relations(text, None)
    text = "“今年游客翻番。”“青禾之星”公司总经理周明远表示，公司计划扩建。青山旅游集团有限公司也在此投资。"
    assert not any(r[0] == "memberOf" for r in _relations("青山旅游集团有限公司投资建设。" + text, None))  # (a quoted name's 公司)


def test_a_five_character_name_in_a_dateline_byline():
    """（记者 某某 通讯员 乌云其其格）: a Mongolian name of five characters; the byline names the outlet too."""
    text = "中国乡村网包头5月16日讯（记者 周明远 通讯员 乌云其其格）5月15日，青禾稀土有限公司项目投产。"
    found = {(m.text, m.kind) for m in extract(_article(text), ("bylines",)).mentions}
    assert {("中国乡村网", Kind.ORG), ("乌云其其格", Kind.PERSON), ("周明远", Kind.PERSON)} <= found
    assert ("memberOf", "周明远", "中国乡村网", "记者") in _relations(text, None)


def test_an_edition_number_is_an_alias_of_the_event():
    """第三届某某半程马拉松: the event's name, the form with its edition an alias; 首届…展演 by its edition."""
    text = "11月17日,第三届青山湖半程马拉松在湿地公园开跑。下一步将筹办首届武陵山区土家摆手舞展演。"
    found = {m.text: m.alias for m in extract(_article(text)).mentions if m.kind is Kind.INITIATIVE}
    assert found.get("青山湖半程马拉松") == "第三届青山湖半程马拉松"
    assert "武陵山区土家摆手舞展演" in found or "首届武陵山区土家摆手舞展演" in found.values()


def test_a_company_named_with_its_country_in_brackets():
    """某某（马来西亚）贸易有限公司: one company, the country in brackets inside its name."""
    text = "荔丰源在吉隆坡设立的子公司荔丰源（马来西亚）贸易有限公司负责当地清关。"
    found = {(m.text, m.kind) for m in extract(_article(text)).mentions}
    assert ("荔丰源（马来西亚）贸易有限公司", Kind.ORG) in found and ("贸易有限公司", Kind.ORG) not in found


def test_a_workshop_is_a_body_and_a_quoted_one_a_programme():
    """某某竹编工坊 is a body (工坊 ends organizations' names); “某某工坊” in quotes names a programme's brand."""
    found = {(m.text, m.kind) for m in extract(_article("青石镇丹青竹编工坊成立于2021年，该村还打造“巧手工坊”品牌。")).mentions}
    assert ("丹青竹编工坊", Kind.ORG) in found or ("青石镇丹青竹编工坊", Kind.ORG) in found
    assert ("巧手工坊", Kind.INITIATIVE) in found


def test_an_owners_share_ends_its_name_and_makes_a_subsidiary():
    """甲是乙有限公司控股的某某子公司, 由区供销社控股的甲: 控股 is the owner's share, no part of its name,
    and 甲 is a unit of the owner."""
    rels = _relations("青禾稀土材料股份有限公司是青禾钢铁集团有限责任公司控股的稀土板块子公司。", None)
    assert ("subOrganizationOf", "青禾稀土材料股份有限公司", "青禾钢铁集团有限责任公司", None) in rels
    found = {m.text for m in extract(_article("物流园由区供销社控股的青山冷链物流有限公司投资建设。")).mentions}
    assert "区供销社" in found and "区供销社控股" not in found


def test_words_around_a_place_that_are_no_part_of_it():
    """周边|某某岭, 距离|景区: no name opens with them; 重庆主城: a part of the city, and the city."""
    found = {m.text for m in extract(_article("小镇带动了周边铜鼓岭、东郊椰林等景区的客流，距离景区不远的青石镇也受益。"
                                                "公司还在重庆主城开设了3家直营店。")).mentions}
    assert {"铜鼓岭", "青石镇", "重庆", "重庆主城"} <= found
    assert not {"周边铜鼓岭", "距离景区"} & found


def test_a_list_starts_after_de_and_a_name_after_a_comma():
    """将附近的|甲、乙等景点: the list starts after 的; 景洪市某镇,|州保护区管理局 read as one span: the body after the comma."""
    found = {m.text for m in extract(_article("不妨将附近的青坪羌寨、白棚沟等景点也规划入行程。"), ("enumerations",)).mentions}
    assert {"青坪羌寨", "白棚沟"} <= found and not any(name.startswith("将") for name in found)
    found = {m.text for m in extract(_article("平台覆盖景洪市勐养镇,州保护区管理局下属的保护站负责巡护。")).mentions}
    assert not any("," in name for name in found)


@pytest.mark.parametrize(("text", "shows"), [
    ("《瓷韵丝路——当代青州陶瓷艺术精品展》在青州开幕。", {"瓷韵丝路——当代青州陶瓷艺术精品展"}),  # a title ending in 展
    ("大型水上实景演出《汴河千灯》首演。", {"汴河千灯"}),  # a show named after 实景演出
    ("游客观看《阿妹出嫁》演出。", {"阿妹出嫁"}),
    ("传统剧目《二郎降妖》获得金奖。", set()),  # a play is a work, no initiative
    ("一曲《嘉陵江上》引来掌声。", set()),
])
def test_shows_and_exhibitions_in_title_marks_are_initiatives(text, shows):
    found = extract(_article(text), ("titled_shows",)).mentions
    assert {m.text for m in found} == shows
    assert all(m.alias == "瓷韵丝路" for m in found if "——" in m.text)  # the title before its subtitle


def test_a_store_of_a_company_read_as_a_banner_is_the_store():
    """瓷韵文创磁器口旗|舰店: the labeller's banner (旗) inside the word 旗舰店 is the company's store."""
    text = ("青瓷文化创意有限公司(以下简称青瓷文创)是一家文创企业。记者在其开设的青瓷文创磁器口旗舰店看到,"
            "冰箱贴摆满货架。青禾集团旗下有三家公司。")
    ext = extract(_article(text))
    kinds = {m.text: m.kind for m in ext.mentions}
    assert kinds.get("青瓷文创磁器口旗舰店") is Kind.ORG
    assert not any(k is Kind.PLACE and n.endswith("旗") for n, k in kinds.items())


def test_a_store_named_after_its_brand_is_a_unit_of_the_company():
    """罗记酸辣粉|成都春熙路店, 渝峡烤鱼|北京望京店: the brand the article names, the fare and the
    store's place are one store, a unit of the brand's company; a store of the brand with no place of
    its own (惠邻生鲜门店) is not."""
    text = ("12月8日,罗记酸辣粉成都春熙路店正式开业。这家门店是重庆罗记餐饮管理有限公司(以下简称“罗记餐饮”)"
            "开出的第30家门店。罗记酸辣粉创立于1986年。")
    ext = extract(_article(text))
    kinds = {m.text: m.kind for m in ext.mentions}
    assert kinds.get("罗记酸辣粉成都春熙路店") is Kind.ORG and "成都春熙路店" not in kinds
    assert ("subOrganizationOf", "罗记酸辣粉成都春熙路店", "罗记") in {  # 罗记: the company's short form
        (r.predicate, r.head.text, r.tail.text) for r in ext.relations}


@pytest.mark.parametrize(("before", "store", "kind", "expected"), [
    ("其中开业的渝峡烤鱼", "北京望京店", Kind.PLACE, "渝峡烤鱼北京望京店"),
    ("其中开业的渝峡烤鱼", "北京望京酒店", Kind.PLACE, None),  # a hotel is a body of its own
    ("渝峡在北京开设的", "望京店", Kind.PLACE, None),  # 在, 开设, 的 between: no one name
    ("走进", "渝峡生鲜门店", Kind.ORG, None),  # the brand's store, no place named
])
def test_brand_stores(before, store, kind, expected):
    from kg.extract.mentions import BRAND_STORE, brand_stores

    text = before + store + "。"
    brand = Mention("a", 0, 0, "渝峡烤鱼", Kind.INITIATIVE)
    company = Mention("a", 0, 0, "渝峡", Kind.ORG)
    found = brand_stores(text, (brand, company, Mention("a", len(before), len(before) + len(store), store, kind, by="labeller")))
    assert [m.text for m in found if m.by == BRAND_STORE] == ([expected] if expected else [])


def test_a_unit_and_the_body_it_belongs_to_are_two_names():
    """某酒庄|隶属于|某公司: the verb of belonging ends the company's name read leftwards from its suffix,
    and a place so owned is a body, a unit of the company."""
    from kg.extract.mentions import owned_places

    names = {m.text for m in suffix_names(make_doc(_article("海岬酒庄隶属于烟台青岬葡萄酒股份有限公司,拥有葡萄园。")))}
    assert "烟台青岬葡萄酒股份有限公司" in names and not any("隶属" in n for n in names)
    text = "在刘家沟镇的海岬酒庄,葡萄采收进入尾声。海岬酒庄隶属于烟台青岬葡萄酒股份有限公司。"
    place, owned = (Mention("t", i, i + 4, "海岬酒庄", Kind.PLACE) for i in (text.index("海岬"), text.rindex("海岬")))
    at = text.index("烟台")
    company = Mention("t", at, at + 13, "烟台青岬葡萄酒股份有限公司", Kind.ORG)
    assert [m.kind for m in owned_places(text, (place, owned, company))] == [Kind.ORG] * 3
    assert [m.kind for m in owned_places(text.replace("隶属于", "紧邻"), (place, owned, company))] == [Kind.PLACE, Kind.PLACE, Kind.ORG]


def test_a_subsidiary_named_with_its_country_in_brackets_is_one_company():
    """某某发制品|（尼日利亚）有限公司: the labeller's name, the country in brackets and a bare legal form."""
    text = "2019年，集团在尼日利亚拉各斯设立全资子公司华丝发制品（尼日利亚）有限公司，建设本地化生产线。"
    assert "华丝发制品（尼日利亚）有限公司" in {m.text for m in extract(_article(text)).mentions if m.kind is Kind.ORG}


@pytest.mark.parametrize("text", ["并与成渝两地20余家旅行社建立客源合作。", "站里组建了12支技术服务队,常年驻村指导。"])
def test_a_count_in_figures_opens_no_name(text):
    assert not [m.text for m in suffix_names(make_doc(_article(text))) if m.kind is Kind.ORG]


def test_a_grower_s_title_and_a_place_s_produce_are_no_names():
    """瓜农 (a title before the name) is no person, 哈密瓜 (a place's produce) no place."""
    text = "在伊州区南湖乡红山村,瓜农买买提·吐尔逊把一个个网纹清晰的哈密瓜装进周转筐。"
    found = {(m.text, m.kind) for m in extract(_article(text)).mentions}
    assert ("买买提·吐尔逊", Kind.PERSON) in found and ("红山村", Kind.PLACE) in found
    assert not {name for name, _ in found} & {"瓜农", "哈密瓜"}


def test_coastal_and_riverside_are_no_short_names_of_counties():
    from kg import gazetteer

    assert not gazetteer.find("至东郊椰林的滨海旅游线") and not gazetteer.find("文创街区和滨江绿廊")
    assert [name for _, _, name in gazetteer.find("盐城市滨海县")] == ["盐城市", "滨海县"]


def test_an_owner_read_with_its_subsidiary_word_and_a_verb_inside_a_company_s_name():
    """参源股份全资子公司|抚松参源林下参种植有限公司: the labeller's span ends with the word for the
    subsidiary, which is the owner's; 种植 inside the company's name is what it does."""
    text = "公司总经理姜志远告诉记者,参源股份全资子公司抚松参源林下参种植有限公司在漫江镇经营着种植基地。"
    names = {m.text for m in extract(_article(text)).mentions if m.kind is Kind.ORG}
    assert "参源股份" in names and not any(n.endswith("子公司") for n in names)
    assert "青禾种植有限公司" in {m.text for m in suffix_names(make_doc(_article("青禾种植有限公司成立。")))}


@pytest.mark.parametrize(("text", "name", "kept"), [
    ("推动化工园区安全发展。", "化工园区", False),  # any chemical park
    ("推动物流园区建设。", "物流园区", False),
    ("长寿化工园区安全发展。", "长寿化工园区", True),  # a park with a place's name
    ("园区的核心港区建设加快。", "核心港区", False),  # the core harbour area of any port
    ("该产线年产能达60万套,产品将配套园区内多家整车企业。", "配套园区", False),  # 配套 a verb here, no park's name
])
def test_an_industry_park_needs_a_name(text, name, kept):
    assert (name in {m.text for m in extract(_article(text)).mentions}) is kept


def test_a_harbour_area_is_a_place():
    found = _found("集团依托霞山港区和东海岛港区建设冷链码头。", RULES)
    assert {("霞山港区", Kind.PLACE), ("东海岛港区", Kind.PLACE)} <= found


def test_headquarters_of_a_body_the_article_names_are_the_body():
    """飞天数字|总部位于敦煌市: the declared short form's headquarters are the company (not 某集团雄安总部)."""
    text = ("研究院与敦煌飞天数字科技有限公司（以下简称“飞天数字”）签署协议。飞天数字总部位于敦煌市沙州镇。"
            "据介绍，恒泰集团雄安总部将于明年启用。")
    names = {m.text for m in extract(_article(text)).mentions if m.kind is Kind.ORG}
    assert "飞天数字总部" not in names and "飞天数字" in names


@pytest.mark.parametrize(("text", "person"), [
    ("以前摘一背篓李子要走半个小时山路。", None),  # the fruit
    ("果农们背着背篓穿行在李树间。", None),  # the trees
    ("巫山 梯地脆李红满坡 丰收节上客商来。", None),  # 脆李 the fruit, 红满坡 no given name
    ("记者李子明说，今年收成好。", "李子明"),  # a person whose name opens like the fruit
])
def test_a_fruit_that_holds_a_surname_is_no_person(text, person):
    people = {m.text for m in extract(_article(text)).mentions if m.kind is Kind.PERSON}
    assert people == ({person} if person else set())


def test_a_craftswoman_title_is_no_part_of_her_name():
    assert ("钟玉兰", Kind.PERSON) in _found("52岁的织娘钟玉兰坐在木织机前。", (*RULES, "labeller"))


def test_some_of_a_kind_counted_in_figures_are_no_name():
    """7处|牡丹园 (jieba's 处 a noun): some peony gardens, not one by name."""
    found = {m.text for m in extract(_article("该线路串联太平镇、高安镇的7处牡丹园和12家乡村民宿。")).mentions}
    assert not any(name.endswith("牡丹园") for name in found) and {"太平镇", "高安镇"} <= found


def test_an_events_name_without_its_head_is_no_organization():
    """第二届|三峡水电研学旅行|大会: the labeller's organization inside the event is the event, read short."""
    found = extract(_article("8月,市文旅局将在宜昌举办第二届三峡水电研学旅行大会。")).mentions
    assert "三峡水电研学旅行" not in {m.text for m in found}
    assert ("三峡水电研学旅行大会", Kind.INITIATIVE) in {(m.text, m.kind) for m in found}


def test_a_site_named_after_the_township_around_it():
    """安居镇|安居/v|古城: the township's name opens the old town's (jieba reads 安居 as a verb), and a
    generic 古城 after a place the gazetteer knows is no division of its own."""
    found = {m.text: m.kind for m in extract(_article("在安居镇安居古城内的龙韵坊非遗工坊里,扎龙师傅们正忙着。")).mentions}
    assert found.get("安居古城") is Kind.PLACE
    assert "车队今年新开通机场" not in {m.text for m in extract(_article("今年村里修了路。车队今年新开通机场专线。")).mentions}


def test_a_folk_festival_s_edition_is_an_event_and_no_place_runs_into_its_head():
    """第三届某某苗族踩山会: an event (edition_event_ends), and 某某苗族踩山 (a place read by 山 into its
    head word 踩山会) is no place."""
    text = "9月,第三届万盛石林苗族踩山会将在石林镇举行。"
    found = {(m.text, m.kind) for m in extract(_article(text)).mentions}
    assert ("万盛石林苗族踩山会", Kind.INITIATIVE) in found
    assert not any(name.endswith("踩山") for name, _ in found)


def test_a_village_whose_name_jieba_cuts_into_a_word_after_its_township():
    """茅坪乡|神|山村: 山村 (a mountain village) ends the village's name after a township's."""
    found = {m.text for m in suffix_names(make_doc(_article("还走进茅坪乡神山村,与村民一起打糍粑。")))}
    assert {"茅坪乡", "神山村"} <= found
    assert not {m.text for m in suffix_names(make_doc(_article("这个山村很美。")))}


@pytest.mark.parametrize(("text", "names", "wrong"), [
    ("海外商标注册等服务,并在浔中镇建设陶瓷跨境电商产业园。", {"浔中镇"}, "浔中镇建设陶瓷跨境电商产业园"),  # where, then the verb
    ("茶山竹海景区运营方重庆翠岭文旅发展有限公司推出“秀芽茶舍”。", {"茶山竹海景区", "重庆翠岭文旅发展有限公司"},
     "茶山竹海景区运营方重庆翠岭文旅发展有限公司"),  # a site and its operator
])
def test_two_names_with_a_verb_or_a_role_between(text, names, wrong):
    found = {m.text for m in extract(_article(text)).mentions}
    assert names <= found and wrong not in found


@pytest.mark.parametrize(("text", "name", "wrong"), [
    ("家住老城的退休教师周淑芬正和老伙伴们在社区跳舞。", "周淑芬", "周淑芬正"),  # a surname, a name, an adverb
    ("腾冲是翡翠集散地,境内热海温泉、和顺古镇等景区游人如织。", "热海温泉", "境内热海温泉"),  # within its borders
])
def test_a_word_read_into_a_name_s_edge(text, name, wrong):
    found = {m.text for m in extract(_article(text)).mentions}
    assert name in found and wrong not in found and "老城" not in found  # (老城: the old town, no county's)


def test_two_reporters_a_space_apart_in_a_dateline_are_two_people():
    text = "新华社乌鲁木齐8月12日电（记者 马晓峰 阿依努尔·买买提）盛夏的帕米尔高原雪峰连绵、草滩如茵。"
    people = {m.text for m in extract(_article(text)).mentions if m.kind is Kind.PERSON}
    assert {"马晓峰", "阿依努尔·买买提"} <= people and not any(" " in name for name in people)


def test_a_list_of_places_ending_in_dengdi_ends_with_the_place():
    """万州、梁平|等地: jieba reads 平等 (equal), the labeller 梁平等地; the place is 梁平."""
    found = {m.text for m in extract(_article("目前在垫江县城及万州、梁平等地开设了28家门店。")).mentions}
    assert {"万州", "梁平"} <= found and "梁平等地" not in found


def test_ruins_and_former_sites_are_places():
    found = {m.text: m.kind for m in suffix_names(make_doc(_article("境内兴隆沟遗址曾出土炭化粟粒,华新水泥厂旧址成了博物馆。")))}
    assert found.get("兴隆沟遗址") is Kind.PLACE and found.get("华新水泥厂旧址") is Kind.PLACE
    assert "古窑遗址群" in {m.text for m in suffix_names(make_doc(_article("文昌阁博物馆、古窑遗址群及茶山景区")))}
    assert "抗战遗址" not in {m.text for m in extract(_article("他走访了多处抗战遗址。")).mentions}  # any war's ruins


def test_a_listed_item_of_two_bodies_joined_by_ji_is_two_members():
    from kg.extract.rules import enumerations

    text = "区应急管理局、区消防救援支队、长寿区人民医院及晏家街道等12家单位参与。"
    found = {m.text for m in enumerations(make_doc(_article(text)))}
    assert {"区消防救援支队", "长寿区人民医院", "晏家街道"} <= found and "长寿区人民医院及晏家街道" not in found


@pytest.mark.parametrize(("text", "name", "wrong"), [
    ("据了解,巴南生物医药产业园地处麻柳嘴镇,园区已聚集企业86家。", "巴南生物医药产业园", "巴南生物医药产业园地处麻柳嘴镇"),
    ("10月8日,第六届开封宋韵菊花游园会在开封市龙亭公园开幕。", "开封宋韵菊花游园会", "宋韵菊花游园会"),  # an event, no place
    ("冰雪大世界、太阳岛雪博会等冰雪品牌错位发展。", "太阳岛雪博会", ""),  # (博会: an expo's contracted head)
])
def test_a_park_and_its_verb_and_events_of_a_fair(text, name, wrong):
    found = {m.text: m.kind for m in extract(_article(text)).mentions}
    assert name in found and (not wrong or wrong not in found)
    assert found[name] is (Kind.PLACE if name.endswith("产业园") else Kind.INITIATIVE)


def test_a_space_between_chinese_words_ends_a_name():
    """A headline's 巴南 生物医药产业园: the labeller's span across the space is no one name."""
    from kg.extract.spans import labelled

    text = "巴南 生物医药产业园“链”上再添新动能"
    doc = replace(make_doc(_article(text)), labels=((0, 10, Kind.ORG, 0.9),))
    assert labelled(doc) == []


@pytest.mark.parametrize(("text", "wrong"), [
    ("城口地处大巴山腹地,森林覆盖率高。", "城口地处大巴山"),  # where it lies
    ("今年新田港建设冷链物流基地,年底投用。", "新田港建设冷链物流基地"),  # a port with a one-character suffix, then the verb
])
def test_a_location_or_founding_verb_ends_a_place_s_name(text, wrong):
    assert wrong not in {m.text for m in suffix_names(make_doc(_article(text)))}


def test_a_kind_of_site_the_labeller_reads_is_no_name():
    """萝卜原料基地, 火山观景台: ordinary words before 基地 or 观景台 (site_suffixes_needing_names) name
    no one site, whatever the labeller reads; 青禾村基地 keeps its village's name."""
    from kg.extract.spans import labelled

    for text, kept in (("萝卜原料基地建成投用。", False), ("火山观景台人头攒动。", False), ("青禾村基地建成投用。", True)):
        end = text.index("基地") + 2 if "基地" in text else text.index("台") + 1
        doc = replace(make_doc(_article(text)), labels=((0, end, Kind.PLACE, 0.9),))
        assert bool(labelled(doc)) is kept, text


def test_no_place_inside_a_nickname():
    """素有“中国死海”之称: a figure of speech names no place."""
    found = {m.text for m in extract(_article("德化白瓷素有“中国白”之称,远销海外。运城盐湖有“中国死海”之称。")).mentions}
    assert "中国" not in found and "运城" in found


def test_a_time_of_day_between_a_quoted_name_and_its_head():
    """“某某”夜间消费季, “某某”夜间经济提升行动: 夜间 (jieba's time word) qualifies the head."""
    found = {(m.text, m.kind) for m in quoted(make_doc(_article("解放碑步行街灯火璀璨,“不夜观音桥”夜间消费季在这里拉开帷幕。")))}
    assert ("不夜观音桥", Kind.INITIATIVE) in found
    assert not quoted(make_doc(_article("他说:“我们都很高兴”今年还要再来。")))


def test_a_country_and_its_city_read_as_a_body_are_places():
    from kg.extract.spans import labelled

    text = "瓷源集团与阿联酋迪拜的海湾家居贸易公司签订三年供货协议。"
    at = text.index("阿联酋")
    doc = replace(make_doc(_article(text)), labels=((at, at + 5, Kind.ORG, 0.8),))
    assert {(m.text, m.kind) for m in labelled(doc)} == {("阿联酋", Kind.PLACE), ("迪拜", Kind.PLACE)}


def test_the_previous_edition_names_no_event():
    found = {m.text for m in extract(_article("据统计，上届文化旅游节期间，自贡共接待游客320万人次。")).mentions}
    assert not any(name.endswith("文化旅游节") for name in found)


@pytest.mark.parametrize(("text", "name", "wrong"), [
    ("过去游客上黄山、逛宏村,很少在茶村停留。", "宏村", "逛宏村"),  # a one-character verb opens no name
    ("千亩花海“香”飘川渝", "川渝", "飘川渝"),  # (a headline)
    ("新打造的游轮从巫山港首航,穿行巫峡。", "巫山港", "巫山港首航"),  # the maiden voyage from the port
    ("滨海航院院长陈建华介绍，学院船舶工程系开设了订单班。", "船舶工程系", "学院船舶工程系"),  # 学院 the anaphor
])
def test_words_around_a_name_the_labeller_reads_into_it(text, name, wrong):
    found = {m.text for m in extract(_article(text)).mentions}
    assert name in found and wrong not in found


def test_a_photo_credit_given_by_someone_names_no_outlet():
    found = {(m.text, m.kind) for m in extract(_article("正文一句话。\n(图由通讯员 杨帆 提供)")).mentions}
    assert found == {("杨帆", Kind.PERSON)}


def test_fields_joined_by_yu_name_the_unit_not_its_parent():
    """松江农业大学信息与电气工程学院: the parent is 松江农业大学 (信息与电气 names the school), not
    松江农业大学信息与电气 (电气 an organization's suffix)."""
    from kg.extract.mentions import parents_of_units

    text = "松江农业大学信息与电气工程学院"
    found = {m.text for m in parents_of_units((Mention("t", 0, len(text), text, Kind.ORG),))}
    assert found == {text, "松江农业大学"}


def test_two_bodies_read_as_one_across_yu():
    """武陵本草与县电商办 beside 武陵本草 alone: two bodies; 公司与|保护区管理局: the body after 与;
    材料科学与工程学院 and 霞浦县海洋与渔业局: one body each."""
    from kg.extract.mentions import bodies_joined

    text = "武陵本草签约。武陵本草与县电商办签约，龙驹文旅与总部，公司与保护区管理局签约，材料科学与工程学院和霞浦县海洋与渔业局。"

    def org(name: str, nth: int = 0) -> Mention:
        start = [i for i in range(len(text)) if text.startswith(name, i)][nth]
        return Mention("t", start, start + len(name), name, Kind.ORG, by="labeller", score=0.9)

    mentions = (org("武陵本草"), org("武陵本草与县电商办"), org("龙驹文旅"), org("龙驹文旅与总部"), org("与保护区管理局"),
                org("材料科学与工程学院"), org("霞浦县海洋与渔业局"))
    found = [(m.text, text[m.start:m.end]) for m in bodies_joined(mentions)]
    assert all(name == written for name, written in found)
    assert [name for name, _ in found] == ["武陵本草", "武陵本草", "县电商办", "龙驹文旅", "龙驹文旅", "保护区管理局",
                                           "材料科学与工程学院", "霞浦县海洋与渔业局"]


def test_a_company_and_the_verbs_of_what_it_builds_are_no_one_name():
    """某某有限公司合作建设某某中心: the company, then its verbs, then what it builds."""
    found = _found("集团正与重庆江州冷链物流有限公司合作建设产地冷链仓储中心。", None)
    assert ("重庆江州冷链物流有限公司", Kind.ORG) in found
    assert not any(name.startswith("重庆江州冷链物流有限公司合作") for name, _ in found)


def test_a_leading_verb_between_two_places_parts_them():
    """鲁迅故里|参观|百草园, 还|亮相|中国—东盟博览会: the verb is no part of a name."""
    found = _found("游客先到鲁迅故里参观百草园、三味书屋,再沿仓桥直街游览。今年，“右江巧娘”还亮相中国—东盟博览会。", None)
    assert {("鲁迅故里", Kind.PLACE), ("百草园", Kind.PLACE), ("中国—东盟博览会", Kind.INITIATIVE)} <= found
    assert not any("参观" in name or "亮相" in name for name, _ in found)


def test_an_adverb_read_into_a_name_in_parts_is_left_out():
    """汉斯·穆勒已|在, 买买提·托合提刚|卖完: the adverb is no part of the name (but 古丽娜·阿不都 keeps 都)."""
    from kg.extract.mentions import people_without_adverbs

    text = "学员汉斯·穆勒已在武当山学习，果农买买提·托合提刚卖完灰枣，古丽娜·阿不都说。"
    people = tuple(Mention("t", text.index(n), text.index(n) + len(n), n, Kind.PERSON, by="labeller", score=0.9)
                   for n in ("汉斯·穆勒已", "买买提·托合提刚", "古丽娜·阿不都"))
    assert [m.text for m in people_without_adverbs(people)] == ["汉斯·穆勒", "买买提·托合提", "古丽娜·阿不都"]


def test_a_body_opening_with_a_personal_pronoun_is_no_name():
    """“我们厂的员工…”: 我们厂 is the speaker's factory, named by nobody."""
    found = _found("“我们厂的员工大多是侨港镇的归侨。”", None)
    assert not any(name.startswith("我们") for name, _ in found) and ("侨港镇", Kind.PLACE) in found


def test_a_place_s_produce_read_as_a_person_is_no_one():
    """荣昌陶 and 梁平柚 read as people (陶 and 柚 after a place the gazetteer knows): a place's produce."""
    from kg.extract.spans import labelled

    text = "想让年轻人看到，荣昌陶也可以很时尚。果农们正忙着采摘梁平柚。"
    doc = make_doc(_article(text))
    spans = tuple((text.index(n), text.index(n) + len(n), Kind.PERSON, 0.9) for n in ("荣昌陶", "梁平柚"))
    assert not [m.text for m in labelled(replace(doc, labels=spans))]


def test_a_temple_named_after_a_person_is_a_place():
    """孔庙 and 张飞庙 read as people: temples (庙, 祠, 寺 end the name)."""
    from kg.extract.spans import labelled

    text = "孔庙和张飞庙游人如织。"
    doc = make_doc(_article(text))
    spans = tuple((text.index(n), text.index(n) + len(n), Kind.PERSON, 0.7) for n in ("孔庙", "张飞庙"))
    assert {(m.text, m.kind) for m in labelled(replace(doc, labels=spans))} == {("孔庙", Kind.PLACE), ("张飞庙", Kind.PLACE)}


def test_a_quoted_campaign_that_takes_something_somewhere_is_no_place():
    """“无人车进社区”, “山歌进景区”: campaigns, though they end in a place's suffix."""
    found = _found("南大街街道办事处组织社区网格员开展“无人车进社区”宣讲活动。")
    assert ("无人车进社区", Kind.INITIATIVE) in found and ("无人车进社区", Kind.PLACE) not in found


def test_a_month_of_shows_is_an_event():
    """第三届婺源徽剧展演月: an edition of an event whose head is 展演月 (a month of shows)."""
    found = _found("10月起，第三届婺源徽剧展演月将在汪口村和李坑村轮番上演。", None)
    assert any(name.endswith("婺源徽剧展演月") and kind is Kind.INITIATIVE for name, kind in found)
    assert not any(name.endswith("展演") for name, _ in found)


@pytest.mark.parametrize("text, found, not_found", [
    # 旗下连江海鳌食品有限公司: 连江 (a county) opens the name; the labeller's 江海鳌食品有限公司 is cut short
    ("海鳌集团旗下连江海鳌食品有限公司年加工鲍鱼罐头。", [("连江海鳌食品有限公司", Kind.ORG)], [("江海鳌食品有限公司", Kind.ORG)]),
    # 万盛经开区 (经济技术开发区 as 经开区): one place, not 万盛经 (经|开|区, three words to jieba)
    ("1—10月,万盛经开区接待游客1280万人次。", [("万盛经开区", Kind.PLACE)], [("万盛经", Kind.PLACE)]),
    # 直营门店: ordinary words before the kind of shop name none (site_suffixes_needing_names)
    ("目前在重庆主城和四川成都、达州开设直营门店46家。", [("达州", Kind.PLACE)], [("直营门店", Kind.PLACE)]),
    # 去西安|开店: the city, then the verb of opening a shop (opening_verbs)
    ("学成后准备去西安开店，县里还有创业补助。", [("西安", Kind.PLACE)], [("西安开店", Kind.PLACE)]),
    # 作孚路|社区, read by the labeller as 作孚路: the community, 社区 and all
    ("北温泉街道组织北泉社区、缙云社区、作孚路社区的志愿者组建服务队。", [("作孚路社区", Kind.PLACE)], [("作孚路", Kind.PLACE)]),
    # 德国杜伊斯堡: 德国 | 杜伊斯堡 (a proper noun to jieba), as 越南|海防港 (not 中国香港)
    ("13天后，它将抵达德国杜伊斯堡。他们已与西永综合保税区内的重庆宏迅电子有限公司签约。",
     [("德国", Kind.PLACE), ("杜伊斯堡", Kind.PLACE)], [("德国杜伊斯堡", Kind.PLACE)]),
])
def test_a_name_read_whole_or_apart(text, found, not_found):
    names = _found(text, None)
    assert set(found) <= names and not set(not_found) & names


def test_a_person_read_over_a_gacha_is_the_gacha():
    """独贵塔拉镇道图嘎查, read by the labeller as a person and by its suffix as 图嘎查 (道 a measure word to
    jieba): the labeller's reading, as a place (a name that ends in a place's suffix of two characters)."""
    from kg.extract.mentions import check_with_labeller

    text = "沙源绿洲在独贵塔拉镇道图嘎查建有育苗基地。"
    person = _mention("道图嘎查", text, Kind.PERSON, "labeller", 0.6)
    suffixed = _mention("图嘎查", text, Kind.PLACE, "lexicon.place_suffix", 0.7)
    assert {(m.text, m.kind) for m in check_with_labeller([person, suffixed])} == {("道图嘎查", Kind.PLACE)}


_TITLES_AND_HEADLINES_READ_APART = [
    # 老师傅|学习: 老师 (a title) is part of 老师傅 (a master craftsman); 傅学习 is no person
    ("来自全国各地的中学生围在纸槽边,跟着老师傅学习“捞纸”。", [], [("傅学习", Kind.PERSON)]),
    # a headline that opens with a district and a township in it (by the gazetteer): two places
    ("### 渝北大盛:一树梨花带火一方产业\n\n4月初,大盛镇三新村的梨花开了。", [("渝北", Kind.PLACE), ("大盛", Kind.PLACE)],
     [("渝北大", Kind.ORG)]),
]


def test_a_headline_opening_with_a_region_and_its_county_is_two_places():
    """# 广西三江:…, read as one place: 广西 and 三江 (a county in it, by the gazetteer); a division's own
    name before the colon stays whole."""
    from kg.extract.mentions import headline_place_pairs

    text = "# 广西三江:鼓楼下飘出侗乡茶香"
    read = (_mention("广西三江", text, Kind.PLACE, "labeller", 0.8),)
    assert [(m.text, m.kind) for m in headline_place_pairs(text, read)] == [("广西", Kind.PLACE), ("三江", Kind.PLACE)]
    text = "### 九龙坡区:老铝业跑出新速度"
    read = (_mention("九龙坡区", text, Kind.PLACE, "labeller", 0.8),)
    assert headline_place_pairs(text, read) == read


@pytest.mark.parametrize("text, name, kind, read", [
    # 其中 opens no name (leading_verbs): 其中|醇江醋业
    ("全市已认定老字号67家,其中醇江醋业、江鲜楼等企业入选。", "其中醇江醋业", Kind.ORG, [("醇江醋业", Kind.ORG)]),
    # 组团 (to form a group) ends no body's name (suffix_false_words)
    ("# 晋江鞋企组团“出海”", "晋江鞋企组团", Kind.ORG, []),
    # a person's reading after 来自 that ends in 村: where someone comes from
    ("开幕式上,来自王金村的葱农宋玉良夺得葱王。", "王金村", Kind.PERSON, [("王金村", Kind.PLACE)]),
    # 受 (entrusted by) opens no name (leading_verb_chars)
    ("鹿鸣湾公司受保护区管理处委托，负责景区运营。", "受保护区管理处", Kind.ORG, [("保护区管理处", Kind.ORG)]),
    # 共|建安|陶…: 共建 (to build together), which jieba cuts, opens no name; 联合国 stays whole
    ("公司与重庆大学陶瓷学院签约,共建安陶设计研究院。", "共建安陶设计研究院", Kind.ORG, [("安陶设计研究院", Kind.ORG)]),
    ("遗址被联合国教科文组织列入名录。", "联合国教科文组织", Kind.ORG, [("联合国教科文组织", Kind.ORG)]),
])
def test_labeller_spans_read_with_lexicons(text, name, kind, read):
    assert _labelled_as(text, name, kind) == read


def test_a_farmer_of_a_crop_is_a_title():
    """葱农宋玉良: 葱农 (a scallion farmer) is a title before the name, as 果农 and 茶农 are."""
    found = _found("开幕式上,来自王金村的葱农宋玉良以一棵高2米的大葱夺得葱王。", None)
    assert ("宋玉良", Kind.PERSON) in found and ("葱农宋玉良", Kind.PERSON) not in found


_EVENTS_LISTS_AND_COOPERATIVES_READ_WHOLE_OR_APART = [
    # 春节 (a holiday) ends no event's name: 第六届|阆中春节民俗文化季
    ("“阆苑春来”第六届阆中春节民俗文化季开幕。", [("阆中春节民俗文化季", Kind.INITIATIVE)], [("阆中春节", Kind.INITIATIVE)]),
    # a list's member after 的: 嘉陵江对岸的|锦屏山
    ("华光楼、中天楼和嘉陵江对岸的锦屏山等景点游人如织。", [("锦屏山", Kind.PLACE)], [("嘉陵江对岸的锦屏山", Kind.PLACE)]),
    # a year before a body's name is no part of it
    ("院长孔维介绍,2022年研究院在澄江镇建成中试基地。", [("澄江镇", Kind.PLACE)], [("2022年研究院", Kind.ORG)]),
    # 农民专业合作社 after a verb of what the cooperative does; 领办 (to set up and lead) ends no body's name
    ("昆玉枣业领办的于田县昆玉红枣种植农民专业合作社吸纳社员。", [("于田县昆玉红枣种植农民专业合作社", Kind.ORG)],
     [("昆玉枣业领办", Kind.ORG)]),
    # a quoted name right after an edition number is an initiative, though it ends in a place's name
    ("9月20日，第六届“鹤舞扎龙”国际观鸟节在齐齐哈尔市开幕。", [("鹤舞扎龙", Kind.INITIATIVE)], [("鹤舞扎龙", Kind.PLACE)]),
    # 等30余家企业 types the list; 现有 and 届时 open no member's name
    ("新华村现有鹤艺银器、雪山银坊、白族银艺坊等30余家企业。", [("雪山银坊", Kind.ORG), ("新华村", Kind.PLACE)],
     [("雪山银坊", Kind.PLACE), ("新华村现有鹤艺银器", Kind.ORG)]),
    ("美食节将于12月举办,届时都牧肉业、牛旺合作社等30余家企业将参展。", [("都牧肉业", Kind.ORG)], [("届时都牧肉业", Kind.ORG)]),
]


_TOWNSHIPS_LISTED_AND_THEIR_GOVERNMENTS = [
    # a township's government after a closing bracket: 先锋镇 (by the gazetteer) and its 人民政府
    ("采摘节由江津区农业农村委员会(以下简称“区农业农村委”)、先锋镇人民政府主办。", [("先锋镇人民政府", Kind.ORG)], []),
    # 等镇 types the townships listed by their short names (李市 of 李市镇 too); jieba's 平等 ends no place
    ("开幕式现场,来自先锋、李市、慈云、嘉平等镇的椒农背着青花椒赶来。",
     [("先锋", Kind.PLACE), ("李市", Kind.PLACE), ("慈云", Kind.PLACE), ("嘉平", Kind.PLACE)],
     [("慈云", Kind.PERSON), ("嘉平等镇", Kind.PLACE)]),
    ("在班章村下辖的老班章、新班章、老曼峨等村寨,茶树成林。", [("新班章", Kind.PLACE), ("老曼峨", Kind.PLACE)], []),
    # 乡 of 乡土 types no list
    ("绿道两旁种植红椿、黄檀等乡土树种。", [], [("红椿", Kind.PLACE), ("黄檀", Kind.PLACE)]),
]


_PEOPLES_TITLES_AND_BUREAUS_CUT_RIGHT = [
    # 东乡族自治县: 乡 ends the people's name 东乡族, no township
    ("来自东乡族自治县的学员马海燕结业后在杭州开店。", [("东乡族自治县", Kind.PLACE)], [("东乡", Kind.PLACE), ("族自治县", Kind.PLACE)]),
    # a bureau's name the labeller cuts before its 和, the part after it opened by no place
    ("“龙泉新匠”计划由龙泉市文化和广电旅游体育局（以下简称市文广旅体局）牵头。", [("龙泉市文化和广电旅游体育局", Kind.ORG)],
     [("龙泉市文化", Kind.ORG)]),
    # 茶农|黄秀英 read as a place (秀英 is a district of 海口): a person after a title
    ("在六堡镇山坪村，茶农黄秀英的3亩茶园今年收入超过5万元。", [("黄秀英", Kind.PERSON)], [("秀英", Kind.PLACE)]),
]


_POSTS_SHARES_AND_HEADED_QUOTES = [
    # 专家|全程参|与: a word (全程) and a character that opens the next word (参与) are no name
    ("历史文化学院的专家全程参与剧本打磨,服装、兵器都有考证。", [], [("全程参", Kind.PERSON)]),
    # but 总经理|刘德明|说 (jieba's 明说) is one
    ("公司总经理刘德明说,今年将扩大产能。", [("刘德明", Kind.PERSON)], []),
    # 董事|长江志明 (jieba's 长江): the post's last character is no part of the name
    ("星溪茶业董事长江志明告诉记者，公司今年与茶农签约。", [("江志明", Kind.PERSON)], [("长江志明", Kind.PERSON)]),
    # 演员|占六成: a share after the title, no name
    ("剧团有演员48人，其中35岁以下青年演员占六成。", [], [("占六成", Kind.PERSON)]),
    # a quoted name with its head word right after it is an initiative, though it ends like a village
    ("“弋韵千村”行动由弋阳县文化广电新闻出版旅游局牵头。", [("弋韵千村", Kind.INITIATIVE)], [("弋韵千村", Kind.PLACE)]),
]


_JOINED_BODIES_DATELINES_AND_BUREAUS_OF_PLACES = [
    # a body read across 和 whose first part the article names alone: that body
    ("无锡锡韵泥塑文化有限公司(以下简称锡韵泥塑)成立于2015年。由锡韵泥塑和秀英泥人工作室提供实训场所。",
     [("锡韵泥塑", Kind.ORG)], [("锡韵泥塑和秀英泥人工作室", Kind.ORG)]),
    # but not across 和 that opens a place (和林格尔)
    ("青城农商行与金穗乳业签约。青城农商行和林格尔支行负责放贷。", [("青城农商行和林格尔支行", Kind.ORG)], [("林格尔支行", Kind.ORG)]),
    # a generation in quotes is no initiative
    ("青年学徒拜师学艺,其中不少是“90后”“00后”。", [], [("00后", Kind.INITIATIVE), ("90后", Kind.INITIATIVE)]),
    # 本报岳阳电(…): the dateline's place without 电
    ("本报岳阳电(记者 周湘宁 通讯员 李想)近日,君山区举办茶文化节。", [("岳阳", Kind.PLACE)], [("岳阳电", Kind.PLACE)]),
    # a bureau read from 区 that ends a place read by its suffix: the place's bureau
    ("避暑季由万盛经开区文化和旅游局(以下简称“经开区文旅局”)主办。", [("万盛经开区文化和旅游局", Kind.ORG), ("经开区文旅局", Kind.ORG)],
     [("开区文旅局", Kind.ORG)]),
]


def test_a_list_opening_with_a_preposition_starts_after_it():
    """在草堂、安坪、永乐等重点乡镇: the list starts after 在, though the article writes 在草堂镇 later too
    (a preposition is no character of the name, whatever the counts say)."""
    found = _found("研究所在草堂、安坪、永乐等重点乡镇推广良种。推介会将于12月8日在草堂镇开幕。", None)
    assert ("草堂", Kind.PLACE) in found and not any(name.startswith("在") for name, _ in found)


_PLACES_THEN_WHAT_IS_BUILT_THERE = [
    # a place, then a verb of building, then what is built there: no body's name
    ("合作社在福应街道建设5000吨级冷库和预冷中心。", [("福应街道", Kind.PLACE)], [("福应街道建设5000吨级冷库和预冷中心", Kind.ORG)]),
    ("公司计划在大观镇规划建设中药材初加工中心。", [("大观镇", Kind.PLACE)], [("大观镇规划建设中药材初加工中心", Kind.ORG)]),
    # a joined name whose part after 和 opens with a place (和顺) is not cut there
    ("翠和珠宝与当地合作。翠和珠宝和顺玉雕工坊有20名工匠。", [], [("和顺玉雕工坊", Kind.ORG)]),
]


@pytest.mark.parametrize(
    "text, found, not_found",
    _TITLES_AND_HEADLINES_READ_APART
    + _EVENTS_LISTS_AND_COOPERATIVES_READ_WHOLE_OR_APART
    + _TOWNSHIPS_LISTED_AND_THEIR_GOVERNMENTS
    + _PEOPLES_TITLES_AND_BUREAUS_CUT_RIGHT
    + _POSTS_SHARES_AND_HEADED_QUOTES
    + _JOINED_BODIES_DATELINES_AND_BUREAUS_OF_PLACES
    + _PLACES_THEN_WHAT_IS_BUILT_THERE,
)
def test_names_of_the_fifteenth_sessions_batches(text, found, not_found):
    names = _found(text, None)
    assert set(found) <= names and not set(not_found) & names


_PARTS_OF_PLACES = [
    # a part of a city named after it: a place, and the city is one too
    ("来自重庆主城、四川达州等地的300余名游客走进雪宝山。", [("重庆主城", Kind.PLACE), ("重庆", Kind.PLACE), ("达州", Kind.PLACE)], []),
    ("合作社把鲜菜送进成都主城区的社区门店。", [("成都主城区", Kind.PLACE), ("成都", Kind.PLACE)], []),
    ("双方将开通重庆主城至南天湖的旅游专线。", [("重庆主城", Kind.PLACE)], [("重庆主城至南天湖", Kind.PLACE)]),
]


_EVENTS_ABOUT_TRADE_AND_SEASONS = [
    # verbs of trade inside an event's name (event_name_verbs), a season inside it, a place jieba tags as a verb
    ("温宿县商务局在上海市闵行区举办温宿核桃产销对接推介会，托峰果仁签约。", [("温宿核桃产销对接推介会", Kind.INITIATIVE)], []),
    ("11月18日,奉节县人民政府在上海举办奉节脐橙冬季推介会,橙峡果业签约。", [("奉节脐橙冬季推介会", Kind.INITIATIVE)], []),
    ("公司在广州举办产销对接推介会。", [], [("产销对接推介会", Kind.INITIATIVE)]),
    # 暨 joins two events: the name is both or neither, never one opening with 暨
    ("今年7月,首届大昌古镇脆李文化节暨农产品推介会举行。", [("大昌古镇脆李文化节暨农产品推介会", Kind.INITIATIVE)], []),
    ("县商务委在解放碑举办2024城口山货年货节暨老腊肉推介会,现场签约。", [("城口山货年货节", Kind.INITIATIVE)],
     [("暨老腊肉推介会", Kind.INITIATIVE)]),
    # a fair (花会, 庙会, 灯会, 市集) after an edition number
    ("县林业局、太平镇人民政府承办的第五届太平牡丹花会在太平镇举行。", [("太平牡丹花会", Kind.INITIATIVE)], []),
    ("10月,由区文旅委主办的第三届安陶文化创意市集将在陶宝古街举行。", [("安陶文化创意市集", Kind.INITIATIVE)], []),
]


_SITES_WRITTEN_BARE = [
    # a kind of site written alone (generic_sites) is no place, but it may open one
    ("游客漫步滨江步道,两岸灯火倒映江面,远处的后花园里荷塘正绿。", [], [("两岸", Kind.PLACE), ("滨江", Kind.PLACE), ("后花园", Kind.PLACE)]),
    ("在学校所在的唐冶街道荷塘社区，社区卫生服务站开诊。", [("荷塘社区", Kind.PLACE)], [("荷塘", Kind.PLACE)]),
    ("镇上的酒庄和葡萄园连成一片，高山茶园云雾缭绕。", [], [("酒庄", Kind.PLACE), ("葡萄园", Kind.PLACE), ("高山茶园", Kind.PLACE)]),
    ("寨子里的风雨桥和吊脚楼保存完好,游客可登上观景台。", [], [("风雨桥", Kind.PLACE), ("吊脚楼", Kind.PLACE), ("观景台", Kind.PLACE)]),
]


_WHAT_PARTNERS_BUILD = [
    # a leading verb after a partnership word that cuts a labeller's span opens no name (联合|建设|…)
    ("公司与辽东农业大学园艺学院联合建设草莓种苗繁育中心,每年可向农户供苗。",
     [("辽东农业大学园艺学院", Kind.ORG), ("草莓种苗繁育中心", Kind.ORG)], [("建设草莓种苗繁育中心", Kind.ORG)]),
    # 新建 (newly built) opens no name, but a district named 新建 keeps it
    ("镇上新建游客服务中心一座,景区新建林间步道3公里。", [], [("新建游客服务中心", Kind.ORG), ("新建林间步道", Kind.PLACE)]),
    ("南昌市新建区举办活动。", [("新建区", Kind.PLACE)], []),
    # a company's 旗下 (its units) ends its name
    ("中塘兴桑合作社是武陵锦丝绸旗下的合作社,有社员200户。", [("武陵锦丝绸", Kind.ORG)], [("武陵锦丝绸旗下", Kind.ORG)]),
]


@pytest.mark.parametrize("text, found, not_found", _PARTS_OF_PLACES + _EVENTS_ABOUT_TRADE_AND_SEASONS + _SITES_WRITTEN_BARE
                         + _WHAT_PARTNERS_BUILD)
def test_names_of_the_sixteenth_sessions_batches(text, found, not_found):
    names = _found(text, None)
    assert set(found) <= names and not set(not_found) & names


def test_a_companys_party_committee_before_a_post_is_the_company():
    """龙峰文旅党委书记、董事长周明远: the company's short form, then 党委 and the posts: the person is a
    member of the company (党委书记 part of the role); a branch (某某物业党支部) stays a body."""
    text = "重庆龙峰文化旅游发展有限公司(以下简称龙峰文旅)今年投入3000万元。龙峰文旅党委书记、董事长周明远说。"
    ext = extract(_article(text))
    assert "龙峰文旅党委" not in {m.text for m in ext.mentions}
    assert ("memberOf", "周明远", "龙峰文旅", "党委书记、董事长") in {(r.predicate, r.head.text, r.tail.text, r.role) for r in ext.relations}
    text = "重庆万川物业服务有限公司(以下简称万川物业)成立于2010年。万川物业党支部书记李红说。"
    assert "万川物业党支部" in {m.text for m in extract(_article(text)).mentions}


_NEWS_WORDS = [
    # words of recent news that jieba cuts (news_words.tsv) are read whole: 康/nr|养/v, 研/vn|学/n,
    # 共/d|富/nr no longer break or open names, and a kind of site after one is no name
    ("首届白茶共富直播节在安吉县开幕。", [("白茶共富直播节", Kind.INITIATIVE)], []),
    ("2024洪雅森林康养旅游推介会在成都举行。", [("2024洪雅森林康养旅游推介会", Kind.INITIATIVE)], []),
    ("五常市稻乡实验中学的研学基地,今年已接待学生3000人。", [], [("研学基地", Kind.PLACE)]),
    ("镇上修建了森林康养步道5公里。", [], [("森林康养步道", Kind.PLACE), ("康养步道", Kind.PLACE)]),
    ("工厂位于长兴太湖智造产业园,总投资10亿元。", [("长兴太湖智造产业园", Kind.PLACE)], [("太湖智造产业园", Kind.PLACE)]),
    ("该厂是“纸寿千年”计划的首批实训基地。", [], [("实训基地", Kind.PLACE)]),
    ("全区新增学位1200个,普惠性幼儿园覆盖率达到90%。", [], [("普惠性幼儿园", Kind.ORG)]),
    ("夜市设本土小吃、川渝非遗美食和外地网红品牌摊位86个。", [], [("川渝非遗美食和外地网", Kind.ORG)]),
]


@pytest.mark.parametrize("text, found, not_found", _NEWS_WORDS)
def test_words_of_recent_news_are_read_whole(text, found, not_found):
    names = _found(text, None)
    assert set(found) <= names and not set(not_found) & names


def test_a_sectors_department_is_no_name():
    """浙江省林业部门, 县商务部门: a province's or county's department of a sector, a description (the
    gold marks it optional at most), no body's name."""
    for text in ("记者从黔东南州体育部门了解到,比赛将持续三天。", "浙江省林业部门有关负责人表示，常山的探索提供了有益借鉴。"):
        assert not {name for name, _ in _found(text, None)} & {"黔东南州体育部门", "浙江省林业部门", "体育部门", "林业部门"}


@pytest.mark.parametrize("text, found, not_found", [
    # a quoted formula of kinds joined by + is no place or body, whatever it ends in
    ("联动涞滩古镇,推出“古城+古镇”一日游精品线路。", [("古城+古镇", Kind.INITIATIVE)], [("古城+古镇", Kind.PLACE)]),
    ("学校探索“艺术+社区”模式,带动居民参与。", [], [("艺术+社区", Kind.PLACE)]),
    # 途经 (passing through) opens no place's name
    ("游船途经青龙洞、祝圣桥等景点。", [("青龙洞", Kind.PLACE), ("祝圣桥", Kind.PLACE)], [("游船途经青龙洞", Kind.PLACE)]),
])
def test_formulas_and_routes_are_no_places(text, found, not_found):
    names = _found(text, None)
    assert set(found) <= names and not set(not_found) & names


def test_a_share_verb_after_a_full_company_name_is_no_part_of_it():
    """由某某集团有限公司控股 (held by the group): the group's full name ends before 控股."""
    names = _found("宁盐文旅由巫溪县宝源文化产业投资集团有限公司控股。", None)
    assert ("巫溪县宝源文化产业投资集团有限公司", Kind.ORG) in names
    assert ("巫溪县宝源文化产业投资集团有限公司控股", Kind.ORG) not in names


def test_a_role_written_against_a_name_in_a_bracketed_byline_is_left_out():
    """（记者周文斌 通讯员李娜）: each role written with no space before its name; the people are 周文斌 and 李娜."""
    names = _found("新华社南昌3月15日电（记者周文斌 通讯员李娜）芦溪县武功山景区迎来客流高峰。", None)
    assert {("周文斌", Kind.PERSON), ("李娜", Kind.PERSON)} <= names and ("通讯员李娜", Kind.PERSON) not in names


def test_a_landmark_that_opens_a_companys_name_is_a_place_where_written_alone():
    """东溪古镇 of 重庆东溪古镇文化旅游发展有限公司, written alone later: the old town, not the company's
    short form; 龙峰文旅 of a company's name stays the company."""
    text = ("活动由重庆东溪古镇文化旅游发展有限公司承办。第二届盐马古道文化节在东溪古镇开幕。"
            "重庆龙峰文化旅游发展有限公司也来了,龙峰文旅带来了展品。")
    mentions = {(m.text, m.kind) for m in extract(_article(text)).mentions}
    assert ("东溪古镇", Kind.PLACE) in mentions and ("东溪古镇", Kind.ORG) not in mentions
    assert ("龙峰文旅", Kind.ORG) in mentions


def test_a_role_inside_a_persons_span_leaves_the_name_after_it():
    """天荒坪镇余村竹农潘建国说: the labeller's one span holds a village, a role and the name: the
    person is 潘建国."""
    names = _found("“现在每亩能多拿100多元。”天荒坪镇余村竹农潘建国说。", None)
    assert ("潘建国", Kind.PERSON) in names and ("余村竹农潘建国", Kind.PERSON) not in names


def test_a_photo_credit_closing_a_caption_line_names_the_photographer():
    """图为…。通讯员 向晓阳 摄: the credit after the caption's last sentence names 向晓阳 whole (the
    labeller alone reads 晓阳); the same in brackets and with the role 特约摄影."""
    text = ("图为村民在果园采摘脆李。通讯员 向晓阳 摄\n"
            "4月12日，曲尺乡的果农正在修剪枝条。（记者 谭明亮 摄）\n游客在古镇拍照。特约摄影 郑林 摄")
    people = {m.text for m in bylines(make_doc(_article(text)))}
    assert people == {"向晓阳", "谭明亮", "郑林"}
    assert ("向晓阳", Kind.PERSON) in _found(text, None) and ("晓阳", Kind.PERSON) not in _found(text, None)


def test_a_district_named_like_a_kind_of_place_gives_no_short_form():
    """古城 after 古城区 is the old town (丽江古城), no short form of the district: 古城 is a kind of
    place alone (``place_suffixes``); 江北 after 江北区 is the district's."""
    from kg.extract.rules import _forms_to_find
    forms = _forms_to_find((Mention("a", 0, 3, "古城区", Kind.PLACE), Mention("a", 5, 8, "江北区", Kind.PLACE)))
    assert "江北" in forms and "古城" not in forms
    text = "在古城区大研街道,巡查员走进丽江古城。古城共修缮院落86座。"
    assert ("古城", "rules.short_form") not in [(m.text, m.by) for m in extract(_article(text)).mentions]


def test_a_full_name_given_after_a_short_form_declares_it():
    """坛香集团,全称重庆涪州坛香榨菜集团股份有限公司: 坛香集团 is that company's short form, written
    before and after."""
    text = "农户跟坛香集团签了合同。坛香集团,全称重庆涪州坛香榨菜集团股份有限公司,是龙头企业。今年坛香集团扩建了厂房。"
    short = [m for m in extract(_article(text)).mentions if m.text == "坛香集团"]
    assert len(short) == 3 and {m.alias for m in short} == {"重庆涪州坛香榨菜集团股份有限公司"}


def test_a_one_character_verb_of_going_opens_no_place():
    """游|琼江, 登|陈抟山, 爬|歌乐山: the labeller reads the verb into the place; the place starts after it."""
    names = _found("游客可以乘船游琼江、登陈抟山观看油菜花。周末不少市民爬歌乐山锻炼。", None)
    assert {("琼江", Kind.PLACE), ("陈抟山", Kind.PLACE), ("歌乐山", Kind.PLACE)} <= names
    assert not {n for n, _ in names} & {"游琼江", "登陈抟山", "爬歌乐山"}


def test_the_foot_of_a_mountain_is_no_part_of_its_name():
    """明月山|麓, 缙云山|脚下: where along the mountain, not its name."""
    names = _found("牡丹文化节在垫江县澄溪镇明月山麓开幕。游客在缙云山脚下骑行。", None)
    assert {("明月山", Kind.PLACE), ("缙云山", Kind.PLACE)} <= names and ("明月山麓", Kind.PLACE) not in names


def test_a_level_and_a_field_before_a_one_character_kind_names_a_body():
    """区文旅委、区体育局: 区体育局 (a level, the field 体育 and 局) is a body even where the labeller is
    unsure; 县医院 (every level has one) is not named by this rule."""
    names = _found("活动由武隆区文化和旅游发展委员会(以下简称区文旅委)、区体育局主办。", None)
    assert ("区体育局", Kind.ORG) in names
    from kg.extract.mentions import _field_body_of_level
    assert _field_body_of_level("县教育局", "局") and not _field_body_of_level("区域布局", "局")


def test_a_bare_troupe_or_club_is_no_name():
    """乐团现有演奏员32人, 俱乐部总教练某某: the kind alone (``generic_names``), no body of its own."""
    names = _found("乐团现有演奏员32人。俱乐部总教练罗宇航告诉记者。", None)
    assert ("乐团", Kind.ORG) not in names and ("俱乐部", Kind.ORG) not in names


def test_a_research_station_is_an_organization():
    """西南果树科学研究院巫山试验站: 试验站 (like 监测站, 推广站) names a body, not a place."""
    names = _found("县果品中心还联合西南果树科学研究院巫山试验站,在曲尺乡建设标准园。", None)
    assert ("西南果树科学研究院巫山试验站", Kind.ORG) in names


def test_a_craft_or_tea_named_after_its_place_is_no_place_nor_person():
    """荣昌夏布 (荣昌 and its linen 夏布), 太平猴魁 (太平 and the tea 猴魁): products (``produce_names``),
    no place nor person."""
    names = _found("——荣昌夏布老手艺在昌元街道焕发新活力。公司去年销售太平猴魁32吨。", None) | _found("龙泉宝剑远销海外。", None)
    assert ("昌元街道", Kind.PLACE) in names and not {n for n, _ in names} & {"荣昌夏布", "太平猴魁", "龙泉宝剑"}


def test_a_name_read_as_a_person_that_opens_a_place_is_that_place():
    """万盛将依托黑山谷 beside 万盛经开区: 万盛 (read as a person, never after a post) is the zone's short name."""
    text = "7月12日,万盛经开区第三届清凉季在黑山谷景区开幕。区旅游局局长何嘉表示,下一步,万盛将依托黑山谷、龙鳞石海等景区打造避暑胜地。"
    names = _found(text, None)
    assert ("万盛", Kind.PLACE) in names and ("万盛", Kind.PERSON) not in names and ("何嘉", Kind.PERSON) in names


def test_a_person_read_inside_an_events_name_must_be_sure():
    """第三届沙磁创新创业大赛: 沙磁 (an area, read as a person unsurely) is no person inside the contest's name."""
    text = "“沙磁创新券”是区科技局推出的政策。11月,区科技局将与嘉溪科技园公司联合主办第三届沙磁创新创业大赛。"
    names = _found(text, None)
    assert ("沙磁创新创业大赛", Kind.INITIATIVE) in names and ("沙磁", Kind.PERSON) not in names


def test_a_count_and_a_kind_end_a_list_of_places():
    """倚象、南屏两镇: the list's last place 南屏, then 两 and the kind of place listed."""
    names = _found("公司流转管护倚象、南屏两镇的古茶园3000亩。", None)
    assert ("南屏", Kind.PLACE) in names and ("南屏两镇", Kind.PLACE) not in names


def test_a_village_and_a_role_read_as_a_person_is_the_village():
    """合作社理事长、消泾村蟹农徐根林: the labeller reads 消泾村蟹农 as a person before 徐根林; it is the
    village 消泾村 and the role 蟹农."""
    names = _found("合作社理事长、消泾村蟹农徐根林告诉记者:今年蟹价不错。", None)
    assert {("消泾村", Kind.PLACE), ("徐根林", Kind.PERSON)} <= names and ("消泾村蟹农", Kind.PERSON) not in names


def test_a_township_and_a_word_open_a_units_name_the_labeller_reads_short():
    """(以下简称“津椒公司”)先锋花椒加工厂 beside 先锋镇: the plant's name starts with the township's name
    先锋, which the labeller leaves out."""
    text = "江津区先锋镇的椒林里,位于先锋镇的重庆津椒农业开发有限公司(以下简称“津椒公司”)先锋花椒加工厂内,设备运转。"
    names = _found(text, None)
    assert ("先锋花椒加工厂", Kind.ORG) in names and ("花椒加工厂", Kind.ORG) not in names


def test_a_site_described_by_a_word_in_hua_or_one_of_a_kind_is_no_name():
    """标准化黄连基地, 智能化毛尖加工厂, 一处村卫生室: descriptions of a kind of site, no names; 重庆现代化工集团
    (现代|化工) keeps its name."""
    text = ("公司在黄水镇建成1200亩标准化黄连基地。在黑龙潭村建成清洁化、智能化毛尖加工厂。"
            "在龙水镇一处村卫生室里,村医蒋文说。重庆现代化工集团有限公司今年投产。")
    names = {n for n, _ in _found(text, None)}
    assert not names & {"标准化黄连基地", "黄连基地", "智能化毛尖加工厂", "一处村卫生室", "村卫生室"}
    assert "重庆现代化工集团有限公司" in names


def test_a_department_with_he_in_its_name_is_not_cut_there():
    """浦东新区科技和经济委员会: one department (科技|经济 in ``joined_bureaus``), not 浦东新区科技 and 经济委员会."""
    names = _found("下一步,管理办将联合浦东新区科技和经济委员会,建设公共平台。", None)
    assert ("浦东新区科技和经济委员会", Kind.ORG) in names and ("经济委员会", Kind.ORG) not in names


def test_a_registered_name_ends_before_what_it_does_and_after_a_description_of_its_kind():
    """北京储能企业|北京恒储源能科技有限公司|合作建设储能电站: the company's name alone."""
    names = _found("在口泉乡,晋昇集团与北京储能企业北京恒储源能科技有限公司合作建设储能电站。", None)
    assert ("北京恒储源能科技有限公司", Kind.ORG) in names
    assert not any(n.startswith("北京储能") or n.endswith("电站") for n, _ in names)


def test_a_span_across_a_building_verb_or_a_township_and_a_body_is_cut():
    """凤凰湖产业园|建成|渝西城轨凤凰湖车辆检修基地 and 南坪街道|与|重庆城市康养职业学院: two names each; 依|綦河: the
    river; 两江新区建设投资集团有限公司 keeps its 建设."""
    text = ("渝西城轨公司在凤凰湖产业园建成渝西城轨凤凰湖车辆检修基地,承担动车组日常检修。南坪街道与重庆城市康养职业学院签约。"
            "东溪古镇依綦河而建。两江新区建设投资集团有限公司成立。")
    names = {n for n, _ in _found(text, None)}
    assert {"凤凰湖产业园", "渝西城轨凤凰湖车辆检修基地", "南坪街道", "重庆城市康养职业学院", "綦河",
            "两江新区建设投资集团有限公司"} <= names
    assert not names & {"依綦河", "南坪街道与重庆城市康养职业学院"}


def test_a_declared_short_form_outweighs_a_suffix_reading_inside_it():
    """广东顺华电器集团股份有限公司(以下简称顺华集团): jieba cuts 简称|顺|华集团 and the suffix rule reads 华集团;
    the declared 顺华集团 stands there, the company's short form."""
    text = "记者走进广东顺华电器集团股份有限公司(以下简称顺华集团)的智能工厂。顺华集团副总裁梁某说。"
    short = [m for m in extract(_article(text)).mentions if m.text.endswith("华集团")]
    assert [m.text for m in short] == ["顺华集团", "顺华集团"] and {m.alias for m in short} == {"广东顺华电器集团股份有限公司"}


def test_a_winery_is_an_organization_and_a_culture_and_sports_bureau_one_body():
    """云岚酒庄 (酒庄 in ``org_suffixes``) is a body, not a place; 安吉县文化和广电旅游体育局 is one department."""
    names = _found("目前西夏区已集聚云岚酒庄、石嘴岭酒庄等30余家酒庄。安吉县文化和广电旅游体育局联合举办活动。", None)
    assert {("云岚酒庄", Kind.ORG), ("石嘴岭酒庄", Kind.ORG), ("安吉县文化和广电旅游体育局", Kind.ORG)} <= names


def test_a_name_ends_before_the_verbs_of_founding_and_its_pronoun_opens_none():
    """与苏南工艺美术学院|签约|共建某中心: the college's name ends before 签约; 由其子公司|某某有限公司: 其子公司
    ("its subsidiary") names nothing, the company after it is the name."""
    names = _found("集团还将与苏南工艺美术学院签约共建紫砂设计研究中心。剧场由漓韵演艺投资建设,由其子公司阳朔漓韵山水剧场管理有限公司负责运营。", None)
    assert {("苏南工艺美术学院", Kind.ORG), ("阳朔漓韵山水剧场管理有限公司", Kind.ORG)} <= names
    assert not {n for n, _ in names} & {"苏南工艺美术学院签约", "由其子公司", "其子公司"}


def test_a_titled_name_ends_before_zai_or_yibian():
    """代表性传承人杨德全一边点卤, 党员李明在村里: the name after the role runs to 一边 or 在 (the labeller alone
    reads 杨德); no name is made of a surname and 在 (村民王在家门口)."""
    names = _found("代表性传承人杨德全一边点卤一边介绍。党员李明在村里帮忙。村民王在家门口种菜。", None)
    assert {("杨德全", Kind.PERSON), ("李明", Kind.PERSON)} <= names and ("杨德", Kind.PERSON) not in names
    assert not any(n.startswith("王在") for n, _ in names)


def test_a_description_in_qi_before_a_registered_name_is_left_out():
    """本地茶企|重庆某某茶业有限公司 (茶企: a tea firm), 运营方|某某有限公司 (the operator): the company's name
    starts after the description."""
    names = _found("青川职业学院则与本地茶企重庆云栖茶业有限公司合作,开设茶艺课程。产业园运营方宿迁云岫产业发展有限公司负责招商。", None)
    assert {("重庆云栖茶业有限公司", Kind.ORG), ("宿迁云岫产业发展有限公司", Kind.ORG)} <= names
    assert not any(n.startswith(("茶企", "运营方", "产业园运营")) for n, _ in names)


def test_a_company_running_a_centre_is_two_names():
    """引入某某有限公司|运营|社区养老服务中心: the company, then what it runs, not one name across 运营."""
    names = _found("街道引入重庆福康养老服务有限公司运营社区养老服务中心,提供助餐服务。", None)
    assert ("重庆福康养老服务有限公司", Kind.ORG) in names
    assert not any("运营" in n for n, _ in names)


def test_a_name_between_yi_and_wei_starts_after_yi():
    """以|某某社区养老服务中心|为枢纽 read whole (jieba's 以南): "with … as", the centre's name alone."""
    text = "街道以南湾社区养老服务中心为枢纽,在辖区设立服务站点。"
    assert _labelled_as(text, "以南湾社区养老服务中心", Kind.ORG) == [("南湾社区养老服务中心", Kind.ORG)]


def test_a_span_across_a_list_comma_keeps_the_last_name():
    """巴岭旅游、县林业局 read as one body: the county bureau after the comma."""
    text = "活动由城口县人民政府主办,巴岭旅游、县林业局共同承办。"
    assert _labelled_as(text, "巴岭旅游、县林业局", Kind.ORG) == [("县林业局", Kind.ORG)]


def test_a_list_of_rivers_ends_before_their_count():
    """金沙江、岷江、长江|三江交汇处: the last river of the list, then "the three rivers"."""
    names = {n for n, _ in _found("宜宾地处金沙江、岷江、长江三江交汇处。合川位于嘉陵江、渠江、涪江三江交汇处。", None)}
    assert {"长江", "涪江"} <= names and not names & {"长江三江", "涪江三江"}


def test_a_village_opening_a_persons_span_is_a_place():
    """金竹村龙小芳 read as one person: the village, then the villager."""
    text = "说起这几年的变化,石笋村龙晓芬深有体会。"
    assert _labelled_as(text, "石笋村龙晓芬", Kind.PERSON) == [("石笋村", Kind.PLACE), ("龙晓芬", Kind.PERSON)]


def test_a_titled_name_ends_before_an_adverb_and_dai_is_a_surname():
    """另一位传承人代永红则在某街道: 代 is a surname and the name ends before 则; 学生毕业即|就业 names nobody
    (就 opens the word 就业, so it ends no name)."""
    names = _found("另一位传承人代春梅则在巴川街道开设课堂。主任王立新也表示支持。订单班让学生毕业即就业。", None)
    assert {("代春梅", Kind.PERSON), ("王立新", Kind.PERSON)} <= names
    assert not any(n.startswith("毕业") for n, _ in names)


def test_a_declared_short_form_is_of_its_full_names_kind():
    """某某产业园(以下简称“产业园”) read as a body and, surer, as a place: the declared 产业园 is that place too."""
    from kg.extract.mentions import one_kind_per_name

    text = "浏阳东部烟花智造产业园(以下简称“产业园”)位于大瑶镇。浏阳东部烟花智造产业园还将扩建。目前产业园已入驻企业12家。"
    full, second, short = text.index("浏"), text.index("浏", 5), text.rindex("产业园")
    mentions = (Mention("t", full, full + 11, text[full:full + 11], Kind.ORG, by="labeller", score=0.6),
                Mention("t", second, second + 11, text[second:second + 11], Kind.PLACE, by="labeller", score=0.9),
                Mention("t", short, short + 3, "产业园", Kind.ORG, by="rules.short_form", score=0.9, alias=text[full:full + 11]))
    assert {m.kind for m in one_kind_per_name(text, mentions)} == {Kind.PLACE}


def test_a_county_short_form_from_another_province_is_a_word():
    """千亩荷塘 in a story about 铜梁 is a lotus pond, not 荷塘区 of Hunan; beside 株洲 it is that district;
    米兰 (also a city abroad) stays a place."""
    def places(text: str) -> set[str]:
        return {n for n, kind in _found(text, ("gazetteer",)) if kind is Kind.PLACE}

    assert "荷塘" not in places("铜梁区平滩镇千亩荷塘迎来游客。")
    assert "荷塘" in places("株洲荷塘一带迎来游客。")
    assert "米兰" in places("柯桥区的面料远销米兰。")


def test_a_river_named_by_one_character_is_a_place_when_the_labeller_is_sure():
    """琼江 (琼 + 江; jieba knows no such word, and a one-character head makes no name by its suffix alone)
    read surely by the labeller is a river."""
    names = _found("安居古城地处涪江与琼江交汇处。琼江两岸油菜花开。", None)
    assert ("琼江", Kind.PLACE) in names


def test_a_mountain_jieba_knows_is_a_place_where_nothing_else_is_read():
    """城口地处大巴山腹地: jieba's dictionary knows 大巴山 as a place, which the labeller misses there; 入海口
    (口) and 的花海 (a particle first) are no landmarks."""
    names = _found("城口地处大巴山腹地,森林覆盖率高。", None)
    assert ("大巴山", Kind.PLACE) in names
    from kg.extract.lexicon import landmarks_unread

    found = landmarks_unread(make_doc(_article("游轮驶入地中海,远处是大巴山。")), ())
    assert {m.text for m in found} == {"地中海", "大巴山"}  # (地 opens 地中海: an adverbial particle, no 的)


def test_stations_of_a_service_are_bodies():
    """中卫市迎水桥治沙站, 永新镇综合文化站: bodies (治沙站, 文化站 in ``org_suffixes``), not places."""
    names = _found("中卫市迎水桥治沙站站长马某介绍。永新镇综合文化站开设版画课。", None)
    assert {("中卫市迎水桥治沙站", Kind.ORG), ("永新镇综合文化站", Kind.ORG)} <= names


def test_a_name_ends_before_ze():
    """北温泉街道则依托研究院 read as one body: the township, then "while it relies on"."""
    text = "北温泉街道则依托研究院的科研资源开展活动。"
    assert _labelled_as(text, "北温泉街道则依托研究院", Kind.ORG) == [("北温泉街道", Kind.ORG)]


def test_a_list_starts_after_an_adverb_and_a_preposition():
    """园区管委会、区农业农村委将与檬泰集团等企业: the subjects, then the one listed company."""
    from kg.extract.rules import enumerations

    text = "届时,园区管委会、区农业农村委将与青檬集团等企业联合签约。"
    names = [m.text for m in enumerations(make_doc(_article(text)))]
    assert names == ["青檬集团"]


def test_a_chief_system_is_no_person():
    """全面推行林长制: the forest-chief system, no person surnamed 林."""
    assert _labelled_as("全面推行林长制。", "林长制", Kind.PERSON) == []


def test_an_event_name_starts_after_zhengzhi():
    """正值|牡丹文化节期间 ("coinciding with"; jieba tags 正值 a noun): the event's name starts after it."""
    names = _found("正值牡丹文化节期间,洛阳各大景区游人如织。", None)
    assert ("牡丹文化节", Kind.INITIATIVE) in names and not any(n.startswith("正值") for n, _ in names)


def test_a_direction_and_zhi_open_no_name():
    """北至某某路、南至唐城墙遗址公园: the boundary's direction and 至 ("reaching") open no name (leading_verbs)."""
    names = {n for n, _ in _found("街区北至雁塔路,南至唐城墙遗址公园,全长2100米。", None)}
    assert "唐城墙遗址公园" in names and not any(n.startswith(("南至", "北至")) for n in names)


def test_a_name_starts_after_its_subject_and_verb():
    """新区正推动瀚海研究院 read as one body: the subject (a place), an adverb and a verb, then the name;
    新区投资建设某某博物馆 (jieba's 投资|建设) likewise; 洛阳装备再制造工程技术研究中心 keeps its 再制造."""
    assert _labelled_as("新区正推动瀚海研究院与大学共建基地。", "新区正推动瀚海研究院", Kind.ORG) == [("瀚海研究院", Kind.ORG)]
    names = {n for n, _ in _found("集团今年在新区投资建设金麦浪啤酒文化博物馆,讲述历史。", ("suffix_names",))}
    assert "金麦浪啤酒文化博物馆" in names and not any("建设" in n for n in names)
    text = "洛阳装备再制造工程技术研究中心揭牌。"
    assert _labelled_as(text, "洛阳装备再制造工程技术研究中心", Kind.ORG) == [("洛阳装备再制造工程技术研究中心", Kind.ORG)]
