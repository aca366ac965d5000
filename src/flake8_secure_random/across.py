"""Which other modules a checked file is judged with (issue 15), one rule for the command line and
the flake8 plugin: the project each file belongs to (`paths.project_folder`), the files of that
project (what a check of its top folder reads: `files.python_files`, test files left out unless
included, and the files the run was given), and what `project.demands_for` finds there.
"""
from __future__ import annotations

import os
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from .files import python_files
from .model import Demand, Settings
from .paths import project_folder, skipped_test


def by_project(paths: Iterable[str], root: Optional[str]) -> Dict[Optional[str], List[str]]:
    """The files of a run (paths as given) by the top folder of their project (`paths.project_folder`
    with the configured `root`), in the order given; files in no project under None. Standard input
    (`-`) belongs to none and is left out."""
    groups: Dict[Optional[str], List[str]] = {}
    for path in paths:
        if path != "-":
            groups.setdefault(project_folder(path, root), []).append(path)
    return groups


def project_files(folder: str, settings: Settings, base: Optional[str] = None) -> List[str]:
    """The files a check of the project folder `folder` reads: `files.python_files` of it (`exclude`
    patterns relative to `base`, the configuration's folder; `respect_gitignore`), test files left
    out unless `include_tests`; a file or folder that cannot be read is left out."""
    return [p for p, problem in python_files([folder], settings.exclude, base, settings.respect_gitignore)
            if problem is None and not skipped_test(p, settings)]


def project_demands(
    folder: Optional[str], given: Sequence[str], settings: Settings,
    index: Optional[Dict[str, list]] = None, base: Optional[str] = None, files: Optional[List[str]] = None,
) -> Dict[str, Tuple[Demand, ...]]:
    """What other modules demand of each file of one project: {absolute path: (Demand, ...)}, only
    files with demands. `folder` is the project's top folder (a group of `by_project`): its files are
    `project_files(folder, settings, base)` (or `files`, when the caller has listed them already)
    and `given`, the files of that project the run checks. Folder None: `given` alone, together
    (files in no project; nothing when they are on two drives). `index` is the cache's
    (`Cache.load_index`), updated in place.

    Files that cannot be listed, read or parsed are left out (checking them says why); this raises
    only what `project.demands_for` does on a bug, never for bad input."""
    from .project import demands_for

    if folder is None:
        try:
            top = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in given])
        except ValueError:  # files on two drives (or none): no folder holds them all
            return {}
        project = list(given)
    else:
        top = folder
        project = list(files) if files is not None else project_files(folder, settings, base)
        project.extend(given)
    return demands_for(project, top, settings, index)
