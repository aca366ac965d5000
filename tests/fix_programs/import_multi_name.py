# shape: `import os, random, string` on one statement
import os, random, string

password = "".join(random.choice(string.ascii_letters) for _ in range(12))
print(len(password), os.path.basename("/a/b"))
