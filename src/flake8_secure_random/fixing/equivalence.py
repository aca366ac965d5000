"""The check that guards every write: does the rewritten program mean what the original meant?

Like black's safe mode (black compares the syntax trees of its input and output before it writes),
`problem(old, new, rewritten)` parses both texts and brings them to one canonical form:

- each rewritten node of the old text and each `secrets` spelling in either text becomes a
  canonical call that names the random method it stands for, with the documented argument
  arithmetic (`randint(a, b)` of int literals is `randbelow(b - a + 1) + a`, `randrange(n)` and
  `randbelow(n)` of an int literal are one function, a pure seed of `Random()` is dropped,
  `a != b` is `not compare_digest(a, b)`);
- imports of `random` and `secrets` are set aside.

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
from .names import describe_star, is_plain_import, referenced, secrets_obstacle, star_imports
from .spans import Offsets, comments, header, statements

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
    lost = _lost_import(old_tree, new_tree, new)
    if lost:
        return lost
    if rewritten:
        order = _import_order(new_tree)
        if order:
            return order
        obstacle = secrets_obstacle(new_tree, _secrets_sites(new_tree))
        if obstacle:
            return obstacle
    if _drop_imports(old_tree) != _drop_imports(new_tree):
        return "a docstring would change"
    differ = _first_difference(old, new, old_tree, new_tree, rewritten)
    if differ:
        return f"the result would differ outside the flagged calls (from line {differ})"
    if comments(old) != comments(new):
        return "a comment would be lost or changed"
    return None


class _Canonical(ast.NodeTransformer):
    """Rewritten old nodes and `secrets` spellings to one canonical call, `__rnd__<method>(...)`."""

    def __init__(self, rewritten: Dict[Span, str]) -> None:
        self.rewritten = rewritten

    def _at(self, node: ast.AST) -> Optional[str]:
        if not self.rewritten:
            return None
        return self.rewritten.get((node.lineno, node.col_offset, node.end_lineno, node.end_col_offset))  # type: ignore[attr-defined]

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        op = self._at(node)
        self.generic_visit(node)
        if op in ("==", "!=") and len(node.ops) == 1:
            equal = _canon("eq", [node.left, node.comparators[0]], [])
            return equal if op == "==" else ast.UnaryOp(op=ast.Not(), operand=equal)
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        method = self._at(node)
        self.generic_visit(node)
        if method is not None:
            return _normal(method, node.args, node.keywords)
        spelled = _secrets_method(node.func)
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


def _secrets_method(func: ast.AST) -> Optional[str]:
    """The random method a `secrets` spelling stands for: `secrets.choice` -> choice,
    `secrets.randbits` -> getrandbits, `secrets.randbelow` -> below, `secrets.token_bytes` ->
    randbytes, `secrets.SystemRandom` -> Random, `secrets.SystemRandom().m` -> m."""
    if isinstance(func, ast.Attribute):
        value = func.value
        if isinstance(value, ast.Name) and value.id == "secrets":
            return {
                "choice": "choice", "randbits": "getrandbits", "randbelow": "below",
                "token_bytes": "randbytes", "SystemRandom": "Random", "compare_digest": "compare_digest",
            }.get(func.attr)
        if _is_canon(value, "Random") and not value.args and not value.keywords:  # type: ignore[attr-defined]
            return func.attr
    return None


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
    return ast.Call(func=ast.Name(id=f"__rnd__{method}", ctx=ast.Load()), args=list(args), keywords=list(keywords))


def _is_canon(node: ast.AST, method: str) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == f"__rnd__{method}"


def _int(node: ast.AST) -> Optional[int]:
    if isinstance(node, ast.Constant) and type(node.value) is _INT:
        return node.value
    return None


def _const(value: int) -> ast.Constant:
    return ast.Constant(value=value)


def _seed_literal(expr: ast.AST) -> bool:
    return isinstance(expr, ast.Constant) and type(expr.value) in (type(None), int, float, str, bytes)


def _is_random_or_secrets_import(stmt: ast.AST) -> bool:
    if isinstance(stmt, ast.Import):
        return all(a.name.split(".")[0] in ("random", "secrets") for a in stmt.names)
    if isinstance(stmt, ast.ImportFrom):
        return stmt.module == "random" and not stmt.level
    return False


def _drop_imports(tree: ast.AST) -> List[bool]:
    """Set aside the imports of `random` and `secrets` (whole statements or names of them), and
    say, for the module and each function and class in turn, whether its body opened with a
    docstring before that (an import added above a string, or removed from above one, changes
    which string is the docstring, which the trees without imports no longer show)."""
    docstrings = []
    for node in [tree] + [stmt for stmt, _ in statements(tree)]:
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first = node.body[0] if node.body else None
            docstrings.append(
                isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str))
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if not isinstance(body, list) or not body or not isinstance(body[0], ast.stmt):
                continue
            if not any(isinstance(stmt, (ast.Import, ast.ImportFrom)) for stmt in body):
                continue
            kept = []
            for stmt in body:
                if isinstance(stmt, ast.Import):
                    names = [a for a in stmt.names if a.name.split(".")[0] not in ("random", "secrets")]
                    if not names:
                        continue
                    stmt.names = names
                elif _is_random_or_secrets_import(stmt):
                    continue
                kept.append(stmt)
            setattr(node, field, kept or [ast.Pass()])
    return docstrings


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
    decorators = getattr(stmt, "decorator_list", None) or []
    first = min([stmt] + list(decorators), key=lambda n: (n.lineno, n.col_offset))
    return text[offsets.at(first.lineno, first.col_offset):offsets.at(stmt.end_lineno, stmt.end_col_offset)]  # type: ignore[arg-type]


def _holds_a_line(stmt: ast.stmt, lines: List[int]) -> bool:
    import bisect

    decorators = getattr(stmt, "decorator_list", None) or []
    first = min([stmt.lineno] + [d.lineno for d in decorators])
    i = bisect.bisect_left(lines, first)
    return i < len(lines) and lines[i] <= (stmt.end_lineno or stmt.lineno)


def _random_bindings(tree: ast.Module) -> Dict[str, str]:
    """Names bound by imports of `random`, with what they stand for (`random`, `random.choice`, `*`)."""
    bound = {}
    for node, _ in statements(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] == "random":
                    bound[a.asname or "random"] = a.name
        elif isinstance(node, ast.ImportFrom) and node.module == "random" and not node.level:
            for a in node.names:
                bound[a.asname or a.name] = f"random.{a.name}"
    return bound


def _lost_import(old_tree: ast.Module, new_tree: ast.Module, new: str) -> Optional[str]:
    """An import of `random` removed while something still refers to the name it bound."""
    before, after = _random_bindings(old_tree), _random_bindings(new_tree)
    for name, what in before.items():
        if after.get(name) == what:
            continue
        if name == "*":
            import random

            names = set(getattr(random, "__all__", ()))
            if any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(new_tree)):
                return "`from random import *` removed while names from it are still used"
            continue
        if referenced(new_tree, new, name):
            return f"the import of {what} would be removed while '{name}' is still used"
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
