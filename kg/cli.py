"""The command line: ``kg build``, ``kg query``, ``kg viz``, ``kg chart``, ``kg eval`` and more.

The only module that prints or exits. A :class:`~kg.errors.KgError` becomes one line on stderr
and its exit code (2 input, 3 resource, 4 query, 5 usage); a build with skipped files exits 6.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.errors import InputError, KgError

EXIT_SKIPPED = 6
EXIT_USAGE = 5  # a bad option or argument, as ConfigError
POSITIVE = click.IntRange(min=1)


def _fail(e: KgError) -> None:
    click.echo(f"kg: error: {e}", err=True)
    sys.exit(e.exit_code)


class _OneLineErrors(click.Group):
    """A group whose usage errors (a bad or missing value) are one line and exit 5, like every
    other error of kg, instead of click's usage screen."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):  # type: ignore[override]
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as e:
            if type(e).__name__ == "NoArgsIsHelpError" and e.ctx is not None:
                click.echo(e.ctx.get_help())  # plain `kg`: the help, not an error
                sys.exit(0)
            click.echo(f"kg: error: {e.format_message()}", err=True)
            sys.exit(EXIT_USAGE)
        except click.Abort:
            click.echo("kg: interrupted", err=True)
            sys.exit(130)
        except click.ClickException as e:
            click.echo(f"kg: error: {e.format_message()}", err=True)
            sys.exit(e.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=_OneLineErrors)
@click.version_option(package_name="policykg")
def main() -> None:
    """policykg: knowledge graphs from Chinese policy and industry documents."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--outdir", default="outputs", show_default=True,
              type=click.Path(file_okay=False),
              help="Folder for graph.ttl, graph.html and report.json.")
@click.option("--no-html", is_flag=True, help="Skip graph.html.")
@click.option("--strict", is_flag=True, help="Fail on the first file that cannot be built.")
@click.option("--format", "formats", default="ttl", show_default=True,
              help="Graph files to write, comma-separated: ttl, trig, nq, jsonld.")
@click.option("--workers", type=POSITIVE, default=None,
              help="Worker processes for extraction [default: all cores].")
@click.option("--max-doc-seconds", type=click.FloatRange(min=0, min_open=True), default=600,
              show_default=True,
              help="A document whose extraction takes longer is reported and skipped.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="Dask scheduler address (tcp://host:port) for --engine dask.")
@click.option("--no-cache", is_flag=True, help="Extract every document again.")
def build(inputs: tuple[str, ...], outdir: str, no_html: bool, strict: bool, formats: str,
          workers: int | None, max_doc_seconds: float, engine: str, scheduler: str | None,
          no_cache: bool) -> None:
    """Build the graph of INPUTS (files or folders of .txt) into OUTDIR.

    Example: kg build data/ -o outputs/
    """
    from kg.build import build as run_build

    def on_error(path: str, reason: str) -> None:
        click.echo(f"kg: skipped {reason if reason.startswith(path) else path + ': ' + reason}",
                   err=True)
        if strict:
            sys.exit(EXIT_SKIPPED)

    try:
        report = run_build(inputs, outdir, html=not no_html, on_error=on_error,
                           formats=[f.strip() for f in formats.split(",") if f.strip()],
                           workers=workers, engine=engine, scheduler=scheduler,
                           cache=not no_cache, progress=_progress_bar(),
                           max_doc_seconds=max_doc_seconds)
    except KgError as e:
        _fail(e)
        return
    if report.unchanged:
        click.echo(f"unchanged: {len(report.documents)} document(s) as in the last build; "
                   f"{outdir} left as it was")
        sys.exit(EXIT_SKIPPED if report.skipped else 0)
    click.echo(f"built {len(report.documents)} document(s), {report.articles} article(s), "
               f"{report.triples} triples")
    for cls, n in report.classes.items():
        click.echo(f"  {cls:22} {n}")
    for path in report.outputs:
        click.echo(f"wrote {path}")
    if report.skipped:
        click.echo(f"kg: {len(report.skipped)} file(s) skipped, listed in "
                   f"{Path(outdir) / 'report.json'}", err=True)
        sys.exit(EXIT_SKIPPED)


def _progress_bar():
    """A one-line progress bar on stderr when it is a terminal (documents, chars/s, ETA)."""
    import time
    if not sys.stderr.isatty():
        return None
    start = time.monotonic()

    def show(done: int, total: int, chars: int, total_chars: int) -> None:
        elapsed = max(time.monotonic() - start, 1e-6)
        percent = chars * 100 // max(total_chars, 1)
        rate = chars / elapsed
        eta = (total_chars - chars) / rate if rate else 0
        bar = "#" * (percent // 4)
        click.echo(f"\r[{bar:25}] {done}/{total} documents {percent:3d}%  {rate:9,.0f} chars/s  "
                   f"ETA {eta:5.1f}s", err=True, nl=done == total)
    return show


@main.command()
@click.argument("graph", type=click.Path(), required=False)
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(exists=True, dir_okay=False),
              help="Read the query from a .rq file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@click.option("--list", "list_library", is_flag=True, help="List the query library.")
def query(graph: str | None, sparql: str | None, query_file: str | None, fmt: str,
          list_library: bool) -> None:
    """Answer a SPARQL query over GRAPH (with the ontology loaded).

    SPARQL is a query, or the NAME of one in the library (kg query --list).

    Example: kg query outputs/graph.ttl 'SELECT ?n WHERE { ?p a kgo:Person ; rdfs:label ?n }'

    Example: kg query outputs/graph.ttl coissuers
    """
    from kg.library import library, library_query
    from kg.query import format_answer, run_query
    from kg.store import load_store
    try:
        if list_library:
            for q in library():
                click.echo(f"{q.name:28} {q.description}")
            return
        if not graph:
            raise click.UsageError("give a GRAPH file (or --list)")
        if query_file:
            sparql = Path(query_file).read_text(encoding="utf-8")
        if not sparql:
            raise click.UsageError("give a SPARQL query, a library NAME or -f FILE")
        if "{" not in sparql and " " not in sparql.strip():
            sparql = library_query(sparql).text
        answer = run_query(load_store(graph), sparql)
    except KgError as e:
        _fail(e)
        return
    click.echo(format_answer(answer, fmt))


@main.command()
@click.argument("graph", type=click.Path())
@click.option("-o", "--output", default="graph.html", show_default=True, type=click.Path())
@click.option("--focus", help="Draw only the network around this name or alias.")
@click.option("--hops", default=2, show_default=True, type=click.IntRange(min=0),
              help="How far from --focus.")
@click.option("--query", "query_file", type=click.Path(exists=True, dir_okay=False),
              help="Draw the subgraph a CONSTRUCT query (.rq) returns.")
@click.option("--graphml", type=click.Path(), help="Also write GraphML (Gephi, Cytoscape).")
@click.option("--gexf", type=click.Path(), help="Also write GEXF (Gephi).")
def viz(graph: str, output: str, focus: str | None, hops: int, query_file: str | None,
        graphml: str | None, gexf: str | None) -> None:
    """Draw GRAPH as an interactive network page.

    Example: kg viz outputs/graph.ttl -o network.html --focus 工信部 --hops 1
    """
    from kg.files import write_atomic
    from kg.store import load_store
    from kg.viz import ego, export, network_from_store, render_html
    from kg.viz.graphs import subgraph_of_query
    try:
        store = load_store(graph)
        if query_file:
            store = subgraph_of_query(store, Path(query_file).read_text(encoding="utf-8"))
        net = network_from_store(store)
        if focus:
            net = ego(net, focus, hops)
        write_atomic(Path(output), render_html(net).encode("utf-8"))
        for path in (graphml, gexf):
            if path:
                export(net, path)
    except KgError as e:
        _fail(e)
        return
    click.echo(f"wrote {output} ({len(net.nodes)} nodes, {len(net.edges)} edges)")


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--measure", "--indicator", "measure", default="国内生产总值增长", show_default=True,
              help="The measure (normalised indicator) to draw, e.g. 城镇新增就业.")
@click.option("--owner", help="Whose numbers: a place, organisation or programme label "
                              "[default: the one with the most].")
@click.option("-o", "--output", default="chart.html", show_default=True, type=click.Path())
def chart(graph: str, measure: str, owner: str | None, output: str) -> None:
    """Draw one measure's targets and reported outcomes over the years (one offline HTML file).

    Example: kg chart outputs/graph.ttl --measure 国内生产总值增长 -o gdp.html
    """
    from kg.chart import render_chart, series
    from kg.files import write_atomic
    from kg.store import load_store
    try:
        points = series(load_store(graph), measure)
        write_atomic(Path(output), render_chart(points, measure, owner).encode("utf-8"))
    except KgError as e:
        _fail(e)
        return
    click.echo(f"wrote {output} ({sum(1 for p in points if p.kind == 'target')} targets, "
               f"{sum(1 for p in points if p.kind == 'statistic')} statistics of {measure})")


@main.command()
@click.argument("graph", type=click.Path())
def validate(graph: str) -> None:
    """Check GRAPH against the SHACL shapes (ontology/shapes.ttl); exit 1 if it does not conform.

    Example: kg validate outputs/graph.ttl
    """
    from kg.validate import validate_file
    try:
        report = validate_file(graph)
    except KgError as e:
        _fail(e)
        return
    if report.conforms:
        click.echo(f"{graph}: conforms")
    else:
        click.echo(report.text)
        sys.exit(1)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port (0: any free port).")
@click.option("--timeout", default=10.0, show_default=True,
              type=click.FloatRange(min=0, min_open=True),
              help="Seconds a query may run before it is stopped.")
@click.option("--max-rows", default=10_000, show_default=True, type=POSITIVE,
              help="Rows (or triples) a result may have at most.")
@click.option("--workers", default=3, show_default=True, type=POSITIVE,
              help="Query worker processes, each holding the store (long queries may hold all "
                   "but one).")
@click.option("--worker-memory", default=1024, show_default=True, type=POSITIVE,
              help="MB a query may take in its worker beyond the loaded graph.")
@click.option("--allow-service", is_flag=True, help="Allow federated SERVICE calls.")
def serve(graph: str, host: str, port: int, timeout: float, max_rows: int, workers: int,
          worker_memory: int, allow_service: bool) -> None:
    """Serve GRAPH as a read-only SPARQL endpoint at /sparql, with a query page at /.

    Example: kg serve outputs/graph.ttl --port 8000
    """
    from kg.server import Server
    try:
        server = Server(graph, host, port, timeout, max_rows, workers, allow_service,
                        worker_memory)
        server.wait_ready()
    except (KgError, OSError) as e:
        _fail(e if isinstance(e, KgError) else KgError(f"cannot listen on {host}:{port} ({e})"))
        return
    click.echo(f"SPARQL endpoint at {server.url}/sparql, query page at {server.url}/ (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--endpoint", required=True,
              help="Graph Store endpoint, e.g. http://127.0.0.1:8890/sparql-graph-crud-auth")
@click.option("--graph", "graph_iri", default="https://w3id.org/policykg/graph", show_default=True,
              help="The named graph to load into.")
@click.option("--user", help="User for HTTP basic or digest authentication.")
@click.option("--password", envvar="KG_PUSH_PASSWORD", help="Password (or KG_PUSH_PASSWORD).")
@click.option("--batch", default=10_000, show_default=True, type=POSITIVE,
              help="Triples a request at most (halved when the server refuses a batch).")
@click.option("--append", is_flag=True, help="Add to the named graph instead of replacing it.")
@click.option("--resume", is_flag=True,
              help="Go on after the last batch an interrupted push of this file landed.")
def push(graph: str, endpoint: str, graph_iri: str, user: str | None, password: str | None,
         batch: int, append: bool, resume: bool) -> None:
    """Load GRAPH into a SPARQL server through the Graph Store HTTP Protocol, in batches.

    Example: kg push outputs/graph.ttl --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba --password dba
    """
    from kg.push import push as run_push
    try:
        report = run_push(graph, endpoint, graph_iri, user, password, batch, replace=not append,
                          resume=resume)
    except KgError as e:
        _fail(e)
        return
    click.echo(f"pushed {report.triples} triples in {report.batches} batch(es) to <{report.graph}>")


@main.command(name="eval")
@click.argument("graph", type=click.Path())
@click.argument("gold", type=click.Path(), required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--workers", type=POSITIVE, default=1, show_default=True,
              help="Worker processes for extraction (a folder only).")
def evaluate(graph: str, gold: str | None, as_json: bool, workers: int) -> None:
    """Score GRAPH against a GOLD annotation (precision, recall, F1 per bucket), or build and
    score a FOLDER of documents with gold (X.txt beside X.gold.json): all of them together and
    per genre (the first letter of a file's name).

    Example: kg eval outputs/graph.ttl tests/data/xinxi-subao-043.gold.json

    Example: kg eval ../shared/data/dev
    """
    import json

    from kg.evaluate import evaluate_folder, format_folder, format_scores, score_files
    try:
        if gold is None:
            if not Path(graph).exists():
                raise InputError(f"{graph}: no such folder")
            if not Path(graph).is_dir():
                raise click.UsageError("give GRAPH and GOLD, or a FOLDER of documents with gold")
            folder = evaluate_folder(graph, workers=workers)
            click.echo(json.dumps(folder.to_json(), ensure_ascii=False, indent=2) if as_json
                       else format_folder(folder))
            return
        scores = score_files(graph, gold)
    except KgError as e:
        _fail(e)
        return
    click.echo(json.dumps(scores, ensure_ascii=False, indent=2) if as_json
               else format_scores(scores))


if __name__ == "__main__":
    main()
