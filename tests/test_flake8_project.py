"""The flake8 plugin follows values across the modules of a project as `secure-random check` does
(issue 15): real flake8 processes in a temporary project, with the cache at the project root."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap

import pytest

from flake8_secure_random import across
from flake8_secure_random.model import Settings

HELPER = """\
import random
import string


def rand_str(n=16):
    return "".join(random.choice(string.ascii_letters) for _ in range(n))
"""
# views.py makes an API token with the helper (line 5); names.py passes it on to an invite code
VIEWS = "from .utils import rand_str\n\n\ndef create(user):\n    api_token = rand_str(32)\n    return api_token\n"
NAMES = "from .utils import rand_str\n\n\ndef new_name():\n    return rand_str(10)\n"
INVITES = "from pkg.names import new_name\n\n\ndef invite(user):\n    invite_code = new_name()\n    return invite_code\n"
TOKEN = "pkg/utils.py:6:20: RND101 random.choice() in rand_str() builds 'api_token' in pkg/views.py:5; use secrets.choice()"
INVITE = ("pkg/utils.py:6:20: RND101 random.choice() in rand_str() builds 'invite_code' in app/invites.py:5; "
          "use secrets.choice()")
# what flake8 --select RND (strict mode too) reports of the same draw when utils.py is judged alone
ALONE = ("pkg/utils.py:6:20: RND901 random.choice() is not a cryptographically secure call; "
         "use secrets if the value must be unpredictable")


@pytest.fixture
def project(tmp_path):
    files = {"pyproject.toml": "[project]\nname = 'demo'\n", "pkg/__init__.py": "", "pkg/utils.py": HELPER,
             "pkg/views.py": VIEWS}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text))
    return tmp_path


def _env():
    # the cache where a team's run keeps it, at the project root (conftest points the CLI elsewhere)
    return {k: v for k, v in os.environ.items() if k not in ("SECURE_RANDOM_NO_CACHE", "SECURE_RANDOM_CACHE_DIR")}


def _run(root, args, stdin=None):
    proc = subprocess.run(args, cwd=root, env=_env(), capture_output=True, text=True, input=stdin)
    lines = sorted(line.removeprefix("./") for line in proc.stdout.splitlines())
    return proc.returncode, lines, proc.stderr


def flake8(root, *args, select="RND", stdin=None):
    """flake8 --select RND run in `root`: (exit code, sorted output lines without `./`, stderr)."""
    return _run(root, [sys.executable, "-m", "flake8", "--select", select, *args], stdin)


def check(root, *args, stdin=None):
    """`secure-random check` run in `root`, as `flake8`."""
    return _run(root, [sys.executable, "-m", "flake8_secure_random", "check", *args], stdin)


def test_the_helper_alone_is_reported_with_what_another_module_makes_of_it(project):
    assert flake8(project, "pkg/utils.py") == (1, [TOKEN], "")


def test_the_whole_folder(project):
    assert flake8(project, ".") == (1, [TOKEN], "")
    assert flake8(project) == (1, [TOKEN], "")  # no path: flake8's `.`


@pytest.mark.parametrize("how", ["option", "config"])
def test_the_option_judges_each_file_alone(project, how):
    if how == "config":
        (project / "setup.cfg").write_text("[flake8]\nsecure-random-no-cross-module = true\n")
        args = ["."]
    else:
        args = ["--secure-random-no-cross-module", "."]
    assert flake8(project, *args) == (1, [ALONE], "")
    assert not (project / ".secure-random-cache").exists()  # nothing was worked out


@pytest.mark.parametrize("paths", [["."], ["pkg/utils.py"], ["pkg"], ["pkg/utils.py", "pkg/names.py"], ["pkg/views.py"]])
def test_the_same_findings_as_check(project, paths):
    (project / "pkg" / "names.py").write_text(NAMES)
    (project / "app").mkdir()
    (project / "app" / "invites.py").write_text(INVITES)
    (project / "app" / "dice.py").write_text("import random\n\n\ndef roll():\n    return random.randint(1, 6)\n")
    expected = check(project, *paths)
    assert expected[0] in (0, 1) and expected[2] == ""
    assert flake8(project, *paths, select="RND1,RND2,RND3") == expected
    if paths != ["pkg/views.py"]:  # not two empty reports: the helper's draw, named by the first caller
        assert expected == (1, [INVITE], "")


def test_standard_input_is_judged_alone_as_check_does(project):
    expected = check(project, "--stdin-filename", "pkg/utils.py", "-", stdin=HELPER)
    got = flake8(project, "--stdin-display-name", "pkg/utils.py", "-", select="RND1,RND2,RND3", stdin=HELPER)
    assert expected == got == (0, [], "")
    assert flake8(project, "pkg/utils.py", select="RND1,RND2,RND3") == (1, [TOKEN], "")  # the same text as a file


def test_in_two_processes(project):
    (project / "pkg" / "names.py").write_text(NAMES)
    (project / "pkg" / "invites.py").write_text(INVITES)
    serial = flake8(project, "-j", "1", ".")
    assert serial[0] == 1 and len(serial[1]) == 1 and serial[2] == ""
    assert flake8(project, "-j", "2", ".") == serial
    assert flake8(project, "-j", "2", "pkg/utils.py", "pkg/views.py", "pkg/names.py") == serial


def test_a_run_that_cannot_report_rnd101_works_nothing_out(project):
    assert flake8(project, ".", select="RND3") == (0, [], "")
    assert not (project / ".secure-random-cache").exists()
    # nor one whose files cannot draw
    assert flake8(project, "pkg/views.py", "pkg/__init__.py") == (0, [], "")
    assert not (project / ".secure-random-cache").exists()
    assert flake8(project, ".", select="RND101")[1] == [TOKEN]
    assert (project / ".secure-random-cache").is_dir()


def test_check_and_flake8_keep_one_index(project):
    check(project, ".")
    indexes = list(project.glob(".secure-random-cache/*/index.json"))
    assert len(indexes) == 1
    before = indexes[0].stat().st_mtime_ns
    assert flake8(project, ".") == (1, [TOKEN], "")
    assert list(project.glob(".secure-random-cache/*/index.json")) == indexes
    assert indexes[0].stat().st_mtime_ns >= before


def test_a_warm_index_follows_a_change_of_the_caller(project):
    assert flake8(project, "pkg/utils.py") == (1, [TOKEN], "")
    (project / "pkg" / "views.py").write_text("from .utils import rand_str\n\n\ndef upload():\n    filename = rand_str(8)\n")
    assert flake8(project, "pkg/utils.py") == (1, [ALONE], "")


@pytest.mark.parametrize("damage", [
    "{not json",
    "[]",
    json.dumps({"/nowhere.py": "x"}),
    None,  # each entry's facts replaced by ones of the right keys and the wrong shapes
])
def test_a_damaged_index_gives_findings_and_no_traceback(project, damage):
    assert flake8(project, ".") == (1, [TOKEN], "")
    [index] = project.glob(".secure-random-cache/*/index.json")
    if damage is None:
        kept = json.loads(index.read_text())
        facts = {"r": True, "i": [[0, 5, None, None]], "u": {"rand_str": "x"}, "c": [1],
                 "s": {"[]": [{"rand_str": [["draw", "6", None]]}, {"x": ["api_token", "5", 3]}]}}
        damage = json.dumps({path: [*entry[:6], facts] for path, entry in kept.items()})
    index.write_text(damage)
    assert flake8(project, ".") == (1, [TOKEN], "")
    assert flake8(project, "-j", "2", ".") == (1, [TOKEN], "")


def test_a_failure_working_out_the_project_leaves_each_file_judged_alone(project):
    """Whatever goes wrong there (here: the index code itself raising), flake8's run goes on with
    what each module shows alone, and prints no traceback."""
    script = ("import sys, flake8_secure_random.project as p\n"
              "def boom(*args, **kwargs):\n    raise RuntimeError('boom')\n"
              "p.demands_for = boom\n"
              "from flake8.main.cli import main\n"
              "sys.exit(main(sys.argv[1:]))\n")
    for jobs in ("1", "2"):
        assert _run(project, [sys.executable, "-c", script, "--select", "RND", "-j", jobs, "."]) == (1, [ALONE], "")


# -- the per-process memo (across.Demands), in this process --------------------------------------

def test_each_project_is_worked_out_once_per_process(project, monkeypatch):
    calls = []
    real = across.project_demands

    def counting(folder, *args, **kwargs):
        calls.append(folder)
        return real(folder, *args, **kwargs)

    monkeypatch.setattr(across, "project_demands", counting)
    monkeypatch.chdir(project)
    monkeypatch.setenv("SECURE_RANDOM_NO_CACHE", "1")
    demands = across.Demands(["."], Settings(root=str(project)), str(project), project / "pyproject.toml")
    demands.prepare()
    assert calls == [str(project)]
    [found] = demands.of("pkg/utils.py")
    assert (found.line, found.col, found.secret) == (6, 19, "api_token")  # ast's 0-based column
    assert demands.of(str(project / "pkg" / "views.py")) == () and demands.of("./pkg/utils.py") == (found,)
    assert calls == [str(project)]
    # a process that did not prepare (a spawned worker) works the project out on first use, once
    lazy = across.Demands(["."], Settings(root=str(project)), str(project), project / "pyproject.toml")
    assert lazy.of("pkg/utils.py") == (found,) and lazy.of("pkg/views.py") == ()
    assert calls == [str(project)] * 2


def test_a_failure_is_logged_for_flake8_verbose_and_gives_nothing(project, monkeypatch, caplog):
    def boom(*args, **kwargs):
        raise OSError("cannot list")

    monkeypatch.setattr(across, "project_demands", boom)
    monkeypatch.chdir(project)
    demands = across.Demands(["."], Settings(root=str(project)), None, None)
    with caplog.at_level(logging.INFO, logger="flake8.secure_random"):
        assert demands.of("pkg/utils.py") == ()
    assert "left out (OSError: cannot list)" in caplog.text
