"""`secure-random check PATH...`: the command-line front-end. `main(argv) -> exit code`.

Exit codes: 0 no findings, 1 findings, 2 usage error or a file that could not be read or parsed
(one line on stderr per bad file; the other files are still checked).
"""
from __future__ import annotations

import argparse
import ast
import dataclasses
import io
import json
import os
import sys
import time
from pathlib import Path
from typing import Callable, Iterator, List, Optional, Sequence, TextIO, Tuple

from .config import ConfigError, find_pyproject, root_folder, settings_from
from .cache import FOLDER as CACHE_FOLDER, Cache, Read, digest, open_cache, status
from .files import SourceError, decode, parse, python_files, read_source, read_with_stat, source_lines
from .model import Finding, Settings
from .paths import skipped_test

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _words(raw: str) -> Tuple[str, ...]:
    return tuple(w.strip() for w in raw.split(",") if w.strip())


class _Version(argparse.Action):
    """--version, reading the package metadata only when asked (it is slow to import)."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        from . import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="secure-random",
        description="Find the uses of `random` that make secrets (passwords, tokens, keys, OTPs, salts, "
        "nonces, session ids) and nothing else.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser(
        "check",
        help="report insecure random values that become secrets",
        description="Report the `random` calls whose value becomes a secret. Exit 0 if none, 1 if any, "
        "2 on a usage error or a file that cannot be read or parsed.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH", default=["."],
                       help="files or folders to check (`-` reads stdin; default: the current folder)")
    check.add_argument("--format", choices=("text", "json", "sarif"), default="text",
                       help="output format: text (flake8's), json, or sarif (SARIF 2.1.0, for code scanning)")
    check.add_argument("--stdin-filename", metavar="NAME", default="-", help="the name to report for `-` (also decides if it is a test file)")
    check.add_argument("-q", "--quiet", action="store_true",
                       help="no summary line on stderr (it is printed only when stderr is a terminal)")
    check.add_argument("--show-why", action="store_true",
                       help="under each finding, the path from the random call to the secret (JSON's `why`)")
    check.add_argument("--statistics", action="store_true",
                       help="after the findings, print how many there are of each rule (text format)")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when there are findings (2 still means a file or the usage was bad)")
    check.add_argument("--output-file", metavar="FILE", type=Path,
                       help="write the report to FILE instead of standard output")
    check.add_argument("--fix", action="store_true",
                       help="rewrite the findings that have a fix (as `secure-random fix`), then report what is left")
    check.add_argument("--unsafe-fixes", action="store_true", default=None,
                       help="with --fix, also apply the fixes that can change behaviour (see `fix --help`)")
    check.add_argument("--exit-non-zero-on-fix", action="store_true",
                       help="with --fix, exit 1 when a file was rewritten even if nothing is left to report")
    check.add_argument("--no-cache", action="store_true",
                       help=f"neither read nor write the cache of results ({CACHE_FOLDER}/ at the project root)")
    check.add_argument("--cache-dir", metavar="DIR", help=f"keep the cache in DIR instead of {CACHE_FOLDER}/ at the project root")
    _add_settings_options(check)

    fix = sub.add_parser(
        "fix",
        help="rewrite insecure random values that become secrets to use `secrets`",
        description="Rewrite the flagged calls to equivalent `secrets` code, in place. Prints `Rewriting PATH` "
        "to stderr for each changed file. Exit 0 if nothing changed, 1 if a file changed (or would, with --diff), "
        "2 on a usage error or a file that cannot be read, parsed or safely rewritten. Findings without an "
        "automatic fix are listed on stderr.",
    )
    explain = sub.add_parser("explain", help="print a rule's documentation, or list the rules",
                             description="Print a rule's documentation; with no rule, list every rule.")
    explain.add_argument("code", metavar="RULE", nargs="?",
                         help="a rule's code or name (RND101, random-function-makes-secret), or a family (RND2) to list; none lists every rule")

    parser.commands = {"check": check, "fix": fix, "explain": explain}  # type: ignore[attr-defined]
    fix.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to fix (`-` reads stdin, writes stdout)")
    fix.add_argument("--diff", action="store_true", help="print a unified diff instead of writing files")
    fix.add_argument("--unsafe-fixes", action="store_true", default=None,
                     help="also apply the fixes that can change behaviour: RND301's `==` becomes "
                     "secrets.compare_digest(), which raises TypeError for non-ASCII str or str against bytes")
    fix.add_argument("--stdin-filename", metavar="NAME", default="-", help="the name to use for `-`")
    _add_settings_options(fix)
    return parser


def _add_settings_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--extend-sensitive-words", type=_words, metavar="W1,W2", help="more words that name secrets")
    p.add_argument("--extend-benign-words", type=_words, metavar="W1,W2", help="more words that name harmless values")
    p.add_argument("--include-tests", action="store_true", default=None, help="also check test files (skipped by default)")
    p.add_argument("--exclude", type=_words, metavar="GLOB,GLOB", help="paths not to check, added to the config's `exclude`")
    # both set one value: the last one given wins, as with ruff's pair
    p.add_argument("--respect-gitignore", dest="respect_gitignore", action="store_true", default=None,
                   help="when walking folders, check only what git shows (the default; overrides the configuration)")
    p.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false", default=None,
                   help="also check the files git ignores (.gitignore, .git/info/exclude) when walking folders")
    p.add_argument("--min-password-bits", type=float, metavar="BITS",
                   help="RND202: least entropy for a password or key from a known alphabet (default 64)")
    p.add_argument("--strict", action="store_true", default=None,
                   help="also report every other non-cryptographic random call (RND901), as bandit's B311 does")
    p.add_argument("--select", type=_words, metavar="CODES", help="report only these rules (codes or prefixes: RND1,RND301)")
    p.add_argument("--extend-select", type=_words, metavar="CODES", help="report these rules too (RND9: strict mode)")
    p.add_argument("--ignore", type=_words, metavar="CODES", help="do not report these rules")
    p.add_argument("--per-file-ignores", metavar="'GLOB:CODES ...'", action="append",
                   help="rules not to report in some files, as flake8's: 'tests/*:RND2,RND3 legacy.py:RND301'")
    p.add_argument("--config", type=Path, metavar="PYPROJECT", help="pyproject.toml to read [tool.secure-random] from "
                   "(default: the nearest one above the current folder)")


def _settings(args: argparse.Namespace) -> Settings:
    pyproject = args.config if args.config is not None else find_pyproject(Path.cwd())
    if args.config is not None and not args.config.is_file():
        raise ConfigError(f"{args.config}: no such file")
    args.config_path = pyproject  # the project root is its folder (see `config.project_root`)
    from .config import load
    from .selection import SelectionError, effective, needs_strict, per_file, selectors

    configured = load(pyproject)  # select/ignore on the command line replace the configuration's
    where = str(pyproject) if pyproject else "configuration"
    try:
        # an explicit empty selection (`--select ""`, `select = []`) selects nothing, as in ruff
        select = selectors(args.select, "--select") if args.select is not None else (
            selectors(configured["select"], where) if "select" in configured else None)
        ignore = selectors(args.ignore, "--ignore") if args.ignore else selectors(configured.get("ignore", ()), where)
        extend = selectors(configured.get("extend_select", ()), where) + selectors(args.extend_select or (), "--extend-select")
    except SelectionError as exc:
        raise ConfigError(str(exc)) from None
    strict = args.strict if args.strict is not None else configured.get("strict", False)
    args.chosen = (effective(select, extend, bool(strict)), ignore)
    cli_rules = []
    entries = [entry for value in args.per_file_ignores or () for entry in value.split()]
    for item in entries:
        glob, sep, codes = item.rpartition(":")
        if not sep or not glob or not codes.strip(","):
            raise ConfigError(f"--per-file-ignores: '{item}' is not GLOB:CODES")
        try:
            cli_rules.append((glob, selectors(_words(codes), "--per-file-ignores")))
        except SelectionError as exc:
            raise ConfigError(str(exc)) from None
    try:
        configured_rules = [(g, selectors(c, where)) for g, c in configured.get("per_file_ignores", {}).items()]
    except SelectionError as exc:
        raise ConfigError(str(exc)) from None
    try:
        here = os.getcwd()
    except OSError:  # the working folder was deleted: only absolute paths can be checked anyway
        here = os.sep
    config_base = str(pyproject.resolve().parent) if pyproject else here
    by_config, by_cli = per_file(configured_rules, config_base), per_file(cli_rules, here)
    args.file_ignores = lambda path: by_config(path) + by_cli(path)
    if needs_strict(*args.chosen):
        args.strict = True  # RND9 selected: the analysis records every random call
    return settings_from(
        pyproject,
        extend_sensitive_words=args.extend_sensitive_words,
        extend_benign_words=args.extend_benign_words,
        include_tests=args.include_tests,
        exclude=args.exclude,
        respect_gitignore=args.respect_gitignore,
        strict=args.strict,
        min_password_bits=args.min_password_bits,
        unsafe_fixes=getattr(args, "unsafe_fixes", None),
        root=root_folder(pyproject, Path(here)),
    )


def check_source(text: str, path: str, settings: Settings) -> List[Finding]:
    """find() with parse failures turned into SourceError (one line, no traceback)."""
    return parse_and_check(text, path, settings)[0]


def parse_and_check(text: str, path: str, settings: Settings) -> Tuple[List[Finding], Optional[ast.Module]]:
    """The findings, and the tree when the file needed one (the fixer reuses it)."""
    from .analysis import find, plan  # here: a run answered from the cache never needs the rules

    prefiltered = plan(text)
    try:
        tree = parse(text) if any(prefiltered) else None
    except SyntaxError as exc:
        where = f" (line {exc.lineno})" if exc.lineno else ""
        raise SourceError(f"cannot parse: {exc.msg}{where}") from None
    except (ValueError, RecursionError, MemoryError) as exc:
        message = f"cannot parse: {type(exc).__name__}: {exc}".rstrip(": ")
        raise SourceError(message, transient=isinstance(exc, MemoryError)) from None
    if tree is None:
        return [], None
    try:
        return find(text, settings, path=path, tree=tree, prefiltered=prefiltered), tree
    except RecursionError:
        raise SourceError("too deeply nested to analyse (RecursionError)") from None


def _check_path(job: Tuple[str, str, Settings]) -> Tuple[List[Finding], Optional[str], Optional[Read]]:
    """Check one file: (findings, None, read) or ([], the one-line reason it could not be checked,
    read). `read` is what the cache keeps of the bytes checked (`cache.Read`); None for stdin, a
    file that could not be read, or a failure that says nothing about the file."""
    path, shown, settings = job
    try:
        if path == "-":
            data, read = sys.stdin.buffer.read(), None
        else:
            when = time.time_ns()
            data, st = read_with_stat(path)
            read = (digest(data), *status(st), when)
    except SourceError as exc:
        return [], str(exc), None
    try:
        return check_source(decode(data), shown, settings), None, read
    except SourceError as exc:
        return [], str(exc), None if exc.transient else read


# Below this many files a second process costs more than it saves.
_PARALLEL_MIN_FILES = 64


def _run_jobs(jobs: List[Tuple[str, str, Settings]]) -> Iterator[Tuple[List[Finding], Optional[str], Optional[Read]]]:
    # every core this process may run on (a container or `taskset` may allow fewer than the machine has)
    workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if len(jobs) < _PARALLEL_MIN_FILES or workers < 2 or any(j[0] == "-" for j in jobs):
        return map(_check_path, jobs)
    import multiprocessing

    from . import analysis  # noqa: F401  imported once here, not once per worker (fork shares it)

    pool = multiprocessing.get_context("spawn" if sys.platform == "win32" else None).Pool(workers)
    try:
        results = list(pool.imap(_check_path, jobs, chunksize=16))
    finally:
        pool.terminate()
    return iter(results)


def _for_each_file(
    args: argparse.Namespace, settings: Settings, paths: Sequence[str], cache: Optional[Cache] = None
) -> Callable[[str], Settings]:
    """The settings to check each file with: the run's, with the draws of that file whose value
    another module of its project makes a secret (`project.demands_for`). A project is every file
    under its top folder (`paths.project_folder`) that a check of that folder would read, so that
    checking `utils.py` alone still sees `views.py`; files in no project are one project together.
    What the index learns of each file is kept in `cache` (when there is one) for the next run."""
    from .across import by_project, project_demands
    from .project import may_draw
    from .selection import chosen

    if not any(chosen(code, *getattr(args, "chosen", (("RND",), ()))) for code in ("RND101", "RND102")):
        return lambda path: settings  # `--select RND301`: what other modules demand is never reported
    demands: dict = {}
    index = cache.load_index() if cache is not None else None
    for folder, given in by_project(paths, settings.root).items():
        # only a file that may draw can be demanded anything: a pre-commit run over files that never
        # import `random` does not read the project (nor those files, when the index knows them)
        if any(may_draw(p, index) for p in given):
            demands.update(project_demands(folder, given, settings, index, _config_folder(args)))
    if cache is not None and index is not None:
        cache.save_index(index)
    if not demands:
        return lambda path: settings
    return lambda path: dataclasses.replace(settings, demands=demands[full]) if (
        full := os.path.abspath(path)) in demands else settings


def run_check(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    jobs: List[Tuple[str, str, Settings]] = []
    order: List[Tuple[str, str]] = []  # (path, shown) of every file checked, in the order given
    errors = skipped_tests = 0
    problems: List[Tuple[str, str]] = []  # (path, reason) of the files that could not be checked
    if args.fix and "-" in args.paths:
        print("secure-random: error: check --fix rewrites files in place, not stdin; use `secure-random fix -`", file=err)
        return EXIT_ERROR
    for path, problem in python_files(args.paths, settings.exclude, _config_folder(args), settings.respect_gitignore, _warner(err)):
        shown = args.stdin_filename if path == "-" else path
        if problem is not None:
            errors += 1
            problems.append((shown, problem))
            print(f"{shown}: {problem}", file=err)
        elif not skipped_test(path, settings):
            order.append((path, shown))
        else:
            skipped_tests += 1
    cache = open_cache(settings, args.config_path, args.no_cache, args.cache_dir) if any(path != "-" for path, _ in order) else None
    again = lambda: _for_each_file(args, settings, [path for path, _ in order], cache)  # noqa: E731
    per_file = again()
    done: dict = {}
    for path, shown in order:
        mine = per_file(path)
        # a file another module depends on is checked afresh: what it demands is not in the cache's key
        kept = cache.get(path) if cache is not None and path != "-" and not mine.demands else None
        if kept is not None:
            done[path] = kept
        else:
            jobs.append((path, shown, mine))
    for (path, _, mine), (findings, problem, read) in zip(jobs, _run_jobs(jobs)):
        done[path] = (findings, problem)
        if cache is not None and read is not None and not mine.demands:
            cache.put(path, read, findings, problem)
    fixed_files = _fix_found(args, per_file, order, done, cache, err, again) if args.fix else 0
    if cache is not None:
        cache.save()
    from .selection import chosen

    results: List[Tuple[str, Finding]] = []
    for path, shown in order:
        findings, problem = done[path]
        if problem is not None:
            errors += 1
            problems.append((shown, problem))
            print(f"{shown}: {problem}", file=err)
        select, ignore = _rules_for(args, path)
        results.extend((shown, f) for f in findings if chosen(f.code, select, ignore))
    if args.format == "json":
        json.dump([_as_json(p, f) for p, f in results], out, indent=2)
        out.write("\n")
    elif args.format == "sarif":
        json.dump(_sarif(results, problems), out, indent=2)
        out.write("\n")
    else:
        for path, f in results:
            out.write(f"{path}:{f.line}:{f.col + 1}: {f.code} {f.message}\n")
            if args.show_why and f.why:
                out.write(f"    why: {f.why}\n")
        if args.statistics:
            _statistics(results, out)
    if not args.quiet and _is_terminal(err):
        print(_summary(results, len(order), skipped_tests, errors, fixed_files if args.fix else None), file=err)
    if errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if results or (fixed_files and args.exit_non_zero_on_fix) else EXIT_CLEAN


def _fix_found(args: argparse.Namespace, per_file: Callable[[str], Settings], order: List[Tuple[str, str]], done: dict,
               cache: Optional[Cache], err: TextIO, again: Callable[[], Callable[[str], Settings]]) -> int:
    """`check --fix`: rewrite each file that has a selected finding with a fix (as `fix` does, printing
    `Rewriting PATH` on `err`), then check the new text again so that what is reported afterwards is
    what is left, at its new position. Returns how many files were rewritten; a file that could not
    be rewritten gets its reason as the problem of that file (exit 2, as `fix`). `again` gives the
    settings of each file after the rewrites: what other modules demand of a file is at the
    positions of its new text (an inserted `import secrets` moves every draw below it)."""
    from .fixing import fix_kind
    from .selection import chosen

    rewritten: List[str] = []
    for path, shown in order:
        findings, problem = done[path]
        settings = per_file(path)
        rules = _rules_for(args, path)
        if problem is not None or not any(
            chosen(f.code, *rules) and fix_kind(f, settings.unsafe_fixes) is None for f in findings
        ):
            continue
        messages = io.StringIO()
        changed, failed = fix_one(path, shown, settings, False, io.StringIO(), messages, rules, report_unfixed=False)
        if failed:  # its one-line reason, without the `PATH: ` fix_one puts before it
            reasons = [line.split(": ", 1)[-1] for line in messages.getvalue().splitlines() if line.startswith(f"{shown}: ")]
            done[path] = (findings, reasons[0] if reasons else "could not be rewritten")
            continue
        if changed:
            rewritten.append(path)
            err.write(messages.getvalue())
    if not rewritten:
        return 0
    after = again()
    for path, shown in order:
        settings = after(path)
        if path in rewritten or settings.demands != per_file(path).demands:
            findings, problem, read = _check_path((path, shown, settings))
            done[path] = (findings, problem)
            if cache is not None and read is not None and not settings.demands:
                cache.put(path, read, findings, problem)
    return len(rewritten)


def _rules_for(args: argparse.Namespace, path: str) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
    """(select, ignore) for one file: the run's selection, and its ignores with the file's own
    (`per-file-ignores`)."""
    select, ignore = getattr(args, "chosen", (("RND",), ()))
    if path != "-" and hasattr(args, "file_ignores"):
        ignore = ignore + args.file_ignores(path)
    return select, ignore


def _warner(err: TextIO):  # type: ignore[no-untyped-def]
    """What `python_files` calls with a warning (git could not list a work tree): one line on `err`."""
    return lambda line: print(f"secure-random: warning: {line}", file=err)


def _config_folder(args: argparse.Namespace) -> Optional[str]:
    """The folder `exclude` patterns of the configuration are relative to (flake8's rule for its own)."""
    pyproject = getattr(args, "config_path", None)
    return str(pyproject.resolve().parent) if pyproject is not None else None


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _summary(results: List[Tuple[str, Finding]], checked: int, skipped_tests: int, errors: int,
             fixed_files: Optional[int] = None) -> str:
    """`3 findings in 2 files; 41 test files skipped`: for a person at a terminal (`check --fix`:
    `1 file rewritten; 2 findings left in 1 file`)."""
    def count(n: int, what: str) -> str:
        return f"{n} {what}{'' if n == 1 else 's'}"

    files = len({path for path, _ in results})
    left = " left" if fixed_files is not None else ""
    parts = [f"{count(len(results), 'finding')}{left} in {count(files, 'file')}" if results else f"no findings{left} in {count(checked, 'file')}"]
    if fixed_files:
        parts.insert(0, f"{count(fixed_files, 'file')} rewritten")
    if skipped_tests:
        parts.append(f"{count(skipped_tests, 'test file')} skipped (--include-tests checks them)")
    if errors:
        parts.append(f"{count(errors, 'file')} could not be checked")
    return "; ".join(parts)


def _statistics(results: List[Tuple[str, Finding]], out: TextIO) -> None:
    """`--statistics`: one line per rule found, most frequent first, as flake8's: count, code, name."""
    from collections import Counter

    from .rules import RULES

    names = {rule.code: rule.name for rule in RULES}
    counts = Counter(f.code for _, f in results)
    for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        out.write(f"{n:<5} {code} {names.get(code, '')}\n")


def _check_to_file(args: argparse.Namespace, settings: Settings, err: TextIO) -> int:
    """`check --output-file FILE`: the report goes to FILE (written whole, replacing it), messages
    about bad files still to stderr."""
    buffer = io.StringIO()
    code = run_check(args, settings, buffer, err)
    try:
        args.output_file.write_text(buffer.getvalue(), encoding="utf-8")
    except OSError as exc:
        print(f"secure-random: error: {args.output_file}: {exc.strerror or exc}", file=err)
        return EXIT_ERROR
    return code


def fix_one(
    path: str, shown: str, settings: Settings, diff: bool, out: TextIO, err: TextIO,
    chosen_rules: Tuple[Sequence[str], Sequence[str]] = (("RND",), ()), report_unfixed: bool = True,
) -> Tuple[bool, bool]:
    """Fix one file in place, or stdin (`-`) to `out`, or print its diff: (changed, failed).
    `report_unfixed`: list the findings left unfixed on `err` (`check --fix` reports them itself).

    Bytes in = bytes out except the rewritten calls and imports: the same encoding (PEP 263 cookie),
    BOM and newlines. A problem is one line on `err` and counts as failed; stdin that cannot be
    decoded, parsed or re-encoded is copied to `out` unchanged, so a pipe (an editor's
    format-on-save) keeps its text.
    """
    from .files import decode_with_encoding, encode_like, read_bytes, write_atomically
    from .fixing import apply, file_context, fix_kind

    data, encoding = b"", "utf-8"
    try:
        if path != "-" and os.path.islink(path):
            raise SourceError("a symbolic link; not rewritten (fix the file it points to)")
        data = sys.stdin.buffer.read() if path == "-" else read_bytes(path)
        text, encoding = decode_with_encoding(data)
        findings, tree = parse_and_check(text, shown, settings)
        from .selection import chosen

        findings = [f for f in findings if chosen(f.code, *chosen_rules)]  # `fix --select RND1`
        fixable = any(fix_kind(f, settings.unsafe_fixes) is None for f in findings)
        result = apply(text, findings, tree, unsafe=settings.unsafe_fixes, **(file_context(shown) if fixable else {}))
        new = encode_like(result.source, encoding, data, text) if result.changed else data
    except SourceError as exc:
        print(f"{shown}: {exc}", file=err)
        if path == "-" and not diff:
            _write_bytes(out, data, encoding)
        return False, True
    for finding, reason in result.unfixed if report_unfixed else ():
        print(f"{shown}:{finding.line}:{finding.col + 1}: {finding.code} {finding.message} (not fixed: {reason})", file=err)
    if result.error:
        print(f"{shown}: {result.error}", file=err)
    if diff:
        if result.changed:
            _write_bytes(out, unified_diff(data, new, shown), encoding)
        return result.changed, bool(result.error)
    if path == "-":
        _write_bytes(out, new, encoding)
        return result.changed, bool(result.error)
    if result.changed:
        try:
            write_atomically(path, new)
        except PermissionError:
            print(f"{shown}: permission denied", file=err)
            return False, True
        except OSError as exc:
            print(f"{shown}: cannot write: {exc.strerror or exc}", file=err)
            return False, True
        print(f"Rewriting {shown}", file=err)
    return result.changed, bool(result.error)


def unified_diff(old: bytes, new: bytes, path: str) -> bytes:
    """The unified diff from `old` to `new` (two versions of the file `path`) in the file's own
    bytes, as `git diff` writes it, for `git apply` or `patch -p1`: `a/PATH` and `b/PATH` headers,
    lines split at \\n only (a CRLF line keeps its \\r), and `\\ No newline at end of file` after
    a last line without one."""
    import difflib

    name = os.fsencode(os.path.normpath(path).replace(os.sep, "/").lstrip("/"))
    chunks = []
    for line in difflib.diff_bytes(difflib.unified_diff, io.BytesIO(old).readlines(), io.BytesIO(new).readlines(),
                                   _git_path(b"a/" + name), _git_path(b"b/" + name)):
        chunks.append(line)
        if not line.endswith(b"\n"):
            chunks.append(b"\n\\ No newline at end of file\n")
    return b"".join(chunks)


_C_ESCAPES = {7: b"\\a", 8: b"\\b", 9: b"\\t", 10: b"\\n", 11: b"\\v", 12: b"\\f", 13: b"\\r", 34: b'\\"', 92: b"\\\\"}


def _git_path(name: bytes) -> bytes:
    """A diff header's file name as git writes it (git-diff(1), core.quotePath): in double quotes
    with C escapes (octal for other bytes) when it holds a quote, a backslash, a control byte or a
    non-ASCII byte; followed by a tab when it holds a space, so that `patch` finds where it ends."""
    if any(b < 0x20 or b >= 0x7F or b in (34, 92) for b in name):
        escaped = b"".join(
            _C_ESCAPES.get(b) or (b"\\%03o" % b if b < 0x20 or b >= 0x7F else bytes([b])) for b in name
        )
        return b'"' + escaped + b'"'
    return name + b"\t" if b" " in name else name


def _write_bytes(out: TextIO, data: bytes, encoding: str) -> None:
    """Write `data` as it is to `out`'s binary buffer, after the text already written to `out`; to a
    stream without one (io.StringIO), write its text decoded from `encoding`."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode(encoding, "surrogateescape"))
        return
    out.flush()
    buffer.write(data)
    buffer.flush()


def run_fix(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    changed = failed = False
    order: List[str] = []
    for path, problem in python_files(args.paths, settings.exclude, _config_folder(args), settings.respect_gitignore, _warner(err)):
        shown = args.stdin_filename if path == "-" else path
        if problem is not None:
            print(f"{shown}: {problem}", file=err)
            failed = True
            continue
        if skipped_test(path, settings):
            continue
        order.append(path)
    per_file = _for_each_file(args, settings, order)
    for path in order:
        shown = args.stdin_filename if path == "-" else path
        did_change, did_fail = fix_one(path, shown, per_file(path), args.diff, out, err, _rules_for(args, path))
        changed |= did_change
        failed |= did_fail
    if failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if changed else EXIT_CLEAN


def _sarif(results: List[Tuple[str, Finding]], problems: Sequence[Tuple[str, str]] = ()) -> dict:
    """The SARIF log, with each finding's source line (for fingerprints) and its fix, if any."""
    from . import __version__
    from .fixing import apply, file_context
    from .sarif import sarif_log

    by_path: dict = {}
    for path, f in results:
        by_path.setdefault(path, []).append(f)
    line_texts, fixes = {}, {}
    for path, findings in by_path.items():
        if path == "-" or not os.path.isfile(path):
            continue
        try:
            text = read_source(path)
        except SourceError:
            continue
        lines = source_lines(text)
        for f in findings:
            line_texts[(path, f.line)] = lines[f.line - 1] if f.line <= len(lines) else ""
        fixed = apply(text, findings, **file_context(path))
        for (line, col), replacement in fixed.replacements.items():
            fixes[(path, line, col)] = (replacement, fixed.import_insertion)
    return sarif_log(results, line_texts, fixes, __version__, problems=problems)


def _as_json(path: str, f: Finding) -> dict:
    return {
        "path": path, "line": f.line, "col": f.col + 1, "end_line": f.end_line, "end_col": f.end_col + 1,
        "code": f.code, "message": f.message, "why": f.why,
    }


def main(argv: Optional[Sequence[str]] = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    parser = build_parser()
    try:
        args, extras = parser.parse_known_args(argv)
        if extras:  # the subcommand's usage, as `ruff check --bogus` shows `ruff check`'s
            commands = getattr(parser, "commands", {})
            commands.get(getattr(args, "command", None), parser).error(f"unrecognized arguments: {' '.join(extras)}")
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 for --help/--version
        return int(exc.code or 0)
    if args.command is None:
        parser.print_usage(err)
        print("secure-random: error: a command is required (check, fix, explain)", file=err)
        return EXIT_ERROR
    if args.command == "explain":
        from .docs import explain, rule_list

        if args.code is None:
            out.write(rule_list())
            return EXIT_CLEAN
        doc = explain(args.code)
        if doc is None and args.code.upper().startswith("RND"):
            doc = rule_list(args.code) or None  # a family: `explain RND2` lists its rules
        if doc is None:
            from .rules import RULES

            print(f"secure-random: error: unknown rule {args.code!r} (known: {', '.join(r.code for r in RULES)}; "
                  "`secure-random explain` lists them)", file=err)
            return EXIT_ERROR
        out.write(doc)
        return EXIT_CLEAN
    try:
        settings = _settings(args)
    except ConfigError as exc:
        print(f"secure-random: error: {exc}", file=err)
        return EXIT_ERROR
    # Many small objects and few cycles (syntax trees have none): collecting garbage less often
    # saves about a tenth of a large run.
    import gc

    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 50, 100)
    try:
        if args.command == "fix":
            return run_fix(args, settings, out, err)
        if args.output_file is not None:
            return _check_to_file(args, settings, err)
        return run_check(args, settings, out, err)
    except BrokenPipeError:
        # The reader went away (`secure-random check . | head -1`): end quietly. Python's docs
        # ("Note on SIGPIPE") advise pointing stdout at devnull so the exit flush cannot fail again.
        _silence_stdout()
        return EXIT_FINDINGS
    finally:
        gc.set_threshold(*thresholds)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # a stream without a file descriptor (tests)
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
