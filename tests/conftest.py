from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def page_result():
    """The fixture page built once for the whole session."""
    import kg

    return kg.build([FIXTURES / "page.txt"])


@pytest.fixture(scope="session")
def page_graph(page_result):
    return page_result.graph
