"""Local bodies resolved against their place, and units of agencies."""
from __future__ import annotations

import pytest

from helpers import chosen, run

JIANGSU = {"province": "place:320000", "city": "place:320500"}


@pytest.mark.parametrize("text, expected", [
    ("省工信厅中小企业局相关负责人表示", ["江苏省工业和信息化厅中小企业局"]),
    ("（来源：江苏省科技厅）", ["江苏省科学技术厅"]),
    ("（来源：镇江市政府）", ["镇江市人民政府"]),
    ("苏州市委常委、副市长顾海东出席开幕式", ["中国共产党苏州市委员会"]),
    ("省委常委、常务副省长费高云视频致辞", ["中国共产党江苏省委员会"]),
    ("该公司负责人表示", []),
    # written for the test: 各市, 各县、区, 相关市 are every or any city, not the article's
    ("各市人民政府，省政府各部门：", ["江苏省人民政府"]),
    ("责任单位：省财政厅，相关市人民政府", ["江苏省财政厅"]),
    ("各县、市人民政府，省直有关部门：", []),
    ("发：各设区市工信局", []),
    # written for the test: local branches of vertically managed central bodies; two bodies
    # joined by 会同 are no body and its unit
    ("省税务局、省外汇管理局按职责分工负责", ["国家税务总局江苏省税务局", "国家外汇管理局江苏省分局"]),
    ("江苏省商务厅会同省外汇管理局推进便利化", ["江苏省商务厅", "国家外汇管理局江苏省分局"]),
    # the joint discipline body of a place, and its parts
    ("市纪委监委通报了三起案件", ["中国共产党苏州市纪律检查委员会、苏州市监察委员会"]),
    ("省纪委、省监委联合发文", ["中国共产党江苏省纪律检查委员会", "江苏省监察委员会"]),
    # written for the test: a survey team of the statistics bureau is named by the short form
    ("国家统计局江苏调查总队发布数据", ["国家统计局江苏调查总队"]),
    ("苏州调查队抽样调查显示", ["国家统计局苏州调查队"]),
])
def test_local_agencies(text, expected):
    assert [m.canonical for m in run("pattern.local_agency", text, JIANGSU)] == expected


def test_unit_of_a_local_agency_names_its_parent():
    (m,) = run("pattern.local_agency", "省工信厅服务体系建设处相关负责人", JIANGSU)
    assert m.parent_key == "org:江苏省工业和信息化厅"


def test_unit_of_a_central_agency():
    (m,) = run("pattern.agency_unit", "工信部装备工业一司司长王卫明介绍")
    assert (m.name, m.canonical, m.parent_key) == (
        "工信部装备工业一司", "工业和信息化部装备工业一司", "org:工业和信息化部")


def test_a_short_form_that_names_its_body_only_before_a_unit():
    # written for the test: 民航 is the aviation authority only in the names of its regional units
    units = run("pattern.agency_unit", "民航江苏监管局、民航华东地区管理局有关负责人参加。")
    assert [(m.canonical, m.parent_key) for m in units] == [
        ("民航江苏监管局", "org:中国民用航空局"), ("民航华东地区管理局", "org:中国民用航空局")]
    assert not run("pattern.agency_unit", "民航运输总周转量增长，民航业加快复苏。")


@pytest.mark.parametrize("text, canonical, parent", [
    # written for the test: a research office of a government, two fields joined inside a
    # department's name; 与 before another body joins two bodies
    ("江苏省人民政府研究室发布报告", "江苏省人民政府研究室", "org:江苏省人民政府"),
    ("教育部职业教育与成人教育司司长表示", "教育部职业教育与成人教育司", "org:教育部"),
    ("国家发展改革委资源节约和环境保护司负责人说", "国家发展和改革委员会资源节约和环境保护司",
     "org:国家发展和改革委员会"),
    # a government office's task force (专班) is its unit
    ("分值由江苏省人民政府办公室营商环境专班核实", "江苏省人民政府办公室营商环境专班",
     "org:江苏省人民政府办公室"),
])
def test_units_of_offices_and_joined_fields(text, canonical, parent):
    units = [m for n in ("pattern.agency_unit", "pattern.local_agency") for m in run(n, text)
             if m.parent_key]
    assert [(m.canonical, m.parent_key) for m in units] == [(canonical, parent)]


def test_a_conjunction_before_a_body_joins_two_bodies():
    assert not [m for m in run("pattern.agency_unit", "工信部与国家能源局联合发布") if m.parent_key]


@pytest.mark.parametrize("text, expected", [
    # another country's or region's body is its own entity, never China's body of that name
    ("美国商务部将其列入实体清单，商务部回应", [("美国商务部", "美国商务部"), ("商务部", "商务部")]),
    ("须经美国教育部审核批准", [("美国教育部", "美国教育部")]),
    ("此事受到香港证监会的重视", [("香港证监会", "香港证监会")]),
    ("据报道，日本政府近期将提高补贴", [("日本政府", "日本政府")]),
])
def test_foreign_bodies_keep_their_country(text, expected):
    found = [(name, canonical) for label, name, canonical in chosen(text)
             if label == "GovernmentAgency"]
    assert found == expected


@pytest.mark.parametrize("text, expected", [
    # a place and a body's name not in the table, taken as written
    ("近日，长沙市岳麓区房产管理局工作人员表示", ["长沙市岳麓区房产管理局"]),
    ("本月中旬，成都市中级人民法院开庭审理此案。", ["成都市中级人民法院"]),
    # a clause or a common word ending in 局 is no body
    ("澳门特别行政区融入国家发展大局。", []),
    ("镇江市将加快推进工信局改革。", []),
])
def test_unlisted_local_bodies(text, expected):
    assert [canonical for label, _n, canonical in chosen(text)
            if label == "GovernmentAgency"] == expected


def test_general_office_of_a_central_agency_and_management_committees():
    (m,) = run("pattern.agency_unit", "近日，工信部办公厅印发通知")
    assert (m.canonical, m.parent_key) == ("工业和信息化部办公厅", "org:工业和信息化部")
    found = [(label, c) for label, _n, c in chosen("中关村管委会、成都高新区管委会有关负责人出席")]
    # a zone after its city names its committee after the zone in full (the written form is an
    # alias)
    assert found == [("GovernmentAgency", "中关村管委会"),
                     ("GovernmentAgency", "成都高新技术产业开发区管委会")]


def test_a_word_ending_in_ju_is_no_unit():
    assert run("pattern.agency_unit", "在党中央统揽全局、科学决策下") == []
    assert [m.canonical for m in run("pattern.local_agency", "近日，武汉市公安局通报")] == ["武汉市公安局"]


def test_autonomous_prefectures_by_their_short_names_and_a_municipalitys_bare_city():
    # written for the test, in the forms of prefecture notices
    assert [m.canonical for m in run("pattern.local_agency", "海西州公安局出具告知函")] == [
        "海西蒙古族藏族自治州公安局"]
    assert [m.canonical for m in run("pattern.local_agency", "州人民政府同意",
                                     {"city": "place:513200"})] == ["阿坝藏族羌族自治州人民政府"]


def test_a_municipality_is_the_city_of_its_articles():
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", "重庆市政府举行新闻发布会\n市委常委、副市长陈鸣波介绍了情况。\n"))
    posts = {(r.entities[p.person].name, p.title, r.entities[p.organization].name) for p in r.posts}
    assert posts == {("陈鸣波", "常委", "中国共产党重庆市委员会"), ("陈鸣波", "副市长", "重庆市人民政府")}


@pytest.mark.parametrize("text, expected", [
    # written for the test: a bare 市 after a verb no name contains is the article's city
    ("考评结果上报市委、市政府", [("GovernmentAgency", "中国共产党苏州市委员会"),
                              ("GovernmentAgency", "苏州市人民政府")]),
    # a province's people's organisations are no government bodies
    ("省贸促会组织企业参展，省科协协办", [("Organization", "中国国际贸易促进委员会江苏省委员会"),
                                ("Organization", "江苏省科学技术协会")]),
])
def test_bare_level_bodies_and_peoples_organisations(text, expected):
    assert [(label, canonical) for label, _n, canonical in chosen(text, JIANGSU)] == expected


@pytest.mark.parametrize("text, expected", [
    # the 2022 and 2013 work reports: exchanges by their names and short forms
    ("设立北京证券交易所和广州期货交易所", ["北京证券交易所", "广州期货交易所"]),
    ("积极发展创业板、新三板", ["全国中小企业股份转让系统"]),
    # written for the test: industry associations and exchanges by short forms
    ("据中汽协和乘联会数据，郑商所、上期所", ["中国汽车工业协会", "全国乘用车市场信息联席会",
                                   "郑州商品交易所", "上海期货交易所"]),
    # a ministry's institute is its own body, part of the ministry
    ("生态环境部环境规划院和商务部研究院", ["生态环境部环境规划院", "商务部研究院"]),
    # a verb before a place starts no name (建设银行 keeps its 建设)
    ("建设深圳数据交易所，建设银行深圳分行", ["深圳数据交易所", "中国建设银行"]),
])
def test_exchanges_associations_and_institutes_of_ministries(text, expected):
    assert [canonical for label, _n, canonical in chosen(text)
            if label not in ("City", "Province")] == expected


@pytest.mark.parametrize("text", [
    # the 2024 and 2014 work reports: a level character that begins a word (区域) stands for
    # no place, and the whole country has no local government
    "发挥国际和区域科技创新中心辐射带动作用",
    "摸清全国政府性债务底数",
])
def test_no_local_body_where_no_place_is_meant(text):
    context = {**JIANGSU, "district": "place:320505"}
    assert not [m for m in chosen(text, context) if m[0] not in ("Country",)]
