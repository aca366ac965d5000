"""What a name means where the fixer writes it, and whether anything still refers to a name.

Two questions, both answered on the stdlib `ast` and both conservative (when in doubt, the answer
is the one that leaves the file alone):

- `secrets_obstacles(tree, sites)`: would `secrets.<fn>` at each site reach the standard library's
  module once `import secrets` is at the top? Not if the name `secrets` is bound by anything other
  than a plain `import secrets` in a scope the site can see (Python's scoping rules, Language
  Reference 4.2.2 "Resolution of names"), nor if it is read somewhere without such an import (a
  star import or injected global could provide it).
- `referenced(tree, text, name)`: is a name still needed, by code, by `__all__`, by a string
  annotation (PEP 563/484 forward references) or by a `# type:` comment (PEP 484)?
"""
from __future__ import annotations

import ast
import re
import textwrap
from typing import Iterator, List, Optional, Sequence, Tuple

# Nodes that open a scope of their own (Language Reference 4.2.2); comprehensions are functions.
_SCOPES = (
    ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef,
    ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp,
)


def is_plain_import(node: ast.AST, module: str) -> bool:
    """`import <module>` binding the name `<module>` (not `as` something else, not `from`)."""
    return isinstance(node, ast.Import) and any(a.name == module and a.asname in (None, module) for a in node.names)


# How `secrets_obstacle` reads each kind of binding: "import" (a plain `import secrets`), "local"
# (binds in the scope around it), "param", or "global" (conservatively, everywhere: a declaration,
# a PEP 695 type parameter seen by nested code, a walrus that binds outside its comprehension).
_OBSTACLE_KIND = {
    "plain-import": "import", "import": "local", "local": "local", "param": "param",
    "declared": "global", "type-param": "global", "walrus": "global",
}


def _bindings(node: ast.AST, name: str) -> Iterator[str]:
    """How `node` binds `name` itself, if it does, as `_OBSTACLE_KIND` reads it."""
    return (_OBSTACLE_KIND[kind] for bound, kind in binding_sites(node) if bound == name)


def walk_with_scope(tree: ast.AST) -> Iterator[Tuple[ast.AST, Tuple[ast.AST, ...]]]:
    """Every node with the chain of scopes it binds names in, innermost last. A function's
    parameters bind in the function; its decorators, defaults and annotations are evaluated in the
    scope around it."""
    stack: List[Tuple[ast.AST, Tuple[ast.AST, ...]]] = [(tree, (tree,))]
    while stack:
        node, chain = stack.pop()
        yield node, chain
        inner = chain + (node,) if isinstance(node, _SCOPES) else chain
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            outer_parts: List[ast.AST] = list(getattr(node, "decorator_list", []))
            args = node.args
            outer_parts += [d for d in args.defaults + args.kw_defaults if d is not None]
            if not isinstance(node, ast.Lambda) and node.returns is not None:
                outer_parts.append(node.returns)
            stack.extend((part, chain) for part in outer_parts)
            params = args.posonlyargs + args.args + args.kwonlyargs + [a for a in (args.vararg, args.kwarg) if a]
            stack.extend((param, inner) for param in params)
            body = node.body if isinstance(node.body, list) else [node.body]
            stack.extend((child, inner) for child in body)
            stack.extend((tp, inner) for tp in getattr(node, "type_params", []))
        elif isinstance(node, ast.ClassDef):
            for part in node.decorator_list + node.bases + [k.value for k in node.keywords]:
                stack.append((part, chain))
            stack.extend((child, inner) for child in node.body)
            stack.extend((tp, inner) for tp in getattr(node, "type_params", []))
        else:
            stack.extend((child, inner) for child in ast.iter_child_nodes(node))


def binding_sites(node: ast.AST) -> Iterator[Tuple[str, str]]:
    """The names `node` binds, each with how (Language Reference 4.2.2 "Binding of names"):
    "plain-import" (`import name`), "import" (any other import), "local" (an assignment or `del`
    target, a def or class, an except clause, a match capture), "param", "declared" (`global` or
    `nonlocal`), "type-param" (PEP 695) or "walrus" (an assignment expression's target, which
    PEP 572 binds outside a comprehension; its Name also counts as "local")."""
    if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
        yield node.id, "local"
    elif isinstance(node, ast.arg):
        yield node.arg, "param"
    elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        yield node.name, "local"
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        for alias in node.names:
            if alias.name != "*":
                bound = alias.asname or alias.name.split(".")[0]
                yield bound, "plain-import" if isinstance(node, ast.Import) and alias.name == bound else "import"
    elif isinstance(node, ast.ExceptHandler) and node.name:
        yield node.name, "local"
    elif isinstance(node, (ast.Global, ast.Nonlocal)):
        for name in node.names:
            yield name, "declared"
    elif type(node).__name__ in ("MatchAs", "MatchStar") and getattr(node, "name", None):
        yield node.name, "local"  # type: ignore[attr-defined]
    elif type(node).__name__ == "MatchMapping" and getattr(node, "rest", None):
        yield node.rest, "local"  # type: ignore[attr-defined]
    elif type(node).__name__ in ("TypeVar", "ParamSpec", "TypeVarTuple") and getattr(node, "name", None):
        yield node.name, "type-param"  # type: ignore[attr-defined]
    elif isinstance(node, ast.NamedExpr) and isinstance(node.target, ast.Name):
        yield node.target.id, "walrus"


def _encloses(scope: ast.AST, span: Tuple[int, int, int, int]) -> bool:
    if isinstance(scope, ast.Module):
        return True
    start = (scope.lineno, scope.col_offset)  # type: ignore[attr-defined]
    end = (scope.end_lineno, scope.end_col_offset)  # type: ignore[attr-defined]
    return start <= span[:2] and span[2:] <= end


def secrets_obstacle(tree: ast.Module, sites: Sequence[Tuple[int, int, int, int]], text: Optional[str] = None) -> Optional[str]:
    """Why `secrets` would not mean the standard library's module at one of `sites` (ast spans:
    line, byte col, end line, end byte col) after a module-level `import secrets`; None if it would.
    `text`, the module's source, if at hand, makes the answer free where the word never occurs."""
    if text is not None and "secrets" not in text:
        return None  # nothing binds or reads the name
    has_plain_import = False
    binding_scopes = set()
    reads: List[Tuple[ast.AST, ...]] = []
    for node, chain in walk_with_scope(tree):
        if isinstance(node, ast.Name) and node.id == "secrets" and isinstance(node.ctx, ast.Load):
            reads.append(chain)
        for kind in _bindings(node, "secrets"):
            if kind == "import":
                # Only an unconditional module-level import binds it for every reader.
                has_plain_import = has_plain_import or node in tree.body
                if isinstance(chain[-1], ast.Module):
                    continue
                binding_scopes.add(chain[-1])
                continue
            scope = chain[-1]
            where = f"{_describe(node)}, line {getattr(node, 'lineno', '?')}"
            if kind == "global" or isinstance(scope, ast.Module):
                return f"the name 'secrets' is already bound ({where})"
            if any(_encloses(scope, site) for site in sites):
                return f"the name 'secrets' is bound around the call ({where})"
            binding_scopes.add(scope)
    if not has_plain_import and any(not binding_scopes.intersection(chain) for chain in reads):
        return "the name 'secrets' is read where no module-level `import secrets` binds it (a star or conditional import may)"
    return None


def star_imports(tree: ast.Module) -> list:
    """The module-level `from X import *` statements (X not `random`): each may bind any name,
    `secrets` included, so `import secrets` must run after them."""
    return [
        node for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.names[0].name == "*" and not (node.module == "random" and not node.level)
    ]


def describe_star(node: ast.ImportFrom) -> str:
    return f"from {'.' * node.level}{node.module or ''} import *, line {node.lineno}"


def _describe(node: ast.AST) -> str:
    names = {
        "ExceptHandler": "an except clause", "arg": "a parameter", "Global": "a global statement",
        "Nonlocal": "a nonlocal statement", "MatchAs": "a match capture", "MatchStar": "a match capture",
        "MatchMapping": "a match capture", "TypeVar": "a type parameter", "ParamSpec": "a type parameter",
        "TypeVarTuple": "a type parameter", "NamedExpr": "an assignment expression",
        "Import": "an import", "ImportFrom": "an import", "FunctionDef": "a def", "AsyncFunctionDef": "a def",
        "ClassDef": "a class", "Name": "an assignment",
    }
    return names.get(type(node).__name__, type(node).__name__)


_TYPE_COMMENT = re.compile(r"#\s*type:(.*)")


def referenced(tree: ast.Module, text: str, name: str) -> bool:
    """Whether `name` is still read: by code (a load or a `del`), listed in `__all__`, inside a
    string that spells an expression using it (a forward-reference annotation such as
    "random.Random"), or in a `# type:` comment."""
    word = re.compile(rf"(?<![\w.]){re.escape(name)}\b")
    if text.isascii() and not word.search(text):
        return False  # (identifiers are NFKC-normalised: a non-ASCII text may spell it otherwise)
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Store):
            return True
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and word.search(node.value):
            if node.value.strip() == name or _spells_use_of(node.value, name) or re.search(
                    rf"(?<![\w.]){re.escape(name)}\.(?:[A-Za-z_]|$)", node.value):
                return True  # also a piece of code being built: eval(f"random.{name}(8)")
    return any(word.search(m.group(1)) for m in _TYPE_COMMENT.finditer(text))


def _spells_use_of(value: str, name: str, depth: int = 0) -> bool:
    """Whether a string is code that reads `name`: an expression or statements (annotations,
    `exec()` strings) or the examples of a doctest (`>>> ` and `... ` lines)."""
    if len(value) > 20_000:
        return True  # too long to read cheaply: assume it does
    doctest = "\n".join(line.strip()[4:] for line in value.splitlines() if line.strip()[:4] in (">>> ", "... "))
    for code in (value.strip(), textwrap.dedent(value).strip(), doctest):
        try:
            tree = ast.parse(code)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        for n in ast.walk(tree):
            if isinstance(n, ast.Name) and n.id == name:
                return True
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and depth < 3 and _spells_use_of(n.value, name, depth + 1):
                return True  # a forward reference inside one: "Optional['random.Random']"
    return False
