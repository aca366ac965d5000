# The files under fix_programs/ are data for test_fix_behaviour.py: programs it runs, never modules to
# import (pytest's --doctest-modules would otherwise import, and so run, every one of them).
collect_ignore_glob = ["fix_programs/*"]
