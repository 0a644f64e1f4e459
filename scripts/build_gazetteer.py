#!/usr/bin/env python3
"""Build the packaged gazetteer lexicons from the shared raw data.

Writes, under ``src/kg/data/lexicons/``:

* ``divisions.tsv`` - Chinese administrative divisions down to township level
  (province, prefecture, county, township; no villages), columns
  ``code  name  short_name  level  parent_code``.
* ``countries.tsv`` - countries, continents and well-known foreign cities,
  columns ``name  kind  aliases  region`` (``aliases`` joined by ``|``).

Sources (read-only, never copied wholesale into the repository):

* ``gazetteer/modood/`` - 2023 statistical division codes (National Bureau of
  Statistics, as packaged by modood/Administrative-divisions-of-China, WTFPL):
  codes and names of provinces, prefectures, counties and townships.
* ``gazetteer/modood/HK-MO-TW.json`` - Hong Kong, Macao and Taiwan subdivisions (names only).
* ``gazetteer/jionlp/china_location.txt`` - short names of levels 1-3 (JioNLP, Apache-2.0).
* ``gazetteer/jionlp/world_location.txt`` - countries by continent (Apache-2.0).
* ``gazetteer/cpca/56_nations.csv`` - the 56 ethnic groups, used to strip
  ``XX族自治州`` style suffixes when deriving short names (cpca, MIT).

Usage::

    python scripts/build_gazetteer.py [SHARED_DIR]

``SHARED_DIR`` defaults to ``../shared`` relative to the repository root (the
folder holding ``data/gazetteer``); ``SHARED_DIR/data`` or the gazetteer folder
itself are accepted too.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "kg" / "data" / "lexicons"

# Suffixes removed to derive a short name, longest first within a level.
PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省", "市")
PREFECTURE_SUFFIXES = ("自治州", "地区", "盟", "市", "县")
COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "新区", "县", "区", "市", "旗")
TOWNSHIP_SUFFIXES = ("街道办事处", "民族苏木", "民族乡", "街道", "苏木", "镇", "乡")

# Short forms that would be nonsense or clash with generic words even though
# they are >= 2 chars after stripping (derived names only; jionlp's own short
# names are checked by the same clash rules below).
GENERIC_STEMS = {"城关", "城区", "郊区", "矿区", "新区", "市区", "市中", "城中", "中心", "开发", "经济"}


def find_gazetteer(arg: str | None) -> Path:
    base = Path(arg) if arg else REPO.parent / "shared"
    for cand in (base, base / "data" / "gazetteer", base / "gazetteer"):
        if (cand / "jionlp" / "china_location.txt").is_file() and (cand / "modood").is_dir():
            return cand
    sys.exit(f"gazetteer data not found under {base}")


def ethnic_pattern(gaz: Path) -> re.Pattern[str]:
    names = [s.strip() for s in (gaz / "cpca" / "56_nations.csv").read_text("utf-8").splitlines() if s.strip()]
    names = sorted({n for n in names} | {n[:-1] for n in names if n.endswith("族") and len(n) > 2}, key=len, reverse=True)
    # e.g. 恩施土家族苗族自治州, 长阳土家族自治县, 海西蒙古族藏族自治州, 阿坝藏族羌族自治州
    alt = "|".join(map(re.escape, names))
    return re.compile(rf"^(.+?)(?:(?:{alt})族?)+自治(?:州|县|旗)$")


def derive_short(name: str, level: int, ethnic: re.Pattern[str]) -> str:
    m = ethnic.match(name)
    if m and len(m.group(1)) >= 2:
        return m.group(1)
    suffixes = {1: PROVINCE_SUFFIXES, 2: PREFECTURE_SUFFIXES, 3: COUNTY_SUFFIXES, 4: TOWNSHIP_SUFFIXES}[level]
    for suf in suffixes:
        if name.endswith(suf) and len(name) > len(suf):
            return name[: -len(suf)]
    return name


def read_jionlp_tree(path: Path) -> list[tuple[int, str, str, str, list[str]]]:
    """(depth, name, code, short, path-of-names) for every line of depth <= 2 (levels 1-3)."""
    rows = []
    stack: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            depth = len(line) - len(line.lstrip("\t"))
            if depth > 2:
                continue
            fields = line.strip("\t").split("\t")
            del stack[depth:]
            stack.append(fields[0])
            code = fields[1] if len(fields) > 1 else ""
            short = fields[2] if len(fields) > 2 else ""
            rows.append((depth, fields[0], code, short, list(stack)))
    return rows


def build_divisions(gaz: Path) -> list[list[str]]:
    ethnic = ethnic_pattern(gaz)
    mod = gaz / "modood"

    def rows(name: str) -> list[dict[str, str]]:
        with (mod / f"{name}.csv").open(encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    divs: dict[str, list] = {}  # code -> [code, name, short, level, parent]

    for r in rows("provinces"):
        code = r["code"].ljust(6, "0")
        divs[code] = [code, r["name"], "", 1, ""]
    city_code: dict[str, str] = {}  # modood 4-digit city code -> our parent code for its counties
    for r in rows("cities"):
        prov = r["provinceCode"].ljust(6, "0")
        if r["name"] in ("市辖区", "县") or "直辖县级行政区划" in r["name"]:
            city_code[r["code"]] = prov  # placeholder: counties hang under the province
            continue
        code = r["code"].ljust(6, "0")
        city_code[r["code"]] = code
        divs[code] = [code, r["name"], "", 2, prov]
    for r in rows("areas"):
        code = r["code"]
        if code in divs:  # prefecture-level city without counties (东莞市, 中山市, 儋州市 ...)
            continue
        divs[code] = [code, r["name"], "", 3, city_code[r["cityCode"]]]
    for r in rows("streets"):
        code = r["code"]
        parent = r["areaCode"]
        if parent not in divs:
            sys.exit(f"township {code} {r['name']} has unknown parent {parent}")
        divs[code] = [code, r["name"], "", 4, parent]

    # Hong Kong, Macao, Taiwan: modood's HK-MO-TW.json lists names only; codes are synthetic:
    # provinces 810000 / 820000 / 710000 (GB/T 2260), HK/MO districts 8x00NN directly under
    # the SAR (the 香港岛/九龙/新界 grouping is not an administrative level), Taiwan's cities and
    # counties 71NN00 and their districts 71NNMM, numbered in source order.
    hmt = json.loads((mod / "HK-MO-TW.json").read_text("utf-8"))
    for prov_name, groups in hmt.items():
        prov = {"香": "810000", "澳": "820000", "台": "710000"}[prov_name[0]]
        divs[prov] = [prov, prov_name, "", 1, ""]
        if prov == "710000":
            for i, (city, districts) in enumerate(groups.items(), 1):
                ccode = f"71{i:02d}00"
                divs[ccode] = [ccode, city, "", 2, prov]
                for j, dist in enumerate(districts, 1):
                    dcode = f"71{i:02d}{j:02d}"
                    divs[dcode] = [dcode, dist, "", 3, ccode]
        else:
            n = 0
            for districts in groups.values():
                for dist in districts:
                    n += 1
                    dcode = f"{prov[:2]}{n:04d}"
                    divs[dcode] = [dcode, re.sub(r"（.*?）", "", dist), "", 3, prov]

    tree = read_jionlp_tree(gaz / "jionlp" / "china_location.txt")
    # Short names of levels 1-3 from jionlp, matched by code and name.
    jshort = {(code, name): short for depth, name, code, short, _ in tree if code and short}
    for d in divs.values():
        if not d[2]:
            j = jshort.get((d[0], d[1]), "")
            d[2] = j if j and j != d[1] else derive_short(d[1], d[3], ethnic)

    # Keep a short name only where it is safe: >= 2 chars, differs from the
    # name, is not a generic stem, and is not the full name of another division
    # (that would make lookup() ambiguous between a full and a short reading).
    # A county's short name equal to a province's (河北区 vs 河北省) and a township's short name
    # equal to any level 1-3 short name (新乡镇 vs 新乡市) are dropped as well.
    full_names = Counter(d[1] for d in divs.values())
    province_shorts = {s for d in divs.values() if d[3] == 1 for s in d[2].split("/")}
    upper_shorts = {s for d in divs.values() if d[3] <= 3 for s in d[2].split("/")}
    def keep(s: str, d: list) -> bool:
        return not (
            len(s) < 2
            or s == d[1]
            or s in GENERIC_STEMS
            or full_names[s]
            or (d[3] == 4 and not d[1].endswith(TOWNSHIP_SUFFIXES))
            or (d[3] >= 3 and s in province_shorts)
            or (d[3] == 4 and s in upper_shorts)
        )

    # jionlp lists several short forms separated by '/' (巴州/巴音郭楞); kept so in the table.
    for d in divs.values():
        d[2] = "/".join(s for s in d[2].split("/") if keep(s, d))

    out = sorted(divs.values(), key=lambda d: (d[0].ljust(12, "0"), d[3]))
    return [[d[0], d[1], d[2], str(d[3]), d[4]] for d in out]


# Common alternative names the source lacks (hand-maintained, small). The source's fourth
# column holds cities, except 巴新 which is an abbreviation of the country.
EXTRA_ALIASES = {
    "沙特": ["沙特阿拉伯"],
    "巴布亚新几内亚": ["巴新"],
    "印度尼西亚": ["印尼"],
    "孟加拉国": ["孟加拉"],
    "马其顿": ["北马其顿"],
    "斯威士兰": ["埃斯瓦蒂尼"],
    "多米尼克国": ["多米尼克"],
    "刚果(金)": ["刚果（金）", "刚果金"],
    "刚果(布)": ["刚果（布）", "刚果布"],
    "新西兰": ["纽西兰"],
}
NOT_CITIES = {"巴新"}
#: states that no longer exist but fill the news of their time (name: aliases, continent)
FORMER_STATES = {
    "苏联": (["苏维埃社会主义共和国联盟"], "欧洲"),
    "南斯拉夫": (["南斯拉夫联盟共和国"], "欧洲"),
    "捷克斯洛伐克": ([], "欧洲"),
    "东德": (["民主德国"], "欧洲"),
    "西德": (["联邦德国"], "欧洲"),
}


def build_countries(gaz: Path) -> list[list[str]]:
    continents = {"大洋州": "大洋洲"}
    out: list[list[str]] = []
    seen: set[str] = set()
    cities: dict[str, tuple[str, str]] = {}
    region = ""
    for raw in (gaz / "jionlp" / "world_location.txt").read_text("utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.endswith(":"):
            name = line[:-1]
            region = continents.get(name, name)
            aliases = [name] if name != region else []
            out.append([region, "region", "|".join(aliases), ""])
            seen.add(region)
            continue
        fields = line.split("\t")
        name, full = fields[0], fields[1]
        aliases = [a for a in dict.fromkeys([full, *EXTRA_ALIASES.get(name, [])]) if a and a != name]
        if name in seen:
            continue
        seen.add(name)
        out.append([name, "country", "|".join(aliases), region])
        if len(fields) > 2 and fields[2]:
            cities.setdefault(fields[2], ("capital", name))
        if len(fields) > 3:
            for c in fields[3].split("/"):
                if c and c not in NOT_CITIES:
                    cities.setdefault(c, ("city", name))
    for name, (aliases, continent) in FORMER_STATES.items():
        if name not in seen:
            seen.add(name)
            out.append([name, "country", "|".join(aliases), continent])
    for city, (kind, country) in cities.items():
        if city in seen or country == "中国":  # Chinese cities are divisions
            continue
        seen.add(city)
        out.append([city, kind, "", country])
    return out


HEADER_DIV = """\
# Chinese administrative divisions, province to township (no villages).
# columns: code	name	short_name	level	parent_code  (short_name: '' or forms joined by '/')
# level: 1 province, 2 prefecture, 3 county, 4 township; parent_code empty for provinces.
# Codes: 6 digits for levels 1-3 (GB/T 2260 style), 9 digits for townships (NBS statistical codes).
# Municipalities' districts and province-administered counties hang directly under the province.
# Hong Kong, Macao and Taiwan subdivisions have synthetic codes (numbered in source order).
# Source: NBS 2023 statistical division codes via modood/Administrative-divisions-of-China (WTFPL),
#   incl. its HK-MO-TW.json; short names of levels 1-3 from JioNLP china_location.txt (Apache-2.0);
#   ethnic-group list from cpca (MIT). Derived data, see GAZETTEER_CARD.md.
# Rebuild: python scripts/build_gazetteer.py [../shared]
"""

HEADER_CTY = """\
# Countries, continents and well-known foreign cities (Chinese names).
# columns: name	kind	aliases	region
# kind: country | region (continent) | capital | city; aliases joined by '|';
# region: continent of a country, country of a city.
# Source: JioNLP world_location.txt (Apache-2.0). Derived data, see GAZETTEER_CARD.md.
# Rebuild: python scripts/build_gazetteer.py [../shared]
"""


def write(path: Path, header: str, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(header)
        for r in rows:
            fh.write("\t".join(r) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("shared", nargs="?", help="shared data folder (default ../shared)")
    args = ap.parse_args(argv)
    gaz = find_gazetteer(args.shared)
    OUT.mkdir(parents=True, exist_ok=True)
    divs = build_divisions(gaz)
    write(OUT / "divisions.tsv", HEADER_DIV, divs)
    countries = build_countries(gaz)
    write(OUT / "countries.tsv", HEADER_CTY, countries)
    per_level = Counter(r[3] for r in divs)
    shorts = sum(1 for r in divs if r[2])
    print(f"divisions.tsv: {len(divs)} rows, per level {dict(sorted(per_level.items()))}, {shorts} short names")
    print(f"countries.tsv: {len(countries)} rows, {dict(Counter(r[1] for r in countries))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
