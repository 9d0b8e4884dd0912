import pprint
from collections import OrderedDict, defaultdict, Counter, deque, ChainMap
from dataclasses import dataclass, field

data = {"name": "widget", "tags": ["a", "b", "c"] * 8, "dims": {"w": 10, "h": 20, "d": (1, 2, 3)},
        "nested": [{"id": i, "vals": list(range(i))} for i in range(6)], 3: None, "zz": {1, 2, 3}}
pprint.pprint(data)
print(pprint.pformat(data, width=40, indent=2))
print(pprint.pformat(data, depth=2))
print(pprint.pformat(data, sort_dicts=False, width=60))
print(pprint.pformat(list(range(50)), compact=True, width=40))
print(pprint.pformat([list(range(12))] * 3, compact=True, width=30))
print(pprint.pformat(("x" * 30, "y" * 30, (1,)), width=30))
print(pprint.pformat("lorem ipsum dolor sit amet " * 8, width=40))
print(pprint.pformat(["a long line of text that needs wrapping here\nand a second line"], width=30))
print(pprint.pformat(b"\x00\x01binary data here!!" * 4, width=30), pprint.pformat(bytearray(b"abcdefgh" * 6), width=30))
print(pprint.pformat({frozenset({3, 1}), frozenset({2})}), pprint.pformat(set(range(30)), width=30))
print(pprint.pformat(OrderedDict((str(i), i) for i in range(10)), width=40))
d = defaultdict(list, {k: [k] * 5 for k in "abcdef"})
print(pprint.pformat(d, width=40))
print(pprint.pformat(Counter("mississippi river banks"), width=40))
print(pprint.pformat(deque(range(30), maxlen=40), width=40), pprint.pformat(deque(range(30)), width=40))
print(pprint.pformat(ChainMap({"a": 1, "b": list(range(20))}, {"c": 3}), width=40))
@dataclass
class Point:
    x: int
    y: int
    tags: list = field(default_factory=list)
print(pprint.pformat(Point(1, 2, ["t" * 20] * 4), width=40), pprint.pformat([Point(1, 2)]))
r = [1, 2]
r.append(r)
print(pprint.saferepr(r)[:30], pprint.isrecursive(r), pprint.isreadable(r), pprint.isreadable({"a": 1}))
print(pprint.saferepr({"b": 1, "a": [object][:0]}), pprint.pformat(10 ** 20, underscore_numbers=True))
pprint.pp({"z": 1, "a": 2})
class D(dict):
    pass
class R(dict):
    def __repr__(self):
        return "R()"
print(pprint.pformat(D({i: str(i) * 10 for i in range(8)}), width=40), pprint.pformat(R(a=1)))
print(pprint.pformat([], width=1), pprint.pformat({}, width=1), pprint.pformat((), width=1), pprint.pformat([[1, 2], [3, 4]], width=1))
pp = pprint.PrettyPrinter(indent=4, width=30)
pp.pprint({"key": ["value"] * 5})
print(pp.isreadable([1]), pp.pformat("short"))
for bad in [dict(indent=-1), dict(depth=0), dict(width=0)]:
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print("ValueError", e)
