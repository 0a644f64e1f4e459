"""Errors a user can fix. The library raises them; only the CLI prints them."""
from __future__ import annotations


class KgError(Exception):
    """A problem in the user's input or request; ``str()`` is the whole message."""


class InputError(KgError):
    """A file that cannot be read as news text: ``path: problem``."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
