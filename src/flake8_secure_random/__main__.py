"""`python -m flake8_secure_random` is `secure-random`."""
import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
