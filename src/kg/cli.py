"""The kg command: one subcommand per library call. Errors in user input print one line, no traceback."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .errors import InputError, KgError


class KgGroup(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as error:
            raise click.ClickException(str(error)) from None


@click.group(cls=KgGroup)
@click.version_option(package_name="kg-zh-news")
def main() -> None:
    """kg: turn Chinese news articles into a knowledge graph you can query and explore."""


_accurate = click.option("--accurate", is_flag=True, help="Ask a second labelling network about unsure sentences: "
                                                        "a little more accurate, about an eighth slower.")


def _is_dir_target(out: str) -> bool:
    return out.endswith(("/", "\\")) or Path(out).is_dir()


def _report(problems: list[InputError]) -> None:
    for problem in problems:
        click.echo(f"Error: {problem}", err=True)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", default=None, help="A file (graph.ttl, .trig, .nt, .nq, .jsonld) or a folder/ for graph.ttl, graph.html and summary.txt.")
@click.option("--store", "store", default=None, type=click.Path(file_okay=False), help="Add the articles to a persistent graph store in this folder (articles already there are skipped).")
@click.option("--aliases", default=None, type=click.Path(dir_okay=False), help="A same-as file: one entity a line, its names tab-separated (first is the name to use).")
@click.option("--format", "fmt", default=None, help="RDF format when the extension does not say: turtle, trig, ntriples, nquads, jsonld, xml.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
@_accurate
def build(inputs: tuple[str, ...], output: str | None, store: str | None, aliases: str | None, fmt: str | None,
          progress: bool | None, accurate: bool) -> None:
    """Build the graph of the articles in INPUTS (.txt, .md, .jsonl files or folders).

    With --store, the graph grows across runs; -o then exports the whole store.

    Examples:

        kg build examples/ -o out/

        kg build news/2024-05/ --store kgstore/ && kg query kgstore/ members
    """
    from .export import export, format_for
    from .pipeline import build as build_graph
    from .query import summarize

    if output is None and store is None:
        raise KgError("give -o OUTPUT (a file or folder/), --store FOLDER, or both")
    if output is not None and not _is_dir_target(output):
        format_for(output, fmt)  # fail before the work, not after
    show = sys.stderr.isatty() if progress is None else progress
    total = _count_files(inputs) if show else 0
    with click.progressbar(length=total, label="files", file=sys.stderr, show_pos=True) if show else _Quiet() as bar:
        result = build_graph(inputs, progress=lambda path: bar.update(1), store=store, aliases=aliases, accurate=accurate)
    _report(result.problems)
    if output is None:
        click.echo(f"added to store {store}", err=True)
    elif _is_dir_target(output):
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        graph_path = export(result.graph, folder / "graph.ttl", fmt)
        from .render import render
        from .export import write_atomic

        write_atomic(folder / "graph.html", render(result.graph).encode("utf-8"))
        summary = summarize(result.graph)
        write_atomic(folder / "summary.txt", _summary_text(summary, result).encode("utf-8"))
        click.echo(f"wrote {graph_path}, {folder / 'graph.html'}, {folder / 'summary.txt'}", err=True)
    else:
        export(result.graph, output, fmt)
        click.echo(f"wrote {output}", err=True)
    total = result.files + len({p.path for p in result.problems})
    click.echo(f"{result.articles} articles from {result.files} files", err=True)
    if result.problems:
        click.echo(f"skipped {len(result.problems)} of {total} inputs", err=True)
        sys.exit(1)


def _count_files(inputs: tuple[str, ...]) -> int:
    from .read import find_files

    total = 0
    for raw in inputs:
        try:
            total += sum(1 for _ in find_files([raw]))
        except InputError:
            total += 1
    return total


class _Quiet:
    def __enter__(self) -> "_Quiet":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        return None


def _summary_text(summary: dict[str, dict[str, int]], result) -> str:
    lines = [f"articles: {result.articles}", f"files: {result.files}", "", "entities by type:"]
    lines += [f"  {k}: {v}" for k, v in summary["types"].items()]
    lines += ["", "relations:"]
    lines += [f"  {k}: {v}" for k, v in summary["relations"].items()]
    lines += ["", f"facts: {summary['facts']}", f"triples: {summary['triples']}"]
    return "\n".join(lines) + "\n"


@main.command("extract")
@click.argument("input_path", metavar="INPUT")
@click.option("-o", "--output", required=True, help="Where to write the mentions (- for standard output).")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--references/--no-references", default=True, show_default=True,
              help='Also write names too short or generic to be graph nodes (李 of 李大娘, 市委), marked "reference": true.')
@click.option("--nested/--flat", default=False, show_default=True,
              help='Also write names inside a longer name (德国 of 德国某某公司), marked "nested": true.')
@_accurate
def extract_command(input_path: str, output: str, fmt: str, references: bool, nested: bool, accurate: bool) -> None:
    """Write the entity mentions of INPUT with character offsets.

    JSON lines input ({"id", "text"} a line) gives one output line each, offsets into "text";
    text files give one line per article.

    Example:

        kg extract sentences.jsonl -o mentions.jsonl --format jsonl
    """
    from .api import extract_records

    problems: list[InputError] = []
    lines = [json.dumps(record, ensure_ascii=False) for record in extract_records(input_path, problems, references, accurate, nested)]
    _report(problems)
    data = "\n".join(lines) + ("\n" if lines else "")
    if output == "-":
        click.echo(data, nl=False)
    else:
        from .export import write_atomic

        write_atomic(Path(output), data.encode("utf-8"))
    if problems:
        sys.exit(1)


@main.command("query")
@click.argument("graph_path", metavar="GRAPH")
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False), help="Read the query from a .rq file.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv", "xml"]), default="table", show_default=True)
def query_command(graph_path: str, sparql: str | None, query_file: str | None, fmt: str) -> None:
    """Run a SPARQL query over GRAPH (an RDF file): query text, a .rq file, or an example name.

    Examples:

        kg query out/graph.ttl members

        kg query out/graph.ttl 'SELECT ?s WHERE { ?s a <https://schema.org/Person> }' --format csv
    """
    from .export import load
    from .query import format_result, query

    text = query_file or sparql
    if not text:
        raise KgError("give a query: SPARQL text, -f FILE.rq, or an example name (kg query --list)")
    result = query(load(graph_path), text)
    click.echo(format_result(result, fmt).rstrip("\n"))


@main.command("queries")
def queries_command() -> None:
    """List the example queries shipped with kg (run one with: kg query GRAPH NAME)."""
    from .resources import named_queries

    for name, text in named_queries().items():
        first = next((l[1:].strip() for l in text.splitlines() if l.startswith("#")), "")
        click.echo(f"{name:<20} {first}")


@main.command("render")
@click.argument("graph_path", metavar="GRAPH")
@click.option("-o", "--output", required=True, help="The HTML file to write.")
@click.option("--focus", default=None, help="Only the neighbourhood of the entity with this name.")
@click.option("--hops", default=2, show_default=True, help="How far from --focus to go.")
@click.option("--types", default=None, help="Entity types to keep, e.g. Organization,Person.")
@click.option("--max-nodes", default=2000, show_default=True, help="Draw the most connected nodes first beyond this; the others come in with 'show neighbours' or the search.")
@click.option("--query", "view_query", default=None, help="A SPARQL CONSTRUCT (.rq file or text) whose result graph is what gets drawn.")
def render_command(graph_path: str, output: str, focus: str | None, hops: int, types: str | None, max_nodes: int,
                   view_query: str | None) -> None:
    """Draw GRAPH as one self-contained, offline HTML page.

    Examples:

        kg render out/graph.ttl -o graph.html --focus 青禾集团 --hops 1

        kg render out/graph.ttl -o people.html --query examples/views/people_and_organizations.rq
    """
    from .export import load, write_atomic
    from .render import render

    kinds = {t.strip() for t in types.split(",")} if types else None
    html = render(load(graph_path), max_nodes=max_nodes, focus=focus, hops=hops, types=kinds, query=view_query)
    write_atomic(Path(output), html.encode("utf-8"))
    click.echo(f"wrote {output}", err=True)


@main.command("serve")
@click.argument("graph_path", metavar="GRAPH")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (keep 127.0.0.1 unless you mean to share it).")
@click.option("--port", default=8000, show_default=True, help="Port to listen on (0: any free port).")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds a query may run before it is stopped (HTTP 504).")
@click.option("--max-rows", default=10000, show_default=True, help="Largest result in rows or triples; more is refused (HTTP 413).")
def serve_command(graph_path: str, host: str, port: int, timeout: float, max_rows: int) -> None:
    """Serve GRAPH (an RDF file, or a folder holding graph.ttl) as a read-only SPARQL 1.1 endpoint.

    Queries go to http://HOST:PORT/sparql (GET ?query= or POST); a query page is at /.
    SERVICE, LOAD, FROM and updates are refused.

    Example:

        kg serve out/graph.ttl --port 8000
    """
    from .serve import serve

    serve(graph_path, host=host, port=port, timeout_s=timeout, max_rows=max_rows)


if __name__ == "__main__":  # pragma: no cover
    main()
