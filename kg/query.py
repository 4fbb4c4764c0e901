"""Running SPARQL over a graph file and formatting the answers.

Owns: prefixing queries with the contract's namespaces, running them on the embedded store, and
rendering results as a table, CSV or JSON. Must not print.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import QueryError
from kg.vocab import PREFIXES


@dataclass(frozen=True, slots=True)
class Answer:
    """A query's answer: variables and rows of plain strings, or a boolean, or triples."""

    variables: list[str]
    rows: list[list[str]]
    boolean: bool | None = None


def with_prefixes(query: str) -> str:
    """The query with PREFIX lines for the contract's namespaces it does not declare itself."""
    declared = {line.split()[1].rstrip(":").lower() for line in query.splitlines()
                if line.strip().upper().startswith("PREFIX") and len(line.split()) > 1}
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in declared]
    return "\n".join(lines) + "\n" + query


def added_lines(query: str) -> int:
    """How many lines :func:`with_prefixes` puts before ``query``."""
    return with_prefixes(query).count("\n") - query.count("\n")


_POSITION = re.compile(r"\b(?:at|line) (\d+):(\d+)")


def user_positions(message: str, shift: int) -> str:
    """A parser message with its line:column positions in the query as the user wrote it
    (``error at 11:25`` is 1:25 after ten added PREFIX lines)."""
    def fix(m: re.Match[str]) -> str:
        line = int(m.group(1)) - shift
        return m.group(0) if line < 1 else m.group(0).replace(f"{m.group(1)}:", f"{line}:", 1)
    return _POSITION.sub(fix, message)


def term_text(term: object) -> str:
    """A result term as plain text (IRIs and literal values)."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def run_query(store: ox.Store, query: str) -> Answer:
    """Run a read-only query on ``store``."""
    try:
        result = store.query(with_prefixes(query))
    except SyntaxError as e:
        raise QueryError(f"SPARQL syntax error: {user_positions(str(e), added_lines(query))}") from e
    except OSError as e:
        raise QueryError(f"SPARQL evaluation failed: {e}") from e
    if isinstance(result, bool):
        return Answer([], [], result)
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = [[term_text(sol[v]) for v in variables] for sol in result]
        return Answer(variables, rows)
    if isinstance(result, ox.QueryBoolean):
        return Answer([], [], bool(result))
    rows = [[str(t.subject), str(t.predicate), str(t.object)] for t in result]
    return Answer(["subject", "predicate", "object"], rows)


def format_answer(answer: Answer, fmt: str) -> str:
    """``table`` (aligned columns), ``csv`` or ``json``."""
    if answer.boolean is not None:
        return json.dumps({"boolean": answer.boolean}) if fmt == "json" else str(answer.boolean).lower()
    if fmt == "json":
        return json.dumps([dict(zip(answer.variables, r)) for r in answer.rows],
                          ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(answer.variables)
        w.writerows(answer.rows)
        return buf.getvalue().rstrip("\n")
    widths = [_width(v) for v in answer.variables]
    for r in answer.rows:
        widths = [max(w, _width(c)) for w, c in zip(widths, r)]
    lines = [_row(answer.variables, widths), "  ".join("-" * w for w in widths)]
    lines += [_row(r, widths) for r in answer.rows]
    lines.append(f"({len(answer.rows)} rows)")
    return "\n".join(lines)


def _width(s: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)


def _row(cells: list[str], widths: list[int]) -> str:
    return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()
