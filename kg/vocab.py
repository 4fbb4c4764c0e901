"""The closed namespaces of the graph: the project's ontology and the prefixes of the contract.

Owns: term names. A typo (``KGO.isuedBy``) raises instead of minting a bogus IRI. Every term here
is declared in ``ontology/policykg.ttl`` (a test checks).
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace


class KGO(DefinedNamespace):
    """https://w3id.org/policykg/ontology#"""

    _NS = Namespace("https://w3id.org/policykg/ontology#")
    _fail = True

    # classes
    Organization: URIRef
    GovernmentAgency: URIRef
    Company: URIRef
    ResearchOrganization: URIRef
    MediaOutlet: URIRef
    Place: URIRef
    Country: URIRef
    Province: URIRef
    City: URIRef
    District: URIRef
    Programme: URIRef
    Law: URIRef
    Event: URIRef
    Person: URIRef
    Post: URIRef
    Quantity: URIRef
    Target: URIRef
    Statistic: URIRef
    Document: URIRef
    Article: URIRef
    Sentence: URIRef
    Mention: URIRef
    # relations of the contract
    partOf: URIRef
    locatedIn: URIRef
    issuedBy: URIRef
    leads: URIRef
    participatesIn: URIRef
    organizedBy: URIRef
    heldIn: URIRef
    hasTarget: URIRef
    hasStatistic: URIRef
    outcomeOf: URIRef
    mentions: URIRef
    # targets and statistics
    indicator: URIRef
    value: URIRef
    valueMax: URIRef
    unit: URIRef
    comparator: URIRef
    targetYear: URIRef
    period: URIRef
    year: URIRef
    measure: URIRef
    # articles and provenance
    section: URIRef
    text: URIRef
    startOffset: URIRef
    endOffset: URIRef
    inArticle: URIRef
    inSentence: URIRef
    mentionOf: URIRef
    surface: URIRef
    extractor: URIRef
    articleNumber: URIRef
    adminCode: URIRef
    englishName: URIRef


KGR = Namespace("https://w3id.org/policykg/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")

PREFIXES = {
    "kgo": str(KGO._NS), "kgr": str(KGR), "org": str(ORG), "prov": str(PROV),
    "dcterms": "http://purl.org/dc/terms/", "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#", "owl": "http://www.w3.org/2002/07/owl#",
}


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace of the contract."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
