# Equal short str constants of one module are one object across its functions, as in
# CPython, and dict lookups find equal keys built at run time too.

def key_a():
    return "latency_ms"


def key_b():
    return "latency_ms"


def dashed_a():
    return "us-east"


def dashed_b():
    return "us-east"


print(key_a() is key_b())
print(dashed_a() is dashed_b(), dashed_a() == dashed_b())

row = {"latency_ms": 1.5, "us-east": 2, "x": 3, "": 4}
print(row[key_b()], row[dashed_b()], row["x"], row[""])
built = "latency" + "_" + "ms"
print(row[built], built == key_a())
joined = "-".join(["us", "east"])
print(row[joined])
groups = {}
for k in [key_a(), built, dashed_a(), joined, "x"]:
    groups[k] = groups.get(k, 0) + 1
print(groups)
try:
    row["latency"]
except KeyError as e:
    print("KeyError", e)
