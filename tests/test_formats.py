"""Every input format, generated as real files (reportlab, python-docx), and every encoding."""
from __future__ import annotations

import json

import pytest

from kg.build import build
from kg.store import load_rdflib
from kg.ingest import read_document, read_documents

SENTENCE = "工业和信息化部、国家发展和改革委员会等十五部门联合印发《“十四五”机器人产业发展规划》。"
TITLE = "“十四五”推动机器人产业迈向中高端"


def labels(outdir) -> set[str]:
    from rdflib import RDFS
    g = load_rdflib(outdir / "graph.ttl")
    return {str(o) for o in g.objects(None, RDFS.label)}


def make_pdf(path, pages: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    for text in pages:
        c.setFont("STSong-Light", 12)
        y = 800
        for line in text.split("\n"):
            c.drawString(40, y, line)
            y -= 20
        c.showPage()
    c.save()


def test_pdf_with_a_page_break_inside_a_name(tmp_path):
    path = tmp_path / "plan.pdf"
    make_pdf(path, [f"{TITLE}\n{SENTENCE}\n讯飞研究院与美", "敦力、强生等开展合作。"])
    doc = read_document(path)
    assert "国家发展和改革委员会" in doc.text and "美敦力" in doc.text
    build([path], tmp_path / "out", html=False)
    assert {"工业和信息化部", "美敦力", "“十四五”机器人产业发展规划"} <= labels(tmp_path / "out")


def test_docx(tmp_path):
    import docx
    d = docx.Document()
    d.add_paragraph(TITLE)
    d.add_paragraph(SENTENCE)
    d.save(tmp_path / "plan.docx")
    doc = read_document(tmp_path / "plan.docx")
    assert doc.title == TITLE
    build([tmp_path / "plan.docx"], tmp_path / "out", html=False)
    assert "国家发展和改革委员会" in labels(tmp_path / "out")


def test_html_main_text_without_navigation(tmp_path):
    (tmp_path / "page.html").write_text(
        f"<html><head><title>{TITLE}</title><script>var x='国务院';</script></head><body>"
        "<nav>首页 | 新华网 | 人民日报</nav><article><h1>标题</h1>"
        f"<p>{SENTENCE}</p></article><footer>版权所有 新华社</footer></body></html>",
        encoding="utf-8")
    doc = read_document(tmp_path / "page.html")
    assert doc.title == TITLE and SENTENCE in doc.text
    assert "人民日报" not in doc.text and "国务院" not in doc.text and "新华社" not in doc.text


def test_markdown_and_jsonl_with_dates(tmp_path):
    (tmp_path / "a.md").write_text(f"# {TITLE}\n\n{SENTENCE}\n", encoding="utf-8")
    lines = [json.dumps({"title": "报告一", "content": "国务院印发《测试方案》。", "date": "2024-03-05",
                         "url": "https://example.org/1"}, ensure_ascii=False),
             "{not json",
             json.dumps({"title": "报告二", "content": "科技部发布《另一规划》。", "year": 2019},
                        ensure_ascii=False)]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = list(read_documents(tmp_path / "c.jsonl"))
    assert [d.title if not isinstance(d, Exception) else "error" for d in docs] == ["报告一", "error", "报告二"]
    assert str(docs[0].date) == "2024-03-05" and docs[0].year == 2024
    # a year alone is the document's year, not a date of 1 January
    assert docs[2].year == 2019 and docs[2].date is None
    assert "c.jsonl:2" in str(docs[1])
    report = build([tmp_path], tmp_path / "out", html=False)
    assert len(report.documents) == 3 and len(report.skipped) == 1
    assert {"国务院", "科学技术部", "测试方案"} <= labels(tmp_path / "out")


@pytest.mark.parametrize("encoding, bom", [
    ("gb18030", b""), ("gbk", b""), ("utf-16", b""), ("utf-8", b"\xef\xbb\xbf"), ("big5", b"")])
def test_encodings(tmp_path, encoding, bom):
    text = f"{TITLE}\n{SENTENCE}\n"
    if encoding == "big5":
        text = "機器人產業發展\n國務院辦公廳印發《關於推動機器人產業發展的指導意見》，工業和信息化部負責落實。\n"
    path = tmp_path / "doc.txt"
    path.write_bytes(bom + text.encode(encoding))
    doc = read_document(path)
    assert doc.text.strip() == text.strip()
    build([path], tmp_path / "out", html=False)
    assert "工业和信息化部" in labels(tmp_path / "out")


def test_pdf_without_a_text_layer_is_named_and_skipped(tmp_path):
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.rect(50, 50, 200, 200, fill=1)  # a scanned page: pixels, no text
    c.showPage()
    c.save()
    (tmp_path / "ok.txt").write_text(f"{TITLE}\n{SENTENCE}\n", encoding="utf-8")
    report = build([tmp_path], tmp_path / "out", html=False)
    assert [(f.rsplit("/", 1)[-1], "no text layer" in r) for f, r in report.skipped] == [("scan.pdf", True)]
    assert "工业和信息化部" in labels(tmp_path / "out")
