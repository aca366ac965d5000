"""Settings from `[tool.secure-random]` in the nearest pyproject.toml (the CLI's config; flake8 has its own)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Dict, Optional

from .model import Settings

# key in pyproject (dashes or underscores) -> Settings field
KEYS = {
    "extend-sensitive-words": "extend_sensitive_words",
    "extend-benign-words": "extend_benign_words",
    "include-tests": "include_tests",
    "exclude": "exclude",
    "respect-gitignore": "respect_gitignore",
    "test-paths": "test_paths",
    "strict": "strict",
    "min-password-bits": "min_password_bits",
    "unsafe-fixes": "unsafe_fixes",
    # rule selection (read by the command line; flake8 has its own --select/--ignore)
    "select": "select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "per-file-ignores": "per_file_ignores",
}
_SELECTION = ("select", "extend_select", "ignore", "per_file_ignores")


class ConfigError(Exception):
    """The configuration is wrong; the message names the file and the key."""


# Files that mark a project's top folder (PEP 518's pyproject.toml, setuptools' setup.cfg and
# setup.py, a git work tree).
PROJECT_MARKERS = (".git", "setup.cfg", "setup.py", "pyproject.toml")


def project_root(pyproject: Optional[Path], start: Path) -> Path:
    """The project's top folder: the configuration's folder, else the nearest folder at or above
    `start` holding a project marker, else `start` itself. Real paths (symbolic links resolved).
    The cache goes there."""
    return find_project_root(pyproject, start) or start.resolve()


def find_project_root(pyproject: Optional[Path], start: Path) -> Optional[Path]:
    """`project_root` without the last resort: None when no configuration or marker says where the
    project is (a run from `/` or a home folder). Test paths are judged relative to it."""
    if pyproject is not None:
        return pyproject.resolve().parent
    start = start.resolve()
    for folder in [start, *start.parents]:
        if any((folder / marker).exists() for marker in PROJECT_MARKERS):
            return folder
    return None


def root_folder(pyproject: Optional[Path], start: Path) -> Optional[str]:
    """`find_project_root` as `Settings.root` takes it: a str, or None."""
    found = find_project_root(pyproject, start)
    return str(found) if found is not None else None


def find_pyproject(start: Path) -> Optional[Path]:
    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load(pyproject: Optional[Path]) -> Dict[str, Any]:
    """The table's settings as Settings keyword arguments; {} without a file or a table."""
    if pyproject is None:
        return {}
    if sys.version_info >= (3, 11):  # imported here: most runs find no pyproject.toml
        import tomllib
    else:  # pragma: no cover - exercised on Python < 3.11
        import tomli as tomllib
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{pyproject}: cannot read: {exc}") from None
    tool = data.get("tool", {})
    table = tool.get("secure-random", {}) if isinstance(tool, dict) else {}  # `tool = 5`: not ours to judge
    if not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: [tool.secure-random] must be a table")
    out: Dict[str, Any] = {}
    for key, value in table.items():
        field = KEYS.get(key.replace("_", "-"))
        if field is None:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{pyproject}: unknown key '{key}' in [tool.secure-random] (known: {known})")
        if field == "min_password_bits":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise ConfigError(f"{pyproject}: '{key}' must be a positive number")
            out[field] = float(value)
        elif field == "per_file_ignores":
            if not isinstance(value, dict) or not all(
                isinstance(v, list) and all(isinstance(c, str) for c in v) for v in value.values()
            ):
                raise ConfigError(f"{pyproject}: '{key}' must be a table of glob = [codes]")
            out[field] = {str(k): tuple(v) for k, v in value.items()}
        elif field in ("include_tests", "strict", "unsafe_fixes", "respect_gitignore"):
            if not isinstance(value, bool):
                raise ConfigError(f"{pyproject}: '{key}' must be true or false")
            out[field] = value
        else:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{pyproject}: '{key}' must be a list of strings")
            out[field] = tuple(value)
    return out


def settings_from(pyproject: Optional[Path], **overrides: Any) -> Settings:
    values = {k: v for k, v in load(pyproject).items() if k not in _SELECTION}
    for key, value in overrides.items():
        if value is None:
            continue
        if isinstance(value, tuple):
            value = tuple(values.get(key, ())) + value
        values[key] = value
    return Settings(**values)
