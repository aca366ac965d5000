"""flake8-secure-random: flag the uses of `random` that make secrets, and only those."""
from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata, lazily: importing importlib.metadata costs
    # more than the whole check of a typical file.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("flake8-secure-random")
        except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
            return "0+unknown"
    raise AttributeError(name)
