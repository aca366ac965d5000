"""`check --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it."""
from __future__ import annotations

import io
import json
import os

import pytest

from flake8_secure_random.cli import main

SRC = "import random\n\n\ndef new_password():\n    return ''.join(random.choice('abcdefghijklmnop') for _ in range(16))\n\n\notp = random.randint(100000, 999999)\n"


def sarif(cwd, *paths):
    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        code = main(["check", "--format", "sarif", *paths], out=out, err=err)
    finally:
        os.chdir(old)
    assert err.getvalue() == ""
    return code, json.loads(out.getvalue())


@pytest.fixture
def project(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "auth.py").write_text(SRC)
    return tmp_path


def test_required_properties_of_the_2_1_0_format(project):
    code, log = sarif(project, "pkg")
    assert code == 1
    # sarifLog (3.13): version and runs are required
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    [run] = log["runs"]
    # run (3.14): tool is required; toolComponent (3.19): name is required
    driver = run["tool"]["driver"]
    assert driver["name"] == "secure-random" and driver["version"] and driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    for rule in rules:  # reportingDescriptor (3.49): id is required
        assert rule["id"].startswith("RND") and rule["name"]
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"].startswith(f"# {rule['id']}")
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note", "none")
        assert "security" in rule["properties"]["tags"] and any(t.startswith("CWE-") for t in rule["properties"]["tags"])
        if rule["id"].startswith("RND1"):
            assert {"CWE-338", "external/cwe/cwe-338"} <= set(rule["properties"]["tags"])
        assert 0.0 < float(rule["properties"]["security-severity"]) <= 10.0
    assert len(run["results"]) == 2
    for result in run["results"]:
        # result (3.27): message is required; ruleId / ruleIndex must agree
        assert result["message"]["text"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note", "none")
        [location] = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": "pkg/auth.py", "uriBaseId": "%SRCROOT%"}
        region = physical["region"]  # region (3.30): 1-based, end after start
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) > (region["startLine"], region["startColumn"])
        assert result["partialFingerprints"]["secureRandom/v1"]
        [fix] = result["fixes"]  # fix (3.55): artifactChanges required, each with location and replacements
        [change] = fix["artifactChanges"]
        assert change["artifactLocation"]["uri"] == "pkg/auth.py"
        assert change["replacements"][0]["deletedRegion"] == region
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_regions_and_fixes_match_the_source(project):
    _, log = sarif(project, "pkg")
    lines = SRC.splitlines()
    texts = []
    for result in log["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        line = lines[region["startLine"] - 1]
        assert line[region["startColumn"] - 1 : region["endColumn"] - 1].startswith("random.")
        new = result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
        texts.append(line[: region["startColumn"] - 1] + new + line[region["endColumn"] - 1 :])
    assert texts == [
        "    return ''.join(secrets.choice('abcdefghijklmnop') for _ in range(16))",
        "otp = secrets.randbelow(900000) + 100000",
    ]


def _apply_sarif_fix(text: str, fix: dict) -> str:
    """A SARIF consumer's way: each replacement's region read against the file, applied in order."""
    [change] = fix["artifactChanges"]
    lines = text.splitlines(keepends=True)
    for replacement in change["replacements"]:
        region = replacement["deletedRegion"]
        starts = [sum(len(x) for x in lines[:i]) for i in range(len(lines) + 1)]
        flat = "".join(lines)
        start = starts[region["startLine"] - 1] + region["startColumn"] - 1
        end = starts[region["endLine"] - 1] + region["endColumn"] - 1
        flat = flat[:start] + replacement["insertedContent"]["text"] + flat[end:]
        lines = flat.splitlines(keepends=True)
    return "".join(lines)


@pytest.mark.parametrize("source", [
    SRC,
    # a docstring and a `from __future__` import: `import secrets` goes after them
    '"""Doc."""\nfrom __future__ import annotations\nimport random\n\notp = random.randint(100000, 999999)\n',
    # the first use comes before a later call: the insertion is above both
    "import random\nimport os\n\n\ndef reset_token():\n    return random.choice('xyz') + str(random.randint(0, 9))\n",
])
def test_each_fix_alone_gives_a_program_that_runs(tmp_path, source):
    """A fix is whole on its own (issue 13 item 9): its replacement and the `import secrets` it needs;
    `import random` stays (other calls still use it). Applied one at a time, each result runs."""
    (tmp_path / "mod.py").write_text(source)
    _, log = sarif(tmp_path, "mod.py")
    results = log["runs"][0]["results"]
    assert results
    for result in results:
        [fix] = result["fixes"]
        assert "import secrets" in fix["description"]["text"]
        inserted = [r["insertedContent"]["text"] for r in fix["artifactChanges"][0]["replacements"]]
        assert sum("import secrets" in t for t in inserted) == 1
        fixed = _apply_sarif_fix(source, fix)
        assert "secrets." in fixed and "import random" in fixed
        namespace: dict = {}
        exec(compile(fixed, "mod.py", "exec"), namespace)  # runs: the import is where it is needed
        for name in ("new_password", "reset_token"):
            if name in namespace:
                namespace[name]()


def test_a_fix_adds_no_import_when_secrets_is_already_imported(tmp_path):
    (tmp_path / "mod.py").write_text("import random\nimport secrets\n\ntoken = random.getrandbits(64)\n")
    _, log = sarif(tmp_path, "mod.py")
    [result] = log["runs"][0]["results"]
    [change] = result["fixes"][0]["artifactChanges"]
    assert [r["insertedContent"]["text"] for r in change["replacements"]] == ["secrets.randbits(64)"]


def test_fingerprints_are_stable_across_runs_and_line_moves(project):
    _, first = sarif(project, "pkg")
    _, second = sarif(project, "pkg")
    prints = [r["partialFingerprints"] for r in first["runs"][0]["results"]]
    assert prints == [r["partialFingerprints"] for r in second["runs"][0]["results"]]
    (project / "pkg" / "auth.py").write_text("# a new first line\n" + SRC)
    _, moved = sarif(project, "pkg")
    assert [r["partialFingerprints"] for r in moved["runs"][0]["results"]] == prints
    assert len({p["secureRandom/v1"] for p in prints}) == 2


def test_clean_tree_is_a_valid_log_with_no_results(project):
    (project / "pkg" / "auth.py").write_text("import random\nroll = random.randint(1, 6)\n")
    code, log = sarif(project, "pkg")
    from flake8_secure_random.rules import RULES

    assert code == 0 and log["runs"][0]["results"] == [] and len(log["runs"][0]["tool"]["driver"]["rules"]) == len(RULES)


def test_uris_are_relative_to_the_repository_and_bad_files_are_notifications(tmp_path):
    import subprocess
    import sys

    (tmp_path / ".git").mkdir()
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "tokens.py").write_text(SRC)
    (tmp_path / "app" / "broken.py").write_text("import random\nx = (\n")
    env = {k: v for k, v in os.environ.items() if k != "SECURE_RANDOM_CACHE_DIR"} | {"SECURE_RANDOM_NO_CACHE": "1"}
    proc = subprocess.run([sys.executable, "-m", "flake8_secure_random", "check", "--format", "sarif", "."],
                          cwd=tmp_path / "app", env=env, capture_output=True, text=True)
    log = json.loads(proc.stdout)
    run = log["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"app/tokens.py"}  # from inside app/, relative to the repository's top
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False and proc.returncode == 2
    (note,) = invocation["toolExecutionNotifications"]
    assert note["message"]["text"].startswith("cannot parse")
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "app/broken.py"


def test_uris_are_percent_encoded(tmp_path):
    """RFC 3986: a space, `#` or `%` in a file name cannot stand as it is in a URI reference."""
    (tmp_path / "my dir").mkdir()
    (tmp_path / "my dir" / "a#b%c.py").write_text(SRC)
    _, log = sarif(tmp_path, "my dir")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"my%20dir/a%23b%25c.py"}
