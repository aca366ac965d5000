# shape: random.Random(config.seed) where reading the seed is a property with an effect
import random


class Config:
    reads = 0

    @property
    def seed(self):
        Config.reads += 1
        return 42


config = Config()
rng = random.Random(config.seed)
token = "%016x" % rng.getrandbits(64)
print(len(token), "seed read", Config.reads, "time(s)")
