"""The public API is a promise: every name in kg.__all__ stays what README shows."""
from __future__ import annotations

import importlib
import pkgutil

import kg


def test_api_names_stay_functions_after_every_submodule_is_imported():
    for module in pkgutil.walk_packages(kg.__path__, "kg."):
        if module.name not in ("kg.__main__",):
            importlib.import_module(module.name)
    for name in ("build", "extract", "export", "load", "query", "render"):
        assert callable(getattr(kg, name)), name
        assert getattr(kg, name).__module__.startswith("kg."), name


def test_api_all_is_importable():
    for name in kg.__all__:
        assert hasattr(kg, name), name
