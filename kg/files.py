"""Files on disk: atomic writes, and the project folders shipped beside the package.

Owns: writing so that a crash leaves either the old or the new file whole, and finding
``ontology/`` and ``queries/`` (inside the wheel as ``kg/ontology``, ``kg/queries``; in the
source tree beside ``kg/`` for an editable install). Imports nothing from ``kg`` but errors.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import BinaryIO

from kg.errors import ResourceError


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place."""
    with atomic_writer(path) as f:
        f.write(data)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through: a temporary file renamed into place when the
    block ends without an error (removed otherwise), so readers see the old file or the new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def project_folder(name: str) -> Path:
    """``ontology`` or ``queries``: inside the wheel, else the source tree's."""
    for candidate in (Path(str(resources.files("kg"))) / name,
                      Path(__file__).resolve().parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise ResourceError(f"The folder {name}/ is missing from the installation")
