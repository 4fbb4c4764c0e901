"""Parallel and cluster builds give the same graph as a local one; the cache rebuilds only
what changed."""
from __future__ import annotations

import hashlib
import shutil

import pytest

from kg.build import build

from conftest import NEWSLETTER, REPLY


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    shutil.copy(NEWSLETTER, d / "newsletter.txt")
    shutil.copy(REPLY, d / "reply.txt")
    (d / "short.txt").write_text("标题\n科技部、财政部联合印发《测试规划》。\n", encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def local(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    build([corpus], out, html=False, formats=("ttl", "nq"), workers=1, cache=False)
    return out


def test_two_workers_give_the_same_bytes(corpus, local, tmp_path):
    build([corpus], tmp_path, html=False, formats=("ttl", "nq"), workers=2, cache=False)
    for name in ("graph.ttl", "graph.nq"):
        assert digest(tmp_path / name) == digest(local / name)


def test_dask_local_cluster_gives_the_same_bytes(corpus, local, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        build([corpus], tmp_path, html=False, formats=("ttl", "nq"), engine="dask",
              scheduler=cluster.scheduler_address, cache=False)
    for name in ("graph.ttl", "graph.nq"):
        assert digest(tmp_path / name) == digest(local / name)


def test_unreachable_scheduler_is_one_clear_error(corpus, tmp_path):
    pytest.importorskip("distributed")
    from kg.errors import ConfigError
    with pytest.raises(ConfigError, match="127.0.0.1:9"):
        build([corpus], tmp_path, engine="dask", scheduler="tcp://127.0.0.1:9", cache=False)


def test_incremental_rebuilds(corpus, tmp_path):
    d = tmp_path / "in"
    shutil.copytree(corpus, d)
    out = tmp_path / "out"
    first = build([d], out, html=False)
    assert first.cached == 0 and not first.unchanged
    again = build([d], out, html=False)
    assert again.unchanged and again.cached == 3
    (d / "short.txt").write_text("标题\n商务部印发《外贸方案》。\n", encoding="utf-8")
    changed = build([d], out, html=False)
    assert changed.cached == 2 and not changed.unchanged
    text = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "外贸方案" in text and "测试规划" not in text
    (d / "reply.txt").unlink()
    removed = build([d], out, html=False)
    assert removed.cached == 2
    assert "孙春兰" not in (out / "graph.ttl").read_text(encoding="utf-8")
    assert len(list((out / ".kgcache").glob("*/*.pickle"))) == 2


def test_a_library_build_leaves_nothing_frozen(tmp_path):
    """Extraction freezes the loaded resources against the collector; a library caller (this
    test process) gets them back when it is over, with one worker or several."""
    import gc

    from kg.build import build
    src = tmp_path / "in"
    src.mkdir()
    for i in range(2):
        (src / f"d{i}.txt").write_text("通知\n\n工信部印发《“十四五”智能制造发展规划》。\n", encoding="utf-8")
    for workers in (1, 2):
        build([src], tmp_path / f"out{workers}", html=False, workers=workers, cache=False)
        assert gc.get_freeze_count() == 0
