"""Bad input, crashes and determinism: one broken file never loses the rest of the work."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time

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
