"""Places named by patterns: development zones after their city, one-character country lists."""
from __future__ import annotations

import pytest

from helpers import chosen, run


@pytest.mark.parametrize("text, expected", [
    # a zone of the gazetteer keeps its code; another is named in full, in its city
    ("长春高新区引进项目", [("长春高新技术产业开发区", "place:220173", "place:220100")]),
    ("全国首场颠覆性技术创新大赛领域赛在苏州高新区开幕。",
     [("苏州高新技术产业开发区", "place:320500/苏州高新技术产业开发区", "place:320500")]),
    ("南京经开区、无锡高新技术产业开发区",
     [("南京经济技术开发区", "place:320100/南京经济技术开发区", "place:320100"),
      ("无锡高新技术产业开发区", "place:320200/无锡高新技术产业开发区", "place:320200")]),
    # a bare 高新区 is whichever zone the article means: no guess
    ("截至目前，高新区先后引进", []),
])
def test_zones_after_their_city(text, expected):
    assert [(m.canonical, m.key, m.parent_key) for m in run("pattern.zone", text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the 2019 report; written for the test (the full name); 中日韩自贸区 is no province's zone
    ("推进海南自贸试验区建设、探索建设中国特色自由贸易港",
     [("中国（海南）自由贸易试验区", "place:460000")]),
    ("用好中国（湖南）自由贸易试验区政策", [("中国（湖南）自由贸易试验区", "place:430000")]),
    ("加快中日韩自贸区谈判", []),
])
def test_free_trade_zones_of_provinces(text, expected):
    assert [(m.canonical, m.parent_key) for m in run("pattern.zone", text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the 2018 report; written for the test: state-level new areas, in the province or city
    # they lie in (天府新区 is a district of the divisions, not the table's)
    ("高标准高质量建设雄安新区", [("河北雄安新区", "place:130000")]),
    ("推动两江新区、西咸新区建设", [("重庆两江新区", "place:500000"), ("陕西西咸新区", "place:610000")]),
    # national zones named by name, in the city or district that hosts them (the 2010, 2021 and
    # 2025 reports; written for the test)
    ("推进横琴新区建设", [("横琴粤澳深度合作区", "place:440400")]),
    ("加紧推进海南自由贸易港核心政策落地", [("海南自由贸易港", "place:460000")]),
    ("中关村科技园区和张江科学城", [("中关村科技园区", "place:110000"),
                          ("张江高科技园区", "place:310115")]),
    ("沙头角深港国际消费合作区揭牌", [("沙头角深港国际消费合作区", "place:440308")]),
    # written for the test: the zone the table names by its informal name wins over a kind of
    # zone after a place of that name (东湖 is also a district of 南昌)
    ("武汉东湖高新区加快布局光电子产业", [("武汉东湖新技术开发区", "place:420100")]),
    ("配套企业在临港新片区加快布局", [("中国（上海）自由贸易试验区临港新片区", "place:310115")]),
])
def test_state_level_new_areas_and_national_zones(text, expected):
    assert [(m.canonical, m.parent_key) for m in run("pattern.zone", text)] == expected


def test_zone_is_part_of_its_city_in_the_graph(tmp_path):
    from kg.build import build
    src = tmp_path / "in"
    src.mkdir()
    (src / "news.txt").write_text("大赛开幕\n\n全国首场颠覆性技术创新大赛领域赛在苏州高新区开幕。\n",
                                  encoding="utf-8")
    build([src], tmp_path / "out", html=False)
    from kg.query import run_query
    from kg.store import load_store
    answer = run_query(load_store(tmp_path / "out" / "graph.ttl"), """
        SELECT ?city WHERE { ?z rdfs:label "苏州高新技术产业开发区"@zh ; a kgo:District ;
                               kgo:partOf/rdfs:label ?city }""")
    assert answer.rows == [["苏州市"]]


@pytest.mark.parametrize("text, expected", [
    ("美德日等工业发达国家均将智能制造作为抢占制高点的重要手段", ["美国", "德国", "日本"]),
    ("中美两国元首通话", ["中国", "美国"]),
    # 美德 is also a word (virtue): without countries after it, none
    ("弘扬美德，传承文化", []),
    ("弘扬传统美德等", []),
])
def test_one_character_country_lists(text, expected):
    assert [m.canonical for m in run("pattern.country_list", text)] == expected


def test_country_list_is_kept_by_the_linker():
    kept = chosen("美德日等工业发达国家")
    assert [c for label, _n, c in kept if label == "Country"] == ["美国", "德国", "日本"]


def test_bare_zone_opening_a_clause_is_the_one_named_before():
    found = run("pattern.zone", "苏州高新区作为全国首批国家级高新区，创新资源集聚。截至目前，高新区先后引进院所。")
    assert [(m.name, m.canonical) for m in found] == [
        ("苏州高新区", "苏州高新技术产业开发区"), ("高新区", "苏州高新技术产业开发区")]


def test_zones_with_names_of_their_own():
    # written for the test: a city, the zone's own name and its kind; the name alone later
    found = run("pattern.zone", "合肥新站高新区与企业签约。新站高新区已集聚企业80余家。国家级高新区")
    assert [(m.name, m.canonical, m.parent_key) for m in found] == [
        ("合肥新站高新区", "合肥新站高新技术产业开发区", "place:340100"),
        ("新站高新区", "合肥新站高新技术产业开发区", "place:340100")]


def test_a_citys_own_text_names_its_zones_without_the_city():
    # written for the test, in the form of a city's notice: its zone by its own name is the
    # city's; a national text naming a zone so is not pinned to a city it names elsewhere
    from kg.pipeline import extract_document
    from kg.types import Document
    text = ("湘潭市人民政府关于印发加快发展先进制造业若干措施的通知\n各县市区人民政府，天易经开区管委会：\n"
            "现印发给你们。天易经开区要加快发展。\n")
    zones = [(e.name, e.parent_key) for e in extract_document(Document("d", "d.txt", text))
             .entities.values() if e.label.value == "District"]
    assert zones == [("湘潭天易经济技术开发区", "place:430300")]
    text = "政府工作报告\n湘潭市、株洲市加快发展。国务院批准开发洋浦经济开发区。\n"
    assert not [e for e in extract_document(Document("d", "d.txt", text)).entities.values()
                if e.label.value == "District"]


def test_a_zones_committee_is_named_after_the_zone_and_sits_in_it():
    # written for the test, in the form of a city's notice: the committee of a zone its own
    # text names informally, and of a zone after its city
    from kg.pipeline import extract_document
    from kg.types import Document, Predicate
    text = ("湘潭市人民政府关于印发若干措施的通知\n各县市区人民政府，天易经开区管委会：\n"
            "天易经开区要加快发展。湘潭高新区要加快转型，湘潭高新区管委会负责实施。\n")
    r = extract_document(Document("d", "d.txt", text))
    name = {k: e.name for k, e in r.entities.items()}
    located = {(name[x.subject], name[x.object]) for x in r.relations
               if x.predicate is Predicate.LOCATED_IN}
    assert ("湘潭天易经济技术开发区管委会", "湘潭天易经济技术开发区") in located
    assert ("湘潭高新技术产业开发区管委会", "湘潭高新技术产业开发区") in located
