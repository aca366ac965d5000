"""The plugin through real flake8 processes: entry point, prefix, exact output lines, options."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from flake8_secure_random import __version__

BAD = textwrap.dedent(
    """\
    import random
    import string


    def make_password(n=12):
        password = "".join(random.choice(string.ascii_letters) for _ in range(n))
        return password


    def roll():
        return random.randint(1, 6)


    voucher = random.randint(0, 10**8)
    otp = random.randint(100000, 999999)  # noqa: RND101
    """
)


def flake8(tmp_path, *args):
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "RND1,RND2,RND3", *args, "example.py"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert proc.stderr == ""
    return proc.returncode, proc.stdout.splitlines()


@pytest.fixture
def project(tmp_path):
    (tmp_path / "example.py").write_text(BAD)
    return tmp_path


def test_exact_output(project):
    code, out = flake8(project)
    assert code == 1
    assert out == ["example.py:6:24: RND101 random.choice() builds 'password'; use secrets.choice()"]


def test_option_from_config_file(project):
    (project / "setup.cfg").write_text("[flake8]\nsecure-random-extend-sensitive-words = voucher\n")
    _, out = flake8(project)
    assert [line.split(": ", 1)[0].rsplit(":", 2)[-2] for line in out] == ["6", "14"]
    assert out[1].endswith("14:11: RND101 random.randint() builds 'voucher'; use secrets.SystemRandom().randint()")


def test_option_on_the_command_line(project):
    _, out = flake8(project, "--secure-random-extend-sensitive-words=voucher,roll")
    assert [line.split(":")[-3] for line in out] == ["6", "11", "14"]
    assert out[1] == "example.py:11:12: RND101 random.randint() builds 'roll()'; use secrets.randbelow()"


def test_disable_noqa_shows_silenced_findings(project):
    _, out = flake8(project, "--disable-noqa")
    assert [line.split(":")[-3] for line in out] == ["6", "15"]


def test_test_files_need_the_option(tmp_path):
    (tmp_path / "test_example.py").write_text(BAD)
    args = [sys.executable, "-m", "flake8", "--select", "RND1", "test_example.py"]
    quiet = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True)
    loud = subprocess.run(args + ["--secure-random-include-tests"], cwd=tmp_path, capture_output=True, text=True)
    assert quiet.stdout == "" and quiet.returncode == 0
    assert "RND101" in loud.stdout


def test_strict_mode_is_off_by_default_and_extend_select_turns_it_on(project):
    plain = subprocess.run([sys.executable, "-m", "flake8", "example.py"], cwd=project, capture_output=True, text=True)
    assert [line.split(": ")[1].split()[0] for line in plain.stdout.splitlines() if ": RND" in line] == ["RND101"]
    strict = subprocess.run([sys.executable, "-m", "flake8", "--extend-select", "RND9", "example.py"],
                            cwd=project, capture_output=True, text=True)
    assert "example.py:11:12: RND901 random.randint() is not a cryptographically secure call; " \
           "use secrets if the value must be unpredictable" in strict.stdout.splitlines()


def test_version_lists_the_plugin():
    proc = subprocess.run([sys.executable, "-m", "flake8", "--version"], capture_output=True, text=True)
    assert f"flake8-secure-random: {__version__}" in proc.stdout


def test_plugin_yields_flake8_tuples_in_process():
    import ast

    from flake8_secure_random.flake8_plugin import SecureRandomChecker

    lines = BAD.splitlines(keepends=True)
    results = list(SecureRandomChecker(ast.parse(BAD), "example.py", lines).run())
    assert [(r[0], r[1], r[2].split()[0], r[3]) for r in results] == [(6, 23, "RND101", SecureRandomChecker)]


def test_pyproject_settings_are_read_and_flake8_options_add_to_them(project):
    (project / "pyproject.toml").write_text('[tool.secure-random]\nextend-sensitive-words = ["voucher"]\n')
    _, out = flake8(project)
    assert [line.split(":")[-3] for line in out] == ["6", "14"]  # `voucher` from [tool.secure-random]
    _, out = flake8(project, "--secure-random-extend-sensitive-words=roll")
    assert [line.split(":")[-3] for line in out] == ["6", "11", "14"]  # both lists
