"""`secure-random fix` and the libcst codemod keep every byte they do not rewrite: stdin to stdout in
the input's encoding, stdin they cannot handle echoed unchanged, diffs that `git apply` takes, and
files that keep their permissions, owner, group and hard links."""
from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
import sys

import pytest

from flake8_secure_random import files
from flake8_secure_random.cli import main

BAD = b"import random\n\ntoken = '%x' % random.getrandbits(64)\n"
FIXED = b"import secrets\n\ntoken = '%x' % secrets.randbits(64)\n"
LATIN1 = b"# -*- coding: latin-1 -*-\r\nimport random\r\n\r\nname = '\xe9'\r\ntoken = '%x' % random.getrandbits(64)\r\n"
LATIN1_FIXED = b"# -*- coding: latin-1 -*-\r\nimport secrets\r\n\r\nname = '\xe9'\r\ntoken = '%x' % secrets.randbits(64)\r\n"
BOM = b"\xef\xbb\xbfimport random\r\n\r\ntoken = '%x' % random.getrandbits(64)"  # no final newline
BOM_FIXED = b"\xef\xbb\xbfimport secrets\r\n\r\ntoken = '%x' % secrets.randbits(64)"
NO_EOL = BAD.rstrip(b"\n")
NO_EOL_FIXED = FIXED.rstrip(b"\n")
CRLF = BAD.replace(b"\n", b"\r\n")
CRLF_FIXED = FIXED.replace(b"\n", b"\r\n")
DICE = b"# -*- coding: latin-1 -*-\nimport random\nname = '\xe9'\nroll = random.randint(1, 6)\n"  # nothing to fix

ASCII_C = {"PYTHONIOENCODING": "ascii", "LC_ALL": "C"}


def cli(args, data=b"", cwd=None, env=None):
    """The real command in a subprocess, bytes in and out."""
    return subprocess.run([sys.executable, "-m", "flake8_secure_random", *args], input=data,
                          capture_output=True, cwd=cwd, env=dict(os.environ, **(env or {})))


def codemod(path):
    """The README's libcst codemod command on one file, in its folder."""
    return subprocess.run(
        [sys.executable, "-m", "libcst.tool", "codemod", "--no-format", "-x",
         "flake8_secure_random.codemod.SecureRandomCommand", str(path)],
        capture_output=True, text=True, cwd=path.parent,
    )


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# 1. stdin -> stdout in the input's own encoding


@pytest.mark.parametrize("env", [None, ASCII_C], ids=["default", "ascii-C"])
@pytest.mark.parametrize("data, expected, code", [
    (LATIN1, LATIN1_FIXED, 1),  # latin-1 bytes stay latin-1, CRLF stays
    (BOM, BOM_FIXED, 1),  # the BOM stays, no final newline is added
    (CRLF, CRLF_FIXED, 1),
    (DICE, DICE, 0),  # nothing to fix: the same bytes
], ids=["latin1-crlf", "bom-no-eol", "crlf", "unchanged"])
def test_stdin_to_stdout_keeps_the_bytes(tmp_path, env, data, expected, code):
    proc = cli(["fix", "-"], data, cwd=tmp_path, env=env)
    assert (proc.returncode, proc.stdout) == (code, expected), proc.stderr
    assert proc.stderr == b""


def test_stdin_to_a_stream_without_a_buffer_gets_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(LATIN1)))
    assert run(["fix", "-"]) == (1, LATIN1_FIXED.decode("latin-1"), "")


# 2. stdin that cannot be handled is echoed unchanged, exit 2


@pytest.mark.parametrize("env", [None, ASCII_C], ids=["default", "ascii-C"])
@pytest.mark.parametrize("data, message", [
    (b"\xff\xfe garbage", b"-: cannot decode as utf-8: invalid start byte at byte 0\n"),
    (b"# -*- coding: no-such-codec -*-\nimport random\ntoken = random.getrandbits(64)\n", b"-: cannot decode: "),
    (b"import random\ntoken = random.getrandbits(64)\ndef f(:\n", b"-: cannot parse: "),
    (b"# -*- coding: latin-1 -*-\nimport random\nname = '\xe9'\ntoken = random.getrandbits(64)\ndef f(:\n", b"-: cannot parse: "),
], ids=["not-utf8", "unknown-cookie", "syntax-error", "latin1-syntax-error"])
def test_stdin_that_cannot_be_fixed_is_echoed(tmp_path, env, data, message):
    proc = cli(["fix", "-"], data, cwd=tmp_path, env=env)
    assert (proc.returncode, proc.stdout) == (2, data)
    assert proc.stderr.startswith(message) and proc.stderr.count(b"\n") == 1, proc.stderr


def test_a_file_its_encoding_cannot_give_back_is_left_alone(tmp_path):
    # utf-7 reads "+AGE-" as "a" but writes "a": re-encoding would change a byte nobody asked to change.
    data = b'# coding: utf-7\nimport random\nname = "+AGE-"\ntoken = random.getrandbits(64)\n'
    path = tmp_path / "u7.py"
    path.write_bytes(data)
    assert run(["fix", str(path)]) == (2, "", f"{path}: cannot rewrite: encoding it again as utf-7 would change other bytes\n")
    assert path.read_bytes() == data
    proc = cli(["fix", "-"], data, cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, data)


# 3. --diff: git's headers, `\ No newline at end of file`, the file's bytes; `git apply` takes it


def test_diff_is_exact(tmp_path):
    (tmp_path / "auth.py").write_bytes(NO_EOL)
    (tmp_path / "name.py").write_bytes(LATIN1)
    proc = cli(["fix", "--diff", "auth.py", "./name.py"], cwd=tmp_path, env=ASCII_C)
    assert (proc.returncode, proc.stderr) == (1, b"")
    assert proc.stdout == (
        b"--- a/auth.py\n+++ b/auth.py\n@@ -1,3 +1,3 @@\n"
        b"-import random\n+import secrets\n \n"
        b"-token = '%x' % random.getrandbits(64)\n\\ No newline at end of file\n"
        b"+token = '%x' % secrets.randbits(64)\n\\ No newline at end of file\n"
        b"--- a/name.py\n+++ b/name.py\n@@ -1,5 +1,5 @@\n"
        b" # -*- coding: latin-1 -*-\r\n-import random\r\n+import secrets\r\n \r\n name = '\xe9'\r\n"
        b"-token = '%x' % random.getrandbits(64)\r\n+token = '%x' % secrets.randbits(64)\r\n"
    )
    assert (tmp_path / "auth.py").read_bytes() == NO_EOL and (tmp_path / "name.py").read_bytes() == LATIN1


def git(repo, *args, data=None):
    return subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "core.autocrlf=false",
                           *args], cwd=repo, input=data, capture_output=True, check=True)


@pytest.mark.parametrize("data, expected", [
    (NO_EOL, NO_EOL_FIXED), (CRLF, CRLF_FIXED), (LATIN1, LATIN1_FIXED), (BOM, BOM_FIXED),
], ids=["no-final-newline", "crlf", "latin1", "bom"])
def test_git_apply_takes_the_diff_and_gets_what_fix_writes(tmp_path, data, expected):
    path = tmp_path / "file.py"
    path.write_bytes(data)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "file.py")
    git(tmp_path, "commit", "-q", "-m", "start")
    proc = cli(["fix", "--diff", "file.py"], cwd=tmp_path)
    assert proc.returncode == 1 and path.read_bytes() == data, proc.stderr
    git(tmp_path, "apply", "--check", data=proc.stdout)
    git(tmp_path, "apply", data=proc.stdout)
    applied = path.read_bytes()
    git(tmp_path, "checkout", "--", "file.py")
    assert cli(["fix", "file.py"], cwd=tmp_path).returncode == 1
    assert applied == path.read_bytes() == expected


# 4. permissions, owner, group, hard links


def temp_files(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_read_only_file_is_not_rewritten(tmp_path):
    locked, other = tmp_path / "a_locked.py", tmp_path / "b_other.py"
    locked.write_bytes(BAD)
    other.write_bytes(BAD)
    os.chmod(locked, 0o444)
    code, out, err = run(["fix", str(tmp_path)])
    assert (code, out, err) == (2, "", f"{locked}: permission denied\nRewriting {other}\n")
    assert locked.read_bytes() == BAD and stat.S_IMODE(os.stat(locked).st_mode) == 0o444
    assert other.read_bytes() == FIXED and temp_files(tmp_path) == []


needs_root = pytest.mark.skipif(getattr(os, "geteuid", lambda: -1)() != 0, reason="chown to another user needs root")


@needs_root
def test_owner_group_and_mode_are_kept(tmp_path):
    path = tmp_path / "auth.py"
    path.write_bytes(BAD)
    os.chown(path, 1234, 1234)
    os.chmod(path, 0o640)
    assert run(["fix", str(path)])[0] == 1
    st = os.stat(path)
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (1234, 1234, 0o640)
    assert path.read_bytes() == FIXED and temp_files(tmp_path) == []


@needs_root
def test_where_chown_is_not_permitted_the_file_is_written_in_place(tmp_path, monkeypatch):
    path = tmp_path / "auth.py"
    path.write_bytes(BAD)
    os.chown(path, 1234, 1234)
    inode = os.stat(path).st_ino

    def not_permitted(*args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(files.os, "chown", not_permitted)
    assert run(["fix", str(path)])[0] == 1
    st = os.stat(path)
    assert (st.st_ino, st.st_uid, st.st_gid) == (inode, 1234, 1234)
    assert path.read_bytes() == FIXED and temp_files(tmp_path) == []


def test_in_a_folder_that_refuses_new_files_the_file_is_written_in_place(tmp_path, monkeypatch):
    import tempfile

    path = tmp_path / "auth.py"
    path.write_bytes(BAD)
    inode = os.stat(path).st_ino

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    assert run(["fix", str(path)]) == (1, "", f"Rewriting {path}\n")
    assert path.read_bytes() == FIXED and os.stat(path).st_ino == inode


def test_hard_links_stay_one_file(tmp_path):
    path, alias = tmp_path / "auth.py", tmp_path / "alias.py"
    path.write_bytes(BAD)
    os.link(path, alias)
    inode = os.stat(path).st_ino
    assert run(["fix", str(path)]) == (1, "", f"Rewriting {path}\n")
    assert path.read_bytes() == alias.read_bytes() == FIXED
    assert os.stat(path).st_ino == os.stat(alias).st_ino == inode and os.stat(path).st_nlink == 2


def test_a_single_link_file_is_replaced_by_a_rename(tmp_path):
    path = tmp_path / "auth.py"
    path.write_bytes(BAD)
    inode = os.stat(path).st_ino
    assert run(["fix", str(path)])[0] == 1
    assert path.read_bytes() == FIXED and os.stat(path).st_ino != inode and temp_files(tmp_path) == []


# 5. the libcst codemod keeps the encoding, the BOM and the newlines


@pytest.mark.parametrize("data, expected", [(LATIN1, LATIN1_FIXED), (BOM, BOM_FIXED)], ids=["latin1-crlf", "bom-crlf"])
def test_libcst_codemod_keeps_the_bytes(tmp_path, data, expected):
    path = tmp_path / "auth.py"
    path.write_bytes(data)
    proc = codemod(path)
    assert proc.returncode == 0 and "Transformed 1 files successfully" in proc.stderr, proc.stderr
    assert path.read_bytes() == expected


@pytest.mark.parametrize("data", [
    b"import random\n\x0ctoken = \x0crandom.choice('ab')\n",  # form feeds libcst does not keep
    b"import random\rtoken = random.choice('ab')\r",  # lone CR newlines
], ids=["form-feeds", "lone-cr"])
def test_libcst_codemod_skips_a_file_libcst_does_not_reproduce(tmp_path, data):
    path = tmp_path / "auth.py"
    path.write_bytes(data)
    proc = codemod(path)
    assert "Skipped 1 files" in proc.stderr and "byte for byte" in proc.stderr, proc.stderr
    assert path.read_bytes() == data
    assert cli(["fix", str(path)]).returncode == 1  # the command line rewrites it exactly
    assert path.read_bytes() == data.replace(b"import random", b"import secrets").replace(
        b"random.choice", b"secrets.choice")


# the --diff header names as git writes them, for git apply and patch


@pytest.mark.parametrize("name", ["my file.py", "tab\tx.py", "\u00e9.py", 'q"x.py'], ids=["space", "tab", "non-ascii", "quote"])
def test_git_apply_and_patch_take_diffs_of_awkward_file_names(tmp_path, name):
    git(tmp_path, "init", "-q")
    (tmp_path / name).write_bytes(BAD)
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "x")
    diff = cli(["fix", "--diff", name], cwd=tmp_path).stdout
    git(tmp_path, "apply", "--check", data=diff)
    if shutil.which("patch"):
        subprocess.run(["patch", "-p1", "--dry-run"], cwd=tmp_path, input=diff, capture_output=True, check=True)
    git(tmp_path, "apply", data=diff)
    assert (tmp_path / name).read_bytes() == FIXED


def test_a_closed_pipe_ends_quietly(tmp_path):
    for i in range(200):
        (tmp_path / f"m{i}.py").write_bytes(BAD)
    for args in (["check", "."], ["fix", "--diff", "."]):
        proc = subprocess.run(f"{sys.executable} -m flake8_secure_random {' '.join(args)} | head -c 10",
                              shell=True, cwd=tmp_path, capture_output=True)
        assert proc.stderr == b"" and len(proc.stdout) == 10, proc.stderr
