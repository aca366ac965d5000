"""The check that guards every write: does the rewritten program mean what the original meant?

Like black's safe mode (black compares the syntax trees of its input and output before it writes),
`problem(old, new, rewritten)` parses both texts and brings them to one canonical form:

- each rewritten node of the old text and each `secrets` spelling in either text becomes a
  canonical call that names the random method it stands for, with the documented argument
  arithmetic (`randint(a, b)` of int literals is `randbelow(b - a + 1) + a`, `randrange(n)` and
  `randbelow(n)` of an int literal are one function, a literal seed of `Random()` is dropped,
  `a != b` is `not compare_digest(a, b)`);
- the imports of `random` the result no longer has are taken out of the old tree, and the
  module-level `import secrets` out of both: every other import must stand where it stood.

The two trees must then be equal (`ast.dump`), every comment must still be there, every name an
import of `random` bound must still be bound wherever something refers to it, `import secrets`
must run before every statement that uses the name, and nothing else may be called `secrets`
where the new calls are. It knows nothing of how the fixer made its edits: it is given only the
old text, the new text and the spans of the nodes that were meant to change.
"""
from __future__ import annotations

import ast
from typing import Dict, List, Optional, Sequence, Tuple

from ..files import parse
from .rewrites import STATEFUL
from .names import describe_star, is_plain_import, referenced, secrets_obstacle, star_imports
from .spans import Offsets, comments, first_position, header, is_docstring, statements

Span = Tuple[int, int, int, int]
_INT = int


def problem(old: str, new: str, rewritten: Dict[Span, str]) -> Optional[str]:
    """None if `new` is `old` with exactly the nodes at `rewritten` (ast span -> the random method
    or the comparison operator it stood for) replaced by their `secrets` equivalents and the
    imports adjusted; otherwise a one-line description of the first difference."""
    try:
        old_tree, new_tree = parse(old), parse(new)  # fresh trees: the canonical form is made in place
    except (SyntaxError, ValueError) as exc:
        return f"the result does not parse ({type(exc).__name__})"
    except (RecursionError, MemoryError):
        return "too deeply nested to compare"
    if header(old) != header(new):
        return "the encoding cookie or a file-level `# type: ignore` would change"
    old_imports, new_imports = _import_sigs(old_tree), _import_sigs(new_tree)
    old_sigs = {sig for sigs in old_imports.values() for sig in sigs}
    new_sigs = {sig for sigs in new_imports.values() for sig in sigs}
    lost = _lost_import(old_sigs - new_sigs, new_tree, new)
    if lost:
        return lost
    future = _misplaced_future(new_tree)
    if future:
        return future
    if rewritten or "secrets" in new:
        order = _import_order(new_tree)
        if order:
            return order
        obstacle = secrets_obstacle(new_tree, _secrets_sites(new_tree))
        if obstacle:
            return obstacle
    added = {((), "import", None, "secrets", None)}
    if new_sigs - old_sigs - added:
        return "an import of random or secrets that was not there would be added"
    # A module-level `import secrets` may move (importing it has no effect but the binding, which
    # _import_order checks); every other import of random or secrets must stay where it stood.
    if _drop_imports(old_tree, old_imports, new_sigs - added) != _drop_imports(new_tree, new_imports, old_sigs - added):
        return "a docstring would change"
    try:
        differ = _first_difference(old, new, old_tree, new_tree, rewritten)
    except RecursionError:
        return "too deeply nested to compare"
    if differ:
        return f"the result would differ outside the flagged calls (from line {differ})"
    if comments(old) != comments(new):
        return "a comment would be lost or changed"
    return None


class _Canonical(ast.NodeTransformer):
    """Rewritten old nodes and `secrets` spellings to one canonical call, `rnd:<method>(...)`."""

    def __init__(self, rewritten: Dict[Span, str]) -> None:
        self.rewritten = rewritten

    def _at(self, node: ast.AST) -> Optional[str]:
        if not self.rewritten:
            return None
        return self.rewritten.get((node.lineno, node.col_offset, node.end_lineno, node.end_col_offset))  # type: ignore[attr-defined]

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        op = self._at(node)
        self.generic_visit(node)
        expected = {"==": ast.Eq, "!=": ast.NotEq}.get(op or "")
        if expected is not None and len(node.ops) == 1 and isinstance(node.ops[0], expected):
            equal = _canon("eq", [node.left, node.comparators[0]], [])
            return equal if op == "==" else ast.UnaryOp(op=ast.Not(), operand=equal)
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        method = self._at(node)
        self.generic_visit(node)
        if method is not None and _callee_may_be(node.func, method):
            if method in STATEFUL or (method == "getrandbits" and node.keywords):
                # No `secrets` spelling is the same: state, or keywords the C function refuses.
                return _canon(f"only-random-{method}", node.args, node.keywords)
            return _normal(method, node.args, node.keywords)
        spelled = _secrets_method(node.func, node.args, node.keywords)
        if spelled is not None:
            return _normal(spelled, node.args, node.keywords)
        return node

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        # randbelow(n) + low, the fold of randint(low, low + n - 1)
        left, right = node.left, node.right
        if isinstance(node.op, ast.Add) and _is_canon(left, "below") and _int(right) is not None:
            bound = _int(left.args[0]) if len(left.args) == 1 else None  # type: ignore[attr-defined]
            if bound is not None and not left.keywords:  # type: ignore[attr-defined]
                return _canon("randint", [_const(right.value), _const(right.value + bound - 1)], [])  # type: ignore[attr-defined]
        return node


def _secrets_method(func: ast.AST, args: List[ast.expr], keywords: List[ast.keyword]) -> Optional[str]:
    """The random method a `secrets` spelling stands for, where it is the same function with the
    same argument checks: `secrets.choice` -> choice; `secrets.randbits` -> getrandbits (no
    keywords: the C getrandbits takes none); `secrets.randbelow(n)` and `secrets.token_bytes(n)` ->
    below / randbytes for a non-negative int literal only; `secrets.SystemRandom` -> Random;
    `secrets.SystemRandom().m` -> m for a public value method of random.Random. Anything else
    keeps a name of its own, which equals nothing `random` spells."""
    import random

    if not isinstance(func, ast.Attribute):
        return None
    value, attr = func.value, func.attr
    one_int = len(args) == 1 and not keywords and _int(args[0]) is not None
    if isinstance(value, ast.Name) and value.id == "secrets":
        if attr == "choice" or attr == "SystemRandom" or attr == "compare_digest":
            return {"choice": "choice", "SystemRandom": "Random", "compare_digest": "compare_digest"}[attr]
        if attr == "randbits":
            return "getrandbits" if not keywords else "secrets-randbits"
        if attr == "randbelow":
            return "below" if one_int else "secrets-randbelow"
        if attr == "token_bytes":
            return "randbytes" if one_int else "secrets-token_bytes"
        return None
    if _is_canon(value, "Random") and not value.args and not value.keywords:  # type: ignore[attr-defined]
        if not attr.startswith("_") and attr not in STATEFUL and callable(getattr(random.Random, attr, None)):
            return attr
        return f"system-{attr}"
    return None


def _callee_may_be(func: ast.AST, method: str) -> bool:
    """Whether an old call's callee can be `random.<method>`: a bare name (an alias, `pick`) or an
    attribute of that name (`random.choice`, `np.random.bytes` for randbytes)."""
    if isinstance(func, ast.Name):
        return True
    if isinstance(func, ast.Attribute):
        return func.attr == method or (method == "randbytes" and func.attr == "bytes")
    return False


def _normal(method: str, args: List[ast.expr], keywords: List[ast.keyword]) -> ast.expr:
    """The canonical call for `method(*args, **keywords)`, with the documented arithmetic."""
    ints = [_int(a) for a in args]
    if not keywords and len(args) == 1 and ints[0] is not None and method in ("randrange", "below"):
        return _canon("below", args, [])
    if not keywords and len(args) == 2 and None not in ints and method == "randint" and ints[0] <= ints[1]:  # type: ignore[operator]
        if ints[0] == 0:
            return _canon("below", [_const(ints[1] + 1)], [])  # type: ignore[operator]
        return _canon("randint", args, [])
    if method == "Random":
        # SystemRandom ignores its seed; a literal seed of a type seed() takes may be dropped.
        every = list(args) + [k.value for k in keywords]
        if len(every) == 1 and _seed_literal(every[0]) and all(k.arg == "x" for k in keywords):
            return _canon("Random", [], [])
        return _canon("Random", args, keywords)
    if method == "compare_digest":
        return _canon("eq", args, keywords)
    return _canon(method, args, keywords)


def _canon(method: str, args: List[ast.expr], keywords: List[ast.keyword]) -> ast.Call:
    # "rnd:" cannot start an identifier, so no name in a program can equal a canonical call.
    return ast.Call(func=ast.Name(id=f"rnd:{method}", ctx=ast.Load()), args=list(args), keywords=list(keywords))


def _is_canon(node: ast.AST, method: str) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == f"rnd:{method}"


def _int(node: ast.AST) -> Optional[int]:
    if isinstance(node, ast.Constant) and type(node.value) is _INT:
        return node.value
    return None


def _const(value: int) -> ast.Constant:
    return ast.Constant(value=value)


def _seed_literal(expr: ast.AST) -> bool:
    return isinstance(expr, ast.Constant) and type(expr.value) in (type(None), int, float, str, bytes)


ImportSig = Tuple[Tuple[str, ...], str, Optional[str], str, Optional[str]]


def _import_sigs(tree: ast.Module) -> Dict[ast.stmt, List[ImportSig]]:
    """Each import statement with the signatures of the `random`/`secrets` names it binds:
    (the path of defs and classes around it, "import"/"from", module, name, as-name)."""
    out: Dict[ast.stmt, List[ImportSig]] = {}
    stack: List[Tuple[ast.AST, Tuple[str, ...]]] = [(tree, ())]
    while stack:
        node, path = stack.pop()
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            for child in getattr(node, field, None) or ():
                if not isinstance(child, ast.AST):
                    continue
                inner = path + (child.name,) if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else path
                stack.append((child, inner))
                if isinstance(child, ast.Import):
                    sigs = [(path, "import", None, a.name, a.asname) for a in child.names
                            if a.name.split(".")[0] in ("random", "secrets")]
                elif isinstance(child, ast.ImportFrom) and child.module in ("random", "secrets") and not child.level:
                    sigs = [(path, "from", child.module, a.name, a.asname) for a in child.names]
                else:
                    continue
                if sigs:
                    out[child] = sigs
    return out


def _drop_imports(tree: ast.Module, sigs: Dict[ast.stmt, List[ImportSig]], keep: "set") -> List[bool]:
    """Remove the `random`/`secrets` import names (`sigs`: `_import_sigs(tree)`) whose signature is
    not in `keep` (for the old
    text: those the result no longer has; for the result: the `import secrets` the fixer added), so
    that every other import must stand where it stood. Returns, for the module and each function and
    class in turn, whether its body opened with a docstring before that (an import added above a
    string, or removed from above one, changes which string is the docstring)."""
    docstrings = []
    for node in [tree] + [stmt for stmt, _ in statements(tree)]:
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            docstrings.append(is_docstring(node.body[0] if node.body else None))
    if not sigs:
        return docstrings
    for stmt, parent in list(statements(tree)):
        if stmt not in sigs:
            continue
        gone = [sig for sig in sigs[stmt] if sig not in keep]
        if not gone:
            continue
        names = [a for a in stmt.names if _sig_of(stmt, a, sigs[stmt][0][0]) not in gone]  # type: ignore[attr-defined]
        if names:
            stmt.names = names  # type: ignore[attr-defined]
            continue
        for field in ("body", "orelse", "finalbody"):
            body = getattr(parent, field, None)
            if isinstance(body, list) and stmt in body:
                body.remove(stmt)
                if not body:
                    body.append(ast.Pass())
    return docstrings


def _sig_of(stmt: ast.stmt, alias: ast.alias, path: Tuple[str, ...]) -> ImportSig:
    if isinstance(stmt, ast.Import):
        return (path, "import", None, alias.name, alias.asname)
    return (path, "from", stmt.module, alias.name, alias.asname)  # type: ignore[attr-defined]


def _first_difference(old: str, new: str, old_tree: ast.Module, new_tree: ast.Module,
                      rewritten: Dict[Span, str]) -> Optional[int]:
    """The line of the first top-level statement whose canonical tree differs, or None.

    Statements are paired in order. A pair whose source texts are equal and that holds no
    rewritten node is equal without building its canonical tree: a top-level statement starts with
    the tokenizer at rest, so the same text is the same syntax tree wherever it stands."""
    if len(old_tree.body) != len(new_tree.body):
        pairs = [(old_tree, new_tree)]
    else:
        old_at, new_at = Offsets(old), Offsets(new)
        lines = sorted({line for span in rewritten for line in range(span[0], span[2] + 1)})
        pairs = []
        for a, b in zip(old_tree.body, new_tree.body):
            if _text(a, old, old_at) == _text(b, new, new_at) and not _holds_a_line(a, lines):
                continue
            pairs.append((a, b))
    for a, b in pairs:
        if ast.dump(_Canonical(rewritten).visit(a)) != ast.dump(_Canonical({}).visit(b)):
            return getattr(a, "lineno", 1)
    return None


def _text(stmt: ast.stmt, text: str, offsets: Offsets) -> str:
    return text[offsets.at(*first_position(stmt)):offsets.at(stmt.end_lineno, stmt.end_col_offset)]  # type: ignore[arg-type]


def _holds_a_line(stmt: ast.stmt, lines: List[int]) -> bool:
    import bisect

    i = bisect.bisect_left(lines, first_position(stmt)[0])
    return i < len(lines) and lines[i] <= (stmt.end_lineno or stmt.lineno)


def _lost_import(removed: "set", new_tree: ast.Module, new: str) -> Optional[str]:
    """An import of `random` removed (`removed`: the signatures the old text had and the new one
    has not) while something still refers to the name it bound."""
    for path, kind, module, name, asname in sorted(removed, key=repr):
        if name == "*":
            import random

            names = set(getattr(random, "__all__", ()))
            if any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(new_tree)):
                return "`from random import *` removed while names from it are still used"
            continue
        bound = asname or (name if kind == "from" else name.split(".")[0])
        what = f"{module}.{name}" if kind == "from" else name
        if referenced(new_tree, new, bound):
            return f"the import of {what} would be removed while '{bound}' is still used"
    return None


def _misplaced_future(tree: ast.Module) -> Optional[str]:
    """`from __future__` imports must open the module, after its docstring (Language Reference
    7.11, "Future statements"); ast parses them anywhere, compile() refuses."""
    body = tree.body[1:] if tree.body and is_docstring(tree.body[0]) else tree.body
    seen_other = False
    for stmt in body:
        if isinstance(stmt, ast.ImportFrom) and stmt.module == "__future__":
            if seen_other:
                return f"a `from __future__` import would no longer open the module (line {stmt.lineno})"
        else:
            seen_other = True
    return None


def _import_order(tree: ast.Module) -> Optional[str]:
    """`import secrets` must run, at module level, before the first statement that uses it."""
    for index, stmt in enumerate(tree.body):
        if is_plain_import(stmt, "secrets"):
            later = [s for s in star_imports(tree) if tree.body.index(s) > index]
            return f"a star import after `import secrets` may rebind it ({describe_star(later[0])})" if later else None
        if any(isinstance(n, ast.Name) and n.id == "secrets" for n in ast.walk(stmt)):
            return f"'secrets' is used on line {stmt.lineno} before it is imported"
    return None


_SPELLED = frozenset({"choice", "randbits", "randbelow", "token_bytes", "SystemRandom", "compare_digest"})


def _secrets_sites(tree: ast.Module) -> Sequence[Span]:
    """Where a `secrets.<fn>` spelling the fixer writes stands (`secrets.choice`, ...)."""
    return [
        (n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)  # type: ignore[misc]
        for n in ast.walk(tree)
        if isinstance(n, ast.Attribute) and n.attr in _SPELLED and isinstance(n.value, ast.Name) and n.value.id == "secrets"
    ]
