"""Hostile and oversized inputs: time and peak memory of `kg build` at three sizes each, and the
growth per doubling (linear time grows about 2x; the goal is at most 2.3x).

usage: python bench/hostile.py [--full] [--only NAME]

--full adds the sizes of issue 15's bars: the 2 MB line, 10 MB and 50 MB of text in one file,
10,000 nested <div>, and a DOCX whose document.xml inflates to 2 GB. Each build is a separate
process (`kg build FILE -o TMP --no-html --no-cache`), measured with os.wait4.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

KG = [sys.executable, "-m", "kg.cli"]
PARAGRAPH = ("近日，工业和信息化部、国家发展和改革委员会等八部门联合印发《“十四五”智能制造发展规划》，"
             "提出到2025年，70%的规模以上制造业企业基本实现数字化网络化，建成500个以上引领行业发展的"
             "智能制造示范工厂。江苏省工业和信息化厅副厅长池宇表示，苏州市将由同济大学牵头加快推进。")
NO_PUNCTUATION = "".join(ch for ch in PARAGRAPH if ch not in "，。、《》“”：；")


def repeat_to(text: str, n: int) -> str:
    return (text * (n // len(text) + 1))[:n]


def one_line(n: int) -> str:
    return "标题\n" + repeat_to(NO_PUNCTUATION, n) + "\n"


def repeated_paragraph(k: int) -> str:
    return "标题\n" + PARAGRAPH * k + "\n"


def jiangsu(n: int) -> str:
    return "标题\n" + repeat_to("江苏、", n) + "\n"


def listed_projects(n: int) -> str:
    """One list of named projects and firms, each ended by 等…项目 / 等…企业 (read back from its
    end: linear, not a regex restarting at every item)."""
    return "标题\n推进" + repeat_to("梅溪湖科技城、", n) + "岳麓智造城等项目，引导" + \
        repeat_to("恒岳精工、", n) + "瑞丰汽配等企业。\n"


def committees(n: int) -> str:
    return "标题\n" + repeat_to("委员会", n) + "\n"


def plain_text(n: int) -> str:
    lines = []
    size = 0
    while size < n:
        lines.append(PARAGRAPH)
        size += len(PARAGRAPH) + 1
    return "标题\n" + "\n".join(lines) + "\n"


def nested_divs(depth: int) -> str:
    return ("<html><head><title>标题</title></head><body>" + "<div>" * depth + PARAGRAPH
            + "</div>" * depth + "</body></html>")


SCALING = {  # name -> (generator, sizes, suffix)
    "one-line": (one_line, (20_000, 40_000, 80_000), ".txt"),
    "repeated-paragraph": (repeated_paragraph, (1_000, 2_000, 4_000), ".txt"),
    "jiangsu-list": (jiangsu, (12_500, 25_000, 50_000), ".txt"),
    "committees": (committees, (7_500, 15_000, 30_000), ".txt"),
    "listed-names": (listed_projects, (12_500, 25_000, 50_000), ".txt"),
    "plain-text": (plain_text, (1_000_000, 2_000_000, 4_000_000), ".txt"),
    "nested-divs": (nested_divs, (2_500, 5_000, 10_000), ".html"),
}
FULL = {
    "one-line 2 MB": (one_line, 2_000_000, ".txt"),
    "plain-text 10 MB": (plain_text, 10_000_000 // 3, ".txt"),
    "plain-text 50 MB": (plain_text, 50_000_000 // 3, ".txt"),
}


def docx_bomb(path: Path, inflated: int = 2 * 1024 ** 3) -> None:
    """A DOCX whose word/document.xml inflates to ``inflated`` bytes (about 2 MB zipped)."""
    para = b"<w:p><w:r><w:t>" + "江苏".encode() + b"</w:t></w:r></w:p>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                    b'wordprocessingml/2006/main"><w:body>')
            chunk = para * (1024 * 1024 // len(para))
            written = 0
            while written < inflated:
                f.write(chunk)
                written += len(chunk)
            f.write(b"</w:body></w:document>")


def measure(path: Path, timeout: float = 1800) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of one build of ``path``."""
    out = Path(tempfile.mkdtemp(prefix="hostile-out-"))
    start = time.perf_counter()
    proc = subprocess.Popen([*KG, "build", str(path), "-o", str(out), "--no-html", "--no-cache",
                             "--workers", "1"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    shutil.rmtree(out, ignore_errors=True)
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also the full-size bars")
    parser.add_argument("--only", help="one input kind")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hostile-"))
    print(f"{'input':22} {'size':>10} {'seconds':>8} {'MB':>7} {'exit':>4} {'x per doubling':>15}")
    for name, (make, sizes, suffix) in SCALING.items():
        if args.only and args.only != name:
            continue
        previous = None
        for size in sizes:
            path = work / f"{name}-{size}{suffix}"
            path.write_text(make(size), encoding="utf-8")
            seconds, mb, code = measure(path)
            growth = f"{seconds / previous:.2f}" if previous else ""
            previous = seconds
            print(f"{name:22} {size:>10,} {seconds:8.2f} {mb:7.0f} {code:>4} {growth:>15}", flush=True)
            path.unlink()
    if args.full:
        for name, (make, size, suffix) in FULL.items():
            path = work / f"full{suffix}"
            path.write_text(make(size), encoding="utf-8")
            seconds, mb, code = measure(path)
            print(f"{name:22} {path.stat().st_size:>10,} {seconds:8.2f} {mb:7.0f} {code:>4}", flush=True)
            path.unlink()
        bomb = work / "bomb.docx"
        docx_bomb(bomb)
        seconds, mb, code = measure(bomb)
        print(f"{'docx bomb (2 GB)':22} {bomb.stat().st_size:>10,} {seconds:8.2f} {mb:7.0f} {code:>4}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
