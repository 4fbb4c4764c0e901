"""Coverage of the project's own parts: extractors tested, ontology terms declared, the wheel."""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import pytest
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import OWL

from kg.extractors import DEFAULT_EXTRACTORS, load_builtins, registered
from kg.vocab import KGO

from conftest import ROOT

load_builtins()


def test_every_registered_extractor_has_tests():
    text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "extractors").glob("*.py"))
    assert set(registered()) == set(DEFAULT_EXTRACTORS)
    for name in registered():
        assert f'"{name}"' in text, f"no test runs {name}"


def test_every_kgo_term_is_declared_with_zh_and_en_labels():
    onto = Graph().parse(ROOT / "ontology" / "policykg.ttl")
    for name in KGO.__annotations__:
        term = node = URIRef(str(KGO._NS) + name)
        kinds = set(onto.objects(node, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term
        langs = {l.language for l in onto.objects(node, RDFS.label)}
        assert {"zh", "en"} <= langs, term
        assert any(onto.objects(node, RDFS.comment)), term


def test_graph_uses_only_declared_kgo_terms(graph):
    declared = {str(KGO._NS) + name for name in KGO.__annotations__}
    used = {str(x) for t in graph for x in t if str(x).startswith(str(KGO._NS))}
    assert used <= declared


def test_typo_in_a_term_raises():
    with pytest.raises(AttributeError):
        KGO.isuedBy  # noqa: B018


@pytest.mark.slow
def test_wheel_carries_resources_ontology_and_queries(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q",
                    "-w", str(tmp_path)], check=True)
    (wheel,) = tmp_path.glob("policykg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("kg/ontology/policykg.ttl", "kg/ontology/shapes.ttl",
                     "kg/queries/coissuers.rq", "kg/resources/gazetteers/places.tsv",
                     "kg/resources/dictionaries/user.dict", "kg/viz/page.html",
                     "kg/server_page.html"):
        assert required in names, required
    sources = [n for n in names if n.startswith("kg/resources/gazetteers/")]
    assert all(re.search(r"\.tsv$", n) for n in sources)
