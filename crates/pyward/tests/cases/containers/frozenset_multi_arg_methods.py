# frozenset methods taking several iterables of any kind return a new frozenset and never
# lose an argument; set methods agree.
base = [1, 2, 3, 4, 5]
for kind in (set, frozenset):
    s = kind(base)
    outs = [
        s.difference(),
        s.difference(kind({1})),
        s.difference(kind({1}), [1, 2]),
        s.difference([5], (4,), {3}, range(2, 3)),
        s.difference(iter([1, 2, 3])),
        s.difference("ab", {1: "x"}),
        s.union([9], (8,)),
        s.intersection([1, 2, 3], {2, 3}),
        s.symmetric_difference([5, 6]),
    ]
    for o in outs:
        print(type(o).__name__, sorted(o, key=repr))
    print(type(s).__name__, sorted(s))

fs = frozenset("abc")
print(sorted(fs.difference(x for x in "ab")), sorted(fs - frozenset("c")))
try:
    fs.difference_update("a")
except AttributeError as e:
    print("AttributeError:", e)
try:
    set.discard(fs, "a")
except TypeError as e:
    print("TypeError:", e)
print(sorted(fs))
