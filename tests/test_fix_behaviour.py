"""`secure-random fix` must not change what a program does.

Each file in `tests/fix_programs/` is a small runnable program, one call shape each, that `check`
flags and that prints a description of what it computed which does not depend on the random draw
(types, lengths, ranges, exception classes, text shapes). For every program, on a copy:

  0. `check` flags it (RND101/RND102) before the fix, so the catalogue keeps testing something;
  1. after `python -m flake8_secure_random fix`, the file still compiles and the fixer did not crash;
  2. the fixed program prints exactly the same stdout, exits with the same code and, if it fails,
     with the same exception class;
  3. `check` finds no RND101/RND102 left that `fix` neither rewrote nor listed as "not fixed: <reason>"
     (refusing a call with a reason is fine; breaking the program is not);
  4. a second `fix` changes nothing;
  5. comments outside the removed import lines are kept, and no top-level import from `random` that the
     original used is left behind unused.

and, over the whole catalogue, the fixer changes at least 60% of the programs (so refusing everything
cannot pass).

A program may say `# requires: python>=3.10` (skipped on older Pythons) and `# sibling NAME.py: CODE`
(a one-line module written beside its copy). The tool runs once over all copies per step (a subprocess
each, falling back to one subprocess per file if a run crashes) and the programs run in a thread pool:
the whole module takes about ten seconds.
"""
from __future__ import annotations

import ast
import difflib
import io
import json
import os
import re
import subprocess
import sys
import tokenize
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Set, Tuple

import pytest

PROGRAMS_DIR = Path(__file__).parent / "fix_programs"
PROGRAMS = sorted(p.name for p in PROGRAMS_DIR.glob("*.py"))
FIXABLE_CODES = frozenset({"RND101", "RND102"})
MIN_CHANGED_SHARE = 0.6
TIMEOUT = 60  # seconds for one subprocess; a program itself runs in well under one
WORKERS = max(2, min(8, (os.cpu_count() or 1) * 2))

_ENV = {
    **os.environ,
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONIOENCODING": "utf-8",
    "PYTHONUTF8": "1",
    "PYTHONHASHSEED": "0",
}
for _var in ("PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONWARNINGS"):
    _ENV.pop(_var, None)

_REQUIRES = re.compile(rb"^#\s*requires:\s*python\s*>=\s*(\d+)\.(\d+)\s*$", re.M)
# `# sibling secrets.py: API_KEY = "x"`: a one-line file the program expects in its folder (a project's own
# module: a `secrets.py` settings file, a module it star-imports). Written beside every copy; the only
# programs that are not self-contained.
_SIBLING = re.compile(rb"^#\s*sibling\s+([\w.]+\.py):\s?(.*?)\r?$", re.M)
_EXCEPTION = re.compile(r"^([A-Za-z_][\w.]*)(?::|$)")
_NOT_FIXED = re.compile(
    r"^(?P<path>.+?\.py):(?P<line>\d+):(?P<col>\d+): (?P<code>RND\d+) (?P<message>.*?) \(not fixed: (?P<reason>.*)\)$"
)


# --- running things -------------------------------------------------------------------------------


@dataclass
class ProgramRun:
    stdout: str
    returncode: object  # int, or "timeout"
    exception: Optional[str]  # the class named on stderr's last line when the program failed
    stderr_tail: str

    def same_as(self, other: "ProgramRun") -> bool:
        return (self.stdout, self.returncode, self.exception) == (other.stdout, other.returncode, other.exception)

    def describe(self) -> str:
        return f"exit {self.returncode}, exception {self.exception}, stdout {self.stdout!r}"


def run_program(path: Path) -> ProgramRun:
    try:
        proc = subprocess.run(
            [sys.executable, "-X", "utf8", path.name], cwd=path.parent, env=_ENV,
            capture_output=True, timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return ProgramRun("", "timeout", None, "")
    stdout = proc.stdout.decode("utf-8", "replace").replace("\r\n", "\n")
    lines = [ln for ln in proc.stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    tail = lines[-1] if lines else ""
    exception = None
    if proc.returncode != 0:
        m = _EXCEPTION.match(tail)
        exception = m.group(1) if m else tail
    return ProgramRun(stdout, proc.returncode, exception, tail)


def run_tool(args: Sequence[str], paths: Sequence[Path], cwd: Path) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            [sys.executable, "-X", "utf8", "-m", "flake8_secure_random", *args, *map(str, paths)],
            cwd=cwd, env=_ENV, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=TIMEOUT * 4,
        )
    except subprocess.TimeoutExpired as exc:
        return subprocess.CompletedProcess(exc.cmd, "timeout", "", "timeout")


def _crashed(proc: subprocess.CompletedProcess) -> bool:
    return proc.returncode not in (0, 1, 2) or "Traceback (most recent call last)" in (proc.stderr or "")


@dataclass
class Finding:
    code: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}:{self.col}: {self.code} {self.message}"


def check_all(paths: Sequence[Path], cwd: Path) -> Dict[str, object]:
    """`check --format json` over the files: {name: [Finding]} or {name: "crash text"}."""
    def one_run(batch: Sequence[Path]) -> Optional[Dict[str, List[Finding]]]:
        proc = run_tool(["check", "--format", "json"], batch, cwd)
        if _crashed(proc):
            return None
        try:
            data = json.loads(proc.stdout or "[]")
        except ValueError:
            return None
        found: Dict[str, List[Finding]] = {p.name: [] for p in batch}
        for item in data:
            found.setdefault(Path(item["path"]).name, []).append(
                Finding(item["code"], item["line"], item["col"], item["message"]))
        return found

    result = one_run(paths) if paths else {}
    if result is not None:
        return result
    out: Dict[str, object] = {}
    for p in paths:  # one file per process, so that one crash does not hide the other files
        single = one_run([p])
        out[p.name] = single[p.name] if single is not None else \
            "check crashed: " + run_tool(["check", "--format", "json"], [p], cwd).stderr[-2000:]
    return out


@dataclass
class FixRun:
    stderr_lines: List[str]
    crash: Optional[str] = None

    @property
    def not_fixed(self) -> List[Tuple[str, str, str]]:
        """(code, message, reason) of each finding the fixer listed as not fixed."""
        out = []
        for line in self.stderr_lines:
            m = _NOT_FIXED.match(line)
            if m:
                out.append((m["code"], m["message"], m["reason"]))
        return out


def fix_all(paths: Sequence[Path], cwd: Path) -> Dict[str, FixRun]:
    """`fix` over the files (in place): each file's own stderr lines, or the crash."""
    def split(proc: subprocess.CompletedProcess, batch: Sequence[Path]) -> Dict[str, FixRun]:
        lines = (proc.stderr or "").splitlines()
        return {
            p.name: FixRun([ln for ln in lines if ln.startswith(f"{p}:") or ln == f"Rewriting {p}"])
            for p in batch
        }

    if not paths:
        return {}
    proc = run_tool(["fix"], paths, cwd)
    if not _crashed(proc):
        return split(proc, paths)
    out = {}
    for p in paths:
        single = run_tool(["fix"], [p], cwd)
        out[p.name] = split(single, [p])[p.name]
        if _crashed(single):
            out[p.name].crash = (single.stderr or "")[-3000:]
    return out


# --- what the files say ---------------------------------------------------------------------------


def requirement(data: bytes) -> Optional[Tuple[int, int]]:
    m = _REQUIRES.search(data[:400])
    return (int(m.group(1)), int(m.group(2))) if m else None


def siblings(data: bytes) -> Dict[str, bytes]:
    return {m.group(1).decode(): m.group(2) + b"\n" for m in _SIBLING.finditer(data[:1000])}


def decoded(data: bytes) -> str:
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding).lstrip("\ufeff")
    except (SyntaxError, UnicodeDecodeError, LookupError):
        return data.decode("utf-8", "replace")


def compile_error(data: bytes, name: str) -> Optional[str]:
    try:
        compile(data, name, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def _top_level_random_imports(tree: ast.Module) -> List[Tuple[ast.stmt, str]]:
    """(statement, bound name) of each top-level import of the random module or of a name from it."""
    found = []
    for stmt in tree.body:
        if isinstance(stmt, ast.Import):
            found += [(stmt, a.asname or a.name.split(".")[0]) for a in stmt.names
                      if a.name == "random" or a.name.startswith("random.")]
        elif isinstance(stmt, ast.ImportFrom) and stmt.module == "random" and not stmt.level:
            found += [(stmt, a.asname or a.name) for a in stmt.names if a.name != "*"]
    return found


def _uses(tree: ast.Module, name: str) -> bool:
    """Whether `name` is read anywhere: as a name, in a string (`__all__`, string annotations)."""
    word = re.compile(rf"\b{re.escape(name)}\b")
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Store):
            return True
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and word.search(node.value):
            return True
        if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return True
    return False


def unused_random_imports(original: bytes, fixed: bytes) -> List[str]:
    """Top-level imports from `random` the original used and the fixed file keeps but no longer uses."""
    try:
        old, new = ast.parse(original), ast.parse(fixed)
    except (SyntaxError, ValueError):
        return []
    used_before = {name for _, name in _top_level_random_imports(old) if _uses(old, name)}
    return sorted(
        f"line {stmt.lineno}: {name!r}" for stmt, name in _top_level_random_imports(new)
        if name in used_before and not _uses(new, name)
    )


def _comments(data: bytes, skip_lines: Set[int] = frozenset()) -> Counter:
    try:
        return Counter(
            tok.string.strip() for tok in tokenize.tokenize(io.BytesIO(data).readline)
            if tok.type == tokenize.COMMENT and tok.start[0] not in skip_lines
        )
    except (tokenize.TokenError, SyntaxError):
        return Counter()


def lost_comments(original: bytes, fixed: bytes) -> List[str]:
    """Comments of the original missing from the fixed file (those on top-level import lines of
    `random`, which the fixer may legitimately delete with the import, are not counted)."""
    try:
        tree = ast.parse(original)
    except (SyntaxError, ValueError):
        return []
    import_lines = {
        line for stmt, _ in _top_level_random_imports(tree)
        for line in range(stmt.lineno, (stmt.end_lineno or stmt.lineno) + 1)
    }
    missing = _comments(original, import_lines) - _comments(fixed)
    return sorted(missing.elements())


def diff(original: bytes, fixed: bytes, name: str) -> str:
    return "".join(difflib.unified_diff(
        decoded(original).splitlines(keepends=True), decoded(fixed).splitlines(keepends=True),
        fromfile=f"{name} (before)", tofile=f"{name} (after fix)", n=1,
    ))


# --- the pipeline, once per session ---------------------------------------------------------------


@dataclass
class Outcome:
    name: str
    original: bytes
    skipped: Optional[str] = None
    before: Optional[ProgramRun] = None
    findings_before: object = None  # [Finding] or a crash text
    fix: Optional[FixRun] = None
    fixed: bytes = b""
    compile_error: Optional[str] = None
    after: Optional[ProgramRun] = None
    findings_after: object = None
    refix: Optional[FixRun] = None
    refixed: bytes = b""
    problems: List[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


@pytest.fixture(scope="session")
def outcomes(tmp_path_factory) -> Dict[str, Outcome]:
    root = tmp_path_factory.mktemp("fixprog")
    # An empty pyproject.toml: the tool's settings are its defaults, whatever lies above the temp folder.
    (root / "pyproject.toml").write_text("")
    results: Dict[str, Outcome] = {}
    copies: Dict[str, Path] = {}
    refix_copies: Dict[str, Path] = {}
    for name in PROGRAMS:
        data = (PROGRAMS_DIR / name).read_bytes()
        out = results[name] = Outcome(name, data)
        need = requirement(data)
        if need and sys.version_info[:2] < need:
            out.skipped = f"needs Python {need[0]}.{need[1]}"
            continue
        # One folder per program: a program runs with its folder first on sys.path.
        copies[name] = root / "first" / Path(name).stem / name
        copies[name].parent.mkdir(parents=True)
        copies[name].write_bytes(data)
        for sibling, content in siblings(data).items():
            (copies[name].parent / sibling).write_bytes(content)
    paths = list(copies.values())

    with ThreadPoolExecutor(WORKERS) as pool:
        check_before = pool.submit(check_all, paths, root)
        runs_before = dict(zip(copies, pool.map(run_program, paths)))
        findings_before = check_before.result()
        for name in copies:
            results[name].before = runs_before[name]
            results[name].findings_before = findings_before.get(name, [])

        fixes = fix_all(paths, root)
        for name, path in copies.items():
            out = results[name]
            out.fix = fixes[name]
            out.fixed = path.read_bytes()
            out.compile_error = compile_error(out.fixed, name)
            refix_copies[name] = root / "second" / Path(name).stem / name
            refix_copies[name].parent.mkdir(parents=True)
            refix_copies[name].write_bytes(out.fixed)
            for sibling, content in siblings(out.original).items():
                (refix_copies[name].parent / sibling).write_bytes(content)

        runnable = [name for name in copies if results[name].compile_error is None]
        refix = pool.submit(fix_all, list(refix_copies.values()), root)
        check_after = pool.submit(check_all, paths, root)
        runs_after = dict(zip(runnable, pool.map(run_program, [copies[n] for n in runnable])))
        findings_after, refixes = check_after.result(), refix.result()
    for name in copies:
        out = results[name]
        out.after = runs_after.get(name)
        out.findings_after = findings_after.get(name, [])
        out.refix = refixes[name]
        out.refixed = refix_copies[name].read_bytes()
        out.problems = problems_of(out)
    return results


def problems_of(out: Outcome) -> List[str]:
    """Every property of the module docstring that `out` violates, one line (or block) each."""
    problems: List[str] = []
    # 0. the catalogue tests something
    if not isinstance(out.findings_before, list):
        problems.append(f"[flagged] {out.findings_before}")
    elif not any(f.code in FIXABLE_CODES for f in out.findings_before):
        problems.append("[flagged] check reports no RND101/RND102 in the original program: make its names say secret")
    if out.before is not None and out.before.returncode == "timeout":
        problems.append("[program] the original program does not finish")
    # 1. the fixer ran and its result compiles
    if out.fix is not None and out.fix.crash:
        problems.append(f"[crash] fix crashed:\n{out.fix.crash}")
    if out.compile_error:
        problems.append(f"[compile] the fixed file does not compile: {out.compile_error}")
    # 2. same behaviour
    if out.after is not None and out.before is not None and not out.after.same_as(out.before):
        problems.append(
            f"[behaviour] before: {out.before.describe()}\n"
            f"            after:  {out.after.describe()}"
            + (f"\n            stderr: {out.after.stderr_tail}" if out.after.exception else "")
        )
    # 3. nothing fixable left silently
    if isinstance(out.findings_after, str):
        problems.append(f"[check-after] {out.findings_after}")
    elif out.compile_error is None and out.fix is not None:
        listed = Counter((code, message) for code, message, _ in out.fix.not_fixed)
        for f in out.findings_after:
            if f.code not in FIXABLE_CODES:
                continue
            if listed[(f.code, f.message)]:
                listed[(f.code, f.message)] -= 1
            else:
                problems.append(f"[left] still flagged after the fix, and not listed as 'not fixed': {f}")
    # 4. idempotent
    if out.refix is not None and out.refix.crash:
        problems.append(f"[crash] the second fix crashed:\n{out.refix.crash}")
    if out.compile_error is None and out.refixed != out.fixed:
        problems.append("[idempotent] a second fix changed the file again:\n" + diff(out.fixed, out.refixed, out.name))
    # 5. nothing else lost
    lost = lost_comments(out.original, out.fixed)
    if lost:
        problems.append(f"[comments] comments lost: {lost}")
    unused = unused_random_imports(out.original, out.fixed)
    if unused:
        problems.append(f"[unused-import] imports from random left unused: {unused}")
    if problems and out.changed:
        problems.append("the fix:\n" + diff(out.original, out.fixed, out.name))
    if problems and out.fix is not None and out.fix.stderr_lines:
        problems.append("fix's stderr:\n  " + "\n  ".join(out.fix.stderr_lines))
    return problems


# --- the tests ------------------------------------------------------------------------------------


def test_catalogue_is_large_and_well_formed():
    assert len(PROGRAMS) >= 80
    for name in PROGRAMS:
        first_lines = (PROGRAMS_DIR / name).read_bytes().lstrip(b"\xef\xbb\xbf").splitlines()[:4]
        assert any(b"# shape: " in line for line in first_lines), f"{name}: no '# shape:' comment at the top"
        stem = Path(name).stem
        # Names the tool would skip as tests, or that shadow a standard module for the program itself.
        assert not (stem.startswith("test_") or stem.endswith("_test") or stem in ("conftest", "tests")), name
        assert stem not in sys.builtin_module_names and stem not in getattr(sys, "stdlib_module_names", ()), name


# Known differences, each documented (README "Known limits", the rules' Fix safety); strict, so a
# program that starts to pass fails the run until it is taken off this list.
KNOWN = {  # program: (why, the first Python where the difference shows)
    "cr_only_newlines": ("check: the import prefilter reads lines ending in \\n only; a lone-CR file is not checked", (3, 9)),
    "error_getrandbits_too_large": (
        "secrets.randbits (SystemRandom's Python getrandbits) raises MemoryError, not OverflowError", (3, 9)),
    "getrandbits_index_object": ("secrets.randbits compares k < 0: an object with only __index__ raises TypeError", (3, 9)),
    # Random() rejects a list seed with TypeError from 3.11 (3.9 and 3.10 only warn).
    "error_random_instance_unhashable_seed": ("SystemRandom ignores a non-literal seed: a list no longer raises TypeError", (3, 11)),
    "mock_patch_random_choice": ("a rewritten call no longer goes through random.choice, so patching it has no effect", (3, 9)),
}


def _marks(name: str):
    known = KNOWN.get(Path(name).stem)
    if known is None:
        return ()
    return pytest.mark.xfail(sys.version_info >= known[1], strict=True, reason=known[0])


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=_marks(n)) for n in PROGRAMS],
    ids=[Path(n).stem for n in PROGRAMS],
)
def test_fix_keeps_behaviour(outcomes, name):
    out = outcomes[name]
    if out.skipped:
        pytest.skip(out.skipped)
    assert not out.problems, f"{name}:\n" + "\n".join(out.problems)


def test_fixer_changes_most_programs(outcomes):
    ran = [o for o in outcomes.values() if not o.skipped]
    changed = [o.name for o in ran if o.changed]
    share = len(changed) / len(ran)
    assert share >= MIN_CHANGED_SHARE, (
        f"the fixer changed {len(changed)} of {len(ran)} programs ({share:.0%}); unchanged: "
        + ", ".join(sorted(o.name for o in ran if not o.changed))
    )
