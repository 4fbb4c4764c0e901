"""Loading a graph into a SPARQL server through the SPARQL 1.1 Graph Store HTTP Protocol.

Owns: batching the graph (N-Triples, so any batch boundary is a triple boundary), replacing or
appending the target named graph, HTTP authentication (basic or digest, as the server asks),
halving a batch the server refuses as too large, and resuming after the last batch that landed.
Tested against Virtuoso Open Source; any Graph Store endpoint works.
"""
from __future__ import annotations

import hashlib
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, KgError
from kg.files import write_atomic
from kg.store import load_store


@dataclass(frozen=True, slots=True)
class PushReport:
    """What a push sent: triples, batches and the named graph."""

    triples: int
    batches: int
    graph: str


def _opener(url: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = []
    if user:
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        mgr.add_password(None, url, user, password or "")
        handlers += [urllib.request.HTTPDigestAuthHandler(mgr), urllib.request.HTTPBasicAuthHandler(mgr)]
    return urllib.request.build_opener(*handlers)


def _target(endpoint: str, graph: str) -> str:
    # Virtuoso names the parameter graph-uri; the Graph Store Protocol names it graph
    param = "graph-uri" if "sparql-graph-crud" in endpoint else "graph"
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}{param}={urllib.parse.quote(graph, safe='')}"


DEFAULT_BATCH = 10_000  # triples a request: about 2 MB, which Virtuoso's defaults accept
MIN_BATCH = 100  # below this a refused batch is the server's problem, not its size
STATE_SUFFIX = ".push-state.json"


def _state_path(path: Path) -> Path:
    return path.with_name(path.name + STATE_SUFFIX)


def _fingerprint(path: Path, endpoint: str, graph: str) -> str:
    h = hashlib.sha256()
    h.update(path.read_bytes())
    h.update(f"\x1f{endpoint}\x1f{graph}".encode())
    return h.hexdigest()


def _too_big(e: Exception) -> bool:
    """Whether a refused request may succeed smaller: 413, a server error, a reset connection."""
    if isinstance(e, urllib.error.HTTPError):
        return e.code == 413 or e.code >= 500
    reason = getattr(e, "reason", e)
    if isinstance(reason, (ConnectionRefusedError, socket.gaierror)):
        return False  # no server there: smaller batches will not help
    return isinstance(reason, (ConnectionError, TimeoutError, OSError))


def push(path: str | Path, endpoint: str, graph: str = "https://w3id.org/policykg/graph",
         user: str | None = None, password: str | None = None, batch: int = DEFAULT_BATCH,
         replace: bool = True, resume: bool = False) -> PushReport:
    """Send the triples of a graph file to ``endpoint`` in batches of at most ``batch`` triples.

    A batch the server refuses as too large (413, a server error, a reset connection) is
    halved and sent again, down to MIN_BATCH. Progress is kept beside the graph file
    (``GRAPH.push-state.json``) until the push completes: with ``resume``, a push of the same
    file to the same graph starts after the last batch that landed."""
    path = Path(path)
    store = load_store(path, with_ontology=False)
    triples = sorted((ox.Triple(q.subject, q.predicate, q.object) for q in store), key=str)
    if not triples:
        raise InputError(f"{path}: the graph is empty")
    url = _target(endpoint, graph)
    opener = _opener(endpoint, user, password)
    state_file, fingerprint = _state_path(path), _fingerprint(path, endpoint, graph)
    landed = 0
    if resume:
        try:
            state = json.loads(state_file.read_text(encoding="utf-8"))
            if state.get("fingerprint") == fingerprint:
                landed = int(state.get("landed", 0))
        except (OSError, ValueError):
            landed = 0
    size, batches = batch, 0
    while landed < len(triples):
        body = ox.serialize(triples[landed:landed + size], format=ox.RdfFormat.N_TRIPLES)
        method = "PUT" if replace and landed == 0 else "POST"
        req = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": "application/n-triples"})
        try:
            with opener.open(req, timeout=300) as r:
                r.read()
        except (urllib.error.URLError, OSError) as e:
            if _too_big(e) and size > MIN_BATCH:
                size = max(MIN_BATCH, size // 2)  # smaller, and the same triples again
                continue
            if isinstance(e, urllib.error.HTTPError):
                detail = e.read()[:300].decode("utf-8", errors="replace")
                raise KgError(f"{endpoint}: the server refused the batch from triple {landed + 1} "
                              f"(HTTP {e.code}: {detail.strip()}); {landed} landed, "
                              "--resume goes on from there") from e
            raise KgError(f"{endpoint}: cannot reach the server ({e}); {landed} triples "
                          "landed, --resume goes on from there") from e
        landed += min(size, len(triples) - landed)
        batches += 1
        write_atomic(state_file, json.dumps({"fingerprint": fingerprint, "landed": landed,
                                             "graph": graph}).encode("utf-8"))
    state_file.unlink(missing_ok=True)
    return PushReport(len(triples), batches, graph)
