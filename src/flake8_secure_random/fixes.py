"""The fixer: rewrite exactly the flagged calls to equivalent `secrets` code. Pure: text in, text out.

`apply(source, findings)` takes the findings of `analysis.find()` (no second detector), parses with
libcst only when one of them has a fix, finds each flagged call by its position and rewrites it:

    random.choice(s)        -> secrets.choice(s)
    random.getrandbits(k)   -> secrets.randbits(k)
    random.randrange(10)    -> secrets.randbelow(10)          (int literal only)
    random.randbytes(16)    -> secrets.token_bytes(16)        (int literal only)
    random.randint(1, 6)    -> (secrets.randbelow(6) + 1)     (int literals, folded; parenthesised
                                                               where precedence needs it)
    random.<other>(...)     -> secrets.SystemRandom().<other>(...)
    random.Random(seed)     -> secrets.SystemRandom()         (an argument with side effects is kept:
                                                               SystemRandom ignores it)

and, only when asked for unsafe fixes (`unsafe=True`, the command line's `--unsafe-fixes`):

    token == expected       -> secrets.compare_digest(token, expected)
    token != expected       -> not secrets.compare_digest(token, expected)

which is unsafe because compare_digest() raises TypeError where `==` returned False (a str with
non-ASCII characters, str against bytes, None).

Every other byte stays as it was. A file libcst does not reproduce byte for byte is left alone and
reported; so is a result that would not parse. `import secrets` is added once; `import random` (or
a name imported from it) is removed only when nothing uses it any more.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Set, Tuple

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import RemoveImportsVisitor
from libcst.metadata import MetadataWrapper, ParentNodeProvider, PositionProvider

from .files import parse, source_lines
from .model import Finding

# Methods whose idiomatic `secrets` spelling is exactly the same function.
_SAME = {"choice": "choice", "getrandbits": "randbits"}
# Methods with an idiomatic spelling only for a non-negative int literal argument (their error
# behaviour for floats, None or bools differs).
_LITERAL = {"randrange": "randbelow", "randbytes": "token_bytes"}
# SystemRandom cannot replace these: seeding and state would silently stop working.
_NOT_FIXABLE = frozenset({"seed", "getstate", "setstate"})


@dataclass
class FixResult:
    source: str  # the new text (the old one when nothing was fixed)
    fixed: List[Finding] = field(default_factory=list)
    unfixed: List[Tuple[Finding, str]] = field(default_factory=list)  # and why
    error: Optional[str] = None  # the file was left alone, for this reason
    # What each fixed call became, by the finding's (line, col): for SARIF's `fixes`.
    replacements: Dict[Tuple[int, int], str] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.fixed)


def fix_kind(finding: Finding, unsafe: bool = False) -> Optional[str]:
    """Why a finding has no automatic fix, or None if it has one (`unsafe`: unsafe fixes allowed)."""
    module, _, method = finding.qualname.rpartition(".")
    if finding.code == "RND301" and unsafe:
        return None
    if finding.code == "RND101" and module == "random" and method not in _NOT_FIXABLE:
        return None
    if finding.code == "RND102" and finding.qualname == "random.Random":
        return None
    if finding.code == "RND104" and finding.qualname == "numpy.random.bytes":
        return None
    reason = _WHY_NOT_FIXED.get(finding.code) or _WHY_NOT_FIXED.get(finding.code[:4], "{qualname}() has no secrets equivalent")
    return reason.format(qualname=finding.qualname)


# Why a finding of each code (or family) is reported but not rewritten.
_WHY_NOT_FIXED = {
    "RND102": "numpy's generators have no exact secrets equivalent",
    "RND103": "seeding is reported, not removed: remove it once the calls it fed use secrets",
    "RND104": "{qualname}() has no exact secrets equivalent (numpy's signatures differ)",
    "RND201": "a longer token changes its length and format; choose the new length by hand",
    "RND202": "a longer password changes its length; choose it by hand",
    "RND203": "the replacement's length and alphabet are the author's choice",
    "RND301": "unsafe fix: secrets.compare_digest() raises TypeError for non-ASCII str and str against bytes; "
              "rewrite it with --unsafe-fixes",
    "RND9": "strict mode reports it; nothing says this value must be unpredictable",
}


def apply(source: str, findings: Sequence[Finding], tree: Optional[ast.Module] = None, unsafe: bool = False) -> FixResult:
    """`source` with every fixable finding rewritten; findings without a fix are listed as unfixed.
    `unsafe` also applies the fixes that can change behaviour (RND301's compare_digest).

    Only the top-level statements that hold a flagged call (and the import lines) go through libcst:
    the rest of the file is never re-rendered, and a large file costs little more than a small one.
    """
    result = FixResult(source)
    wanted: Dict[Tuple[int, int, str], Finding] = {}
    for f in findings:
        reason = fix_kind(f, unsafe)
        if reason is None:
            wanted[(f.line, f.col, f.code)] = f
        else:
            result.unfixed.append((f, reason))
    if not wanted:
        return result
    try:
        tree = tree if tree is not None else parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        return _give_up(result, wanted, f"cannot parse ({type(exc).__name__})")
    if "secrets" in source and _secrets_is_taken(tree, [f.line for f in wanted.values()]):
        return _give_up(result, wanted, "the name 'secrets' is already used for something else")

    lines = source_lines(source, keepends=True)
    pieces: List[str] = []
    cursor = 1
    done: List[Tuple[int, int, str]] = []
    skipped: Dict[Tuple[int, int, str], str] = {}  # found, but left as it was, and why
    dropped: Set[str] = set()
    try:
        for first, last in _chunks(tree, {key[0] for key in wanted}):
            text = "".join(lines[first - 1 : last])
            module = cst.parse_module(text)
            if module.code != text:
                return _give_up(result, wanted, "libcst does not reproduce this file byte for byte; left alone")
            local = {(line - first + 1, col, code): f for (line, col, code), f in wanted.items() if first <= line <= last}
            wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
            rewriter = _Rewriter(local, wrapper.resolve(PositionProvider), wrapper.resolve(ParentNodeProvider))
            new_text = wrapper.module.visit(rewriter).code
            pieces += ["".join(lines[cursor - 1 : first - 1]), new_text]
            cursor = last + 1
            for line, col, code in rewriter.done:
                done.append((line + first - 1, col, code))
                result.replacements[(line + first - 1, col)] = rewriter.replacements[(line, col, code)]
            dropped |= rewriter.dropped
            skipped.update({(line + first - 1, col, code): why for (line, col, code), why in rewriter.skipped.items()})
        pieces.append("".join(lines[cursor - 1 :]))
        if not done:
            if skipped:
                result.unfixed.extend((f, skipped.get(key, "the flagged call was not found")) for key, f in wanted.items())
                return result
            return _give_up(result, wanted, "the flagged call was not found where expected")
        new_source = _fix_imports("".join(pieces), dropped, tree)
    except cst.ParserSyntaxError as exc:
        return _give_up(result, wanted, f"libcst cannot parse this file ({type(exc).__name__})")
    except (RecursionError, MemoryError) as exc:
        return _give_up(result, wanted, f"too deeply nested to rewrite ({type(exc).__name__}); left alone")
    try:
        parse(new_source)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:  # pragma: no cover - never expected
        return _give_up(result, wanted, f"the rewrite would not parse ({exc}); left alone")
    result.source = new_source
    result.fixed = [wanted[key] for key in sorted(done)]
    result.unfixed.extend(
        (f, skipped.get(key, "the flagged call was not found")) for key, f in wanted.items() if key not in done
    )
    return result


def _first_line(stmt: ast.stmt) -> int:
    decorators = getattr(stmt, "decorator_list", None) or []
    return min([stmt.lineno] + [d.lineno for d in decorators])


def _chunks(tree: ast.Module, wanted_lines: Set[int]) -> List[Tuple[int, int]]:
    """The (first, last) line ranges of the top-level statements holding a wanted line; statements
    that share a line (`a = 1; b = 2`) are one range."""
    spans: List[List[int]] = []
    for stmt in tree.body:
        first, last = _first_line(stmt), stmt.end_lineno or stmt.lineno
        if spans and first <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], last)
        else:
            spans.append([first, last])
    return [(a, b) for a, b in spans if any(a <= line <= b for line in wanted_lines)]


def _give_up(result: FixResult, wanted: Dict[Tuple[int, int, str], Finding], reason: str) -> FixResult:
    result.error = reason
    result.unfixed.extend((f, reason) for f in wanted.values())
    return result


def _secrets_is_taken(tree: ast.Module, lines: Sequence[int]) -> bool:
    """True if `secrets` names something other than the module where the rewritten calls would
    see it: at module level, or in a function around one of `lines`. (A function elsewhere with a
    parameter called `secrets` is no obstacle: `import secrets` does not change what it sees.)"""
    stack: List[Tuple[ast.AST, Optional[ast.AST]]] = [(tree, None)]
    while stack:
        node, function = stack.pop()
        if _binds_secrets(node):
            if function is None:
                return True
            start, end = function.lineno, getattr(function, "end_lineno", function.lineno)
            if any(start <= line <= end for line in lines):
                return True
        inner = node if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) else function
        stack.extend((child, inner) for child in ast.iter_child_nodes(node))
    return False


def _binds_secrets(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return node.id == "secrets" and isinstance(node.ctx, ast.Store)
    if isinstance(node, ast.arg):
        return node.arg == "secrets"
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name == "secrets"
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return any(
            (alias.asname or alias.name.split(".")[0]) == "secrets"
            and not (isinstance(node, ast.Import) and alias.name == "secrets" and alias.asname in (None, "secrets"))
            for alias in node.names
        )
    return False


def _secrets(attr: str) -> cst.Attribute:
    return cst.Attribute(value=cst.Name("secrets"), attr=cst.Name(attr))


def _system_random() -> cst.Call:
    return cst.Call(func=_secrets("SystemRandom"))


def _int_literal(arg: cst.Arg) -> Optional[int]:
    """The value of a plain, non-negative int literal argument (`16`, `0x10`, `1_000`), else None."""
    if arg.keyword is not None or arg.star or not isinstance(arg.value, cst.Integer):
        return None
    return int(arg.value.value, 0)


def _pure(expr: cst.BaseExpression) -> bool:
    """An expression whose evaluation has no effect (so dropping it changes nothing)."""
    if isinstance(expr, (cst.Integer, cst.Float, cst.SimpleString, cst.Name, cst.Imaginary)):
        return True
    if isinstance(expr, cst.Attribute):
        return _pure(expr.value)
    if isinstance(expr, cst.UnaryOperation):
        return _pure(expr.expression)
    return False


# Parents in which `a + b` may stand without parentheses around it.
_LOOSE_PARENTS = (
    cst.Assign, cst.AnnAssign, cst.AugAssign, cst.Return, cst.Arg, cst.Element, cst.DictElement,
    cst.Expr, cst.FormattedStringExpression, cst.Comparison, cst.ComparisonTarget, cst.Index,
    cst.Yield, cst.Param,
)


class _Rewriter(cst.CSTTransformer):
    def __init__(self, wanted, positions, parents) -> None:
        super().__init__()
        self.wanted: Dict[Tuple[int, int, str], Finding] = wanted  # by (line, col, code)
        self.positions = positions
        self.parents = parents
        self.done: List[Tuple[int, int, str]] = []
        self.dropped: Set[str] = set()  # names whose import may now be unused (`random`, `pick`)
        self._by_node: Dict[cst.CSTNode, Tuple[int, int, str]] = {}
        self.replacements: Dict[Tuple[int, int, str], str] = {}
        self.skipped: Dict[Tuple[int, int, str], str] = {}

    def _remember(self, node: cst.CSTNode, codes: Sequence[str]) -> None:
        pos = self.positions.get(node)
        if pos is not None:
            for code in codes:
                key = (pos.start.line, pos.start.column, code)
                if key in self.wanted:
                    self._by_node[node] = key

    def _replaced(self, key: Tuple[int, int, str], new: cst.BaseExpression) -> cst.BaseExpression:
        self.done.append(key)
        self.replacements[key] = cst.Module(body=[]).code_for_node(new)
        return new

    def visit_Call(self, node: cst.Call) -> None:
        self._remember(node, ("RND101", "RND102", "RND104"))

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        key = self._by_node.pop(original, None)
        if key is None:
            return updated
        new = self._rewrite(self.wanted[key], updated, original)
        if new is None:
            return updated
        root = _root_name(original.func)
        if root:
            self.dropped.add(root)
        return self._replaced(key, new)

    def visit_Comparison(self, node: cst.Comparison) -> None:
        self._remember(node, ("RND301",))

    def leave_Comparison(self, original: cst.Comparison, updated: cst.Comparison) -> cst.BaseExpression:
        key = self._by_node.pop(original, None)
        if key is None:
            return updated
        new = _compare_digest(updated)
        if new is None:
            self.skipped[key] = "line breaks on both sides of the operator; rewrite it by hand"
            return updated
        return self._replaced(key, new)

    def _rewrite(self, finding: Finding, call: cst.Call, original: cst.Call) -> Optional[cst.BaseExpression]:
        method = finding.qualname.rpartition(".")[2]
        if finding.code == "RND102":
            if any(not _pure(a.value) for a in call.args):  # keep the side effects; SystemRandom ignores a seed
                return call.with_changes(func=_secrets("SystemRandom"))
            return call.with_changes(func=_secrets("SystemRandom"), args=(), whitespace_before_args=cst.SimpleWhitespace(""))
        if finding.qualname == "numpy.random.bytes":
            if len(call.args) == 1 and _int_literal(call.args[0]) is not None:
                return call.with_changes(func=_secrets("token_bytes"))
            return None
        if method in _SAME:
            return call.with_changes(func=_secrets(_SAME[method]))
        if method in _LITERAL and len(call.args) == 1 and _int_literal(call.args[0]) is not None:
            return call.with_changes(func=_secrets(_LITERAL[method]))
        if method == "randint" and len(call.args) == 2:
            low, high = (_int_literal(a) for a in call.args)
            if low is not None and high is not None and low <= high:
                return self._randint(low, high, call, original)
        return call.with_changes(func=cst.Attribute(value=_system_random(), attr=cst.Name(method)))

    def _randint(self, low: int, high: int, call: cst.Call, original: cst.Call) -> cst.BaseExpression:
        below = cst.Call(func=_secrets("randbelow"), args=[cst.Arg(cst.Integer(str(high - low + 1)))])
        if low == 0:
            return below.with_changes(lpar=call.lpar, rpar=call.rpar)
        expr = cst.BinaryOperation(
            left=below,
            operator=cst.Add(whitespace_before=cst.SimpleWhitespace(" "), whitespace_after=cst.SimpleWhitespace(" ")),
            right=cst.Integer(str(low)),
        )
        parent = self.parents.get(original)
        if call.lpar or not isinstance(parent, _LOOSE_PARENTS):
            return expr.with_changes(lpar=call.lpar or [cst.LeftParen()], rpar=call.rpar or [cst.RightParen()])
        return expr


def _compare_digest(node: cst.Comparison) -> Optional[cst.BaseExpression]:
    """`a == b` -> `secrets.compare_digest(a, b)`, `a != b` -> `not secrets.compare_digest(a, b)`.

    `not x` may stand wherever an unparenthesised comparison may (the grammar reaches comparisons only
    through `not`), and the comparison's own parentheses are kept. A line break around the operator
    (inside brackets) moves after the comma, with its comment; None if both sides of the operator
    hold one, rather than lose a comment."""
    if len(node.comparisons) != 1 or not isinstance(node.comparisons[0].operator, (cst.Equal, cst.NotEqual)):
        return None
    target = node.comparisons[0]
    before, after = target.operator.whitespace_before, target.operator.whitespace_after
    if isinstance(before, cst.ParenthesizedWhitespace) and isinstance(after, cst.ParenthesizedWhitespace):
        return None
    if isinstance(before, cst.ParenthesizedWhitespace):
        gap = before
    elif isinstance(after, cst.ParenthesizedWhitespace):
        gap = after
    else:
        gap = cst.SimpleWhitespace(" ")
    call = cst.Call(
        func=_secrets("compare_digest"),
        args=[
            cst.Arg(node.left, comma=cst.Comma(whitespace_after=gap)),
            cst.Arg(target.comparator),
        ],
    )
    if isinstance(target.operator, cst.Equal):
        return call.with_changes(lpar=node.lpar, rpar=node.rpar)
    return cst.UnaryOperation(operator=cst.Not(), expression=call, lpar=node.lpar, rpar=node.rpar)


def _root_name(func: cst.BaseExpression) -> Optional[str]:
    while isinstance(func, cst.Attribute):
        func = func.value
    return func.value if isinstance(func, cst.Name) else None


def _fix_imports(source: str, dropped: Set[str], old_tree: ast.Module) -> str:
    """Add `import secrets` once; remove the imports of `dropped` names that nothing uses any more.

    Only import lines change. An unused one-name `import random` becomes `import secrets` in place
    (its comment stays); another is deleted (the comments above it stay); a name in a multi-name
    import is taken out of it. Otherwise `import secrets` goes after the leading imports, a line
    of its own, with the file's newline.
    """
    # The rewrites never add or remove a line, so the old tree's statements stand on the same lines.
    tree = old_tree
    lines = source_lines(source, keepends=True)
    unused = {name for name in dropped if not _still_used(name, source, tree, lines)}
    need_import = not any(
        isinstance(s, ast.Import) and any(a.name == "secrets" and a.asname in (None, "secrets") for a in s.names)
        for s in tree.body
    )
    shared = _shared_lines(tree)
    edits: List[Tuple[int, int, str]] = []
    for stmt in tree.body:
        if not isinstance(stmt, (ast.Import, ast.ImportFrom)) or not unused:
            continue
        bound = {a.asname or a.name.split(".")[0] for a in stmt.names}
        targets = bound & unused
        first, last = stmt.lineno, stmt.end_lineno or stmt.lineno
        if not targets or any(line in shared for line in range(first, last + 1)):
            continue
        text = "".join(lines[first - 1 : last])
        module = cst.parse_module(text)
        if module.code != text:
            continue
        line_stmt = module.body[0]
        if len(bound) == 1:
            if need_import:
                new_text = module.with_changes(body=[line_stmt.with_changes(body=[_IMPORT_SECRETS])]).code
                need_import = False
            else:
                new_text = ""
        else:
            context = CodemodContext()
            for module_name, name, asname in _imports_binding(module, targets):
                RemoveImportsVisitor.remove_unused_import(context, module_name, name, asname)
            new_text = RemoveImportsVisitor(context).transform_module(module).code
        edits.append((first, last, new_text))
        unused -= targets
    if need_import:
        at, newline = _import_position(tree, lines)
        edits.append((at, at - 1, newline[0] + "import secrets" + newline[1]))
    for first, last, new_text in sorted(edits, reverse=True):
        lines[first - 1 : last] = [new_text]
    return "".join(lines)


def _still_used(name: str, source: str, tree: ast.Module, lines: List[str]) -> bool:
    """Whether `name` is still read anywhere in the rewritten `source`. Cheap when the word is gone
    from every line but the imports; otherwise the rewritten text is parsed to be sure."""
    import_lines = {
        line for stmt in tree.body if isinstance(stmt, (ast.Import, ast.ImportFrom))
        for line in range(stmt.lineno, (stmt.end_lineno or stmt.lineno) + 1)
    }
    word = re.compile(rf"\b{re.escape(name)}\b")
    if not any(word.search(text) for i, text in enumerate(lines, 1) if i not in import_lines):
        return False
    new_tree = parse(source)
    return any(isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Store) for n in ast.walk(new_tree))


def _shared_lines(tree: ast.Module) -> Set[int]:
    """Lines that hold more than one top-level statement (`import random; x = 1`)."""
    seen: Dict[int, int] = {}
    for stmt in tree.body:
        for line in range(_first_line(stmt), (stmt.end_lineno or stmt.lineno) + 1):
            seen[line] = seen.get(line, 0) + 1
    return {line for line, n in seen.items() if n > 1}


def _import_position(tree: ast.Module, lines: List[str]) -> Tuple[int, Tuple[str, str]]:
    """Where a new import line goes (the index of the line it will stand on) and what surrounds it:
    after the docstring and the imports that open the module, else before the first statement."""
    after = 0
    for i, stmt in enumerate(tree.body):
        is_docstring = i == 0 and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)
        if not (isinstance(stmt, (ast.Import, ast.ImportFrom)) or is_docstring):
            break
        after = stmt.end_lineno or stmt.lineno
    newline = next((ln[len(ln.rstrip("\r\n")):] for ln in lines if ln.endswith(("\n", "\r"))), "\n")
    if after == 0:
        at = _first_line(tree.body[0]) if tree.body else len(lines) + 1
        return at, ("", newline)
    if after == len(lines) and not lines[-1].endswith(("\n", "\r")):
        return after + 1, (newline, "")  # the file ends without a newline after its last import
    return after + 1, ("", newline)


_IMPORT_SECRETS = cst.Import(names=[cst.ImportAlias(name=cst.Name("secrets"))])


def _imports_binding(module: cst.Module, names: Set[str]) -> List[Tuple[str, Optional[str], Optional[str]]]:
    """(module, name, asname) of each top-level import that binds one of `names`, for RemoveImportsVisitor."""
    found = []
    for stmt in module.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.Import):
                for alias in small.names:
                    dotted = _dotted(alias.name)
                    bound = alias.evaluated_alias or dotted.split(".")[0]
                    if bound in names:
                        found.append((dotted, None, alias.evaluated_alias))
            elif isinstance(small, cst.ImportFrom) and small.module is not None and not small.relative:
                if isinstance(small.names, cst.ImportStar):
                    continue
                for alias in small.names:
                    bound = alias.evaluated_alias or alias.evaluated_name
                    if bound in names:
                        found.append((_dotted(small.module), alias.evaluated_name, alias.evaluated_alias))
    return found


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return node.value if isinstance(node, cst.Name) else ""
