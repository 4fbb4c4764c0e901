"""Places, central agencies, media and companies from the packaged gazetteers."""
from __future__ import annotations

import pytest

from helpers import run

JIANGSU = {"province": "place:320000"}


@pytest.mark.parametrize("text, expected", [
    ("2021 世界智能制造大会在南京开幕", [("City", "南京", "南京市")]),
    ("浙江省江山市多措并举推进高新技术产业发展",
     [("Province", "浙江省", "浙江省"), ("City", "江山市", "江山市")]),
    ("德国北威州经济部长平克瓦特", [("Country", "德国", "德国"),
                              ("Province", "北威州", "北莱茵-威斯特法伦州")]),
    ("苏州市委常委出席开幕式", [("City", "苏州市", "苏州市")]),
    ("成为全省唯一通过国家级检验检测类标准化试点验收的机构，其中国家级", []),
    # the work reports (2014, 2009, 1959): 全国 is China; a county's short name right after
    # its province; states that no longer exist are no parts of today's
    ("摸清全国政府性债务底数", [("Country", "全国", "中国")]),
    ("胜利完成四川汶川特大地震灾后恢复重建",
     [("Province", "四川", "四川省"), ("District", "汶川", "汶川县")]),
    ("我们同波兰、德意志民主共和国、捷克斯洛伐克、匈牙利",
     [("Country", "波兰", "波兰"), ("Country", "德意志民主共和国", "民主德国"),
      ("Country", "捷克斯洛伐克", "捷克斯洛伐克"), ("Country", "匈牙利", "匈牙利")]),
    # written for the test: a province and its city in one jieba token; a district's short
    # name in an article that names it in full; a short name nothing pins down is a word
    ("江苏南京、辽宁沈阳两地", [("Province", "江苏", "江苏省"), ("City", "南京", "南京市"),
                          ("Province", "辽宁", "辽宁省"), ("City", "沈阳", "沈阳市")]),
    ("继浦东新区之后，再看浦东", [("District", "浦东新区", "浦东新区"),
                             ("District", "浦东", "浦东新区")]),
    ("大好江山，看浦东", []),
    # a city before a district's short name pins it; the country does not (the 1950s and 1980s
    # reports: 中国友好观光年, 全国新建铁路)
    ("鹤岗东山立井", [("City", "鹤岗", "鹤岗市"), ("District", "东山", "东山区")]),
    ("办好中国友好观光年", [("Country", "中国", "中国")]),
    ("五年内全国新建铁路铺轨二千公里", [("Country", "全国", "中国")]),
    # a district whose name is a common word needs its city around it: written for the test,
    # and 支持以资源开采为主的城市和老矿区发展接续和替代产业 (the 2002 report) names no district
    ("企业停止了矿区一切活动", []),
    # short names listed together under a place the article names (the 1959 report; written
    # for the test); common words listed are no places (the 2006 report: 和平, in Tianjin)
    ("我们一定要解放台湾、澎湖、金门、马祖。",
     [("Province", "台湾", "台湾省"), ("District", "澎湖", "澎湖县"), ("District", "金门", "金门县")]),
    ("宁德市带动福安、霞浦、福鼎发展", [("City", "宁德市", "宁德市"), ("City", "福安", "福安市"),
                                ("District", "霞浦", "霞浦县"), ("City", "福鼎", "福鼎市")]),
    ("天津市：我们高举和平、发展、合作的旗帜", [("Province", "天津市", "天津市")]),
    # ... also when each glosses an item in brackets (written for the test)
    ("北（海口）、东（文昌）、中（琼中）三处将各设一个服务站。",
     [("City", "海口", "海口市"), ("City", "文昌", "文昌市"),
      ("District", "琼中", "琼中黎族苗族自治县")]),
    # a county-level city the province governs directly belongs to the province
    ("海南省琼海市", [("Province", "海南省", "海南省"), ("City", "琼海市", "琼海市")]),
    ("阳泉市下辖城区、矿区、郊区", [("City", "阳泉市", "阳泉市"), ("District", "矿区", "矿区"),
                               ("District", "郊区", "郊区")]),
])
def test_places(text, expected):
    assert [(m.label.value, m.name, m.canonical) for m in run("gazetteer.place", text)] == expected


def test_places_governed_by_a_province_directly_have_it_as_parent():
    from kg.resources import places
    rows = {p.name: p for p in places()}
    assert rows["琼海市"].parent_key == "place:460000" and rows["仙桃市"].parent_key == "place:420000"
    assert not any("直辖" in p.name for p in places())  # 省直辖行政区划 heads a list, is no place


def test_place_keys_carry_codes_and_parents():
    (m,) = run("gazetteer.place", "在常州举行")
    assert (m.key, m.parent_key) == ("place:320400", "place:320000")


@pytest.mark.parametrize("text, expected", [
    ("工业和信息化部、国家发展和改革委员会、教育部、科技部、财政部等八部门联合印发",
     ["工业和信息化部", "国家发展和改革委员会", "教育部", "科学技术部", "财政部"]),
    ("由江苏省政府、工信部、中国工程院、中国科学技术协会共同主办",
     ["工业和信息化部", "中国工程院", "中国科学技术协会"]),
    ("常州市科技部门加快实施“六大工程”", []),
    ("联席会议由教育部、发展改革委、国资委、税务总局、扶贫办9个部门和单位组成",
     ["教育部", "国家发展和改革委员会", "国务院国有资产监督管理委员会", "国家税务总局",
      "国务院扶贫开发领导小组办公室"]),
])
def test_central_agencies(text, expected):
    assert [m.canonical for m in run("gazetteer.agency", text)] == expected


def test_media_and_companies():
    # the official name, not the short one people write
    assert [m.canonical for m in run("gazetteer.media", "新华社记者：“科技政策要扎实落地”")] == ["新华通讯社"]
    assert [m.name for m in run("gazetteer.company", "与美\n\n敦力、强生等合作")] == ["美敦力", "强生"]


@pytest.mark.parametrize("text, expected", [
    # an outlet named by a common word counts in 《》 or before a word for news (written for
    # the test); elsewhere it is the word (the 2000 report: 财经纪律)
    ("据《财经》杂志报道，市场回暖", ["财经"]),
    ("界面新闻记者获悉", ["界面新闻"]),
    ("严肃财经纪律", []),
])
def test_outlets_named_by_common_words(text, expected):
    assert [m.canonical for m in run("gazetteer.media", text)] == expected


def test_a_known_outlet_in_book_quotes_is_the_outlet():
    # written for the test: 《财经》 is the magazine, not a programme
    assert [(m.label.value, m.canonical) for m in run("pattern.programme", "据《财经》报道")] == [
        ("MediaOutlet", "财经")]


@pytest.mark.parametrize("text, expected", [
    ("推进世贸组织改革，支持亚投行和上合组织发展", [
        ("Organization", "世界贸易组织"), ("Organization", "亚洲基础设施投资银行"),
        ("Organization", "上海合作组织")]),
    # a standard's prefix is no organisation
    ("主导制定了全球首个智能语音交互ISO/IEC国际标准", []),
])
def test_international_organisations(text, expected):
    assert [(m.label.value, m.canonical) for m in run("gazetteer.agency", text)] == expected


def test_official_english_names_reach_the_graph(tmp_path):
    from kg.build import build
    from kg.query import run_query
    from kg.store import load_store
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("工作\n\n工信部和世界知识产权组织签署协议。\n", encoding="utf-8")
    build([src], tmp_path / "out", html=False)
    answer = run_query(load_store(tmp_path / "out" / "graph.ttl"), """
        SELECT ?zh ?en WHERE { ?o rdfs:label ?zh ; kgo:englishName ?en } ORDER BY ?zh""")
    assert answer.rows == [
        ["世界知识产权组织", "World Intellectual Property Organization"],
        ["工业和信息化部", "Ministry of Industry and Information Technology"]]


def test_universities_and_institutes_by_their_short_forms():
    found = [(m.label.value, m.canonical) for m in run(
        "gazetteer.agency", "清华、北大和中科大联合中国信通院、之江实验室发布报告，中科院自动化所参与")]
    assert found == [("ResearchOrganization", "清华大学"), ("ResearchOrganization", "北京大学"),
                     ("ResearchOrganization", "中国科学技术大学"),
                     ("ResearchOrganization", "中国信息通信研究院"),
                     ("ResearchOrganization", "之江实验室"),
                     ("ResearchOrganization", "中国科学院自动化研究所")]


@pytest.mark.parametrize("text, expected", [
    # written for the test: two listed companies by their short names
    ("牧原股份与海天味业签署采购协议", ["牧原股份", "海天味业"]),
    # a name that is also a place or a word needs its stock code or a company word
    ("张家界（000430）公告称", ["张家界"]),
    # the province written before a short name belongs to it
    ("宁夏宝丰能源发布公告", ["宁夏宝丰能源"]),
    ("五粮液集团加快转型", ["五粮液"]),
    # ... and so does its legal form: the registered name in full (written for the test)
    ("宁波均胜电子股份有限公司等12家企业入选", ["宁波均胜电子股份有限公司"]),
    # the trade word jieba glued to a short name's last character is the firm's too
    # (华润|微电子; written for the test)
    ("华润微电子在无锡新建功率器件封测基地", ["华润微电子"]),
    ("张家界市文化旅游", []),
    ("发展文化事业和文化产业", []),
    # 1980s work report: 联合公司 is any joint company, not the listed 联合
    ("有计划有准备地成立各种企业性的专业公司和联合公司", []),
    # names are whole tokens: 中国新能源汽车 holds no 国新能源
    ("推动中国新能源汽车产业发展", []),
    # the 2020s reports: a listed name that is an everyday phrase needs its context too
    ("推动线上线下消费深度融合", []),
])
def test_listed_companies_by_short_name(text, expected):
    found = run("gazetteer.stock", text)
    assert [m.name for m in found] == expected
    assert all(m.label.value == "Company" for m in found)


def test_shared_gazetteers_scan_a_text_once_and_each_keeps_its_own_hits():
    from kg.extractors.base import Gazetteer
    text = "江苏省工业和信息化厅与苏州市政府"
    places = Gazetteer([("江苏省", "P1"), ("苏州市", "P2"), ("苏州", "P3")])
    assert [v for _a, _b, v in places.find(text)] == ["P1", "P2"]
    # a table made after that text was scanned still finds its own names in it
    bodies = Gazetteer([("工业和信息化厅", "B1"), ("苏州市政府", "B2")])
    assert [(text[a:b], v) for a, b, v in bodies.find(text)] == [("工业和信息化厅", "B1"),
                                                               ("苏州市政府", "B2")]
    # and the first one's answer is unchanged by the second's names
    assert [v for _a, _b, v in places.find(text)] == ["P1", "P2"]
    # a table of one document's names has an automaton of its own, and the same answers
    alone = Gazetteer([("江苏省", "P1"), ("苏州市", "P2"), ("苏州", "P3")], shared=False)
    assert list(alone.find(text)) == list(places.find(text))


def test_a_table_row_with_the_wrong_number_of_columns_is_named(monkeypatch):
    import kg.resources as resources
    from kg.errors import ResourceError
    monkeypatch.setattr(resources, "read_text",
                        lambda *parts: "# comment\nname\ttype\n江苏省\tProvince\n苏州\n")
    with pytest.raises(ResourceError, match="gazetteers/x.tsv: row 3 has the wrong number"):
        resources.read_table("x.tsv")
    monkeypatch.setattr(resources, "read_text", lambda *parts: "name\ttype\n 江苏省 \tProvince\n")
    assert resources.read_table("x.tsv") == [{"name": "江苏省", "type": "Province"}]


def test_a_firms_cloud_business_is_named_with_it():
    # written for the test: 华为云, 百度智能云 are the firms' cloud businesses; 云计算 is a trade
    found = run("gazetteer.company", "华为云和百度智能云的份额上升，百度云计算业务增长")
    assert [(m.name, m.canonical) for m in found] == [
        ("华为云", "华为技术有限公司"), ("百度智能云", "百度公司"), ("百度", "百度公司")]


def test_a_latin_name_is_never_read_inside_a_longer_latin_word():
    # Intel is listed as 英特尔's English name: Intelligence and IntelliJ do not name it
    english = "该研究院（Academy of Artificial Intelligence）与IntelliJ团队合作。"
    assert not [m for m in run("gazetteer.company", english) if m.canonical == "英特尔"]
    assert [m.text for m in run("gazetteer.company", "英特尔（Intel）发布新一代芯片。")] \
        == ["英特尔", "Intel"]
