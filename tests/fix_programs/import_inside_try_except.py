# shape: `import random` inside a top-level try/except ImportError
try:
    import random
except ImportError:  # pragma: no cover
    raise SystemExit("no random")

token = "%016x" % random.getrandbits(64)
print(len(token))
