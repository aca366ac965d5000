"""The two hooks through the real pre-commit, against this repository at HEAD, in a scratch git repo."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

APP = textwrap.dedent(
    """\
    import random
    import string


    def new_password():
        return "".join(random.choice(string.ascii_letters) for _ in range(16))


    def roll():
        return random.randint(1, 6)
    """
)


def _git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def _project(tmp_path, hooks):
    rev = _git("rev-parse", "HEAD", cwd=ROOT)
    project = tmp_path / "project"
    project.mkdir()
    _git("init", "-q", cwd=project)
    (project / "app.py").write_text(APP)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT.as_posix()}\n    rev: {rev}\n    hooks:\n" + "".join(f"      - id: {h}\n" for h in hooks)
    )
    _git("add", "-A", cwd=project)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), PRE_COMMIT_COLOR="never")

    def pre_commit(*args):
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", *args, "--all-files"],
                              cwd=project, env=env, capture_output=True, text=True)

    return project, pre_commit


needs_git = pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                               reason="needs this repository's git history")


@needs_git
def test_the_recommended_hook_fixes_and_reports_what_is_left_once(tmp_path):
    """One hook (`secure-random`, README): rewrites what has a fix, reports the rest, each finding
    printed once; the next run passes once the rewrite is staged and the rest fixed by hand."""
    project, pre_commit = _project(tmp_path, ["secure-random"])
    # a 32-bit session key has no automatic fix (its length is the author's choice)
    (project / "app.py").write_text(APP.replace("import string\n", "import string\nimport secrets\n")
                                    + "\n\nSESSION_KEY = secrets.token_hex(4)\n")
    _git("add", "-A", cwd=project)
    first = pre_commit()
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert "Rewriting app.py" in output
    fixed = (project / "app.py").read_text()
    assert 'return "".join(secrets.choice(string.ascii_letters) for _ in range(16))' in fixed
    assert "return random.randint(1, 6)" in fixed  # the dice roll is not a secret
    # what has no fix is reported, once, at its place in the rewritten file
    left = [line for line in output.splitlines() if ": RND" in line]
    assert len(left) == len(set(left)) >= 1, output
    assert all(line.startswith("app.py:") for line in left), output
    assert not any("RND101 random.choice()" in line for line in left)  # rewritten, so not reported
    for line in left:
        number = int(line.split(":")[1])
        assert "secrets.token_hex(4)" in fixed.splitlines()[number - 1], (line, fixed)

    (project / "app.py").write_text(fixed.replace("secrets.token_hex(4)", "secrets.token_hex(32)"))
    _git("add", "-A", cwd=project)
    again = pre_commit()
    assert again.returncode == 0, again.stdout + again.stderr


@needs_git
def test_check_and_fix_hooks_with_real_pre_commit(tmp_path):
    project, pre_commit = _project(tmp_path, ["secure-random-check", "secure-random"])

    check = pre_commit("secure-random-check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "app.py:6:20: RND101 random.choice() builds 'new_password()'; use secrets.choice()" in check.stdout

    fix = pre_commit("secure-random")
    assert fix.returncode == 1, fix.stdout + fix.stderr  # pre-commit fails a hook that changed files
    assert "Rewriting app.py" in fix.stdout
    fixed = (project / "app.py").read_text()
    assert 'return "".join(secrets.choice(string.ascii_letters) for _ in range(16))' in fixed
    assert "return random.randint(1, 6)" in fixed  # the dice roll is not a secret

    _git("add", "-A", cwd=project)
    again = pre_commit()
    assert again.returncode == 0, again.stdout + again.stderr
