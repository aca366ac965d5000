"""The core: find the `random` calls whose value becomes a secret. Pure: text and settings in, findings out.

A finding needs a *source* (a non-cryptographic random call, see `sources`) whose value reaches a
*sink* (a place that holds a secret, see `sinks`). Values are followed within each function and
through same-module helpers, flow-insensitively, until nothing changes:

- a name or container holds the union of what was put in it; `self.x` is kept per class and read
  from the class, its same-module ancestors and descendants; `obj.x` by attribute name;
- an expression carries what its operands carry (`+`, `%`, f-strings, `.join`, `.format`, indexing,
  comprehensions, hashing, `base64`, `str()`/`int()`/`hex()`/`repr()`, `uuid.UUID(int=...)`, ...);
  an object holds what it is built from, except fields named as harmless;
- a loop's iterable and an `if`/`while` test flow into what their bodies assign (a random length
  or a random branch shapes the password as much as a random character does);
- a call to a function of this module carries that function's return value, and the arguments
  its return value depends on (each parameter is its own label); a helper that fills a parameter's
  list fills the caller's;
- a call to another module's function known to return a draw (`project`, the `imported` labels)
  carries that function's result; `summarize` says which results become secrets here, and
  `Settings.demands` brings the answer back to the module that draws.

Sinks are judged by the words of names (`vocabulary`) and by the standards that make a value a
secret whatever its name (`protocols`): strong words make a direct sink; names of the enclosing
function, class, module and package make a context sink, which harmless words can veto.
"""
from __future__ import annotations

import ast
import os
import re
from typing import Dict, FrozenSet, Iterable, List, NamedTuple, Optional, Set, Tuple, Union

from . import rules, sinks
from .model import DEFAULT_SETTINGS, IMPORTED, Demand, Finding, Settings, Source, imported_label
from .comparisons import might_compare_secrets, unsafe_comparisons
from .files import parse, source_lines
from .paths import context_words, is_fake_data_path, is_test_path, package_words
from .protocols import protocol_value
from .relevance import RandomNames, binding_scope, identifiers
from .weakness import (
    might_build_passwords, might_draw_tokens, might_use_predictable, predictable_secrets, short_tokens, weak_passwords,
)
from .sources import Scopes, parameter_defaults
from .suppression import suppressed
from .vocabulary import AMBIGUOUS, ANSWER_WORDS, HARMLESS_SENSES, RESHAPED_SECRETS, Vocabulary, words

_MAX_PASSES = 8
# The version slot of "a draw reached a new name, or a new function is needed" (see `_relevant`).
_HOT = (0, "hot")

# Calls whose result says nothing about their arguments' values: a size, a truth value, a position,
# an object's identity or type, or nothing at all (logging, output, sleeping). A call that hands a
# value on in another form (`repr`, `str`, `next`, `iter`) is not here: its result carries the value.
_OPAQUE_CALLS = frozenset(
    {
        # a size, a truth value, an identity, a type or a namespace (Python docs, Built-in Functions)
        "len", "isinstance", "issubclass", "hasattr", "callable", "id", "type", "super", "vars", "dir",
        # a position, a count or a truth value about a string or a list (Python docs, str methods)
        "startswith", "endswith", "index", "find", "count",
        # a file handle, or nothing: opening, writing, sleeping, exiting, setting attributes
        "open", "write", "sleep", "exit", "setattr", "delattr",
        # nothing: output (print; Click docs, click.echo and click.secho)
        "print", "echo", "secho",
        # nothing: logging (Python docs, logging.Logger.debug ... critical, log)
        "debug", "info", "warning", "warn", "error", "exception", "critical", "log",
        # nothing: a mock's assertion (Python docs, unittest.mock.Mock.assert_called_with)
        "assert_called_with",
    }
)
# Calls that show a value to the user: what a generator script prints is what it generated.
_OUTPUTS = frozenset(
    {
        # to the terminal: print and pprint (Python docs), click.echo and click.secho (Click docs)
        "print", "pprint", "echo", "secho",
        # to the clipboard: pyperclip.copy (pyperclip docs)
        "copy",
    }
)
# Methods that put their arguments into their receiver.
_MUTATORS = frozenset(
    {
        # list, set and deque methods (Python docs, Mutable Sequence Types, set.add, collections.deque)
        "append", "extend", "insert", "add", "appendleft", "extendleft",
        # dict and hash object updates (Python docs, dict.update, dict.setdefault, hashlib's hash.update)
        "update", "setdefault",
        # stacks and queues (Python docs, queue.Queue.put); a stream's `write` is in _OPAQUE_CALLS
        "push", "put",
    }
)
# Methods whose result is made from their arguments, whatever the receiver (`"".join(x)`, `sep.join`).
_BUILDERS = frozenset(
    {
        # text from its parts (Python docs, str.join, str.format, str.format_map, str.maketrans)
        "join", "format", "format_map", "maketrans",
        # the same value in another encoding (Python docs, str.encode, bytes.decode, bytes.fromhex,
        # int.from_bytes, int.to_bytes, struct.pack)
        "encode", "decode", "fromhex", "from_bytes", "to_bytes", "pack",
        # an object made from its arguments and its digest: hashlib.new, hmac.new, PyCryptodome's
        # Cipher.new, hash.digest and hash.hexdigest (Python docs, hashlib, hmac), uuid.UUID
        "new", "digest", "hexdigest", "UUID",
    }
)


# Modules whose functions turn values into values (hashes, encodings, packing, ids).
_VALUE_MODULES = frozenset(
    {
        # hashing, encoding and packing (Python docs, hashlib, hmac, base64, binascii, codecs, zlib, struct)
        "hashlib", "hmac", "base64", "binascii", "codecs", "zlib", "struct",
        # arithmetic and combinators of values (Python docs, math, operator, itertools, functools, array, builtins)
        "math", "operator", "itertools", "functools", "array", "builtins",
        # text and serialisation (Python docs, string, textwrap, json)
        "string", "textwrap", "json",
        # ids shaped by their arguments (Python docs, uuid). Not `secrets`: a secure draw whose length is
        # random is still secure (LABELS.md: a random length with secure characters is benign)
        "uuid",
        # array functions (NumPy docs)
        "np", "numpy",
        # Python 2/3 shims for bytes and text: six (six docs) and a project's own `compat` module
        "six", "compat",
    }
)
# Capitalised callables that make values, not objects.
_VALUE_CLASSES = frozenset(
    {
        # numbers and ids (Python docs, uuid.UUID, decimal.Decimal, fractions.Fraction)
        "UUID", "Decimal", "Fraction",
        # containers of what they are given (Python docs, collections.Counter, collections.OrderedDict)
        "Counter", "OrderedDict",
    }
)


_EMPTY: frozenset = frozenset()
# Kinds of `Source` followed into other modules: draws of the module functions. Not a generator
# instance's label: it also marks any object that merely holds one (a task, a scheduler), which
# within a module the names around it tell apart, across modules nothing does.
_DRAWS = frozenset({"function", "numpy"})
# Attribute slots of any class (every write) and of objects reached other than through `self`.
_ANY, _OBJECT = "<any>", "<object>"


class _Param:
    """A function's parameter, as a taint label. In a return value: the result depends on the
    arguments. Also the key of what the function puts into the object passed for it (`mutations`)."""

    __slots__ = ("fn", "name", "position")

    def __init__(self, fn: ast.AST, name: str, position: Optional[int]) -> None:
        self.fn, self.name, self.position = fn, name, position  # position: None for keyword-only and */**


def _drawn(taint: Iterable[object]) -> bool:
    """Whether a taint holds a random draw (not only parameters)."""
    return any(isinstance(label, Source) for label in taint)


def _depends(taint: Iterable[object]) -> bool:
    return any(isinstance(label, _Param) for label in taint)


Label = Union[Source, _Param]
Taint = Set[Label]


class _Hit:
    __slots__ = ("secret", "line", "how", "context")

    def __init__(self, secret: str, line: int, how: str, context: bool = False) -> None:
        self.secret, self.line, self.how, self.context = secret, line, how, context


class Plan(NamedTuple):
    """Which rule families a file's text gives them anything to look at (the cheap prefilters)."""

    uses_random: bool
    compares: bool
    draws: bool
    builds: bool
    predictable: bool


def plan(source: str) -> Plan:
    return Plan(might_use_random(source), might_compare_secrets(source), might_draw_tokens(source),
                might_build_passwords(source), might_use_predictable(source))


def find(
    source: str,
    settings: Settings = DEFAULT_SETTINGS,
    path: Optional[str] = None,
    tree: Optional[ast.Module] = None,
    prefiltered: Optional[Plan] = None,
) -> List[Finding]:
    """Findings for one module's text, sorted by position. Raises SyntaxError if it does not parse.
    `prefiltered` is `plan(source)` when the caller has already computed it."""
    uses_random, compares, draws, builds, predictable = prefiltered or plan(source)
    if not (uses_random or compares or draws or builds or predictable):
        return []
    if path is not None and not settings.include_tests and is_test_path(path, settings.test_paths, settings.root):
        return []
    if tree is None:
        tree = parse(source)
    vocab = Vocabulary(settings.extend_sensitive_words, settings.extend_benign_words)
    lines = source_lines(source)
    found: List[Finding] = []
    # folder names are context whatever the working folder: `generator.py` checked from inside
    # `captcha/` is the same module as `captcha/generator.py` checked from above (and so are the
    # protocol and fake-data words of the module and the three folders above it)
    where = os.path.abspath(path) if path else ""
    context = context_words(where) if where and (uses_random or draws) else ()
    if uses_random:
        analysis = _Analysis(tree, vocab, context, where, where, lines)
        analysis.fake = bool(where) and is_fake_data_path(where)
        analysis.strict = settings.strict
        analysis.run()
        found.extend(analysis.findings(lines, settings.demands))
    if compares:
        found.extend(unsafe_comparisons(tree, vocab, lines))
    if draws:
        found.extend(short_tokens(tree, vocab, lines, settings.min_password_bits, context))
    if builds:
        drawn = {(f.line, f.col_bytes) for f in found if f.code.startswith("RND1")}
        found.extend(weak_passwords(tree, vocab, lines, settings.min_password_bits, drawn))
    if predictable:
        found.extend(predictable_secrets(tree, vocab, lines))
    out = []
    for finding in found:
        span = lines[finding.line - 1 : finding.end_line]
        if not suppressed(finding.code, span, settings.honour_noqa):
            out.append(finding)
    return sorted(out, key=Finding.sort_key)


class Summary(NamedTuple):
    """What other modules of the project need to know of one module (`project`)."""

    exports: Dict[str, List[Tuple[str, object, object]]]  # see `_Analysis.exports`
    reached: Dict[str, Tuple[str, int, str]]  # IMPORTED qualname -> (secret, line, how) where it becomes one


def summarize(
    source: str, settings: Settings = DEFAULT_SETTINGS, path: str = "", tree: Optional[ast.Module] = None,
    imported: Optional[Dict[str, Source]] = None,
) -> Summary:
    """The same walk as `find`, for the project's index: which functions return a draw, and which
    of the other modules' functions (`imported`, by the dotted name this module calls them by) have
    a result that becomes a secret here. Raises SyntaxError if `source` does not parse."""
    if tree is None:
        tree = parse(source)
    vocab = Vocabulary(settings.extend_sensitive_words, settings.extend_benign_words)
    lines = source_lines(source)
    where = os.path.abspath(path) if path else ""
    analysis = _Analysis(tree, vocab, context_words(where) if where else (), where, where, lines, imported)
    analysis.fake = bool(where) and is_fake_data_path(where)
    analysis.run()
    reached = {}
    for src, hit in analysis.hits.items():
        if src.kind == IMPORTED and not suppressed("RND101", lines[hit.line - 1 : hit.line], settings.honour_noqa):
            reached[src.qualname] = (hit.secret, hit.line, hit.how)
    return Summary(analysis.exports(), reached)


# An import that can bring in a random source: `import random`, `from random import ...`,
# `import numpy as np`, `from numpy import random`, `import os, random as r`, also continued over
# lines with a backslash or inside parentheses (`from numpy import (\n    random,\n)`).
_IMPORT = re.compile(
    r"^[ \t]*(?:from|import)(?:[ \t]|\\\r?\n)(?:[^\n\\(]|\\\r?\n|\\|\([^)]*\))*?\b(?:random|numpy)\b", re.M
)


def might_use_random(source: str) -> bool:
    """The cheap prefilter: most files of a project never import `random`, and cost next to nothing."""
    return "random" in source and _IMPORT.search(source) is not None


def needs_analysis(source: str) -> bool:
    """Whether any rule could report something in `source` (else it is not even parsed)."""
    return any(plan(source))


class _Analysis:
    def __init__(
        self,
        tree: ast.Module,
        vocab: Vocabulary,
        module_words: Tuple[str, ...],
        path: str = "",
        where: str = "",
        lines: Optional[List[str]] = None,
        imported: Optional[Dict[str, Source]] = None,
    ) -> None:
        self.tree = tree
        # functions of other modules of the project whose result carries a draw, by the dotted name
        # this module calls them by (`rand_str`, `utils.rand_str`, `Gen.make`): see `project`
        self.imported: Dict[str, Source] = imported or {}
        # the module and the three folders above it say which protocol the code speaks (`app/sip/...`);
        # not the folders a checkout sits in
        self.path = "/".join(path.replace("\\", "/").split("/")[-4:])
        self.vocab = vocab
        self.scopes = Scopes(tree)
        self.module_secret = vocab.module_secret(module_words)
        # `mycaptcha/image.py`: the package is about the secret, the module draws it; its answer words
        # (`answer`, `text`) are the secret. Only words with no harmless sense: a `salt/` or `token/`
        # folder names a project or a lexer.
        package = vocab.module_secret(package_words(where)) if where else None
        self.package_secret = self.module_secret or (package if package not in AMBIGUOUS else None)
        self.module_benign = any(vocab.benign_word(w) for w in module_words)
        self.functions = self.scopes.functions
        self.lambda_names: Dict[ast.AST, str] = {
            fn: name for name, fns in self.functions.items() for fn in fns if isinstance(fn, ast.Lambda)
        }
        self.returns: Dict[ast.AST, Taint] = {}
        self.returned_items: Dict[Tuple[ast.AST, int, int], Taint] = {}  # (function, index, arity)
        self.param_labels: Dict[ast.AST, Dict[str, _Param]] = {}
        self.mutations: Dict[_Param, Taint] = {}  # random values a function puts into a parameter's object
        self.mutated: Dict[ast.AST, Set[_Param]] = {}  # function -> its parameters in `mutations`
        self.vars: Dict[Tuple[int, str], Taint] = {}
        self.attrs: Dict[object, Taint] = {}  # (class name | _ANY | _OBJECT, attribute name), see `_attr_keys`
        # attribute names anything in the module assigns (`x.a = ...`, `a = ...` in a class body): a
        # method call can only carry a draw through an attribute of one of these names
        self.assigned_attrs: Set[str] = set(self.scopes.attr_bindings) | {
            name for node, names in self.scopes.bindings.items() if isinstance(node, ast.ClassDef) for name in names
        }
        self.bases: Dict[str, Set[str]] = {}  # class name -> the same-module classes it derives from
        self._related: Dict[str, Set[str]] = {}
        classes = [n for n in self.scopes.parent if isinstance(n, ast.ClassDef)]
        self.classes: Dict[str, List[ast.ClassDef]] = {}
        for c in classes:
            self.classes.setdefault(c.name, []).append(c)
        names = {c.name for c in classes}
        for c in classes:
            bases = {b.id for b in c.bases if isinstance(b, ast.Name) and b.id in names and b.id != c.name}
            self.bases.setdefault(c.name, set()).update(bases)
        self.hits: Dict[Source, _Hit] = {}
        self.seeds: Dict[ast.AST, List[Source]] = {}  # function scope -> its seed() calls
        self.used: Dict[ast.AST, Set[Source]] = {}  # function scope -> the module functions it calls
        self.changed = False
        self.versions: Dict[Tuple[int, object], int] = {}  # how often each slot has grown
        self.reads: Dict[ast.AST, Dict[Tuple[int, object], int]] = {}  # function -> slots it read
        self.reading: List[Dict[Tuple[int, object], int]] = []  # the functions being walked
        self.control: Taint = set()
        self.func: Optional[ast.AST] = None  # innermost function being walked
        self.cls: Optional[ast.ClassDef] = None
        self.statement: Optional[ast.stmt] = None  # the statement being walked
        self.fake = False  # fake-data code, or inside `def fake_user()` / `class DummyAuth`: stand-ins only
        self.fake_context = False  # inside `def demo_signup()`: direct secrets count, guesses from names do not
        self.strict = False  # also report the random calls that make no secret (RND901)
        # Which functions are worth a walk (see `relevance`): without the module's lines, all of them.
        self.lines = lines
        self.random_names = RandomNames(self.scopes, lines) if lines is not None else None
        self.refs: Dict[ast.AST, FrozenSet[str]] = {}  # function -> the words of its text
        self.needed: Set[ast.AST] = set()  # functions a walked function calls: their summaries count
        self.deferred = False  # this pass found a function to walk that it did not walk
        self.hot_names: Set[str] = set()  # attributes and functions holding a draw
        self.hot_vars: Set[Tuple[int, str]] = set()  # variable slots holding a draw
        self.hot_var_names: Set[str] = set()
        self.cold: Dict[ast.AST, int] = {}  # function -> the `_HOT` version when it was last found irrelevant
        self.hot_slots: Set[Tuple[int, object]] = set()
        self.hot_names.update(name.rsplit(".", 1)[-1] for name in self.imported)

    # -- driver ----------------------------------------------------------------------------------
    def run(self) -> None:
        self.fake = self.fake or self._makes_up_people()
        budget = _MAX_PASSES
        while budget > 0:
            budget -= 1
            self.changed = self.deferred = False
            self.body(self.tree.body, self.tree)
            if self.deferred:
                budget += 1  # a pass that found a function to walk next costs nothing: walking every
                # function from the start would have walked it in this pass
            if not self.changed or (not self.scopes.sources and not self.imported and not self.deferred):
                break  # no random call at all: nothing to follow

    def _makes_up_people(self) -> bool:
        """Whether this module's functions draw at random two or more kinds of a person's details
        (`get_email()`, `get_phone_number()`, `get_birthdate()`: `vocabulary.PERSONAL_DETAILS`): a
        fake-data generator, whose passwords and OTPs are stand-ins like its people."""
        kinds = set()
        for name, fns in self.functions.items():
            kind = self.vocab.personal_detail(name)
            if kind and kind not in kinds and any(self._draws(fn) for fn in fns):
                kinds.add(kind)
                if len(kinds) > 1:
                    return True
        return False

    def _draws(self, fn: ast.AST) -> bool:
        """Whether `fn`'s own body (not the functions and classes inside it) calls a random source."""
        todo = list(ast.iter_child_nodes(fn))
        while todo:
            node = todo.pop()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                continue
            if isinstance(node, ast.Call) and self.scopes.source_of_call(node, fn) is not None:
                return True
            todo.extend(ast.iter_child_nodes(node))
        return False

    def findings(self, lines: List[str], demands: Iterable[Demand] = ()) -> Iterable[Finding]:
        """What the walk found, and the draws whose value becomes a secret in another module
        (`demands`, see `project`) when nothing here already reports them."""
        hits = {src: hit for src, hit in self.hits.items() if src.kind != IMPORTED}
        # `random.seed()` sets the one generator every module-level `random.*` call of the process
        # draws from, wherever the seed and the calls are: a seed in `__init__` or at import time
        # shapes the token a method makes later.
        used = sorted({s for fed in self.used.values() for s in fed if s in hits}, key=lambda s: (s.line, s.col))
        for seeds in self.seeds.values():
            for seed in seeds:
                fed = [s for s in used if s.qualname.startswith("numpy.") == seed.qualname.startswith("numpy.")]
                if fed and seed not in hits:
                    first = fed[0]
                    hits[seed] = _Hit(hits[first].secret, hits[first].line, f"it seeds {first.qualname}() on line {first.line}")
        for src, hit in hits.items():
            yield rules.finding_for(src, hit.secret, f"{src.qualname}() on line {src.line} {hit.how}", lines)
        at = {(src.line, src.col): src for src in self.scopes.sources.values() if src.kind in _DRAWS}
        for demand in demands:
            src = at.get((demand.line, demand.col))
            if src is not None and src not in hits:
                hits[src] = _Hit(demand.secret, demand.line, demand.how)
                yield rules.finding_for(
                    src, demand.secret, f"{src.qualname}() on line {src.line} is returned by {demand.via}; in "
                    f"{demand.where.rsplit(':', 1)[0]} its result {demand.how}", lines, via=demand.via, where=demand.where,
                )
        if self.strict:
            for src in self.scopes.sources.values():
                if src not in hits:
                    yield rules.strict_finding_for(src, lines)

    # -- bookkeeping -----------------------------------------------------------------------------
    def _add(self, table: dict, key: object, taint: Taint) -> None:
        if not taint:
            return
        have = table.get(key)
        if have is None:
            table[key] = set(taint)
        elif not taint <= have:
            have |= taint
        else:
            return
        self.changed = True
        slot = (id(table), key)
        self.versions[slot] = self.versions.get(slot, 0) + 1
        if slot not in self.hot_slots and _drawn(taint):
            self.hot_slots.add(slot)
            self._heat(table, key)

    def _heat(self, table: dict, key: object) -> None:
        """Note the name through which code reads a slot that now holds a draw (see `_relevant`)."""
        if isinstance(key, tuple) and isinstance(key[0], tuple):
            key = key[0]  # one member of a container: the container's name
        if table is self.vars:
            self.hot_vars.add(key)  # type: ignore[arg-type]
            self.hot_var_names.add(key[1])  # type: ignore[index]
        elif table is self.attrs:
            self.hot_names.add(key[1])  # type: ignore[index]
        else:  # returns, returned_items, mutations, mutated: read where the function is called
            fn = key.fn if isinstance(key, _Param) else key[0] if isinstance(key, tuple) else key
            name = getattr(fn, "name", None) or self.lambda_names.get(fn)  # type: ignore[arg-type]
            if name:
                self.hot_names.add(name)
        self.versions[_HOT] = self.versions.get(_HOT, 0) + 1

    def _relevant(self, fn: ast.AST) -> bool:
        """Whether a function never walked yet can compute anything: its text names a random source
        or something holding a draw, or a walked function calls it (its summary is needed)."""
        if self.lines is None or self.random_names is None or fn in self.needed:
            return True
        version = self.versions.get(_HOT, 0)
        if self.cold.get(fn) == version:
            return False  # no new name holds a draw since it was last found irrelevant
        refs = self.refs.get(fn)
        if refs is None:
            refs = self.refs[fn] = identifiers(self.lines, fn)
        if self.random_names.mentions(refs, fn) or not refs.isdisjoint(self.hot_names):
            return True
        for word in refs & self.hot_var_names:
            bound = binding_scope(self.scopes, word, fn)
            if bound is not None and (id(bound), word) in self.hot_vars:
                return True
        self.cold[fn] = version
        return False

    def _get(self, table: dict, key: object) -> Taint:
        """Read a slot, noting what the function being walked has read (see `_unchanged`); the
        functions around it get its reads when it is done."""
        if self.reading:
            slot = (id(table), key)
            reads = self.reading[-1]
            if slot not in reads:
                reads[slot] = self.versions.get(slot, 0)
        return table.get(key, _EMPTY)

    def _pass_reads_out(self, reads: Dict[Tuple[int, object], int]) -> None:
        """What a nested function read, the function around it (if any) read too."""
        if self.reading:
            outer = self.reading[-1]
            for slot, version in reads.items():
                outer.setdefault(slot, version)

    def _unchanged(self, fn: ast.AST) -> bool:
        """True if nothing `fn` read on its last walk has changed since: walking it again would
        compute exactly the same, so the fixpoint passes skip it."""
        reads = self.reads.get(fn)
        return reads is not None and all(self.versions.get(slot, 0) == v for slot, v in reads.items())

    def _var_key(self, name: str, scope: ast.AST) -> Tuple[int, str]:
        return (id(binding_scope(self.scopes, name, scope) or scope), name)

    def _slot(self, base: ast.AST, scope: ast.AST, write: bool) -> Optional[Tuple[dict, List[object]]]:
        """Where a container's own taint is kept: a variable, or an attribute (see `_attr_keys`)."""
        if isinstance(base, ast.Name):
            return self.vars, [self._var_key(base.id, scope)]
        if isinstance(base, ast.Attribute):
            return self.attrs, self._attr_keys(base, write)
        return None

    # `self.x` is kept per class and read from the classes that share the instance: the class, its
    # same-module ancestors and descendants (`self.data` of a client is not `self.data` of a server,
    # though both derive from one protocol class). `obj.x` may be any class's: every write also goes
    # to `(ANY, x)`, which `obj.x` reads; writes through `obj.x` go to `(OBJECT, x)`, which `self.x` reads.
    def _attr_keys(self, node: ast.Attribute, write: bool) -> List[object]:
        if _is_self(node.value) and self.cls is not None:
            if write:
                return [(self.cls.name, node.attr), (_ANY, node.attr)]
            return [(name, node.attr) for name in self.related(self.cls.name)] + [(_OBJECT, node.attr)]
        return [(_OBJECT, node.attr), (_ANY, node.attr)] if write else [(_ANY, node.attr)]

    def _attr_read(self, node: ast.Attribute) -> Taint:
        return self._get_all(self.attrs, self._attr_keys(node, write=False))

    def _get_all(self, table: dict, keys: Iterable[object], member: str = "*") -> Taint:
        """`_get` of each key and of one member of it (all members, `"*"`, by default), united: what a
        container holds (`x`, `self.x`) or one item of it (`d["k"]`, `d.get("k")`). The hot path of every
        read, so `_get` is inlined."""
        reads = self.reading[-1] if self.reading else None
        versions, tid = self.versions, id(table)
        taint: Taint = set()
        for key in keys:
            for k in (key, _member(key, member)):
                if reads is not None:
                    slot = (tid, k)
                    if slot not in reads:
                        reads[slot] = versions.get(slot, 0)
                have = table.get(k)
                if have:
                    taint |= have
        return taint

    def related(self, name: str) -> Set[str]:
        """A class, its same-module ancestors and its same-module descendants, by name."""
        have = self._related.get(name)
        if have is None:
            up = {name}
            while True:
                more = {b for c in up for b in self.bases.get(c, ())} - up
                if not more:
                    break
                up |= more
            down = {name}
            while True:
                more = {c for c, bs in self.bases.items() if bs & down} - down
                if not more:
                    break
                down |= more
            have = self._related[name] = up | down
        return have

    def sink(self, secret: Optional[str], taint: Taint, line: int, how: str, context: bool = False) -> None:
        """Record that `taint` reaches a secret. A name that says "secret" itself outranks a context
        (the enclosing class or module), so the message names the most telling place."""
        if not secret or self.fake or (context and self.fake_context):
            return
        for label in taint:
            if isinstance(label, Source):
                have = self.hits.get(label)
                # the most telling sink, then the nearest to the call (usually the first the value
                # reaches): the same whatever order the functions were walked in
                if have is None or (context, abs(line - label.line), line, how) < (
                    have.context, abs(have.line - label.line), have.line, have.how
                ):
                    self.hits[label] = _Hit(secret, line, how, context)
                    self.changed = True

    # -- statements ------------------------------------------------------------------------------
    def body(self, stmts: List[ast.stmt], scope: ast.AST) -> None:
        for stmt in stmts:
            self.stmt(stmt, scope)

    def stmt(self, node: ast.stmt, scope: ast.AST) -> None:
        self.statement = node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self._defaults(node, scope)
            if self._unchanged(node):
                self._pass_reads_out(self.reads[node])  # skipped, but its reads still count for its enclosing function
                return
            if node not in self.reads and not self._relevant(node):
                if self.reading:  # walk the enclosing function again when a draw reaches a new name
                    self.reading[-1].setdefault(_HOT, self.versions.get(_HOT, 0))
                return
            saved = (self.func, self.control, self.fake, self.fake_context)
            self.func, self.control = node, set()
            self.fake = self.fake or self.vocab.fakes_secret(node.name)
            self.fake_context = self.fake_context or self.vocab.fake(node.name)
            reads: Dict[Tuple[int, object], int] = {}
            self.reads[node] = reads
            self.reading.append(reads)
            self._params(node)
            self.body(node.body, node)
            self.reading.pop()
            self._pass_reads_out(reads)
            self.func, self.control, self.fake, self.fake_context = saved
        elif isinstance(node, ast.ClassDef):
            saved_cls = (self.cls, self.fake, self.fake_context)
            self.cls = node
            self.fake = self.fake or self.vocab.fakes_secret(node.name)
            self.fake_context = self.fake_context or self.vocab.fake(node.name)
            self.body(node.body, node)
            self.cls, self.fake, self.fake_context = saved_cls
        elif isinstance(node, ast.Assign):
            taint = self.expr(node.value, scope) | self.control
            quantity = _quantity(node.value, self.scopes, scope) or _truth(node.value)
            for target in node.targets:
                self.assign(target, taint, scope, node.value, check=not quantity)
            self._factory(node.targets, node.value, scope)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            if node.value is not None:
                taint = self.expr(node.value, scope) | self.control
                if isinstance(node, ast.AugAssign):
                    taint |= self.expr(node.target, scope)
                quantity = _quantity(node.value, self.scopes, scope) or _truth(node.value)
                self.assign(node.target, taint, scope, node.value, check=not quantity)
                self._factory([node.target], node.value, scope)
        elif isinstance(node, ast.Return):
            self.returned(self.expr(node.value, scope) if node.value else set(), scope, node)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            it = self.expr(node.iter, scope)
            self.assign(node.target, it, scope, None, check=False)
            self.nested(node.body + node.orelse, scope, it)
        elif isinstance(node, (ast.While, ast.If)):
            test = self.expr(node.test, scope)
            self.nested(node.body + node.orelse, scope, test)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                taint = self.expr(item.context_expr, scope)
                if item.optional_vars is not None:
                    self.assign(item.optional_vars, taint, scope, None, check=False)
            self.body(node.body, scope)
        elif isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
            self.body(node.body, scope)  # type: ignore[attr-defined]
            for handler in node.handlers:  # type: ignore[attr-defined]
                self.body(handler.body, scope)
            self.body(node.orelse + node.finalbody, scope)  # type: ignore[attr-defined]
        elif type(node).__name__ == "Match":
            self.expr(node.subject, scope)  # type: ignore[attr-defined]
            for case in node.cases:  # type: ignore[attr-defined]
                self.body(case.body, scope)
        else:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    self.expr(child, scope)

    def _factory(self, targets: List[ast.expr], value: ast.AST, scope: ast.AST) -> None:
        """`api_key = Column(String, default=lambda: ...)`, `token: str = field(default_factory=_rand)`:
        the framework calls the callable to fill the field, so what it returns is the field's value."""
        if not isinstance(value, ast.Call):
            return
        made: Taint = set()
        for kw in value.keywords:
            if kw.arg not in _FACTORY_KEYWORDS:
                continue
            far = self._imported(kw.value, scope)
            if far is not None:
                made.add(far)  # `default=rand_str`, a helper of another module
            fns = [kw.value] if isinstance(kw.value, ast.Lambda) else self.helper(kw.value, scope) or []
            for fn in fns:
                made |= {label for label in self._get(self.returns, fn) if isinstance(label, Source)}
        if made:
            for target in targets:
                self.check_target(target, made, scope)

    def nested(self, stmts: List[ast.stmt], scope: ast.AST, control: Taint) -> None:
        saved = self.control
        self.control = saved | control  # random draws, and parameters that set which code runs how often
        self.body(stmts, scope)
        self.control = saved

    def _params(self, fn: ast.AST) -> None:
        labels = self.param_labels.get(fn)
        if labels is None:
            args = fn.args  # type: ignore[attr-defined]
            positional = list(getattr(args, "posonlyargs", [])) + args.args
            labels = self.param_labels[fn] = {
                arg.arg: _Param(fn, arg.arg, positional.index(arg) if arg in positional else None)
                for arg in positional + args.kwonlyargs + [args.vararg, args.kwarg]
                if arg is not None and arg.arg not in ("self", "cls")
            }
        for name, label in labels.items():
            self._add(self.vars, (id(fn), name), {label})

    def _unpacked(self, call: ast.Call, n: int, scope: ast.AST) -> Optional[List[Taint]]:
        """`a, b = helper()` where every `helper` returns an n-tuple: what each item carries."""
        far = self._imported(call.func, scope)
        if far is not None:  # each item of what another module's function returns is its own label
            for arg in list(call.args) + [k.value for k in call.keywords]:
                self.expr(arg, scope)
            return [{imported_label(f"{far.qualname}#{i}/{n}")} for i in range(n)]
        helpers = self.helper(call.func, scope)
        if not helpers:
            return None
        args: Taint = set()
        for arg in list(call.args) + [k.value for k in call.keywords]:
            args |= self.expr(arg, scope)
        parts: List[Taint] = [set() for _ in range(n)]
        for fn in helpers:
            items = [self._get(self.returned_items, (fn, i, n)) for i in range(n)]
            if not any(items) and self._get(self.returns, fn):
                return None  # returns something other than n-tuples
            for i, item in enumerate(items):
                parts[i] |= {t for t in item if isinstance(t, Source)} | (args if _depends(item) else set())
        return parts

    def _defaults(self, fn: ast.AST, scope: ast.AST) -> None:
        """A parameter holds what its default holds: `def gen(length=n)` with a random `n`."""
        for arg, default in parameter_defaults(fn.args):  # type: ignore[attr-defined]
            taint = self.expr(default, scope)
            self._add(self.vars, (id(fn), arg.arg), taint)
            secret, standard, _ = self.named(arg.arg)
            if secret and taint:  # `def create_user(name, password=_rand())`: made once, used by every call
                line = default.lineno
                self.sink(arg.arg, taint, line, f"is the default of '{arg.arg}' of {getattr(fn, 'name', 'lambda')}() on line {line}{standard}")

    def assign(self, target: ast.AST, taint: Taint, scope: ast.AST, value: Optional[ast.AST], check: bool = True) -> None:
        if isinstance(target, (ast.Tuple, ast.List)):
            if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts):
                for t, v in zip(target.elts, value.elts):
                    self.assign(t, self.expr(v, scope) | self.control, scope, v, check)
            else:
                parts = self._unpacked(value, len(target.elts), scope) if isinstance(value, ast.Call) else None
                for i, t in enumerate(target.elts):
                    self.assign(t, (parts[i] | self.control) if parts else taint, scope, None, check)
            return
        if isinstance(target, ast.Starred):
            self.assign(target.value, taint, scope, value, check)
            return
        if isinstance(target, ast.Name):
            self._add(self.vars, self._var_key(target.id, scope), taint)
            if isinstance(scope, ast.ClassDef):  # a class attribute, read as `self.<name>`
                self._add(self.attrs, (scope.name, target.id), taint)
                self._add(self.attrs, (_ANY, target.id), taint)
        elif isinstance(target, ast.Attribute):
            if isinstance(target.value, ast.Name) and not _is_self(target.value):
                # `pkt.id = ...`: the object that name holds now holds it; another object's `.id`
                # (or a class's `self.id`) is another value
                self._add(self.vars, _member(self._var_key(target.value.id, scope), "*"), taint)
            else:
                for key in self._attr_keys(target, write=True):
                    self._add(self.attrs, key, taint)
        elif isinstance(target, ast.Subscript):
            # an item drawn and put at a random position: the position shapes the result as much as the
            # item (`chars[randrange(n)] = choice(SYMBOLS)`); a constant put there (`grid[randrange(n)] = 1`)
            # is a mark on a board, not a secret being built
            index = self.expr(target.slice, scope)
            if isinstance(value, ast.Call):
                taint = taint | {label for label in index if isinstance(label, Source)}
            slot = self._slot(target.value, scope, write=True)
            if slot is None:
                self.assign(target.value, taint, scope, None, check=False)
            else:
                table, keys = slot
                member = _const_key(target)
                for key in keys:
                    if member is not None:
                        self._add(table, _member(key, member), taint)
                    self._add(table, _member(key, "*"), taint)
                self._mutates(target.value, taint)
        if check and taint:
            self.check_target(target, taint, scope)

    def check_target(self, target: ast.AST, taint: Taint, scope: ast.AST) -> None:
        if not _drawn(taint):
            return  # only parameters: nothing to report here
        key = sinks.key_name(target)  # `store[f"reset_token_{uid}"]`, `session[cookie_name]`
        by_key = self.named(key) if key else None
        if key and by_key and by_key[0]:
            name: Optional[str] = key
            shown = sinks.key_text(target)
            secret, standard, public = by_key
        else:
            name = sinks.target_name(target)
            if not name:
                return
            shown = sinks.display(target)
            secret, standard, public = self.named(name)
        line = target.lineno  # type: ignore[attr-defined]
        if public:
            return  # SDP's `session_id`: a standard says it only needs to be unique
        if isinstance(target, ast.Subscript) and name != key and _const_key(target) is None and _bare_plural(name):
            return  # `tokens[i] = ...`: an item of a text's tokens (or a jar's cookies) changed in place
        if secret in AMBIGUOUS and isinstance(target, ast.Name) and self._makes_benign_thing():
            return  # a local `nonce` inside `make_boundary()`: a part of what the function makes
        if secret in HARMLESS_SENSES and self.vocab.harmless_sense(
            name, [getattr(n, "name", "") for n in (self.func, self.cls) if n is not None]
        ):
            return  # `self.token` of `class Lock`, `salt` in `salt_and_pepper()`: the harmless sense
        if secret:
            self.sink(shown, taint, line, f"is assigned to '{shown}' on line {line}{standard}")
            return
        if not self.vocab.bare(name):
            return  # `self.condition_number`: the name says what it is, whatever the class is about
        # `self.code` of class ResetCode; `kwargs["code"]` in a method of InvitationManager
        member = isinstance(target, ast.Attribute) and _is_self(target.value)
        item = isinstance(target, ast.Subscript) and _const_key(target) is not None
        if self.cls is not None and (member or item):
            self.context_sink(self.cls.name, name, taint, line, f"'{shown}' of class {self.cls.name}")
        elif self.func is not None and isinstance(target, ast.Name) and self.vocab.ciphers(getattr(self.func, "name", "")) \
                and self.vocab.key_material(name) and not (isinstance(self.statement, ast.Assign) and _picked(self.statement.value)):
            # `key` inside `def encrypt(text, key)`: the cipher's key, not a dict's (a key picked with
            # `random.choice(list(item))` is an existing one)
            fn_name = self.func.name  # type: ignore[attr-defined]
            self.sink(f"'{shown}' in {fn_name}()", taint, line, f"becomes '{shown}' in {fn_name}() on line {line}", context=True)
        elif self.package_secret and self.vocab.answer(name):
            # `answer` in `captcha/image.py`: the module draws the secret, the name says it is the secret
            self.sink(f"'{shown}' in a module about {self.package_secret}s", taint, line,
                      f"becomes '{shown}' on line {line}, in a module about {self.package_secret}s", context=True)

    def named(self, name: str) -> Tuple[Optional[str], str, bool]:
        """(secret word, the standard's note for the why, public) for an identifier in the current
        context: words first say it (`api_key`), else a standard does (`trn_id` in NetBIOS code)."""
        contexts = (self.path,) + tuple(getattr(n, "name", "") for n in (self.cls, self.func) if n is not None)
        standard, public = protocol_value(name, contexts)
        if public:
            return None, "", True
        if standard:
            return standard, f", a {standard}", False
        return self.vocab.secret_word(name), "", False

    def _harmless_field(self, name: Optional[str]) -> bool:
        """A field or argument named as harmless (`image`, `size`, `color`); an unnamed one is not."""
        return bool(name) and self.vocab.benign_word(name) is not None  # type: ignore[arg-type]

    def _makes_benign_thing(self) -> bool:
        """Whether the enclosing function's name ends in a harmless thing it makes: `make_boundary`,
        `_random_filename`, `pick_color`. A one-word name (`rotate`, `jitter`) is a verb, not a product."""
        ws = words(getattr(self.func, "name", "") or "")
        return len(ws) > 1 and self.vocab.benign_word(ws[-1]) is not None

    def context_sink(self, context: str, name: str, taint: Taint, line: int, what: str) -> None:
        """`name` inside `context` (a class, a function) holds a secret if the pair names one. Harmless
        words veto it, except that a drawing word in the context (`CaptchaImage`) never vetoes the
        answer itself (`text`, `answer`, `code`): the picture is of it."""
        if self.vocab.benign_word(name if self.vocab.answer(name) else f"{context}_{name}") or not self.vocab.secret_word(f"{context}_{name}"):
            return
        self.sink(what, taint, line, f"becomes {what} on line {line}", context=True)

    def returned(self, taint: Taint, scope: ast.AST, node: ast.AST) -> None:
        fn = self.func
        if fn is None:
            return
        self._add(self.returns, fn, taint)
        value = getattr(node, "value", None)
        if isinstance(value, ast.Tuple) and not any(isinstance(e, ast.Starred) for e in value.elts):
            for i, elt in enumerate(value.elts):
                self._add(self.returned_items, (fn, i, len(value.elts)), self.expr(elt, scope))
        sources = {t for t in taint if isinstance(t, Source)}
        if not sources:
            return
        name = getattr(fn, "name", None) or self.lambda_names.get(fn)  # `new_token = lambda: ...`
        if not name:
            return
        line = node.lineno  # type: ignore[attr-defined]
        shown = f"{name}()"
        # What is returned says what it is, whatever the function is called: `return image` from
        # `_make_captcha()` is the picture; `return answer, image, font` returns the answer.
        if _returns_benign_name(node, self.vocab):
            return
        if isinstance(value, (ast.Tuple, ast.List)):
            sources = set()
            for elt in value.elts:
                elt_name = sinks.target_name(elt)
                if not (elt_name and self.vocab.benign_word(elt_name)):
                    sources |= {t for t in self.expr(elt, scope) if isinstance(t, Source)}
            if not sources:
                return
        secret, standard, _ = self.named(name)
        if secret in HARMLESS_SENSES and self.vocab.harmless_sense(name, [self.cls.name] if self.cls else []):
            return  # `Board.random_pin()`: the class says which sense
        if secret:
            self.sink(shown, sources, line, f"is returned by {shown} on line {line}{standard}")
            return
        if self.vocab.benign_word(name):
            return
        reshaped = self._reshaped_secret(taint)
        if reshaped:  # `def add_symbols(password): return password + random.choice(SYMBOLS)`
            self.sink(f"'{reshaped}'", sources, line,
                      f"is returned by {shown} on line {line} with its parameter '{reshaped}'", context=True)
            return
        if self.package_secret and any(w in ANSWER_WORDS for w in words(name)):  # `generate_text()`, `gen_code_chr()`
            self.sink(f"{name}()", sources, line,
                      f"is returned by {name}() on line {line}, in a module about {self.package_secret}s", context=True)
            return
        described = self.vocab.described_secret(ast.get_docstring(fn) or "") if not isinstance(fn, ast.Lambda) else None
        if described:  # `def generate_wcs(): """Generates a new random secret..."""`: the docstring says what
            self.sink(f"{name}()", sources, line,
                      f"is returned by {name}() on line {line}, whose docstring says it makes a {described}", context=True)
            return
        if self.cls is not None and self.vocab.secret_word(self.cls.name) and not self.vocab.benign_word(self.cls.name):
            self.sink(f"{self.cls.name}.{name}()", sources, line,
                      f"is returned by {self.cls.name}.{name}() on line {line}", context=True)
        elif self.module_secret and not self.module_benign:
            self.sink(f"{name}()", sources, line,
                      f"is returned by {name}() on line {line}, in a module about {self.module_secret}s", context=True)

    def _reshapes(self, call: ast.Call, fn: ast.AST, ret: Taint) -> None:
        """`random_capitalisation(raw_password, 0.3)`: a helper handed a password returns it with its
        own draws put in (its result depends on that parameter), so the draws become that password."""
        drawn = {t for t in ret if isinstance(t, Source)}
        if not drawn:
            return
        for label in ret:
            if not isinstance(label, _Param) or label.fn is not fn:
                continue
            given = call.args[label.position] if label.position is not None and label.position < len(call.args) else next(
                (k.value for k in call.keywords if k.arg == label.name), None)
            if given is None or isinstance(given, ast.Starred):
                continue
            name = sinks.target_name(given)
            callee = getattr(fn, "name", None) or self.lambda_names.get(fn, "a helper")
            if name and self.vocab.secret_word(name) in RESHAPED_SECRETS and not self.vocab.benign_word(name) \
                    and not self.vocab.spoils(callee) and not (self.func is not None and self.vocab.spoils(getattr(self.func, "name", ""))):
                self.sink(f"'{name}'", drawn, call.lineno,
                          f"is put into '{name}' by {callee}() on line {call.lineno}", context=True)
                return

    def _reshaped_secret(self, taint: Taint) -> Optional[str]:
        """The parameter named as a password that a returned value also carries, or None: a function
        that returns `password` with random symbols or casing put in returns the password. Only
        passwords (`RESHAPED_SECRETS`): a key or a token parameter is far more often what the returned
        data was enciphered or signed with, and `tokens` with a random one added is a text's."""
        for label in taint:
            if isinstance(label, _Param) and label.fn is self.func:
                secret = self.vocab.secret_word(label.name)
                if secret in RESHAPED_SECRETS and not self.vocab.benign_word(label.name) \
                        and not self.vocab.spoils(getattr(self.func, "name", "") or ""):
                    return label.name
        return None

    def shown(self, taint: Taint, line: int) -> None:
        """A random value printed or copied by code about a secret is the secret it generates:
        `print("".join(...))` in a password generator's `main()`."""
        fn_name = getattr(self.func, "name", "") if self.func is not None else ""
        if fn_name and self.vocab.benign_word(fn_name):
            return
        secret = self.vocab.secret_word(fn_name) if fn_name else None
        if not secret and self.cls is not None and not self.vocab.benign_word(self.cls.name):
            secret = self.vocab.secret_word(self.cls.name)
        if not secret and not self.module_benign:
            secret = self.module_secret
        if secret:
            self.sink(secret, taint, line, f"is shown as the {secret} on line {line}", context=True)

    # -- expressions -----------------------------------------------------------------------------
    def expr(self, node: Optional[ast.AST], scope: ast.AST) -> Taint:
        if node is None or isinstance(node, ast.Constant):
            return set()
        if isinstance(node, ast.Call):
            return self.call(node, scope)
        if isinstance(node, ast.Name):
            return self._get_all(self.vars, (self._var_key(node.id, scope),))
        if isinstance(node, ast.Attribute):
            return self.expr(node.value, scope) | self._attr_read(node)
        if isinstance(node, ast.Subscript):
            index = self.expr(node.slice, scope)
            if _picks_existing(node.value):
                index = set()  # `KEYS[random.randrange(len(KEYS))]` picks a key, as random.choice(KEYS) does
            slot = self._slot(node.value, scope, write=False)
            member = _const_key(node)
            if slot is None or member is None:
                return self.expr(node.value, scope) | index
            table, keys = slot
            return self._get_all(table, keys, member) | index
        if isinstance(node, ast.IfExp):
            # `c.upper() if random.random() < p else c`: two shapes of one value (one branch is made
            # from the other), and the draw says which, so the result carries the draw. Between two
            # values (`"a" if ... else "b"`, `keys[0] if ... else keys[1]`, `conn.password if ... else
            # None`) the draw only picks, like random.choice(("a", "b")).
            test = {t for t in self.expr(node.test, scope) if isinstance(t, Source)}
            body, orelse = self.expr(node.body, scope), self.expr(node.orelse, scope)
            return body | orelse | (test if _reshaped(node.body, node.orelse) else set())
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            taint: Taint = set()
            for gen in node.generators:
                it = self.expr(gen.iter, scope)
                self.assign(gen.target, it, scope, None, check=False)
                for cond in gen.ifs:
                    self.expr(cond, scope)
                taint |= it
            if isinstance(node, ast.DictComp):
                return taint | self.expr(node.key, scope) | self.expr(node.value, scope)
            return taint | self.expr(node.elt, scope)
        if isinstance(node, ast.Lambda):
            self.scopes.parent.setdefault(node, scope)
            saved = (self.func, self.control)
            self.func, self.control = node, set()
            self._params(node)
            self.returned(self.expr(node.body, node), node, node)
            self.func, self.control = saved
            return set()
        if isinstance(node, ast.Dict):
            taint = set()
            for key, value in zip(node.keys, node.values):
                vt = self.expr(value, scope)
                self.expr(key, scope)
                if vt and isinstance(key, ast.Constant) and isinstance(key.value, str):
                    secret, standard, _ = self.named(key.value)
                    if secret:
                        self.sink(key.value, vt, key.lineno, f"is stored under '{key.value}' on line {key.lineno}{standard}")
                taint |= vt
            return taint
        if isinstance(node, ast.Compare) and all(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
            for child in [node.left] + node.comparators:
                self.expr(child, scope)
            return set()  # `x is None` says nothing about x's value
        if isinstance(node, ast.NamedExpr):
            taint = self.expr(node.value, scope)
            self.assign(node.target, taint, scope, node.value)
            return taint
        taint = set()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                taint |= self.expr(child, scope)
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            self.returned(taint, scope, node)
        return taint

    def call(self, node: ast.Call, scope: ast.AST) -> Taint:
        func = node.func
        name = sinks.callee_name(func)
        args: Taint = set()
        positional: List[Taint] = []
        for arg in node.args:
            t = self.expr(arg, scope)
            positional.append(t)
            args |= t
        keywords: Taint = set()
        for kw in node.keywords:
            t = self.expr(kw.value, scope)
            args |= t
            keywords |= t
            if kw.arg and _drawn(t):
                secret, standard, _ = self.named(kw.arg)
                if secret:
                    self.sink(kw.arg, t, kw.value.lineno, f"is passed as {kw.arg}= on line {kw.value.lineno}{standard}")
                elif self.package_secret and self.vocab.answer(kw.arg):
                    line = kw.value.lineno  # `CaptchaModel(image=image, characters=text)` in a captcha package
                    self.sink(f"{kw.arg}=", t, line,
                              f"is passed as {kw.arg}= on line {line}, in a module about {self.package_secret}s",
                              context=True)
        # what the lambdas handed to a call return: `map(lambda _: choice(CHARS), range(n))` applies them
        lambdas: Taint = set()
        for arg in list(node.args) + [kw.value for kw in node.keywords]:
            if isinstance(arg, ast.Lambda):
                lambdas |= {label for label in self._get(self.returns, arg) if isinstance(label, Source)}
        if name == "setdefault" and len(node.args) == 2 and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str) and positional[1]:
            key = node.args[0].value  # `d.setdefault("password", value)` stores it as `d["password"] = value` does
            secret, standard, _ = self.named(key)
            if secret:
                self.sink(key, positional[1], node.lineno, f"is stored under '{key}' on line {node.lineno}{standard}")
        for pos, what in sinks.call_argument_secrets(node, self.vocab):
            if positional[pos]:
                self.sink(what, positional[pos], node.lineno, f"is passed as the {what} on line {node.lineno}")

        src = self.scopes.source_of_call(node, scope)
        if src is not None:  # `random.shuffle(items, lambda: r)`: the order comes from `r` too
            return self.source_call(node, src, args | lambdas, scope)
        wrapped = self.scopes.partial_source(node, scope)
        if wrapped is not None:
            return {wrapped} | args  # the partial object: calling it draws
        far = self._imported(func, scope)
        if far is not None:
            return {far}  # what a helper of another module returns: its draw (not its arguments: unknown here)
        helper = self.helper(func, scope)
        if helper is not None:
            result: Taint = set()
            for fn in helper:
                ret = self._get(self.returns, fn)
                result |= {t for t in ret if isinstance(t, Source)}
                if _depends(ret):
                    result |= self._arguments_for(node, fn, ret, positional, args, scope)
                    self._reshapes(node, fn, ret)
                self._into_parameters(node, fn, scope)
            if isinstance(func, ast.Attribute):
                self.expr(func.value, scope)
            return result
        if name in _OUTPUTS and args and (name != "copy" or "clip" in sinks.dotted(func).lower()):
            # `copy` shows a value only on a clipboard (`pyperclip.copy`); a variable whose name says
            # what else it is (`print(font)` in a captcha program) is not the secret shown
            shown = keywords.union(*(t for arg, t in zip(node.args, positional)
                                     if not (isinstance(arg, ast.Name) and self.vocab.benign_word(arg.id))))
            if shown:
                self.shown(shown, node.lineno)
        if name in _OPAQUE_CALLS:
            if isinstance(func, ast.Attribute):
                self.expr(func.value, scope)
            return set()
        if isinstance(func, ast.Attribute):
            receiver = self.expr(func.value, scope)
            if name in _MUTATORS and isinstance(func.value, ast.Name):  # a local list, set, dict or hash
                self.assign(func.value, args | self.control, scope, None)
                self._mutates(func.value, args | self.control)
                return set()
            if name in ("get", "pop", "setdefault") and node.args and isinstance(node.args[0], ast.Constant):
                slot = self._slot(func.value, scope, write=False)  # `d.get("k")` reads what `d["k"] = ...` wrote
                if slot is not None:
                    table, keys = slot
                    return self._get_all(table, keys, repr(node.args[0].value)) | args
            if name in _BUILDERS or _is_value_function(func.value, self.scopes, scope):
                return receiver | args | lambdas
            if name in self.assigned_attrs:  # `self.draw()` where `self.draw = partial(...)`
                return receiver | self._attr_read(func) | lambdas
            return receiver | lambdas
        called = self.expr(func, scope)
        if isinstance(func, ast.Name) and func.id[:1].isupper() and func.id not in _VALUE_CLASSES:
            # an object holds what it is built from, except what its fields' names call harmless:
            # `CaptchaModel(image=image, characters=text)` holds the text, `Image.new(size, color)`
            # nothing; a wrapper of one value (`SecretStr(text)`) is that value. Unnamed parts of a
            # bigger object (`Hive(handle, name)`) say nothing of what the object is.
            held: Taint = set()
            wrapper = len(node.args) == 1 and not node.keywords
            for arg, t in zip(node.args, positional):
                name = sinks.target_name(arg)
                if (name or wrapper) and not self._harmless_field(name):
                    held |= t
            for kw in node.keywords:
                named = sinks.target_name(kw.value)
                if kw.arg is None or not self._harmless_field(kw.arg) and not self._harmless_field(named):
                    held |= self.expr(kw.value, scope)
            return held
        return args | called | lambdas  # calling a value that carries a draw (a `partial` of one) draws

    def _mutates(self, base: ast.AST, taint: Taint) -> None:
        """`parts[i] += ...`, `chars.append(...)` on a parameter: the caller's object changes."""
        if not isinstance(base, ast.Name) or self.func is None:
            return
        label = self.param_labels.get(self.func, {}).get(base.id)
        drawn = {t for t in taint if isinstance(t, Source)}
        if label is not None and drawn and self.scopes.bindings.get(self.func, {}).get(base.id) is not None:
            self._add(self.mutations, label, drawn)
            self._add(self.mutated, self.func, {label})

    def _argument(self, call: ast.Call, fn: ast.AST, label: _Param) -> Optional[ast.AST]:
        """The expression a call passes for one parameter of `fn`, or None (not passed, or unpacked)."""
        for kw in call.keywords:
            if kw.arg == label.name:
                return kw.value
        if label.position is None:
            return None
        i = label.position - (1 if _bound_call(call, fn) else 0)
        if 0 <= i < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[: i + 1]):
            return call.args[i]
        return None

    def _arguments_for(
        self, call: ast.Call, fn: ast.AST, ret: Taint, positional: List[Taint], args: Taint, scope: ast.AST
    ) -> Taint:
        """What a helper's result carries from this call's arguments: only the arguments whose
        parameters its return value depends on (`draw_chars(chars, image)` returns text made from
        `chars`, not from the image). Unpacked arguments and `*args`/`**kwargs` count in full."""
        taint: Taint = set()
        for label in ret:
            if not isinstance(label, _Param):
                continue
            if label.fn is not fn:
                taint |= {label}  # a closure's outer parameter: the outer function's result depends on it
                continue
            arg = self._argument(call, fn, label)
            if arg is None:
                if label.position is None or any(isinstance(a, ast.Starred) for a in call.args) or any(
                    kw.arg is None for kw in call.keywords
                ):
                    return taint | args
                continue  # not passed: the default is used
            i = next((j for j, a in enumerate(call.args) if a is arg), None)
            taint |= positional[i] if i is not None else self.expr(arg, scope)
        return taint

    def _into_parameters(self, call: ast.Call, fn: ast.AST, scope: ast.AST) -> None:
        """What a same-module call does to its arguments: an object whose parameter `fn` fills with
        random values (`parts[i] += str(randint(0, 9))`, `chars.append(choice(SYMBOLS))`) carries them here."""
        for label in self._get(self.mutated, fn):  # one read per call for the common case: none
            filled = self._get(self.mutations, label)
            if not filled:
                continue
            arg = self._argument(call, fn, label)
            if isinstance(arg, (ast.Name, ast.Attribute)):
                self.assign(arg, set(filled) | self.control, scope, None)

    def source_call(self, node: ast.Call, src: Source, args: Taint, scope: ast.AST) -> Taint:
        fscope = self.func if self.func is not None else self.tree
        if src.kind == "seed":
            self.seeds.setdefault(fscope, [])
            if src not in self.seeds[fscope]:
                self.seeds[fscope].append(src)
            return set()
        if src.kind in ("function", "numpy"):
            self.used.setdefault(fscope, set()).add(src)
        method = node.func.attr if isinstance(node.func, ast.Attribute) else src.method
        if method in _PICKERS and node.args and _picks_existing(node.args[0]):
            return args
        if method in ("shuffle", "seed") and node.args:
            if method == "shuffle":
                self.assign(node.args[0], {src} | args | self.control, scope, None)
            return set()
        return {src} | args

    def _imported(self, func: ast.AST, scope: ast.AST) -> Optional[Source]:
        """The label of another module's function that `func` names, if its result carries a draw:
        `rand_str` bound by `from .utils import rand_str`, `utils.rand_str`, `Gen.make` (see `project`)."""
        if not self.imported:
            return None
        name = sinks.dotted(func)
        label = self.imported.get(name) if name else None
        if label is None and isinstance(func, ast.Attribute):
            cls = self._imported_instance(func.value, scope)  # `g.make()` with `g = Gen()`
            return self.imported.get(f"{cls}.{func.attr}") if cls else None
        if label is None or not self.scopes.is_imported(name.split(".", 1)[0], scope):
            return None  # not one of them, or the name is bound here to something else
        return label

    def _imported_instance(self, expr: ast.AST, scope: ast.AST) -> Optional[str]:
        """The imported class `expr` is an instance of, by the dotted name this module calls it by:
        `Gen()` itself; a name bound once, in the scope Python reads it from (class bodies are not
        seen from their methods), to such a call (`g = Gen()`); or `self.x` bound once to one in the
        class or its same-module ancestors and descendants, with no class attribute of that name
        (`self.gen = utils.Gen(seed)`); else None. Only a name only an import binds is a class."""
        if isinstance(expr, ast.Call):
            value: Optional[ast.AST] = expr
            where: Optional[ast.AST] = scope
        elif isinstance(expr, ast.Name):
            where = self.scopes.reading_scope(expr.id, scope)
            found = self.scopes.bindings.get(where, {}).get(expr.id, []) if where is not None else []
            value = found[0].value if len(found) == 1 and found[0].kind == "assign" else None
        elif isinstance(expr, ast.Attribute) and _is_self(expr.value):
            owner = self.scopes.class_of(scope)
            family = self.related(owner.name) if isinstance(owner, ast.ClassDef) else set()
            if any(expr.attr in self.scopes.bindings.get(c, {}) for name in family for c in self.classes.get(name, ())):
                return None  # `gen = Plain()` or `gen: Plain` in the class body: what `self.gen` may read
            values = [v for v in self.scopes.self_attr_bindings.get(expr.attr, [])
                      if getattr(self.scopes.class_of(self.scopes.attr_binding_scopes.get(id(v))), "name", None) in family]
            value = values[0] if len(values) == 1 else None
            where = self.scopes.attr_binding_scopes.get(id(value)) if value is not None else None
        else:
            return None
        if not isinstance(value, ast.Call) or where is None:
            return None
        cls = sinks.dotted(value.func)
        return cls if cls and self.scopes.is_imported(cls.split(".", 1)[0], where) else None

    def exports(self) -> Dict[str, List[Tuple[str, object, object]]]:
        """What each function of the module returns that carries a draw, by the name other modules
        call it by (`rand_str`, `Gen.make`): `("draw", line, col)` for a call of this module,
        `("via", qualname, 0)` for another module's function (an `IMPORTED` label). A function that
        returns n-tuples also has each item under `name#i/n` (empty for an item with no draw), so
        that `answer, font = make()` elsewhere takes only what the answer carries."""
        out: Dict[str, List[Tuple[str, object, object]]] = {}
        items: Dict[ast.AST, Set[int]] = {}
        for fn, _, n in self.returned_items:
            items.setdefault(fn, set()).add(n)
        for name, fns in self.functions.items():
            for fn in fns:
                parent = self.scopes.parent.get(fn)
                if isinstance(parent, ast.Module):
                    bound = self.scopes.bindings.get(parent, {}).get(name, ())
                    if sum(b.kind not in ("import", "module") for b in bound) != 1:
                        continue  # defined twice, or rebound (`rand_str = secrets.token_urlsafe`): which runs is unknown
                    # (a fallback for when an import fails, `except ImportError: def f(...)`, runs where it fails)
                    key = name
                elif isinstance(parent, ast.ClassDef) and isinstance(self.scopes.parent.get(parent), ast.Module):
                    key = f"{parent.name}.{name}"
                else:
                    continue  # a nested function: no other module can call it
                _export(out, key, self.returns.get(fn, ()))
                if key in out:
                    for n in items.get(fn, ()):
                        for i in range(n):
                            out.setdefault(f"{key}#{i}/{n}", [])
                            _export(out, f"{key}#{i}/{n}", self.returned_items.get((fn, i, n), ()))
        return out

    def helper(self, func: ast.AST, scope: ast.AST) -> Optional[List[ast.AST]]:
        """The same-module functions a call may run: `helper(...)`, `self.helper(...)`, `cls.helper(...)`.
        Each is walked from now on (its summary counts here), if it was not yet."""
        fns = self._helper(func, scope)
        for fn in fns or ():
            if fn not in self.reads and fn not in self.needed:
                # a nested function is reached by walking the functions around it
                outer: Optional[ast.AST] = fn
                while outer is not None and not isinstance(outer, ast.Module):
                    if isinstance(outer, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                        self.needed.add(outer)
                    outer = self.scopes.parent.get(outer)
                self.changed = self.deferred = True
                self.versions[_HOT] = self.versions.get(_HOT, 0) + 1
        return fns

    def _helper(self, func: ast.AST, scope: ast.AST) -> Optional[List[ast.AST]]:
        if isinstance(func, ast.Name):
            if self.scopes.is_imported(func.id, scope):
                return None
            return self.functions.get(func.id)
        if isinstance(func, ast.Attribute) and (_is_self(func.value) or (
            isinstance(func.value, ast.Name) and self.cls is not None and func.value.id == self.cls.name
        )):
            return self.functions.get(func.attr)
        if isinstance(func, ast.Attribute):  # `Gen().get()`, `g = Gen(); g.get()` with `class Gen` here
            cls = self._instance_class(func.value, scope)
            if cls is not None:
                return self._methods(cls, func.attr) or None
        return None

    def _instance_class(self, expr: ast.AST, scope: ast.AST) -> Optional[str]:
        """The same-module class an expression is an instance of, when every binding says so."""
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id in self.classes:
            return expr.func.id
        if isinstance(expr, ast.Name):
            sc: Optional[ast.AST] = scope
            while sc is not None:
                found = self.scopes.bindings.get(sc, {}).get(expr.id)
                if found:
                    kinds = {
                        b.value.func.id if b.kind == "assign" and isinstance(b.value, ast.Call)
                        and isinstance(b.value.func, ast.Name) and b.value.func.id in self.classes else None
                        for b in found
                    }
                    return kinds.pop() if len(kinds) == 1 and None not in kinds else None
                sc = self.scopes.parent.get(sc)
        return None

    def _methods(self, cls: str, name: str) -> List[ast.AST]:
        """`name` defined in class `cls` or its same-module ancestors."""
        out: List[ast.AST] = []
        for c in self.related(cls):
            for node in self.classes.get(c, ()):
                out.extend(m for m in node.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef)) and m.name == name)
        return out


# Keywords that hand a framework a callable whose result fills a field: SQLAlchemy `Column(default=,
# onupdate=)` and `mapped_column(insert_default=)`, Django `Field(default=)`, `dataclasses.field(default_factory=)`,
# pydantic `Field(default_factory=)`, attrs `field(factory=)`.
_FACTORY_KEYWORDS = frozenset({"default", "default_factory", "factory", "insert_default", "onupdate"})

# Draws that pick among a collection's items (Python docs, random.choice, choices, sample, shuffle;
# NumPy docs, numpy.random.permutation).
_PICKERS = frozenset({"choice", "choices", "sample", "shuffle", "permutation"})
# Collections of existing things: picking one of them does not make a new secret
# (`random.choice(jwks["keys"])`, `random.shuffle(servers)`).
_EXISTING = frozenset(
    {
        # secrets that exist already: the secrecy is in them, not in the choice (a JWK set, RFC 7517 §5)
        "keys", "tokens", "secrets", "passwords", "pins", "credentials", "creds", "certs", "certificates",
        "sessions", "jwks", "keyset",
        # a language model's vocabulary: sampling picks a token that exists, it makes no secret
        "vocab", "vocabulary",
        # hosts, endpoints and connections to spread load over or fail over to (LDAP referrals, RFC 4511
        # §4.1.10; SaltStack's minions)
        "servers", "hosts", "nodes", "proxies", "masters", "urls", "endpoints", "peers", "mirrors", "addresses",
        "addrs", "referrals", "backends", "replicas", "connections", "conns", "clients", "workers", "brokers",
        "targets", "minions", "ips",
    }
)


def _export(out: Dict[str, List[Tuple[str, object, object]]], key: str, taint: Iterable[object]) -> None:
    """Add to `out[key]` the draws a function's result carries (see `_Analysis.exports`)."""
    for label in taint:
        if isinstance(label, Source) and label.kind == IMPORTED:
            item: Tuple[str, object, object] = ("via", label.qualname, 0)
        elif isinstance(label, Source) and label.kind in _DRAWS:
            item = ("draw", label.line, label.col)
        else:
            continue
        have = out.setdefault(key, [])
        if item not in have:
            have.append(item)


def _reshaped(a: ast.AST, b: ast.AST) -> bool:
    """Whether one expression is made from the other: `c.upper()` and `c`, `w + "!"` and `w`."""
    da, db = ast.dump(a), ast.dump(b)
    if da == db:
        return False
    return any(ast.dump(n) == db for n in ast.walk(a)) or any(ast.dump(n) == da for n in ast.walk(b))


def _picked(value: Optional[ast.AST]) -> bool:
    """`random.choice(list(table))`, `random.sample(keys, 1)[0]`: a value picked from a collection."""
    while isinstance(value, ast.Subscript):
        value = value.value
    return isinstance(value, ast.Call) and isinstance(value.func, (ast.Attribute, ast.Name)) and \
        (value.func.attr if isinstance(value.func, ast.Attribute) else value.func.id) in _PICKERS


def _picks_existing(collection: ast.AST) -> bool:
    while isinstance(collection, ast.Call) and collection.args:  # list(d), sorted(keys)
        collection = collection.args[0]
    name = sinks.target_name(collection)
    return bool(name) and any(w in _EXISTING for w in words(name))  # type: ignore[arg-type]


# Draws from a parameterised distribution: an amount, a weight, a duration, a rate -- a number used as
# a number, never a credential (`self.salt = random.uniform(0.5, 2.0)` in a recipe, a bucket's tokens).
_QUANTITIES = frozenset(
    {
        # Python docs, random module, Real-valued distributions
        "uniform", "triangular", "gauss", "normalvariate", "lognormvariate", "expovariate", "vonmisesvariate",
        "gammavariate", "betavariate", "paretovariate", "weibullvariate",
        # NumPy docs, numpy.random distributions (Generator and legacy RandomState)
        "normal", "standard_normal", "randn", "beta", "binomial", "exponential", "poisson", "gamma", "lognormal",
    }
)


def _truth(value: Optional[ast.AST]) -> bool:
    """`salt = random.random() < p`: a comparison's result is a truth value, never a secret."""
    return isinstance(value, ast.Compare) or (isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.Not))


def _quantity(value: Optional[ast.AST], scopes: Scopes, scope: ast.AST) -> bool:
    """Whether a value is a random quantity used as a number: a distribution draw, alone or in
    arithmetic, `round()`, `abs()`, `min()`/`max()` (not turned into text, bytes or an int)."""
    if isinstance(value, ast.BinOp):
        return _quantity(value.left, scopes, scope) or _quantity(value.right, scopes, scope)
    if isinstance(value, ast.UnaryOp):
        return _quantity(value.operand, scopes, scope)
    if not isinstance(value, ast.Call):
        return False
    if isinstance(value.func, ast.Name) and value.func.id in ("round", "abs", "min", "max", "float"):
        return any(_quantity(arg, scopes, scope) for arg in value.args)
    src = scopes.source_of_call(value, scope)
    return src is not None and src.method in _QUANTITIES


def _bare_plural(name: str) -> bool:
    """`tokens`, `cookies`, `pins`: one plural word of a strong word with a harmless sense."""
    ws = words(name)
    return len(ws) == 1 and ws[0].endswith("s") and ws[0][:-1] in AMBIGUOUS


def _const_key(sub: ast.Subscript) -> Optional[str]:
    key = sub.slice
    if isinstance(key, ast.Constant) and isinstance(key.value, (str, int)):
        return repr(key.value)
    return None


def _member(key: object, member: Optional[str]) -> object:
    """The taint slot of one member (`d['k']`) or of all members (`"*"`) of a container slot."""
    return (key, member)


def _bound_call(call: ast.Call, fn: ast.AST) -> bool:
    """`self.f(x)` / `cls.f(x)` calling `def f(self, x)`: the first parameter is not among the
    arguments. `ClassName.f(self, x)` passes it explicitly."""
    args = getattr(fn, "args", None)
    positional = (list(getattr(args, "posonlyargs", [])) + args.args) if args is not None else []
    return (
        isinstance(call.func, ast.Attribute)
        and bool(positional)
        and positional[0].arg in ("self", "cls")
        and not (isinstance(call.func.value, ast.Name) and call.func.value.id[:1].isupper())
    )


def _is_self(expr: ast.AST) -> bool:
    return isinstance(expr, ast.Name) and expr.id in ("self", "cls")


def _is_value_function(expr: ast.AST, scopes: Scopes, scope: ast.AST) -> bool:
    """`hashlib.md5(x)`, `base64.b64encode(x)`, `"-".join(x)`: a value made from the arguments."""
    if isinstance(expr, ast.Constant):
        return True
    while isinstance(expr, ast.Attribute):
        expr = expr.value
    return isinstance(expr, ast.Name) and expr.id in _VALUE_MODULES and scopes.is_imported(expr.id, scope)


def _returns_benign_name(node: ast.AST, vocab: Vocabulary) -> bool:
    value = getattr(node, "value", None)
    name = sinks.target_name(value) if value is not None else None
    return bool(name and vocab.benign_word(name))


__all__ = ["Plan", "find", "might_use_random", "needs_analysis", "plan"]
