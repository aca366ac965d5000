"""`secure-random fix`: in-place rewrites, --diff, stdin, exit codes, encodings, permissions."""
from __future__ import annotations

import io
import os
import stat
import subprocess
import sys

from flake8_secure_random.cli import main

BAD = "import random\n\ntoken = '%x' % random.getrandbits(64)\n"
FIXED = "import secrets\n\ntoken = '%x' % secrets.randbits(64)\n"
GOOD = "import random\n\nroll = random.randint(1, 6)\n"


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_rewrites_in_place_and_exits_1_then_0(tmp_path):
    bad, good = tmp_path / "auth.py", tmp_path / "dice.py"
    bad.write_text(BAD)
    good.write_text(GOOD)
    code, out, err = run(["fix", str(tmp_path)])
    assert (code, out, err) == (1, "", f"Rewriting {bad}\n")
    assert bad.read_text() == FIXED and good.read_text() == GOOD
    assert run(["fix", str(tmp_path)]) == (0, "", "")
    assert run(["check", str(tmp_path)])[0] == 0


def test_diff_writes_nothing(tmp_path):
    bad = tmp_path / "auth.py"
    bad.write_text(BAD)
    code, out, err = run(["fix", "--diff", str(bad)])
    assert code == 1 and err == ""
    assert out.splitlines() == [
        f"--- a/{str(bad).lstrip('/')}", f"+++ b/{str(bad).lstrip('/')}", "@@ -1,3 +1,3 @@",
        "-import random", "+import secrets", " ",
        "-token = '%x' % random.getrandbits(64)", "+token = '%x' % secrets.randbits(64)",
    ]
    assert bad.read_text() == BAD


def test_stdin_to_stdout(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "flake8_secure_random", "fix", "-"], input=BAD,
                          capture_output=True, text=True, cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (1, FIXED)
    proc = subprocess.run([sys.executable, "-m", "flake8_secure_random", "fix", "-"], input=GOOD,
                          capture_output=True, text=True, cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (0, GOOD)


def test_mode_encoding_bom_and_newlines_are_kept(tmp_path):
    path = tmp_path / "auth.py"
    source = "# -*- coding: latin-1 -*-\r\nimport random\r\nname = '\xe9'\r\ntoken = random.getrandbits(8)\r\n"
    path.write_bytes(source.encode("latin-1"))
    os.chmod(path, 0o751)
    assert run(["fix", str(path)])[0] == 1
    assert path.read_bytes() == source.replace("random", "secrets").replace("getrandbits", "randbits").encode("latin-1")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o751
    bom = tmp_path / "bom.py"
    bom.write_bytes(b"\xef\xbb\xbf" + BAD.encode())
    assert run(["fix", str(bom)])[0] == 1
    assert bom.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_unfixable_findings_are_listed_on_stderr(tmp_path):
    path = tmp_path / "pin.py"
    path.write_text("import numpy as np\npin = np.random.randint(0, 9999)\n")
    code, out, err = run(["fix", str(path)])
    assert (code, out) == (0, "")
    assert err == f"{path}:2:7: RND104 numpy.random.randint() builds 'pin'; use the secrets module " \
                  "(not fixed: numpy.random.randint() has no exact secrets equivalent (numpy's signatures differ))\n"


def test_bad_input_exit_2_others_still_fixed(tmp_path):
    (tmp_path / "broken.py").write_text("import random\ndef f(:\n")
    (tmp_path / "auth.py").write_text(BAD)
    code, _, err = run(["fix", str(tmp_path), str(tmp_path / "missing.py")])
    assert code == 2
    assert (tmp_path / "auth.py").read_text() == FIXED
    assert (tmp_path / "broken.py").read_text() == "import random\ndef f(:\n"
    assert "broken.py: cannot parse" in err and "missing.py: no such file or directory" in err


def test_symlinks_are_not_rewritten(tmp_path):
    real = tmp_path / "real.py"
    real.write_text(BAD)
    (tmp_path / "link.py").symlink_to(real)
    code, _, err = run(["fix", str(tmp_path / "link.py")])
    assert code == 2 and "symbolic link" in err and real.read_text() == BAD


def test_libcst_codemod_command(tmp_path):
    path = tmp_path / "auth.py"
    path.write_text(BAD)
    proc = subprocess.run(
        [sys.executable, "-m", "libcst.tool", "codemod", "--no-format", "-x",
         "flake8_secure_random.codemod.SecureRandomCommand", str(path)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert path.read_text() == FIXED


def test_the_readme_codemod_setup_sequence(tmp_path):
    """README "As a libcst codemod": `initialize`, the `modules` entry, then the short command name,
    with --no-format (issue 13 item 13). Without it libcst pipes the file through its formatter."""
    libcst = [sys.executable, "-m", "libcst.tool"]
    (tmp_path / "auth.py").write_text(BAD + "roll  =  random.randint(1,6)\n")
    init = subprocess.run([*libcst, "initialize", "."], capture_output=True, text=True, cwd=tmp_path)
    assert init.returncode == 0, init.stderr
    config = tmp_path / ".libcst.codemod.yaml"
    text = config.read_text()
    assert "- 'libcst.codemod.commands'\n" in text
    config.write_text(text.replace("- 'libcst.codemod.commands'\n", "- 'libcst.codemod.commands'\n- 'flake8_secure_random'\n"))
    proc = subprocess.run([*libcst, "codemod", "--no-format", "codemod.SecureRandomCommand", "."],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "auth.py").read_text() == (
        "import random\nimport secrets\n\ntoken = '%x' % secrets.randbits(64)\nroll  =  random.randint(1,6)\n")  # nothing else reformatted
    # what the README warns about: without --no-format the configured formatter (black) must exist
    (tmp_path / "auth.py").write_text(BAD)
    config.write_text(config.read_text().replace("formatter: ['black', '-']", "formatter: ['no-such-formatter-here', '-']"))
    unformatted = subprocess.run([*libcst, "codemod", "codemod.SecureRandomCommand", "."],
                                 capture_output=True, text=True, cwd=tmp_path)
    assert unformatted.returncode != 0 and (tmp_path / "auth.py").read_text() == BAD


def test_fixed_examples_import_run_and_keep_their_shapes(tmp_path):
    import ast
    import importlib.util
    import shutil
    from pathlib import Path

    examples = Path(__file__).resolve().parent.parent / "examples"
    for f in examples.glob("*.py"):
        shutil.copy(f, tmp_path / f.name)
    assert run(["fix", str(tmp_path)])[0] == 1
    for name in ("benign.py", "secure.py"):
        assert (tmp_path / name).read_bytes() == (examples / name).read_bytes()
    fixed = (tmp_path / "insecure_tokens.py").read_text()
    assert not any(isinstance(n, ast.Name) and n.id == "random" for n in ast.walk(ast.parse(fixed)))
    assert run(["fix", str(tmp_path)])[0] == 0

    spec = importlib.util.spec_from_file_location("fixed_insecure_tokens", tmp_path / "insecure_tokens.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    class Sms:
        def send(self, phone, text):
            self.text = text

    class User:
        phone = "+100"

    password = module.new_password()
    assert isinstance(password, str) and len(password) == 16
    for _ in range(200):
        otp = module.send_login_code(User(), Sms())
        assert isinstance(otp, int) and 100000 <= otp <= 999999
    key = module.ApiClient().api_key
    assert isinstance(key, str) and int(key, 16) < 2**128
    session = module.new_session_id()
    assert isinstance(session, str) and len(session) == 32


COMPARE = "def authorised(request, client):\n    return request.headers['X-Api-Token'] == client.api_token\n"
COMPARED = (
    "import secrets\n\n\ndef authorised(request, client):\n"
    "    return secrets.compare_digest(request.headers['X-Api-Token'], client.api_token)\n"
)


def test_unsafe_fixes_only_when_asked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "auth.py"
    path.write_text(COMPARE)
    code, out, err = run(["fix", str(path)])
    assert (code, out) == (0, "") and path.read_text() == COMPARE
    assert "RND301" in err and "(not fixed: unsafe fix:" in err and "--unsafe-fixes" in err
    code, out, err = run(["fix", "--unsafe-fixes", str(path)])
    assert (code, out, err) == (1, "", f"Rewriting {path}\n")
    assert path.read_text() == COMPARED
    assert run(["check", str(path)])[0] == 0


def test_unsafe_fixes_from_pyproject(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.secure-random]\nunsafe-fixes = true\n")
    path = tmp_path / "auth.py"
    path.write_text(COMPARE)
    assert run(["fix", str(path)])[0] == 1 and path.read_text() == COMPARED
    (tmp_path / "pyproject.toml").write_text("[tool.secure-random]\nunsafe-fixes = 'yes'\n")
    code, _, err = run(["fix", str(path)])
    assert code == 2 and "'unsafe-fixes' must be true or false" in err


def test_libcst_codemod_command_unsafe_fixes(tmp_path):
    path = tmp_path / "auth.py"
    path.write_text(COMPARE)
    command = [sys.executable, "-m", "libcst.tool", "codemod", "--no-format", "-x",
               "flake8_secure_random.codemod.SecureRandomCommand", str(path)]
    proc = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert path.read_text() == COMPARE and "RND301" in proc.stderr
    proc = subprocess.run(command + ["--unsafe-fixes"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert path.read_text() == COMPARED
