"""Where extraction runs: in this process, in worker processes, or on a Dask cluster.

Owns: handing documents to :func:`kg.pipeline.extract_document` and collecting the results in
input order, whatever finishes first, so every engine gives the same graph. Resources (jieba's
dictionary, the gazetteers) are loaded once in the parent before workers fork.
"""
from __future__ import annotations

import contextlib
import gc
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence

from kg.errors import ConfigError
from kg.types import Document

Outcome = tuple[int, object]  # (index, DocumentResult or an error message)


def warm_up() -> None:
    """Load everything extraction needs once (forked workers inherit it)."""
    from kg.extractors import DEFAULT_EXTRACTORS, load_builtins, make_extractor
    from kg.extractors.base import Gazetteer
    from kg.segment import tokenizer
    load_builtins()
    tokenizer()
    for name in DEFAULT_EXTRACTORS:
        make_extractor(name)
    Gazetteer.compile_shared()


class DocumentTimeout(Exception):
    """A document's extraction ran past its time budget."""


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in this thread after ``seconds`` (a real-time interval
    timer; where signals cannot be used, as off the main thread, no budget applies)."""
    if not seconds or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum, _frame):
        raise DocumentTimeout
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _extract(doc: Document, max_seconds: float | None = None) -> object:
    """A document's result with its triples made (in a worker: in parallel, and cheap to send
    back as N-Triples), or an error message."""
    from kg.graph import ensure_triples
    from kg.pipeline import extract_document
    from kg.viz.model import page_part
    try:
        with time_budget(max_seconds):
            result = extract_document(doc)
            ensure_triples(result)
            result.page = page_part(result)
            return slim(result)
    except DocumentTimeout:
        return f"{doc.path}: extraction took longer than {max_seconds:g} s (--max-doc-seconds)"
    except Exception as e:  # noqa: BLE001 - reported per document by the builder
        return f"{doc.path}: extraction failed ({type(e).__name__}: {e})"


def slim(result):
    """A result without its sentences and mentions once its triples and page part are made:
    a build needs no more of them, and a corpus's results then fit in memory."""
    result.sentences = []
    result.mentions = []
    result._starts = None
    return result


def _die_with_parent(parent: int) -> None:
    """In a worker: end when the build that started it ends, however it ends (SIGKILL
    included): the kernel signals it (Linux), and a watchdog notices it was orphaned."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)
    threading.Thread(target=watch, daemon=True, name="kg-orphan-watch").start()


def run_local(docs: Sequence[Document], workers: int,
              max_seconds: float | None = None) -> Iterator[Outcome]:
    """Extract in this process, or in worker processes (forked after warm-up)."""
    warm_up()
    # keep the collector away from the loaded dictionaries (millions of objects that live as
    # long as the process) while extracting: it would scan them again and again, and every
    # forked worker would copy the pages it scans (copy-on-write), which ate most of the
    # parallel gain. The caller gets them back when extraction is over.
    freezing = gc.get_freeze_count() == 0
    if freezing:
        gc.freeze()
    try:
        if workers <= 1 or len(docs) <= 1:
            for i, doc in enumerate(docs):
                yield i, _extract(doc, max_seconds)
            return
        yield from _run_forked(docs, workers, max_seconds)
    finally:
        if freezing:
            gc.unfreeze()


def _run_forked(docs: Sequence[Document], workers: int,
                max_seconds: float | None = None) -> Iterator[Outcome]:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor, as_completed
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context("spawn")
    # big documents first, so no worker is left with one long tail
    order = sorted(range(len(docs)), key=lambda i: -len(docs[i].text))
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        futures = {pool.submit(_extract, docs[i], max_seconds): i for i in order}
        for f in as_completed(futures):
            yield futures[f], f.result()


def run_dask(docs: Sequence[Document], scheduler: str) -> Iterator[Outcome]:
    """Extract on a Dask distributed cluster reached at ``scheduler``."""
    try:
        from distributed import Client, as_completed
    except ImportError as e:
        raise ConfigError("the dask engine needs the extra: pip install 'policykg[dask]'") from e
    try:
        client = Client(scheduler, timeout="30s")
    except (OSError, TimeoutError) as e:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from e
    try:
        futures = client.map(_extract, list(docs), pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        for f in as_completed(futures):
            yield index[f.key], f.result()
    finally:
        client.close()


def extract_many(docs: Sequence[Document], *, workers: int | None = None, engine: str = "local",
                 scheduler: str | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 max_seconds: float | None = None) -> list[object]:
    """Results (or error messages) for ``docs``, in their order; a document whose extraction
    takes longer than ``max_seconds`` is an error message."""
    if engine == "local":
        stream = run_local(docs, workers or os.cpu_count() or 1, max_seconds)
    elif engine == "dask":
        if not scheduler:
            raise ConfigError("--engine dask needs --scheduler ADDRESS (tcp://host:port)")
        stream = run_dask(docs, scheduler)
    else:
        raise ConfigError(f"Unknown engine {engine!r}. Available: local, dask")
    out: list[object] = [None] * len(docs)
    for done, (i, result) in enumerate(stream, start=1):
        out[i] = result
        if progress:
            progress(done, i)
    return out
