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


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs this repository's git history")
def test_check_and_fix_hooks_with_real_pre_commit(tmp_path):
    rev = _git("rev-parse", "HEAD", cwd=ROOT)
    project = tmp_path / "project"
    project.mkdir()
    _git("init", "-q", cwd=project)
    (project / "app.py").write_text(APP)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT.as_posix()}\n    rev: {rev}\n    hooks:\n"
        "      - id: secure-random-check\n      - id: secure-random\n"
    )
    _git("add", "-A", cwd=project)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), PRE_COMMIT_COLOR="never")

    def pre_commit(*args):
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", *args, "--all-files"],
                              cwd=project, env=env, capture_output=True, text=True)

    check = pre_commit("secure-random-check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "app.py:6:20: RND101 random.choice() builds 'new_password()'; use secrets.choice()" in check.stdout

    fix = pre_commit("secure-random")
    assert fix.returncode == 1, fix.stdout + fix.stderr
    assert "Rewriting app.py" in fix.stdout
    fixed = (project / "app.py").read_text()
    assert 'return "".join(secrets.choice(string.ascii_letters) for _ in range(16))' in fixed
    assert "return random.randint(1, 6)" in fixed  # the dice roll is not a secret

    _git("add", "-A", cwd=project)
    again = pre_commit()
    assert again.returncode == 0, again.stdout + again.stderr
