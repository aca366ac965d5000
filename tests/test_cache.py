"""The cache of `secure-random check` results (.secure-random-cache/): a second run over unchanged
files gives the same output without checking them again; a changed file, other settings or another
build of the tool are checked afresh; the cache never changes what is reported."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from flake8_secure_random import cli
from flake8_secure_random.cache import FOLDER

BAD = "import random\n\ntoken = '%x' % random.getrandbits(64)\n"
GOOD = "import random\n\nroll = random.randint(1, 6)\n"
BROKEN = "import random\nx = (\n"


def run(argv, cwd):
    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        code = cli.main(argv, out=out, err=err)
    finally:
        os.chdir(old)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.delenv("SECURE_RANDOM_CACHE_DIR", raising=False)
    monkeypatch.delenv("SECURE_RANDOM_NO_CACHE", raising=False)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'demo'\n")
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "auth.py").write_text(BAD)
    (tmp_path / "app" / "dice.py").write_text(GOOD)
    return tmp_path


@pytest.fixture
def checked(monkeypatch):
    """The files actually checked (not answered from the cache), in order."""
    seen = []
    real = cli.check_source

    def spy(text, path, settings):
        seen.append(os.path.basename(path))
        return real(text, path, settings)

    monkeypatch.setattr(cli, "check_source", spy)
    return seen


def test_second_run_answers_from_the_cache_with_the_same_output(project, checked):
    first = run(["check", "."], project)
    assert first[0] == 1 and "RND101" in first[1]
    assert sorted(checked) == ["auth.py", "dice.py"]
    checked.clear()
    assert run(["check", "."], project) == first
    assert checked == []
    folder = project / FOLDER
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"  # git never sees it
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")


def test_the_cache_is_at_the_project_root_whatever_the_working_folder(project, checked):
    run(["check", "auth.py"], project / "app")
    assert (project / FOLDER).is_dir() and not (project / "app" / FOLDER).exists()
    checked.clear()
    run(["check", "app/auth.py"], project)  # the same file, typed another way
    assert checked == []


def test_a_changed_file_is_checked_again(project, checked):
    run(["check", "."], project)
    (project / "app" / "dice.py").write_text(BAD.replace("token", "api_key"))
    checked.clear()
    code, out, _ = run(["check", "."], project)
    assert checked == ["dice.py"]
    assert code == 1 and "builds 'api_key'" in out


def test_other_settings_are_checked_afresh(project, checked):
    (project / "app" / "dice.py").write_text("import random\n\nwidget = random.randint(1, 6)\n")
    assert run(["check", "."], project)[1].count("RND1") == 1
    checked.clear()
    code, out, _ = run(["check", "--extend-sensitive-words", "widget", "."], project)
    assert sorted(checked) == ["auth.py", "dice.py"]
    assert out.count("RND1") == 2


def test_a_file_that_cannot_be_parsed_is_reported_again(project, checked):
    (project / "app" / "broken.py").write_text(BROKEN)
    first = run(["check", "."], project)
    assert first[0] == 2 and "broken.py: cannot parse" in first[2]
    checked.clear()
    assert run(["check", "."], project) == first
    assert checked == []


def test_no_cache_neither_reads_nor_writes(project, checked):
    code, out, err = run(["check", "--no-cache", "."], project)
    assert code == 1 and not (project / FOLDER).exists()
    run(["check", "."], project)
    checked.clear()
    assert run(["check", "--no-cache", "."], project) == (code, out, err)
    assert sorted(checked) == ["auth.py", "dice.py"]


def test_the_environment_variables(project, checked, monkeypatch, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("SECURE_RANDOM_CACHE_DIR", str(elsewhere))
    run(["check", "."], project)
    assert not (project / FOLDER).exists() and list(elsewhere.glob("*.json"))
    monkeypatch.setenv("SECURE_RANDOM_NO_CACHE", "1")
    checked.clear()
    run(["check", "."], project)
    assert sorted(checked) == ["auth.py", "dice.py"]


def test_a_damaged_cache_is_ignored(project, checked):
    first = run(["check", "."], project)
    for entries in (project / FOLDER).glob("*.json"):
        data = json.loads(entries.read_text())
        for entry in data.values():
            entry[1] = [["RND101", "not a number"]]  # rows of another shape
        entries.write_text(json.dumps(data))
    checked.clear()
    assert run(["check", "."], project) == first
    assert sorted(checked) == ["auth.py", "dice.py"]
    for entries in (project / FOLDER).glob("*.json"):
        entries.write_text("{not json")
    assert run(["check", "."], project) == first


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a user that permissions stop")
def test_a_folder_that_cannot_be_written_runs_without_a_cache(project):
    os.chmod(project, 0o555)
    try:
        code, out, err = run(["check", "."], project)
    finally:
        os.chmod(project, 0o755)
    assert code == 1 and err == "" and not (project / FOLDER).exists()


def test_deleted_files_leave_the_cache(project):
    run(["check", "."], project)
    (project / "app" / "dice.py").unlink()
    (project / "app" / "auth.py").write_text(GOOD)
    run(["check", "app/auth.py"], project)  # the next run that has something to save drops it
    (entries,) = (project / FOLDER).glob("*.json")
    kept = json.loads(entries.read_text())
    assert [os.path.basename(p) for p in kept] == ["auth.py"]


def test_the_real_command_twice(project):
    """The installed entry point, in a fresh process each time, as pre-commit and CI run it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SECURE_RANDOM_")}
    cmd = [sys.executable, "-m", "flake8_secure_random", "check", "."]
    first = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    second = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    assert first.returncode == 1 and (first.stdout, first.stderr) == (second.stdout, second.stderr)
    assert list((project / FOLDER).glob("*.json"))


def test_an_unchanged_file_is_not_even_read(project, checked, monkeypatch):
    hour_ago = os.stat(project / "app" / "auth.py").st_mtime - 3600
    for name in ("auth.py", "dice.py"):
        os.utime(project / "app" / name, (hour_ago, hour_ago))
    first = run(["check", "."], project)
    from flake8_secure_random import files

    def no_reading(path):
        raise AssertionError(f"read {path}")

    monkeypatch.setattr(files, "read_with_stat", no_reading)
    monkeypatch.setattr(cli, "read_with_stat", no_reading)
    checked.clear()
    assert run(["check", "."], project) == first
    assert checked == []


def test_an_edit_that_keeps_size_and_time_is_still_seen(project, checked):
    target = project / "app" / "dice.py"
    run(["check", "."], project)
    before = os.stat(target)
    target.write_text(GOOD.replace("roll", "pins"))  # same length, other bytes: now a secret
    assert os.stat(target).st_size == before.st_size
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    checked.clear()
    code, out, _ = run(["check", "."], project)
    assert checked == ["dice.py"]  # within two seconds of the first check: read and compared
    assert code == 1 and "dice.py:3" in out
