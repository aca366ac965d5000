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
    assert not (project / FOLDER).exists() and list(elsewhere.glob("*/*.json"))
    monkeypatch.setenv("SECURE_RANDOM_NO_CACHE", "1")
    checked.clear()
    run(["check", "."], project)
    assert sorted(checked) == ["auth.py", "dice.py"]


def test_a_damaged_cache_is_ignored(project, checked):
    first = run(["check", "."], project)
    for entries in (project / FOLDER).glob("*/??.json"):
        data = json.loads(entries.read_text())
        for entry in data.values():
            entry[1] = [["RND101", "not a number"]]  # rows of another shape
        entries.write_text(json.dumps(data))
    checked.clear()
    assert run(["check", "."], project) == first
    assert sorted(checked) == ["auth.py", "dice.py"]
    for entries in (project / FOLDER).glob("*/??.json"):
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
    import hashlib

    def bucket(path):
        return hashlib.blake2b(str(path).encode(), digest_size=1).digest()

    auth = project / "app" / "auth.py"
    twin = next(p for p in (project / "app" / f"m{i}.py" for i in range(5000)) if bucket(p) == bucket(auth))
    twin.write_text(GOOD)  # kept in the same cache file as auth.py
    run(["check", "."], project)
    twin.unlink()
    auth.write_text(GOOD)
    run(["check", "app/auth.py"], project)  # the next run that saves that cache file drops it
    kept = [p for b in (project / FOLDER).glob("*/??.json") for p in json.loads(b.read_text())]
    assert sorted(os.path.basename(p) for p in kept) == ["auth.py", "dice.py"]


def test_the_real_command_twice(project):
    """The installed entry point, in a fresh process each time, as pre-commit and CI run it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SECURE_RANDOM_")}
    cmd = [sys.executable, "-m", "flake8_secure_random", "check", "."]
    first = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    second = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    assert first.returncode == 1 and (first.stdout, first.stderr) == (second.stdout, second.stderr)
    assert list((project / FOLDER).glob("*/*.json"))


def test_an_unchanged_file_is_not_even_read(project, checked, monkeypatch):
    from flake8_secure_random import cache

    monkeypatch.setattr(cache, "RACY_NS", -(10**18))  # as if the files were written long before
    first = run(["check", "."], project)
    from flake8_secure_random import files

    def no_reading(path):
        raise AssertionError(f"read {path}")

    from flake8_secure_random import project as project_module

    monkeypatch.setattr(files, "read_with_stat", no_reading)
    monkeypatch.setattr(cli, "read_with_stat", no_reading)
    monkeypatch.setattr(project_module, "read_bytes", no_reading)  # nor by the project's index
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


def test_the_same_file_however_typed_gives_the_same_findings(project, monkeypatch):
    """What a file's folders say (fake data, a protocol) is read from its absolute path, so the
    result and the cache entry do not depend on the working folder."""
    (project / "fakes").mkdir()
    (project / "fakes" / "views.py").write_text('import random\npassword = "".join(random.choice("abc") for _ in range(20))\n')
    (project / "dns" / "x").mkdir(parents=True)
    (project / "dns" / "x" / "client.py").write_text("import random\nquery_id = random.randint(0, 65535)\n")
    expected = run(["check", "--no-cache", "fakes/views.py", "dns/x/client.py"], project)
    assert expected[0] == 1 and "client.py" in expected[1] and "views.py" not in expected[1]
    run(["check", "views.py"], project / "fakes")
    run(["check", "client.py"], project / "dns" / "x")
    assert run(["check", "fakes/views.py", "dns/x/client.py"], project) == expected


def test_another_python_uses_another_cache(project, monkeypatch):
    from types import SimpleNamespace

    from flake8_secure_random import cache
    from flake8_secure_random.model import Settings

    here = cache.Cache(project / FOLDER, Settings()).folder
    monkeypatch.setattr(cache, "sys", SimpleNamespace(implementation=SimpleNamespace(cache_tag="cpython-399"), version_info=(3, 99, 0)))
    assert cache.Cache(project / FOLDER, Settings()).folder != here


def test_a_file_replaced_by_one_with_the_same_size_and_time_is_seen(project, checked, monkeypatch):
    from flake8_secure_random import cache

    monkeypatch.setattr(cache, "RACY_NS", -(10**18))  # only the status decides
    target, other = project / "app" / "dice.py", project / "other.py"
    run(["check", "."], project)
    before = os.stat(target)
    other.write_text(GOOD.replace("roll", "pins"))  # same size; `mv`, `tar x` and `cp -p` keep the time
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(other, target)
    checked.clear()
    code, out, _ = run(["check", "app"], project)
    assert checked == ["dice.py"] and code == 1 and "dice.py:3" in out


def test_running_out_of_memory_is_not_remembered(project, checked, monkeypatch):
    from flake8_secure_random import cli as cli_module

    def no_memory(text):
        raise MemoryError

    monkeypatch.setattr(cli_module, "parse", no_memory)
    code, _, err = run(["check", "app/auth.py"], project)
    assert code == 2 and "MemoryError" in err
    monkeypatch.undo()
    monkeypatch.delenv("SECURE_RANDOM_CACHE_DIR", raising=False)
    code, out, err = run(["check", "app/auth.py"], project)
    assert (code, err) == (1, "") and "RND101" in out


@pytest.mark.parametrize("damage", [
    lambda e: e.__setitem__(7, "x"),  # the time it was read
    lambda e: e.__setitem__(1, [["RND101", "2", "19", 3, 4, "m", "w", "q", "s", 0, 0]]),  # a row's types
    lambda e: e.__setitem__(1, [[None] * 11]),
    lambda e: e.__setitem__(2, 7),  # the problem
    lambda e: e.__setitem__(2, ""),
    lambda e: e.append(0),
])
def test_entries_of_another_shape_are_ignored(project, damage):
    first = run(["check", "."], project)
    for bucket in (project / FOLDER).glob("*/??.json"):
        data = json.loads(bucket.read_text())
        for entry in data.values():
            damage(entry)
        bucket.write_text(json.dumps(data))
    assert run(["check", "."], project) == first


@pytest.mark.parametrize("plant", ["nested", "fifo", "device", "folder"])
def test_cache_files_that_are_not_ours_are_ignored(project, plant):
    first = run(["check", "."], project)
    for bucket in list((project / FOLDER).glob("*/*.json")):
        bucket.unlink()
        if plant == "nested":
            bucket.write_text("[" * 100_000)
        elif plant == "fifo":
            if not hasattr(os, "mkfifo"):
                pytest.skip("no FIFOs here")
            os.mkfifo(bucket)  # a read would wait for a writer forever
        elif plant == "device":
            bucket.symlink_to(os.devnull if os.name != "posix" else "/dev/zero")
        else:
            bucket.mkdir()
    assert run(["check", "."], project) == first


def test_a_deleted_working_folder_runs_without_a_cache(project, tmp_path_factory):
    gone = tmp_path_factory.mktemp("gone")
    old = os.getcwd()
    os.chdir(gone)
    try:
        os.rmdir(gone)
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(["check", "--config", str(project / "pyproject.toml"), str(project / "app")], out=out, err=err)
    finally:
        os.chdir(old)
    assert code == 1 and err.getvalue() == "" and "RND101" in out.getvalue()


def test_a_damaged_gitignore_is_mended(project):
    run(["check", "."], project)
    ignore = project / FOLDER / ".gitignore"
    ignore.write_text("")
    (project / "app" / "dice.py").write_text(BAD)  # a run with something to save
    run(["check", "."], project)
    assert ignore.read_text().splitlines()[-1] == "*"


@pytest.mark.parametrize("value, cached", [("1", False), ("true", False), ("0", True), ("false", True), ("", True)])
def test_no_cache_variable(project, checked, monkeypatch, value, cached):
    monkeypatch.setenv("SECURE_RANDOM_NO_CACHE", value)
    run(["check", "."], project)
    checked.clear()
    run(["check", "."], project)
    assert (checked == []) == cached


@pytest.mark.parametrize("damage", [
    lambda index: {p: [e[0], 1, 2, 3, 4, 5, {"s": {"[]": [{"f": [["draw", "x"]]}, {}]}}] for p, e in index.items()},
    lambda index: {p: e[:3] for p, e in index.items()},
    lambda index: {p: [*e[:6], {"i": "not a list", "u": [], "c": {}, "r": 3, "s": []}] for p, e in index.items()},
    lambda index: [],
])
def test_a_damaged_project_index_is_ignored(project, damage):
    """What the project index (`project.py`) keeps is checked like the rest: another shape is read as nothing."""
    first = run(["check", "."], project)
    for index in (project / FOLDER).glob("*/index.json"):
        index.write_text(json.dumps(damage(json.loads(index.read_text()))))
    assert run(["check", "."], project) == first


def _save_index_repeatedly(folder, marker, rounds):
    """A process (a flake8 worker) saving its own index `rounds` times."""
    from pathlib import Path

    from flake8_secure_random.cache import Cache
    from flake8_secure_random.model import Settings

    path = str(Path(folder) / "pyproject.toml")  # a file that exists: save_index drops the others
    for _ in range(rounds):
        cache = Cache(Path(folder) / FOLDER, Settings())
        cache.save_index({path: [marker, 0, 0, 0, 0, 0, {"c": ["x" * 200_000]}]})
        cache.save()


def test_two_processes_saving_the_index_at_once_leave_a_whole_one(project):
    """flake8's workers may save the project index at the same moment: each save replaces the file
    whole (a temporary file renamed over it), so a reader sees one writer's index, never a mix."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    writers = [ctx.Process(target=_save_index_repeatedly, args=(str(project), marker, 40)) for marker in ("a", "b")]
    for writer in writers:
        writer.start()
    seen = set()
    while any(w.is_alive() for w in writers):
        for index in (project / FOLDER).glob("*/index.json"):
            try:
                text = index.read_text()
            except FileNotFoundError:
                continue
            [(_, entry)] = json.loads(text).items()  # whole JSON, one entry
            seen.add(entry[0])
    for writer in writers:
        writer.join()
        assert writer.exitcode == 0
    assert seen <= {"a", "b"} and seen
    assert not list((project / FOLDER).glob("*/.secure-random.*.tmp"))  # no temporary file left behind


def test_runs_with_other_rules_or_thresholds_share_one_project_index(project):
    """The index's facts depend only on the word lists and `# noqa` (what `analysis.summarize`
    reads): `check --strict` or another RND202 threshold reuses it; other words do not."""
    run(["check", "."], project)
    run(["check", "--strict", "--min-password-bits", "80", "--select", "RND1", "."], project)
    assert len(list((project / FOLDER).glob("*/index.json"))) == 1
    run(["check", "--extend-sensitive-words", "voucher", "."], project)
    assert len(list((project / FOLDER).glob("*/index.json"))) == 2


def test_a_run_that_learns_nothing_does_not_write_the_project_index(project, monkeypatch):
    """A warm run (nothing edited) leaves index.json as it was, not even rewritten with the same
    bytes; an edit makes the next run write it again."""
    from flake8_secure_random import cache

    monkeypatch.setattr(cache, "RACY_NS", -(10**18))  # as if the files were written long before
    (project / "app" / "helpers.py").write_text("import random\n\n\ndef rand_str():\n    return str(random.random())\n")
    (project / "app" / "views.py").write_text("from .helpers import rand_str\n\napi_token = rand_str()\n")
    first = run(["check", "app/helpers.py"], project)
    assert first[0] == 1 and "builds 'api_token'" in first[1]
    (index,) = (project / FOLDER).glob("*/index.json")
    before = os.stat(index)
    assert run(["check", "app/helpers.py"], project) == first
    assert run(["check", "."], project)[0] == 1
    after = os.stat(index)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    (project / "app" / "views.py").write_text("from .helpers import rand_str\n\nfile_name = rand_str()\n")
    assert run(["check", "app/helpers.py"], project)[0] == 0
    assert os.stat(index).st_ino != before.st_ino


def test_an_index_a_run_reads_but_does_not_write_is_kept_as_in_use(project, monkeypatch):
    """The clean-up removes folders unused for thirty days; a folder a run read from is in use
    though the run wrote nothing new into it (a warm index)."""
    from flake8_secure_random import cache

    monkeypatch.setattr(cache, "RACY_NS", -(10**18))
    run(["check", "."], project)
    (index_folder,) = (project / FOLDER).glob("*-index-*")
    month_ago = os.stat(index_folder).st_mtime - 40 * 86400
    os.utime(index_folder, (month_ago, month_ago))
    run(["check", "."], project)  # warm: nothing written
    run(["check", "--extend-select", "RND9", "."], project)  # other findings: written, and the clean-up runs
    assert index_folder.is_dir()
    assert list(index_folder.glob("index.json"))
