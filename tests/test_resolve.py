from __future__ import annotations

import pytest

from kg.records import Article, Extraction, Kind, Mention
from kg.resolve import core, entity_id, resolve


def _ex(article_id: str, *names: tuple[str, Kind]) -> Extraction:
    text = "，".join(n for n, _ in names)
    mentions, offset = [], 0
    for name, kind in names:
        mentions.append(Mention(article_id, offset, offset + len(name), name, kind))
        offset += len(name) + 1
    return Extraction(article=Article(id=article_id, text=text), mentions=tuple(mentions))


@pytest.mark.parametrize(
    "name, kind, expected",
    [
        ("青禾集团", Kind.ORG, "青禾"),
        ("南岭药业股份有限公司", Kind.ORG, "南岭药业"),
        ("重庆青禾电子科技有限公司", Kind.ORG, "青禾电子科技"),
        ("青山区", Kind.PLACE, "青山"),
        ("重庆云岭工业园区", Kind.PLACE, "云岭工业园区"),
        ("李四", Kind.PERSON, "李四"),
    ],
)
def test_resolve_core(name, kind, expected):
    assert core(name, kind) == expected


@pytest.mark.parametrize(
    "long, short, kind",
    [
        ("青禾集团", "青禾", Kind.ORG),
        ("重庆青禾电子科技有限公司", "青禾电子", Kind.ORG),
        ("青山智能装备产业链联合党委", "联合党委", Kind.ORG),
        ("青山农村商业银行", "青山农商银行", Kind.ORG),  # a contracted kind (trade_contractions)
        ("青山区", "青山", Kind.PLACE),
        ("重庆云岭工业园区", "云岭工业园区", Kind.PLACE),
    ],
)
def test_resolve_merges_short_forms_within_article(long, short, kind):
    res = resolve([_ex("a", (long, kind), (short, kind))])
    (entity,) = res.entities
    assert entity.name == long
    assert entity.aliases == (short,)


def test_resolve_keeps_kinds_apart_and_people_by_name():
    res = resolve([_ex("a", ("青山", Kind.PLACE), ("张伟", Kind.PERSON)), _ex("b", ("张伟", Kind.PERSON))])
    people = [e for e in res.entities if e.kind is Kind.PERSON]
    assert len(people) == 1 and len(people[0].mentions) == 2


def test_resolve_across_articles_by_alias():
    res = resolve([_ex("a", ("青禾集团", Kind.ORG), ("青禾", Kind.ORG)), _ex("b", ("青禾", Kind.ORG))])
    (entity,) = res.entities
    assert entity.name == "青禾集团"
    assert len(entity.mentions) == 3


def test_resolve_ambiguous_short_form_stays_apart():
    res = resolve([_ex("a", ("青禾电子科技有限公司", Kind.ORG), ("青禾电子商务有限公司", Kind.ORG), ("青禾", Kind.ORG))])
    assert len(res.entities) == 3


def test_resolve_ids_are_stable():
    assert entity_id(Kind.ORG, "青禾集团") == entity_id(Kind.ORG, "青禾集团")
    assert entity_id(Kind.ORG, "青禾集团") != entity_id(Kind.PLACE, "青禾集团")
    first = resolve([_ex("a", ("青禾集团", Kind.ORG))])
    second = resolve([_ex("a", ("青禾集团", Kind.ORG))])
    assert first.entities[0].id == second.entities[0].id


def test_resolve_maps_every_mention():
    ex = _ex("a", ("青禾集团", Kind.ORG), ("青禾", Kind.ORG), ("青山区", Kind.PLACE))
    res = resolve([ex])
    for m in ex.mentions:
        assert res.of(m) is not None


def _member(article_id: str, person: str, org: str | None, author: bool = False) -> Extraction:
    text = f"{org or '某地'}职工{person}说。"
    mentions = [Mention(article_id, text.index(person), text.index(person) + len(person), person, Kind.PERSON)]
    relations = ()
    if org:
        org_mention = Mention(article_id, 0, len(org), org, Kind.ORG)
        mentions.append(org_mention)
        from kg.records import Relation, Span

        relations = (Relation("memberOf", mentions[0], org_mention, Span(0, len(text)), role="职工"),)
    article = Article(id=article_id, text=text, authors=(person,) if author else ())
    return Extraction(article=article, mentions=tuple(mentions), relations=relations)


def test_resolve_people_with_one_name_apart_by_organization():
    res = resolve([_member("a", "张伟", "青山日报"), _member("b", "张伟", "江津医院"), _member("c", "张伟", "青山日报")])
    people = [e for e in res.entities if e.kind is Kind.PERSON]
    assert sorted(len(p.mentions) for p in people) == [1, 2]
    assert len({p.id for p in people}) == 2


def test_resolve_unaffiliated_mention_joins_the_only_person_of_that_name():
    res = resolve([_member("a", "张伟", "青山日报"), _member("b", "张伟", None)])
    (person,) = [e for e in res.entities if e.kind is Kind.PERSON]
    assert len(person.mentions) == 2


def test_resolve_reporter_and_namesake_in_a_story_stay_apart():
    """The author of two articles (one byline names the paper) is not the person of that name a third
    article reports on; the reporter's own unaffiliated byline still joins the reporter."""
    res = resolve([_member("a", "张伟", "青山日报", author=True), _member("b", "张伟", None, author=True),
                   _member("c", "张伟", None)])
    people = sorted((len(e.mentions), e.id) for e in res.entities if e.kind is Kind.PERSON)
    assert [n for n, _ in people] == [1, 2]
    assert len({i for _, i in people}) == 2


def test_resolve_same_as_file_overrides_rules(tmp_path):
    from kg.resolve import read_aliases

    path = tmp_path / "aliases.tsv"
    path.write_text("# ours\n青禾控股\t青禾\n张伟\t张小伟\n", encoding="utf-8")
    groups = read_aliases(path)
    res = resolve([_ex("a", ("青禾控股", Kind.ORG)), _ex("b", ("青禾", Kind.ORG)),
                   _ex("c", ("张伟", Kind.PERSON)), _ex("d", ("张小伟", Kind.PERSON))], same_as=groups)
    orgs = [e for e in res.entities if e.kind is Kind.ORG]
    people = [e for e in res.entities if e.kind is Kind.PERSON]
    assert [(e.name, e.aliases, len(e.mentions)) for e in orgs] == [("青禾控股", ("青禾",), 2)]
    assert [(e.name, len(e.mentions)) for e in people] == [("张伟", 2)]


def test_resolve_alias_file_errors_name_the_file(tmp_path):
    from kg.errors import InputError
    from kg.resolve import read_aliases

    path = tmp_path / "aliases.tsv"
    path.write_text("青禾集团\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"aliases.tsv: line 1 names one thing"):
        read_aliases(path)
    with pytest.raises(InputError, match="cannot read the alias file"):
        read_aliases(tmp_path / "none.tsv")


@pytest.mark.parametrize(
    "short, long, expected",
    [
        ("工信部", "工业和信息化部", True),
        ("华建六局", "中国华建第六工程局", False),  # starts differently: the core decides, see below
        ("华建六局", "华建第六工程局", True),
        ("渝丰农商行", "渝丰农村商业银行", True),
        ("国家发改委", "国家发展和改革委员会", True),
        ("北京大学", "北京师范大学", False),
        ("青山局", "青山区教育委员会", False),
        ("农业部", "农业农村部", False),  # one word dropped whole: another ministry
    ],
)
def test_resolve_contractions(short, long, expected):
    from kg.resolve import contraction

    assert contraction(short, long) is expected


def test_resolve_contraction_across_articles_and_ambiguous_short_form():
    res = resolve([_ex("a", ("工业和信息化部", Kind.ORG)), _ex("b", ("工信部", Kind.ORG))])
    assert [(e.name, e.aliases) for e in res.entities] == [("工业和信息化部", ("工信部",))]
    res = resolve([_ex("a", ("吉林省", Kind.PLACE), ("吉林市", Kind.PLACE), ("吉林", Kind.PLACE))])
    assert len(res.entities) == 3


@pytest.mark.parametrize(
    "short, long, same",
    [
        ("青山工作队", "青山驻村工作队", True),  # the place, then the same name, a word left out
        ("贵州省医院", "贵州省人民医院", False),  # two hospitals
        ("重庆市中学", "重庆市第一中学", False),  # a number left out
        ("江北区医院", "江北区中医院", False),
    ],
)
def test_resolve_short_form_without_a_middle_word(short, long, same):
    from kg.resolve import _middle_dropped

    assert _middle_dropped(short, long, {"青山"}) is same


def test_resolve_across_articles_without_the_leading_place():
    res = resolve([_ex("a", ("重庆青禾精密机械有限公司", Kind.ORG)), _ex("b", ("青禾精密机械有限公司", Kind.ORG))])
    assert [(e.name, e.aliases) for e in res.entities] == [("重庆青禾精密机械有限公司", ("青禾精密机械有限公司",))]
    # 区人民医院 names no district: it joins neither of two hospitals, nor the only one
    res = resolve([_ex("a", ("綦江区人民医院", Kind.ORG)), _ex("b", ("区人民医院", Kind.ORG))])
    assert len(res.entities) == 2
    # where the place is what tells the name apart, the name without it is any one of them
    res = resolve([_ex("a", ("上海证券交易所", Kind.ORG)), _ex("b", ("证券交易所", Kind.ORG))])
    assert len(res.entities) == 2
    res = resolve([_ex("a", ("永川区胜利路街道党工委", Kind.ORG)), _ex("b", ("胜利路街道党工委", Kind.ORG))])
    assert len(res.entities) == 1


def test_resolve_contractions_after_a_place_and_before_a_branch():
    from kg.resolve import _abbreviates, contraction

    assert _abbreviates("青山区经信委", "青山区经济和信息化委员会", Kind.ORG, set())
    assert not _abbreviates("白沙区经信委", "青山区经济和信息化委员会", Kind.ORG, set())
    assert _abbreviates("渝丰农商行云岭支行", "重庆渝丰农村商业银行云岭支行", Kind.ORG, set())
    assert not contraction("渝丰农村商业银行", "渝丰农村商业银行云岭支行")  # the parent, not a short form
    assert contraction("国务院新闻办", "国务院新闻办公室")
    res = resolve([_ex("a", ("重庆渝丰农村商业银行", Kind.ORG)), _ex("b", ("重庆渝丰农村商业银行云岭支行", Kind.ORG))])
    assert len(res.entities) == 2


def test_resolve_a_short_form_by_the_level_of_the_leading_division():
    """区检察院 for 荣昌区人民检察院 (人民 dropped), 县文化旅游委 for 巫山县文化和旅游发展委员会 (contracted)."""
    from kg.resolve import _abbreviates

    assert _abbreviates("区检察院", "荣昌区人民检察院", Kind.ORG, set())
    assert _abbreviates("县文化旅游委", "巫山县文化和旅游发展委员会", Kind.ORG, set())
    assert not _abbreviates("区法院", "荣昌区人民检察院", Kind.ORG, set())
    assert not _abbreviates("县检察院", "荣昌区人民检察院", Kind.ORG, set())  # another level
    res = resolve([_ex("a", ("荣昌区人民检察院", Kind.ORG), ("区检察院", Kind.ORG))])
    assert len(res.entities) == 1


def test_resolve_an_initiative_s_tail_with_its_own_head():
    res = resolve([_ex("a", ("青山红叶季", Kind.INITIATIVE), ("红叶季", Kind.INITIATIVE))])
    assert len(res.entities) == 1


def test_resolve_a_short_form_without_the_trade_word():
    from kg.resolve import _abbreviates

    assert _abbreviates("青禾农业", "重庆青禾农业开发有限公司", Kind.ORG, set())
    assert _abbreviates("窑山陶瓷", "重庆窑山陶瓷制品有限公司", Kind.ORG, set())
    assert not _abbreviates("青禾银行", "青禾银行云岭支行", Kind.ORG, set())  # the parent, not a short form


def test_resolve_a_declared_short_form_joins_its_name():
    from dataclasses import replace as with_

    ex = _ex("a", ("青州夜间经济商户联合会", Kind.ORG), ("商户会", Kind.ORG))
    ex = with_(ex, mentions=(ex.mentions[0], with_(ex.mentions[1], alias="青州夜间经济商户联合会")))
    assert len(resolve([ex]).entities) == 1


def test_resolve_a_protected_area_without_its_level_words():
    from kg.resolve import _abbreviates

    assert _abbreviates("青禾湖保护区", "青禾湖国家级自然保护区", Kind.PLACE, set())
    assert not _abbreviates("青禾湖公园", "青禾湖国家级自然保护区", Kind.PLACE, set())


def test_resolve_place_of_two_divisions_keeps_the_forms_of_its_own_articles():
    res = resolve([_ex("a", ("永川区", Kind.PLACE), ("临江镇", Kind.PLACE), ("临江", Kind.PLACE)),
                   _ex("b", ("开州区", Kind.PLACE), ("临江镇", Kind.PLACE))])
    towns = sorted((e.code, e.aliases) for e in res.entities if e.name == "临江镇")
    assert len(towns) == 2 and sorted(aliases for _, aliases in towns) == [(), ("临江",)]


def test_resolve_common_abbreviation_from_the_lexicon():
    res = resolve([_ex("a", ("最高人民法院", Kind.ORG)), _ex("b", ("最高法", Kind.ORG))])
    assert [(e.name, e.aliases) for e in res.entities] == [("最高人民法院", ("最高法",))]
    res = resolve([_ex("b", ("最高法", Kind.ORG))])  # no full name anywhere: the short form stays
    assert [e.name for e in res.entities] == ["最高法"]


def test_resolve_one_character_place_joins_the_full_name_its_article_uses():
    text = "北京市举行会议，会议在京召开。"
    article = Article(id="a", text=text)
    mentions = (Mention("a", 0, 3, "北京市", Kind.PLACE), Mention("a", 4, 6, "北京", Kind.PLACE),
                Mention("a", 11, 12, "京", Kind.PLACE, alias="北京"))
    res = resolve([Extraction(article=article, mentions=mentions)])
    (entity,) = res.entities
    assert entity.name == "北京市"
    alone = resolve([_ex("b", ("京", Kind.PLACE))])
    assert [e.name for e in alone.entities] == ["京"]  # no full name in the build: the form as written
    only_full = (Mention("a", 0, 3, "北京市", Kind.PLACE), Mention("a", 11, 12, "京", Kind.PLACE, alias="北京"))
    (entity,) = resolve([Extraction(article=article, mentions=only_full)]).entities  # 北京 itself never written
    assert entity.name == "北京市" and "京" in entity.aliases


def test_a_body_named_by_its_level_is_the_articles_own():
    """区人民医院 in stories of two districts are two hospitals; in two stories of one district, one."""
    a = _ex("a", ("万州区", Kind.PLACE), ("区人民医院", Kind.ORG))
    b = _ex("b", ("涪陵区", Kind.PLACE), ("区人民医院", Kind.ORG))
    c = _ex("c", ("万州区", Kind.PLACE), ("区人民医院", Kind.ORG))
    d = _ex("d", ("区人民医院", Kind.ORG))
    res = resolve([a, b, c, d])
    hospitals = [e for e in res.entities if e.name == "区人民医院"]
    by_articles = sorted(sorted({m.article_id for m in e.mentions}) for e in hospitals)
    assert by_articles == [["a", "c"], ["b"], ["d"]]
    assert len({e.id for e in hospitals}) == 3


def test_resolve_a_name_takes_the_kind_most_articles_give_it():
    """One story's labeller read 普京 as a place; five others read a person: one person. A country
    read as an organization (a team) in most stories stays a place."""
    stories = [_ex(f"p{i}", ("普京", Kind.PERSON)) for i in range(5)] + [_ex("x", ("普京", Kind.PLACE))]
    teams = [_ex(f"t{i}", ("巴西", Kind.ORG)) for i in range(5)] + [_ex("y", ("巴西", Kind.PLACE))]
    res = resolve(stories + teams)
    putin = [e for e in res.entities if e.name == "普京"]
    assert [(e.kind, len(e.mentions)) for e in putin] == [(Kind.PERSON, 6)]
    assert {e.kind for e in res.entities if e.name == "巴西"} == {Kind.ORG, Kind.PLACE}
    few = resolve([_ex("a", ("青禾", Kind.ORG)), _ex("b", ("青禾", Kind.PLACE)), _ex("c", ("青禾", Kind.ORG))])
    assert len(few.entities) == 2  # too few to say


def test_bodies_of_two_places_with_one_function_stay_apart():
    """永川区林业局 and 黔南布依族苗族自治州林业局 share the core 林业局 but open with two places;
    重庆市永川区林业局 and 永川区林业局 name the same one."""
    res = resolve([_ex("a", ("黔南布依族苗族自治州林业局", Kind.ORG), ("永川区林业局", Kind.ORG))])
    assert len(res.entities) == 2
    res = resolve([_ex("a", ("重庆市永川区林业局", Kind.ORG), ("永川区林业局", Kind.ORG))])
    assert len(res.entities) == 1


def test_an_autonomous_prefecture_by_its_short_name_and_level():
    """恩施州 for 恩施土家族苗族自治州, 彭水县 for 彭水苗族土家族自治县: one division."""
    res = resolve([_ex("a", ("恩施土家族苗族自治州", Kind.PLACE), ("恩施州", Kind.PLACE))])
    assert [e.name for e in res.entities] == ["恩施土家族苗族自治州"]


@pytest.mark.parametrize(("long", "short", "kind"), [
    ("广东青焙智能家电有限公司", "青焙公司", Kind.ORG),
    ("广东青泓控股集团有限公司", "青泓集团", Kind.ORG),
    ("海城青晟耐火材料有限公司", "海城青晟", Kind.ORG),  # the opening without trade and legal ending
    ("青岛青港跨境电商产业园", "青港产业园", Kind.PLACE),  # a park's trade name and suffix
])
def test_a_trade_name_and_its_kind_is_the_body(long, short, kind):
    res = resolve([_ex("a", (long, kind), (short, kind))])
    assert [(e.name, e.aliases) for e in res.entities] == [(long, (short,))]


def test_a_bank_is_no_trade_name_of_its_company():
    res = resolve([_ex("a", ("中国建设银行股份有限公司", Kind.ORG), ("中国建设", Kind.ORG))])
    assert len(res.entities) == 2


def test_a_level_form_is_the_body_of_the_articles_own_division():
    """区应急管理局 beside three districts' bureaus: the one of the district the article names most."""
    res = resolve([_ex("a", ("永川区", Kind.PLACE), ("永川区", Kind.PLACE), ("永川区应急管理局", Kind.ORG),
                       ("荣昌区应急管理局", Kind.ORG), ("铜梁区应急管理局", Kind.ORG), ("区应急管理局", Kind.ORG))])
    (bureau,) = [e for e in res.entities if "区应急管理局" in e.aliases]
    assert bureau.name == "永川区应急管理局"


def test_a_zone_without_its_city_and_international():
    res = resolve([_ex("a", ("西安国际港务区", Kind.PLACE), ("港务区", Kind.PLACE))])
    assert [(e.name, e.aliases) for e in res.entities] == [("西安国际港务区", ("港务区",))]


def test_a_zone_by_the_short_ending_of_its_name():
    res = resolve([_ex("a", ("青州高新技术产业开发区", Kind.PLACE), ("青州高新区", Kind.PLACE))])
    assert [(e.name, e.aliases) for e in res.entities] == [("青州高新技术产业开发区", ("青州高新区",))]


def test_a_prefectures_office_by_its_two_character_contraction():
    res = resolve([_ex("a", ("大兴安岭地区行政公署", Kind.ORG), ("大兴安岭地区行署", Kind.ORG))])
    assert [(e.name, e.aliases) for e in res.entities] == [("大兴安岭地区行政公署", ("大兴安岭地区行署",))]


def test_a_two_character_trade_name_that_is_no_word():
    """渝清 and 渝清环境 for 重庆渝清环境治理有限公司; not 远洋 (a word) for 远洋货运公司."""
    from kg.resolve import short_forms_of

    assert {"渝清", "渝清环境"} <= short_forms_of("重庆渝清环境治理有限公司", Kind.ORG, {"重庆"})
    assert "远洋" not in short_forms_of("远洋货运公司", Kind.ORG)


def test_a_level_form_beside_a_name_and_its_longer_form():
    """市应急管理局 beside 淮南市应急管理局 and 安徽省淮南市应急管理局: one body."""
    res = resolve([_ex("a", ("安徽省淮南市应急管理局", Kind.ORG), ("淮南市应急管理局", Kind.ORG), ("市应急管理局", Kind.ORG))])
    assert len(res.entities) == 1


def test_a_branch_gives_no_trade_name_of_its_own():
    """峰联数字 is the short form of 重庆峰联数字网络有限公司, not of its 武隆分公司."""
    from kg.resolve import short_forms_of

    assert "峰联数字" in short_forms_of("重庆峰联数字网络有限公司", Kind.ORG, {"重庆"})
    assert "峰联数字" not in short_forms_of("峰联数字武隆分公司", Kind.ORG)


def test_resolve_keeps_a_company_and_its_branch_apart():
    res = resolve([_ex("a", ("宁夏六盘鲜冷链物流有限公司", Kind.ORG), ("宁夏六盘鲜冷链物流有限公司广州分公司", Kind.ORG),
                       ("六盘鲜冷链", Kind.ORG))])
    names = {e.name: e.aliases for e in res.entities}
    assert names == {"宁夏六盘鲜冷链物流有限公司": ("六盘鲜冷链",), "宁夏六盘鲜冷链物流有限公司广州分公司": ()}
    assert core("宁夏六盘鲜冷链物流有限公司广州分公司", Kind.ORG) == "六盘鲜冷链物流有限公司广州分公司"


@pytest.mark.parametrize(("short", "long", "merged"), [
    ("石门贡米合作社", "酉阳县花田石门贡米种植专业合作社", True),
    ("丰禾合作社", "海伦市海北镇丰禾大豆种植专业合作社", True),
    ("花田合作社", "酉阳县花田石门贡米种植专业合作社", False),  # two words more than a product: another name
])
def test_resolve_a_cooperative_by_its_own_name(short, long, merged):
    res = resolve([_ex("a", (long, Kind.ORG), (short, Kind.ORG))])
    assert (len(res.entities) == 1) is merged


@pytest.mark.parametrize(("long", "short", "kind"), [
    ("三共协作机制", "三共", Kind.INITIATIVE),  # a quoted initiative and its name with a head of two words
    ("重庆南川云岫茶业有限公司", "云岫茶业", Kind.ORG),  # a company after a city and a district, by its trade name
    ("重庆恒栎新材料科技股份有限公司", "恒栎新材", Kind.ORG),  # a trade word contracted (trade_contractions.tsv)
    ("合肥蜀科创新投资有限公司", "蜀科创投", Kind.ORG),
    ("重庆岚山生物科技有限公司", "岚山生物", Kind.ORG),  # 岚山, a district far from 重庆, is the trade name here
    ("2024青州江岸城市马拉松", "江岸马拉松", Kind.INITIATIVE),  # an event without its year and place
    ("2024青州江岸半程马拉松赛", "2024青州江岸半程马拉松", Kind.INITIATIVE),  # 马拉松赛 and 马拉松 (suffix_short_forms)
    ("连云港恒通国际货运代理有限公司", "恒通货代", Kind.ORG),  # a trade ending the core, contracted (trade_contractions)
    ("河北冀运重型汽车有限公司", "冀运重卡", Kind.ORG),
    ("雪宝花开乡村旅游节", "雪宝花开", Kind.INITIATIVE),  # a quoted name and its event head
    ("青山高新区管委会", "管委会", Kind.ORG),  # a body's own three-character kind, the only one named
    ("青山区人民法院", "青山区法院", Kind.ORG),  # 人民 dropped
    ("青山区教育委员会", "区教委", Kind.ORG),  # the level and a two-character contraction
    ("城乡同课·一校带三校", "城乡同课", Kind.INITIATIVE),  # the first part of a two-part name
])
def test_resolve_one_entity_for_a_name_and_its_short_form(long, short, kind):
    res = resolve([_ex("a", (long, kind), (short, kind))])
    (entity,) = res.entities
    assert entity.name == long


@pytest.mark.parametrize(("short", "branch"), [
    ("金驼文旅", "金驼文旅敦煌分公司"),
    ("精锐模塑", "精锐模塑海防分公司"),
    ("渝丰农商行", "渝丰农商行大足支行"),
])
def test_a_branch_named_by_the_parents_short_form_stays_apart(short, branch):
    """甲集团有限公司(以下简称金驼文旅) … 金驼文旅敦煌分公司: the short form names the parent, not its branch."""
    res = resolve([_ex("a", ("甘肃丝路金驼文化旅游集团有限公司", Kind.ORG), (short, Kind.ORG), (branch, Kind.ORG))])
    names = {e.name: e.aliases for e in res.entities}
    assert names[branch] == ()


def test_a_hospital_branch_by_its_own_name():
    """金刀峡分院 for 北碚区中医院金刀峡分院: the branch's own name and 分院."""
    res = resolve([_ex("a", ("北碚区中医院金刀峡分院", Kind.ORG), ("北碚区中医院", Kind.ORG), ("金刀峡分院", Kind.ORG))])
    assert {e.name: e.aliases for e in res.entities} == {"北碚区中医院金刀峡分院": ("金刀峡分院",), "北碚区中医院": ()}


@pytest.mark.parametrize(("short", "long", "kind"), [
    ("博州", "博尔塔拉蒙古自治州", Kind.PLACE),  # an autonomous prefecture by its first character
    ("临港物流园", "永川港桥临港物流园", Kind.PLACE),  # a site's name without its opening
    ("稻田公园", "屏锦万年稻田公园", Kind.PLACE),
    ("西郊三村", "西郊三村小区", Kind.PLACE),  # a housing estate without 小区
    ("后坪乡", "后坪苗族土家族乡", Kind.PLACE),  # an ethnic township without its peoples
    ("蔺州古镇文旅公司", "重庆蔺州古镇文化旅游开发有限公司", Kind.ORG),  # a short form and 公司
    ("古韵修缮公司", "重庆古韵建筑修缮工程有限公司", Kind.ORG),  # the core's words, some dropped, and 公司
    ("桓仁法院", "桓仁县人民法院", Kind.ORG),  # the division's short name, the rest without 人民
    ("青溪中专", "泾县青溪中等专业学校", Kind.ORG),  # the short ending, the division dropped
    ("团市委", "共青团忻州市委", Kind.ORG),  # 团 and the committee's level
    ("中科院青藏高原生态研究所", "中国科学院青藏高原生态研究所", Kind.ORG),  # the parent contracted, 中国 and all
    ("黄南州中院", "黄南藏族自治州中级人民法院", Kind.ORG),  # the prefecture's short name, then 中院
    ("省馆", "江西省图书馆", Kind.ORG),  # the level and the last character of the body's kind
    ("专家服务团", "眉山柑橘产业专家服务团", Kind.ORG),  # a tail that keeps the body's own suffix
    ("律协", "湄潭县律师协会", Kind.ORG),  # the short ending alone for the division's body of that kind
    ("星夜集", "观音桥·星夜集", Kind.INITIATIVE),  # the second part of a name after the place it is in
    ("地标护航", "利川莼菜·地标护航", Kind.INITIATIVE),  # (after the place's product)
    ("金穗农业", "俄罗斯阿穆尔金穗农业股份公司", Kind.ORG),  # a foreign company without its country and region
    ("雄安", "河北雄安新区", Kind.PLACE),  # a new area without 新区
    ("巫山国际红叶节", "重庆巫山国际红叶节", Kind.INITIATIVE),  # an event without the place that opens it
    ("第十七届巫山国际红叶节", "第十七届重庆巫山国际红叶节", Kind.INITIATIVE),  # (after its edition)
    ("港务公司", "宁德白马港务有限公司", Kind.ORG),  # the company's trade word and 公司
    ("粤港澳", "粤港澳大湾区", Kind.PLACE),  # a bay area without 大湾区
    ("启明孵化器", "重庆数谷启明科技企业孵化器有限公司", Kind.ORG),  # a trade name and the kind its name ends in
    ("药学院", "江苏长洲医科大学药学院", Kind.ORG),  # a college by its own name after its university's
    ("柴达木", "柴达木盆地", Kind.PLACE),  # a basin without 盆地 (but 四川 is no short form of 四川盆地)
])
def test_resolve_short_forms_of_unseen_batches(short, long, kind):
    res = resolve([_ex("a", (long, kind), (short, kind))])
    assert [(e.name, e.aliases) for e in res.entities] == [(long, (short,))]


@pytest.mark.parametrize(("short", "long", "kind"), [
    ("工业园区", "永川港桥工业园区", Kind.PLACE),  # a generic name is no short form
    ("大河乡", "大河坝苗族乡", Kind.PLACE),  # 坝苗族 is no people
    ("中建川渝水利水电工程有限公司", "中建川渝水利水电工程有限公司龙门溪水库项目经理部", Kind.ORG),  # a company and its unit
    ("承德市人民政府", "承德市双桥区人民政府", Kind.ORG),  # a city's government and its district's
    ("攸县人民医院", "攸县第二人民医院", Kind.ORG),  # a county's hospital and its second
    ("四川", "四川盆地", Kind.PLACE),  # a province is no short form of the basin named after it
])
def test_resolve_keeps_apart_what_only_looks_like_a_short_form(short, long, kind):
    assert len(resolve([_ex("a", (long, kind), (short, kind))]).entities) == 2


@pytest.mark.parametrize(("full", "called"), [
    ("邹敏", "邹总"),  # surname and an address term
    ("龚桂兰", "龚孃孃"),
    ("王建国", "王书记"),  # surname and a post
    ("陈德贵", "老陈"),  # 老 and the surname
    ("迈克尔·哈里森", "哈里森"),  # the last part of a dotted name
    ("阿依江·托合提", "阿依江"),  # the first part: a Kazakh name's own name
    ("蒙立勤", "蒙检"),  # a prosecutor by surname and 检
    ("郑晓芸", "阿芸"),  # 阿 and the last character of the given name
])
def test_resolve_a_person_called_by_surname_and_title(full, called):
    (entity,) = resolve([_ex("a", (full, Kind.PERSON), (called, Kind.PERSON))]).entities
    assert entity.name == full and called in entity.aliases


def test_resolve_a_surname_and_title_with_two_people_of_that_surname_stays_apart():
    res = resolve([_ex("a", ("王建国", Kind.PERSON), ("王立新", Kind.PERSON), ("王书记", Kind.PERSON))])
    assert len(res.entities) == 3
    res = resolve([_ex("a", ("王建国", Kind.PERSON), ("李总", Kind.PERSON))])
    assert len(res.entities) == 2


def test_a_declared_short_form_is_its_declarer_only():
    """澜测科技 (以下简称 of the listed company) also shortens 澜测科技（越南）有限公司, a subsidiary: it stays
    the listed company's, and the subsidiary a node of its own."""
    text = "辽宁澜测智能科技股份有限公司（以下简称“澜测科技”），澜测科技（越南）有限公司"
    long, short, sub = "辽宁澜测智能科技股份有限公司", "澜测科技", "澜测科技（越南）有限公司"
    at_short, at_sub = text.index(short, len(long)), text.index(sub)
    mentions = (Mention("a", 0, len(long), long, Kind.ORG),
                Mention("a", at_short, at_short + len(short), short, Kind.ORG, alias=long),
                Mention("a", at_sub, at_sub + len(sub), sub, Kind.ORG))
    res = resolve([Extraction(article=Article(id="a", text=text), mentions=mentions)])
    assert sorted(e.name for e in res.entities) == sorted([long, sub])


def test_a_latin_name_in_brackets_is_the_chinese_name_s_and_names_no_node():
    from kg.extract import extract

    text = "德国克莱恩博格精密机械股份公司（Kleinberg Precision AG，以下简称“克莱恩博格”）与开发区签约。克莱恩博格还将扩产。"
    res = resolve([extract(Article(id="a", text=text))])
    orgs = [e for e in res.entities if e.kind is Kind.ORG]
    assert [e.name for e in orgs] == ["德国克莱恩博格精密机械股份公司"]
    assert {"Kleinberg Precision AG", "克莱恩博格"} <= set(orgs[0].aliases)


def test_a_person_s_name_in_latin_letters_in_brackets_is_theirs():
    from kg.extract import extract

    text = "亚太区总裁托马斯·韦伯（Thomas Weber）说，韦伯在华工作十年。"
    people = [e for e in resolve([extract(Article(id="a", text=text))]).entities if e.kind is Kind.PERSON]
    assert [e.name for e in people] == ["托马斯·韦伯"] and "Thomas Weber" in people[0].aliases


def test_a_unit_s_short_name_joins_its_full_name_beside_a_unit_of_its_own():
    """资源与环境学院 for 某大学资源与环境学院, though 资源与环境学院研究生党支部 also starts with it."""
    from kg.extract import extract

    text = ("青山农业大学资源与环境学院教授金成浩正在整理数据。资源与环境学院由两个系合并组建。"
            "资源与环境学院研究生党支部把“党员先锋岗”设在小院。")
    names = [e.name for e in resolve([extract(Article(id="a", text=text))]).entities if e.kind is Kind.ORG]
    assert "资源与环境学院" not in names and "青山农业大学资源与环境学院" in names


@pytest.mark.parametrize(("text", "name", "short"), [
    ("青州青禾智能装备产业园(以下简称“青禾装备园”)位于城东。今年青禾装备园新入驻企业12家。", "青州青禾智能装备产业园", "青禾装备园"),
    ("第三届青山国际农业机械博览会(以下简称“农机博览会”)昨日开幕。本届农机博览会为期3天。", "第三届青山国际农业机械博览会", "农机博览会"),
])
def test_a_declared_short_form_of_a_place_or_an_initiative_is_its_name(text, name, short):
    """Not only a company declares its short form: a park (某某产业园（以下简称“某某园”）) and an event do too."""
    from kg.extract import extract

    res = resolve([extract(Article(id="a", text=text))])
    (entity,) = [e for e in res.entities if name in (e.name, *e.aliases)]
    assert {entity.name, *entity.aliases} >= {name, short}
    assert not [e for e in res.entities if e is not entity and short in (e.name, *e.aliases)]


def test_a_company_s_short_form_beside_its_branch_names_the_company():
    """禾穗公司 beside 某某股份有限公司 and its 禾穗昌吉分公司: 某某公司 never names a 分公司."""
    parent, branch, branch_short = "新疆禾穗农业科技股份有限公司", "新疆禾穗农业科技股份有限公司昌吉分公司", "禾穗昌吉分公司"
    res = resolve([_ex("a", (parent, Kind.ORG), (branch, Kind.ORG), (branch_short, Kind.ORG), ("禾穗公司", Kind.ORG))])
    assert {e.name: e.aliases for e in res.entities} == {parent: ("禾穗公司",), branch: (branch_short,)}


def test_a_body_named_after_another_is_another_body():
    """青山实验中学教育集团 is named after 青山实验中学, its core school: two nodes; 青禾医院有限公司 is 青禾医院."""
    school, group = "青州市青山实验中学", "青州市青山实验中学教育集团"
    res = resolve([_ex("a", (group, Kind.ORG), (school, Kind.ORG), ("青山实验中学", Kind.ORG))])
    assert {e.name: e.aliases for e in res.entities} == {group: (), school: ("青山实验中学",)}
    assert len(resolve([_ex("a", ("青禾医院", Kind.ORG), ("青禾医院有限公司", Kind.ORG))]).entities) == 1
    company, branch = "巫山县青程物业服务有限公司", "巫山县青程物业服务有限公司党支部"
    res = resolve([_ex("a", (company, Kind.ORG), (branch, Kind.ORG), ("青程物业", Kind.ORG))])
    assert {e.name: e.aliases for e in res.entities} == {company: ("青程物业",), branch: ()}


def test_a_short_form_declared_after_a_quoted_name_and_its_head_is_the_name_s():
    """“石上生花”青年文创孵化计划（以下简称“孵化计划”）: 孵化计划 is the quoted initiative's, one node."""
    from kg.extract import extract

    text = "文创园同步启动“石上生花”青年文创孵化计划（以下简称“孵化计划”）。孵化计划每年遴选30个青年创业团队。"
    res = resolve([extract(Article(id="a", text=text))])
    assert [(e.name, "孵化计划" in e.aliases) for e in res.entities if e.kind is Kind.INITIATIVE] == [("石上生花", True)]


def test_a_division_s_short_name_is_the_division_whatever_the_labeller_reads():
    """梁平 beside 梁平区图书馆, read as a person in 学画梁平木版年画: a place throughout, one node."""
    from kg.extract import extract

    text = "### 梁平:“书香驿站”开到田坎边\n\n孩子们正跟着梁平区图书馆馆员田思琪学画梁平木版年画。"
    kinds = {m.kind for m in extract(Article(id="a", text=text)).mentions if m.text == "梁平"}
    assert kinds == {Kind.PLACE}


def test_a_city_by_its_nickname():
    """蓉城 is 成都市 (abbreviations.tsv): one node where an article writes both."""
    res = resolve([_ex("a", ("成都市", Kind.PLACE), ("蓉城", Kind.PLACE))])
    assert [(e.name, e.aliases) for e in res.entities] == [("成都市", ("蓉城",))]


def test_a_village_listed_by_its_short_name_is_the_village():
    """中井、三江等6个村 beside 中井村: the list says 中井 is a village, the one the article names in full."""
    from kg.extract import extract

    text = "郁山镇中井村是2020年合村并组后的新村。合作社带动中井、三江、晓联等6个村1100余户增收。"
    res = resolve([extract(Article(id="a", text=text))])
    assert [sorted((e.name, *e.aliases)) for e in res.entities if "中井" in e.name] == [["中井", "中井村"]]


def test_a_person_s_other_name_in_brackets_is_the_person_s():
    """龙小燕（苗名“阿雅”） … 阿雅说: one person."""
    from kg.extract import extract

    text = "苗族姑娘龙小燕（苗名“阿雅”）一边给游客讲解苗绣，一边招呼客人。阿雅说，今年收入翻了一番。"
    res = resolve([extract(Article(id="a", text=text))])
    assert [sorted((e.name, *e.aliases)) for e in res.entities if e.kind is Kind.PERSON] == [["阿雅", "龙小燕"]]


def test_a_short_form_names_the_parent_not_its_subsidiary_in_brackets():
    """森雅家居 beside 广东森雅家居股份有限公司 and 森雅家居（越南）有限公司: the parent's short form."""
    res = resolve([_ex("a", ("广东森雅家居股份有限公司", Kind.ORG), ("森雅家居（越南）有限公司", Kind.ORG), ("森雅家居", Kind.ORG))])
    assert {e.name: e.aliases for e in res.entities} == {"广东森雅家居股份有限公司": ("森雅家居",), "森雅家居（越南）有限公司": ()}


def test_a_subsidiary_named_after_its_parent_is_another_company():
    """青禾能源集团有限公司 and 青禾能源集团鄂尔多斯氢能科技有限公司 (the parent's name, a place, a trade of its own):
    two companies; 青禾能源集团 is the parent's short form."""
    res = resolve([_ex("a", ("青禾能源集团有限公司", Kind.ORG), ("青禾能源集团鄂尔多斯氢能科技有限公司", Kind.ORG),
                       ("青禾能源集团", Kind.ORG))])
    groups = sorted(sorted((e.name, *e.aliases)) for e in res.entities)
    assert groups == [["青禾能源集团", "青禾能源集团有限公司"], ["青禾能源集团鄂尔多斯氢能科技有限公司"]]


def test_contracted_zones_and_events_by_their_sites_short_name():
    """海南自贸港 for 海南自由贸易港 (place_contractions); 第三届龙缸旅游文化节 for 第三届龙缸国家地质公园旅游文化节,
    the site the article names (龙缸国家地质公园) called by its own name."""
    res = resolve([_ex("a", ("海南自由贸易港", Kind.PLACE), ("海南自贸港", Kind.PLACE))])
    assert len(res.entities) == 1
    res = resolve([_ex("a", ("龙缸国家地质公园", Kind.PLACE), ("第三届龙缸国家地质公园旅游文化节", Kind.INITIATIVE),
                       ("第三届龙缸旅游文化节", Kind.INITIATIVE))])
    assert len([e for e in res.entities if e.kind is Kind.INITIATIVE]) == 1


def test_a_park_without_guojia_and_a_dotted_name_without_its_year():
    """汉丰湖湿地公园 for 汉丰湖国家湿地公园 (places drop 国家: place_dropped_words); 艺术仓 for 桷里·1958艺术仓."""
    res = resolve([_ex("a", ("汉丰湖国家湿地公园", Kind.PLACE), ("汉丰湖湿地公园", Kind.PLACE))])
    assert len(res.entities) == 1
    res = resolve([_ex("a", ("桷里·1958艺术仓", Kind.INITIATIVE), ("艺术仓", Kind.INITIATIVE))])
    assert len(res.entities) == 1


def test_a_site_called_by_its_place_and_kind_is_the_site():
    """石柱基地 for 石柱黄连精深加工基地, 黄水市场 for 黄水中药材交易市场: the place and the kind of site, the
    words between left out; 管理处 for 某某保护区管理处 (a body's own three-character kind)."""
    from kg.resolve import _abbreviates

    assert _abbreviates("石柱基地", "石柱黄连精深加工基地", Kind.PLACE, {"石柱"})
    assert _abbreviates("黄水市场", "黄水中药材交易市场", Kind.PLACE, {"黄水镇"})
    assert not _abbreviates("石柱基地", "石柱黄连精深加工中心", Kind.PLACE, {"石柱"})
    assert _abbreviates("管理处", "青山湿地珍禽国家级自然保护区管理处", Kind.ORG, set())


def test_a_short_name_of_a_county_and_its_town_is_the_county_s():
    """江孜 beside 江孜县 and 江孜镇: the news names the county by its short name (吉林 beside 吉林省 and
    吉林市 stays apart)."""
    res = resolve([_ex("a", ("江孜县", Kind.PLACE), ("江孜镇", Kind.PLACE), ("江孜", Kind.PLACE))])
    assert sorted((e.name, e.aliases) for e in res.entities) == [("江孜县", ("江孜",)), ("江孜镇", ())]


def test_a_short_name_of_a_prefecture_and_its_city_is_the_prefecture_s():
    """恩施 beside 恩施土家族苗族自治州 (恩施州) and 恩施市, 阿勒泰 beside 阿勒泰地区 and 阿勒泰市: the
    prefecture; a province and its city (吉林省, 吉林市) leave 吉林 apart."""
    res = resolve([_ex("a", ("恩施土家族苗族自治州", Kind.PLACE), ("恩施州", Kind.PLACE), ("恩施市", Kind.PLACE),
                       ("恩施", Kind.PLACE))])
    assert sorted((e.name, e.aliases) for e in res.entities) == [
        ("恩施土家族苗族自治州", ("恩施", "恩施州")), ("恩施市", ())]
    res = resolve([_ex("b", ("阿勒泰地区", Kind.PLACE), ("阿勒泰市", Kind.PLACE), ("阿勒泰", Kind.PLACE))])
    assert sorted((e.name, e.aliases) for e in res.entities) == [("阿勒泰地区", ("阿勒泰",)), ("阿勒泰市", ())]
    res = resolve([_ex("c", ("吉林省", Kind.PLACE), ("吉林市", Kind.PLACE), ("吉林", Kind.PLACE))])
    assert len(res.entities) == 3


def test_a_trade_name_and_the_trade_word_that_ends_the_name_are_its_short_form():
    """澜湾电器 for 重庆澜湾家用电器有限公司 (家用 left out); not 澜湾家具 (a trade word the name lacks)."""
    from kg.resolve import _abbreviates

    assert _abbreviates("澜湾电器", "重庆澜湾家用电器有限公司", Kind.ORG, set())
    assert not _abbreviates("澜湾家具", "重庆澜湾家用电器有限公司", Kind.ORG, set())


@pytest.mark.parametrize("text, quoted, event", [
    ("4月12日，第五届“二圣茶香”巴南银针茶文化节在二圣镇开幕。", "二圣茶香", "巴南银针茶文化节"),
    ("由市文化广电旅游局主办的“阆苑春来”第六届阆中春节民俗文化季开幕。", "阆苑春来", "阆中春节民俗文化季"),
])
def test_a_quoted_name_right_before_an_event_is_the_events(text, quoted, event):
    """The quoted name of an event and the event's own name written right after it (an edition number
    between them or none) are one initiative."""
    from kg.extract import extract

    res = resolve([extract(Article(id="a", text=text))])
    nodes = [e for e in res.entities if e.kind is Kind.INITIATIVE and quoted in {e.name, *e.aliases}]
    assert len(nodes) == 1 and event in {nodes[0].name, *nodes[0].aliases}


def test_a_cooperative_short_form_leaves_out_a_three_character_product():
    """翠岭合作社 for 南川区大有镇翠岭方竹笋专业合作社 (方竹笋, cut 方竹|笋 by jieba)."""
    res = resolve([_ex("a", ("南川区大有镇翠岭方竹笋专业合作社", Kind.ORG), ("翠岭合作社", Kind.ORG))])
    assert len([e for e in res.entities if e.kind is Kind.ORG]) == 1


def test_two_townships_listed_by_short_names_stay_apart():
    """铁山坪、鱼复等地 beside 铁山坪街道 and 鱼复街道: without its own name each township's core is a bare
    街道, which names neither the other one."""
    res = resolve([_ex("a", ("鱼复街道", Kind.PLACE), ("铁山坪街道", Kind.PLACE), ("铁山坪", Kind.PLACE), ("鱼复", Kind.PLACE))])
    nodes = sorted(tuple(sorted({e.name, *e.aliases})) for e in res.entities if e.kind is Kind.PLACE)
    assert nodes == [("铁山坪", "铁山坪街道"), ("鱼复", "鱼复街道")]


@pytest.mark.parametrize("long, short", [
    ("延安金塬冷链物流有限公司", "冷链公司"),
    ("重庆横山云上民宿运营管理有限公司", "云上民宿公司"),
    ("重庆弹子石老街文化旅游运营管理有限公司", "老街运营公司"),
    ("安吉白叶云商电子商务有限公司", "云商公司"),
    ("太平牡丹籽油加工厂", "加工厂"),  # an ordinary word and a one-character suffix: the body's own kind
    ("霍城紫韵薰衣草精油厂", "精油厂"),
    ("蒲江县猕鲜猕猴桃专业合作社联合社", "联合社"),  # a federation of cooperatives by its kind (社)
    ("黎平县侗韵大歌艺术团", "艺术团"),  # a troupe by its kind (团)
    ("垫江县太平镇丹园牡丹种植专业合作社", "丹园合作社"),  # a product jieba tags as a place (牡丹/ns) left out
])
def test_a_body_called_by_part_of_its_name_when_nothing_else_fits(long, short):
    """X公司 where X opens a word inside the company's core (after a place jieba does not strip), a
    body's own kind (加工厂), a cooperative's own name: that body, when no other name fits the short
    form (no second company has X)."""
    res = resolve([_ex("a", (long, Kind.ORG), (short, Kind.ORG), ("青禾茶业有限公司", Kind.ORG))])
    nodes = sorted(tuple(sorted({e.name, *e.aliases})) for e in res.entities if e.kind is Kind.ORG)
    assert nodes == sorted([tuple(sorted((long, short))), ("青禾茶业有限公司",)])


def test_words_from_the_middle_of_two_companies_names_stay_apart():
    """冷链公司 beside two companies with 冷链 in their names: which one is meant is not clear; and a
    branch (某某分公司) is no company called by its parent's words."""
    res = resolve([_ex("a", ("延安金塬冷链物流有限公司", Kind.ORG), ("重庆江港冷链供应链有限公司", Kind.ORG), ("冷链公司", Kind.ORG))])
    assert any(e.name == "冷链公司" for e in res.entities)
    res = resolve([_ex("a", ("重庆丰味源食品有限公司上海分公司", Kind.ORG), ("丰味源公司", Kind.ORG))])
    assert any(e.name == "丰味源公司" for e in res.entities)


def test_a_bodys_kind_beside_two_such_bodies_stays_apart():
    """加工厂 beside two 加工厂: which one is meant is not clear."""
    res = resolve([_ex("a", ("太平牡丹籽油加工厂", Kind.ORG), ("俚岛海藻加工厂", Kind.ORG), ("加工厂", Kind.ORG))])
    assert any(e.name == "加工厂" for e in res.entities)


def test_a_landmark_beside_the_township_named_after_it_stays_apart():
    """太姥山 beside 太姥山镇, where the article also writes 太姥山景区: the mountain, not the township's
    short form; 木洞 beside 木洞镇 with no site of that name is the township."""
    text = "在福鼎市太姥山镇，游客登上太姥山。太姥山景区今年接待游客200万人次。"
    res = resolve([Extraction(article=Article(id="a", text=text), mentions=tuple(
        Mention("a", text.find(name, start), text.find(name, start) + len(name), name, Kind.PLACE)
        for name, start in (("太姥山镇", 0), ("太姥山", 12), ("太姥山景区", 17))))])
    names = sorted(e.name for e in res.entities if e.kind is Kind.PLACE)
    assert names == ["太姥山", "太姥山景区", "太姥山镇"]
    res = resolve([_ex("a", ("木洞镇", Kind.PLACE), ("木洞", Kind.PLACE))])
    assert len([e for e in res.entities if e.kind is Kind.PLACE]) == 1


def test_a_landmark_kept_apart_in_its_article_joins_no_township_later():
    """阳澄湖 beside 阳澄湖镇 and 阳澄湖畔, with no other site of that name: the lake stays apart from
    the township whose short form it also is (the step that joins a name to the one longer name of
    its kind across articles leaves it alone)."""
    text = "开捕仪式在阳澄湖镇举行。阳澄湖畔的养殖户忙着捕捞,阳澄湖水质良好。"
    res = resolve([Extraction(article=Article(id="a", text=text), mentions=tuple(
        Mention("a", text.find(name, start), text.find(name, start) + len(name), name, Kind.PLACE)
        for name, start in (("阳澄湖镇", 0), ("阳澄湖", 12), ("阳澄湖", 25))))])
    names = sorted(e.name for e in res.entities if e.kind is Kind.PLACE)
    assert names == ["阳澄湖", "阳澄湖镇"]


def test_a_three_character_tail_ending_in_a_kind_of_body_names_the_longer_body():
    """古乐厅 beside 雪研古乐厅, 俱乐部 beside 武隆仙云户外运动俱乐部有限公司: the tail that ends in a
    one-character kind of body (厅, 部) is the one body's short form; a tail two bodies end in stays apart."""
    res = resolve([_ex("a", ("雪研古乐厅", Kind.ORG), ("古乐厅", Kind.ORG))])
    assert [(e.name, e.aliases) for e in res.entities] == [("雪研古乐厅", ("古乐厅",))]
    res = resolve([_ex("a", ("甲乙古乐厅", Kind.ORG), ("丙丁古乐厅", Kind.ORG), ("古乐厅", Kind.ORG))])
    assert len(res.entities) == 3


def test_a_company_a_university_founded_is_not_the_universitys_long_name():
    """重庆嘉溪大学 beside 重庆嘉溪大学科技园发展有限公司: the university and the company it founded are two
    bodies; 某某医院 beside 某某医院有限公司 (only a legal form after it) stays one."""
    res = resolve([_ex("a", ("重庆嘉溪大学", Kind.ORG), ("重庆嘉溪大学科技园发展有限公司", Kind.ORG))])
    assert len(res.entities) == 2
    res = resolve([_ex("a", ("青山仁和医院", Kind.ORG), ("青山仁和医院有限公司", Kind.ORG))])
    assert len(res.entities) == 1


def test_a_zone_is_called_by_its_name_without_its_kind():
    """万盛 beside 万盛经开区: the zone; not 长寿 beside 长寿经开区 (the district 长寿区) nor 松山湖 beside
    松山湖高新区 (the lake)."""
    res = resolve([_ex("a", ("万盛经开区", Kind.PLACE), ("万盛", Kind.PLACE))])
    assert [(e.name, e.aliases) for e in res.entities] == [("万盛经开区", ("万盛",))]
    for zone, short in (("长寿经开区", "长寿"), ("松山湖高新区", "松山湖")):
        assert len(resolve([_ex("a", (zone, Kind.PLACE), (short, Kind.PLACE))]).entities) == 2


def test_a_township_and_a_landmark_of_one_name_stay_apart():
    """石林镇 beside 万盛石林 (万盛 a place of the article): the township and the scenic stone forest."""
    res = resolve([_ex("a", ("万盛", Kind.PLACE), ("万盛石林", Kind.PLACE), ("石林镇", Kind.PLACE))])
    assert len(res.entities) == 3


def test_a_landmark_and_the_scenic_site_named_after_it_are_one_place():
    """黑山谷 beside 黑山谷景区 (``landmark_site_kinds``): one place; 东溪 beside 东溪古镇 and 东溪镇 is not
    decided by it (古镇 is no such kind: the old town or the township)."""
    res = resolve([_ex("a", ("黑山谷景区", Kind.PLACE), ("黑山谷", Kind.PLACE))])
    assert [(e.name, e.aliases) for e in res.entities] == [("黑山谷景区", ("黑山谷",))]
    assert len(resolve([_ex("a", ("东溪古镇", Kind.PLACE), ("天生三桥", Kind.PLACE))]).entities) == 2
