"""Relation rules on invented sentences (kg.extract.relations), the mentions found by the rules alone."""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Article

RULES = ("bylines", "quoted", "suffix_names", "gazetteer", "titled_people")


def _relations(text: str, components: tuple[str, ...] | None = RULES) -> set[tuple[str, str, str]]:
    """The relations the components find (all of them, the labeller too, when None)."""
    return {(r.predicate, r.head.text, r.tail.text) for r in extract(Article(id="t", text=text), components).relations}


def test_organization_settles_in_a_place():
    assert ("locatedIn", "渝川建设有限公司", "永川区") in _relations("协调解决难题,让渝川建设有限公司坚定在永川区安营扎寨的决心。")
    assert ("locatedIn", "渝川建设有限公司", "永川区") in _relations("渝川建设有限公司是永川区去年引进的首家总部企业。")
    assert not any(r[0] == "locatedIn" for r in _relations("渝川建设有限公司在永川区召开推介会。"))


def test_a_country_is_in_no_place():
    rels = _relations("空军轰炸了位于大马士革国际机场的伊朗武器仓库。")
    assert ("locatedIn", "伊朗", "大马士革国际机场") not in rels


def test_venues_counted_in_listed_places():
    rels = _relations("青山区图书馆在临江镇、白沙镇的8个公交枢纽站设置“青山书驿”微型书房。")
    assert {("locatedIn", "青山书驿", p) for p in ("临江镇", "白沙镇")} <= rels


def test_place_qualifies_a_list_past_an_item_that_is_no_name():
    rels = _relations("这些项目将与临江镇城区内的文昌阁博物馆、古窑群及茶山景区融为一体。")
    assert {("locatedIn", n, "临江镇") for n in ("文昌阁博物馆", "茶山景区")} <= rels


def test_place_that_sets_up_a_quoted_body_organizes_it():
    rels = _relations("永川区成立由区领导挂帅的“青禾服务专班”,为企业提供服务。")
    assert ("organizer", "青禾服务专班", "永川区") in rels


def test_national_organization_right_after_a_city_is_located_there():
    # rules only (no labeller): the suffix name starts at 中国, the gazetteer finds 北京
    assert ("locatedIn", "中国东林银行总行", "北京") in _relations("他曾在北京中国东林银行总行任职。")


def test_bodies_before_guanyu_organize_the_policy_they_decided():
    from kg.extract import extract as extract_all

    text = "按照东林市委、东林市政府关于推动东林湾区高质量发展的决策部署，全市抓好落实。会议学习了中央关于经济工作的决策部署。"
    ext = extract_all(Article(id="t", text=text))
    names = {m.text for m in ext.mentions}
    rels = {(r.predicate, r.head.text, r.tail.text) for r in ext.relations}
    assert "推动东林湾区高质量发展" in names and "经济工作" not in names  # a field of work is no initiative
    assert {("organizer", "推动东林湾区高质量发展", body) for body in ("东林市委", "东林市政府")} <= rels


def test_two_bodies_written_together_are_two_organizations():
    from kg.extract import coordinated
    from kg.extract.doc import make_doc

    text = "全国人大常委会国务院中国社会科学院社会学所"
    doc = make_doc(Article(id="t", text=text))
    assert coordinated(doc, 0, "全国人大常委会国务院") == ["全国人大常委会", "国务院"]
    assert coordinated(doc, 10, "中国社会科学院社会学所") == ["中国社会科学院社会学所"]  # a unit of it


def test_villages_listed_after_a_chain_lie_in_its_township():
    rels = _relations(("合作社管护竹林2.3万亩,覆盖青岩镇竹坪村、双溪村、马鞍村和龙塘村。"), None)
    assert {("locatedIn", v, "青岩镇") for v in ("竹坪村", "双溪村", "马鞍村", "龙塘村")} <= rels
    rels = _relations("活动在青岩镇竹坪村、临江镇双溪村举行。")
    assert ("locatedIn", "临江镇", "青岩镇") not in rels and ("locatedIn", "双溪村", "青岩镇") not in rels


def test_units_an_organization_sets_up_are_its_sub_organizations():
    text = ("江苏青禾农村商业银行股份有限公司推出“花木贷”。该行由两家信用社合并改制而成,"
            "目前在全县设有新河支行、颜集支行和庙头支行等38个营业网点。")
    rels = _relations(text, None)
    assert {("subOrganizationOf", u, "江苏青禾农村商业银行股份有限公司") for u in ("新河支行", "颜集支行", "庙头支行")} <= rels


def test_the_bank_an_anaphor_opens_no_name_jieba_reads_as_a_word():
    from kg.extract.spans import _own_noun_before_unit

    assert _own_noun_before_unit("行政审批局") == 0 and _own_noun_before_unit("学院智能制造学院") == 2


def test_companies_a_park_gathers_are_in_it():
    text = "据介绍,青禾数字创意产业园于2022年开园,目前已聚集重庆星跃网络科技有限公司、重庆墨笙文化传媒有限公司等企业46家。"
    rels = _relations(text, None)
    assert {("locatedIn", c, "青禾数字创意产业园") for c in ("重庆星跃网络科技有限公司", "重庆墨笙文化传媒有限公司")} <= rels


def test_an_exchange_meeting_named_with_its_edition_and_its_organizers():
    text = "在第五届烟台·德国经贸合作交流会上,两家企业签约。交流会由烟台市人民政府主办,烟台市商务局承办。"
    rels = _relations(text, None)
    assert {("organizer", "烟台·德国经贸合作交流会", o) for o in ("烟台市人民政府", "烟台市商务局")} <= rels


def test_what_a_homestay_belongs_to_is_no_unit_of_the_body_before():
    rels = _relations("云台法庭还与云岭山居民宿所属的重庆云岭文旅发展有限公司签订合作协议。")
    assert not any(r[0] == "subOrganizationOf" and r[1] == "重庆云岭文旅发展有限公司" for r in rels)
    assert ("subOrganizationOf", "青禾物流有限公司", "青禾集团") in _relations("青禾集团所属的青禾物流有限公司负责运输。")


@pytest.mark.parametrize("text, child, parent", [
    ("重庆青岚物流有限公司(以下简称“青岚物流”)成立于2019年。青岚物流是重庆渝海控股集团有限公司旗下的物流企业,拥有车辆2000台。",
     "青岚物流", "重庆渝海控股集团有限公司"),
    ("重庆青禾水务科技有限公司负责运营。青禾水务是重庆三峡智水集团有限公司旗下全资子公司。", "青禾水务", "重庆三峡智水集团有限公司"),
    ("位于青山镇的广西壮乡冷链物流有限公司(以下简称“壮乡冷链”)是广西桂驰供应链集团有限公司的全资子公司。",
     "壮乡冷链", "广西桂驰供应链集团有限公司"),
    ("河北青穗种业科技股份有限公司(以下简称青穗种业)发展迅速。青穗种业的全资子公司宁晋青穗良种繁育有限公司负责订单生产。",
     "宁晋青穗良种繁育有限公司", "青穗种业"),  # 的全资子公司 before the child
    ("淄博青瓷新材料股份有限公司(以下简称“青瓷新材”)成立于2005年。目前，青瓷新材全资子公司山东青瓷半导体材料有限公司已建成生产线。",
     "山东青瓷半导体材料有限公司", "青瓷新材"),  # (青瓷新材全资子公司 is no name)
])
def test_a_company_said_to_be_a_group_s_subsidiary(text, child, parent):
    assert ("subOrganizationOf", child, parent) in _relations(text, None)


def test_a_unit_named_in_full_belongs_to_the_body_the_article_calls_by_a_short_form():
    text = "河北省交通运输厅运输服务处处长杜文静表示，省交通运输厅联合河北省工业和信息化厅出台行动方案。"
    rels = _relations(text, None)
    # the body the unit's name opens is a mention of its own now, which resolution joins with its short form
    assert {("subOrganizationOf", "河北省交通运输厅运输服务处", "省交通运输厅"),
            ("subOrganizationOf", "河北省交通运输厅运输服务处", "河北省交通运输厅")} & rels


def test_a_ministry_s_department():
    rels = _relations("水利部规划计划司负责人说,水利部将推进。某部与青禾物流公司签约。", None)
    assert ("subOrganizationOf", "水利部规划计划司", "水利部") in rels
    assert not any(r[0] == "subOrganizationOf" and r[1].endswith("公司") for r in rels)


@pytest.mark.parametrize("text, initiative, organizer", [
    ("下一步,青山镇将以“稻香青山”乡村振兴示范片建设为抓手,把稻田鱼做成招牌。", "稻香青山", "青山镇"),
    ("龙溪河下游生态修复工程是长寿区“碧水长寿”三年行动的重点项目。", "碧水长寿", "长寿区"),
])
def test_a_campaign_a_place_takes_up_or_runs_for_years(text, initiative, organizer):
    assert ("organizer", initiative, organizer) in _relations(text, None)


def test_branches_a_company_set_up_are_its_units():
    text = ("重庆万州谭记餐饮管理有限公司(以下简称“谭记餐饮”)创办于1998年。为加快走出去,谭记餐饮先后设立"
            "重庆万州谭记餐饮管理有限公司成都分公司和西安分公司,负责区域门店的选址。")
    assert ("subOrganizationOf", "西安分公司", "谭记餐饮") in _relations(text, None)
    assert not any(r[0] == "subOrganizationOf" for r in _relations("津颐集团控股子公司则在街道开设辅具租赁服务中心。", None))


@pytest.mark.parametrize("text, venture, partners", [
    ("江西锂辰新能源科技股份有限公司发展迅速。今年7月，公司与湖南衡岳电池材料有限公司合资成立江西锂辰衡岳材料有限公司，专门生产正极材料。",
     "江西锂辰衡岳材料有限公司", ("江西锂辰新能源科技股份有限公司", "湖南衡岳电池材料有限公司")),
    ("2023年,岚海物流与台湾高雄的台鑫海运股份有限公司(Taixin Shipping Co., Ltd.)、福州闽江口港务集团有限公司合资成立福建岚台快运有限公司。",
     "福建岚台快运有限公司", ("台鑫海运股份有限公司", "福州闽江口港务集团有限公司")),
])
def test_a_joint_venture_belongs_to_each_partner(text, venture, partners):
    assert {("subOrganizationOf", venture, p) for p in partners} <= _relations(text, None)


def test_units_listed_after_a_unit_named_in_full():
    text = "公司在周口设有中原麦都种业股份有限公司商水分公司、西华分公司,负责推广。中原麦都种业股份有限公司是龙头企业。"
    assert ("subOrganizationOf", "西华分公司", "中原麦都种业股份有限公司") in _relations(text, None)


def test_companies_listed_before_so_many_subsidiaries():
    rels = _relations("青禾集团旗下拥有青禾物流有限公司、青禾置业有限公司等5家子公司。", None)
    assert {("subOrganizationOf", c, "青禾集团") for c in ("青禾物流有限公司", "青禾置业有限公司")} <= rels
    rels = _relations("该集团2020年由原青山港务集团有限公司与重庆峡江航运有限公司合并组建,目前拥有青禾物流有限公司等9家子公司。", None)
    assert not any(r[2] == "青山港务集团有限公司" for r in rels)  # a former body is no subject


def test_its_own_unit_after_its_belongs():
    rels = _relations("记者从南宁海关了解到,其所属的凭祥海关今年推出“凭铁速检”监管模式。", None)
    assert ("subOrganizationOf", "凭祥海关", "南宁海关") in rels


def test_an_event_named_after_its_hosts_verb_and_de_is_organized_by_all_of_them():
    # the name runs from 的 to the head whatever jieba tags inside it (苗|绣|银|饰)
    text = "由某州人民政府主办,青山县人民政府、州文体广电旅游局承办,青山县刺绣协会协办的2024青峰山苗绣银饰文化周在郎德上寨举行。"
    rels = _relations(text, None)
    assert {("organizer", "2024青峰山苗绣银饰文化周", body) for body in ("青山县人民政府", "州文体广电旅游局", "青山县刺绣协会")} <= rels


def test_bodies_a_subject_sets_up_a_mechanism_with_organize_it_too():
    text = "该院已与县林业局、县水利局、程阳八寨景区管理处等单位建立“寻江生态检察协作机制”,今年共移送线索27条。"
    rels = _relations("三江县检察院检察长莫振华说," + text, None)
    assert {("organizer", "寻江生态检察协作机制", body) for body in ("县林业局", "县水利局", "程阳八寨景区管理处")} <= rels


@pytest.mark.parametrize("text, unit, parent", [
    ("同时与重庆缙云理工学院光电工程学院共建联合实验室。", "重庆缙云理工学院光电工程学院", "重庆缙云理工学院"),
    ("北碚区科学技术局高新技术科科长蒋雯说。", "北碚区科学技术局高新技术科", "北碚区科学技术局"),
    ("国家药品监督管理局药品审评中心受理了申请。", "国家药品监督管理局药品审评中心", "国家药品监督管理局"),
])
def test_a_body_whose_name_opens_a_units_name_is_its_parent(text, unit, parent):
    # the parent is named only inside the unit's name: a mention of its own, nested
    assert ("subOrganizationOf", unit, parent) in _relations(text, None)


@pytest.mark.parametrize("text, current, former", [
    ("青禾物业原名重庆青禾物业管理有限公司，今年5月与重庆嘉木后勤服务有限公司合并重组后更名为现名。",
     "青禾物业", "重庆青禾物业管理有限公司"),
    ("该项目由重庆石岭再生资源利用有限公司（原名合川区石岭废旧物资回收站）投资建设。",
     "重庆石岭再生资源利用有限公司", "合川区石岭废旧物资回收站"),
    ("松林医院位于青木关镇，前身为1958年建立的青木关公社卫生院，2009年更为现名。", "松林医院", "青木关公社卫生院"),
    ("车间的主人是重庆青岩蜂业开发有限公司。公司前身为2016年成立的城口县青岩中蜂养殖专业合作社，2021年改制后更名。",
     "重庆青岩蜂业开发有限公司", "城口县青岩中蜂养殖专业合作社"),
    ("今年1月，青石镇中心卫生院更名为青山县第一人民医院青石分院。", "青山县第一人民医院青石分院", "青石镇中心卫生院"),
    ("青州港务集团有限公司的前身是建于上世纪80年代的青州港务局。", "青州港务集团有限公司", "青州港务局"),  # described
])
def test_a_former_name_is_stated(text, current, former):
    rels = _relations(text, None)
    assert ("formerName", current, former) in rels
    assert not any(r[0] == "formerName" and r[2] == "重庆嘉木后勤服务有限公司" for r in rels)  # a partner is no former name


def test_an_anaphor_stands_for_a_body_of_its_noun():
    text = "患者来自青山市滨河人民医院心血管内科。该院原名青山市第五人民医院，2020年更名为现名。"
    assert ("formerName", "青山市滨河人民医院", "青山市第五人民医院") in _relations(text, None)
    rels = _relations("患者来自青山市滨河人民医院心血管内科。该院院长王建国介绍，医院已开通绿色通道。", None)
    assert ("memberOf", "王建国", "青山市滨河人民医院") in rels  # 该院: a body whose name ends in 院, not its 科
    assert ("memberOf", "王建国", "青山市滨河人民医院心血管内科") not in rels


def test_no_former_name_across_kinds_or_for_a_person():
    assert not any(r[0] == "formerName" for r in _relations("张建华原为青山区水利局局长。", None))
    assert not any(r[0] == "formerName" for r in _relations("青禾食品公司位于太和镇，原为太和镇老街。", None))


@pytest.mark.parametrize("text, initiative, partners", [
    ("镇政府联合青口县商务委员会、青口县农业农村委员会、重庆青巴快运有限公司等单位,在老街建起“大巴山云仓”电商服务站。",
     "大巴山云仓", {"青口县商务委员会", "青口县农业农村委员会", "重庆青巴快运有限公司"}),  # the list's clause before a comma
    ("法庭与青源县人民检察院第三检察部、青源县司法局浩门司法所和东滩村党支部等单位共建“草原枫桥”矛盾纠纷多元化解中心。",
     "草原枫桥", {"青源县人民检察院第三检察部", "青源县司法局浩门司法所", "东滩村党支部"}),  # the first cue's whole list
    ("公司牵头联合金华市跨境电子商务行业协会、浙江青州数智供应链有限公司等单位,发起“小商品出海联盟”,为商户提供服务。",
     "小商品出海联盟", {"金华市跨境电子商务行业协会", "浙江青州数智供应链有限公司"}),  # a body they found
])
def test_the_bodies_listed_with_a_subject_organize_what_it_launches(text, initiative, partners):
    rels = _relations(text, None)
    assert {o for p, i, o in rels if p == "organizer" and i == initiative} >= partners


def test_a_body_in_a_chain_of_places_is_in_the_last():
    """位于成都市温江区: in 温江区 (which is in 成都市), not in the city."""
    rels = _relations("据了解,蜀南农林大学位于成都市温江区,近年来已与省内7个市建立合作关系。", None)
    assert ("locatedIn", "蜀南农林大学", "温江区") in rels
    assert ("locatedIn", "蜀南农林大学", "成都市") not in rels


def test_founders_of_an_alliance_or_a_team_organize_it():
    """Alliances, service teams and joint laboratories (founded_body_heads) are run by those who set them
    up, quoted or not: 由甲牵头发起的某联盟, 甲与乙联合组建某服务团 (a short form in brackets after 甲)."""
    rels = _relations("当天,由江西省图书馆牵头发起的赣鄱公共图书馆联盟在南昌成立。", None)
    assert ("organizer", "赣鄱公共图书馆联盟", "江西省图书馆") in rels
    rels = _relations("3月15日,蜀南农林大学园艺与茶学学院(以下简称“园艺学院”)与四川省眉山市农业农村局在丹棱县签署合作协议,"
                      "联合组建眉山柑橘产业专家服务团。", None)
    assert {("organizer", "眉山柑橘产业专家服务团", b) for b in ("蜀南农林大学园艺与茶学学院", "四川省眉山市农业农村局")} <= rels


def test_a_post_of_a_field_before_a_name():
    rels = _relations("实验室主任由黄启明担任,荣味坊食品股份有限公司技术总监谭慧任副主任。", None)
    assert ("memberOf", "谭慧", "荣味坊食品股份有限公司") in rels


def test_a_declared_short_form_in_quotes_founds_nothing():
    """(以下简称“县文旅委”): a short form in quotes is no body set up in quotes (“某某专班”)."""
    rels = _relations("今年,酉阳县文化和旅游发展委员会(以下简称“县文旅委”)启动“唱响酉州”民歌传承计划,由县文化馆具体实施。", None)
    assert not any(r[0] == "organizer" and r[1] == "县文旅委" for r in rels)


def test_companies_listed_before_moving_in_are_in_the_place():
    """甲、乙、丙等12家企业现场签约入驻某园 (relation_cues ``enter``): each company is in the park."""
    rels = _relations("重庆石韵文化传播有限公司、重庆匠宗雕艺科技有限公司、大足区龙水镇鑫锋刀具厂等12家企业现场签约入驻"
                      "大足石刻文化创意产业园,协议投资额共计3.6亿元。", None)
    assert {("locatedIn", c, "大足石刻文化创意产业园")
            for c in ("重庆石韵文化传播有限公司", "重庆匠宗雕艺科技有限公司", "大足区龙水镇鑫锋刀具厂")} <= rels


def test_a_subsidiary_after_its_parent_s_declared_short_form():
    """甲（以下简称“某某”）全资子公司乙: the cue follows the bracket, 乙 is the parent's."""
    rels = _relations("由重庆青禾电子集团有限公司(以下简称“青禾集团”)全资子公司重庆青禾智能科技有限公司投资建设的工厂投产。", None)
    assert ("subOrganizationOf", "重庆青禾智能科技有限公司", "青禾集团") in rels


def test_the_head_of_a_department_after_an_anaphor_is_a_member_of_the_body():
    """公司|安全环保部部长某某: the department's head is a member of the company 公司 stands for (role:
    department and post), and 其 after the department points to the company, not to the department."""
    text = ("青禾新材料股份有限公司是园区的骨干企业。公司安全环保部部长周海涛告诉记者，隐患已整改完毕，"
            "其控股子公司青禾电子化学品有限公司也完成了自查。")
    ext = extract(Article(id="t", text=text))
    rels = {(r.predicate, r.head.text, r.tail.text) for r in ext.relations}
    assert ("memberOf", "周海涛", "青禾新材料股份有限公司") in rels
    assert ("subOrganizationOf", "青禾电子化学品有限公司", "青禾新材料股份有限公司") in rels
    assert not any(r[0] == "subOrganizationOf" and r[2] == "安全环保部" for r in rels)
    role = next(r.role for r in ext.relations if r.predicate == "memberOf" and r.tail.text == "青禾新材料股份有限公司")
    assert role == "安全环保部部长"


def test_a_group_anaphor_stands_for_a_group_company_and_reaches_past_a_sentence():
    """集团|安全总监某某 after 某某集团有限公司 (集团 before the legal form), and 公司 two sentences after
    the company is named (a sentence about its manager between)."""
    rels = _relations("湖南星焰烟花集团有限公司投产新线。集团安全总监黎胜华介绍，今年开发了监管平台。", None)
    assert ("memberOf", "黎胜华", "湖南星焰烟花集团有限公司") in rels
    text = ("重庆千手云图数字科技有限公司承担扫描工作。公司总经理韦宁说，平台访问量已超过300万人次。"
            "今年5月，公司还在成都高新区设立了全资子公司成都千手云图信息技术有限公司，专攻算法研发。")
    assert ("subOrganizationOf", "成都千手云图信息技术有限公司", "重庆千手云图数字科技有限公司") in _relations(text, None)


def test_what_a_group_owns_under_it():
    text = "塬丰集团有限公司是当地龙头企业,旗下拥有洛川塬丰果品冷链物流有限公司,冷库储量达8万吨。"
    assert ("subOrganizationOf", "洛川塬丰果品冷链物流有限公司", "塬丰集团有限公司") in _relations(text, None)


def test_who_guides_an_initiative_by_organizes_it_and_the_one_after_ji_too():
    """由甲指导、乙承办的“丙”发布暨第三届丁: 甲 and 乙 run 丙 and 丁."""
    text = "9月20日晚,由青山区商务委员会指导、重庆青瓷文化创意有限公司承办的“青光夜渝”夜间经济品牌发布暨第三届青山国潮文化节在青山正街启幕。"
    rels = _relations(text, None)
    assert {("organizer", i, o) for i in ("青光夜渝", "青山国潮文化节")
            for o in ("青山区商务委员会", "重庆青瓷文化创意有限公司")} <= rels


def test_this_is_opens_no_clause_of_its_own():
    rels = _relations("在安坪镇，果农收入增加。这是奉节县今年推行“橙心可溯”质量追溯工程的一个缩影。", None)
    assert ("organizer", "橙心可溯", "奉节县") in rels


@pytest.mark.parametrize(("text", "members", "not_members"), [
    # 甲是乙的全资子公司。公司总经理某某: 甲, not 乙 (named as whose it is)
    ("四川盐都灯影文化传播有限公司联合承办。四川盐都灯影文化传播有限公司是四川川南文旅集团有限公司的全资子公司。"
     "公司总经理曾晓东介绍，彩灯由公司设计。",
     {("曾晓东", "四川盐都灯影文化传播有限公司")}, {("曾晓东", "四川川南文旅集团有限公司")}),
    # 瞿塘橙业党委|书记、董事长某某: a member of the committee and of the company (not of a town: 某镇党委)
    ("重庆瞿塘橙业集团有限公司(以下简称瞿塘橙业)成立于2010年。瞿塘橙业党委书记、董事长唐永福介绍,集团建有基地。"
     "白沙镇党委书记李明说。",
     {("唐永福", "瞿塘橙业党委"), ("唐永福", "瞿塘橙业")}, {("李明", "白沙镇")}),
])
def test_whose_member_an_anaphor_or_a_party_post_makes(text, members, not_members):
    rels = {(h, t) for p, h, t in _relations(text, None) if p == "memberOf"}
    assert members <= rels and not not_members & rels


def test_a_subsidiary_after_an_anaphor_is_the_antecedents():
    text = ("龙头企业重庆都牧肉业股份有限公司位于丰都工业园区。今年8月,公司全资子公司重庆都牧冷链物流有限公司建成投用。"
            "重庆青禾有限公司全资子公司青禾物流有限公司开业。")
    rels = _relations(text, None)
    assert ("subOrganizationOf", "重庆都牧冷链物流有限公司", "重庆都牧肉业股份有限公司") in rels
    assert ("subOrganizationOf", "青禾物流有限公司", "重庆青禾有限公司") in rels


@pytest.mark.parametrize(("text", "member"), [
    ("重庆江德铁路物流中心开通班列。中心总经理李东升介绍,发运班列286列。", ("李东升", "重庆江德铁路物流中心")),
    ("今年起勐马镇建起孟连县第一人民医院勐马分院。分院院长李玉芬说,分院开设了新科室。", ("李玉芬", "孟连县第一人民医院勐马分院")),
])
def test_a_branch_or_a_centre_opening_a_clause_stands_for_the_one_named_before(text, member):
    assert ("memberOf", *member) in _relations(text, None)


def test_who_polishes_a_brand_runs_it():
    rels = _relations("县文旅委主任任德华表示,接下来彭水县将持续擦亮“水韵彭水”品牌。", None)
    assert ("organizer", "水韵彭水", "彭水县") in rels


def test_a_title_after_a_village_post_belongs_to_the_person():
    """村党支部书记、种粮大户某某: the grain grower is who holds the post."""
    assert ("memberOf", "葛长友", "东兴村党支部") in _relations("东兴村党支部书记、种粮大户葛长友去年把1800亩地交给农场托管。", None)


@pytest.mark.parametrize(("text", "unit", "owner", "not_owner"), [
    # 某某党委书记、董事长某某…。其控股子公司乙: 其 stands for the company, not its party committee
    ("重庆青禾柑橘产业股份有限公司(以下简称青禾柑橘)的分选车间里一片繁忙。“今年品质好。”青禾柑橘党委书记、"
     "董事长程立国告诉记者,公司建有果园基地2.3万亩。其控股子公司忠县青禾果汁饮品有限公司位于忠县工业园区。",
     "忠县青禾果汁饮品有限公司", "青禾柑橘", "青禾柑橘党委"),
    # 旗下有全资子公司甲,负责…;控股子公司乙则…: 乙 is the group's too, not 甲's
    ("青甲集团是当地的龙头企业,旗下有全资子公司盱眙青甲生态农业有限公司,负责虾苗繁育;"
     "控股子公司青甲龙虾(上海)供应链管理有限公司则打通了餐饮渠道。",
     "青甲龙虾(上海)供应链管理有限公司", "青甲集团", "盱眙青甲生态农业有限公司"),
])
def test_the_owner_of_a_subsidiary_named_in_a_later_clause(text, unit, owner, not_owner):
    found = _relations(text, None)
    assert ("subOrganizationOf", unit, owner) in found and ("subOrganizationOf", unit, not_owner) not in found


def test_a_processing_plant_named_after_its_company_is_its_unit():
    found = _relations("在安徽青山茶业集团有限公司麻埠加工厂,炒锅同时运转。安徽青山茶业集团有限公司今年扩产。", None)
    assert ("subOrganizationOf", "安徽青山茶业集团有限公司麻埠加工厂", "安徽青山茶业集团有限公司") in found


def test_the_company_an_anaphor_stands_for_is_a_subsidiary():
    """某某总经理某某介绍,公司是乙的全资子公司: the company the anaphor stands for is 乙's unit."""
    text = ("由重庆青渡文旅商业运营管理有限公司(以下简称“青渡文旅”)打造的夜市开市三个月。青渡文旅总经理彭立新介绍,"
            "公司是重庆青山文旅发展集团有限公司的全资子公司,今年3月签订合作协议。")
    assert ("subOrganizationOf", "青渡文旅", "重庆青山文旅发展集团有限公司") in _relations(text, None)


def test_bodies_within_a_place_are_in_it():
    """某开发区内(的)甲公司、乙公司: each body of the list is in the place (locatedIn / within cues)."""
    rels = _relations("首批货物中,有20个集装箱装载的是万州经济技术开发区内重庆锂源新材料有限公司生产的电池隔膜。", None)
    assert ("locatedIn", "重庆锂源新材料有限公司", "万州经济技术开发区") in rels
