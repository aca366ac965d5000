# shape: flagged call in a function called from an `if __name__ == "__main__":` block
import random


def main():
    password = "".join(random.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(14))
    print(len(password))


if __name__ == "__main__":
    main()
