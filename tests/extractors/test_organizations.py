"""Organisations and events by their endings, with their left edge."""
from __future__ import annotations

import pytest
from helpers import chosen, run

from kg.keys import entity_key


@pytest.mark.parametrize("text, expected", [
    ("常州凯达重工科技有限公司成功申报国家级第一批专精特新‘小巨人’企业",
     [("Company", "常州凯达重工科技有限公司")]),
    ("重大专项由同济大学牵头，上海交通大学、复旦大学参与",
     [("ResearchOrganization", "同济大学"), ("ResearchOrganization", "上海交通大学"),
      ("ResearchOrganization", "复旦大学")]),
    ("中德友好协会会长史明德", [("Organization", "中德友好协会")]),
    # the work reports: a company word after attributive words (行政性), a count (57户), a
    # company's relation to another (子公司, 母公司) or a scope (省以下) names a kind of company;
    # a clique jieba joined to 集团 is no company group
    ("防止把企业集团搞成变相的行政性公司或单纯的行政管理", []),
    ("形成若干个规模不等、各有特点的竞争性企业集团", []),
    ("国家已经组织了５７户企业集团试点", []),
    # bodies counted are of a kind (the 2009 and 2006 reports)
    ("改造和新建2.3万所乡镇卫生院、1500所县医院、500所县中医院", []),
    ("建设一批国家工程技术研究中心", []),
    # a scope of villages and towns or of small firms makes no name (written for the test)
    ("民营银行和村镇银行发展迅速，小微银行", []),
    ("进一步完善企业集团对所属子公司的管理", []),
    ("加快大型国有企业特别是中央企业母公司的公司制改革", []),
    ("有条件地实行省以下专业银行、保险公司等金融机构", []),
    ("彻底粉碎了林彪反党集团", []),
    # a body named by common words only is a kind of body (the work reports) ...
    ("深化以公益性为导向的公立医院改革", []),
    ("实在新的历史条件下加强了工农联盟", []),
    ("发挥农村村民委员会的作用", []),
    # ... unless a national scope, a market or someone who heads it names it (written for the
    # test)
    ("专家咨询委员会主任陈立新院士主持会议", [("Organization", "专家咨询委员会")]),
    ("国家科学技术奖励委员会办公室发布公告", [("Organization", "国家科学技术奖励委员会")]),
    ("数据交易所全年成交额再创新高", [("Organization", "数据交易所")]),
    # universities are not named after a field, nor by common words (the work reports), nor
    # begin after 直属 or 转为; a national scope names one (written for the test)
    ("分类建设一流大学和一流学科", []),
    ("在教育部直属师范大学实行师范生免费教育", []),
    ("引导一批普通本科高校转为应用型大学", []),
    ("广播电视大学、管理干部学院、教师进修学院等多种形式", []),
    ("加强国家行政学院建设", [("ResearchOrganization", "国家行政学院")]),
    # a place building a centre of something sets a goal, names no body (the 2016 report;
    # written for the test)
    ("支持北京、上海建设科技创新中心", []),
    ("支持澳门建设国际仲裁服务中心。", []),
    # what is not a bank is none (the 1998 report)
    ("整顿和规范非银行金融机构", []),
    # ... while a number that is a name stays (written for the test)
    ("360公司发布报告", [("Company", "360公司")]),
    # a name never begins at a time word (written for the test)
    ("全年滨江联合交易中心交易额120亿元", [("Organization", "滨江联合交易中心")]),
    ("加快建设高水平研究型大学", []),
    ("知名企业AI研究院进行深度调研", []),
    # a company or bank named only by common words is a kind of one, not a name
    ("在一家外贸公司工作", []),
    ("双方公司将共同开发", []),
    ("他证实公司高层正在接洽", []),
    ("5家国有银行中只有", []),
    ("由恒泰集团投资建设的滨江广场", [("Company", "恒泰集团")]),
    ("记者从渣打银行获悉", [("Company", "渣打银行")]),
    ("建设世界一流大学和一流学科", []),
    ("中国科学院同苏联科学院签订协议",
     [("ResearchOrganization", "中国科学院"), ("ResearchOrganization", "苏联科学院")]),
    # one common word before a research ending is a kind (the 1984 report: 开办行政学院;
    # written for the test), a name of its own is not
    ("各地开办行政学院", []),
    ("整合大学和科研院所的力量", []),
    # ... and so is a frequent noun (the 1957 report; written for the test)
    ("中央各产业部门的研究机构（包括厂矿实验室）", []),
    ("鼓励技师学院开展职业培训", []),
    ("清华大学牵头", [("ResearchOrganization", "清华大学")]),
    # the work reports (2019, 1955, 1959, 1957): a company's name never begins with a verb
    # or an adverb, nor is it made of them; a political bloc is no group of companies
    ("严厉查处长春长生公司等问题疫苗案件", [("Company", "长春长生公司")]),
    # ... nor does any body's (the 1982, 2015 and 1956 reports)
    ("都在悼念和学习长春光学精密机械研究所中年科学家蒋筑英同志",
     [("ResearchOrganization", "长春光学精密机械研究所")]),
    ("全面推开县级公立医院综合改革", []),
    # a lab named after a field that begins as a verb does keeps it (written for the test)
    ("支持认知智能国家重点实验室开展研究", [("ResearchOrganization", "认知智能国家重点实验室")]),
    ("才能在新的基础上进一步巩固工农联盟", []),
    ("例如鞍山钢铁公司在一九五三年修建的职工宿舍十五万平方公尺", [("Company", "鞍山钢铁公司")]),
    ("特别是在集团消费方面", []),
    ("北大西洋公约集团、巴格达条约集团、东南亚条约集团还在积极活动", []),
    ("这就充分表示美国侵略集团的扩军备战政策越来越不得人心", []),
    # a determiner character that begins a word determines nothing (the 1980 report: 本溪钢铁
    # 公司; written for the test: a registered name with its place in brackets)
    ("例如本溪钢铁公司的生产工人", [("Company", "本溪钢铁公司")]),
    ("本源量子计算科技（合肥）股份有限公司完成融资", [("Company", "本源量子计算科技（合肥）股份有限公司")]),
    ("本公司董事会", []),
    # a city's short name is no common word, whatever jieba tags it (written for the test)
    ("推动中国科学技术大学、合肥工业大学与龙头企业共建联合实验室",
     [("ResearchOrganization", "中国科学技术大学"), ("ResearchOrganization", "合肥工业大学")]),
    # a zone's party working committee is a body as its management committee is; the park's
    # own, named by nothing but 园区, is a kind (written for the test)
    ("两江新区党工委副书记段成刚表示", [("GovernmentAgency", "两江新区党工委")]),
    ("成立园区党工委和园区管委会", []),
    # a registered name whose brand begins with a character that stops names keeps its place
    # (written for the test; registered names are public facts); two places joined are two
    ("杭州和利时自动化有限公司中标", [("Company", "杭州和利时自动化有限公司")]),
    ("宁波均普智能制造股份有限公司上市", [("Company", "宁波均普智能制造股份有限公司")]),
    ("北京和上海科技有限公司", [("Company", "上海科技有限公司")]),
    ("北京和上海的科技有限公司", []),
    # written for the test (regional news): a one-character adverb goes with the verb after it
    ("园区今年新引进博世汽车部件（苏州）有限公司等外资项目", [("Company", "博世汽车部件（苏州）有限公司")]),
    ("全市共签约上海电气集团股份有限公司等项目", [("Company", "上海电气集团股份有限公司")]),
    # written for the test: a table's row keeps its cells apart (the province is no part of the
    # firm's name), and a city whose name reads as two verbs (保|定) begins the firm's
    ("2 河北 保定长风汽车股份有限公司 长风汽车数字化车间", [("Company", "保定长风汽车股份有限公司")]),
    # written for the test: 如 (such as) introduces a name, it is none of it
    ("一批新型研发机构，如之江实验室、鹏城实验室，发挥了作用。",
     [("ResearchOrganization", "之江实验室"), ("ResearchOrganization", "鹏城实验室")]),
    # written for the test (a provincial plan): who builds a centre and the verb are no name
    ("依托中南大学、湖南大学等高校建设智能制造创新中心",
     [("ResearchOrganization", "中南大学"), ("ResearchOrganization", "湖南大学")]),
])
def test_organizations(text, expected):
    assert [(m.label.value, m.canonical) for m in run("pattern.organization", text)] == expected


def test_yu_before_a_known_bodys_name_joins_two_bodies():
    # written for the test: the institute's own 与 joins two fields
    institute = "中国科学院上海微系统与信息技术研究所"
    assert chosen(f"该校团队与{institute}合作") == [("ResearchOrganization", institute, institute)]


@pytest.mark.parametrize("text, expected", [
    # a society's service department is a body of its own (written for the test); 服务部门
    # is the word for a kind of department (the 2005 report)
    ("成立江南机械学会技术咨询服务部。", [("Organization", "江南机械学会技术咨询服务部")]),
    ("加强社会管理和公共服务部门建设", []),
])
def test_a_service_department_is_named_in_full(text, expected):
    assert [(label, c) for label, _n, c in chosen(text) if label != "Place"] == expected


def test_a_registered_name_around_a_known_company_is_its_own():
    kept = [(label, c) for label, _n, c in chosen("苏州汇川技术有限公司、汇川技术等企业代表参加会议")]
    assert kept == [("Company", "苏州汇川技术有限公司"), ("Company", "深圳市汇川技术股份有限公司")]


def test_a_firm_named_after_a_person_is_a_unit_after_a_number():
    # written for the test (S&T news): siemens and tesla measure conductance and flux density
    text = "电导率达到每厘米12毫西门子，磁场强度达到45特斯拉。西门子与特斯拉签约。"
    assert [m.canonical for m in run("gazetteer.company", text)] == ["西门子", "特斯拉"]


def test_known_companies_named_by_common_words_come_from_the_gazetteer():
    kept = chosen("6家大型银行里仅交通银行尚未调整，联想集团和平安银行表示")
    assert [(label, canonical) for label, _n, canonical in kept] == [
        ("Company", "交通银行"), ("Company", "联想集团"), ("Company", "平安银行")]


def test_bare_city_prefix_takes_the_article_city():
    (m,) = run("pattern.organization", "同时将市科技孵化中心打造成", {"city": "place:330881"})
    assert (m.name, m.canonical) == ("市科技孵化中心", "江山市科技孵化中心")


@pytest.mark.parametrize("text, expected", [
    ("2021 世界智能制造大会在南京开幕", ["2021世界智能制造大会"]),
    ("全面贯彻党的十九大和十九届六中全会精神",
     ["中国共产党第十九届中央委员会第六次全体会议", "中国共产党第十九次全国代表大会"]),
    ("为贯彻落实全国教育大会精神", ["全国教育大会"]),
    # an activity is an event only when its name is quoted or numbered; a quoted name is the
    # campaign's, 活动 the word for it
    ("“对话德国”活动在常州举行", ["对话德国"]),
    # a year written right before the name is the campaign's or the meeting's (written for the
    # test; the 2019 work report)
    ("部门将启动2026年农机具下乡活动。", ["2026年农机具下乡活动"]),
    ("扎实做好2020年奥运会、残奥会备战", ["2020年奥运会"]),
    # 和 and 与 inside a name opened by its year, ordinal or scope join its words (the 1995
    # report; written for the test); between two named events they join two
    ("召开全国劳动模范和先进工作者表彰大会", ["全国劳动模范和先进工作者表彰大会"]),
    ("2025福建海洋和渔业产业招商暨项目推介会在福州举行", ["2025福建海洋和渔业产业招商暨项目推介会"]),
    ("举办第二十届中国东西部合作与投资贸易洽谈会", ["第二十届中国东西部合作与投资贸易洽谈会"]),
    ("召开全国科技大会和全国教育大会", ["全国科技大会", "全国教育大会"]),
    # a matchmaking meeting is named only as a title (written for the test)
    ("举行银企对接会", []),
    ("深入开展全民阅读活动", []),
    # written for the test: a notice's title names the campaign it launches
    ("关于开展农机具下乡活动的通知", ["农机具下乡活动"]),
    ("关于开展全民阅读活动", []),
    ("坚决打击非法金融活动。", []),
    # contests named in Latin letters, listed before 等…评测
    ("连续多次获得CHiME、Blizzard、IWSLT等各类国际评测冠军", ["Blizzard", "CHiME", "IWSLT"]),
    ("采用ISO、IEC等国际标准", []),
])
def test_events(text, expected):
    assert sorted(m.canonical for m in run("pattern.event", text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    # the 1984 and 1978 work reports: a word for a kind of event is no event's name, unless
    # its scope names one
    ("中国不参加军备竞赛", []),
    ("全国科学大会的召开", ["全国科学大会"]),
    # written for the test: the verb before a name is not part of it
    ("促进文化演艺产业发展", []),
    ("积极筹办2026苏州国际马拉松大赛", ["2026苏州国际马拉松大赛"]),
    # common words before a word for a kind of event do not make it one (written for the
    # test; the reports: 召开职工代表大会), a scope or an ordinal does (the 2024 and 1996 reports)
    ("推动不同地区文化演艺产业多样化发展", []),
    ("企业要定期召开职工代表大会", []),
    ("按照中央经济工作会议部署", ["中央经济工作会议"]),
    ("第四次世界妇女大会在北京召开", ["第四次世界妇女大会"]),
    # counted events are no names (written for the test)
    ("共设置1场闭门会议、1场大会论坛和6场主题论坛", []),
    # a province's or a city's meeting keeps its scope, as 全国科学大会 does (written for the
    # test, in the form of a provincial briefing), and so does the 1995 report's 座谈会
    ("6月6日，全省工业稳增长推进会在郑州召开", ["全省工业稳增长推进会"]),
    ("全市制造业高质量发展大会在合肥举行", ["全市制造业高质量发展大会"]),
    ("中央召开了第三次西藏工作座谈会", ["第三次西藏工作座谈会"]),
    ("召开专题座谈会", []),
    # written for the test: a global scope makes generic words an event's name
    ("办好世界数字经济大会", ["世界数字经济大会"]),
    ("召开世界大会", []),
    # written for the test: a wire's dateline before a meeting's name is no part of it
    ("新华社北京6月24日电 2026年度国家科学技术奖励大会24日举行", ["2026年度国家科学技术奖励大会"]),
    # the 2025 report: a count in numerals is the name's own
    ("和平共处五项原则发表70周年纪念大会、中阿合作论坛部长级会议等",
     ["和平共处五项原则发表70周年纪念大会", "中阿合作论坛"]),
    # written for the test (a city's briefing): kinds of working meetings end event names
    ("6月18日，全市工业经济运行调度会召开", ["全市工业经济运行调度会"]),
    ("召开安全生产调度会", []),
])
def test_generic_event_words_and_verbs(text, expected):
    assert sorted(m.canonical for m in run("pattern.event", text)) == sorted(expected)


@pytest.mark.parametrize("text, context, expected", [
    # a bare 省 is the article's province; a named place is taken as written
    ("为贯彻落实省第十四次党代会精神", {"province": "place:320000"}, ["中国共产党江苏省第十四次代表大会"]),
    ("深入贯彻浙江省第十五次党代会精神", {}, ["中国共产党浙江省第十五次代表大会"]),
    ("为贯彻落实省第十四次党代会精神", {}, []),  # no province known: no guess
])
def test_local_party_congress_is_named_in_full(text, context, expected):
    assert [m.canonical for m in run("pattern.event", text, context)] == expected


@pytest.mark.parametrize("text, context, expected", [
    # the work reports (2019, 2024): plenums written together, a session of the NPC
    ("全面贯彻党的十九大和十九届二中、三中全会精神", {},
     ["中国共产党第十九次全国代表大会", "中国共产党第十九届中央委员会第二次全体会议",
      "中国共产党第十九届中央委员会第三次全体会议"]),
    ("在第十四届全国人民代表大会第二次会议上", {}, ["第十四届全国人民代表大会第二次会议"]),
    # written for the test: short forms, the CPPCC, a province's congress, a bare 省
    ("出席十四届全国人大三次会议和全国政协十四届三次会议", {},
     ["第十四届全国人民代表大会第三次会议", "中国人民政治协商会议第十四届全国委员会第三次会议"]),
    ("江西省第十四届人民代表大会第二次会议审议通过", {}, ["江西省第十四届人民代表大会第二次会议"]),
    ("提请省十四届人大二次会议审议", {"province": "place:360000"},
     ["江西省第十四届人民代表大会第二次会议"]),
    ("市政协十三届五次会议开幕", {"city": "place:320500"},
     ["中国人民政治协商会议苏州市第十三届委员会第五次会议"]),
    # a committee's sitting is no congress's session; no place known, no guess
    ("领导小组第三次会议召开", {}, []),
    ("提请十四届人大三次会议审议", {}, []),
])
def test_sessions_and_plenums_are_named_in_full(text, context, expected):
    assert sorted(m.canonical for m in run("pattern.event", text, context)) == sorted(expected)


def test_a_session_is_chosen_over_the_congress_inside_it():
    assert chosen("在第十四届全国人民代表大会第三次会议上") == [
        ("Event", "第十四届全国人民代表大会第三次会议", "第十四届全国人民代表大会第三次会议")]


def test_an_organisation_may_extend_a_known_name_but_not_swallow_one():
    kept = chosen("讯飞研究院与科大讯飞研究院")
    assert ("ResearchOrganization", "科大讯飞研究院", "科大讯飞研究院") in kept


@pytest.mark.parametrize("text, expected", [
    ("与阿里巴巴达摩院、华为中央研究院一起上榜", [("阿里巴巴达摩院", "org:阿里巴巴集团"),
                                         ("华为中央研究院", "org:华为技术有限公司")]),
    # an academy's unit is named by the academy's official name (the surface stays an alias)
    ("高新区先后引进中科院苏州医工所等", [("中国科学院苏州医工所", "org:中国科学院")]),
    ("华为公司发布新品", []),
    # written for the test: 与 and a place after a university joins another body to it; inside
    # a unit's name it joins two fields
    ("中国科学技术大学与济南量子技术研究院等单位", []),
    ("中科院数学与系统科学研究院发布", [("中国科学院数学与系统科学研究院", "org:中国科学院")]),
    # written for the test: a university's department; a system or a tie is none
    ("清华大学电子工程系、浙江大学化学系的成果", [("清华大学电子工程系", "org:清华大学"),
                                       ("浙江大学化学系", "org:浙江大学")]),
    ("完善北京大学科研体系", []),
])
def test_research_units_of_known_organisations(text, expected):
    assert [(m.canonical, m.parent_key) for m in run("pattern.org_unit", text)] == expected


def test_office_of_a_body_the_article_named_before():
    text = "经国务院知识产权战略实施工作部际联席会议同意，联席会议办公室印发《推进计划》。"
    offices = [(m.canonical, m.parent_key) for m in run("pattern.organization", text)
               if m.canonical.endswith("办公室")]
    assert offices == [("国务院知识产权战略实施工作部际联席会议办公室",
                        "org:国务院知识产权战略实施工作部际联席会议")]
    # with no body named before, a bare 联席会议办公室 is nobody in particular
    assert run("pattern.organization", "联席会议办公室印发《推进计划》。") == []


def test_centre_of_an_international_organisation():
    (m,) = run("pattern.org_unit", "推进世界知识产权组织技术与创新支持中心（TISC）建设")
    assert (m.label.value, m.canonical, m.parent_key) == (
        "Organization", "世界知识产权组织技术与创新支持中心", "org:世界知识产权组织")
    # 所 after an international body is a particle, not an institute
    assert run("pattern.org_unit", "正如联合国秘书长所说") == []


def test_a_defined_short_form_covers_the_place_inside_it():
    from kg.pipeline import extract_document
    from kg.types import Document
    text = "新闻\n贵州茅台酒股份有限公司（以下简称“贵州茅台”）董事长丁雄军表示，贵州茅台将加大投入。\n"
    r = extract_document(Document("d", "d.txt", text))
    assert [(m.label.value, m.text, r.entities[entity_key(m)].name) for m in r.mentions] == [
        ("Company", "贵州茅台酒股份有限公司", "贵州茅台酒股份有限公司"),
        ("Company", "贵州茅台", "贵州茅台酒股份有限公司"),
        ("Person", "丁雄军", "丁雄军"),
        ("Company", "贵州茅台", "贵州茅台酒股份有限公司")]


def test_a_joint_conference_is_an_organisation_and_its_office_an_agency():
    found = [(label, c) for label, _n, c in chosen(
        "经国务院知识产权战略实施工作部际联席会议同意，联席会议办公室印发")]
    assert found == [("Organization", "国务院知识产权战略实施工作部际联席会议"),
                     ("GovernmentAgency", "国务院知识产权战略实施工作部际联席会议办公室")]


@pytest.mark.parametrize("text", [
    # written for the test, in the form of company announcements: the company spoken of
    "公司公告显示，公司控股子公司收到问询函",
    "此项调整预计将减少公司2023年营业收入1.26亿元",
    "公司预计全年归属于母公司股东的净利润下降",
])
def test_the_company_spoken_of_is_no_name(text):
    assert [m.name for m in run("pattern.organization", text)] == []


@pytest.mark.parametrize("text, expected", [
    # written for the test: a group named for its mission keeps the mission's verbs, from its
    # place on; a body that sets a group up is no part of its name
    ("江苏省推进制造强省建设领导小组办公室印发通知", "江苏省推进制造强省建设领导小组办公室"),
    ("浙江省深化数字化改革协调小组召开会议", "浙江省深化数字化改革协调小组"),
    # a place inside the mission's quoted slogan is not the group's, nor do the slogan's words
    # end a body (一区); a unit the group names after itself is one name with it
    ("江苏省推进“数字江苏”建设领导小组办公室印发通知", "江苏省推进“数字江苏”建设领导小组办公室"),
    ("浙江省推进“两区一城”建设领导小组数字贸易执行小组办公室印发通知",
     "浙江省推进“两区一城”建设领导小组数字贸易执行小组办公室"),
])
def test_groups_named_for_their_mission(text, expected):
    assert max((m.canonical for m in run("pattern.organization", text)), key=len) == expected


def test_a_body_that_sets_a_group_up_is_no_part_of_its_name():
    assert not [m for m in run("pattern.organization", "江苏省政府成立全省数字经济发展领导小组")
                if m.canonical.startswith("江苏省政府")]


@pytest.mark.parametrize("text, expected", [
    # written for the test: 联合 between nouns is a body's word; before a verb, or after one,
    # it is an adverb or a verb's object
    ("支持苏州联合交易中心做大做强", ["苏州联合交易中心"]),
    ("双方派出代表组成联合委员会", []),
    ("八部门联合印发通知", []),
])
def test_joint_inside_a_name(text, expected):
    assert [m.canonical for m in run("pattern.organization", text)] == expected


@pytest.mark.parametrize("text, expected", [
    # written for the test: a body's name begins at the region of national strategy it is
    # named for, not at the verbs of planning before it
    ("规划建设成渝地区双城经济圈科技创新中心", "成渝地区双城经济圈科技创新中心"),
    ("谋划建设长三角国家技术创新中心", "长三角国家技术创新中心"),
])
def test_a_name_begins_at_its_region_after_verbs_of_planning(text, expected):
    assert max((m.name for m in run("pattern.organization", text)), key=len) == expected


@pytest.mark.parametrize("text, expected", [
    # written for the test: 与 joins two fields inside a college's or centre's name …
    ("华东师范大学历史与社会学院教授表示", "华东师范大学历史与社会学院"),
    ("上海海洋科学与技术研究中心成立", "上海海洋科学与技术研究中心"),
    # … but not two bodies
    ("财政部与信息技术研究中心合作", "信息技术研究中心"),
    ("江苏与上海共建长三角研究院", "长三角研究院"),
])
def test_two_fields_joined_inside_a_research_body(text, expected):
    assert max((m.name for m in run("pattern.organization", text)), key=len) == expected


@pytest.mark.parametrize("text, expected", [
    # written for the test: a platform is one body when a place runs it, else a kind of thing
    ("应当将数据资源目录纳入苏州市共享交换平台", ["苏州市共享交换平台"]),
    ("打造工业互联网平台，建成全国一体化在线政务服务平台", []),
])
def test_platforms_named_by_their_place(text, expected):
    assert [c for label, _n, c in chosen(text) if label == "Organization"] == expected


def test_platforms_counted_or_of_a_level_are_a_class():
    # written for the test, as the newsletter's news of designated platforms reads
    text = ("江苏12家平台入选，江苏省级中小企业公共服务示范平台共有200家，"
            "苏州市公共数据四大子平台，中国（江苏）自由贸易试验区平台")
    assert not [c for label, _n, c in chosen(text) if label == "Organization"]


def test_a_known_companys_short_name_with_gongsi_is_that_company():
    # written for the test: 国家管网公司 is the pipeline group the table names 国家管网
    assert chosen("国家能源局组织国家管网公司做好保供") == [
        ("GovernmentAgency", "国家能源局", "国家能源局"),
        ("Company", "国家管网公司", "国家石油天然气管网集团有限公司")]


@pytest.mark.parametrize("name, forms", [
    # written for the test: registered names and the short names a text uses for them
    ("江西鑫源能源有限公司", ["江西鑫源能源", "鑫源能源"]),
    ("深圳市德方纳米科技股份有限公司", ["深圳市德方纳米科技", "德方纳米科技", "深圳市德方纳米", "德方纳米"]),
    ("中国石油天然气股份有限公司兰州石化分公司", ["兰州石化"]),
    # 中国 stays (中国石油天然气 is no 石油天然气); a branch named by its province has no form
    ("中国石油天然气股份有限公司", ["中国石油天然气"]),
    ("中国铁塔股份有限公司安徽省分公司", []),
    ("三一集团有限公司", []),  # 三一 is too short to be found safely
    ("苏州市人民政府", []),
])
def test_company_short_forms(name, forms):
    from kg.extractors.organizations import company_short_forms
    assert list(company_short_forms(name)) == forms


@pytest.mark.parametrize("text, expected", [
    # written for the test: a firm in Latin letters by what its data show; an indicator is none
    ("IDC数据显示，2024年中国智能音箱市场规模达80亿元", ["IDC"]),
    ("Counterpoint Research数据显示，平板电脑出货量达520万台", ["Counterpoint Research"]),
    ("据Canalys统计显示，出货量同比增长", ["Canalys"]),
    ("GDP数据显示，经济稳中向好", []),
    ("制造业PMI数据显示，景气回升", []),
])
def test_data_firms_by_what_their_data_show(text, expected):
    assert [m.canonical for m in run("pattern.data_firm", text)] == expected


@pytest.mark.parametrize("text, expected", [
    # written for the test: firms no table knows, listed before 等…企业
    ("培育壮大恒岳精工、瑞丰汽配等本地配套企业", ["恒岳精工", "瑞丰汽配"]),
    # the work reports: lists of trades and sectors are no firms (1993, 1988)
    ("特别要做好外资、私营等非公有制企业的工作", []),
    ("使工业、农业、交通运输业和商业等企业", []),
    # written for the test: what stands between 等 and 企业 qualifies firms; technologies are none
    ("推广5G专网、时间敏感网络、数字孪生等技术在企业应用", []),
    # written for the test (finance news): fund managers by brand and ending; kinds of funds
    # are none
    ("华夏基金、易方达基金等公募机构认为，债市仍具配置价值。", ["华夏基金", "易方达基金"]),
    ("产业基金、创投基金等金融机构", []),
])
def test_firms_listed_before_deng_qiye(text, expected):
    assert [m.canonical for m in run("pattern.listed_company", text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the work reports (2024, 2022, 2023, 1994): recurring fairs and games by their short forms,
    # games named together share the host's place; games named by a place or an ordinal are
    # events whether or not the table knows them
    ("成功举办进博会、广交会、服贸会及首届链博会",
     [("Event", "中国国际进口博览会"), ("Event", "中国进出口商品交易会"),
      ("Event", "中国国际服务贸易交易会"), ("Event", "中国国际供应链促进博览会")]),
    ("精心筹办北京冬奥会、冬残奥会",
     [("Event", "第二十四届冬季奥林匹克运动会"), ("Event", "第十三届冬季残疾人奥林匹克运动会")]),
    ("成都大运会、杭州亚运会和亚残运会成功举办",
     [("Event", "第三十一届世界大学生夏季运动会"), ("Event", "第十九届亚洲运动会"),
      ("Event", "第四届亚洲残疾人运动会")]),
    ("我国体育健儿在东京奥运会、残奥会上勇创佳绩",
     [("Place", "中国"), ("Event", "东京奥运会"), ("Event", "东京残奥会")]),
    ("我国运动员在第28届奥运会上取得优异成绩", [("Place", "中国"), ("Event", "第28届奥运会")]),
    # an edition of a fair the table knows is its own event (the 2019 report)
    ("成功举办第二届中国国际进口博览会", [("Event", "第二届中国国际进口博览会")]),
    ("在奥运会和重大国际比赛中", []),
])
def test_recurring_fairs_and_games(text, expected):
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", "新闻\n" + text))
    got = [("Place" if m.label.is_place else m.label.value, r.entities[entity_key(m)].name)
           for m in sorted(r.mentions)]
    assert got == expected


def test_fairs_by_their_short_forms():
    # the 2024 work report; 数博会 names fairs in two cities and is not in the table
    found = run("gazetteer.event", "发挥进博会、广交会、服贸会、消博会等重要展会作用，办好数博会")
    assert [(m.text, m.canonical) for m in found] == [
        ("进博会", "中国国际进口博览会"), ("广交会", "中国进出口商品交易会"),
        ("服贸会", "中国国际服务贸易交易会"), ("消博会", "中国国际消费品博览会")]


@pytest.mark.parametrize("text, expected", [
    # written for the test: 和 and 与 join two fields of one body's name
    ("光伏组件和储能电池国际交易中心交易额300亿元", ["光伏组件和储能电池国际交易中心"]),
    ("上交所技术成果与知识产权交易中心去年成交15亿元", ["上交所技术成果与知识产权交易中心"]),
    # ... not two bodies, nor a generic word and a body (the 2010 report: both are kinds of
    # body; written for the test: 场景实验室 and 概念验证中心 are kinds)
    ("支持乡镇中心卫生院和社区卫生服务中心建设", []),
    ("布局一批概念验证中心、中试平台和场景实验室", []),
    ("加强企业和研究中心合作", []),
    # ... nor the objects of a verb (written for the test): two aims, the second a body
    ("打造数字经济高地和集成电路国际交易中心", ["集成电路国际交易中心"]),
])
def test_fields_joined_inside_a_body(text, expected):
    assert [m.canonical for m in run("pattern.organization", text)] == expected


@pytest.mark.parametrize("text, expected", [
    # written for the test: a firm no table knows, named before a title only a firm gives and
    # its holder's name
    ("对此，广州美联董事经理陈家明表示，成交回暖", ["广州美联"]),
    ("记者致电湖南信托董事长李明", ["湖南信托"]),
    ("花旗中国董事长兼总经理王强表示", ["花旗中国"]),
    # a kind, a known firm, a clause, no holder: nothing
    ("公司董事长李明表示", []),
    ("华泰证券首席经济学家张继强表示", []),
    ("他再一次请我们总经理王强发言", []),
    ("董事长由股东会选举产生", []),
])
def test_firms_named_before_a_title_only_a_firm_gives(text, expected):
    assert [m.canonical for m in run("pattern.employer", text)] == expected


def test_a_known_firm_after_an_adverb_and_a_verb_keeps_its_own_name():
    # written for the test: the firm's full name is one jieba word, the verb and adverb stay out
    assert chosen("该市新引进华为技术有限公司等企业") == [("Company", "华为技术有限公司", "华为技术有限公司")]
