# shape: flagged call in an async function run with asyncio
import asyncio
import random


async def make_otp():
    await asyncio.sleep(0)
    return random.randint(100000, 999999)


otp = asyncio.run(make_otp())
print(100000 <= otp <= 999999)
