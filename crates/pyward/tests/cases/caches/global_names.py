# Global and builtin name lookups are cached per instruction: every way of changing the
# globals between two executions of the same instruction must show through.


def get_x():
    return x


x = 1
print(get_x())
x = 2
print(get_x())
del x
try:
    get_x()
except NameError as e:
    print("NameError:", e)
x = 3
print(get_x())


def use_len(s):
    return len(s)


print(use_len("abc"))
len = lambda s: 42
print(use_len("abc"))
del len
print(use_len("abc"))


def get_y():
    return y


g = globals()
g["y"] = "via globals()"
print(get_y())
g["y"] = "rebound"
print(get_y())
g.pop("y")
try:
    get_y()
except NameError as e:
    print("NameError:", e)


def get_z():
    return z


z = 0
for i in range(100):
    g["filler%d" % i] = i
    z = i
    assert get_z() == i
print(get_z())
for i in range(100):
    del g["filler%d" % i]
print(get_z())

total = 0
for i in range(10):
    total = total + i
    if i == 5:
        del total
        total = 100
print(total)


def set_w(v):
    global w
    w = v


def get_w():
    return w


for v in range(3):
    set_w(v)
    print(get_w(), w)
del w
set_w("back")
print(get_w())

# The same source run against several globals dicts.
code = "def f():\n    return v\n"
ns1 = {"v": 1}
ns2 = {"v": 2}
exec(code, ns1)
exec(code, ns2)
for _ in range(3):
    print(ns1["f"](), ns2["f"]())
ns2["v"] = "two"
del ns1["v"]
try:
    print(ns1["f"]())
except NameError as e:
    print("NameError:", e)
print(ns2["f"]())

# Collections in between (ids may be reused by new dicts).
for round in range(3):
    ns = {"v": round}
    exec(code, ns)
    junk = [[i] for i in range(50000)]
    print(ns["f"]())
