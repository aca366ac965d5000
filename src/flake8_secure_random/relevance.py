"""Which functions the analysis needs to walk at all: a cheap, text-based over-approximation.

A module that imports `random` usually draws in a few of its functions (a test module, a simulation
with one token helper). Walking a function whose text names nothing that can carry a draw computes
empty taint and finds nothing, so the analysis (see `analysis._Analysis._relevant`) walks a function
only when its text names something that may hold a random source, something that already holds a
draw, or when a walked function calls it. Everything here errs towards "may": a name in a comment or
a string counts, names are compared without their scopes.
"""
from __future__ import annotations

import ast
import re
from typing import AbstractSet, Dict, FrozenSet, List, Optional, Set, Tuple

from .sources import RANDOM_FUNCTIONS, Scopes

# A Python identifier (PEP 3131: letters of any script, digits not first).
_IDENTIFIER = re.compile(r"[^\W\d]\w*")

# What `from random import *` binds that the sources resolve (see `sources.Scopes.lookup`).
_STAR_NAMES = RANDOM_FUNCTIONS | {"seed", "Random", "SystemRandom"}


def identifiers(lines: List[str], node: ast.AST) -> FrozenSet[str]:
    """Every identifier-shaped word on the lines of `node` (1-based `lineno`..`end_lineno`), comments
    and strings included: a superset of the names, attributes and `getattr` keys the node uses.

    The parser normalises identifiers to NFKC (PEP 3131), so `ｒａｎｄｏｍ` is `random` and a
    decomposed `générer` is the composed one; text that is not all ASCII is read from the syntax tree
    instead, where every name is already normalised."""
    first = getattr(node, "lineno", 1)
    last = getattr(node, "end_lineno", None) or first
    text = "\n".join(lines[first - 1 : last])
    if text.isascii():
        return frozenset(_IDENTIFIER.findall(text))
    return frozenset(_tree_words(node))


def _tree_words(node: ast.AST) -> Set[str]:
    """The identifiers of a syntax tree and the words of its strings (`getattr(self, "token")`)."""
    found: Set[str] = set()
    for child in ast.walk(node):
        for name in ("id", "attr", "arg", "name", "asname", "module"):
            value = getattr(child, name, None)
            if isinstance(value, str):
                found.update(value.split("."))
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            found.update(_IDENTIFIER.findall(child.value))
        elif isinstance(child, (ast.Global, ast.Nonlocal)):
            found.update(child.names)
    return found


def binding_scope(scopes: Scopes, name: str, scope: ast.AST, python: bool = False) -> Optional[ast.AST]:
    """The innermost scope around `scope` (itself included) that binds `name`, or None (a global
    bound nowhere in the module, or a builtin). By default the analysis's variable slots' resolution
    (`_Analysis._var_key`); with `python`, Python's (and `Scopes.lookup`'s): a class body's names are
    not seen from the functions inside it (Python reference, Execution model, 4.2.2)."""
    sc: Optional[ast.AST] = scope
    while sc is not None:
        if name in scopes.bindings.get(sc, ()) and not (python and sc is not scope and isinstance(sc, ast.ClassDef)):
            return sc
        sc = scopes.parent.get(sc)
    return None


class RandomNames:
    """Variables (by binding scope) and attribute names through which code may reach a random source:
    names bound by an import of `random` or NumPy (Scopes' "import" bindings), and, to a fixpoint,
    every variable or `x.attr` bound to what Scopes resolves as a generator, a random function or
    method (`rng = random.Random()`, `self.rng = rng`, `pick = rng.choice`, a parameter defaulting to
    `random.Random()`). A value drawn from them (`x = random.random()`) is not a source: the analysis
    follows it as taint (`hot_vars`)."""

    def __init__(self, scopes: Scopes, lines: List[str]) -> None:
        self.scopes = scopes
        self.variables: Set[Tuple[int, str]] = set()
        self.attributes: Set[str] = set()
        self.names: Set[str] = set()  # the bare names of both
        self.binders: Dict[str, List[ast.AST]] = {}  # name -> the scopes where it is a random variable
        assigned: List[Tuple[ast.AST, str, ast.AST]] = []
        for scope, binds in scopes.bindings.items():
            for name, found in binds.items():
                for binding in found:
                    if binding.kind == "import":
                        self._add(scope, name)
                    elif binding.kind == "assign" and isinstance(binding.value, ast.AST):
                        assigned.append((scope, name, binding.value))
        for scope, star in scopes.star_random.items():
            if star:
                for name in _STAR_NAMES:
                    self._add(scope, name)
        attributes = [(attr, value) for attr, values in scopes.attr_bindings.items() for value in values]
        words: Dict[int, FrozenSet[str]] = {}

        def mentioned(value: ast.AST) -> FrozenSet[str]:
            have = words.get(id(value))
            if have is None:
                have = words[id(value)] = identifiers(lines, value)
            return have

        # Resolving a value registers the generators it creates as sources; the walk registers those it
        # reaches itself (strict mode reports exactly those), so this look-ahead leaves no trace.
        registered = dict(scopes.sources)
        grew = bool(self.names)
        while grew:
            grew = False
            for scope, name, value in assigned:
                if (id(scope), name) not in self.variables and self.mentions(mentioned(value), scope) \
                        and scopes.ref(value, scope) is not None:
                    self._add(scope, name)
                    grew = True
            # `self.x = ...` is kept by attribute name, module-wide, and Scopes resolves its value where
            # the attribute is used (`Scopes.attr_ref`): any mention of a random name counts
            for attr, value in attributes:
                if attr not in self.attributes and not mentioned(value).isdisjoint(self.names):
                    self.attributes.add(attr)
                    self.names.add(attr)
                    grew = True
        scopes.sources.clear()
        scopes.sources.update(registered)

    def _add(self, scope: ast.AST, name: str) -> None:
        self.variables.add((id(scope), name))
        self.names.add(name)
        self.binders.setdefault(name, []).append(scope)

    def mentions(self, words: AbstractSet[str], scope: ast.AST) -> bool:
        """Whether the text of `scope` (a function: these are its words) may name a random source:
        a random variable as seen from `scope`, one bound in a scope nested in it (a local
        `from random import choice` in an inner function), or an attribute."""
        for word in words & self.names:
            if word in self.attributes:
                return True
            bound = binding_scope(self.scopes, word, scope, python=True)
            if bound is None or (id(bound), word) in self.variables:
                return True
            for binder in self.binders.get(word, ()):
                if self._inside(binder, scope):
                    return True
        return False

    def _inside(self, inner: ast.AST, outer: ast.AST) -> bool:
        sc: Optional[ast.AST] = inner
        while sc is not None:
            if sc is outer:
                return True
            sc = self.scopes.parent.get(sc)
        return False
