"""Cross-article resolution set built from CCTV evening-news transcripts, without copying them.

The stories (CCTV copyright, study use only) stay in ../shared/data/news/xwlb_*.jsonl. The
repository keeps only ``news_gold.json``: the ids of the selected stories and, per entity, its name,
type, surface forms and the ids of the stories that use them. This script looks the stories up by
id, writes them as ``ID.txt`` with a ``gold.json`` (docs → ``ID.txt``) into a temporary folder and
runs score_er.py on that folder.

The 26 stories were chosen to repeat entities in different forms: 中国人民银行 / 人民银行 / 央行,
工业和信息化部 / 工信部, 国家发展和改革委员会 / 国家发展改革委 / 国家发改委 / 发改委,
国务院新闻办公室 / 国务院新闻办 / 国新办, 全国人大常委会法制工作委员会 / 法工委, officials named
with different posts (苗圩, 周小川, 何立峰), and traps: 吉林 (吉林省 in most stories, 吉林市 in one)
and two people named 张勇 (国家发改委副主任; 全国人大常委会法工委副主任).

usage: python benchmarks/resolution/news_set.py [--data ../shared/data] [--keep DIR] [score_er options]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
GOLD = HERE / "news_gold.json"
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_SCORER = REPO.parent / "shared" / "eval" / "score_er.py"


def news_files(data: Path) -> list[Path]:
    return sorted((Path(data) / "news").glob("xwlb_*.jsonl"))


def available(data: Path = DEFAULT_DATA) -> bool:
    return bool(news_files(data))


def write_set(out: Path, data: Path = DEFAULT_DATA) -> Path:
    """Write the selected stories and gold.json into ``out``; returns ``out``."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    wanted = set(gold["stories"])
    texts: dict[str, str] = {}
    for path in news_files(data):
        with path.open(encoding="utf-8") as f:
            for line in f:
                if '"id"' not in line:
                    continue
                story = json.loads(line)
                if story.get("id") in wanted:
                    texts[story["id"]] = story["text"]
        if len(texts) == len(wanted):
            break
    missing = wanted - set(texts)
    if missing:
        raise SystemExit(f"stories not found in {data}/news: {sorted(missing)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for sid, text in texts.items():
        (out / f"{sid}.txt").write_text(text.strip() + "\n", encoding="utf-8")
    clusters = [dict(c, docs=[f"{d}.txt" for d in c["docs"]]) for c in gold["clusters"]]
    (out / "gold.json").write_text(json.dumps({"clusters": clusters, "traps": gold["traps"]},
                                              ensure_ascii=False, indent=1), encoding="utf-8")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (holds news/)")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="score_er.py")
    ap.add_argument("--keep", type=Path, help="write the set here and keep it (default: a temporary folder)")
    ap.add_argument("--cmd", default="kg build {input} -o {output}")
    ap.add_argument("--ontology", default=str(REPO / "ontology"))
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    if not available(a.data):
        print(f"skipped: no {a.data}/news/xwlb_*.jsonl")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_set(a.keep or Path(tmp) / "news", a.data)
        cmd = [sys.executable, str(a.scorer), str(folder), "--cmd", a.cmd, "--ontology", a.ontology]
        return subprocess.run(cmd + (["--show"] if a.show else [])).returncode


if __name__ == "__main__":
    sys.exit(main())
