"""One indicator's targets and outcomes over the years, as a chart in one offline HTML file.

Owns: reading a measure's targets and statistics (and the outcome links between them) from the
store through the contract, and drawing them with Plotly (MIT): targets as markers (a range as a
bar from its low to its high end), reported figures as a line, each point's sentence on hover.
Plotly's JavaScript is inlined, so the page needs no network. Must not print.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import ConfigError
from kg.query import run_query

_QUERY = """
SELECT ?kind ?owner ?year ?value ?valueMax ?unit ?comparator ?text ?title WHERE {
  { ?q a kgo:Target ; kgo:targetYear ?y . ?o kgo:hasTarget ?q . BIND("target" AS ?kind) }
  UNION
  { ?q a kgo:Statistic ; kgo:year ?y . ?o kgo:hasStatistic ?q . BIND("statistic" AS ?kind) }
  ?q kgo:measure ?measure ; kgo:value ?value ; kgo:unit ?unit ; kgo:comparator ?comparator ;
     prov:wasDerivedFrom ?s .
  ?s kgo:text ?text .
  OPTIONAL { ?s kgo:inArticle/dcterms:isPartOf/dcterms:title ?title }
  OPTIONAL { ?q kgo:valueMax ?valueMax }
  ?o rdfs:label ?owner .
  BIND (YEAR(?y) AS ?year)
  FILTER (?measure = MEASURE)
}
ORDER BY ?owner ?kind ?year ?value
"""


@dataclass(frozen=True, slots=True)
class Point:
    """A target or a statistic of one owner in one year."""

    kind: str  # "target" or "statistic"
    owner: str
    year: int
    value: float
    value_max: float | None
    unit: str
    comparator: str
    sentence: str
    document: str


def series(store: ox.Store, measure: str) -> list[Point]:
    """Every target and statistic of ``measure`` with a year, from the store."""
    literal = '"' + measure.replace("\\", "\\\\").replace('"', '\\"') + '"'
    answer = run_query(store, _QUERY.replace("MEASURE", literal))
    out = []
    for row in answer.rows:
        r = dict(zip(answer.variables, row))
        try:
            out.append(Point(r["kind"], r["owner"], int(r["year"]), float(r["value"]),
                             float(r["valueMax"]) if r.get("valueMax") else None, r["unit"],
                             r["comparator"], r["text"], r.get("title") or ""))
        except (TypeError, ValueError):
            continue
    return out


def owners(points: list[Point]) -> list[str]:
    """The owners of a series, those with the most points first."""
    count: dict[str, int] = {}
    for p in points:
        count[p.owner] = count.get(p.owner, 0) + 1
    return sorted(count, key=lambda o: (-count[o], o))


def render_chart(points: list[Point], measure: str, owner: str | None = None) -> str:
    """The chart page: one owner's targets and reported figures of ``measure`` by year."""
    import plotly.graph_objects as go

    if not points:
        raise ConfigError(f"No target or statistic with the measure {measure!r} and a year in "
                          "this graph (kg query GRAPH statistics lists what there is)")
    choices = owners(points)
    if owner is None:
        owner = choices[0]
    elif owner not in choices:
        raise ConfigError(f"No numbers of {measure!r} owned by {owner!r}. Available: "
                          f"{', '.join(choices)}")
    mine = [p for p in points if p.owner == owner]
    unit = max({p.unit for p in mine}, key=lambda u: sum(1 for p in mine if p.unit == u))
    mine = [p for p in mine if p.unit == unit]
    fig = go.Figure()
    targets = [p for p in mine if p.kind == "target"]
    reported = sorted((p for p in mine if p.kind == "statistic"), key=lambda p: p.year)

    def hover(p: Point) -> str:
        shown = f"{p.value:g}" + (f"–{p.value_max:g}" if p.value_max is not None else "")
        sentence = p.sentence if len(p.sentence) <= 90 else p.sentence[:88] + "…"
        return f"{p.year} {shown}{p.unit} ({p.comparator})<br>{sentence}<br><i>{p.document}</i>"

    if targets:
        fig.add_trace(go.Scatter(
            x=[p.year for p in targets], y=[p.value for p in targets], mode="markers",
            name="目标 target", marker={"symbol": "diamond", "size": 11, "color": "#D55E00"},
            error_y={"type": "data", "symmetric": False, "array": [
                (p.value_max - p.value) if p.value_max is not None else 0 for p in targets],
                "arrayminus": [0] * len(targets), "color": "#D55E00", "thickness": 3, "width": 0},
            hovertext=[hover(p) for p in targets], hoverinfo="text"))
    if reported:
        # a year without a figure breaks the line rather than bridging it
        years = range(reported[0].year, reported[-1].year + 1)
        by_year = {p.year: p for p in reported}
        fig.add_trace(go.Scatter(
            x=list(years), y=[by_year[y].value if y in by_year else None for y in years],
            mode="lines+markers", connectgaps=False,
            name="统计 reported", line={"color": "#0072B2"}, marker={"size": 8},
            hovertext=[hover(by_year[y]) if y in by_year else "" for y in years],
            hoverinfo="text"))
    fig.update_layout(
        title=f"{owner}：{measure}（{unit}）目标与统计 targets and outcomes",
        xaxis={"title": "年 year", "dtick": 1 if len({p.year for p in mine}) <= 30 else 5},
        yaxis={"title": unit}, hovermode="closest", template="plotly_white",
        font={"family": "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"},
        legend={"orientation": "h", "y": -0.15})
    # the library is inlined: the page opens offline; no MathJax, no CDN
    return fig.to_html(include_plotlyjs=True, full_html=True, include_mathjax=False,
                       config={"displaylogo": False, "responsive": True})


__all__ = ["Point", "owners", "render_chart", "series"]
