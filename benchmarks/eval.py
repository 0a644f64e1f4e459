"""Every extraction score ../shared lets us measure, for kg and the jieba.posseg baseline, in one table.

* ``score.py`` (graphs, strict entity and relation F1) on the gold folders ``dev`` and ``dev2``;
* ``score_ner.py`` (span F1 through ``kg extract``) on the parts of the training corpora that the
  labeller never sees: the last 5 % of MSRA train, the last 10 % of CLUENER2020 train (the same
  cut as ``scripts/train_labeller.py``) and People's Daily 1998 dev.

    python benchmarks/eval.py                  # everything (about 10 minutes here)
    python benchmarks/eval.py --limit 500      # at most 500 sentences per NER set
    python benchmarks/eval.py --only kg --json eval.json

It prints a Markdown table headed by the date and the commit; the two scorers are run as
subprocesses exactly as ``../shared/eval/README.md`` says, so the figures are theirs.
"""
from __future__ import annotations

import argparse
import datetime
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EVAL = SHARED / "eval"

#: system → (score.py command, score_ner.py command); {input} and {output} are filled by the scorers.
SYSTEMS = {
    "kg": ("kg build {input} -o {output}", "kg extract {input} -o {output} --format jsonl"),
    "kg --accurate": ("kg build --accurate {input} -o {output}", "kg extract --accurate {input} -o {output} --format jsonl"),
    "jieba.posseg": (
        f"{sys.executable} {EVAL / 'baseline_jieba.py'} {{input}} -o {{output}}",
        f"{sys.executable} {EVAL / 'baseline_jieba_extract.py'} {{input}} -o {{output}}",
    ),
}
#: held-out fraction at the end of each training corpus (as in scripts/train_labeller.py)
MSRA_HELD_OUT = 0.05
CLUENER_HELD_OUT = 0.10


def bio_blocks(path: Path) -> list[str]:
    """The sentences of a BIO file (blank-line separated blocks), as text blocks."""
    blocks, current = [], []
    for line in path.read_text("utf-8").split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def held_out_sets(folder: Path) -> dict[str, tuple[Path, str]]:
    """Write the held-out NER sets into ``folder``: name → (file, score_ner format)."""
    data = SHARED / "data"
    msra = bio_blocks(data / "msra" / "train.bio")
    msra_file = folder / "msra_heldout.bio"
    msra_file.write_text("\n\n".join(msra[len(msra) - int(len(msra) * MSRA_HELD_OUT) :]) + "\n", "utf-8")
    cluener = [line for line in (data / "cluener2020" / "train.json").read_text("utf-8").split("\n") if line.strip()]
    cluener_file = folder / "cluener_heldout.json"
    cluener_file.write_text("\n".join(cluener[len(cluener) - int(len(cluener) * CLUENER_HELD_OUT) :]) + "\n", "utf-8")
    return {
        "MSRA (last 5% of train)": (msra_file, "bio"),
        "CLUENER2020 (last 10% of train)": (cluener_file, "cluener"),
        "People's Daily 1998 dev": (data / "peoples_daily_1998" / "dev.bio", "bio"),
    }


def run(argv: list[str]) -> str:
    done = subprocess.run(argv, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return done.stdout


def score_graphs(gold: Path, cmd: str) -> dict:
    """score.py on one gold folder: {"entity": {p, r, f1}, "relation": {...}}."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "score.json"
        run([sys.executable, str(EVAL / "score.py"), str(gold), "--cmd", cmd, "--ontology", "ontology", "--json", str(out)])
        result = json.loads(out.read_text("utf-8"))
    return {kind: _prf(result, kind) for kind in ("entity", "relation")}


def _prf(result: dict, kind: str) -> dict:
    """Strict micro P/R/F1 of ``kind`` ("entity" or "relation") from score.py's JSON."""
    got = result[kind]
    return {"p": got["p"], "r": got["r"], "f1": got["f"]}


_ALL = re.compile(r"^all\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", re.M)
_TYPE = re.compile(r"^(Organization|Place|Person)\s+[\d.]+\s+[\d.]+\s+([\d.]+)", re.M)
_SPEED = re.compile(r"\((\d+) chars/s")


def score_spans(data: Path, fmt: str, cmd: str, limit: int) -> dict:
    """score_ner.py on one set: overall P/R/F1, F1 per type and characters per second."""
    argv = [sys.executable, str(EVAL / "score_ner.py"), str(data), "--format", fmt, "--cmd", cmd]
    if limit:
        argv += ["--limit", str(limit)]
    out = run(argv)
    p, r, f1 = map(float, _ALL.search(out).groups())
    return {"p": p, "r": r, "f1": f1, "types": dict(_TYPE.findall(out)), "chars_per_s": int(_SPEED.search(out).group(1))}


def commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO)
    return done.stdout.strip() or "unknown"


def table(results: dict) -> str:
    systems = list(results)
    rows = [
        f"Extraction scores, {datetime.date.today().isoformat()}, commit {commit()} "
        f"(python benchmarks/eval.py{' ' + ' '.join(sys.argv[1:]) if sys.argv[1:] else ''})",
        "",
        "| set | measure | " + " | ".join(systems) + " |",
        "|---|---|" + "---|" * len(systems),
    ]
    first = results[systems[0]]
    for name, measures in first.items():
        for measure in measures:
            cells = []
            for system in systems:
                got = results[system].get(name, {}).get(measure)
                cells.append("" if got is None else f"{got['f1']:.3f} (P {got['p']:.3f} R {got['r']:.3f})")
            rows.append(f"| {name} | {measure} F1 | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=list(SYSTEMS), help="score one system")
    ap.add_argument("--limit", type=int, default=0, help="at most N sentences per NER set")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = ap.parse_args(argv)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        sets = held_out_sets(Path(tmp))
        for system, (build_cmd, extract_cmd) in SYSTEMS.items():
            if args.only and system != args.only:
                continue
            mine = results[system] = {}
            for gold in ("dev", "dev2"):
                mine[f"score.py {gold}"] = score_graphs(EVAL / gold, build_cmd)
                print(f"{system} {gold}: {mine[f'score.py {gold}']}", file=sys.stderr)
            for name, (data, fmt) in sets.items():
                mine[name] = {"span": score_spans(data, fmt, extract_cmd, args.limit)}
                print(f"{system} {name}: {mine[name]}", file=sys.stderr)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
