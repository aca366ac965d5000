"""Which calls are non-cryptographic random sources: import and name resolution, nothing else.

Resolution is lexical and static. A name refers to the `random` module only when the scope that
binds it binds it by an import; a parameter, a local or a name rebound to `random.SystemRandom()`
(old Django does `random = random.SystemRandom()`) is not the module. Instances of `random.Random`
(and numpy generators) are tracked through names, `self.<attr>` and bound-method aliases such as
`choice = rng.choice`, so that their method calls are attributed to the call that created them.
"""
from __future__ import annotations

import ast
from typing import Dict, List, Optional, Tuple, Union

from .model import Source
from .sinks import callee_name

# Module-level functions of `random` that return (or, for shuffle, produce) random values.
RANDOM_FUNCTIONS = frozenset(
    {
        "random", "uniform", "triangular", "randint", "choice", "choices", "randrange", "sample",
        "shuffle", "getrandbits", "randbytes", "gauss", "normalvariate", "lognormvariate",
        "expovariate", "vonmisesvariate", "gammavariate", "betavariate", "paretovariate",
        "weibullvariate", "binomialvariate",
    }
)
NUMPY_GENERATORS = frozenset({"RandomState", "default_rng", "Generator"})
NUMPY_FUNCTIONS = frozenset(
    {
        "rand", "randn", "randint", "random_integers", "random_sample", "random", "ranf", "sample",
        "choice", "bytes", "shuffle", "permutation", "uniform", "normal", "integers", "beta",
        "binomial", "exponential", "poisson", "standard_normal", "tomaxint",
    }
)

# What an expression refers to, as far as random sources go.
#   ("mod", "random" | "numpy" | "numpy.random")   a module
#   ("fn", "random.choice")                         a function or class of such a module
#   ("inst", Source | None)                         a generator instance (None: a SystemRandom)
#   ("bound", Source | None)                        a method of such an instance
Ref = Tuple[str, Union[str, Source, None]]



class _Binding:
    __slots__ = ("kind", "value", "where")

    def __init__(self, kind: str, value: object = None, where: Optional[ast.AST] = None) -> None:
        # "import" (value: Ref) | "module" (any other import) | "assign" (value: expr) | "other"
        self.kind = kind
        self.value = value
        # the scope `value` is evaluated in when it is not the bound name's: a parameter's default
        # is evaluated where the `def` runs (`def f(random=random.Random())` reads the module's `random`)
        self.where = where


class Scopes:
    """Bindings of every scope of one module, and the scope chain of every node that matters."""

    def __init__(self, tree: ast.Module) -> None:
        self.bindings: Dict[ast.AST, Dict[str, List[_Binding]]] = {}
        self.parent: Dict[ast.AST, Optional[ast.AST]] = {tree: None}
        self.star_random: Dict[ast.AST, bool] = {}
        self.attr_bindings: Dict[str, List[ast.expr]] = {}  # self.<attr> = <expr>, module-wide
        self.attr_binding_scopes: Dict[int, ast.AST] = {}  # id(<expr>) -> the scope of `x.<attr> = <expr>`
        self.self_attr_bindings: Dict[str, List[ast.expr]] = {}  # self.<attr> = <expr> (also cls.<attr>)
        self.sources: Dict[int, Source] = {}
        self.functions: Dict[str, List[ast.AST]] = {}  # every def (and `name = lambda`), by name
        self._resolving: set = set()
        self._globals: Dict[ast.AST, set] = {}  # names declared `global` in each function
        for stmt in tree.body:
            self._collect_stmt(stmt, tree)

    # -- collecting ------------------------------------------------------------------------------
    def _bind(self, scope: ast.AST, name: str, binding: _Binding) -> None:
        self.bindings.setdefault(scope, {}).setdefault(name, []).append(binding)

    def _collect_stmt(self, stmt: ast.AST, scope: ast.AST) -> None:
        """Record the names `stmt` binds, recursing into nested statements (not into expressions:
        only walrus targets and lambda parameters bind there, and neither ever names `random`)."""
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            self.parent[stmt] = scope
            self._bind(scope, stmt.name, _Binding("other"))
            if isinstance(stmt, ast.ClassDef):
                for inner in stmt.body:
                    self._collect_stmt(inner, stmt)
                return
            self.functions.setdefault(stmt.name, []).append(stmt)
            defaults = _call_defaults(stmt.args)
            for arg in _all_args(stmt.args):
                # `def f(rng=random.Random())`: one generator made at definition time, used by every call
                # that does not pass its own
                default = defaults.get(arg.arg)
                self._bind(stmt, arg.arg, _Binding("assign", default, scope) if default is not None else _Binding("other"))
            for inner in stmt.body:
                self._collect_stmt(inner, stmt)
            return
        if isinstance(stmt, ast.Global):
            self._globals.setdefault(scope, set()).update(stmt.names)
            return
        globals_ = self._globals.get(scope)
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and isinstance(stmt.value, ast.Lambda):
            self.parent.setdefault(stmt.value, scope)  # `tk = lambda v: v` lives in the function that runs it
        self._record(stmt, self._module_of(scope) if globals_ and _is_global_target(stmt, globals_) else scope)
        if isinstance(stmt, (ast.With, ast.AsyncWith)):
            for item in stmt.items:
                self._record(item, scope)
        for handler in getattr(stmt, "handlers", ()):
            self._record(handler, scope)
            for inner in handler.body:
                self._collect_stmt(inner, scope)
        for case in getattr(stmt, "cases", ()):
            for inner in case.body:
                self._collect_stmt(inner, scope)
        for field in ("body", "orelse", "finalbody"):
            inner_stmts = getattr(stmt, field, None)
            if isinstance(inner_stmts, list):
                for inner in inner_stmts:
                    self._collect_stmt(inner, scope)

    def _module_of(self, scope: ast.AST) -> ast.AST:
        while self.parent.get(scope) is not None:
            scope = self.parent[scope]  # type: ignore[assignment]
        return scope

    def _record(self, node: ast.AST, scope: ast.AST) -> None:
        if type(node) not in _BINDING_NODES:
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if alias.asname:
                    ref = _module_ref(alias.name)
                    self._bind(scope, alias.asname, _Binding("import", ref) if ref else _Binding("module"))
                else:
                    ref = _module_ref(top)
                    self._bind(scope, top, _Binding("import", ref) if ref else _Binding("module"))
        elif isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            for alias in node.names:
                bound = alias.asname or alias.name
                if node.level == 0 and mod == "random":
                    if alias.name == "*":
                        self.star_random[scope] = True
                    else:
                        self._bind(scope, bound, _Binding("import", ("fn", "random." + alias.name)))
                elif node.level == 0 and mod == "numpy" and alias.name == "random":
                    self._bind(scope, bound, _Binding("import", ("mod", "numpy.random")))
                elif node.level == 0 and mod == "numpy.random" and alias.name != "*":
                    self._bind(scope, bound, _Binding("import", ("fn", "numpy.random." + alias.name)))
                elif alias.name != "*":
                    self._bind(scope, bound, _Binding("module"))
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = node.value if not isinstance(node, ast.AugAssign) else None
            for target in targets:
                if isinstance(target, ast.Name) and isinstance(value, ast.Lambda):
                    self.functions.setdefault(target.id, []).append(value)
                if isinstance(target, ast.Name):
                    self._bind(scope, target.id, _Binding("assign", value) if value is not None else _Binding("other"))
                elif isinstance(target, ast.Attribute) and value is not None:
                    self.attr_bindings.setdefault(target.attr, []).append(value)
                    self.attr_binding_scopes[id(value)] = scope
                    if isinstance(target.value, ast.Name) and target.value.id in ("self", "cls"):
                        self.self_attr_bindings.setdefault(target.attr, []).append(value)
                else:
                    for name in _names_in(target):
                        self._bind(scope, name, _Binding("other"))
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            for name in _names_in(node.target):
                self._bind(scope, name, _Binding("other"))
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            for name in _names_in(node.optional_vars):
                self._bind(scope, name, _Binding("other"))
        elif isinstance(node, ast.ExceptHandler) and node.name:
            self._bind(scope, node.name, _Binding("other"))

    # -- resolving -------------------------------------------------------------------------------
    def reading_scope(self, name: str, scope: ast.AST) -> Optional[ast.AST]:
        """The scope whose binding of `name` a use in `scope` reads, as Python resolves names: the
        nearest enclosing scope that binds it, class bodies skipped except `scope` itself (a method
        does not see its class's names); None when no scope binds it."""
        sc: Optional[ast.AST] = scope
        first = True
        while sc is not None and (name not in self.bindings.get(sc, {}) or (isinstance(sc, ast.ClassDef) and not first)):
            first = False
            sc = self.parent.get(sc)
        return sc

    def lookup(self, name: str, scope: ast.AST) -> Optional[Ref]:
        """What `name`, used in `scope`, refers to (None: nothing random-related)."""
        sc: Optional[ast.AST] = scope
        first = True
        while sc is not None:
            if isinstance(sc, ast.ClassDef) and not first:
                sc = self.parent.get(sc)
                continue
            first = False
            found = self.bindings.get(sc, {}).get(name)
            if found:
                return self._pick(name, sc, found)
            if self.star_random.get(sc) and name in RANDOM_FUNCTIONS | {"seed", "Random", "SystemRandom"}:
                return ("fn", "random." + name)
            sc = self.parent.get(sc)
        return None

    def is_imported(self, name: str, scope: ast.AST) -> bool:
        """True when `name` in `scope` is bound only by imports (a module or a name from one)."""
        sc: Optional[ast.AST] = scope
        while sc is not None:
            found = self.bindings.get(sc, {}).get(name)
            if found:
                return all(b.kind in ("import", "module") for b in found)
            sc = self.parent.get(sc)
        return False

    def _pick(self, name: str, scope: ast.AST, found: List[_Binding]) -> Optional[Ref]:
        key = (name, id(scope))
        imports = [b.value for b in found if b.kind == "import"]
        if key in self._resolving:  # `random = random.SystemRandom()`: the value sees the import
            return imports[0] if imports else None  # type: ignore[return-value]
        self._resolving.add(key)
        try:
            refs = [self.ref(b.value, b.where or scope) for b in found if b.kind == "assign"]
        finally:
            self._resolving.discard(key)
        for wanted in ("inst", "bound"):
            insecure = [r for r in refs if r and r[0] == wanted and r[1] is not None]
            if insecure:
                return insecure[0]
        for r in refs:
            if r and r[0] in ("inst", "bound"):
                return r
        for r in refs:
            if r and r[0] == "fn" and all(b.kind != "other" for b in found):
                return r
        if any(b.kind in ("other", "assign", "module") for b in found):
            return None
        return imports[0] if imports else None  # type: ignore[return-value]

    def ref(self, expr: Optional[ast.AST], scope: ast.AST) -> Optional[Ref]:
        if isinstance(expr, ast.Name):
            return self.lookup(expr.id, scope)
        if isinstance(expr, ast.Attribute):
            base = self.ref(expr.value, scope)
            if base is None:
                return None
            kind, what = base
            if kind == "mod":
                qual = f"{what}.{expr.attr}"
                return ("mod", qual) if qual == "numpy.random" else (("fn", qual) if what != "numpy" else None)
            if kind == "inst":
                return ("bound", what)
            return None
        if isinstance(expr, ast.Call):
            return self.instance_created(expr, scope)
        return None

    def attr_ref(self, expr: ast.Attribute, scope: ast.AST) -> Optional[Ref]:
        """`self._rng` / `obj._rng`: an instance assigned to that attribute name anywhere in the module."""
        values = self.attr_bindings.get(expr.attr)
        if not values:
            return None
        refs = [
            self.instance_created(v, scope) if isinstance(v, ast.Call)
            # `self._rng = rng`, with `def __init__(self, rng=random.Random())`: the parameter's generator,
            # for the methods of the class that keeps it
            else self.lookup(v.id, self.attr_binding_scopes[id(v)])
            if isinstance(v, ast.Name) and id(v) in self.attr_binding_scopes
            and self.class_of(self.attr_binding_scopes[id(v)]) is self.class_of(scope)
            else None
            for v in values
        ]
        refs = [r if r and r[0] == "inst" else None for r in refs]
        insecure = [r for r in refs if r and r[1] is not None]
        if insecure:
            return insecure[0]
        return next((r for r in refs if r), None)

    def class_of(self, scope: Optional[ast.AST]) -> Optional[ast.AST]:
        """The class whose body holds `scope` (a method, or a function inside one), or None."""
        while scope is not None and not isinstance(scope, ast.ClassDef):
            scope = self.parent.get(scope)
        return scope

    def instance_created(self, call: ast.Call, scope: ast.AST) -> Optional[Ref]:
        """`random.Random(...)` and friends: ("inst", Source); `SystemRandom()`: ("inst", None)."""
        callee = self.ref(call.func, scope) if not isinstance(call.func, ast.Call) else None
        if not callee or callee[0] != "fn":
            return None
        qual = str(callee[1])
        if qual == "random.SystemRandom":
            return ("inst", None)
        if qual == "random.Random" or (qual.startswith("numpy.random.") and qual.rsplit(".", 1)[1] in NUMPY_GENERATORS):
            return ("inst", self._source(call, "generator", qual))
        return None

    def partial_source(self, call: ast.Call, scope: ast.AST) -> Optional[Source]:
        """`functools.partial(random.getrandbits, 128)`, `map(random.choice, pools)`: a random function
        handed to a call that calls it. The Source is that call, named after the function it wraps."""
        if not call.args or callee_name(call.func) not in ("partial", "map"):
            return None  # `map(random.choice, ...)` draws once per item
        ref = self.ref(call.args[0], scope)
        first = call.args[0]
        if ref is None and isinstance(first, ast.Attribute) and isinstance(first.value, ast.Attribute) \
                and first.attr in RANDOM_FUNCTIONS:
            owner = self.attr_ref(first.value, scope)  # `partial(self.rng.getrandbits, 32)`
            if owner and owner[0] == "inst" and owner[1] is not None:
                return owner[1]  # type: ignore[return-value]
        if ref is not None and ref[0] == "bound" and isinstance(call.args[0], ast.Attribute) \
                and call.args[0].attr in RANDOM_FUNCTIONS:
            return ref[1]  # type: ignore[return-value]  # `partial(rng.getrandbits, 32)`: the generator's draws
        if ref is None or ref[0] != "fn":
            return None
        qual = str(ref[1])
        mod, _, name = qual.rpartition(".")
        if (mod == "random" and name in RANDOM_FUNCTIONS) or (mod == "numpy.random" and name in NUMPY_FUNCTIONS):
            return self._source(call, "function" if mod == "random" else "numpy", qual)
        return None

    def source_of_call(self, call: ast.Call, scope: ast.AST) -> Optional[Source]:
        """The Source a call is (or uses: a generator instance's method), or None."""
        func = call.func
        callee = self.ref(func, scope)
        if callee is None and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute):
            owner = self.attr_ref(func.value, scope)
            if owner and owner[0] == "inst":
                return owner[1]  # type: ignore[return-value]
        if callee is None:
            return None
        kind, what = callee
        if kind == "bound":
            return what  # type: ignore[return-value]
        if kind != "fn":
            return None
        qual = str(what)
        mod, _, name = qual.rpartition(".")
        if mod == "random":
            if name in RANDOM_FUNCTIONS:
                return self._source(call, "function", qual)
            if name == "seed":
                return self._source(call, "seed", qual)
            return None
        if mod == "numpy.random":
            if name in NUMPY_FUNCTIONS:
                return self._source(call, "numpy", qual)
            if name == "seed":
                return self._source(call, "seed", qual)
        return None

    def _source(self, call: ast.Call, kind: str, qual: str) -> Source:
        src = self.sources.get(id(call))
        if src is None:
            src = self.sources[id(call)] = Source.at(call, kind, qual)
        return src


_BINDING_NODES = frozenset(
    {
        ast.Import, ast.ImportFrom, ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr, ast.For,
        ast.AsyncFor, ast.comprehension, ast.withitem, ast.ExceptHandler,
    }
)


def _module_ref(dotted: str) -> Optional[Ref]:
    if dotted in ("random", "numpy", "numpy.random"):
        return ("mod", dotted)
    return None


def parameter_defaults(args: ast.arguments) -> List[Tuple[ast.arg, ast.expr]]:
    """(parameter, default) for each parameter that has a default, positional ones first."""
    positional = list(getattr(args, "posonlyargs", [])) + list(args.args)
    pairs = list(zip(positional[len(positional) - len(args.defaults):], args.defaults))
    pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
    return pairs


def _call_defaults(args: ast.arguments) -> Dict[str, ast.Call]:
    """Parameters whose default is a call's result: {name: call}."""
    return {a.arg: d for a, d in parameter_defaults(args) if isinstance(d, ast.Call)}


def _all_args(args: ast.arguments) -> List[ast.arg]:
    out = list(getattr(args, "posonlyargs", [])) + list(args.args) + list(args.kwonlyargs)
    if args.vararg:
        out.append(args.vararg)
    if args.kwarg:
        out.append(args.kwarg)
    return out


def _names_in(target: ast.AST) -> List[str]:
    """The names a target binds: `a`, `(a, *b)`. `d[random.randint(0, 9)]` and `obj.x` bind none."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for elt in target.elts for name in _names_in(elt)]
    if isinstance(target, ast.Starred):
        return _names_in(target.value)
    return []


def _is_global_target(node: ast.AST, globals_: set) -> bool:
    if not globals_:
        return False
    if isinstance(node, ast.Assign):
        return any(isinstance(t, ast.Name) and t.id in globals_ for t in node.targets)
    if isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        return isinstance(node.target, ast.Name) and node.target.id in globals_
    return False

