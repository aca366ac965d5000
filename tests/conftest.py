# The files under fix_programs/ are data for test_fix_behaviour.py: programs it runs, never modules to
# import (pytest's --doctest-modules would otherwise import, and so run, every one of them).
collect_ignore_glob = ["fix_programs/*"]

import os  # noqa: E402
import tempfile  # noqa: E402

# Runs of `secure-random check` inside the tests keep their cache (see cache.py) in a folder of their
# own, not in the checkout; tests/test_cache.py points it elsewhere where it matters.
os.environ.setdefault("SECURE_RANDOM_CACHE_DIR", tempfile.mkdtemp(prefix="secure-random-cache-"))
