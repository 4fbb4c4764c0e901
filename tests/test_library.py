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
    assert ("王志刚", "部长", "科学技术部") in rows and ("胡广杰", "副省长", "江苏省") in rows


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
