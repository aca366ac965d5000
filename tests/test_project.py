"""Values followed across the modules of one project (issue 15): a helper whose result becomes a
secret in another module is reported at its draw, whatever file is checked; a helper whose result
stays harmless everywhere is not. Each test builds a small package in a temporary folder."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap

import pytest

from flake8_secure_random.cli import main

HELPER = """\
import random
import string


def rand_str(n=16):
    return "".join(random.choice(string.ascii_letters) for _ in range(n))


class Gen:
    @staticmethod
    def make(n=8):
        return "%0*x" % (n, random.getrandbits(4 * n))
"""


def _project(root, files):
    (root / "pyproject.toml").write_text("[project]\nname = 'demo'\n")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))


def _main(args, cwd):
    """`main(args)` run from `cwd`: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        code = main(args, out, err)
    finally:
        os.chdir(old)
    return code, out.getvalue(), err.getvalue()


def _check(root, *paths, cwd=None):
    code, out, err = _main(["check", "--no-cache", *paths], cwd or root)
    assert not err, err
    return code, [line.replace(os.sep, "/").removeprefix("./") for line in out.splitlines()]


def _installed(root, *args):
    """The installed command in a fresh process from `root`, with the cache on: (exit code, stdout, stderr)."""
    env = {k: v for k, v in os.environ.items() if k not in ("SECURE_RANDOM_NO_CACHE", "SECURE_RANDOM_CACHE_DIR")}
    proc = subprocess.run([sys.executable, "-m", "flake8_secure_random", *args], cwd=root, env=env,
                          capture_output=True, text=True)
    return proc.returncode, proc.stdout, proc.stderr


# views.py making an API token with the helper (line 5)
TOKEN_VIEWS = "from .utils import rand_str\n\n\ndef create(user):\n    api_token = rand_str(32)\n    return api_token\n"


def _pkg(root, views, helper=HELPER, extra=None):
    files = {"pkg/__init__.py": "", "pkg/utils.py": helper, "pkg/views.py": views}
    files.update(extra or {})
    _project(root, files)


TOKEN_FROM_HELPER = (
    "pkg/utils.py:6:20: RND101 random.choice() in rand_str() builds 'api_token' in pkg/views.py:5; use secrets.choice()"
)


@pytest.mark.parametrize("views", [
    # relative import
    "from .utils import rand_str\n\n\ndef create(user):\n    api_token = rand_str(32)\n    return api_token\n",
    # absolute import under another name
    "from pkg.utils import rand_str as rs\n\n\ndef create(user):\n    api_token = rs(32)\n    return api_token\n",
    # the module under an alias
    "import pkg.utils as u\n\n\ndef create(user):\n    api_token = u.rand_str(32)\n    return api_token\n",
    # the module by its dotted name
    "import pkg.utils\n\n\ndef create(user):\n    api_token = pkg.utils.rand_str(32)\n    return api_token\n",
    # the module from its package, relative
    "from . import utils\n\n\ndef create(user):\n    api_token = utils.rand_str(32)\n    return api_token\n",
    # an import inside the function
    "\n\ndef create(user):\n    from .utils import rand_str\n    api_token = rand_str(32)\n    return api_token\n",
    # the module from its package, absolute
    "from pkg import utils as helpers\n\n\ndef create(user):\n    api_token = helpers.rand_str(32)\n    return api_token\n",
    # through a module that passes it on under its own name
    "from .shortcuts import make\n\n\ndef create(user):\n    api_token = make(32)\n    return api_token\n",
    # from the package's `__init__`, which re-exports it
    "from . import rand_str\n\n\ndef create(user):\n    api_token = rand_str(32)\n    return api_token\n",
])
def test_a_helper_whose_result_becomes_a_secret_elsewhere_is_reported_at_its_draw(tmp_path, views):
    _pkg(tmp_path, views, extra={"pkg/__init__.py": "from .utils import rand_str\n",
                                 "pkg/shortcuts.py": "from .utils import rand_str as make\n"})
    assert _check(tmp_path, ".") == (1, [TOKEN_FROM_HELPER])
    assert _check(tmp_path, "pkg/utils.py") == (1, [TOKEN_FROM_HELPER])


def test_only_modules_another_module_may_import_are_summarised(tmp_path, monkeypatch):
    """The index works out what a module's functions return only when an import statement of the
    project names it (or it is a package's `__init__`): a script that draws and that nothing
    imports costs no analysis, whatever it draws."""
    from flake8_secure_random import analysis

    summarised = []
    real = analysis.summarize

    def spy(text, settings, path, *args, **kwargs):
        summarised.append(os.path.basename(path))
        return real(text, settings, path, *args, **kwargs)

    monkeypatch.setattr(analysis, "summarize", spy)
    _pkg(tmp_path, TOKEN_VIEWS, extra={"pkg/roll_dice.py": HELPER, "pkg/__init__.py": "import random\n"})
    assert _check(tmp_path, "pkg/utils.py") == (1, [TOKEN_FROM_HELPER])
    assert sorted(set(summarised)) == ["__init__.py", "utils.py", "views.py"]


def test_the_same_finding_when_only_the_helper_is_checked_from_anywhere(tmp_path):
    _pkg(tmp_path, TOKEN_VIEWS)
    assert _check(tmp_path, "pkg/utils.py") == (1, [TOKEN_FROM_HELPER])
    code, lines = _check(tmp_path, "utils.py", cwd=tmp_path / "pkg")
    assert code == 1 and lines == [
        "utils.py:6:20: RND101 random.choice() in rand_str() builds 'api_token' in views.py:5; use secrets.choice()"
    ]
    # the caller alone has no draw: nothing to report there
    assert _check(tmp_path, "pkg/views.py") == (0, [])


def test_a_package_that_re_exports_the_helper(tmp_path):
    _project(tmp_path, {
        "src/pkg/__init__.py": "from .utils import rand_str\n",
        "src/pkg/utils.py": HELPER,
        "src/pkg/api/views.py": "from pkg import rand_str\n\n\ndef create(user):\n    api_token = rand_str(32)\n    return api_token\n",
    })
    code, lines = _check(tmp_path, ".")
    assert code == 1 and lines == [
        "src/pkg/utils.py:6:20: RND101 random.choice() in rand_str() builds 'api_token' in src/pkg/api/views.py:5; "
        "use secrets.choice()"
    ]


def test_a_method_called_on_the_imported_class(tmp_path):
    _pkg(tmp_path, "from .utils import Gen\n\n\ndef reset(user):\n    user.reset_token = Gen.make(32)\n")
    code, lines = _check(tmp_path, ".")
    assert code == 1 and lines == [
        "pkg/utils.py:12:29: RND101 random.getrandbits() in Gen.make() builds 'user.reset_token' in pkg/views.py:5; "
        "use secrets.randbits()"
    ]


def test_a_helper_of_a_helper_in_a_third_module(tmp_path):
    _pkg(tmp_path, "from .names import new_name\n\n\ndef invite(user):\n    invite_code = new_name()\n    return invite_code\n",
         extra={"pkg/names.py": "from .utils import rand_str\n\n\ndef new_name():\n    return rand_str(10)\n"})
    code, lines = _check(tmp_path, ".")
    assert code == 1 and lines == [
        "pkg/utils.py:6:20: RND101 random.choice() in rand_str() builds 'invite_code' in pkg/views.py:5; use secrets.choice()"
    ]


def test_a_helper_handed_to_a_framework_as_a_field_default(tmp_path):
    _pkg(tmp_path, "from .utils import rand_str\n\n\nclass ApiKey(Model):\n    api_key = CharField(default=rand_str)\n")
    code, lines = _check(tmp_path, ".")
    assert code == 1 and len(lines) == 1 and lines[0].startswith("pkg/utils.py:6:20: RND101 random.choice() in rand_str() builds")


@pytest.mark.parametrize("views", [
    # only a file name and a delay: nothing secret
    "from .utils import rand_str\n\n\ndef upload(data):\n    filename = rand_str(8) + '.png'\n    return filename\n",
    # a local function of the same name shadows the import
    "from .utils import rand_str\n\n\ndef create(user):\n    def rand_str(n):\n        return 'x' * n\n"
    "    api_token = rand_str(32)\n    return api_token\n",
    # a name from outside the project that happens to match the helper's module
    "from otherlib.utils import rand_str\n\n\ndef create(user):\n    api_token = rand_str(32)\n    return api_token\n",
])
def test_a_helper_whose_result_stays_harmless_is_quiet(tmp_path, views):
    _pkg(tmp_path, views)
    assert _check(tmp_path, ".") == (0, [])


def test_tests_that_make_a_token_with_the_helper_do_not_count_when_tests_are_skipped(tmp_path):
    _pkg(tmp_path, "", extra={"tests/test_views.py": "from pkg.utils import rand_str\n\n\ndef test_x():\n"
                                                      "    api_token = rand_str(32)\n    assert api_token\n"})
    assert _check(tmp_path, ".") == (0, [])
    assert _check(tmp_path, "pkg/utils.py") == (0, [])
    # with them, the caller in the test folder counts (the project's walk reads test folders again)
    code, lines = _check(tmp_path, "--include-tests", "pkg/utils.py")
    assert code == 1 and [line.split(": ")[0] for line in lines] == ["pkg/utils.py:6:20"], lines


@pytest.mark.parametrize("folder", ["test", "testing"])
def test_a_library_package_named_test_is_read_for_its_helpers(tmp_path, folder):
    # `django/test/` is a package of the library, not a test folder: the walk for the index reads it
    _project(tmp_path, {"pkg/__init__.py": "", f"pkg/{folder}/__init__.py": "", f"pkg/{folder}/utils.py": HELPER,
                        "pkg/views.py": TOKEN_VIEWS.replace("from .utils", f"from .{folder}.utils")})
    code, lines = _check(tmp_path, "pkg/views.py", f"pkg/{folder}/utils.py")
    assert code == 1 and [line.split(": ")[0] for line in lines] == [f"pkg/{folder}/utils.py:6:20"], lines
    assert _check(tmp_path, f"pkg/{folder}/utils.py") == (code, lines)


@pytest.mark.parametrize("files", [
    # `from . import f` in `pkg/views.py` means the package `pkg` (its `__init__.py`), not `pkg.py` beside it
    {"pkg.py": HELPER, "pkg/views.py": "from . import rand_str\n\napi_token = rand_str()\n"},
    {"pkg.py": HELPER, "pkg/__init__.py": "", "pkg/views.py": "from . import rand_str\n\napi_token = rand_str()\n"},
    # a file name no import statement can spell
    {"a.b.py": HELPER, "views.py": "import a.b\n\napi_token = a.b.rand_str()\n"},
])
def test_only_what_python_would_import_is_followed(tmp_path, files):
    _project(tmp_path, files)
    code, lines = _check(tmp_path, ".")
    assert not [line for line in lines if "RND101" in line], lines


def test_two_modules_of_the_same_name_are_not_guessed_between(tmp_path):
    # `import utils` with two `utils.py` in the project: which one is meant depends on sys.path
    _project(tmp_path, {"a/utils.py": HELPER, "b/utils.py": HELPER,
                        "c/views.py": "import utils\n\n\ndef create():\n    api_token = utils.rand_str()\n    return api_token\n"})
    assert _check(tmp_path, ".") == (0, [])


def test_fix_rewrites_the_draw_in_the_helper(tmp_path):
    _pkg(tmp_path, TOKEN_VIEWS)
    assert _main(["fix", "pkg/utils.py"], tmp_path)[0] == 1
    text = (tmp_path / "pkg" / "utils.py").read_text()
    assert "secrets.choice(string.ascii_letters)" in text and "random.getrandbits" in text  # Gen.make is not a secret
    assert _check(tmp_path, ".") == (0, [])


def test_the_cache_follows_a_change_of_the_caller(tmp_path):
    """The helper's finding depends on another file: a second run after the caller changed must not
    answer from what the first run kept."""
    _pkg(tmp_path, TOKEN_VIEWS)

    def run():
        code, out, _ = _installed(tmp_path, "check", "pkg/utils.py")
        return code, out.count("RND101")

    assert run() == (1, 1)
    (tmp_path / "pkg" / "views.py").write_text("from .utils import rand_str\n\n\ndef upload():\n    filename = rand_str(8)\n")
    assert run() == (0, 0)
    (tmp_path / "pkg" / "views.py").write_text("from .utils import rand_str\n\n\ndef create():\n    api_token = rand_str(8)\n")
    assert run() == (1, 1)


def test_only_the_item_that_becomes_a_secret_is_reported_when_a_helper_returns_a_tuple(tmp_path):
    helper = (
        "import random\n\nFONTS = ['a', 'b']\n\n\ndef make():\n    answer = str(random.randint(1000, 9999))\n"
        "    font = random.choice(FONTS)\n    return answer, font\n"
    )
    _pkg(tmp_path, "from .utils import make\n\n\ndef show():\n    captcha_answer, font = make()\n    return captcha_answer\n",
         helper=helper)
    code, lines = _check(tmp_path, ".")
    assert code == 1 and [line.split(": ")[0] for line in lines] == ["pkg/utils.py:7:18"], lines


@pytest.mark.parametrize("facts", [
    {"r": "yes", "i": [["x"]], "u": [], "c": {}, "s": []},
    {"r": True, "i": [[0, 5, None, None]], "u": {"rand_str": "x"}, "c": [1, 2], "s": {"[]": [{}, []]}},
    # summaries of the right shape holding values of other types (a secret's name that is no string)
    {"s": {"[]": [{"rand_str": [["draw", 6, 19]]}, {}],
           '[["rand_str", "pkg/utils.py::rand_str"]]': [{"create": [["via", "pkg/utils.py::rand_str", 0]]},
                                                        {"pkg/utils.py::rand_str": [{"a": 1}, 5, ["x"]]}]}},
    {"s": {"[]": [{"rand_str": [["draw", "6", None]]}, {}]}},
])
def test_a_damaged_index_gives_the_same_findings(tmp_path, facts):
    import json

    _pkg(tmp_path, TOKEN_VIEWS)
    first = _installed(tmp_path, "check", ".")
    assert first[0] == 1 and "rand_str()" in first[1]
    [index] = list(tmp_path.glob(".secure-random-cache/*/index.json"))
    kept = json.loads(index.read_text())
    index.write_text(json.dumps({path: [*entry[:6], facts] for path, entry in kept.items()}))
    assert _installed(tmp_path, "check", ".") == first


def test_check_fix_rewrites_the_draw_and_reports_nothing_left(tmp_path):
    _pkg(tmp_path, TOKEN_VIEWS)
    code, out, err = _main(["check", "--no-cache", "--fix", "."], tmp_path)
    assert (code, out) == (0, "") and "Rewriting" in err
    assert "secrets.choice(string.ascii_letters)" in (tmp_path / "pkg" / "utils.py").read_text()


# Kinds a review found (each a whole kind, with its own small program).


@pytest.mark.parametrize("views", [
    # the name is also bound by an import from outside the project: which one runs is unknown
    "from .utils import rand_str\n\n\ndef create(user):\n    from secrets import token_urlsafe as rand_str\n"
    "    api_token = rand_str(32)\n    return api_token\n",
    "import pkg.utils as u\nimport hashlib as u\n\n\ndef create(user):\n    api_token = u.rand_str(32)\n    return api_token\n",
])
def test_a_name_also_bound_to_something_outside_the_project_is_not_followed(tmp_path, views):
    _pkg(tmp_path, views)
    assert _check(tmp_path, ".") == (0, [])


@pytest.mark.parametrize("helper", [
    HELPER + "\n\nrand_str = __import__('secrets').token_urlsafe\n",  # rebound after its definition
    HELPER + "\n\ndef rand_str(n=16):\n    return 'x' * n\n",  # defined again
])
def test_a_helper_defined_or_bound_twice_is_not_followed(tmp_path, helper):
    _pkg(tmp_path, TOKEN_VIEWS, helper=helper)
    assert _check(tmp_path, ".") == (0, [])


def test_a_fallback_for_a_failed_import_is_followed(tmp_path):
    helper = "try:\n    from django.utils.crypto import rand_str\nexcept ImportError:\n" + "".join(
        "    " + line if line.strip() else line for line in HELPER.split("class Gen")[0].splitlines(True)
    )
    _pkg(tmp_path, TOKEN_VIEWS, helper=helper)
    code, lines = _check(tmp_path, ".")
    assert code == 1 and len(lines) == 1 and "in rand_str() builds 'api_token'" in lines[0], (helper, lines)


def test_a_module_inside_a_package_is_not_a_top_level_module_of_the_same_name(tmp_path):
    # `from string_utils import ...` is a library's module, not `myproj/string_utils.py`
    _project(tmp_path, {"myproj/__init__.py": "", "myproj/string_utils.py": HELPER.replace("rand_str", "random_string"),
                        "myproj/views.py": "from string_utils import random_string\n\n\ndef create():\n"
                                           "    api_token = random_string()\n    return api_token\n"})
    assert _check(tmp_path, ".") == (0, [])


def test_in_a_monorepo_the_importers_own_service_is_meant(tmp_path):
    views = "from app.utils import rand_str\n\n\ndef create():\n    api_token = rand_str()\n    return api_token\n"
    _project(tmp_path, {"services/a/app/__init__.py": "", "services/a/app/utils.py": HELPER, "services/a/app/views.py": views,
                        "services/b/app/__init__.py": "", "services/b/app/utils.py": HELPER})
    code, lines = _check(tmp_path, ".")
    assert code == 1 and [line.split(":")[0] for line in lines] == ["services/a/app/utils.py"], lines


def test_a_helper_drawing_from_a_generator_instance_is_not_followed(tmp_path):
    # a generator's label also marks objects that only hold one (a task, a scheduler): across modules
    # nothing tells the two apart, so it is left (a known limit, in the README)
    helper = "import random\n\n_rng = random.Random()\n\n\ndef rand_str(n=16):\n    return '%x' % _rng.getrandbits(4 * n)\n"
    _pkg(tmp_path, TOKEN_VIEWS, helper=helper)
    assert _check(tmp_path, ".") == (0, [])


def test_check_fix_judges_what_is_left_at_the_new_positions(tmp_path):
    # `import secrets` goes in at line 2: the rewritten draw moves down a line, and the dice roll
    # moves onto the place the token's draw had; it must not be taken for it
    helper = (
        "import random\nimport string\n\n\ndef rand_str(n=16):\n"
        "    dice = ''.join(random.choice('123456') for _ in range(2))\n"
        "    return ''.join(random.choice(string.ascii_letters) for _ in range(n))\n"
    )
    _pkg(tmp_path, TOKEN_VIEWS, helper=helper)
    code, out, _ = _main(["check", "--no-cache", "--fix", "."], tmp_path)
    assert (code, out) == (0, ""), out
    assert "random.choice('123456')" in (tmp_path / "pkg" / "utils.py").read_text()
    assert _check(tmp_path, ".") == (0, [])


_PIECES = ["import", "from", "important", " ", "\t", "\n", "\r\n", "(", ")", "\\", "x", "a.b", ".", "#", ",", "'", "as",
           "from a import (x)", "import x", " import y", "\\\n", "from . import (\n"]


def test_import_statements_are_found_as_the_expression_finds_them():
    """`project._import_texts` (tried only at lines holding `import`) gives what the expression's
    own scan of the whole text gives, on texts made of the pieces that matter to it."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from flake8_secure_random.project import _IMPORT_LINE, _import_texts

    @settings(max_examples=1000, deadline=None, database=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
    def same(text):
        assert _import_texts(text) == [m.group(0).strip() for m in _IMPORT_LINE.finditer(text)]

    same()


def test_a_run_over_files_that_never_draw_does_not_read_the_project(tmp_path, monkeypatch):
    """Only a file that may draw can be demanded anything: checking `views.py` alone (it imports no
    `random`) does not list the project, as in a pre-commit run over such files."""
    from flake8_secure_random import across

    asked = []
    real = across.project_demands

    def spy(folder, given, *args, **kwargs):
        asked.append([os.path.basename(p) for p in given])
        return real(folder, given, *args, **kwargs)

    monkeypatch.setattr(across, "project_demands", spy)
    _pkg(tmp_path, TOKEN_VIEWS)
    assert _check(tmp_path, "pkg/views.py") == (0, [])
    assert asked == []
    assert _check(tmp_path, "pkg/views.py", "pkg/utils.py") == (1, [TOKEN_FROM_HELPER])
    assert asked == [["views.py", "utils.py"]]


PLAIN = "class Plain:\n    def make(self, n):\n        return 'x' * n\n"


@pytest.mark.parametrize("views, line", [
    # an instance in a local
    ("from .utils import Gen\n\n\ndef reset(user):\n    gen = Gen()\n    user.reset_token = gen.make(32)\n", 6),
    # the class through its module, the instance kept on `self`
    ("from pkg import utils\n\n\nclass Reset:\n    def __init__(self):\n        self.gen = utils.Gen()\n\n"
     "    def run(self, user):\n        user.reset_token = self.gen.make(32)\n", 9),
    # made and called at once
    ("from .utils import Gen\n\n\ndef reset(user):\n    user.reset_token = Gen().make(32)\n", 5),
    # re-exported by the package
    ("from pkg import Gen\n\n\ndef reset(user):\n    gen = Gen()\n    user.reset_token = gen.make(32)\n", 6),
    # a sibling class keeps something else under the same attribute: each class its own
    ("from .utils import Gen\nfrom .other import Plain\n\n\nclass Roller:\n    def __init__(self):\n"
     "        self.gen = Plain()\n\n\nclass Issuer:\n    def __init__(self):\n        self.gen = Gen()\n\n"
     "    def issue(self, user):\n        user.reset_token = self.gen.make(32)\n", 15),
])
def test_a_method_called_on_an_instance_of_the_imported_class(tmp_path, views, line):
    _pkg(tmp_path, views, extra={"pkg/__init__.py": "from .utils import Gen\n", "pkg/other.py": PLAIN})
    expected = [f"pkg/utils.py:12:29: RND101 random.getrandbits() in Gen.make() builds 'user.reset_token' in "
                f"pkg/views.py:{line}; use secrets.randbits()"]
    assert _check(tmp_path, ".") == (1, expected)
    assert _check(tmp_path, "pkg/utils.py") == (1, expected)


@pytest.mark.parametrize("views", [
    # the instance's method makes a file name
    "from .utils import Gen\n\n\ndef upload(data):\n    gen = Gen()\n    filename = gen.make(8) + '.png'\n    return filename\n",
    # the name is bound twice: which class it holds is not known
    "from .utils import Gen\n\n\ndef reset(user, other):\n    gen = Gen()\n    if other:\n        gen = other\n"
    "    user.reset_token = gen.make(32)\n",
    # a local class of the same name
    "from .utils import Gen\n\n\ndef reset(user):\n    class Gen:\n        def make(self, n):\n            return 'x' * n\n"
    "    gen = Gen()\n    user.reset_token = gen.make(32)\n",
    # `self.gen` of another class of the module; this one has a class attribute of that name
    "from .utils import Gen\nfrom .other import Plain\n\n\nclass Roller:\n    def __init__(self):\n        self.gen = Gen()\n\n\n"
    "class Issuer:\n    gen = Plain()\n\n    def issue(self, user):\n        user.reset_token = self.gen.make(32)\n",
    # a field declared in the class body (a dataclass's)
    "from .utils import Gen\nfrom .other import Plain\n\n\nclass Roller:\n    def __init__(self):\n        self.gen = Gen()\n\n\n"
    "class Issuer:\n    gen: Plain\n\n    def issue(self, user):\n        user.reset_token = self.gen.make(32)\n",
    # an attribute of some other object
    "from .utils import Gen\n\n\ndef setup(config):\n    config.gen = Gen()\n\n\nclass Issuer:\n"
    "    def issue(self, user):\n        user.reset_token = self.gen.make(32)\n",
    # a class body's name is not what its methods read
    "from .utils import Gen\nfrom .other import Plain\n\ngen = Plain()\n\n\nclass Svc:\n    gen = Gen()\n\n"
    "    def issue(self, user):\n        user.reset_token = gen.make(32)\n",
])
def test_an_instance_whose_method_stays_harmless_or_is_not_known_is_quiet(tmp_path, views):
    _pkg(tmp_path, views, extra={"pkg/other.py": PLAIN})
    assert _check(tmp_path, ".") == (0, [])
