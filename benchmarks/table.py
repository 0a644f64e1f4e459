"""A plain-text table for the benchmark scripts: one header line, a rule, one line per row."""
from __future__ import annotations


def print_table(rows: list[dict], columns: list[tuple[str, str, str]], first: str = "name", width: int = 17) -> None:
    """Print ``rows`` with a first column ``first`` and then ``columns`` of (heading, key, number format)."""
    head = f"{'':{width}}" + "".join(f" {heading:>{max(len(heading), 8)}}" for heading, _, _ in columns)
    print(head)
    print("-" * len(head))
    for row in rows:
        cells = "".join(f" {format(row[key], fmt):>{max(len(heading), 8)}}" for heading, key, fmt in columns)
        print(f"{row[first]:{width}}{cells}")
