"""Which other modules a checked file is judged with (issue 15), one rule for the command line and
the flake8 plugin: the project each file belongs to (`paths.project_folder`), the files of that
project (what a check of its top folder reads: `files.python_files`, test files left out unless
included, and the files the run was given), and what `project.demands_for` finds there.

The command line works out every project of a run before checking (`cli._for_each_file`). The flake8
plugin, which sees one file at a time in each of its processes, keeps a `Demands`: flake8's main
process works out each project in which a file of the run may draw before its workers fork (they
inherit it); a process that did not inherit it works a project out the first time one of its files
asks, at most once.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from .files import python_files
from .model import Demand, Settings
from .paths import is_test_folder, project_folder, skipped_test


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
    # test folders are left out whole, where every file under one would be left out below: the
    # built-in rule, judging paths from this folder (the configured project's)
    prune = is_test_folder if folder == settings.root and not settings.include_tests and settings.test_paths is None else None
    return [p for p, problem in python_files([folder], settings.exclude, base, settings.respect_gitignore, skip_folder=prune)
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


# flake8 configures the loggers under its own name: `flake8 -v` shows why a project was left out.
_LOG = logging.getLogger("flake8.secure_random")


class Demands:
    """What other modules demand of the files a run checks (the flake8 plugin's), worked out once
    per project and process, with the cache's index (`cache.open_cache` from `settings` and
    `pyproject`: the folder and environment variables of `secure-random check`). `paths` are the
    paths the run was given (files or folders; `.` when none), `base` the configuration's folder
    (`exclude` patterns are relative to it).

    `prepare()` works out, up front, every project in which a file of the run may draw (flake8
    calls it in its main process, whose work the workers it forks inherit); `of(path)` works out a
    project not prepared the first time one of its files asks (a worker that was spawned, not
    forked)."""

    def __init__(self, paths: Sequence[str], settings: Settings, base: Optional[str], pyproject: Optional[Path]) -> None:
        self.paths, self.settings, self.base, self.pyproject = list(paths) or ["."], settings, base, pyproject
        self._run: Optional[Dict[Optional[str], List[str]]] = None  # the run's files by project
        self._listed: Dict[str, List[str]] = {}  # project folder -> its files, when a path given is that folder
        self._done: Dict[Optional[str], Dict[str, Tuple[Demand, ...]]] = {}

    def prepare(self) -> None:
        """Work out each project holding a file of the run that may draw (`analysis.might_use_random`
        of its text): a run none of whose files imports `random` costs a read of its files and
        nothing more. Never raises (see `of`)."""
        from .project import may_draw

        try:
            run = self._files_of_run()
        except Exception as exc:  # noqa: BLE001 - see `of`
            _LOG.info("secure-random: the run's projects are left out (%s: %s)", type(exc).__name__, exc)
            self._run = {}
            return
        for folder, files in run.items():
            if folder not in self._done and any(may_draw(p) for p in files):
                self._done[folder] = self._work_out(folder)

    def of(self, path: str) -> Tuple[Demand, ...]:
        """The draws of the file at `path` (as the run names it) whose value another module of its
        project makes a secret; () when there are none or the project could not be worked out (a
        folder that cannot be read, a damaged index, anything else: the file is then judged alone,
        and never with a traceback)."""
        folder = project_folder(path, self.settings.root)
        done = self._done.get(folder)
        if done is None:
            done = self._done[folder] = self._work_out(folder)
        return done.get(os.path.abspath(path), ())

    def _files_of_run(self) -> Dict[Optional[str], List[str]]:
        """The files of the run by project (`by_project`). A path given that is a project's top
        folder is listed once, for both (`flake8 .` at the top: one walk, not two)."""
        if self._run is None:
            files: List[str] = []
            for path in self.paths:
                # (project_folder takes a file's path: one inside the folder given)
                folder = project_folder(os.path.join(path, "__init__.py"), self.settings.root) if os.path.isdir(path) else None
                if folder is not None and os.path.realpath(path) == os.path.realpath(folder):
                    if folder not in self._listed:
                        self._listed[folder] = project_files(folder, self.settings, self.base)
                    files.extend(self._listed[folder])
                    continue
                files.extend(p for p, problem in python_files([path], self.settings.exclude, self.base,
                                                              self.settings.respect_gitignore)
                             if problem is None and not skipped_test(p, self.settings))
            self._run = by_project(files, self.settings.root)
        return self._run

    def _work_out(self, folder: Optional[str]) -> Dict[str, Tuple[Demand, ...]]:
        from .cache import open_cache

        try:
            given = self._files_of_run().get(folder, [])
            cache = open_cache(self.settings, self.pyproject)
            index = cache.load_index() if cache is not None else None
            listed = self._listed.get(folder) if folder is not None else None
            if listed is not None:  # the files of another path given in the same project are added
                known = set(listed)
                given = [p for p in given if p not in known]
            found = project_demands(folder, given, self.settings, index, self.base, listed)
            if cache is not None and index is not None:
                cache.save_index(index)
                cache.save()
            return found
        except Exception as exc:  # noqa: BLE001 - whatever it is, the team's flake8 run goes on, file by file
            _LOG.info("secure-random: the project at %s is left out (%s: %s)", folder, type(exc).__name__, exc)
            return {}
