"""Cross-article entity resolution benchmark: score_er.py on the invented set and on the news set.

    python benchmarks/resolution/run.py [--show] [--cmd 'kg build {input} -o {output}']

Prints, per set, score_er's pairwise merge precision / recall / F1 (over pairs of gold surface forms
of one entity: a pair is right when some node carries both forms), its false merges (nodes that
carry forms of two gold entities) and how many gold entities end on exactly one node.

score_er drops trap forms (a form two gold entities share, such as two people called 陈思远) from
the clusters, so it cannot see whether those entities are kept apart. The "traps" column adds that
check from the same graph: for each trap, the nodes labelled with the trap form that the trap's
entities' own stories mention (schema:mentions / schema:author of the article read from that file);
a trap is "apart" when no node serves two of its entities. It is reported next to score_er's
figures, not folded into them.

The news set (news_set.py) is skipped when ../shared/data is absent.
"""
from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import news_set  # noqa: E402

REPO = HERE.parents[1]
DEFAULT_SCORER = REPO.parent / "shared" / "eval" / "score_er.py"
SCHEMA = ("http://schema.org/", "https://schema.org/")


def parse(output: str) -> dict:
    out: dict = {}
    m = re.search(r"clusters (\d+)\s+found (\d+)\s+resolved to one node (\d+)\s+false merges (\d+)\s+"
                  r"forms never extracted (\d+)", output)
    if m:
        out.update(zip(("clusters", "found", "one_node", "false_merges", "missing"), map(int, m.groups())))
    m = re.search(r"precision ([\d.]+) recall ([\d.]+) F1 ([\d.]+)\s+\(tp (\d+) fp (\d+) fn (\d+)\)", output)
    if m:
        out.update(p=float(m[1]), r=float(m[2]), f1=float(m[3]), tp=int(m[4]), fp=int(m[5]), fn=int(m[6]))
    return out


def trap_check(graph_path: Path, gold: dict, scorer: Path, ontology: str) -> list[tuple[str, str, list[int], bool]]:
    """(form, status, nodes per entity, apart) for every trap of the gold."""
    sys.path.insert(0, str(scorer.parent))
    from rdflib import Graph, URIRef
    from score import load_ontology, norm, predicted, read_rdf

    g = Graph()
    read_rdf(g, graph_path)
    ents, labels, _ = predicted(g, load_ontology(ontology))
    in_doc: dict[str, set] = {}
    for article, source in g.subject_objects(URIRef("https://w3id.org/zhkg/ns#sourceFile")):
        nodes = set()
        for s in SCHEMA:
            nodes |= set(g.objects(article, URIRef(s + "mentions"))) | set(g.objects(article, URIRef(s + "author")))
        in_doc.setdefault(Path(str(source)).name, set()).update(nodes)
    docs = {c["name"]: c["docs"] for c in gold["clusters"]}
    rows = []
    for trap in gold.get("traps", []):
        form = norm(trap["form"])
        holders = [{e for d in docs[name] for e in in_doc.get(d, ()) if e in ents and form in labels[e]}
                   for name in trap["clusters"]]
        shared = any(a & b for i, a in enumerate(holders) for b in holders[i + 1:])
        if shared:
            status = "MERGED"
        elif not all(holders):
            status = "not found"
        else:
            status = "apart"
        rows.append((trap["form"], status, [len(h) for h in holders], status == "apart"))
    return rows


def run_set(name: str, folder: Path, a, tmp: Path) -> dict:
    keep = tmp / f"{name}.ttl"
    cmd = f"{a.cmd} && cp {{output}} {shlex.quote(str(keep))}"
    args = [sys.executable, str(a.scorer), str(folder), "--cmd", cmd, "--ontology", a.ontology]
    p = subprocess.run(args + (["--show"] if a.show else []), capture_output=True, text=True)
    result = parse(p.stdout)
    result["name"] = name
    result["stories"] = len(list(folder.glob("*.txt")))
    if p.returncode != 0 or "f1" not in result:
        result["error"] = (p.stdout + p.stderr)[-800:]
        return result
    result["output"] = p.stdout
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    result["traps"] = trap_check(keep, gold, a.scorer, a.ontology) if keep.exists() else []
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description="cross-article entity resolution benchmark")
    ap.add_argument("--cmd", default="kg build {input} -o {output}")
    ap.add_argument("--ontology", default=str(REPO / "ontology"))
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--data", type=Path, default=news_set.DEFAULT_DATA)
    ap.add_argument("--show", action="store_true", help="print score_er's splits, false merges and missing forms")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"no scorer at {a.scorer}")
        return 1
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        results.append(run_set("invented", HERE / "invented", a, tmp))
        if news_set.available(a.data):
            results.append(run_set("news", news_set.write_set(tmp / "news", a.data), a, tmp))
        else:
            print(f"news set skipped: no {a.data}/news/xwlb_*.jsonl")
    header = (f"{'set':<9} {'stories':>7} {'entities':>8} {'found':>5} {'1 node':>6} {'P':>6} {'R':>6} {'F1':>6} "
              f"{'false merges':>12} {'traps apart':>11}")
    print(header)
    print("-" * len(header))
    for r in results:
        if "error" in r:
            print(f"{r['name']:<9} failed: {r['error']}")
            continue
        traps = f"{sum(t[3] for t in r['traps'])}/{len(r['traps'])}"
        print(f"{r['name']:<9} {r['stories']:>7} {r['clusters']:>8} {r['found']:>5} {r['one_node']:>6} {r['p']:>6.3f} "
              f"{r['r']:>6.3f} {r['f1']:>6.3f} {r['false_merges']:>12} {traps:>11}")
    print("P/R/F1: pairwise over the gold surface forms of one entity; 1 node: entities whose forms all "
          "end on one node")
    for r in results:
        if "error" in r:
            continue
        print(f"\n[{r['name']}] tp {r['tp']} fp {r['fp']} fn {r['fn']}, forms never extracted {r['missing']}")
        for form, status, counts, _ in r["traps"]:
            print(f"  trap {form}: {status} (nodes per entity {counts})")
        if a.show:
            print("\n".join(line for line in r["output"].splitlines()
                            if line.startswith(("SPLIT", "MERGED", "MISSING"))))
    if a.json:
        a.json.write_text(json.dumps([{k: v for k, v in r.items() if k != "output"} for r in results],
                                     ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if any("error" in r for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
