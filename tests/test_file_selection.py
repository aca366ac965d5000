"""Which files a run checks and what it says about the ones it cannot (issue 13 items 6, 7, 8, 11):
.gitignore, test-paths, read-only files, NUL bytes, symbolic link loops. Each through the real command."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

BAD = "import random\n\ntoken = '%x' % random.getrandbits(64)\n"


def _real(args, cwd):
    """The installed command, in a fresh process, as a user types it."""
    env = {k: v for k, v in os.environ.items() if k != "SECURE_RANDOM_CACHE_DIR"} | {"SECURE_RANDOM_NO_CACHE": "1"}
    return subprocess.run([sys.executable, "-m", "flake8_secure_random", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def _reported(proc) -> list:
    return sorted(line.split(":")[0].replace(os.sep, "/").removeprefix("./") for line in proc.stdout.splitlines())


def _write(root, names, text=BAD):
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


@needs_git
def test_gitignore_is_respected_when_walking_a_git_repository(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    _write(tmp_path, ["app.py", "generated/out.py", "pkg/gen_a.py", "pkg/keep.py", "pkg/sub/deep.py", "local.py", "notes/x.py"])
    (tmp_path / ".gitignore").write_text("generated/\n# a comment\nlocal.py\n")
    (tmp_path / "pkg" / ".gitignore").write_text("gen_*.py\nsub/\n")
    (tmp_path / ".git" / "info" / "exclude").write_text("notes/\n")
    assert _reported(_real(["check", "."], tmp_path)) == ["app.py", "pkg/keep.py"]
    # from inside a folder: the rules above it still hold
    assert _reported(_real(["check", "."], tmp_path / "pkg")) == ["keep.py"]
    everything = _real(["check", "--no-respect-gitignore", "."], tmp_path)
    assert len(_reported(everything)) == 7
    # a file or folder named on the command line is checked whatever git thinks of it (as ruff does)
    assert _reported(_real(["check", "local.py"], tmp_path)) == ["local.py"]
    assert _reported(_real(["check", "generated"], tmp_path)) == ["generated/out.py"]
    # the setting in pyproject.toml
    (tmp_path / "pyproject.toml").write_text("[tool.secure-random]\nrespect-gitignore = false\n")
    assert len(_reported(_real(["check", "."], tmp_path))) == 7
    assert _reported(_real(["check", "--respect-gitignore", "."], tmp_path)) == ["app.py", "pkg/keep.py"]


@needs_git
def test_a_negated_gitignore_pattern_re_includes_a_file(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    _write(tmp_path, ["a.py", "keep.py"])
    (tmp_path / ".gitignore").write_text("*.py\n!keep.py\n")
    assert _reported(_real(["check", "."], tmp_path)) == ["keep.py"]


def _git_shows(root) -> list:
    """The Python files git shows (tracked, or untracked and not ignored): what `check .` must check."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=root,
                            capture_output=True, text=True, check=True).stdout.split()
    return sorted(p for p in listed if p.endswith(".py"))


@needs_git
@pytest.mark.parametrize("rules", [
    "*\n!*/\n!*.py\n",                    # ignore everything but Python files, in every folder
    "vendor/**\n!vendor/*.py\n",           # re-include files below a `**`
    "vendor/**/\n",                         # every folder below vendor, not vendor itself
    "generated/\n!docs/\n",                # a negation that does not reach into an ignored folder
    "**/build/\n!keep.py\n",
    "/top.py\nsub/**/deep.py\n",
])
def test_the_files_checked_are_the_files_git_shows(tmp_path, rules):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    _write(tmp_path, ["top.py", "vendor/x.py", "vendor/lib/y.py", "docs/generated/z.py", "generated/g.py",
                      "pkg/build/keep.py", "pkg/build/other.py", "sub/a/b/deep.py", "sub/deep.py", "docs/d.py"])
    (tmp_path / ".gitignore").write_text(rules)
    assert _reported(_real(["check", "."], tmp_path)) == _git_shows(tmp_path)


@needs_git
def test_a_tracked_file_is_checked_even_if_an_ignore_rule_matches_it(tmp_path):
    """git never ignores what it tracks: `lib/` in GitHub's Python .gitignore must not hide
    a committed `app/lib/tokens.py`."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    _write(tmp_path, ["app/lib/tokens.py", "app/lib/untracked.py"])
    (tmp_path / ".gitignore").write_text("lib/\n")
    subprocess.run(["git", "add", "-f", "app/lib/tokens.py"], cwd=tmp_path, check=True)
    assert _reported(_real(["check", "."], tmp_path)) == ["app/lib/tokens.py"]


@needs_git
def test_nested_repositories_and_a_folder_above_them_follow_each_ones_rules(tmp_path):
    for repo in ("one", "two"):
        (tmp_path / repo).mkdir()
        subprocess.run(["git", "init", "-q"], cwd=tmp_path / repo, check=True)
        _write(tmp_path / repo, ["app.py", "gen/out.py"])
        (tmp_path / repo / ".gitignore").write_text("gen/\n")
    # a repository inside another keeps its own rules, not the outer one's
    _write(tmp_path / "one", ["inner/app.py", "inner/local.py"])
    subprocess.run(["git", "init", "-q"], cwd=tmp_path / "one" / "inner", check=True)
    (tmp_path / "one" / ".gitignore").write_text("gen/\nlocal.py\n")
    (tmp_path / "one" / "inner" / ".gitignore").write_text("app.py\n")
    assert _reported(_real(["check", "."], tmp_path)) == ["one/app.py", "one/inner/local.py", "two/app.py"]


@pytest.mark.skipif(os.name == "nt" or (hasattr(os, "geteuid") and os.geteuid() == 0), reason="POSIX modes; root reads anything")
def test_a_folder_that_cannot_be_read_is_reported(tmp_path):
    _write(tmp_path, ["app.py", "locked/x.py"])
    (tmp_path / "locked").chmod(0)
    try:
        proc = _real(["check", "."], tmp_path)
        assert proc.returncode == 2 and proc.stderr.strip().endswith("locked: permission denied"), proc.stderr
        assert _real(["check", "locked"], tmp_path).returncode == 2
    finally:
        (tmp_path / "locked").chmod(0o755)


@pytest.mark.skipif(not hasattr(os, "link"), reason="hard links")
def test_a_file_reached_twice_is_checked_and_fixed_once(tmp_path):
    _write(tmp_path, ["app.py"], CHECK_FIX)
    os.link(tmp_path / "app.py", tmp_path / "same.py")
    proc = _real(["check", ".", "app.py"], tmp_path)
    assert len(proc.stdout.splitlines()) == 2  # RND101 and RND201 of one file, not four
    fixed = _real(["check", "--fix", "app.py", "."], tmp_path)
    assert fixed.stdout.splitlines() == [
        "app.py:5:15: RND201 secrets.token_hex(4) gives 32 bits for 'session_key'; use at least 16 bytes (128 bits), 32 recommended"]


@needs_git
def test_the_codemod_skips_what_fix_skips(tmp_path):
    """libcst walks folders itself; the codemod leaves out what `secure-random fix` would not reach."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    _write(tmp_path, ["app/a.py", ".venv/lib/site-packages/x.py", "build_out/b.py", "legacy/c.py"])
    (tmp_path / ".gitignore").write_text("build_out/\n")
    (tmp_path / "pyproject.toml").write_text('[tool.secure-random]\nexclude = ["legacy"]\n')
    proc = subprocess.run([sys.executable, "-m", "libcst.tool", "codemod", "--no-format", "-x",
                           "flake8_secure_random.codemod.SecureRandomCommand", "."],
                          cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    changed = sorted(str(p.relative_to(tmp_path)).replace(os.sep, "/") for p in tmp_path.rglob("*.py") if p.read_text() != BAD)
    assert changed == ["app/a.py"]


def test_gitignore_is_not_read_outside_a_git_repository(tmp_path):
    _write(tmp_path, ["app.py", "generated/out.py"])
    (tmp_path / ".gitignore").write_text("generated/\n")
    if any((p / ".git").exists() for p in tmp_path.parents):
        pytest.skip("the temporary folder is inside a git work tree")
    assert _reported(_real(["check", "."], tmp_path)) == ["app.py", "generated/out.py"]


def test_a_library_package_named_test_is_checked_and_test_folders_are_not(tmp_path):
    _write(tmp_path, [
        "django/__init__.py", "django/test/__init__.py", "django/test/client.py",  # a library: checked
        "django/test/test_client.py",                                                # a test by its name
        "test/support.py",                                                           # CPython's Lib/test: tests
        "pkg/__init__.py", "pkg/tests/helpers.py", "pkg/testing/__init__.py", "pkg/testing/tools.py",
    ])
    for empty in ("django/__init__.py", "django/test/__init__.py", "pkg/__init__.py", "pkg/testing/__init__.py"):
        (tmp_path / empty).write_text("")
    assert _reported(_real(["check", "."], tmp_path)) == ["django/test/client.py", "pkg/testing/tools.py"]
    # the same answer from inside the package
    assert _reported(_real(["check", "."], tmp_path / "django")) == ["test/client.py"]


def test_the_project_walk_leaves_out_test_folders_whole_and_nothing_else(tmp_path):
    """`paths.is_test_folder` prunes the walk `check` makes of a project for its index: the files it
    lists are exactly those the test-file rule keeps of the whole walk."""
    from flake8_secure_random.files import python_files
    from flake8_secure_random.paths import is_test_folder, is_test_path

    _write(tmp_path, [
        "django/__init__.py", "django/test/__init__.py", "django/test/client.py", "django/test/test_client.py",
        "test/support.py", "test/deep/helper.py", "tests/app/views.py", "pkg/__init__.py", "pkg/unit_tests/a.py",
        "pkg/testing/__init__.py", "pkg/testing/tools.py", "pkg/sub/tests/x.py", "other/testing/tools.py",
        "pkg/tests_util.py", "latest/contest.py",
    ])
    (tmp_path / "setup.cfg").write_text("")
    root = str(tmp_path)

    def listed(**kwargs):
        return [os.path.relpath(p, root).replace(os.sep, "/") for p, problem in python_files([root], **kwargs)]

    whole = [p for p in listed() if not is_test_path(os.path.join(root, p), root=root)]
    pruned = listed(skip_folder=is_test_folder)
    assert [p for p in pruned if not is_test_path(os.path.join(root, p), root=root)] == whole
    assert sorted(whole) == ["django/__init__.py", "django/test/__init__.py", "django/test/client.py",
                             "latest/contest.py", "pkg/__init__.py", "pkg/testing/__init__.py", "pkg/testing/tools.py",
                             "pkg/tests_util.py"]
    # only a test by its name is left for the rule to drop: no test folder was walked
    assert sorted(set(pruned) - set(whole)) == ["django/test/test_client.py"]


def test_test_paths_setting_replaces_the_built_in_rule(tmp_path):
    _write(tmp_path, ["app/views.py", "qa/helpers.py", "tests/helpers.py", "app/test_views.py"])
    (tmp_path / "pyproject.toml").write_text('[tool.secure-random]\ntest-paths = ["qa/", "test_*.py"]\n')
    assert _reported(_real(["check", "."], tmp_path)) == ["app/views.py", "tests/helpers.py"]
    # relative to the configuration's folder however the path is typed
    assert _reported(_real(["check", "helpers.py"], tmp_path / "qa")) == []
    assert _reported(_real(["check", "--include-tests", "."], tmp_path)) == [
        "app/test_views.py", "app/views.py", "qa/helpers.py", "tests/helpers.py"]
    # flake8 reads the same setting
    flake8 = subprocess.run([sys.executable, "-m", "flake8", "--select", "RND", "."], cwd=tmp_path,
                            capture_output=True, text=True)
    assert sorted({line.split(":")[0].removeprefix("./") for line in flake8.stdout.splitlines()}) == [
        "app/views.py", "tests/helpers.py"], flake8.stdout + flake8.stderr


def test_test_paths_must_be_a_list_of_strings(tmp_path):
    _write(tmp_path, ["app.py"])
    (tmp_path / "pyproject.toml").write_text('[tool.secure-random]\ntest-paths = "tests/"\n')
    proc = _real(["check", "."], tmp_path)
    assert proc.returncode == 2 and "'test-paths' must be a list of strings" in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_nul_bytes_get_a_plain_message_whether_or_not_a_rule_reads_the_file(tmp_path):
    (tmp_path / "uses.py").write_bytes(b"import random\nx = 1\0\n")
    (tmp_path / "plain.py").write_bytes(b"x = 1\0\n")
    proc = _real(["check", "."], tmp_path)
    assert proc.returncode == 2
    assert sorted(proc.stderr.splitlines()) == ["./plain.py: contains NUL bytes", "./uses.py: contains NUL bytes"]
    fix = _real(["fix", "uses.py"], tmp_path)
    assert (fix.returncode, fix.stderr) == (2, "uses.py: contains NUL bytes\n")


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symbolic links")
def test_link_loops_and_broken_links_named_on_the_command_line(tmp_path):
    os.symlink("two.py", tmp_path / "one.py")
    os.symlink("one.py", tmp_path / "two.py")
    os.symlink("missing.py", tmp_path / "broken.py")
    proc = _real(["check", "one.py", "broken.py"], tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == ["one.py: symbolic link loop", "broken.py: broken symbolic link (its target does not exist)"]
    walked = _real(["check", "."], tmp_path)  # met while walking: skipped silently
    assert (walked.returncode, walked.stderr) == (0, "")


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_fix_does_not_rewrite_a_read_only_file(tmp_path):
    target = tmp_path / "auth.py"
    target.write_text(BAD)
    target.chmod(0o444)
    for args in (["fix", "auth.py"], ["check", "--fix", "auth.py"]):
        proc = _real(args, tmp_path)
        assert (proc.returncode, proc.stderr) == (2, "auth.py: permission denied\n"), args
        assert target.read_text() == BAD


CHECK_FIX = (
    "import random\n"
    "import secrets\n"
    "\n"
    "password = ''.join(random.choice('abcdefghijklmnopqrstuvwxyz0123456789') for _ in range(20))\n"
    "session_key = secrets.token_hex(4)\n"
    "roll = random.randint(1, 6)\n"
)


def test_check_fix_rewrites_and_reports_only_what_is_left(tmp_path):
    """`check --fix` (ruff's way, and the pre-commit hook's entry): each finding said once, either
    rewritten (`Rewriting PATH` on stderr) or reported on stdout at its place in the new text."""
    (tmp_path / "app.py").write_text(CHECK_FIX)
    proc = _real(["check", "--fix", "app.py"], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == "Rewriting app.py\n"
    assert proc.stdout.splitlines() == [
        "app.py:5:15: RND201 secrets.token_hex(4) gives 32 bits for 'session_key'; use at least 16 bytes (128 bits), 32 recommended"]
    assert "secrets.choice('abcdefghijklmnopqrstuvwxyz0123456789')" in (tmp_path / "app.py").read_text()
    assert "random.randint(1, 6)" in (tmp_path / "app.py").read_text()
    again = _real(["check", "--fix", "app.py"], tmp_path)  # nothing left to rewrite: the same report
    assert (again.returncode, again.stdout, again.stderr) == (1, proc.stdout, "")


def test_check_fix_exit_status_and_selection(tmp_path):
    (tmp_path / "app.py").write_text(CHECK_FIX.replace("session_key = secrets.token_hex(4)\n", ""))
    # only RND2 selected: the RND101 call is neither rewritten nor reported
    assert _real(["check", "--fix", "--select", "RND2", "app.py"], tmp_path).returncode == 0
    assert "random.choice" in (tmp_path / "app.py").read_text()
    proc = _real(["check", "--fix", "--exit-non-zero-on-fix", "app.py"], tmp_path)
    assert (proc.returncode, proc.stdout) == (1, "")  # rewritten, nothing left, and asked to fail on a fix
    (tmp_path / "app.py").write_text(CHECK_FIX.replace("session_key = secrets.token_hex(4)\n", ""))
    proc = _real(["check", "--fix", "app.py"], tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "Rewriting app.py\n")
    stdin = subprocess.run([sys.executable, "-m", "flake8_secure_random", "check", "--fix", "-"], cwd=tmp_path,
                           input=CHECK_FIX, capture_output=True, text=True)
    assert stdin.returncode == 2 and "secure-random fix -" in stdin.stderr and stdin.stderr.count("\n") == 1


def test_a_folder_that_cannot_be_read_is_reported_even_when_running_as_root(tmp_path, monkeypatch):
    """The same as above where permissions cannot be taken away (root): the OS's refusal simulated."""
    from flake8_secure_random.files import python_files

    _write(tmp_path, ["app.py", "locked/x.py"])
    real_scandir = os.scandir

    def scandir(path="."):
        if os.path.basename(os.fspath(path)) == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = [(os.path.relpath(p, tmp_path), str(problem) if problem else None) for p, problem in python_files([str(tmp_path)])]
    assert found == [("app.py", None), ("locked", "permission denied")]


def test_whether_a_file_is_a_test_does_not_depend_on_how_its_path_is_typed(tmp_path):
    """Judged relative to the project's top folder (the pyproject.toml's, else .git/setup.py's)."""
    project = tmp_path / "tests" / "myproject"  # a checkout that happens to sit under a `tests` folder
    _write(project, ["pkg/__init__.py", "pkg/test/__init__.py", "pkg/test/client.py", "tests/helpers.py", "app.py"])
    for empty in ("pkg/__init__.py", "pkg/test/__init__.py"):
        (project / empty).write_text("")
    (project / "pyproject.toml").write_text("[project]\nname = 'myproject'\n")
    wanted = ["app.py", "pkg/test/client.py"]
    assert _reported(_real(["check", "."], project)) == wanted
    absolute = _real(["check", str(project)], project)  # as editors pass paths to flake8
    assert sorted(os.path.relpath(line.split(":")[0], project) for line in absolute.stdout.splitlines()) == wanted
    assert _reported(_real(["check", "."], project / "tests")) == []  # from inside tests/: still tests
    assert _reported(_real(["check", "tests/../pkg/test/client.py"], project)) == ["tests/../pkg/test/client.py"]
    flake8 = subprocess.run([sys.executable, "-m", "flake8", "--select", "RND", str(project)], cwd=project,
                            capture_output=True, text=True)
    assert sorted({os.path.relpath(line.split(":")[0], project) for line in flake8.stdout.splitlines()}) == wanted


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symbolic links")
def test_test_paths_hold_through_a_linked_folder(tmp_path):
    real = tmp_path / "real"
    _write(real, ["qa/helpers.py", "app.py"])
    (real / "pyproject.toml").write_text('[tool.secure-random]\ntest-paths = ["qa/"]\n')
    os.symlink(real, tmp_path / "link")
    proc = _real(["check", str(tmp_path / "link" / "qa" / "helpers.py"), str(tmp_path / "link" / "app.py")], real)
    assert [os.path.basename(line.split(":")[0]) for line in proc.stdout.splitlines()] == ["app.py"]


@needs_git
def test_without_git_the_ignore_files_are_read_and_the_user_is_told(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    _write(tmp_path, ["app.py", "generated/out.py"])
    (tmp_path / ".gitignore").write_text("generated/\n")
    env = {k: v for k, v in os.environ.items() if k != "SECURE_RANDOM_CACHE_DIR"} | {"SECURE_RANDOM_NO_CACHE": "1"}
    env["PATH"] = str(tmp_path / "no-git-here")  # git cannot be found
    proc = subprocess.run([sys.executable, "-m", "flake8_secure_random", "check", "."], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert _reported(proc) == ["app.py"]
    assert proc.stderr.count("\n") == 1 and "git is not installed" in proc.stderr and "warning" in proc.stderr


@needs_git
def test_a_checked_trees_git_configuration_runs_nothing(tmp_path):
    """`core.fsmonitor` is a command git runs; the checked code and its repository are never run."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    _write(tmp_path, ["app.py"])
    subprocess.run(["git", "add", "app.py"], cwd=tmp_path, check=True)
    marker = tmp_path / "ran"
    subprocess.run(["git", "config", "core.fsmonitor", f"touch {marker}; false"], cwd=tmp_path, check=True)
    assert _reported(_real(["check", "."], tmp_path)) == ["app.py"]
    assert not marker.exists()


@needs_git
def test_a_case_only_rename_is_found_where_git_ignores_case(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "config", "core.ignorecase", "true"], cwd=tmp_path, check=True)
    _write(tmp_path, ["app/tokens.py"])
    subprocess.run(["git", "add", "app/tokens.py"], cwd=tmp_path, check=True)
    (tmp_path / "app").rename(tmp_path / "App")  # renamed on disk, the index still says app/
    (tmp_path / "App" / "tokens.py").rename(tmp_path / "App" / "Tokens.py")
    assert _reported(_real(["check", "."], tmp_path)) == ["App/Tokens.py"]


def test_where_the_command_runs_does_not_decide_what_is_a_test(tmp_path):
    project = tmp_path / "tests" / "proj"
    _write(project, ["app/tokens.py", "lib/__init__.py", "lib/test/__init__.py", "lib/test/client.py"])
    for empty in ("lib/__init__.py", "lib/test/__init__.py"):
        (project / empty).write_text("")
    (project / "setup.py").write_text("")
    other = tmp_path / "elsewhere"
    other.mkdir()
    for cwd in (other, tmp_path):  # from a folder in no project, from the folder above
        proc = _real(["check", str(project / "app" / "tokens.py"), os.path.relpath(project / "lib" / "test" / "client.py", cwd)], cwd)
        assert len(proc.stdout.splitlines()) == 2, (cwd, proc.stdout, proc.stderr)


def test_the_last_gitignore_flag_wins(tmp_path):
    _write(tmp_path, ["app.py"])
    assert _real(["check", "--respect-gitignore", "--no-respect-gitignore", "."], tmp_path).returncode == 1
