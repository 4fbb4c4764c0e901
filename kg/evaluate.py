"""Scoring a built graph against a gold annotation, read through the contract.

Owns: precision, recall and F1 per entity bucket, per relation, for targets and for reported
figures (statistics), by the rules of the gold files' guide: names match through
``rdfs:label``/``skos:altLabel`` and the gold's aliases after removing quotes and spaces;
``optional`` gold items are neither required nor errors; ``alt_types`` and gold place parents
count; nodes the graph holds but no mention names (a place's unmentioned parent) are never errors
and satisfy only gold entities marked ``only_nested``. It agrees with ``shared/tools/score.py``
to the count (a test compares them where that tool is present).

Also owns the evaluation of a folder of documents with gold (``A1.txt`` + ``A1.gold.json``…):
one extraction per document, scored as one build over all of them and per genre (the first
letter of a file's name).
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.errors import InputError
from kg.measures import in_base_units as to_base
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
GENRES = {
    "A": "central government", "B": "ministries and press conferences",
    "C": "provinces and cities", "D": "finance news", "E": "regional economy",
    "F": "science and technology", "G": "briefings and work reports",
}
_STRIP = re.compile(r"[《》〈〉“”\"'‘’「」\s]")

Names = frozenset[str]
Counts = tuple[int, int, int, int]  # gold, predicted, gold found, predictions matched


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


def score_entities(g: Graph, gold: dict) -> dict[str, Counts]:
    """Per entity bucket: (gold, predicted, gold found, predictions matched)."""
    preds: dict[str, list[Names]] = defaultdict(list)
    nested: dict[str, list[Names]] = defaultdict(list)  # held, but named by no mention
    mentioned = set(g.objects(None, KGO.mentionOf)) | set(g.objects(None, KGO.mentions))
    for node in set(g.subjects(RDF.type, None)):
        for b in {BUCKET_OF_CLASS[t] for t in g.objects(node, RDF.type) if t in BUCKET_OF_CLASS}:
            (nested if mentioned and node not in mentioned else preds)[b].append(_names(g, node))
    org_preds = [pn for b in ORG_BUCKETS for pn in preds[b]]
    org_nested = [pn for b in ORG_BUCKETS for pn in nested[b]]
    golds = []  # (bucket, accepted buckets, names, optional, only nested)
    for e in gold["entities"]:
        b = BUCKET_OF_GOLD.get(e["type"]) or TOLERATED_ONLY.get(e["type"])
        if not b:
            continue
        optional = bool(e.get("optional")) or e["type"] in TOLERATED_ONLY
        ok = {b} | {BUCKET_OF_GOLD[t] for t in e.get("alt_types", []) if t in BUCKET_OF_GOLD}
        if ok & ORG_BUCKETS:
            ok |= {"org"}
        golds.append((b, ok, _gold_names(e), optional, bool(e.get("only_nested"))))
    rows = {}
    for b in ENTITY_BUCKETS:
        found = 0
        required = [(ok, gn, nst) for pb, ok, gn, opt, nst in golds if pb == b and not opt]
        for ok, gn, nst in required:
            pool = org_preds if b == "org" else [pn for bb in ok for pn in preds[bb]]
            if nst:
                pool = pool + (org_nested if b == "org" else [pn for bb in ok for pn in nested[bb]])
            found += any(gn & pn for pn in pool)
        if b == "org":
            pred_n = pred_ok = 0  # other organisations' precision is in the typed buckets
        else:
            accept = [gn for _pb, ok, gn, _o, _n in golds if b in ok]
            pred_n = len(preds[b])
            pred_ok = sum(1 for pn in preds[b] if any(gn & pn for gn in accept))
        rows[b] = (len(required), pred_n, found, pred_ok)
    req = [(gn, nst) for pb, ok, gn, opt, nst in golds if pb in ORG_BUCKETS and not opt]
    accept = [gn for pb, ok, gn, _o, _n in golds if ok & ORG_BUCKETS]
    rows["any-org"] = (
        len(req), len(org_preds),
        sum(1 for gn, nst in req if any(gn & pn for pn in org_preds + (org_nested if nst else []))),
        sum(1 for pn in org_preds if any(gn & pn for gn in accept)))
    return rows


def _pair_score(pred, gold_pairs, tolerated=()) -> Counts:
    found = sum(1 for gs, go in gold_pairs if any(gs & ps and go & po for ps, po in pred))
    pool = list(gold_pairs) + list(tolerated)
    ok = sum(1 for ps, po in pred if any(gs & ps and go & po for gs, go in pool))
    return len(gold_pairs), len(pred), found, ok


def score_relations(g: Graph, gold: dict) -> dict[str, Counts]:
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
        if rel == "partOf":  # gold place parents count too; an optional place's are tolerated
            seen = set(gp)
            for e in gold["entities"]:
                if e.get("parent") and BUCKET_OF_GOLD.get(e["type"]) == "place":
                    k = (_gold_names(e) or frozenset({norm(e["name"])}), gn(e["parent"]))
                    if k not in seen:
                        seen.add(k)
                        (opt if e.get("optional") else gp).append(k)
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


def score_numbers(g: Graph, gold: dict, cls: URIRef = KGO.Target,
                  year_property: URIRef = KGO.targetYear, key: str = "targets") -> dict[str, Counts]:
    """Targets (or, with ``kgo:Statistic``, ``kgo:year`` and ``figures``, reported figures)
    matched by value in base units, unit and year."""
    preds = []
    for t in set(g.subjects(RDF.type, cls)):
        v = next(iter(g.objects(t, KGO.value)), None)
        u = next(iter(g.objects(t, KGO.unit)), "")
        y = next(iter(g.objects(t, year_property)), None)
        if v is None:
            continue
        try:
            base = to_base(str(v), str(u))
        except ValueError:
            continue
        year = int(str(y)[:4]) if y is not None and str(y)[:4].isdigit() else None
        preds.append((base, year))
    golds = [(to_base(t["value"], t.get("unit", "")), t.get("year"), bool(t.get("optional")))
             for t in gold.get(key, [])]
    used = [False] * len(preds)
    found = ok = 0
    for want_optional in (False, True):  # required items claim predictions first
        for base, year, optional in golds:
            if optional != want_optional:
                continue
            for i, pt in enumerate(preds):
                if not used[i] and pt == (base, year):
                    used[i] = True
                    ok += 1
                    found += 0 if optional else 1
                    break
    return {key: (sum(1 for x in golds if not x[2]), len(preds), found, ok)}


def score_targets(g: Graph, gold: dict) -> dict[str, Counts]:
    """Targets matched by value in base units, unit and deadline year."""
    return score_numbers(g, gold)


def score_counts(g: Graph, gold: dict) -> dict[str, Counts]:
    """The raw counts of every bucket (figures only where the gold lists them)."""
    rows = {**score_entities(g, gold), **score_relations(g, gold), **score_targets(g, gold)}
    if "figures" in gold:
        rows.update(score_numbers(g, gold, KGO.Statistic, KGO.year, "figures"))
    return rows


def scores_of(rows: dict[str, Counts]) -> dict[str, dict[str, float]]:
    """Counts to bucket -> gold, pred, found, P, R, F1."""
    out = {}
    for k, (ng, npred, found, ok) in rows.items():
        p, r, f = _prf(found, ng, ok, npred)
        if k == "org":
            p, f = float("nan"), r
        out[k] = {"gold": ng, "pred": npred, "found": found, "P": p, "R": r, "F1": f}
    return out


def score(g: Graph, gold: dict) -> dict[str, dict[str, float]]:
    """Scores of a graph against a gold dict: bucket -> gold, pred, found, P, R, F1."""
    return scores_of(score_counts(g, gold))


def read_gold(path: str | Path) -> dict:
    """A gold annotation file, or an :class:`InputError` naming it."""
    gold_path = Path(path)
    try:
        gold_data = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"{gold_path}: cannot read gold annotation ({e})") from e
    if not isinstance(gold_data, dict) or "entities" not in gold_data:
        raise InputError(f"{gold_path}: not a gold annotation (no 'entities')")
    gold_data.setdefault("relations", [])
    return gold_data


def score_files(graph: str | Path, gold: str | Path) -> dict[str, dict[str, float]]:
    """Scores of a graph file against a gold JSON file."""
    return score(load_rdflib(graph), read_gold(gold))


def merge_golds(golds: Iterable[dict]) -> dict:
    """Several documents' golds as one, for one build over all of them: an entity named in two
    documents is one (aliases and accepted types united; optional only if optional in all),
    relations, targets and figures are concatenated."""
    entities: dict[str, dict] = {}
    out: dict = {"entities": [], "relations": [], "targets": [], "articles": [], "figures": []}
    for gold in golds:
        for e in gold["entities"]:
            known = entities.get(e["name"])
            if known is None:
                entities[e["name"]] = {**e, "aliases": list(e.get("aliases", [])),
                                       "alt_types": list(e.get("alt_types", []))}
                continue
            known["aliases"] += [a for a in e.get("aliases", []) if a not in known["aliases"]]
            known["alt_types"] += [t for t in e.get("alt_types", []) if t not in known["alt_types"]]
            known["optional"] = bool(known.get("optional")) and bool(e.get("optional"))
            known["only_nested"] = bool(known.get("only_nested")) and bool(e.get("only_nested"))
            known["parent"] = known.get("parent") or e.get("parent")
        for k in ("relations", "targets", "articles", "figures"):
            out[k] += gold.get(k, [])
    out["entities"] = list(entities.values())
    return out


def format_scores(scores: dict[str, dict[str, float]]) -> str:
    """The scores as an aligned table."""
    lines = [f"{'bucket':16} {'gold':>5} {'pred':>5} {'found':>5} {'P':>5} {'R':>5} {'F1':>5}"]
    for k, s in scores.items():
        lines.append(f"{k:16} {s['gold']:5d} {s['pred']:5d} {s['found']:5d} "
                     f"{s['P']:5.2f} {s['R']:5.2f} {s['F1']:5.2f}")
    return "\n".join(lines)


@dataclass(slots=True)
class FolderScores:
    """Scores of a folder of documents with gold: all of them built together, and per genre."""

    documents: list[str]
    overall: dict[str, dict[str, float]]
    genres: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def to_json(self) -> dict:
        """A plain dict for ``--json``."""
        return {"documents": self.documents, "overall": self.overall, "genres": self.genres,
                "skipped": [{"file": f, "reason": r} for f, r in self.skipped]}


def gold_documents(folder: str | Path) -> list[tuple[Path, Path]]:
    """The (text, gold) pairs of a folder: every ``X.txt`` with an ``X.gold.json`` beside it."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    pairs = [(txt, txt.with_suffix(".gold.json")) for txt in sorted(folder.glob("*.txt"))
             if txt.with_suffix(".gold.json").is_file()]
    if not pairs:
        raise InputError(f"{folder}: no documents with gold (X.txt beside X.gold.json)")
    return pairs


def genre_of(path: Path) -> str:
    """The genre letter of a dev-set file: the first letter of its name (A1.txt -> A)."""
    return path.name[:1].upper()


def evaluate_folder(folder: str | Path, *, workers: int | None = 1,
                    on_error: Callable[[str, str], None] | None = None) -> FolderScores:
    """Extract every document of ``folder`` that has a gold once, then score one graph over all
    of them against their merged gold, and one per genre against that genre's."""
    from kg.build import read_inputs
    from kg.engine import extract_many
    from kg.graph import to_triples

    pairs = gold_documents(folder)
    skipped: list[tuple[str, str]] = []

    def skip(name: str, reason: str) -> None:
        skipped.append((name, reason))
        if on_error:
            on_error(name, reason)

    docs = read_inputs([txt for txt, _g in pairs], skip)
    golds = {str(txt): read_gold(g) for txt, g in pairs}
    results = []
    for doc, r in zip(docs, extract_many(docs, workers=workers)):
        if isinstance(r, str):
            skip(doc.path, r)
        else:
            results.append(r)

    def scored(chosen: Sequence) -> dict[str, dict[str, float]]:
        g = to_triples(chosen).to_rdflib()
        return score(g, merge_golds(golds[r.doc.path] for r in chosen))

    out = FolderScores([r.doc.path for r in results], scored(results), skipped=skipped)
    by_genre: dict[str, list] = defaultdict(list)
    for r in results:
        by_genre[genre_of(Path(r.doc.path))].append(r)
    for letter in sorted(by_genre):
        out.genres[letter] = scored(by_genre[letter])
    return out


def format_folder(scores: FolderScores) -> str:
    """The whole set's table, then one F1 column per genre."""
    lines = [f"{len(scores.documents)} documents, one build over all of them", "",
             format_scores(scores.overall), "", "F1 per genre (" + "; ".join(
                 f"{k} {GENRES.get(k, '?')}" for k in scores.genres) + ")"]
    head = f"{'bucket':16} " + " ".join(f"{k:>5}" for k in scores.genres)
    lines.append(head)
    for bucket in scores.overall:
        cells = []
        for k in scores.genres:
            row = scores.genres[k].get(bucket)
            cells.append(f"{row['F1']:5.2f}" if row and row["gold"] + row["pred"] else "    -")
        lines.append(f"{bucket:16} " + " ".join(cells))
    for f, reason in scores.skipped:
        lines.append(f"skipped {f}: {reason}")
    return "\n".join(lines)


__all__ = ["FolderScores", "evaluate_folder", "format_folder", "format_scores", "merge_golds",
           "read_gold", "score", "score_files"]
