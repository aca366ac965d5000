"""`secure-random check`: files, folders, stdin, output formats, exit codes, config and bad input."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from flake8_secure_random.cli import main

BAD = "import random\n\ntoken = '%x' % random.getrandbits(64)\n"
GOOD = "import random\n\nroll = random.randint(1, 6)\n"


def run(argv, cwd=None):
    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        code = main(argv, out=out, err=err)
    finally:
        os.chdir(old)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "auth.py").write_text(BAD)
    (tmp_path / "pkg" / "dice.py").write_text(GOOD)
    (tmp_path / "pkg" / "notes.txt").write_text(BAD)
    for skipped in (".venv/lib", ".git", "build", "pkg/__pycache__", "pkg/tests"):
        (tmp_path / skipped).mkdir(parents=True, exist_ok=True)
        (tmp_path / skipped / "x.py").write_text(BAD)
    return tmp_path


def test_findings_exit_1_in_flake8_format(tree):
    code, out, err = run(["check", "."], cwd=tree)
    assert (code, err) == (1, "")
    assert out == "pkg/auth.py:3:16: RND101 random.getrandbits() builds 'token'; use secrets.randbits()\n".replace(
        "pkg/", os.path.join(".", "pkg") + "/"
    )


def test_clean_exit_0(tree):
    assert run(["check", str(tree / "pkg" / "dice.py")]) == (0, "", "")


def test_explicit_file_and_include_tests(tree):
    code, out, _ = run(["check", "--include-tests", "pkg"], cwd=tree)
    assert code == 1 and out.count("RND101") == 2  # pkg/auth.py and pkg/tests/x.py; caches still skipped


def test_json_format(tree):
    code, out, _ = run(["check", "--format", "json", str(tree / "pkg")])
    assert code == 1
    [item] = json.loads(out)
    assert item == {
        "path": str(tree / "pkg" / "auth.py"), "line": 3, "col": 16, "end_line": 3, "end_col": 38,
        "code": "RND101", "message": "random.getrandbits() builds 'token'; use secrets.randbits()",
        "why": "random.getrandbits() on line 3 is assigned to 'token' on line 3",
    }


def test_json_format_clean_is_an_empty_list(tree):
    code, out, _ = run(["check", "--format", "json", str(tree / "pkg" / "dice.py")])
    assert (code, json.loads(out)) == (0, [])


def test_bad_files_exit_2_and_the_rest_is_still_checked(tree):
    (tree / "pkg" / "broken.py").write_text("import random\ndef f(:\n")
    (tree / "pkg" / "latin.py").write_bytes(b"import random\nname = '\xe9'\n")
    code, out, err = run(["check", "pkg", "missing.py"], cwd=tree)
    assert code == 2
    assert "RND101" in out
    errors = sorted(err.splitlines())
    assert len(errors) == 3
    assert errors[0] == "missing.py: no such file or directory"
    assert errors[1].startswith(os.path.join("pkg", "broken.py") + ": cannot parse: ")
    assert errors[2].startswith(os.path.join("pkg", "latin.py") + ": cannot decode")


def test_stdin(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "flake8_secure_random", "check", "-"], input=BAD, capture_output=True, text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 1
    assert proc.stdout == "-:3:16: RND101 random.getrandbits() builds 'token'; use secrets.randbits()\n"


def test_stdin_filename_decides_test_files(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "flake8_secure_random", "check", "--stdin-filename", "tests/test_x.py", "-"],
        input=BAD, capture_output=True, text=True, cwd=tmp_path,
    )
    assert (proc.returncode, proc.stdout) == (0, "")


def test_config_from_pyproject(tree):
    (tree / "pkg" / "shop.py").write_text("import random\nvoucher = random.randint(0, 10**8)\n")
    assert run(["check", "pkg/shop.py"], cwd=tree)[0] == 0
    (tree / "pyproject.toml").write_text('[tool.secure-random]\nextend-sensitive-words = ["voucher"]\n')
    code, out, _ = run(["check", "pkg/shop.py"], cwd=tree)
    assert code == 1 and "builds 'voucher'" in out


def test_config_unknown_key_is_an_error(tree):
    (tree / "pyproject.toml").write_text('[tool.secure-random]\nsensitive-wrods = ["voucher"]\n')
    code, out, err = run(["check", "pkg"], cwd=tree)
    assert (code, out) == (2, "")
    assert "unknown key 'sensitive-wrods'" in err and "pyproject.toml" in err


def test_config_wrong_type_is_an_error(tree):
    (tree / "pyproject.toml").write_text('[tool.secure-random]\ninclude-tests = "yes"\n')
    assert run(["check", "pkg"], cwd=tree)[0] == 2


def test_usage_errors_exit_2(capsys):
    assert main([]) == 2
    assert main(["fix"]) == 2  # `check` alone checks the current folder; `fix` asks where
    assert main(["check", "--format", "xml", "x.py"]) == 2
    assert main(["frobnicate"]) == 2


def test_help_and_version_exit_0(capsys):
    assert main(["--help"]) == 0
    assert "check" in capsys.readouterr().out
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("secure-random ")


def test_many_files_use_several_processes_with_the_same_result(tmp_path):
    for i in range(80):
        (tmp_path / f"m{i:02}.py").write_text(BAD if i % 10 == 0 else GOOD)
    code, out, err = run(["check", str(tmp_path)])
    assert (code, err) == (1, "")
    assert [line.split(":")[0] for line in out.splitlines()] == [str(tmp_path / f"m{i:02}.py") for i in range(0, 80, 10)]


def test_exclude_from_config_and_command_line(tree):
    (tree / "pkg" / "legacy").mkdir()
    (tree / "pkg" / "legacy" / "old.py").write_text(BAD)
    (tree / "pkg" / "gen_pb2.py").write_text(BAD)
    code, out, _ = run(["check", "pkg"], cwd=tree)
    assert out.count("RND101") == 3
    (tree / "pyproject.toml").write_text('[tool.secure-random]\nexclude = ["legacy", "*_pb2.py"]\n')
    code, out, _ = run(["check", "pkg"], cwd=tree)
    assert (code, out.count("RND101")) == (1, 1)
    code, out, _ = run(["check", "--exclude", "auth.py", "pkg"], cwd=tree)
    assert (code, out) == (0, "")


def test_strict_mode_from_flag_and_config(tree):
    code, out, _ = run(["check", "--strict", "pkg"], cwd=tree)
    assert code == 1 and "RND901 random.randint() is not a cryptographically secure call" in out and "RND101" in out
    assert "RND901" not in run(["check", "pkg"], cwd=tree)[1]
    (tree / "pyproject.toml").write_text("[tool.secure-random]\nstrict = true\n")
    assert "RND901" in run(["check", "pkg"], cwd=tree)[1]


def test_min_password_bits_from_config(tree):
    (tree / "pkg" / "pw.py").write_text(
        "import secrets, string\npassword = ''.join(secrets.choice(string.ascii_lowercase) for _ in range(12))\n"
    )
    assert "RND202" in run(["check", "pkg/pw.py"], cwd=tree)[1]  # 56.4 bits < 64
    (tree / "pyproject.toml").write_text("[tool.secure-random]\nmin-password-bits = 50\n")
    assert run(["check", "pkg/pw.py"], cwd=tree)[:2] == (0, "")
    (tree / "pyproject.toml").write_text('[tool.secure-random]\nmin-password-bits = "many"\n')
    code, _, err = run(["check", "pkg/pw.py"], cwd=tree)
    assert code == 2 and "'min-password-bits' must be a positive number" in err


def _reported(proc) -> list:
    """The names of the files a run reported, sorted."""
    return sorted(os.path.basename(line.split(":")[0]) for line in proc.stdout.splitlines())


def _real(args, cwd):
    """The installed command, in a fresh process, as a user types it."""
    env = {k: v for k, v in os.environ.items() if k != "SECURE_RANDOM_CACHE_DIR"} | {"SECURE_RANDOM_NO_CACHE": "1"}
    return subprocess.run([sys.executable, "-m", "flake8_secure_random", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def test_check_with_no_path_checks_the_current_folder(tree):
    proc = _real(["check"], tree)
    assert proc.returncode == 1 and proc.stdout == _real(["check", "."], tree).stdout and "auth.py" in proc.stdout


def test_exit_zero_and_output_file(tree, tmp_path_factory):
    proc = _real(["check", "--exit-zero", "."], tree)
    assert proc.returncode == 0 and "RND101" in proc.stdout
    report = tmp_path_factory.mktemp("out") / "report.txt"
    proc = _real(["check", "--output-file", str(report), "."], tree)
    assert (proc.returncode, proc.stdout) == (1, "") and "RND101" in report.read_text()
    proc = _real(["check", "--output-file", str(report.parent / "missing" / "r.txt"), "."], tree)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    bad = tree / "pkg" / "broken.py"
    bad.write_text("import random\nx = (\n")
    assert _real(["check", "--exit-zero", "."], tree).returncode == 2  # a file that cannot be parsed still counts


def test_explain_lists_the_rules_and_takes_names(tmp_path):
    listing = _real(["explain"], tmp_path)
    assert listing.returncode == 0 and [line.split()[0] for line in listing.stdout.splitlines()][:2] == ["RND101", "RND102"]
    by_name = _real(["explain", "secret-compared-with-eq"], tmp_path)
    assert by_name.returncode == 0 and by_name.stdout == _real(["explain", "rnd301"], tmp_path).stdout
    unknown = _real(["explain", "RND999"], tmp_path)
    assert unknown.returncode == 2 and "secure-random explain" in unknown.stderr


def test_build_and_env_folders_are_skipped_only_at_the_top_or_as_virtualenvs(tmp_path):
    for folder in ("build", "env", "pkg/operations/build", "pkg/env", "pkg/venv_like", "pkg/myvenv"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "x.py").write_text(BAD)
    (tmp_path / "pkg" / "myvenv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    proc = _real(["check", "."], tmp_path)
    reported = sorted(line.split(":")[0] for line in proc.stdout.splitlines())
    assert reported == [os.path.join(".", "pkg", p, "x.py") for p in ("env", os.path.join("operations", "build"), "venv_like")]


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symbolic links")
def test_a_linked_file_is_reported_once_and_without_a_message(tmp_path):
    (tmp_path / "auth.py").write_text(BAD)
    (tmp_path / "link.py").symlink_to(tmp_path / "auth.py")
    (tmp_path / "dangling.py").symlink_to(tmp_path / "missing.py")
    proc = _real(["check", "."], tmp_path)
    assert (proc.returncode, proc.stderr) == (1, "") and proc.stdout.count("RND101") == 1
    assert _real(["check", "link.py"], tmp_path).stdout.count("RND101") == 1  # named on the command line: checked


def test_rule_selection_on_the_command_line_and_in_pyproject(tmp_path):
    (tmp_path / "app.py").write_text(BAD + "roll = random.randint(1, 6)\nimport secrets\nsession_key = secrets.token_hex(4)\n")
    codes = lambda proc: sorted(line.split()[1] for line in proc.stdout.splitlines())  # noqa: E731
    assert codes(_real(["check", "."], tmp_path)) == ["RND101", "RND201"]
    assert codes(_real(["check", "--select", "RND2", "."], tmp_path)) == ["RND201"]
    assert codes(_real(["check", "--ignore", "RND1", "."], tmp_path)) == ["RND201"]
    # the longer prefix decides: RND1 ignored, RND101 selected again
    assert codes(_real(["check", "--ignore", "RND1", "--extend-select", "RND101", "."], tmp_path)) == ["RND101", "RND201"]
    assert "RND901" in codes(_real(["check", "--extend-select", "RND9", "."], tmp_path))  # strict mode on demand
    (tmp_path / "pyproject.toml").write_text('[tool.secure-random]\nignore = ["RND201"]\n')
    assert codes(_real(["check", "."], tmp_path)) == ["RND101"]
    assert codes(_real(["check", "--ignore", "RND101", "."], tmp_path)) == ["RND201"]  # the command line replaces it
    bad = _real(["check", "--select", "B311", "."], tmp_path)
    assert bad.returncode == 2 and "'B311' is not a rule code" in bad.stderr and "Traceback" not in bad.stderr


def test_fix_takes_the_same_selection(tmp_path):
    (tmp_path / "app.py").write_text(BAD)
    proc = _real(["fix", "--diff", "--ignore", "RND101", "app.py"], tmp_path)
    assert (proc.returncode, proc.stdout) == (0, "")
    assert _real(["fix", "--diff", "app.py"], tmp_path).returncode == 1


def test_statistics_count_each_rule(tmp_path):
    (tmp_path / "a.py").write_text(BAD)
    (tmp_path / "b.py").write_text(BAD + "import secrets\nsession_key = secrets.token_hex(4)\n")
    proc = _real(["check", "--statistics", "."], tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[-2:] == ["2     RND101 random-function-makes-secret", "1     RND201 secret-token-too-short"]


def test_a_summary_for_a_person_at_a_terminal(tree):
    import pty

    if not hasattr(pty, "openpty"):
        pytest.skip("no pseudo-terminals here")
    main_fd, sub_fd = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "SECURE_RANDOM_CACHE_DIR"} | {"SECURE_RANDOM_NO_CACHE": "1"}
    for extra, expected in (([], True), (["--quiet"], False)):
        proc = subprocess.run([sys.executable, "-m", "flake8_secure_random", "check", *extra, "."], cwd=tree, env=env,
                              stdout=subprocess.PIPE, stderr=sub_fd, text=True)
        written = os.read(main_fd, 4096).decode() if expected else ""
        assert proc.returncode == 1
        if expected:
            assert "1 finding in 1 file; 1 test file skipped (--include-tests checks them)" in written
    os.close(main_fd)
    os.close(sub_fd)
    assert _real(["check", "."], tree).stderr == ""  # not a terminal: nothing but the report


def test_per_file_ignores_from_pyproject_relative_to_it_and_on_the_command_line(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "legacy.py").write_text(BAD)
    (tmp_path / "app" / "new.py").write_text(BAD)
    (tmp_path / "pyproject.toml").write_text('[tool.secure-random.per-file-ignores]\n"app/legacy.py" = ["RND1"]\n')
    assert _reported(_real(["check", "."], tmp_path)) == ["new.py"]
    assert _reported(_real(["check", "."], tmp_path / "app")) == ["new.py"]  # however the path is typed
    assert _reported(_real(["check", "--per-file-ignores", "new.py:RND101", "."], tmp_path)) == []
    bad = _real(["check", "--per-file-ignores", "new.py", "."], tmp_path)
    assert bad.returncode == 2 and "GLOB:CODES" in bad.stderr


def test_show_why_prints_the_path_to_the_secret(tree):
    proc = _real(["check", "--show-why", "."], tree)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 1 and lines[0].endswith("use secrets.randbits()")
    assert lines[1] == "    why: random.getrandbits() on line 3 is assigned to 'token' on line 3"


def test_exclude_in_pyproject_is_relative_to_it_however_the_path_is_typed(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "tokens.py").write_text(BAD)
    (tmp_path / "app" / "views.py").write_text(BAD)
    (tmp_path / "pyproject.toml").write_text('[tool.secure-random]\nexclude = ["app/tokens.py"]\n')
    for cwd, args in ((tmp_path, ["."]), (tmp_path, ["./app"]), (tmp_path, [str(tmp_path / "app")]),
                      (tmp_path / "app", ["."]), (tmp_path / "app", ["tokens.py", "views.py"])):
        assert _reported(_real(["check", *args], cwd)) == ["views.py"], (cwd, args)


def test_selection_edges_a_new_user_met(tmp_path):
    (tmp_path / "pkg" / "app").mkdir(parents=True)
    (tmp_path / "pkg" / "app" / "tokens.py").write_text(BAD)
    (tmp_path / "pkg" / "keep.py").write_text(BAD)
    (tmp_path / ".tools").mkdir()
    (tmp_path / ".tools" / "gen.py").write_text(BAD)
    # an ignore beats the default selection
    assert _reported(_real(["check", "--ignore", "RND", "."], tmp_path)) == []
    # one flake8-style string with several entries, followed by the paths
    assert _reported(_real(["check", "--per-file-ignores", "pkg/app/*:RND1 keep.py:RND1", "."], tmp_path)) == ["gen.py"]
    assert _reported(_real(["check", "--per-file-ignores", "./.tools/*:RND1", "."], tmp_path)) == ["keep.py", "tokens.py"]
    # a folder excluded by its path, however typed
    for pattern in ("pkg/app", "pkg/app/", "./pkg/app", str(tmp_path / "pkg" / "app")):
        assert _reported(_real(["check", "--exclude", pattern, "."], tmp_path)) == ["gen.py", "keep.py"], pattern
    # a number that names no rule is an error, not a silent empty report
    bad = _real(["check", "--select", "RND210", "."], tmp_path)
    assert bad.returncode == 2 and "'RND210' is not a rule code" in bad.stderr


def test_an_unknown_option_shows_the_subcommand_s_usage(tmp_path):
    proc = _real(["check", "--bogus", "."], tmp_path)
    assert proc.returncode == 2 and proc.stderr.startswith("usage: secure-random check")
    assert "unrecognized arguments: --bogus" in proc.stderr
    assert _real(["fix", "--bogus", "x.py"], tmp_path).stderr.startswith("usage: secure-random fix")


def test_an_explicit_empty_selection_selects_nothing_and_explain_lists_a_family(tmp_path):
    (tmp_path / "app.py").write_text(BAD)
    assert _real(["check", "--select", "", "."], tmp_path).returncode == 0  # as `ruff check --select ""`
    assert "RND101" in _real(["check", "--select", "", "--extend-select", "RND1", "."], tmp_path).stdout
    (tmp_path / "pyproject.toml").write_text("[tool.secure-random]\nselect = []\n")
    assert _real(["check", "."], tmp_path).returncode == 0
    (tmp_path / "pyproject.toml").unlink()
    family = _real(["explain", "RND2"], tmp_path)
    assert family.returncode == 0 and [line.split()[0] for line in family.stdout.splitlines()] == ["RND201", "RND202", "RND203"]
