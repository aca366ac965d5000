"""The fixer: rewrite exactly the flagged calls to equivalent `secrets` code, and prove it.

    spans        positions and edits over the original text
    rewrites     one flagged node -> one exact edit, or the reason there is none
    names        what `secrets` means at a site; whether a name is still referred to
    imports      `import secrets` where isort puts it; `random` imports nothing needs any more
    equivalence  the check every result passes before it is returned (black's safe mode)
    engine       apply(): the four above, in that order
"""
from .engine import FixResult, apply, file_context, fix_kind

__all__ = ["FixResult", "apply", "file_context", "fix_kind"]
