"""Bad input, crashes and determinism: one broken file never loses the rest of the work."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from rdflib import RDFS

from kg.store import load_rdflib

from conftest import NEWSLETTER

GOOD = "“十四五”推动机器人产业迈向中高端\n工业和信息化部、国家发展和改革委员会等十五部门联合印发《“十四五”机器人产业发展规划》。\n"


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True)


def messy_folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "gbk.txt").write_bytes(GOOD.replace("十五部门", "多部门").replace("工业和信息化部", "财政部")
                                .encode("gbk"))
    (d / "utf16.txt").write_bytes("标题\n教育部印发《职业教育方案》。\n".encode("utf-16"))
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "标题\n科技部印发《基础研究规划》。\n".encode("utf-8"))
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (d / "truncated.txt").write_bytes("标题\n商务部印发《外贸方案》".encode("utf-8")[:-2])
    (d / "fake.pdf").write_bytes(b"this is not a pdf at all")
    (d / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF")
    (d / "fake.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return d


def test_messy_folder_builds_and_names_every_bad_file(tmp_path):
    d = messy_folder(tmp_path)
    r = kg("build", str(d), "-o", str(tmp_path / "out"))
    assert r.returncode == 6, r.stderr
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    for name in ("empty.txt", "binary.txt", "fake.pdf", "broken.pdf", "fake.docx"):
        assert any(name in line for line in r.stderr.splitlines()), name
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    skipped = {os.path.basename(s["file"]) for s in report["skipped"]}
    assert skipped == {"empty.txt", "binary.txt", "fake.pdf", "broken.pdf", "fake.docx"}
    assert all(s["reason"] for s in report["skipped"])
    g = load_rdflib(tmp_path / "out" / "graph.ttl")
    names = {str(o) for o in g.objects(None, RDFS.label)}
    assert {"工业和信息化部", "财政部", "教育部", "科学技术部", "商务部"} <= names


def test_strict_stops_at_the_first_bad_file(tmp_path):
    d = messy_folder(tmp_path)
    r = kg("build", str(d), "-o", str(tmp_path / "out"), "--strict")
    assert r.returncode == 6 and r.stderr.count("skipped") == 1


def test_missing_input_is_one_line(tmp_path):
    r = kg("build", str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert r.returncode == 2 and "nope" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_builds_are_byte_identical(tmp_path):
    for out in ("a", "b"):
        assert kg("build", str(NEWSLETTER), "-o", str(tmp_path / out), "--format", "ttl,nq").returncode == 0
    for name in ("graph.ttl", "graph.nq", "graph.html"):
        assert _digest(tmp_path / "a" / name) == _digest(tmp_path / "b" / name), name


def test_killed_build_leaves_the_previous_graph_whole(tmp_path):
    out = tmp_path / "out"
    assert kg("build", str(NEWSLETTER), "-o", str(out)).returncode == 0
    before = {n: _digest(out / n) for n in ("graph.ttl", "graph.html")}
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = NEWSLETTER.read_text(encoding="utf-8")
    for i in range(12):
        (corpus / f"issue{i}.txt").write_text(text.replace("第 43 期", f"第 {i} 期"), encoding="utf-8")
    for delay in (0.5, 2.0, 4.0):
        p = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.wait()
        after = {n: _digest(out / n) for n in ("graph.ttl", "graph.html")}
        # either the old graph, whole, or (if the build got that far) a new one that parses
        for name, digest in after.items():
            if digest != before[name] and name == "graph.ttl":
                load_rdflib(out / name)
    load_rdflib(out / "graph.ttl")


def test_an_input_without_documents_keeps_the_previous_graph(tmp_path):
    out = tmp_path / "out"
    assert kg("build", str(NEWSLETTER), "-o", str(out), "--no-html").returncode == 0
    before = _digest(out / "graph.ttl")
    (tmp_path / "empty").mkdir()
    r = kg("build", str(tmp_path / "empty"), "-o", str(out))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    assert "no document" in r.stderr and _digest(out / "graph.ttl") == before
    # a folder of nothing but broken files: each named, then the same error
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "empty.txt").write_bytes(b"")
    r = kg("build", str(tmp_path / "broken"), "-o", str(out))
    assert r.returncode == 2 and "empty.txt" in r.stderr and _digest(out / "graph.ttl") == before


@pytest.mark.parametrize("args, says", [
    (["build", str(NEWSLETTER), "--workers", "0"], "--workers"),
    (["build", str(NEWSLETTER), "--max-doc-seconds", "0"], "--max-doc-seconds"),
    (["serve", "g.ttl", "--port", "99999"], "--port"),
    (["serve", "g.ttl", "--timeout", "0"], "--timeout"),
    (["serve", "g.ttl", "--workers", "0"], "--workers"),
    (["viz", "g.ttl", "--hops", "-1"], "--hops"),
    (["push", "g.ttl", "--endpoint", "http://x", "--batch", "0"], "--batch"),
])
def test_nonsense_values_are_one_line_errors(args, says):
    r = kg(*args)
    assert r.returncode == 5 and says in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_an_output_folder_that_is_a_file_is_one_line(tmp_path):
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    r = kg("build", str(NEWSLETTER), "-o", str(tmp_path / "taken"))
    assert r.returncode == 5 and "is a file" in r.stderr and "Traceback" not in r.stderr


def test_a_bad_graph_for_the_endpoint_is_one_line(tmp_path):
    (tmp_path / "bad.ttl").write_text("@@@ not turtle", encoding="utf-8")
    r = kg("serve", str(tmp_path / "bad.ttl"), "--port", "0")
    assert r.returncode == 2 and "bad.ttl" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_a_docx_bomb_is_refused_before_it_inflates(tmp_path):
    import zipfile
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 30_000
            for _ in range(300):  # about 300 MB inflated, under 1 MB on disk
                f.write(chunk)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    # the build runs under a fresh parent of its own, whose children's peak is the build's alone
    # (this test process has waited for bigger children before)
    watch = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")
    t0 = time.monotonic()
    r = subprocess.run([sys.executable, "-c", watch, sys.executable, "-m", "kg.cli", "build",
                        str(bomb), str(tmp_path / "good.txt"), "-o", str(tmp_path / "out"),
                        "--no-html"], capture_output=True, text=True)
    assert r.returncode == 6 and "bomb" in r.stderr and time.monotonic() - t0 < 30
    assert int(r.stdout.split()[-1]) < 500 * 1024  # KB
    names = {str(o) for o in load_rdflib(tmp_path / "out" / "graph.ttl").objects(None, RDFS.label)}
    assert "工业和信息化部" in names


def test_a_document_over_its_time_budget_is_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    r = kg("build", str(NEWSLETTER), str(tmp_path / "good.txt"), "-o", str(tmp_path / "out"),
           "--no-html", "--no-cache", "--workers", "1", "--max-doc-seconds", "0.01")
    assert r.returncode == 6 and "--max-doc-seconds" in r.stderr


def test_workers_die_with_a_killed_build(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = NEWSLETTER.read_text(encoding="utf-8")
    for i in range(8):
        (corpus / f"issue{i}.txt").write_text(text.replace("第 43 期", f"第 {i} 期"), encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o",
                          str(tmp_path / "out"), "--workers", "2", "--no-html"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: set[int] = set()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not children:
        time.sleep(0.2)
        children = _children(p.pid)
    assert children, "the build started no workers"
    p.send_signal(signal.SIGKILL)
    p.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(c) for c in children):
        time.sleep(0.2)
    assert not any(_alive(c) for c in children)


def _children(pid: int) -> set[int]:
    out = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.add(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_file_of_one_unbroken_line_is_read_in_sentences_of_bounded_length():
    """A file with no line break at all (its only line is taken for the title): rules that pair
    the names of a sentence would be quadratic in it, so it is cut like any long sentence."""
    from kg.pipeline import passages
    from kg.segment import MAX_SENTENCE
    from kg.types import Document
    line = ("到2025年规模以上制造业企业基本实现数字化网络化江苏省工业和信息化厅副厅长池宇表示"
            "苏州市将由同济大学牵头加快推进") * 400
    (p,) = passages(Document("d", "d.txt", line))
    assert len(p.sentences) >= len(line) // MAX_SENTENCE
    assert max(len(sv.sentence.text) for sv in p.sentences) <= MAX_SENTENCE
    # nothing is lost: the sentences cover the line
    assert sum(len(sv.sentence.text) for sv in p.sentences) == len(line)
