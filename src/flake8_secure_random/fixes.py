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

Every other byte stays as it was. A file libcst does not reproduce byte for byte is left alone and
reported; so is a result that would not parse. `import secrets` is added once; `import random` (or
a name imported from it) is removed only when nothing uses it any more.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Set, Tuple

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import RemoveImportsVisitor
from libcst.metadata import MetadataWrapper, ParentNodeProvider, PositionProvider

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


def fix_kind(finding: Finding) -> Optional[str]:
    """Why a finding has no automatic fix, or None if it has one."""
    module, _, method = finding.qualname.rpartition(".")
    if finding.code == "RND101" and module == "random" and method not in _NOT_FIXABLE:
        return None
    if finding.code == "RND102" and finding.qualname == "random.Random":
        return None
    if finding.code == "RND104" and finding.qualname == "numpy.random.bytes":
        return None
    if finding.code == "RND103":
        return "seeding is reported, not removed: remove it once the calls it fed use secrets"
    if finding.code == "RND102":
        return "numpy's generators have no exact secrets equivalent"
    if finding.code == "RND104":
        return f"{finding.qualname}() has no exact secrets equivalent (numpy's signatures differ)"
    return f"{finding.qualname}() has no secrets equivalent"


def apply(source: str, findings: Sequence[Finding]) -> FixResult:
    """`source` with every fixable finding rewritten; findings without a fix are listed as unfixed."""
    result = FixResult(source)
    wanted: Dict[Tuple[int, int], Finding] = {}
    for f in findings:
        reason = fix_kind(f)
        if reason is None:
            wanted[(f.line, f.col)] = f
        else:
            result.unfixed.append((f, reason))
    if not wanted:
        return result
    try:
        module = cst.parse_module(source)
    except (cst.ParserSyntaxError, RecursionError, MemoryError) as exc:
        return _give_up(result, wanted, f"libcst cannot parse this file ({type(exc).__name__})")
    if module.code != source:
        return _give_up(result, wanted, "libcst does not reproduce this file byte for byte; left alone")
    if _secrets_is_taken(source, [f.line for f in wanted.values()]):
        return _give_up(result, wanted, "the name 'secrets' is already used for something else")

    try:
        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        context = CodemodContext(wrapper=wrapper)
        rewriter = _Rewriter(wanted, wrapper.resolve(PositionProvider), wrapper.resolve(ParentNodeProvider))
        new_module = wrapper.module.visit(rewriter)
        if not rewriter.done:
            return _give_up(result, wanted, "the flagged call was not found where expected")
        new_source = _fix_imports(new_module, rewriter.dropped, context).code
    except (RecursionError, MemoryError) as exc:
        return _give_up(result, wanted, f"too deeply nested to rewrite ({type(exc).__name__}); left alone")
    try:
        ast.parse(new_source)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:  # pragma: no cover - never expected
        return _give_up(result, wanted, f"the rewrite would not parse ({exc}); left alone")
    result.source = new_source
    result.fixed = [wanted[key] for key in sorted(rewriter.done)]
    result.replacements = rewriter.replacements
    result.unfixed.extend((f, "the flagged call was not found") for key, f in wanted.items() if key not in rewriter.done)
    return result


def _give_up(result: FixResult, wanted: Dict[Tuple[int, int], Finding], reason: str) -> FixResult:
    result.error = reason
    result.unfixed.extend((f, reason) for f in wanted.values())
    return result


def _secrets_is_taken(source: str, lines: Sequence[int]) -> bool:
    """True if `secrets` names something other than the module where the rewritten calls would
    see it: at module level, or in a function around one of `lines`. (A function elsewhere with a
    parameter called `secrets` is no obstacle: `import secrets` does not change what it sees.)"""
    if "secrets" not in source:
        return False
    tree = ast.parse(source)
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
        self.wanted: Dict[Tuple[int, int], Finding] = wanted
        self.positions = positions
        self.parents = parents
        self.done: List[Tuple[int, int]] = []
        self.dropped: Set[str] = set()  # names whose import may now be unused (`random`, `pick`)
        self._by_node: Dict[cst.Call, Tuple[int, int]] = {}
        self.replacements: Dict[Tuple[int, int], str] = {}

    def visit_Call(self, node: cst.Call) -> None:
        pos = self.positions.get(node)
        if pos is not None:
            key = (pos.start.line, pos.start.column)
            if key in self.wanted:
                self._by_node[node] = key

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        key = self._by_node.pop(original, None)
        if key is None:
            return updated
        finding = self.wanted[key]
        new = self._rewrite(finding, updated, original)
        if new is None:
            return updated
        self.done.append(key)
        self.replacements[key] = cst.Module(body=[]).code_for_node(new)
        root = _root_name(original.func)
        if root:
            self.dropped.add(root)
        return new

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



def _root_name(func: cst.BaseExpression) -> Optional[str]:
    while isinstance(func, cst.Attribute):
        func = func.value
    return func.value if isinstance(func, cst.Name) else None


def _fix_imports(module: cst.Module, dropped: Set[str], context: CodemodContext) -> cst.Module:
    """Add `import secrets` once; remove the imports of `dropped` names that nothing uses any more.

    Written out rather than left to libcst's AddImportsVisitor, which adds a blank line after the
    import block, and RemoveImportsVisitor, which drops the comments above a removed line: here the
    only lines that change are import lines. An unused `import random` becomes `import secrets` in
    place (its comments stay); otherwise `import secrets` goes after the leading imports."""
    used = _loaded_names(module.code)
    unused = {name for name in dropped if name not in used}
    body = list(module.body)
    need_import = not any(_binds_only(stmt) == ("secrets", "secrets") for stmt in body)
    for i, stmt in enumerate(body):
        if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
            continue
        only = _binds_only(stmt)
        if only is not None and only[0] in unused:
            unused.discard(only[0])
            if need_import:
                body[i] = stmt.with_changes(body=[_IMPORT_SECRETS])
                need_import = False
            else:
                body[i] = None  # type: ignore[call-overload]
                follower = next((j for j in range(i + 1, len(body)) if body[j] is not None), None)
                if follower is not None and stmt.leading_lines:  # keep its comments and blank lines
                    body[follower] = body[follower].with_changes(leading_lines=[*stmt.leading_lines, *body[follower].leading_lines])
    alias_removals = _imports_binding(module, unused)
    body = [stmt for stmt in body if stmt is not None]
    if need_import:
        at = _after_leading_imports(body)
        body.insert(at, cst.SimpleStatementLine(body=[_IMPORT_SECRETS]))
    module = module.with_changes(body=body)
    if alias_removals:  # `import os, random` -> `import os`: libcst keeps the commas right
        for module_name, name, asname in alias_removals:
            RemoveImportsVisitor.remove_unused_import(context, module_name, name, asname)
        module = RemoveImportsVisitor(context).transform_module(module)
    return module


_IMPORT_SECRETS = cst.Import(names=[cst.ImportAlias(name=cst.Name("secrets"))])


def _binds_only(stmt: cst.BaseStatement) -> Optional[Tuple[str, str]]:
    """(bound name, module) for a line that is a single one-name import, e.g. `import random as r`."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    small = stmt.body[0]
    if isinstance(small, cst.Import) and len(small.names) == 1:
        alias = small.names[0]
        dotted = _dotted(alias.name)
        return (alias.evaluated_alias or dotted.split(".")[0], dotted)
    if (
        isinstance(small, cst.ImportFrom) and not small.relative and small.module is not None
        and not isinstance(small.names, cst.ImportStar) and len(small.names) == 1
    ):
        alias = small.names[0]
        return (alias.evaluated_alias or alias.evaluated_name, _dotted(small.module))
    return None


def _after_leading_imports(body: List[cst.BaseStatement]) -> int:
    """The index after the module docstring and the imports that open the module."""
    at = 0
    for i, stmt in enumerate(body):
        if not isinstance(stmt, cst.SimpleStatementLine):
            break
        first = stmt.body[0]
        is_import = all(isinstance(s, (cst.Import, cst.ImportFrom)) for s in stmt.body)
        is_docstring = i == 0 and isinstance(first, cst.Expr) and isinstance(first.value, (cst.SimpleString, cst.ConcatenatedString))
        if not (is_import or is_docstring):
            break
        at = i + 1
    return at


def _loaded_names(source: str) -> Set[str]:
    return {n.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Store)}


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
