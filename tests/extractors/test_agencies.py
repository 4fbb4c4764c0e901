"""Local bodies resolved against their place, and units of agencies."""
from __future__ import annotations

import pytest

from helpers import run

JIANGSU = {"province": "place:320000", "city": "place:320500"}


@pytest.mark.parametrize("text, expected", [
    ("省工信厅中小企业局相关负责人表示", ["江苏省工业和信息化厅中小企业局"]),
    ("（来源：江苏省科技厅）", ["江苏省科学技术厅"]),
    ("（来源：镇江市政府）", ["镇江市人民政府"]),
    ("苏州市委常委、副市长顾海东出席开幕式", ["中共苏州市委员会"]),
    ("省委常委、常务副省长费高云视频致辞", ["中共江苏省委员会"]),
    ("该公司负责人表示", []),
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
