"""Values followed across the modules of one project: a helper in `utils.py` whose result becomes a
secret in `views.py` (issue 15).

Each module is summarised by the walk `analysis.find` does (`analysis.summarize`): which of its
functions return a draw, and which functions of other modules it calls have a result that becomes a
secret here. Imports are resolved by path inside the project only (nothing is imported or run):
`import a.b as m`, `from a.b import f as g`, relative imports, a package `__init__` that re-exports
a name, and `src/` layouts (a module name is read from the project's top folder or from a folder
above a package, never from inside one). The answer for each file is a tuple of `model.Demand`: the
draws it makes that another module turns into a secret, reported at the draw, where the fix goes.

Only functions called by a name the import binds are followed (`rand_str()`, `utils.rand_str()`,
`Gen.make()`, tuples item by item), and methods called on an instance of an imported class that a
name or `self` attribute holds alone (`gen = Gen(); gen.make()`); not arguments passed to the
helper, nor a name that an import from outside the project may also bind. Where the index cannot be
sure which file or function is meant, it follows nothing: it only adds findings.
"""
from __future__ import annotations

import ast
import json
import os
import re
import time
from typing import Any, Dict, Iterable, List, Optional, Set, Tuple

from . import cache, sinks
from .cache import Index, digest, status
from .files import SourceError, decode, parse, read_bytes
from .model import Demand, Settings, Source, imported_label

# How many times the index is walked again after a module's function was found to pass on another
# module's draw (`a.f` returns `b.g()`, which returns `c.h()`): each round follows one more step.
_MAX_ROUNDS = 4

# name -> ("module", path) | ("name", path, name in that module) | _ELSEWHERE (outside the project)
_Binding = Tuple[str, ...]
_ELSEWHERE: _Binding = ("elsewhere",)


# How many summaries (one per set of other modules' functions it calls) the index keeps of a file.
_KEPT_SUMMARIES = 4


class _Module:
    """One file of the project. What is learnt from its text alone (`facts`) can be kept between
    runs, keyed by the file's content; the text is read only when something needs it.

    facts: "r" imports a random source; "i" its import statements `[level, module, name, asname]`
    (`level` -1 for `import module as asname`); "u" by name an import binds, `[used beyond the
    import, used as `name.attr`]`; "c" the dotted names it calls or hands over (`kw=name`); "s" its
    summaries (`analysis.summarize`), by the functions of other modules it was given."""

    __slots__ = ("path", "rel", "_text", "tree", "bindings", "facts", "summary", "imported", "learnt")

    def __init__(self, path: str, rel: str, text: Optional[str], facts: Dict[str, Any], learnt: bool = False) -> None:
        self.path, self.rel, self._text, self.facts = path, rel, text, facts
        self.learnt = learnt  # whether `facts` holds something the index had not kept
        self.tree: Optional[ast.Module] = None
        self.bindings: Optional[Dict[str, _Binding]] = None
        self.summary: Any = None
        self.imported: Dict[str, Source] = {}

    @property
    def text(self) -> str:
        if self._text is None:
            try:
                self._text = decode(read_bytes(self.path))
            except (SourceError, OSError, UnicodeDecodeError, SyntaxError, LookupError):
                self._text = ""
        return self._text

    def imports(self) -> List[list]:
        found = self.facts.get("i")
        if not isinstance(found, list):
            found = self.facts["i"] = []
            self.learnt = True
            for node in _import_statements(self.text):
                if isinstance(node, ast.Import):
                    found.extend([-1, a.name, None, a.asname] for a in node.names)
                elif isinstance(node, ast.ImportFrom):
                    found.extend([node.level, node.module, a.name, a.asname] for a in node.names)
        return found

    def use(self, local: str) -> List[bool]:
        """[whether `local` is used beyond its import, whether as `local.attr`]."""
        uses = self.facts.setdefault("u", {})
        found = uses.get(local)
        if not (isinstance(found, list) and len(found) == 2):
            text, word = self.text, re.escape(local)
            found = uses[local] = [len(re.findall(rf"\b{word}\b", text)) > 1, re.search(rf"\b{word}\.\w", text) is not None]
            self.learnt = True
        return found

    def uses_random(self) -> bool:
        if not isinstance(self.facts.get("r"), bool):
            from .analysis import might_use_random

            self.facts["r"] = might_use_random(self.text)
            self.learnt = True
        return self.facts["r"]


class _Project:
    def __init__(self, modules: Dict[str, _Module]) -> None:
        self.modules = modules  # relative path -> module
        self.offering: Dict[str, bool] = {}  # see `offers`; emptied when a round finds new exports
        # the modules whose import statements name a word (a name part or an imported name), and
        # those with `from . import f` (`from .. import f`), which name no module: see `reaches`
        self.importers: Dict[str, List[_Module]] = {}
        self.bare: List[_Module] = []
        self.reaching: Set[str] = set()  # modules with a drawing function, and those that bind into one
        self.candidates: Set[str] = set()  # modules with an import that binds one of `reaching`
        # each name a module can be imported by -> [(module, the folder that name starts from)]: from
        # the project's top folder, or any folder above its package (`src/`, a service of a monorepo),
        # never from inside a package (`pkg/utils.py` with `pkg/__init__.py` is `pkg.utils`, not `utils`)
        self.by_dotted: Dict[str, List[Tuple[str, str]]] = {}
        for rel in modules:
            folders = rel.split("/")[:-1]
            top = len(folders)
            while top > 0 and "/".join(folders[:top]) + "/__init__.py" in modules:
                top -= 1
            parts = folders + ([] if rel.endswith("/__init__.py") or rel == "__init__.py" else [rel.rsplit("/", 1)[-1][:-3]])
            for i in range(min(top, len(parts) - 1) + 1):
                # a name an import statement can spell: `my-app/` or `a.b.py` is no module name
                if all(part.isidentifier() for part in parts[i:]):
                    self.by_dotted.setdefault(".".join(parts[i:]), []).append((rel, "/".join(folders[:i])))

    def read_imports(self) -> None:
        """Fill `importers` and `bare` from every module's import statements."""
        for module in self.modules.values():
            named: Set[str] = set()
            bare = False
            for level, name, alias, _ in module.imports():
                if isinstance(name, str):
                    named.update(name.split("."))
                elif isinstance(level, int) and level > 0:
                    bare = True
                if isinstance(alias, str):
                    named.add(alias)
            for word in named:
                self.importers.setdefault(word, []).append(module)
            if bare:
                self.bare.append(module)

    def reaches(self, rel: str) -> None:
        """Module `rel` has a drawing function: it, and each module whose imports bind it or, in
        turn, such a module, may hand a draw to an importer; those binding them are `candidates`.
        Only they can `may_call` (every chain `exported` and `offers` follow is one of bindings), so
        the other modules' imports are never resolved. An import can bind a module only by naming
        its key (the file's stem, a package's folder; `find_module`, `relative_module`), except
        `from . import f`, which binds the importer's package (`bare`)."""
        stack = [rel]
        while stack:
            target = stack.pop()
            if target in self.reaching:
                continue
            self.reaching.add(target)
            folder, _, name = target.rpartition("/")
            importers = self.importers.get(name[:-3], [])
            if name == "__init__.py":  # a package: by its folder's name, or `from . import f` below it
                importers = self.importers.get(folder.rpartition("/")[2], []) if folder else []
                importers = importers + [m for m in self.bare if not folder or m.rel.startswith(folder + "/")]
            for module in importers:
                if any(binding[1] == target for binding in self.bindings(module).values()):
                    self.candidates.add(module.rel)
                    stack.append(module.rel)

    # -- resolving imports -----------------------------------------------------------------------
    def find_module(self, dotted: str, importer: str) -> Optional[str]:
        """The project file of an absolute module name imported by `importer`: `a.b` is `a/b.py` or
        `a/b/__init__.py` under the project's top folder or a folder above a package (`src/a/b.py`).
        When several fit, the one whose starting folder is nearest above the importer (the
        service of a monorepo it belongs to); None when that does not decide."""
        found = self.by_dotted.get(dotted) if dotted else None
        if not found:
            return None
        if len(found) == 1:
            return found[0][0]
        above = [(len(start), rel) for rel, start in found if not start or importer.startswith(start + "/")]
        if not above:
            return None
        above.sort(reverse=True)
        if len(above) > 1 and above[0][0] == above[1][0]:
            return None  # two files answer to the name from the same folder: not guessed
        return above[0][1]

    def relative_module(self, rel: str, level: int, module: Optional[str]) -> Optional[str]:
        """`from ..x import f` in `rel`: the file of `..x`, found by path."""
        folder = rel.split("/")[:-1]
        if level - 1 > len(folder):
            return None
        base = folder[: len(folder) - (level - 1)]
        parts = base + (module.split(".") if module else [])
        stem = "/".join(parts)
        # `from . import f` means the importer's package, its `__init__.py`, never a `pkg.py` beside
        # the folder (Python's import system: a package's submodule is found inside it)
        candidates = (f"{stem}.py", f"{stem}/__init__.py") if module else (f"{stem}/__init__.py" if stem else "__init__.py",)
        for candidate in candidates:
            if candidate in self.modules:
                return candidate
        return None

    def bindings(self, module: _Module) -> Dict[str, _Binding]:
        """The names `module`'s imports bind to project modules and their names (any scope; a name
        bound differently by two imports is dropped). Read from the import statements alone, each
        parsed on its own, so that a module that imports nothing of interest is never parsed whole."""
        if module.bindings is not None:
            return module.bindings
        found: Dict[str, _Binding] = {}
        clash: Set[str] = set()

        def bind(name: str, binding: _Binding) -> None:
            if found.get(name, binding) != binding:
                clash.add(name)
            found[name] = binding

        for level, name, alias, asname in module.imports():
            if not isinstance(name, (str, type(None))) or not isinstance(level, int):
                continue
            if level < 0:
                # `import a.b as m` binds `m`; `import a.b.c` binds `a`, and `a.b.c.f()` is looked up
                # by its whole dotted name
                target = self.find_module(name or "", module.rel)
                bind(asname or name, ("module", target) if target else _ELSEWHERE)
                continue
            if alias == "*" or not isinstance(alias, str):
                continue
            base = self.relative_module(module.rel, level, name) if level else self.find_module(name or "", module.rel)
            local = asname or alias
            if level:
                sub = self.relative_module(module.rel, level, f"{name}.{alias}" if name else alias)
            else:
                sub = self.find_module(f"{name}.{alias}", module.rel) if name else None
            if sub is not None:
                bind(local, ("module", sub))  # `from pkg import utils`
            else:
                bind(local, ("name", base, alias) if base is not None else _ELSEWHERE)
        # a name also bound by an import from outside the project (`from secrets import
        # token_urlsafe as rand_str` in another function) may be that one: not followed
        module.bindings = {k: v for k, v in found.items() if k not in clash and v != _ELSEWHERE}
        return module.bindings

    def tree(self, module: _Module) -> Optional[ast.Module]:
        if module.tree is None:
            try:
                module.tree = parse(module.text)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                module.tree = ast.Module(body=[], type_ignores=[])
        return module.tree

    def exported(self, rel: str, name: str, depth: int = 0) -> List[Tuple[str, str]]:
        """The (module, function) pairs that `name` of module `rel` stands for: its own function
        (`f`, `Gen.make`), or what its imports bind under that name (a package `__init__` that
        re-exports `from .utils import rand_str`)."""
        module = self.modules.get(rel)
        if module is None or depth > 8:
            return []
        exports = module.summary.exports if module.summary is not None else {}
        if name in exports:
            return [(rel, name)]
        return self.exported_by(self.bindings(module), name, depth)

    def may_call(self, module: _Module) -> bool:
        """Whether an import of `module` binds a drawing function of another module, or a module
        that has one or passes names on (a package `__init__`): only then is it parsed whole."""
        for local, binding in self.bindings(module).items():
            if binding[0] == "name":
                # used beyond its import: `rand_str(...)`, `default=rand_str`
                if self.offers_name(binding[1], binding[2]) and module.use(local)[0]:
                    return True
            elif self.offers(binding[1]) and module.use(local)[1]:
                return True
        return False

    def offers_name(self, rel: str, name: str, depth: int = 0) -> bool:
        """Whether `name` of module `rel` is a drawing function or a class with one (`Gen` for
        `Gen.make`), its own or one its imports bind under that name (a package's re-export)."""
        if self.exported(rel, name):
            return True
        module = self.modules.get(rel)
        exports = module.summary.exports if module is not None and module.summary is not None else {}
        if any(key.startswith(name + ".") for key in exports):
            return True
        binding = self.bindings(module).get(name) if module is not None and depth < 8 else None
        return binding is not None and binding[0] == "name" and self.offers_name(binding[1], binding[2], depth + 1)

    def offers(self, rel: str) -> bool:
        """Whether a module has a drawing function, or passes one on under a name of its own."""
        have = self.offering.get(rel)
        if have is None:
            self.offering[rel] = False  # an import cycle ends here
            module = self.modules[rel]
            have = bool(module.summary is not None and module.summary.exports) or any(
                binding[0] == "name" and self.offers_name(binding[1], binding[2])
                for binding in self.bindings(module).values()
            )
            self.offering[rel] = have
        return have

    def imported(self, module: _Module) -> Dict[str, Source]:
        """The labels of the drawing functions `module` can call, by the dotted name it calls them by
        (also a callable handed over by name: `Column(default=rand_str)`)."""
        out: Dict[str, Source] = {}
        bindings = self.bindings(module)
        if not bindings:
            return out
        heads = {local.split(".", 1)[0] for local in bindings}
        calls = module.facts.get("c")
        if not isinstance(calls, list):
            calls = module.facts["c"] = sorted({
                dotted for node in ast.walk(self.tree(module)) if isinstance(node, ast.Call)  # type: ignore[arg-type]
                for func in (node.func, *[kw.value for kw in node.keywords]) if (dotted := _called(func))
            })
            module.tree = None
            module.learnt = True
        # the methods called on something no import binds (`g.make()`, `self.gen.make()`): maybe an
        # instance of a class another module has
        methods = {d.rsplit(".", 1)[1] for d in calls if isinstance(d, str) and "." in d and d.split(".", 1)[0] not in heads}
        for dotted in calls:
            if not isinstance(dotted, str):
                continue
            if dotted.split(".", 1)[0] in heads:  # a name an import of the project binds (`rs` for `rand_str as rs`)
                pairs = self.exported_by(bindings, dotted)
                if len(pairs) == 1:
                    out[dotted] = imported_label("::".join(pairs[0]))
                elif dotted.rsplit(".", 1)[-1][:1].isupper():
                    # a class (CapWords, PEP 8) called to make an instance: its drawing methods, for
                    # the calls on that instance (`g = Gen(); g.make()`; `analysis._Analysis._imported_instance`)
                    for method in methods:
                        pairs = self.exported_by(bindings, f"{dotted}.{method}")
                        if len(pairs) == 1:
                            out[f"{dotted}.{method}"] = imported_label("::".join(pairs[0]))
        return out

    def exported_by(self, bindings: Dict[str, _Binding], dotted: str, depth: int = 0) -> List[Tuple[str, str]]:
        """What a dotted name stands for through a module's import bindings: the longest bound
        prefix (`a.b.c` for `import a.b.c`, `m` for `import a.b as m`, `f` for `from a import f`)."""
        parts = dotted.split(".")
        for i in range(len(parts), 0, -1):
            binding = bindings.get(".".join(parts[:i]))
            if binding is None:
                continue
            rest = ".".join(parts[i:])
            if binding[0] == "module":
                return self.exported(binding[1], rest, depth + 1) if rest else []
            return self.exported(binding[1], binding[2] + ("." + rest if rest else ""), depth + 1)
        return []


def _import_statements(text: str) -> Iterable[ast.stmt]:
    """The import statements of a module's text, at any depth (a text that only looks like one, in a
    string, does not parse and is left out; one that does parses as what it says)."""
    if "import" not in text:
        return
    found = _import_texts(text)
    try:
        yield from ast.parse("\n".join(found)).body  # all at once: one parse for the common case
        return
    except (SyntaxError, ValueError):
        pass
    for statement in found:
        try:
            yield from ast.parse(statement).body
        except (SyntaxError, ValueError):
            continue


def _import_texts(text: str) -> List[str]:
    """The texts `_IMPORT_LINE.finditer(text)` matches, stripped, found faster: the expression is
    tried only at the start of a line holding the word `import` (every match has it on its first
    line), and never where an earlier match goes on (a continued or parenthesised import)."""
    found: List[str] = []
    end = 0  # where the last match ended: a match starts at a line start at or after it
    at = text.find("import")
    while at != -1:
        start = text.rfind("\n", 0, at) + 1
        match = _IMPORT_LINE.match(text, start) if start >= end else None
        if match is not None:
            found.append(match.group(0).strip())
            end = match.end()
            at = text.find("import", max(end, at + 1))
        else:
            line_end = text.find("\n", at)
            at = -1 if line_end == -1 else text.find("import", line_end)
    return found


# An import statement's text, over lines inside parentheses or after a backslash.
# (A parenthesised list is read up to 8,000 characters: an unclosed one must not make every later
# import scan to the end of the file.)
_IMPORT_LINE = re.compile(r"^[ \t]*(?:from[ \t]+[\w.]+[ \t]+)?import[ \t]+(?:\([^)]{0,8000}\)|(?:[^\n\\]|\\\r?\n)*)", re.M)


def demands_for(
    paths: Iterable[str], root: str, settings: Settings, index: Optional[Dict[str, list]] = None
) -> Dict[str, Tuple[Demand, ...]]:
    """For every file of the project (`paths`, the files under `root` that are checked: tests and
    excluded files left out), the draws it makes whose value another module turns into a secret,
    by absolute path. Files that cannot be read or parsed are left out (checking them says why).

    `index`: what an earlier run kept of each file, by absolute path (`Cache.load_index`); it is
    brought up to date in place (and marked `changed` when it is an `Index` that learnt something).
    A file whose size, times and inode are unchanged is not read; one whose content is unchanged is
    not analysed again."""
    from .analysis import Summary, summarize

    modules: Dict[str, _Module] = {}
    for path in paths:
        full = os.path.abspath(path)
        rel = os.path.relpath(full, root).replace(os.sep, "/")
        if rel.startswith("../") or not rel.endswith(".py") or rel in modules:
            continue
        module = _open(full, rel, index)
        if module is not None:
            modules[rel] = module
    project = _Project(modules)

    def summarise(module: _Module, imported: Dict[str, Source]) -> None:
        key = json.dumps(sorted((name, label.qualname) for name, label in imported.items()))
        kept = module.facts.setdefault("s", {})
        if not isinstance(kept, dict):
            kept = module.facts["s"] = {}
        module.imported = imported
        entry = kept.get(key)
        if _valid_summary(entry):
            exports, reached = entry
            module.summary = Summary(
                {k: [tuple(item) for item in items] for k, items in exports.items()},
                {k: tuple(v) for k, v in reached.items()},
            )
            return
        try:
            module.summary = summarize(module.text, settings, module.path, project.tree(module), imported)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            module.summary = None
            return
        finally:
            module.tree = None  # parsed again if ever needed: a large project's trees do not fit in memory
        while len(kept) >= _KEPT_SUMMARIES:
            kept.pop(next(iter(kept)))
        kept[key] = [module.summary.exports, module.summary.reached]
        module.learnt = True

    # what a module's functions return matters only to a module that may import it: one whose import
    # statements name it (see `_Project.reaches`), or any for a package's `__init__`
    project.read_imports()
    for module in modules.values():
        if module.uses_random() and (module.rel.rsplit("/", 1)[-1] == "__init__.py" or _stem(module.rel) in project.importers):
            summarise(module, {})
            if module.summary is not None and module.summary.exports:
                project.reaches(module.rel)
    for _ in range(_MAX_ROUNDS):
        if not any(m.summary is not None and m.summary.exports for m in modules.values()):
            break
        project.offering.clear()
        again = False
        for module in modules.values():
            if module.rel not in project.candidates or not project.may_call(module):
                continue
            imported = project.imported(module)
            if imported != module.imported or (imported and module.summary is None):
                before = module.summary.exports if module.summary is not None else {}
                summarise(module, imported)
                if module.summary is not None and module.summary.exports != before:
                    again = True
                    if module.summary.exports:
                        project.reaches(module.rel)
        if not again:
            break
    if isinstance(index, Index) and any(m.learnt for m in modules.values()):
        index.changed = True
    return _demands(project)


def _called(func: ast.AST) -> Optional[str]:
    """The dotted name a call is made by (`utils.rand_str`, `gen.make`), and `Gen().make` for a method
    called on an instance made in place."""
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call):
        made = sinks.dotted(func.value.func)
        return f"{made}().{func.attr}" if made else None
    return sinks.dotted(func)


def _stem(rel: str) -> str:
    """`pkg/utils.py` -> `utils`."""
    return rel.rsplit("/", 1)[-1][:-3]


def _open(full: str, rel: str, index: Optional[Dict[str, list]]) -> Optional[_Module]:
    """The module at `full`, with what `index` kept of it when its content is the same (None when
    it cannot be read). `index[full]` is `[digest, size, mtime_ns, ino, ctime_ns, read_ns, facts]`."""
    entry = _entry(index, full)
    try:
        st = os.stat(full)
    except OSError:
        return None
    if entry is not None and _fresh(entry, st):
        facts = _sound(entry[6])
        dropped = len(facts) != len(entry[6])  # a damaged or foreign entry: written again, sound
        entry[6] = facts
        return _Module(full, rel, None, facts, dropped)  # unchanged since it was read: not even read now
    try:
        when = time.time_ns()
        data = read_bytes(full)
        text = decode(data)
    except (SourceError, OSError, UnicodeDecodeError, SyntaxError, LookupError):
        return None
    key = digest(data)
    facts: Dict[str, Any] = _sound(entry[6]) if entry is not None and entry[0] == key else {}
    if index is not None:
        index[full] = [key, *status(st), when, facts]
    return _Module(full, rel, text, facts, learnt=True)  # its status at least is new


def _entry(index: Optional[Dict[str, list]], full: str) -> Optional[list]:
    """What `index` kept of the file at `full`, when it has the shape `_open` writes, else None."""
    entry = index.get(full) if index is not None else None
    return entry if isinstance(entry, list) and len(entry) == 7 and isinstance(entry[6], dict) else None


def _fresh(entry: list, st: os.stat_result) -> bool:
    """Whether an index entry was read from the file as it is now: the same size, times and inode,
    read after the file's last change by more than the racy window (`cache.RACY_NS`)."""
    return entry[1:5] == list(status(st)) and isinstance(entry[5], int) \
        and entry[5] - max(st.st_mtime_ns, st.st_ctime_ns) >= cache.RACY_NS


def may_draw(path: str, index: Optional[Dict[str, list]] = None) -> bool:
    """Whether the file at `path` may draw a random value (`analysis.might_use_random` of its text),
    from what `index` kept of it when the file is unchanged since (not even read then), else from
    its text. A file that cannot be read may not (checking it says why)."""
    from .analysis import might_use_random

    full = os.path.abspath(path)
    entry = _entry(index, full)
    if entry is not None and isinstance(entry[6].get("r"), bool):
        try:
            if _fresh(entry, os.stat(full)):
                return entry[6]["r"]
        except OSError:
            return False
    try:
        return might_use_random(decode(read_bytes(full)))
    except (SourceError, OSError, UnicodeDecodeError, SyntaxError, LookupError):
        return False


_FACT_SHAPES = {
    "r": lambda v: isinstance(v, bool),
    "i": lambda v: isinstance(v, list) and all(
        isinstance(i, list) and len(i) == 4 and type(i[0]) is int and all(isinstance(x, (str, type(None))) for x in i[1:])
        for i in v
    ),
    "u": lambda v: isinstance(v, dict),
    "c": lambda v: isinstance(v, list) and all(isinstance(c, str) for c in v),
    "s": lambda v: isinstance(v, dict),
}


def _sound(facts: Dict[str, Any]) -> Dict[str, Any]:
    """`facts` without what has another shape than `_Module` writes (a damaged or foreign index)."""
    return {k: v for k, v in facts.items() if k in _FACT_SHAPES and _FACT_SHAPES[k](v)}


def _valid_summary(entry: object) -> bool:
    """Whether a kept summary has the shape `summarise` writes: `[exports, reached]`."""
    if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], dict) and isinstance(entry[1], dict)):
        return False
    exports, reached = entry
    return all(isinstance(items, list) and all(_valid_export(i) for i in items) for items in exports.values()) and all(
        isinstance(v, list) and len(v) == 3 and isinstance(v[0], str) and type(v[1]) is int and isinstance(v[2], str)
        for v in reached.values()
    )


def _valid_export(item: object) -> bool:
    """`["draw", line, col]` or `["via", "path.py::name", 0]` (`analysis._Analysis.exports`)."""
    if not (isinstance(item, list) and len(item) == 3):
        return False
    kind, a, b = item
    if kind == "draw":
        return type(a) is int and type(b) is int
    return kind == "via" and isinstance(a, str) and type(b) is int


def _demands(project: _Project) -> Dict[str, Tuple[Demand, ...]]:
    """Each draw a secret in another module depends on, at the draw; one demand per draw, the first
    by the caller's path and line."""
    found: Dict[Tuple[str, int, int], Demand] = {}
    for rel in sorted(project.modules):
        module = project.modules[rel]
        if module.summary is None:
            continue
        for qualname, (secret, line, how) in sorted(module.summary.reached.items(), key=lambda kv: kv[1][1]):
            home, _, name = qualname.partition("::")
            for draw_rel, line_no, col, function in _draws(project, home, name, set()):
                key = (draw_rel, line_no, col)
                if key not in found:
                    found[key] = Demand(line_no, col, secret, f"{_shown(module)}:{line}", f"{function}()", how)
    out: Dict[str, List[Demand]] = {}
    for (draw_rel, _, _), demand in found.items():
        out.setdefault(project.modules[draw_rel].path, []).append(demand)
    return {path: tuple(ds) for path, ds in out.items()}


def _shown(module: _Module) -> str:
    """A module's path as a message shows it: from the working folder when below it (as the paths of
    findings are), else from the project's top folder."""
    try:
        relative = os.path.relpath(module.path)
    except ValueError:  # another drive
        return module.rel
    if relative.startswith(".."):
        return module.rel
    return module.path if os.path.dirname(os.getcwd()) == os.getcwd() else relative.replace(os.sep, "/")  # from `/`


def _draws(project: _Project, rel: str, name: str, seen: Set[Tuple[str, str]]) -> List[Tuple[str, int, int, str]]:
    """The draws (module, line, col, the function returning it there) that what `name` of module
    `rel` returns carries, following the functions of other modules it passes on."""
    if (rel, name) in seen:
        return []
    seen.add((rel, name))
    module = project.modules.get(rel)
    if module is None or module.summary is None:
        return []
    out: List[Tuple[str, int, int, str]] = []
    exports = module.summary.exports
    if name not in exports and "#" in name:
        name = name.partition("#")[0]  # `a, b = f()` where `f` returns no n-tuple: all of it
    function = name.partition("#")[0]
    for kind, a, b in exports.get(name, ()):
        if kind == "draw":
            out.append((rel, a, b, function))  # type: ignore[arg-type]
        else:
            home, _, inner = str(a).partition("::")
            out.extend(_draws(project, home, inner, seen))
    return out
