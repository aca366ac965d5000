"""flake8-secure-random: flag the uses of `random` that make secrets, and only those."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("flake8-secure-random")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without installing
    __version__ = "0+unknown"

__all__ = ["__version__"]
