# Subscripts and comparisons that the dispatch loop answers inline, next to the cases it
# must leave to the general path (errors, bools, subclasses, colliding user keys).

items = [10, 20, 30]
t = (1, 2, 3)
print(items[0], items[-1], items[-3], t[2], t[-2], items[True], t[False])
for bad in (3, -4, 2**63 - 1, -2**63):
    try:
        items[bad]
    except IndexError as e:
        print("IndexError", e)
try:
    t[5]
except IndexError as e:
    print("IndexError", e)
try:
    items["0"]
except TypeError as e:
    print("TypeError", e)

items[0] = 11
items[-1] = 33
items[True] = 22
print(items)
for bad in (3, -4):
    try:
        items[bad] = 0
    except IndexError as e:
        print("IndexError", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)


class Key(str):
    pass


class Collide:
    def __init__(self, text):
        self.text = text

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        print("Collide.__eq__", other)
        return other == self.text


d = {"a": 1, "b": 2, 3: "three", Key("k"): 4}
print(d["a"], d["b"], d[3], d["k"], d[Key("a")])
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
d2 = {Collide("x"): "user"}
print(d2["x"])
d2["x"] = "str"
print(len(d2), d2["x"])


class Missing(dict):
    def __missing__(self, key):
        return key * 2


m = Missing(a=1)
print(m["a"], m["zz"])

# Comparisons followed by a conditional jump.
nan = float("nan")
n = 0
for a, b in [(1, 2), (2, 1), (1.5, 1.5), (nan, nan), (nan, 1.0), (3, 3.0), ("a", "b")]:
    if a < b:
        n += 1
    if a <= b:
        n += 10
    if not a == b:
        n += 100
    if a != b or a > b:
        n += 1000
    print(a, b, n)
i = 0
while i < 5:
    i += 1
print(i, 1 < 2 < 3, 3 > 2 > 2)
