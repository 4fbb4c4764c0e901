"""kg push against a Graph Store that refuses large bodies or fails midway (a loopback server
written for the test): batches are halved, and a push resumes after what landed."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.push import push



class Store:
    """What the fake server received, and how it misbehaves."""

    def __init__(self, max_body: int, fail_after: int | None = None) -> None:
        self.max_body, self.fail_after = max_body, fail_after
        self.triples: set = set()
        self.accepted = 0
        self.methods: list[str] = []


def serve(store: Store):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _receive(self):
            length = int(self.headers["Content-Length"])
            if length > store.max_body:
                self.close_connection = True
                self.connection.close()  # as Virtuoso does: the connection is reset
                return
            body = self.rfile.read(length)
            if store.fail_after is not None and store.accepted >= store.fail_after:
                self.send_response(503)
                self.end_headers()
                return
            if self.command == "PUT":
                store.triples.clear()
            store.triples |= set(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
            store.accepted += 1
            store.methods.append(self.command)
            self.send_response(201)
            self.send_header("Content-Length", "0")
            self.end_headers()
        do_PUT = do_POST = _receive

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/store"


@pytest.fixture(scope="module")
def graph(built):
    return built[0] / "graph.ttl"


def expected(graph) -> int:
    from kg.store import load_store
    return len(load_store(graph, with_ontology=False))


def test_a_refused_batch_is_halved_until_it_lands(graph):
    store = Store(max_body=300_000)
    httpd, url = serve(store)
    try:
        report = push(graph, url, batch=20_000)
    finally:
        httpd.shutdown()
    assert len(store.triples) == report.triples == expected(graph)
    assert store.methods[0] == "PUT" and set(store.methods[1:]) == {"POST"}


def test_an_interrupted_push_resumes_after_what_landed(graph, tmp_path):
    copy = tmp_path / "graph.ttl"
    copy.write_bytes(graph.read_bytes())
    store = Store(max_body=10**9, fail_after=2)
    httpd, url = serve(store)
    try:
        with pytest.raises(KgError, match="--resume"):
            push(copy, url, batch=2_000)
        assert (tmp_path / "graph.ttl.push-state.json").exists() and store.accepted == 2
        store.fail_after = None
        push(copy, url, batch=2_000, resume=True)
    finally:
        httpd.shutdown()
    assert len(store.triples) == expected(graph)
    assert store.methods.count("PUT") == 1  # the resumed push appends, it does not start over
    assert not (tmp_path / "graph.ttl.push-state.json").exists()


def test_no_server_is_one_clear_error(graph):
    with pytest.raises(KgError, match="cannot reach"):
        push(graph, "http://127.0.0.1:9/store")
