"""One flagged node in, one exact edit out (or the reason there is none). Pure: text and ast only.

Each rewrite replaces as little as it can: for a call, only its callee (`random.choice` ->
`secrets.choice`), so the arguments, their comments and their line breaks stay as they were; the
two folds (`randint` of literals, a pure seed dropped) replace the whole call and are made only
when no comment is inside it. A rewrite is exact, or not made:

    random.choice(s)             secrets.choice(s)               same function (Random.choice)
    random.getrandbits(k)        secrets.randbits(k)             same function; no keywords (the C
                                                                 getrandbits takes none, randbits does)
    random.randrange(10)         secrets.randbelow(10)           an int literal only: floats, None
    random.randbytes(16)         secrets.token_bytes(16)         and bools raise differently
    random.randint(1, 6)         secrets.randbelow(6) + 1        int literals, low <= high
    random.<m>(...)              secrets.SystemRandom().<m>(...) the same method of the same class
    random.Random(seed)          secrets.SystemRandom()          unless its state is used: getstate,
                                                                 setstate and seed do nothing there
    numpy.random.bytes(16)       secrets.token_bytes(16)         an int literal only
    a == b   (unsafe fixes)      secrets.compare_digest(a, b)
    a != b   (unsafe fixes)      not secrets.compare_digest(a, b)

Facts: the `secrets` module's functions are bound methods of one `random.SystemRandom` (Python docs,
"secrets" and Lib/secrets.py); SystemRandom overrides random(), getrandbits(), randbytes(), seed(),
getstate() and setstate() of Random and inherits the rest (Python docs, "random.SystemRandom").
"""
from __future__ import annotations

import ast
import inspect
import re
from typing import Callable, Dict, List, Optional, Set, Tuple, Union

from ..model import Finding
from ..sinks import callee_name
from .spans import Edit, Offsets, expression_at, first_position, has_comment, same_shape

_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
# Methods whose idiomatic `secrets` spelling is the same function of the same SystemRandom.
SAME = {"choice": "choice", "getrandbits": "randbits"}
# Methods with an idiomatic spelling only for one non-negative int literal argument.
LITERAL = {"randrange": "randbelow", "randbytes": "token_bytes"}
# Methods SystemRandom cannot stand in for: seeding and state silently stop working or raise.
STATEFUL = frozenset({"seed", "getstate", "setstate"})

Span = Tuple[int, int, int, int]


class Rewrite:
    """An edit, the names it may leave unused, and the rewritten node's span (for the checker)."""

    def __init__(self, finding: Finding, node: ast.AST, edit: Edit, dropped: Optional[str], method: str) -> None:
        self.finding = finding
        self.node = node
        self.edit = edit
        self.dropped = dropped  # the callee's root name (`random`, `r`, `pick`), if any
        self.method = method  # "choice", "Random", "==", ...

    @property
    def span(self) -> Span:
        n = self.node
        return (n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)  # type: ignore[attr-defined]


class ModuleIndex:
    """What the rewrites ask of one module, each gathered once and only when asked: the node at an
    exact span with its parents (only the top-level statements holding a flagged node are walked),
    how often each name is bound, and every name and attribute by its last name (one walk of the
    whole module, for the generators' uses)."""

    def __init__(self, tree: ast.Module, text: Optional[str] = None) -> None:
        self.tree = tree
        self.text = text
        self.parents: Dict[ast.AST, ast.AST] = {}
        self._by_span: Dict[Span, ast.AST] = {}
        self._indexed: Set[int] = set()
        self._firsts = [first_position(stmt)[0] for stmt in tree.body]
        self._names: Optional[tuple] = None

    def node_at(self, span: Span) -> Optional[ast.AST]:
        """The call or comparison with exactly this ast span, or None."""
        import bisect

        at = bisect.bisect_right(self._firsts, span[0]) - 1
        # Every statement that may hold the line: statements sharing a line (`a = 1; b = 2`) too.
        while at >= 0 and (self.tree.body[at].end_lineno or 0) >= span[0]:
            if at not in self._indexed:
                self._indexed.add(at)
                stmt = self.tree.body[at]
                self.parents[stmt] = self.tree
                for node in ast.walk(stmt):
                    for child in ast.iter_child_nodes(node):
                        self.parents[child] = node
                    if isinstance(node, (ast.Call, ast.Compare)):
                        self._by_span[(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)] = node  # type: ignore[assignment]
            at -= 1
        return self._by_span.get(span)

    def _name_facts(self) -> Tuple[Dict[str, List[Tuple[bool, ast.AST]]], Dict[int, Tuple[ast.AST, ...]], Dict[str, List[ast.AST]]]:
        """One walk: each name's bindings (is it an import, the scope it binds in), the scope chain
        of every call, and every name and attribute by its last name."""
        if self._names is None:
            from .names import binding_sites, walk_with_scope

            bindings: Dict[str, List[Tuple[bool, ast.AST]]] = {}
            chains: Dict[int, Tuple[ast.AST, ...]] = {}
            by_last: Dict[str, List[ast.AST]] = {}
            for node, chain in walk_with_scope(self.tree):
                for child in ast.iter_child_nodes(node):
                    self.parents.setdefault(child, node)
                if isinstance(node, ast.Call):
                    chains[id(node)] = chain
                if isinstance(node, (ast.Name, ast.Attribute)):
                    by_last.setdefault(_last_name(node), []).append(node)  # type: ignore[arg-type]
                for name, kind in binding_sites(node):
                    if kind == "declared":
                        scope = self.tree  # global/nonlocal: counted in every scope
                    elif kind == "walrus":
                        scope = [c for c in chain if not isinstance(c, _COMPREHENSIONS)][-1]  # PEP 572
                    else:
                        scope = chain[-1]
                    bindings.setdefault(name, []).append((kind in ("plain-import", "import"), scope))
            self._names = (bindings, chains, by_last)
        return self._names

    def uses(self, last_name: str) -> List[ast.AST]:
        """Every name and attribute whose last name is `last_name` (`rng`, `self._rng`)."""
        found = self._name_facts()[2].get(last_name, [])
        return sorted(found, key=lambda n: (n.lineno, n.col_offset))  # type: ignore[attr-defined]

    def rebound(self, name: str, call: ast.Call) -> bool:
        """Whether `name`, as the call sees it (Python's scoping: Language Reference 4.2.2), is bound
        more than once with at least one binding that is not an import: `pick = random.choice`
        and later `pick = other` make the callee a run-time matter the static rewrite cannot
        follow. A method named `random` in some class does not count."""
        if self.text is not None and not _may_bind(self.text, name):
            return False
        bindings, chains, _ = self._name_facts()
        chain = chains.get(id(call), (self.tree,))
        visible = {scope for scope in chain if not isinstance(scope, ast.ClassDef)} | {chain[-1]}
        seen = [is_import for is_import, scope in bindings.get(name, []) if scope in visible]
        return not all(seen) and len(seen) > 1


def _may_bind(text: str, name: str) -> bool:
    """Whether the text may bind `name` other than by an import: false only when every occurrence
    of the word is an attribute access on it (`random.choice`) or stands on an import line, which
    no binding can look like (a cheap, sound test before a walk)."""
    for m in re.finditer(rf"(?<![\w.]){re.escape(name)}(?!\w)", text):
        if re.match(r"\s*\.", text[m.end():m.end() + 20]):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if re.match(r"[ \t]*(?:import|from)\s", text[line_start:m.start()]) and "=" not in text[line_start:m.start()]:
            continue
        return True
    return False


def _wraps(call: ast.Call) -> bool:
    """`functools.partial(random.getrandbits, 128)`, `map(random.choice, pools)`: the flagged call
    wraps the random function."""
    return callee_name(call.func) in ("partial", "map")


def rewrite(finding: Finding, node: ast.AST, text: str, offsets: Offsets, index: ModuleIndex,
            pieces: Callable[[int, int], str]) -> Union[Rewrite, str]:
    """The exact rewrite of one flagged node, or why there is none. `pieces(start, end)` is the
    text between two offsets with the rewrites already made inside it (a comparison may hold a
    flagged call)."""
    start, end = offsets.span(node)
    copy = expression_at(text[start:end])
    if copy is None or not same_shape(copy, node):
        return "its position is not exact on this Python (a multi-line f-string before 3.12?); rewrite it by hand"
    parents = index.parents
    in_debug = _in_debug_fstring(node, parents, text, offsets)
    if in_debug:
        return in_debug
    if isinstance(node, ast.Compare):
        return _compare(finding, node, text, offsets, start, end, pieces)
    assert isinstance(node, ast.Call)
    method = finding.qualname.rpartition(".")[2]
    if node.args and _wraps(node):
        return (f"{finding.qualname}() is handed to {ast.unparse(node.func)}(), which calls it; "
                "hand it a secrets function instead, by hand")
    if finding.code == "RND102":
        return _generator(finding, node, text, offsets, index, start, end)
    func_start, func_end = offsets.span(node.func)
    receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
    if receiver is not None and not _pure(receiver):
        return "the callee is reached through an expression with effects; rewrite it by hand"
    root = _root_name(node.func)
    if root and index.rebound(root, node):
        return f"'{root}' is bound more than once in this module; which one the call reaches is decided at run time"
    if finding.qualname == "numpy.random.bytes":
        if _one_int_literal(node) is None:
            return "numpy.random.bytes() of a non-literal length; rewrite it by hand"
        return Rewrite(finding, node, Edit(func_start, func_end, "secrets.token_bytes"), root, method)
    if method in STATEFUL:
        return f"{method}() has no equivalent without state"
    keywords = _keyword_problem(node, method)
    if keywords:
        return keywords
    if method in SAME:
        # secrets.choice and secrets.randbits are SystemRandom's own methods: the keyword check
        # above already compared their signatures with random's (tested in test_fix_shapes).
        return Rewrite(finding, node, Edit(func_start, func_end, f"secrets.{SAME[method]}"), root, method)
    if method in LITERAL and _one_int_literal(node) is not None:
        return Rewrite(finding, node, Edit(func_start, func_end, f"secrets.{LITERAL[method]}"), root, method)
    if method == "randint" and len(node.args) == 2 and not node.keywords and not has_comment(text[start:end]):
        low, high = (_int(a) for a in node.args)
        if low is not None and high is not None and low <= high:
            below = f"secrets.randbelow({high - low + 1})"
            new = below if low == 0 else f"{below} + {low}"
            if low != 0 and not _loose(node, parents):
                new = f"({new})"
            return Rewrite(finding, node, Edit(start, end, new), root, method)
    return Rewrite(finding, node, Edit(func_start, func_end, f"secrets.SystemRandom().{method}"), root, method)


def _compare(finding: Finding, node: ast.Compare, text: str, offsets: Offsets, start: int, end: int,
             pieces: Callable[[int, int], str]) -> Union[Rewrite, str]:
    if len(node.ops) != 1 or not isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
        return "a chained comparison; rewrite it by hand"
    left_end = offsets.span(node.left)[1]
    right_start = offsets.span(node.comparators[0])[0]
    left_end = _after_closing_parens(text, left_end, right_start)
    right_start = _before_opening_parens(text, left_end, right_start)
    gap = text[left_end:right_start]
    op = "==" if isinstance(node.ops[0], ast.Eq) else "!="
    before, _, after = gap.partition(op)
    broken_before, broken_after = _breaks(before), _breaks(after)
    if broken_before and broken_after:
        return "line breaks on both sides of the operator; rewrite it by hand"
    sep = before if broken_before else after if broken_after else " "
    call = f"secrets.compare_digest({pieces(start, left_end)},{sep}{pieces(right_start, end)})"
    new = call if op == "==" else f"not {call}"
    return Rewrite(finding, node, Edit(start, end, new), None, op)


def _after_closing_parens(text: str, at: int, limit: int) -> int:
    """Past the `)` that close parentheses around the left operand (ast's span stops inside them)."""
    i = at
    while i < limit:
        rest = text[i:limit].lstrip(" \t\\\r\n\f")
        if not rest.startswith(")"):
            break
        i = limit - len(rest) + 1
        at = i
    return at


def _before_opening_parens(text: str, limit: int, at: int) -> int:
    i = at
    while i > limit:
        head = text[limit:i].rstrip(" \t\\\r\n\f")
        if not head.endswith("("):
            break
        i = limit + len(head) - 1
        at = i
    return at


def _breaks(gap: str) -> bool:
    return "\n" in gap or "\r" in gap or "#" in gap


def _generator(finding: Finding, node: ast.Call, text: str, offsets: Offsets, index: ModuleIndex,
               start: int, end: int) -> Union[Rewrite, str]:
    if finding.qualname != "random.Random":
        return "numpy's generators have no exact secrets equivalent"
    state = _state_used(node, index)
    if state:
        return f"its state may be used ({state}); SystemRandom has none"
    func_start, func_end = offsets.span(node.func)
    root = _root_name(node.func)
    if _seed_dropped(node) and not has_comment(text[func_end:end]):
        return Rewrite(finding, node, Edit(start, end, "secrets.SystemRandom()"), root, "Random")
    # SystemRandom takes the same argument and ignores it; an argument with effects is kept.
    return Rewrite(finding, node, Edit(func_start, func_end, "secrets.SystemRandom"), root, "Random")


def _state_used(node: ast.Call, index: ModuleIndex) -> Optional[str]:
    """How the generator could reach its state, if it can: a SystemRandom stands in for it only
    where every use is a call of one of its value methods (`rng.choice(...)`) with arguments
    SystemRandom takes the same way. Used any other way (a state method, passed to a function,
    aliased, copied, pickled) it is not replaced. Uses are found by the last name of what the call
    is assigned to, anywhere in the module (`self._rng` in every method)."""
    parents = index.parents
    parent = parents.get(node)
    if isinstance(parent, ast.Attribute):
        return _method_use(parent, parents)
    targets: Set[str] = set()
    if isinstance(parent, (ast.Assign, ast.AnnAssign)):
        for target in (parent.targets if isinstance(parent, ast.Assign) else [parent.target]):
            last = _last_name(target)
            if last:
                targets.add(last)
    if not targets:
        return "the generator is passed on, not only called"
    if any(isinstance(t, ast.Attribute) for t in (parent.targets if isinstance(parent, ast.Assign) else [parent.target])):
        # An attribute travels with its object: a copy, a pickle or getattr() reaches it unseen.
        text = index.text or ""
        reach = next((w for w in ("deepcopy", "copy.copy", "pickle", "getattr(", "__dict__", "vars(", "__getstate__")
                      if w in text), None)
        if reach:
            return f"its object may be copied or reflected ({reach.rstrip('(')} in this module)"
    for other in [n for t in sorted(targets) for n in index.uses(t)]:
        if other is parent or _last_name(other) not in targets or isinstance(getattr(other, "ctx", None), ast.Store):
            continue
        if isinstance(other, ast.Attribute) and _last_name(other.value) in targets:
            continue  # the inner part of `self._rng.choice`: judged through the outer attribute
        outer = parents.get(other)
        if not isinstance(outer, ast.Attribute):
            return f"'{_last_name(other)}' is used other than through its methods, line {other.lineno}"  # type: ignore[attr-defined]
        problem = _method_use(outer, parents)
        if problem:
            return problem
    return None


def _method_use(attribute: ast.Attribute, parents: Dict[ast.AST, ast.AST]) -> Optional[str]:
    """None when `attribute` (`rng.choice`) is called as a value method SystemRandom has with the
    same signature; else how it is used."""
    import random

    call = parents.get(attribute)
    method = attribute.attr
    if method in STATEFUL:
        return f"{_last_name(attribute.value) or 'the generator'}.{method}()"
    if method.startswith("_"):
        return f"{_last_name(attribute.value) or 'the generator'}.{method}"
    if not isinstance(call, ast.Call) or call.func is not attribute or not hasattr(random.Random, method):
        return f".{method} is used other than as a call, line {attribute.lineno}"
    if call.keywords and _keyword_problem(call, method):
        return f"keyword arguments to .{method}(), line {attribute.lineno}"
    return None


def _seed_dropped(node: ast.Call) -> bool:
    """Whether a `Random(...)` call's arguments may go: none, or one literal of a type `seed()`
    takes (None, int, float, str, bytes: Python docs, "random.seed"). Anything else is kept:
    evaluating it may have effects, and SystemRandom accepts and ignores it."""
    args = list(node.args) + [k.value for k in node.keywords]
    if not args:
        return True
    if len(args) != 1 or (node.keywords and node.keywords[0].arg != "x"):
        return False
    value = args[0]
    return isinstance(value, ast.Constant) and type(value.value) in (type(None), int, float, str, bytes)


def _in_debug_fstring(node: ast.AST, parents: Dict[ast.AST, ast.AST], text: str, offsets: Offsets) -> Optional[str]:
    """A call inside an f-string field with a `=` specifier (`f"{random.randint(1, 9)=}"`) prints
    its own source text: any rewrite changes the output."""
    child: ast.AST = node
    parent = parents.get(child)
    while parent is not None and not isinstance(parent, ast.stmt):
        if isinstance(parent, ast.FormattedValue) and isinstance(parents.get(parent), ast.JoinedStr):
            joined = parents[parent]
            index = joined.values.index(parent)  # type: ignore[attr-defined]
            before = joined.values[index - 1] if index else None  # type: ignore[attr-defined]
            if isinstance(before, ast.Constant) and isinstance(before.value, str) and _ends_with_debug(before.value, parent.value):
                return "inside an f-string `=` field, which prints its own text"
        child, parent = parent, parents.get(parent)
    return None


def _ends_with_debug(literal: str, expr: ast.AST) -> bool:
    """Whether `literal` ends with the text of `expr` and `=` (the self-documenting form, 3.8+)."""
    stripped = literal.rstrip()
    if not stripped.endswith("="):
        return False
    head = stripped[:-1]
    for i in range(len(head) - 1, -1, -1):
        copy = expression_at(head[i:])
        if copy is not None and same_shape(copy, expr):
            return True
    return False


def _keyword_problem(node: ast.Call, method: str) -> Optional[str]:
    """Keyword arguments the SystemRandom method would accept where random's did not (or the other
    way round): the C getrandbits() of Random takes none."""
    if not node.keywords:
        return None
    import random

    target = getattr(random.SystemRandom(), method, None)
    if target is None or not _same_signature(method, target):
        return f"keyword arguments: SystemRandom().{method}() does not take the keywords random.{method}() takes"
    return None


def _same_signature(method: str, target: object) -> bool:
    import random

    try:
        return inspect.signature(getattr(random.Random(), method)) == inspect.signature(target)  # type: ignore[arg-type]
    except (ValueError, TypeError, AttributeError):
        return False


def _one_int_literal(node: ast.Call) -> Optional[int]:
    if len(node.args) != 1 or node.keywords:
        return None
    return _int(node.args[0])


def _int(expr: ast.AST) -> Optional[int]:
    """The value of a plain non-negative int literal (`16`, `0x10`, `1_000`; not `True`, not `-1`)."""
    if isinstance(expr, ast.Constant) and type(expr.value) is int:
        return expr.value
    return None


def _pure(expr: ast.AST) -> bool:
    """An expression whose evaluation has no effect: a literal, a name, an attribute of one."""
    if isinstance(expr, (ast.Constant, ast.Name)):
        return True
    if isinstance(expr, ast.Attribute):
        return _pure(expr.value)
    if isinstance(expr, ast.UnaryOp):
        return _pure(expr.operand)
    return False


def _root_name(func: ast.AST) -> Optional[str]:
    while isinstance(func, ast.Attribute):
        func = func.value
    return func.id if isinstance(func, ast.Name) else None


def _last_name(expr: ast.AST) -> Optional[str]:
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    return None


# Places where `a + b` may stand without parentheses and mean the same.
def _loose(node: ast.AST, parents: Dict[ast.AST, ast.AST]) -> bool:
    parent = parents.get(node)
    if isinstance(parent, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Return, ast.Expr, ast.keyword,
                           ast.List, ast.Tuple, ast.Set, ast.Dict, ast.FormattedValue, ast.Compare,
                           ast.Yield, ast.YieldFrom, ast.NamedExpr, ast.BoolOp, ast.IfExp, ast.Lambda)):
        return True
    if isinstance(parent, ast.Call):
        return node is not parent.func
    if isinstance(parent, ast.Subscript):
        return node is parent.slice
    if isinstance(parent, ast.comprehension):
        return True
    return False
