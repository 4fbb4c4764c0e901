"""The read-only SPARQL endpoint: SPARQL 1.1 Protocol at ``/sparql`` and a query page at ``/``.

Owns: HTTP (GET and POST, urlencoded and ``application/sparql-query``), content negotiation
(SPARQL JSON, XML, CSV, TSV results; Turtle, N-Triples, JSON-LD graphs), CORS, the service
description, and the limits: request body, query length, result rows and time. Queries run in
worker processes that hold the store; a query past the timeout is stopped by ending its worker,
which is replaced, so the server keeps serving. Updates, LOAD and federated SERVICE calls are
refused. Errors are one JSON shape, never a stack trace.
"""
from __future__ import annotations

import json
import logging
import multiprocessing as mp
import queue
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlparse
from xml.sax.saxutils import escape

import pyoxigraph as ox

log = logging.getLogger(__name__)

MAX_BODY = 1_000_000  # bytes
MAX_QUERY = 100_000  # characters
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX|BASE)\s[^\n]*\s*)*(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|COPY|MOVE|ADD|WITH)\b",
                     re.IGNORECASE)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
RESULT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD, "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_SHORT = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
          "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
          "ttl": "text/turtle", "nt": "application/n-triples", "jsonld": "application/ld+json"}


@dataclass(frozen=True, slots=True)
class Reply:
    """An HTTP answer: status, content type, body."""

    status: int
    content_type: str
    body: bytes


def error_reply(status: int, message: str) -> Reply:
    """An error in the one JSON shape of the endpoint."""
    body = json.dumps({"error": message, "status": status}, ensure_ascii=False).encode("utf-8")
    return Reply(status, "application/json; charset=utf-8", body)


# ---------------------------------------------------------------- serialisation (in workers)

def _term_json(t: object) -> dict[str, str]:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    assert isinstance(t, ox.Literal)
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype and t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = t.datatype.value
    return out


def _term_xml(t: object) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    attrs = ""
    if t.language:
        attrs = f' xml:lang="{escape(t.language)}"'
    elif t.datatype and t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        attrs = f' datatype="{escape(t.datatype.value)}"'
    return f"<literal{attrs}>{escape(t.value)}</literal>"


def _cell(t: object, sep: str) -> str:
    if t is None:
        return ""
    if sep == "\t":  # TSV keeps RDF term syntax
        return str(t)
    v = t.value
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n\r') else v


def serialize_solutions(variables: list[str], rows: list[list[object]], fmt: str) -> bytes:
    """SELECT results in the SPARQL 1.1 results formats."""
    if fmt == "json":
        bindings = [{v: _term_json(t) for v, t in zip(variables, row) if t is not None}
                    for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        head = "".join(f'<variable name="{escape(v)}"/>' for v in variables)
        body = "".join("<result>" + "".join(
            f'<binding name="{escape(v)}">{_term_xml(t)}</binding>'
            for v, t in zip(variables, row) if t is not None) + "</result>" for row in rows)
        return ('<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head>{head}</head><results>{body}</results></sparql>").encode("utf-8")
    sep = "\t" if fmt == "tsv" else ","
    header = sep.join(("?" + v) if fmt == "tsv" else v for v in variables)
    lines = [header] + [sep.join(_cell(t, sep) for t in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def serialize_boolean(value: bool, fmt: str) -> bytes:
    """An ASK answer in the requested results format."""
    if fmt == "xml":
        return ('<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{str(value).lower()}</boolean></sparql>").encode("utf-8")
    if fmt in ("csv", "tsv"):
        return f"_askResult\r\n{str(value).lower()}\r\n".encode("utf-8")
    return json.dumps({"head": {}, "boolean": value}).encode("utf-8")


def negotiate(accept: str, kinds: dict) -> str | None:
    """The first media type of ``accept`` (by q, then order) that ``kinds`` offers."""
    ranked = []
    for i, part in enumerate(accept.split(",")):
        media, _, params = part.strip().partition(";")
        q = 1.0
        m = re.search(r"q=([0-9.]+)", params)
        if m:
            q = float(m.group(1))
        ranked.append((-q, i, media.strip().lower()))
    for _q, _i, media in sorted(ranked):
        if media in kinds:
            return media
        if media in ("*/*", "application/*", "text/*", ""):
            return next(iter(kinds))
    return None


def answer(store: ox.Store, query: str, accept: str, max_rows: int) -> Reply:
    """Run one query on a store and serialise its answer for ``accept`` (in a worker)."""
    try:
        result = store.query(query, use_default_graph_as_union=True)
    except SyntaxError as e:
        return error_reply(400, f"SPARQL syntax error: {e}")
    except OSError as e:
        return error_reply(400, f"SPARQL evaluation failed: {e}")
    if isinstance(result, ox.QueryTriples):
        media = negotiate(accept, GRAPH_TYPES) or "text/turtle"
        triples = []
        for t in result:
            if len(triples) >= max_rows:
                break
            triples.append(t)
        body = ox.serialize(triples, format=GRAPH_TYPES[media]) or b""
        return Reply(200, f"{media}; charset=utf-8", body)
    media = negotiate(accept, RESULT_TYPES) or "application/sparql-results+json"
    fmt = RESULT_TYPES[media]
    if isinstance(result, ox.QueryBoolean):
        return Reply(200, f"{media}; charset=utf-8", serialize_boolean(bool(result), fmt))
    variables = [v.value for v in result.variables]
    rows = []
    for sol in result:
        if len(rows) >= max_rows:
            break
        rows.append([sol[v] for v in variables])
    return Reply(200, f"{media}; charset=utf-8", serialize_solutions(variables, rows, fmt))


def _worker_main(conn, graph_path: str, max_rows: int) -> None:  # pragma: no cover - subprocess
    from kg.store import load_store
    store = load_store(graph_path)
    conn.send("ready")
    while True:
        try:
            query, accept = conn.recv()
        except EOFError:
            return
        try:
            reply = answer(store, query, accept, max_rows)
        except Exception as e:  # noqa: BLE001 - the server answers, never dies
            reply = error_reply(500, f"query failed: {type(e).__name__}")
        conn.send((reply.status, reply.content_type, reply.body))


class Worker:
    """A process holding the store; ended and replaced when a query runs past its time."""

    def __init__(self, graph_path: str, max_rows: int) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, graph_path, max_rows),
                                   daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        if not self.ready and self.conn.poll(timeout):
            self.ready = self.conn.recv() == "ready"
        return self.ready

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """Worker processes taking one query each; a timed-out worker is replaced."""

    def __init__(self, graph_path: str, size: int, timeout: float, max_rows: int) -> None:
        self.graph_path, self.timeout, self.max_rows = graph_path, timeout, max_rows
        self.idle: queue.Queue[Worker] = queue.Queue()
        for _ in range(size):
            self.idle.put(Worker(graph_path, max_rows))

    def run(self, query: str, accept: str) -> Reply:
        worker = self.idle.get()
        try:
            if not worker.wait_ready(120):
                raise RuntimeError("worker did not start")
            worker.conn.send((query, accept))
            if worker.conn.poll(self.timeout):
                status, ctype, body = worker.conn.recv()
                self.idle.put(worker)
                return Reply(status, ctype, body)
        except (OSError, EOFError, RuntimeError) as e:
            log.warning("worker failed: %s", e)
        worker.stop()
        self.idle.put(Worker(self.graph_path, self.max_rows))
        return error_reply(503, f"query stopped: it ran longer than the {self.timeout:g} s timeout")

    def close(self) -> None:
        while not self.idle.empty():
            self.idle.get().stop()


def service_description(base: str) -> bytes:
    """The SPARQL 1.1 service description (Turtle) of the endpoint."""
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
<{base}/sparql> a sd:Service ;
    sd:endpoint <{base}/sparql> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON> ,
        <http://www.w3.org/ns/formats/SPARQL_Results_XML> , <http://www.w3.org/ns/formats/SPARQL_Results_CSV> ,
        <http://www.w3.org/ns/formats/SPARQL_Results_TSV> , <http://www.w3.org/ns/formats/Turtle> ,
        <http://www.w3.org/ns/formats/N-Triples> , <http://www.w3.org/ns/formats/JSON-LD> ;
    sd:feature sd:UnionDefaultGraph .
""".encode("utf-8")


def query_page() -> bytes:
    """The page at ``/``: editor, results table, the library as examples; all inline."""
    from kg.library import library
    from kg.query import with_prefixes
    page = (resources.files("kg") / "server_page.html").read_text(encoding="utf-8")
    examples = [{"name": q.name, "description": q.description, "query": q.text} for q in library()]
    data = json.dumps({"examples": examples, "prefixes": with_prefixes("")}, ensure_ascii=False)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return page.replace("/*DATA*/", data).encode("utf-8")


def make_handler(pool: WorkerPool, allow_service: bool):
    """The request handler class bound to a worker pool."""
    page = query_page()

    class Handler(BaseHTTPRequestHandler):
        server_version = "policykg"
        sys_version = ""

        def log_message(self, fmt: str, *args: object) -> None:
            log.info("%s - %s", self.address_string(), fmt % args)

        def _send(self, reply: Reply) -> None:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(reply.body)

        def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
            self._send(Reply(204, "text/plain", b""))

        def do_HEAD(self) -> None:  # noqa: N802
            self.do_GET()

        def do_GET(self) -> None:  # noqa: N802
            url = urlparse(self.path)
            if url.path in ("/", "/index.html"):
                self._send(Reply(200, "text/html; charset=utf-8", page))
                return
            if url.path != "/sparql":
                self._send(error_reply(404, f"no such path {url.path}; the endpoint is /sparql"))
                return
            params = parse_qs(url.query, keep_blank_values=True)
            if "update" in params:
                self._send(error_reply(403, "this endpoint is read-only: updates are refused"))
                return
            if "query" not in params:
                host = self.headers.get("Host", "localhost")
                self._send(Reply(200, "text/turtle; charset=utf-8",
                                 service_description(f"http://{host}")))
                return
            self._query(params["query"][0], params)

        def do_POST(self) -> None:  # noqa: N802
            url = urlparse(self.path)
            if url.path != "/sparql":
                self._send(error_reply(404, f"no such path {url.path}; the endpoint is /sparql"))
                return
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                self._send(error_reply(400, "bad Content-Length"))
                return
            if length > MAX_BODY:
                # read (a bounded part of) what the client sends, so it sees the answer rather
                # than a reset connection, then close
                remaining = min(length, 8 * MAX_BODY)
                while remaining > 0:
                    chunk = self.rfile.read(min(remaining, 65536))
                    if not chunk:
                        break
                    remaining -= len(chunk)
                self.close_connection = True
                self._send(error_reply(413, f"request body over {MAX_BODY} bytes"))
                return
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                self._send(error_reply(403, "this endpoint is read-only: updates are refused"))
                return
            if ctype == "application/sparql-query":
                self._query(body, parse_qs(url.query))
                return
            if ctype in ("application/x-www-form-urlencoded", ""):
                params = parse_qs(body, keep_blank_values=True)
                if "update" in params:
                    self._send(error_reply(403, "this endpoint is read-only: updates are refused"))
                    return
                if "query" in params:
                    self._query(params["query"][0], params)
                    return
                self._send(error_reply(400, "no 'query' parameter"))
                return
            self._send(error_reply(415, f"unsupported content type {ctype}"))

        def _query(self, query: str, params: dict) -> None:
            if len(query) > MAX_QUERY:
                self._send(error_reply(413, f"query over {MAX_QUERY} characters"))
                return
            if _UPDATE.match(query):
                self._send(error_reply(403, "this endpoint is read-only: updates are refused"))
                return
            if _SERVICE.search(query) and not allow_service:
                self._send(error_reply(403, "federated SERVICE calls are refused by this endpoint"))
                return
            accept = self.headers.get("Accept") or "*/*"
            fmt = (params.get("format") or params.get("output") or [""])[0]
            if fmt:
                accept = _SHORT.get(fmt, fmt)
            from kg.query import with_prefixes
            self._send(pool.run(with_prefixes(query), accept))

    return Handler


class Server:
    """A running endpoint (for tests and ``kg serve``)."""

    def __init__(self, graph: str | Path, host: str = "127.0.0.1", port: int = 8000,
                 timeout: float = 10.0, max_rows: int = 10_000, workers: int = 2,
                 allow_service: bool = False) -> None:
        path = Path(graph)
        if not path.exists():
            from kg.errors import InputError
            raise InputError(f"{path}: no such graph file")
        self.pool = WorkerPool(str(path), workers, timeout, max_rows)
        self.httpd = ThreadingHTTPServer((host, port), make_handler(self.pool, allow_service))
        self.httpd.daemon_threads = True
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def wait_ready(self, timeout: float = 120) -> None:
        """Block until every worker has loaded the store."""
        deadline = time.monotonic() + timeout
        workers = list(self.pool.idle.queue)
        for w in workers:
            w.wait_ready(max(0.1, deadline - time.monotonic()))

    def start(self) -> Server:
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.pool.close()
