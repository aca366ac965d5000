# shape: `import random` and the flagged call both inside the `if __name__ == "__main__":` block
if __name__ == "__main__":
    import random
    api_key = "%032x" % random.getrandbits(128)
    print(len(api_key))
