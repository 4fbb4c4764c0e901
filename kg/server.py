"""The read-only SPARQL endpoint: SPARQL 1.1 Protocol at ``/sparql`` and a query page at ``/``.

Owns: HTTP (GET and POST, urlencoded and ``application/sparql-query``), content negotiation
(SPARQL JSON, XML, CSV, TSV results; Turtle, N-Triples, JSON-LD graphs), CORS, the service
description, and the limits: request body, query length, result rows (announced when cut), time,
memory per query, and a client's time to send its request. Queries run in worker processes that
hold the store; a query past the timeout is stopped by ending its worker, which is replaced, so
the server keeps serving; long queries may hold every worker but one, and a query that finds no
free worker soon is answered 503 with Retry-After. Updates, LOAD and federated SERVICE calls are
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
QUEUE_WAIT = 2.0  # seconds a query waits for a free worker before 503
SLOW_AFTER = 0.5  # seconds after which a query counts as long
RETRY_AFTER = 2  # seconds a client told 503 should wait
READ_TIMEOUT = 15.0  # seconds a client may take to send its request
BACKLOG = 256  # connections the kernel queues before the server accepts them
WORKER_MEMORY_MB = 1024  # memory a query may take in its worker beyond the loaded store
TRUNCATED_HEADER = "X-Result-Truncated"
# what a query says besides names and strings: comments, IRIs, literals (long ones first),
# variables and prefixed names are blanked, so ?service, "service" and ex:service are no keyword
_NOT_KEYWORDS = re.compile(
    r"#[^\n]*|<[^<>\s]*>"
    r"|'{3}[\s\S]*?'{3}|\"{3}[\s\S]*?\"{3}"
    r"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\""
    r"|[?$]\w+|[\w.-]*:[\w.-]*")
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


def calls_service(query: str) -> bool:
    """Whether a query has a federated SERVICE clause: the keyword among the query's tokens
    (not in a variable, string, IRI or comment), confirmed by parsing when a parser can."""
    if not _SERVICE.search(_NOT_KEYWORDS.sub(" ", query)):
        return False
    try:  # rdflib's parser tells SERVICE clauses from anything else; it is slow, so only now
        from rdflib.plugins.sparql.parser import parseQuery
        tree = parseQuery(query)
    except Exception:  # noqa: BLE001 - a query rdflib cannot read: trust the tokens
        return True
    return "ServiceGraphPattern" in repr(tree)
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
    """An HTTP answer: status, content type, body, and any other headers."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def error_reply(status: int, message: str, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    """An error in the one JSON shape of the endpoint."""
    body = json.dumps({"error": message, "status": status}, ensure_ascii=False).encode("utf-8")
    return Reply(status, "application/json; charset=utf-8", body, headers)


def busy_reply(message: str) -> Reply:
    """503 with Retry-After: the server is full now, not broken."""
    return error_reply(503, message, (("Retry-After", str(RETRY_AFTER)),))


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


def serialize_solutions(variables: list[str], rows: list[list[object]], fmt: str, *,
                        truncated: bool = False) -> bytes:
    """SELECT results in the SPARQL 1.1 results formats; results cut at the row limit say so
    (JSON: ``"truncated": true`` beside ``head`` and ``results``; every format: a header)."""
    if fmt == "json":
        bindings = [{v: _term_json(t) for v, t in zip(variables, row) if t is not None}
                    for row in rows]
        out: dict = {"head": {"vars": variables}, "results": {"bindings": bindings}}
        if truncated:
            out["truncated"] = True
        return json.dumps(out, ensure_ascii=False).encode("utf-8")
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
        triples, truncated = [], False
        for t in result:
            if len(triples) >= max_rows:
                truncated = True
                break
            triples.append(t)
        body = ox.serialize(triples, format=GRAPH_TYPES[media]) or b""
        return Reply(200, f"{media}; charset=utf-8", body, _truncation(truncated, max_rows))
    media = negotiate(accept, RESULT_TYPES) or "application/sparql-results+json"
    fmt = RESULT_TYPES[media]
    if isinstance(result, ox.QueryBoolean):
        return Reply(200, f"{media}; charset=utf-8", serialize_boolean(bool(result), fmt))
    variables = [v.value for v in result.variables]
    rows, truncated = [], False
    for sol in result:
        if len(rows) >= max_rows:
            truncated = True
            break
        rows.append([sol[v] for v in variables])
    return Reply(200, f"{media}; charset=utf-8",
                 serialize_solutions(variables, rows, fmt, truncated=truncated),
                 _truncation(truncated, max_rows))


def _truncation(truncated: bool, max_rows: int) -> tuple[tuple[str, str], ...]:
    return ((TRUNCATED_HEADER, f"true; max-rows={max_rows}"),) if truncated else ()


def _data_bytes() -> int:
    """The data segment of this process (heap and private mappings), from /proc."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _cap_memory(extra_mb: int) -> None:
    """Let the queries of this worker take at most ``extra_mb`` beyond the loaded store: an
    allocation past it fails, and the query with it (its worker is then replaced)."""
    try:
        import resource
        cap = _data_bytes() + extra_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
    except (ImportError, ValueError, OSError):
        pass


def _worker_main(conn, graph_path: str, max_rows: int,
                 memory_mb: int) -> None:  # pragma: no cover - subprocess
    from kg.errors import KgError
    from kg.query import user_positions
    from kg.store import load_store
    try:
        store = load_store(graph_path)
    except KgError as e:
        conn.send(("error", str(e)))
        return
    except Exception as e:  # noqa: BLE001 - reported to the parent as one line
        conn.send(("error", f"{graph_path}: cannot load graph ({type(e).__name__}: {e})"))
        return
    if memory_mb:
        _cap_memory(memory_mb)
    conn.send("ready")
    while True:
        try:
            query, accept, shift = conn.recv()
        except EOFError:
            return
        try:
            reply = answer(store, query, accept, max_rows)
        except MemoryError:
            reply = error_reply(507, f"the query needed more than the {memory_mb} MB a query may "
                                     "take; narrow it (LIMIT, FILTER) and try again")
        except Exception as e:  # noqa: BLE001 - the server answers, never dies
            reply = error_reply(500, f"query failed: {type(e).__name__}")
        if reply.status == 400 and shift:  # positions in the query as the user wrote it
            reply = error_reply(400, user_positions(json.loads(reply.body)["error"], shift))
        conn.send((reply.status, reply.content_type, reply.body, reply.headers))


class WorkerError(Exception):
    """A worker could not load the graph; the message names the file and the problem."""


class Worker:
    """A process holding the store; ended and replaced when a query runs past its time."""

    def __init__(self, graph_path: str, max_rows: int, memory_mb: int) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main,
                                   args=(child, graph_path, max_rows, memory_mb), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.preempted = False  # stopped to give its worker to a younger query

    def wait_ready(self, timeout: float) -> bool:
        """Whether the worker has loaded its store (WorkerError if it could not)."""
        if not self.ready and self.conn.poll(timeout):
            try:
                message = self.conn.recv()
            except EOFError:
                raise WorkerError("a query worker died while loading the graph") from None
            if isinstance(message, tuple) and message[0] == "error":
                raise WorkerError(message[1])
            self.ready = message == "ready"
        return self.ready

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """Worker processes taking one query each.

    Fair to short queries: a query waits at most ``queue_wait`` for a free worker (then 503 with
    Retry-After); long queries (past ``slow_after``) may hold every worker but one, so a short
    query soon finds one: when one more query turns long, the one that has run longest is
    stopped (503, Retry-After). A query past the timeout is stopped too. Stopping a query ends
    its worker, which is replaced in the background."""

    def __init__(self, graph_path: str, size: int, timeout: float, max_rows: int, *,
                 queue_wait: float = QUEUE_WAIT, slow_after: float = SLOW_AFTER,
                 memory_mb: int = WORKER_MEMORY_MB) -> None:
        self.graph_path, self.timeout, self.max_rows = graph_path, timeout, max_rows
        self.size, self.queue_wait, self.memory_mb = size, queue_wait, memory_mb
        self.slow_after = min(slow_after, timeout)
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.workers = [Worker(graph_path, max_rows, memory_mb) for _ in range(size)]
        for w in self.workers:
            self.idle.put(w)
        self._long: dict[Worker, float] = {}  # workers running a long query: since when
        self._lock = threading.Lock()
        self._closed = False

    def _replace(self, worker: Worker) -> None:
        """End a worker and start another, which joins the pool once it has loaded the store."""
        worker.stop()
        if self._closed:
            return
        fresh = Worker(self.graph_path, self.max_rows, self.memory_mb)
        with self._lock:
            self.workers = [fresh if w is worker else w for w in self.workers]

        def join() -> None:
            try:
                if fresh.wait_ready(300):
                    self.idle.put(fresh)
                    return
            except (WorkerError, OSError) as e:
                if not self._closed:
                    log.warning("replacement worker failed: %s", e)
        threading.Thread(target=join, daemon=True).start()

    def run(self, query: str, accept: str, shift: int = 0) -> Reply:
        """The answer to one query (``shift``: lines added before the user's query)."""
        try:
            worker = self.idle.get(timeout=self.queue_wait)
        except queue.Empty:
            return busy_reply(f"every query worker is busy; retry in {RETRY_AFTER} s")
        started = time.monotonic()
        try:
            if not worker.wait_ready(120):
                raise OSError("worker did not start")
            worker.conn.send((query, accept, shift))
            if worker.conn.poll(self.slow_after):
                return self._done(worker)
            self._turn_long(worker, started)
            if worker.conn.poll(max(0.0, self.timeout - (time.monotonic() - started))):
                return self._done(worker)
        except (OSError, EOFError, WorkerError) as e:
            if worker.preempted:
                self._replace(worker)
                return busy_reply("stopped to let shorter queries run: the other workers are busy "
                                  f"with long queries; retry in {RETRY_AFTER} s")
            log.warning("worker failed (%s, exit %s)", e, worker.process.exitcode)
            self._replace(worker)
            return error_reply(507, f"the query needed more than the {self.memory_mb} MB a query "
                                    "may take and was stopped; narrow it (LIMIT, FILTER)")
        finally:
            with self._lock:
                self._long.pop(worker, None)
        self._replace(worker)
        return busy_reply(f"query stopped: it ran longer than the {self.timeout:g} s timeout")

    def _turn_long(self, worker: Worker, started: float) -> None:
        """Count a query as long; if long ones would then hold every worker, stop the one that
        has run longest (its waiting request answers 503)."""
        with self._lock:
            self._long[worker] = started
            if len(self._long) <= max(1, self.size - 1):
                return
            oldest = min(self._long, key=self._long.get)
            del self._long[oldest]
            oldest.preempted = True
        oldest.process.kill()  # its request sees the pipe close

    def _done(self, worker: Worker) -> Reply:
        if worker.preempted:
            raise OSError("preempted")
        status, ctype, body, headers = worker.conn.recv()
        self.idle.put(worker)
        return Reply(status, ctype, body, headers)

    def close(self) -> None:
        self._closed = True
        for w in list(self.workers):
            w.stop()


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


def make_handler(pool: WorkerPool, allow_service: bool, read_timeout: float = READ_TIMEOUT):
    """The request handler class bound to a worker pool."""
    page = query_page()

    class Handler(BaseHTTPRequestHandler):
        server_version = "policykg"
        sys_version = ""

        def log_message(self, fmt: str, *args: object) -> None:
            log.info("%s - %s", self.address_string(), fmt % args)

        timeout = read_timeout  # a client that stops sending is cut off

        def send_error(self, code: int, message: str | None = None,
                       explain: str | None = None) -> None:
            """http.server's own errors (414, 431, 501…) in the endpoint's JSON shape."""
            self.close_connection = True
            text = message or self.responses.get(code, ("error",))[0]
            try:
                self._send(error_reply(code, text))
            except OSError:
                pass

        def _send(self, reply: Reply) -> None:
            self.send_response(reply.status)
            for name, value in reply.headers:
                self.send_header(name, value)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Expose-Headers", f"{TRUNCATED_HEADER}, Retry-After")
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
            try:
                raw = self.rfile.read(length)
            except TimeoutError:
                raw = b""
            if len(raw) < length:  # the client sent less than it announced, or stopped sending
                self.close_connection = True
                self._send(error_reply(408, f"request body shorter than its Content-Length "
                                            f"({len(raw)} of {length} bytes)"))
                return
            body = raw.decode("utf-8", errors="replace")
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
            if not allow_service and calls_service(query):
                self._send(error_reply(403, "federated SERVICE calls are refused by this endpoint"))
                return
            accept = self.headers.get("Accept") or "*/*"
            fmt = (params.get("format") or params.get("output") or [""])[0]
            if fmt:
                accept = _SHORT.get(fmt, fmt)
            from kg.query import added_lines, with_prefixes
            self._send(pool.run(with_prefixes(query), accept, added_lines(query)))

    return Handler


class _HTTPServer(ThreadingHTTPServer):
    """A thread per connection, and a listen backlog that absorbs bursts of clients."""

    request_queue_size = BACKLOG
    daemon_threads = True


class Server:
    """A running endpoint (for tests and ``kg serve``)."""

    def __init__(self, graph: str | Path, host: str = "127.0.0.1", port: int = 8000,
                 timeout: float = 10.0, max_rows: int = 10_000, workers: int = 3,
                 allow_service: bool = False, memory_mb: int = WORKER_MEMORY_MB, *,
                 queue_wait: float = QUEUE_WAIT, slow_after: float = SLOW_AFTER,
                 read_timeout: float = READ_TIMEOUT) -> None:
        path = Path(graph)
        if not path.exists():
            from kg.errors import InputError
            raise InputError(f"{path}: no such graph file")
        self.pool = WorkerPool(str(path), workers, timeout, max_rows, memory_mb=memory_mb,
                               queue_wait=queue_wait, slow_after=slow_after)
        try:
            self.httpd = _HTTPServer((host, port),
                                     make_handler(self.pool, allow_service, read_timeout))
        except BaseException:
            self.pool.close()
            raise
        self.thread: threading.Thread | None = None
        self._serving = False

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def wait_ready(self, timeout: float = 120) -> None:
        """Block until every worker has loaded the store; an InputError naming the graph if
        they cannot."""
        deadline = time.monotonic() + timeout
        for w in list(self.pool.workers):
            try:
                w.wait_ready(max(0.1, deadline - time.monotonic()))
            except WorkerError as e:
                self.close()
                from kg.errors import InputError
                raise InputError(str(e)) from None

    def start(self) -> Server:
        self._serving = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def serve_forever(self) -> None:
        self._serving = True
        self.httpd.serve_forever()

    def close(self) -> None:
        if self._serving:
            self.httpd.shutdown()
            self._serving = False
        self.httpd.server_close()
        self.pool.close()
