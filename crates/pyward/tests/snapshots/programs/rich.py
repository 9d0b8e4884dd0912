import math
from collections import OrderedDict, deque

class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return 2
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return False

class Counter:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Counter({self.n})"

class Sub(Counter):
    def bump(self):
        self.n += 1
        return self.n

class MyList(list):
    pass

class MyErr(ValueError):
    pass

def make_adder(k):
    def add(x):
        return x + k
    return add

def gen():
    total = 0
    with Ctx("g") as c:
        for i in range(10):
            try:
                total += (yield i * c) or 0
            except MyErr as e:
                print("gen caught", repr(e))
    return total

g = gen()
first = next(g), g.send(5)
d = {"a": 1, "b": [1, 2], 3: (4, 5), None: {"x"}}
for k in range(20):
    d[k * 7] = k
del d[14]
it = iter(d.items())
next(it)
s = {1, 2, 3, 100, 7, 1 << 40}
s.discard(2)
add5 = make_adder(5)
objs = [Counter(1), Sub(2), MyList([1, 2])]
big = 2 ** 200 + 1
def f():
    raise MyErr("boom")
try:
    f()
except MyErr as e:
    err = e
lst_it = iter([10, 20, 30]); next(lst_it)
rng_it = iter(range(5, 50, 5)); next(rng_it)
str_it = iter("héllo"); next(str_it)
z = zip([1, 2, 3], "abc"); next(z)
m = map(lambda x: x * 2, [1, 2, 3]); next(m)
fs = frozenset([3, 1, 2])
ba = bytearray(b"abc")
od = OrderedDict([("x", 1), ("y", 2)])
dq = deque([1, 2, 3], maxlen=5)
nested = [[i, {"k": i}] for i in range(3)]
