"""Every query of the library, with its expected answer on the newsletter."""
from __future__ import annotations

import pytest

from kg.library import library, library_query
from kg.query import format_answer, run_query
from kg.store import load_store


@pytest.fixture(scope="module")
def store(built):
    return load_store(built[0] / "graph.ttl")


def answer(store, name: str) -> list[dict[str, str]]:
    a = run_query(store, library_query(name).text)
    return [dict(zip(a.variables, row)) for row in a.rows]


def test_every_query_is_documented_and_tested():
    names = {q.name for q in library()}
    assert len(names) >= 12
    assert all(q.description for q in library())
    tested = {n.split("test_", 1)[1].replace("_", "-") for n in globals() if n.startswith("test_")}
    assert names <= tested, names - tested


def test_coissuers(store):
    rows = answer(store, "coissuers")
    plan = {r["issuer"] for r in rows if r["programme"] == "“十四五”智能制造发展规划"}
    assert len(plan) == 8 and "科学技术部" in plan


def test_targets_by_year(store):
    rows = answer(store, "targets-by-year")
    assert any(r["value"] == "70" and r["unit"] == "%" and r["year"] == "2025"
               and r["setter"] == "“十四五”智能制造发展规划" for r in rows)
    assert all(int(r["year"][:4]) <= 2025 for r in rows)


def test_province_cities(store):
    places = {r["place"] for r in answer(store, "province-cities")}
    assert {"南京市", "无锡市", "苏州市", "常州市", "镇江市"} <= places


def test_province_programmes(store):
    progs = {r["programme"] for r in answer(store, "province-programmes")}
    assert "江苏省制造业智能化改造和数字化转型三年行动计划（2022—2024年）" in progs
    assert "常州市“十四五”科技创新发展规划" in progs


def test_people_posts(store):
    rows = {(r["person"], r["title"], r["organisation"]) for r in answer(store, "people-posts")}
    assert ("王志刚", "部长", "科学技术部") in rows and ("胡广杰", "副省长", "江苏省人民政府") in rows


def test_programme_network(store):
    rows = answer(store, "programme-network")
    assert rows[0]["organisation"] == "工业和信息化部" and int(rows[0]["programmes"]) >= 3


def test_evidence(store):
    rows = answer(store, "evidence")
    assert any(r["subject"] == "2021世界智能制造大会" and r["relation"] == "organizedBy"
               and r["object"] == "工业和信息化部" and "在南京开幕" in r["sentence"] for r in rows)
    assert any(r["relation"] == "issuedBy" and "八部门联合印发" in r["sentence"] for r in rows)
    assert all("工业和信息化部" in (r["subject"], r["object"]) for r in rows)


def test_target_evidence(store):
    rows = answer(store, "target-evidence")
    assert any(r["value"] == "22.5" and "5G基站" in r["sentence"].replace(" ", "") for r in rows)


def test_targets_across_documents(store):
    rows = answer(store, "targets-across-documents")
    assert rows and all(r["indicator"] for r in rows)


def test_agencies_by_class(store):
    counts = {r["class"]: int(r["count"]) for r in answer(store, "agencies-by-class")}
    # subClassOf* finds every subclass of kgo:Organization through the ontology
    assert set(counts) == {"Government agency", "Company", "Research organization",
                           "Media outlet", "Organization"}
    assert counts["Government agency"] >= 25


def test_article_sources(store):
    rows = answer(store, "article-sources")
    assert len(rows) == 16 and rows[0]["source"] == "人民日报" and rows[3]["source"] == "科学技术部"


def test_events(store):
    rows = {(r["event"], r["place"]) for r in answer(store, "events")}
    assert ("2021世界智能制造大会", "南京市") in rows


def test_programme_parts(store):
    rows = {(r["plan"], r["part"]) for r in answer(store, "programme-parts")}
    assert ("“十四五”机器人产业发展规划", "机器人核心技术攻关行动") in rows


def test_aliases(store):
    rows = {r["agency"]: r["aliases"] for r in answer(store, "aliases")}
    assert "工信部" in rows["工业和信息化部"]


def test_table_output_aligns_chinese(store):
    text = format_answer(run_query(store, library_query("events").text), "table")
    assert text.splitlines()[-1].startswith("(") and "南京市" in text


# two of the State Council's work reports, as the corpus holds them (excerpts): the 2024 goal
# for GDP growth and the 2025 report's review of 2024
REPORTS = [
    {"title": "2024年政府工作报告", "year": "2024",
     "content": "二、2024年经济社会发展总体要求和政策取向\n\n今年发展主要预期目标是：国内生产总值增长5%左右；"
                "城镇新增就业1200万人以上，城镇调查失业率5.5%左右。\n"},
    {"title": "2025年政府工作报告", "year": "2025",
     "content": "一、2024年工作回顾\n\n主要表现在，经济规模稳步扩大，国内生产总值达到134.9万亿元、增长5%，"
                "增速居世界主要经济体前列。就业、物价总体平稳，城镇新增就业1256万人、城镇调查失业率平均为5.1%。\n\n"
                "二、2025年经济社会发展总体要求和政策取向\n\n今年发展主要预期目标是：国内生产总值增长5%左右。\n"},
]


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    import json

    from kg.build import build
    folder = tmp_path_factory.mktemp("reports")
    (folder / "reports.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in REPORTS) + "\n", encoding="utf-8")
    build([folder / "reports.jsonl"], folder / "out", html=False)
    return load_store(folder / "out" / "graph.ttl")


def test_target_outcomes(reports):
    rows = answer(reports, "target-outcomes")
    assert [(r["year"], r["owner"], r["target"], r["comparator"], r["outcome"], float(r["gap"]))
            for r in rows] == [("2024", "中国", "5", "~", "5", 0.0)]
    assert "预期目标" in rows[0]["targetSentence"] and "134.9万亿元" in rows[0]["outcomeSentence"]


def test_statistics(reports):
    rows = answer(reports, "statistics")
    assert [(r["owner"], r["year"], r["value"], r["unit"]) for r in rows] == [("中国", "2024", "5", "%")]
    # outcomes link other measures too: new urban jobs, 1256万 against the goal of 1200万 or more
    jobs = run_query(reports, """SELECT ?target ?outcome WHERE {
        ?s kgo:outcomeOf ?t ; kgo:value ?outcome . ?t kgo:measure "城镇新增就业" ; kgo:value ?target }""")
    assert jobs.rows == [["1200", "1256"]]
