# shape: flagged call in a triple-quoted f-string spanning several lines
import random

reset_code = f"""code:
{random.randint(1000, 9999)}
end"""
lines = reset_code.splitlines()
print(len(lines), lines[0], len(lines[1]), lines[2])
