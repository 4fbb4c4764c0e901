"""The build cache: extraction results keyed by a document's content and the extractor version.

Owns: ``OUTDIR/.kgcache/`` (one pickle per document result, written atomically, so a crash
never leaves a half-written entry) and the build manifest (the keys and options of the last
complete build, so an unchanged rebuild does nothing). The extractor version is a hash of the
package's code and data: changing an extractor or a gazetteer invalidates every entry.
"""
from __future__ import annotations

import functools
import hashlib
import pickle
from pathlib import Path

from kg.files import write_atomic
from kg.types import Document

CACHE_DIR = ".kgcache"


@functools.cache
def extractor_version() -> str:
    """A hash of every source and resource file of the installed package."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".tsv", ".dict", ".txt", ".ttl", ".rq") \
                and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def document_key(doc: Document) -> str:
    """The cache key of a document: its content, identity and the extractor version."""
    h = hashlib.sha256()
    for part in (extractor_version(), doc.id, doc.path, doc.title, str(doc.date), doc.text):
        h.update(part.encode("utf-8", errors="surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


class BuildCache:
    """Pickled :class:`~kg.pipeline.DocumentResult` records under ``folder``."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str):
        path = self._path(key)
        try:
            with open(path, "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            return None

    def put(self, key: str, result: object) -> None:
        write_atomic(self._path(key), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

    def manifest(self) -> str:
        try:
            return (self.folder / "manifest").read_text(encoding="utf-8")
        except OSError:
            return ""

    def set_manifest(self, value: str) -> None:
        write_atomic(self.folder / "manifest", value.encode("utf-8"))

    def prune(self, keep: set[str]) -> int:
        """Remove entries of documents no longer in the corpus; returns how many."""
        removed = 0
        for path in self.folder.glob("*/*.pickle"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
