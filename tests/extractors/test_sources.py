"""The source line of an article."""
from __future__ import annotations

from helpers import chosen, run


def test_source_line():
    assert [m.canonical for m in run("pattern.source", "（来源：中国机器人网）")] == ["中国机器人网"]


def test_an_agency_named_as_source_keeps_its_class():
    assert chosen("（来源：科技部）") == [("GovernmentAgency", "科技部", "科学技术部")]
