# shape: `import secrets` only inside an unrelated function
import random


def other_token():
    import secrets
    return secrets.token_hex(8)


password = "".join(random.choice("abcdef") for _ in range(8))
print(len(password), len(other_token()))
