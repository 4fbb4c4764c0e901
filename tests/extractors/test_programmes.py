"""Programmes: 《》 titles, names by their endings, quoted instances."""
from __future__ import annotations

import pytest

from helpers import run


@pytest.mark.parametrize("text, expected", [
    ("八部门联合印发《“十四五”智能制造发展规划》（以下简称《规划》）",
     ["“十四五”智能制造发展规划", "规划"]),
    ("一是开展智能制造技术攻关行动，重点突破基础技术", ["智能制造技术攻关行动"]),
    ("二是推进中小企业数字化转型，实施中小企业数字化促进工程，加快发展", ["中小企业数字化促进工程"]),
    ("以及“机器人核心技术攻关行动”“‘机器人+’应用行动”等四大行动",
     ["机器人核心技术攻关行动", "‘机器人+’应用行动"]),
    ("制定科技支撑“双碳”行动方案", ["科技支撑“双碳”行动方案"]),
    ("帮助企业提供解决方案，实施系统工程", []),
    ("部署了六个专项行动", []),
    ("常州市六大工程增强创新第一动力", ["六大工程"]),
    ("江苏省制造业智能化改造和数字化转型 三年行动计划（2022—2024年）",
     ["江苏省制造业智能化改造和数字化转型三年行动计划（2022—2024年）"]),
])
def test_programmes(text, expected):
    assert [m.canonical for m in run("pattern.programme", text)] == expected


def test_quoted_instance_after_a_programme():
    names = [m.canonical for m in run(
        "pattern.programme", "上海市市级科技重大专项“人工智能前沿基础理论与关键技术—自主智能无人系统”启动")]
    assert names == ["上海市市级科技重大专项", "人工智能前沿基础理论与关键技术—自主智能无人系统"]
