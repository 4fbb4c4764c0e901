"""The SPARQL endpoint with a real client (SPARQLWrapper) on loopback."""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import pytest
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.server import Server

PREFIX = "PREFIX kgo: <https://w3id.org/policykg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


@pytest.fixture(scope="module")
def server(built):
    s = Server(built[0] / "graph.ttl", port=0, timeout=3, max_rows=500, workers=2).start()
    s.wait_ready()
    yield s
    s.close()


def client(server, query: str, fmt=JSON, method=None) -> SPARQLWrapper:
    c = SPARQLWrapper(server.url + "/sparql")
    c.setQuery(query)
    c.setReturnFormat(fmt)
    if method:
        c.setMethod(method)
    return c


def test_select(server):
    r = client(server, PREFIX + "SELECT ?n WHERE { ?p a kgo:Person ; rdfs:label ?n }").queryAndConvert()
    names = {b["n"]["value"] for b in r["results"]["bindings"]}
    assert {"王志刚", "费高云", "霍夫迈斯特-克劳特"} <= names


def test_ask_and_post(server):
    q = PREFIX + 'ASK { ?x rdfs:label "工业和信息化部"@zh ; a kgo:GovernmentAgency }'
    assert client(server, q).queryAndConvert()["boolean"] is True
    assert client(server, q, method=POST).queryAndConvert()["boolean"] is True


def test_construct_returns_turtle(server):
    q = PREFIX + "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a kgo:Person ; rdfs:label ?n }"
    g = client(server, q, fmt=TURTLE).queryAndConvert()
    assert b"@zh" in g and "王志刚".encode() in g


def test_csv(server):
    q = PREFIX + "SELECT ?n WHERE { ?p a kgo:Province ; rdfs:label ?n } ORDER BY ?n"
    text = client(server, q, fmt=CSV).queryAndConvert().decode("utf-8")
    assert text.splitlines()[0] == "n" and "江苏省" in text


def test_the_eight_co_issuers(server):
    q = PREFIX + """SELECT ?o WHERE { ?p rdfs:label "“十四五”智能制造发展规划"@zh ;
                                        kgo:issuedBy/rdfs:label ?o }"""
    r = client(server, q).queryAndConvert()
    assert len({b["o"]["value"] for b in r["results"]["bindings"]}) == 8


def test_the_jiangsu_cities(server):
    q = PREFIX + """SELECT DISTINCT ?c WHERE { ?j rdfs:label "江苏省"@zh . ?x kgo:partOf+ ?j ;
                    a kgo:City ; rdfs:label ?c }"""
    r = client(server, q).queryAndConvert()
    assert {b["c"]["value"] for b in r["results"]["bindings"]} >= {
        "南京市", "无锡市", "苏州市", "常州市", "镇江市"}


def test_update_is_refused_and_changes_nothing(server):
    before = client(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").queryAndConvert()
    c = client(server, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", method=POST)
    c.setRequestMethod("postdirectly")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        c.query()
    req = urllib.request.Request(server.url + "/sparql", data=b"update=INSERT+DATA+%7B%7D",
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(req)
    assert e.value.code == 403 and "read-only" in json.loads(e.value.read())["error"]
    after = client(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").queryAndConvert()
    assert before == after


def test_runaway_query_times_out_and_server_still_answers(server):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    t0 = time.monotonic()
    req = urllib.request.Request(server.url + "/sparql?query=" + urllib.parse.quote(q))
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(req)
    assert e.value.code == 503 and time.monotonic() - t0 < 10
    body = e.value.read().decode()
    assert "timeout" in body and "Traceback" not in body
    assert client(server, "ASK { ?s ?p ?o }").queryAndConvert()["boolean"] is True


def test_service_description_cors_and_errors(server):
    with urllib.request.urlopen(server.url + "/sparql") as r:
        assert "sd:Service" in r.read().decode()
        assert r.headers["Access-Control-Allow-Origin"] == "*"
    for q in ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SELEC nonsense"):
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(server.url + "/sparql?query=" + urllib.parse.quote(q))
        err = json.loads(e.value.read())
        assert e.value.code in (400, 403) and err["status"] == e.value.code


def test_result_size_is_capped(server):
    r = client(server, "SELECT * WHERE { ?s ?p ?o }").queryAndConvert()
    assert len(r["results"]["bindings"]) == 500


def test_request_limits(server):
    from kg.server import MAX_BODY, MAX_QUERY
    big = b"query=" + b"A" * (MAX_BODY + 10)
    req = urllib.request.Request(server.url + "/sparql", data=big,
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(req)
    assert e.value.code == 413
    long_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * MAX_QUERY
    req = urllib.request.Request(server.url + "/sparql", data=long_query.encode(),
                                 headers={"Content-Type": "application/sparql-query"})
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(req)
    assert e.value.code == 413 and "Traceback" not in e.value.read().decode()


def test_hostile_strings_come_back_escaped(server):
    q = PREFIX + 'SELECT ?x WHERE { BIND("<script>alert(1)</script>&" AS ?x) }'
    req = urllib.request.Request(server.url + "/sparql?query=" + urllib.parse.quote(q),
                                 headers={"Accept": "application/sparql-results+xml"})
    body = urllib.request.urlopen(req).read().decode()
    assert "<script>" not in body and "&lt;script&gt;" in body
