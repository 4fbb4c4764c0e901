"""The chart of one measure's targets and outcomes: what it reads and how it fails."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.chart import owners, render_chart, series
from kg.errors import ConfigError
from kg.store import load_store

from conftest import external_scripts


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    from kg.build import build
    folder = tmp_path_factory.mktemp("chart")
    (folder / "r.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"title": "2019年政府工作报告", "year": "2019",
         "content": "今年经济社会发展的主要预期目标是：国内生产总值增长6%－6.5%。"},
        {"title": "2020年政府工作报告", "year": "2020",
         "content": "一、2019年工作回顾\n\n国内生产总值增长6.1%，城镇新增就业1352万人。"},
    ]) + "\n", encoding="utf-8")
    build([folder / "r.jsonl"], folder / "out", html=False)
    return folder / "out" / "graph.ttl"


def test_series_reads_targets_ranges_and_outcomes(graph):
    points = series(load_store(graph), "国内生产总值增长")
    assert [(p.kind, p.owner, p.year, p.value, p.value_max) for p in points] == [
        ("statistic", "中国", 2019, 6.1, None), ("target", "中国", 2019, 6.0, 6.5)]
    assert owners(points) == ["中国"]
    page = render_chart(points, "国内生产总值增长")
    assert json.dumps("国内生产总值增长")[1:-1] in page and not external_scripts(page)



def test_what_cannot_be_drawn_is_said_in_one_line(graph, tmp_path):
    with pytest.raises(ConfigError, match="No target or statistic"):
        render_chart(series(load_store(graph), "不存在的指标"), "不存在的指标")
    with pytest.raises(ConfigError, match="Available: 中国"):
        render_chart(series(load_store(graph), "国内生产总值增长"), "国内生产总值增长", "江苏省")
    out = subprocess.run([sys.executable, "-m", "kg.cli", "chart", str(graph), "--measure", "无此指标",
                          "-o", str(tmp_path / "c.html")], capture_output=True, text=True)
    assert out.returncode == 5 and out.stderr.startswith("kg: error: No target") \
        and "Traceback" not in out.stderr
