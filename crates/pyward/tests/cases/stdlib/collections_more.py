from collections import Counter, OrderedDict, deque, namedtuple, ChainMap, defaultdict
c = Counter("abracadabra")
print(c.most_common(2), c["z"], "z" in c, c.total(), sorted(c))
c.subtract("aaaaaaa")
print(c, +c, -c)
print(Counter(a=1) == Counter(a=1, b=0), Counter(), Counter(x=2) <= Counter(x=3))
print(Counter({"a": 2}) & Counter({"a": 1, "b": 3}), Counter(a=1) | Counter(a=3, b=1))
del c["nope"]
print(len(c), list(c.elements())[:3])
d = deque(range(5), maxlen=5)
d.appendleft(-1)
print(d, d.maxlen, d[-1], list(d.__reversed__()))
d.rotate(2)
print(d, d.index(3))
d.remove(3)
d.reverse()
print(d, len(d), bool(deque()), deque("ab") == deque("ab"))
for f in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1]).remove(9), lambda: deque(maxlen=-1)]:
    try:
        f()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
print(repr(deque(maxlen=2)), deque([1, 2]) + deque([3]))
P = namedtuple("P", "x, y")
p = P(1, y=2)
print(p, p._fields, P._make([5, 6]), p._replace(y=9), p._asdict(), tuple(p), p[0] + p.y)
Q = namedtuple("Q", ["a", "def", "a"], rename=True)
print(Q._fields, Q(1, 2, 3))
R = namedtuple("R", "a b c", defaults=[2, 3])
print(R(1), R(1, c=5), R._field_defaults)
for f in [lambda: P(1), lambda: P(1, 2, 3), lambda: P(1, x=2), lambda: P(1, 2, z=3), lambda: P._make([1]), lambda: p._replace(z=1), lambda: namedtuple("Q", "a a"), lambda: namedtuple("Q", "_a"), lambda: namedtuple("Q", "def"), lambda: namedtuple("Q", "1a"), lambda: P(), lambda: R()]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
od = OrderedDict([("a", 1), ("b", 2), ("c", 3)])
od.move_to_end("a")
print(od, od.popitem(last=False), OrderedDict(), od == OrderedDict([("c", 3), ("a", 1)]))
try:
    OrderedDict().popitem()
except KeyError as e:
    print(type(e).__name__, e)
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.get("z", 0), "b" in cm, cm)
cm["z"] = 9
print(cm.maps[0], cm.new_child(), cm.parents)
try:
    del cm["b"]
except KeyError as e:
    print(type(e).__name__, e)
dd = defaultdict(int)
dd["a"] += 2
print(dd, dd["b"], len(dd), "c" in dd, dd.get("c"))
dn = defaultdict()
try:
    dn["x"]
except KeyError as e:
    print(type(e).__name__, e)
