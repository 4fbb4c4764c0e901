"""Scoring a built graph against a gold annotation, read through the contract.

Owns: precision, recall and F1 per entity bucket, per relation and for targets, by the rules of
the gold files' README: names match through ``rdfs:label``/``skos:altLabel`` and the gold's
aliases after removing quotes and spaces; ``optional`` gold items are neither required nor
errors; ``alt_types`` and gold place parents count. It agrees with ``shared/tools/score.py``
(a test compares them where that tool is present).
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from rdflib import RDF, RDFS, Graph
from rdflib.namespace import DCTERMS, SKOS

from kg.errors import InputError
from kg.store import load_rdflib
from kg.vocab import KGO, ORG

BUCKET_OF_GOLD = {
    "GovernmentAgency": "gov", "Company": "company", "ResearchOrg": "research",
    "University": "research", "MediaOutlet": "media", "OtherOrg": "org",
    "Country": "place", "Province": "place", "City": "place", "District": "place",
    "Programme": "programme", "Event": "programme", "Person": "person",
}
BUCKET_OF_CLASS = {
    KGO.GovernmentAgency: "gov", KGO.Company: "company", KGO.ResearchOrganization: "research",
    KGO.MediaOutlet: "media", KGO.Organization: "org", KGO.Country: "place",
    KGO.Province: "place", KGO.City: "place", KGO.District: "place", KGO.Place: "place",
    KGO.Programme: "programme", KGO.Event: "programme", KGO.Person: "person",
}
TOLERATED_ONLY = {"Region": "place", "OtherPlace": "place"}
ORG_BUCKETS = {"gov", "company", "research", "media", "org"}
ENTITY_BUCKETS = ["gov", "company", "research", "media", "org", "place", "programme", "person"]
_STRIP = re.compile(r"[《》〈〉“”\"'‘’「」\s]")
_MULT = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}

Names = frozenset[str]


def norm(s: object) -> str:
    """A name as the scorer compares it: no quotes, book quotes or spaces."""
    return _STRIP.sub("", str(s)).strip()


def _names(g: Graph, node) -> Names:
    out = {norm(o) for p in (RDFS.label, SKOS.altLabel, SKOS.prefLabel) for o in g.objects(node, p)}
    return frozenset(n for n in out if n)


def _gold_names(e: dict) -> Names:
    return frozenset(norm(x) for x in [e["name"], *e.get("aliases", [])] if norm(x))


def _prf(found: int, n_gold: int, ok: int, n_pred: int) -> tuple[float, float, float]:
    p = ok / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = found / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_entities(g: Graph, gold: dict) -> dict[str, tuple[int, int, int, int]]:
    """Per entity bucket: (gold, predicted, gold found, predictions matched)."""
    preds: dict[str, list[Names]] = defaultdict(list)
    for node in set(g.subjects(RDF.type, None)):
        for b in {BUCKET_OF_CLASS[t] for t in g.objects(node, RDF.type) if t in BUCKET_OF_CLASS}:
            preds[b].append(_names(g, node))
    org_preds = [pn for b in ORG_BUCKETS for pn in preds[b]]
    golds = []
    for e in gold["entities"]:
        b = BUCKET_OF_GOLD.get(e["type"]) or TOLERATED_ONLY.get(e["type"])
        if not b:
            continue
        optional = bool(e.get("optional")) or e["type"] in TOLERATED_ONLY
        ok = {b} | {BUCKET_OF_GOLD[t] for t in e.get("alt_types", []) if t in BUCKET_OF_GOLD}
        if ok & ORG_BUCKETS:
            ok |= {"org"}
        golds.append((b, ok, _gold_names(e), optional))
    rows = {}
    for b in ENTITY_BUCKETS:
        req = [(ok, gn) for pb, ok, gn, opt in golds if pb == b and not opt]
        found = 0
        for ok, gn in req:
            pool = org_preds if b == "org" else [pn for bb in ok for pn in preds[bb]]
            found += any(gn & pn for pn in pool)
        if b == "org":
            pred_n = pred_ok = 0
        else:
            accept = [gn for _pb, ok, gn, _o in golds if b in ok]
            pred_n = len(preds[b])
            pred_ok = sum(1 for pn in preds[b] if any(gn & pn for gn in accept))
        rows[b] = (len(req), pred_n, found, pred_ok)
    req = [gn for pb, ok, gn, opt in golds if pb in ORG_BUCKETS and not opt]
    accept = [gn for pb, ok, gn, _o in golds if ok & ORG_BUCKETS]
    rows["any-org"] = (len(req), len(org_preds),
                       sum(1 for gn in req if any(gn & pn for pn in org_preds)),
                       sum(1 for pn in org_preds if any(gn & pn for gn in accept)))
    return rows


def _pair_score(pred, gold_pairs, tolerated=()) -> tuple[int, int, int, int]:
    found = sum(1 for gs, go in gold_pairs if any(gs & ps and go & po for ps, po in pred))
    pool = list(gold_pairs) + list(tolerated)
    ok = sum(1 for ps, po in pred if any(gs & ps and go & po for gs, go in pool))
    return len(gold_pairs), len(pred), found, ok


def score_relations(g: Graph, gold: dict) -> dict[str, tuple[int, int, int, int]]:
    """Per relation: (gold, predicted, gold found, predictions matched)."""
    idx = {node: _names(g, node) for node in set(g.subjects(RDF.type, None))}
    ent_names = {norm(e["name"]): _gold_names(e) for e in gold["entities"]
                 if e["type"] in BUCKET_OF_GOLD}

    def gn(x: str) -> Names:
        return ent_names.get(norm(x), frozenset({norm(x)}))

    def gold_pairs(rel: str) -> tuple[list, list]:
        rs = [r for r in gold.get("relations", []) if r["rel"] == rel
              and norm(r["s"]) in ent_names and norm(r["o"]) in ent_names]
        return ([(gn(r["s"]), gn(r["o"])) for r in rs if not r.get("optional")],
                [(gn(r["s"]), gn(r["o"])) for r in rs if r.get("optional")])

    rows = {}
    simple = {"issuedBy": KGO.issuedBy, "partOf": KGO.partOf, "locatedIn": KGO.locatedIn,
              "leads": KGO.leads, "participatesIn": KGO.participatesIn}
    for rel, pred in simple.items():
        gp, opt = gold_pairs(rel)
        if rel == "partOf":
            seen = {(a, b) for a, b in gp}
            for e in gold["entities"]:
                if e.get("parent") and BUCKET_OF_GOLD.get(e["type"]) == "place" \
                        and not e.get("optional"):
                    k = (_gold_names(e), gn(e["parent"]))
                    if k not in seen:
                        seen.add(k)
                        gp.append(k)
        pp = [(idx.get(s, frozenset()), idx.get(o, frozenset())) for s, o in g.subject_objects(pred)]
        rows[rel] = _pair_score(pp, gp, opt)
    gp, opt = gold_pairs("holdsPost")
    pp = [(idx.get(person, frozenset()), idx.get(o, frozenset()))
          for person, post in g.subject_objects(ORG.holds) for o in g.objects(post, ORG.postIn)]
    rows["holdsPost"] = _pair_score(pp, gp, opt)

    def outlet(r: dict) -> Names:
        return gn(r["o"] if r["rel"] == "source" else r["s"])
    rels = gold.get("relations", [])
    req = {outlet(r) for r in rels if r["rel"] in ("source", "sourceOf") and not r.get("optional")}
    opt_s = {outlet(r) for r in rels if r["rel"] in ("source", "sourceOf") and r.get("optional")}
    for a in gold.get("articles", []):
        if a.get("source"):
            req.add(gn(a["source"]))
    pred = {frozenset(idx.get(o, frozenset()) | _names(g, o)) for o in g.objects(None, DCTERMS.source)}
    rows["source"] = (len(req), len(pred), sum(1 for r in req if any(r & p for p in pred)),
                      sum(1 for p in pred if any(r & p for r in req | opt_s)))
    return rows


def to_base(value: object, unit: str | None) -> tuple[float, str]:
    """A value in base units: (22.5, 万座) -> (225000.0, 座)."""
    unit = (unit or "").strip()
    v = float(str(value))
    if unit and unit[0] in _MULT and len(unit) > 1:
        v *= _MULT[unit[0]]
        unit = unit[1:]
    if unit in ("％", "percent", "pct"):
        unit = "%"
    return round(v, 6), unit


def score_targets(g: Graph, gold: dict) -> dict[str, tuple[int, int, int, int]]:
    """Targets matched by value in base units, unit and year."""
    preds = []
    for t in set(g.subjects(RDF.type, KGO.Target)):
        v = next(iter(g.objects(t, KGO.value)), None)
        u = next(iter(g.objects(t, KGO.unit)), "")
        y = next(iter(g.objects(t, KGO.targetYear)), None)
        if v is None:
            continue
        try:
            base = to_base(str(v), str(u))
        except ValueError:
            continue
        year = int(str(y)[:4]) if y is not None and str(y)[:4].isdigit() else None
        preds.append((base, year))
    golds = [(to_base(t["value"], t.get("unit", "")), t.get("year"), bool(t.get("optional")))
             for t in gold.get("targets", [])]
    used = [False] * len(preds)
    found = ok = 0
    for want_optional in (False, True):
        for base, year, optional in golds:
            if optional != want_optional:
                continue
            for i, pt in enumerate(preds):
                if not used[i] and pt == (base, year):
                    used[i] = True
                    ok += 1
                    found += 0 if optional else 1
                    break
    return {"targets": (sum(1 for x in golds if not x[2]), len(preds), found, ok)}


def score(g: Graph, gold: dict) -> dict[str, dict[str, float]]:
    """Scores of a graph against a gold dict: bucket -> gold, pred, found, P, R, F1."""
    rows = {**score_entities(g, gold), **score_relations(g, gold), **score_targets(g, gold)}
    out = {}
    for k, (ng, npred, found, ok) in rows.items():
        p, r, f = _prf(found, ng, ok, npred)
        if k == "org":
            p, f = float("nan"), r
        out[k] = {"gold": ng, "pred": npred, "found": found, "P": p, "R": r, "F1": f}
    return out


def score_files(graph: str | Path, gold: str | Path) -> dict[str, dict[str, float]]:
    """Scores of a graph file against a gold JSON file."""
    gold_path = Path(gold)
    try:
        gold_data = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"{gold_path}: cannot read gold annotation ({e})") from e
    if "entities" not in gold_data:
        raise InputError(f"{gold_path}: not a gold annotation (no 'entities')")
    gold_data.setdefault("relations", [])
    return score(load_rdflib(graph), gold_data)


def format_scores(scores: dict[str, dict[str, float]]) -> str:
    """The scores as an aligned table."""
    lines = [f"{'bucket':16} {'gold':>5} {'pred':>5} {'found':>5} {'P':>5} {'R':>5} {'F1':>5}"]
    for k, s in scores.items():
        lines.append(f"{k:16} {s['gold']:5d} {s['pred']:5d} {s['found']:5d} "
                     f"{s['P']:5.2f} {s['R']:5.2f} {s['F1']:5.2f}")
    return "\n".join(lines)


__all__ = ["format_scores", "score", "score_files"]
