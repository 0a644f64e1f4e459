"""A start-up cache for tables kg derives from its shipped data files.

Building such a table (the gazetteer index, for one) costs more than reading it back, so the
result is kept as a ``marshal`` file, as jieba keeps its dictionary.  The file name carries a
digest of the source files, the cache format and the Python version, so a changed lexicon or
another interpreter never reads a stale table.  The folder is ``$KG_CACHE_DIR``, else
``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``; ``KG_CACHE_DIR=""`` turns the cache off.  A folder
that cannot be written, or a damaged file, only costs the rebuild.

Only plain values (dict, tuple, list, str, int, frozenset …) can be cached.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TypeVar

__all__ = ["cached", "cache_dir"]

T = TypeVar("T")
_FORMAT = b"kg-cache-1"


def cache_dir() -> Path | None:
    """Where cached tables live, or None when caching is turned off."""
    configured = os.environ.get("KG_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


def _module_file(build: Callable[..., object]) -> Path:
    """The file of the module that defines build: a new version of the code builds the table anew."""
    return Path(sys.modules[build.__module__].__file__ or "")


def _digest(name: str, sources: Iterable[Traversable | Path]) -> str:
    h = hashlib.blake2b(_FORMAT, digest_size=12)
    h.update(f"{name}|{sys.version_info[:2]}|{marshal.version}".encode())
    for source in sources:
        h.update(source.read_bytes())
    return h.hexdigest()


def cached(name: str, sources: Iterable[Traversable], build: Callable[[], T]) -> T:
    """``build()``, or the value it returned last time for the same ``sources``."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{_digest(name, [*sources, _module_file(build)])}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{name}-*.marshal"):  # earlier versions of this table
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    except OSError:
        return value  # a read-only home: the table was built all the same
    try:
        with os.fdopen(fd, "wb") as out:
            marshal.dump(value, out)
        os.replace(tmp, path)
    except (OSError, ValueError):  # a full disk, an unmarshallable value
        Path(tmp).unlink(missing_ok=True)
    return value
