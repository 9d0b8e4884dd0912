# slice.indices keeps the stop CPython computes even when the slice selects nothing, and
# dict keys/items views are unhashable while values views hash by identity.
cases = [
    slice(None), slice(3, None), slice(None, 8), slice(3, 8), slice(3, 8, 3),
    slice(3, 8, -3), slice(8, 3, 3), slice(8, 3, -3), slice(-2, 2), slice(2, -2, -1),
    slice(100, -100, -7), slice(-100, 100, 7), slice(None, None, -1), slice(5, 5),
]
for n in (0, 1, 6, 10):
    print(n, [s.indices(n) for s in cases])

# indices() agrees with range(...) over the same length
for s in cases:
    for n in (0, 4, 9):
        assert list(range(*s.indices(n))) == list(range(n))[s], (s, n)

print(slice(None, None, -(2**63)).indices(5))
for bad in (-1, "3", None, 2.0):
    try:
        slice(1, 2).indices(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

d = {"a": 1, "b": 2}
for view in (d.keys(), d.items()):
    try:
        hash(view)
    except TypeError as e:
        print("TypeError", e)
v = d.values()
print(hash(v) == hash(v), type(hash(v)).__name__)
try:
    {d.keys(): 1}
except TypeError as e:
    print("TypeError", e)
try:
    hash(slice(1, 2))
except TypeError as e:
    print("TypeError", e)
