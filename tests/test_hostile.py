"""Hostile input: every file gets a one-line message and exit 2 (or a clean result), never a traceback,
and the fixer never writes a file it could not handle."""
from __future__ import annotations

import ast
import io
import os
import subprocess
import sys

import pytest

from flake8_secure_random.analysis import find
from flake8_secure_random.cli import main
from flake8_secure_random.flake8_plugin import SecureRandomChecker

GOOD = b"import random\ntoken = random.getrandbits(64)\n"

CATALOGUE = {
    "syntax-error": (b"import random\ndef f(:\n", 2),
    "non-utf8-without-cookie": (b"import random\nname = '\xe9\xff'\n", 2),
    "nul-byte": (b"import random\nx = 1\x00\n", 2),
    "binary-garbage": (bytes(range(256)) * 4, 2),
    "empty": (b"", 0),
    "bad-cookie": (b"# -*- coding: no-such-codec -*-\nimport random\n", 2),
    "deep-nesting-parser": (b"import random\ntoken = " + b" + ".join([b"random.random()"] * 50000) + b"\n", 2),
}
# Syntax from a newer Python than the one running: a type alias (3.12) or an unparenthesised
# `except A, B` (3.14).
if sys.version_info < (3, 12):
    CATALOGUE["newer-syntax"] = (b"import random\ntype Token = str\n", 2)
elif sys.version_info < (3, 14):
    CATALOGUE["newer-syntax"] = (b"import random\ntry:\n    pass\nexcept ValueError, TypeError:\n    pass\n", 2)


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("name", sorted(CATALOGUE))
@pytest.mark.parametrize("command", ["check", "fix"])
def test_each_bad_file_gets_one_line_and_the_rest_is_processed(tmp_path, name, command):
    data, expected = CATALOGUE[name]
    bad = tmp_path / "bad.py"
    bad.write_bytes(data)
    other = tmp_path / "other.py"
    other.write_bytes(GOOD)
    code, out, err = run([command, str(bad), str(other)])
    if expected == 2:
        assert code == 2
        [line] = [x for x in err.splitlines() if x.startswith(str(bad))]
        assert line.startswith(f"{bad}: ") and "Traceback" not in err
    else:
        assert code == 1 and str(bad) not in err  # the other file's finding, nothing about the empty one
    assert bad.read_bytes() == data  # never written
    if command == "fix":
        assert other.read_bytes() != GOOD  # the good file was still fixed
    else:
        assert f"{other}:2:9: RND101" in out  # the good file was still checked


def test_deep_nesting_is_rewritten_exactly(tmp_path):
    # Edits are made on the text by the ast's spans, so depth costs nothing (libcst's recursion
    # stopped the previous fixer here).
    data = b"import random\ntoken = " + b"[" * 150 + b"random.random()" + b"]" * 150 + b"\n"
    path = tmp_path / "deep.py"
    path.write_bytes(data)
    code, _, err = run(["fix", str(path)])
    assert (code, err) == (1, f"Rewriting {path}\n")
    assert path.read_bytes() == data.replace(b"import random", b"import secrets").replace(
        b"random.random()", b"secrets.SystemRandom().random()")


def test_form_feeds_and_separators_do_not_shift_lines():
    src = "import random\ns = '\x0c\x1c\u2028'\n\x0c\npassword = random.choice('ab')  # noqa: E501\ntoken = random.choice('ab')  # noqa: RND101\n"
    [f] = find(src)
    assert (f.line, f.col) == (4, 11)


def test_directory_named_like_a_file_and_missing_paths(tmp_path):
    (tmp_path / "pkg.py").mkdir()
    (tmp_path / "pkg.py" / "inner.py").write_bytes(GOOD)
    code, out, err = run(["check", str(tmp_path / "pkg.py"), str(tmp_path / "nope.py")])
    assert code == 2 and "RND101" in out and err == f"{tmp_path / 'nope.py'}: no such file or directory\n"


def test_symlink_loop_does_not_hang(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "a.py").write_bytes(GOOD)
    code, out, _ = run(["check", str(tmp_path)])
    assert code == 1 and out.count("RND101") == 1


def test_the_plugin_survives_a_pathological_tree():
    source = "import random\ntoken = " + "(" * 1 + " + ".join(["random.random()"] * 2500) + ")\n"
    try:
        tree = ast.parse(source)
    except RecursionError:
        pytest.skip("this interpreter's parser refuses the file first")
    lines = source.splitlines(keepends=True)
    assert isinstance(list(SecureRandomChecker(tree, "x.py", lines).run()), list)


def test_code_is_never_imported_or_run(tmp_path):
    marker = tmp_path / "ran"
    (tmp_path / "evil.py").write_text(
        f"import random\nopen({str(marker)!r}, 'w').close()\ntoken = random.getrandbits(8)\n"
    )
    assert run(["check", str(tmp_path)])[0] == 1
    assert run(["fix", str(tmp_path)])[0] == 1
    assert not marker.exists()
    assert os.path.exists(tmp_path / "evil.py")


def test_a_ten_megabyte_file(tmp_path):
    path = tmp_path / "big.py"
    path.write_text("import random\n" + ("# " + "x" * 97 + "\n") * 100_000 + "token = random.getrandbits(64)\n")
    assert path.stat().st_size >= 10_000_000
    code, out, _ = run(["check", str(path)])
    assert code == 1 and f"{path}:100002:9: RND101" in out
    assert run(["fix", str(path)])[0] == 1
    assert path.read_text().endswith("token = secrets.randbits(64)\n")


def test_mixed_newlines_are_kept_or_the_file_is_left_alone(tmp_path):
    data = b"import random\r\nx = 1\n\rtoken = random.getrandbits(64)\r\ny = 2\n"
    path = tmp_path / "mixed.py"
    path.write_bytes(data)
    code, _, err = run(["fix", str(path)])
    new = path.read_bytes()
    if code == 1:  # rewritten: only the two changed spans differ, every newline is where it was
        assert new == data.replace(b"import random", b"import secrets").replace(b"random.getrandbits", b"secrets.randbits")
    else:
        assert code == 2 and new == data and "left alone" in err


def test_an_unreadable_file_is_one_line(tmp_path, monkeypatch):
    from flake8_secure_random import files

    path = tmp_path / "secret.py"
    path.write_bytes(GOOD)
    real_open = open

    def deny(name, *args, **kwargs):
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(files, "open", deny, raising=False)
    code, _, err = run(["check", str(path)])
    assert (code, err) == (2, f"{path}: permission denied\n")


def test_nothing_to_change_means_no_write(tmp_path):
    path = tmp_path / "dice.py"
    path.write_text("import random\nroll = random.randint(1, 6)\n")
    before = os.stat(path)
    assert run(["fix", str(path)])[0] == 0
    after = os.stat(path)
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


def test_concurrent_fix_processes_do_not_interfere(tmp_path):
    import subprocess

    paths = []
    for i in range(6):
        p = tmp_path / f"m{i}.py"
        p.write_bytes(GOOD)
        paths.append(p)
    procs = [subprocess.Popen([sys.executable, "-m", "flake8_secure_random", "fix", str(p)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for p in paths]
    assert [proc.wait() for proc in procs] == [1] * 6
    assert all(p.read_bytes() == b"import secrets\ntoken = secrets.randbits(64)\n" for p in paths)
    assert sorted(x.name for x in tmp_path.iterdir()) == sorted(p.name for p in paths)  # no temp files left


def test_check_and_fix_diff_over_the_whole_stdlib():
    import sysconfig

    stdlib = sysconfig.get_paths()["stdlib"]
    for argv in (["check", "--include-tests", stdlib], ["fix", "--diff", "--include-tests", stdlib]):
        code, _, err = run(argv)
        assert code in (0, 1, 2) and "Traceback" not in err
        assert all(": " in line for line in err.splitlines())  # one line per file it could not handle


def test_warnings_about_the_checked_code_are_not_printed(tmp_path):
    import subprocess

    path = tmp_path / "escapes.py"
    path.write_text('import random\npattern = "\\d+"\ntoken = random.getrandbits(64)\n')
    proc = subprocess.run([sys.executable, "-W", "error", "-m", "flake8_secure_random", "check", str(path)],
                          capture_output=True, text=True)
    assert (proc.returncode, proc.stderr) == (1, "")
    assert proc.stdout.startswith(f"{path}:3:9: RND101")


def test_a_fifo_named_like_a_module_is_not_read(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "pipe.py")
    (tmp_path / "auth.py").write_text("import random\ntoken = random.choice('ab')\n")
    proc = subprocess.run([sys.executable, "-m", "flake8_secure_random", "check", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "auth.py:2:9: RND101" in proc.stdout and proc.stderr == ""


def test_a_pyproject_whose_tool_is_not_a_table(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("tool = 5\n")
    (tmp_path / "auth.py").write_text("import random\ntoken = random.choice('ab')\n")
    assert run(["check", "auth.py"])[0] == 1
