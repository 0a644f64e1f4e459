"""read(path) -> list[Source]: find the input files and decode them.

Every decoding choice lives here: BOMs, UTF-8, GB18030 (a superset of GBK and GB2312), Big5 and
UTF-16. JSON lines files give one Source per line with a ``text`` field.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .records import Source

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_FIELDS = ("title", "date", "source", "author", "url", "pub_time")


def find_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The input files named by paths: files as given, folders searched recursively by suffix
    (a folder's README, LICENSE and CHANGELOG files are not news and are left out).

    A path that does not exist raises InputError.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
                and not p.stem.upper().startswith(("README", "LICENSE", "CHANGELOG"))
            )
        elif path.exists():
            yield path
        else:
            raise InputError(str(raw), "no such file or folder")


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes of Chinese text; returns (text, encoding). Raises InputError when it is not text."""
    if not data.strip():
        raise InputError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _clean(data.decode(encoding, errors="strict")), encoding
    if _looks_utf16(data):
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                return _clean(data.decode(encoding)), encoding
            except UnicodeDecodeError:
                pass
    if b"\x00" in data:
        raise InputError(path, "binary file, not text")
    try:
        return _clean(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in _legacy_order(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            candidates.append((encoding, text))
    # UTF-16 without a BOM and without ASCII has no zero bytes: keep it when it reads as common hanzi
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _common_ratio(text) > 0.8 and all(_common_ratio(text) > _common_ratio(t) + 0.2 for _, t in candidates):
            return _clean(text), encoding
    if candidates:
        encoding, text = candidates[0]
        return _clean(text), encoding
    raise InputError(path, "not UTF-8, GB18030, Big5 or UTF-16 text")


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without BOM: every other byte of ASCII and CJK-heavy text tends to be zero or regular."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) / 2
    return max(zeros_even, zeros_odd) > 0.2 * half and min(zeros_even, zeros_odd) < 0.05 * half


def _legacy_order(data: bytes) -> list[str]:
    """GB18030 and Big5 both decode many byte strings; try the one charset-normalizer prefers first."""
    order = ["gb18030", "big5"]
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:20000], cp_isolation=["gb18030", "big5"]).best()
        if best is not None and best.encoding in ("big5", "big5hkscs", "cp950"):
            order = ["big5", "gb18030"]
    except Exception:  # noqa: BLE001 - detection is a hint only; the strict decode below decides
        pass
    return order


def _common_ratio(text: str) -> float:
    """The share of hanzi in text that are among the 3000 most frequent (0 when there are none)."""
    from .resources import lexicon

    hanzi = [ch for ch in text[:4000] if "\u4e00" <= ch <= "\u9fff"]
    if not hanzi:
        return 0.0
    common = lexicon("common_hanzi")
    return sum(ch in common for ch in hanzi) / len(hanzi)


def _plausible(text: str) -> bool:
    """Reject a decode that is mostly control or private-use characters."""
    if not text:
        return False
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\r\n\t\f") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad / len(text) < 0.01


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def read(path: str | Path, problems: list[InputError] | None = None) -> list[Source]:
    """Read one input file: a text file gives one Source, a JSON lines file one per non-empty line.

    A problem with the whole file raises InputError; a bad line of a JSON lines file is appended to
    ``problems`` (when given) and the other lines are still read.
    """
    path = Path(path)
    name = str(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(name, "is a folder; pass folders to build, which searches them") from None
    except FileNotFoundError:
        raise InputError(name, "no such file or folder") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as error:
        raise InputError(name, f"cannot be read ({error.strerror or error})") from None
    text, encoding = decode(data, name)
    if path.suffix.lower() in JSONL_SUFFIXES:
        return list(_jsonl_sources(text, name, encoding, problems if problems is not None else []))
    if not text.strip():
        raise InputError(name, "no text in file")
    return [Source(path=name, text=text, encoding=encoding)]


def _jsonl_sources(text: str, name: str, encoding: str, problems: list[InputError]) -> Iterator[Source]:
    found = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(InputError(name, f"line {number} is not JSON ({error.msg})"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            problems.append(InputError(name, f"line {number} has no \"text\" field"))
            continue
        found = True
        meta = tuple((k, str(record[k])) for k in _META_FIELDS if record.get(k) not in (None, ""))
        given = record.get("id")
        yield Source(
            path=f"{name}#{number}",
            text=record["text"],
            encoding=encoding,
            id=None if given is None else str(given),
            meta=meta,
        )
    if not found and not problems:
        raise InputError(name, "no JSON lines with text")
