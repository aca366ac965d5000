# shape: CRLF line endings, a multi-line call and a later import edit
import random

password = "".join(
    random.sample(
        "abcdefghijklmnop",  # characters
        8,
    )
)
otp = random.randint(
    1000,
    9999,
)
print(len(password), 1000 <= otp <= 9999)
