"""The endpoint under load and abuse: fair to short queries, bounded, honest about what it cut,
and every error in its JSON shape."""
from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.server import TRUNCATED_HEADER, Server

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHEAP = "ASK { ?s ?p ?o }"


def get(server, query: str, **headers) -> tuple[int, dict, bytes, float]:
    """(status, headers, body, seconds) of a GET query."""
    t0 = time.monotonic()
    req = urllib.request.Request(server.url + "/sparql?query=" + urllib.parse.quote(query),
                                 headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, dict(r.headers), r.read(), time.monotonic() - t0
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read(), time.monotonic() - t0


@pytest.fixture(scope="module")
def server(built):
    s = Server(built[0] / "graph.ttl", port=0, timeout=6, max_rows=50, workers=2,
               queue_wait=1.5, slow_after=0.5, read_timeout=1.0, memory_mb=64).start()
    s.wait_ready()
    yield s
    s.close()


def test_a_variable_or_a_string_named_service_is_no_service_call(server):
    status, _h, body, _t = get(server, 'SELECT ?service WHERE { BIND("SERVICE <x>" AS ?service) }')
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["service"]["value"] == "SERVICE <x>"
    status, _h, body, _t = get(server, "SELECT * WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } }")
    assert status == 403 and json.loads(body)["status"] == 403


def test_results_cut_at_the_row_limit_say_so(server):
    status, headers, body, _t = get(server, "SELECT * WHERE { ?s ?p ?o }")
    data = json.loads(body)
    assert status == 200 and len(data["results"]["bindings"]) == 50 and data["truncated"] is True
    assert headers[TRUNCATED_HEADER].startswith("true")
    status, headers, body, _t = get(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 5")
    assert "truncated" not in json.loads(body) and TRUNCATED_HEADER not in headers


def test_syntax_errors_point_into_the_users_query(server):
    status, _h, body, _t = get(server, "SELECT ?x WHERE { ?x a }")
    message = json.loads(body)["error"]
    assert status == 400 and "1:" in message and "11:" not in message


def raw(server, request: bytes, wait: float = 5.0) -> bytes:
    host, port = server.httpd.server_address[:2]
    with socket.create_connection((host, port), timeout=wait) as s:
        s.sendall(request)
        chunks = []
        try:
            while chunk := s.recv(65536):
                chunks.append(chunk)
        except TimeoutError:
            pass
    return b"".join(chunks)


def json_error(response: bytes) -> tuple[int, dict]:
    head, _, body = response.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    assert b"application/json" in head
    return status, json.loads(body)


def test_http_errors_are_json_too(server):
    long_line = b"GET /sparql?query=" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    assert json_error(raw(server, long_line))[0] == 414
    long_header = b"GET /sparql HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 70_000 + b"\r\n\r\n"
    assert json_error(raw(server, long_header))[0] == 431
    status, err = json_error(raw(server, b"BREW /sparql HTTP/1.1\r\nHost: x\r\n\r\n"))
    assert status == 501 and err["status"] == 501


def test_a_client_that_sends_less_than_it_announced_is_cut_off(server):
    t0 = time.monotonic()
    response = raw(server, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/"
                           b"sparql-query\r\nContent-Length: 100\r\n\r\nASK {", wait=10)
    status, err = json_error(response)
    assert status == 408 and "Content-Length" in err["error"] and time.monotonic() - t0 < 5


def test_short_queries_keep_a_worker_while_long_ones_run(server):
    results: dict[str, list] = {"slow": [], "cheap": []}

    def slow():
        results["slow"].append(get(server, SLOW))
    threads = [threading.Thread(target=slow) for _ in range(2)]
    for t in threads:
        t.start()
    time.sleep(1.0)  # both long queries have started; one may hold a worker, not both
    for _ in range(5):
        results["cheap"].append(get(server, CHEAP))
    for t in threads:
        t.join()
    assert all(r[0] == 200 and r[3] < 2.0 for r in results["cheap"]), results["cheap"]
    refused = [r for r in results["slow"] if r[0] == 503]
    assert refused and all(r[1].get("Retry-After") for r in refused)
    assert get(server, CHEAP)[0] == 200


def test_a_query_that_takes_too_much_memory_is_stopped(server):
    status, _h, body, _t = get(server, "SELECT (GROUP_CONCAT(STR(?o)) AS ?x) WHERE "
                                       "{ ?a ?b ?o . ?c ?d ?e }")
    assert status in (507, 503) and json.loads(body)["status"] == status
    time.sleep(0.5)
    assert get(server, CHEAP)[0] == 200  # a replacement worker serves on


def test_a_full_server_answers_503_with_retry_after(built):
    s = Server(built[0] / "graph.ttl", port=0, timeout=4, workers=1, queue_wait=0.5,
               slow_after=0.3).start()
    s.wait_ready()
    try:
        t = threading.Thread(target=get, args=(s, SLOW))
        t.start()
        time.sleep(0.5)
        status, headers, body, seconds = get(s, CHEAP)
        assert status == 503 and headers["Retry-After"] and seconds < 2
        assert "busy" in json.loads(body)["error"]
        t.join()
    finally:
        s.close()
