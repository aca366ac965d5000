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
    and strings included: a superset of the names, attributes and `getattr` keys the node uses."""
    first = getattr(node, "lineno", 1)
    last = getattr(node, "end_lineno", None) or first
    return frozenset(_IDENTIFIER.findall("\n".join(lines[first - 1 : last])))


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
        self.names: Set[str] = set()  # the bare names of both, for names bound only in a nested scope
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
            for attr, value in attributes:  # `self.x = ...` is kept by attribute name, module-wide
                scope = scopes.attr_binding_scopes[id(value)]
                if attr not in self.attributes and self.mentions(mentioned(value), scope) \
                        and scopes.ref(value, scope) is not None:
                    self.attributes.add(attr)
                    self.names.add(attr)
                    grew = True
        scopes.sources.clear()
        scopes.sources.update(registered)

    def _add(self, scope: ast.AST, name: str) -> None:
        self.variables.add((id(scope), name))
        self.names.add(name)

    def mentions(self, words: AbstractSet[str], scope: ast.AST) -> bool:
        """Whether text with these words, inside `scope`, may name a random source."""
        for word in words & self.names:
            if word in self.attributes:
                return True
            bound = binding_scope(self.scopes, word, scope, python=True)
            if bound is None or (id(bound), word) in self.variables:
                return True  # bound only in a nested scope of the text, or the very variable
        return False
