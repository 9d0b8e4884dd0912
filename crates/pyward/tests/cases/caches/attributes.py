# Attribute reads, writes and method lookups are cached per instruction: changing classes,
# instance dicts, inheritance and receivers between executions must show through.


class A:
    kind = "class-a"

    def method(self):
        return "A.method"


def read_kind(o):
    return o.kind


def call_method(o):
    return o.method()


def get_method(o):
    return o.method


a = A()
for _ in range(2):
    print(read_kind(a), call_method(a), get_method(a)())
a.kind = "instance"
print(read_kind(a))
del a.kind
print(read_kind(a))
A.kind = "changed on class"
print(read_kind(a))
A.method = lambda self: "replaced"
print(call_method(a))
a.method = lambda: "instance attribute"
print(call_method(a), get_method(a)())
del a.method
print(call_method(a))
del A.method
try:
    call_method(a)
except AttributeError as e:
    print("AttributeError:", e)


class B(A):
    pass


b = B()
print(read_kind(b))
A.kind = "from A again"
print(read_kind(b))
B.kind = "B's own"
print(read_kind(b), read_kind(a))
del B.kind
print(read_kind(b))


class C:
    kind = 3

    def method(self):
        return "C.method"


for o in [a, b, C(), a, C()]:
    print(read_kind(o))


class D:
    def __init__(self):
        self.x = 1


def read_x(o):
    return o.x


def write_x(o, v):
    o.x = v


d = D()
print(read_x(d))
write_x(d, 2)
print(read_x(d))
D.x = property(lambda self: "property wins", lambda self, v: print("setter", v))
print(read_x(d))
write_x(d, 5)
print(read_x(d))
del D.x
print(read_x(d))


class E:
    def __getattr__(self, name):
        return "fallback " + name


def read_y(o):
    return o.y


def set_z(o, v):
    o.z = v


e = E()
print(read_y(e))
e.y = "real"
print(read_y(e))
del e.y
print(read_y(e))
set_z(e, 1)
print(e.z)
E.__setattr__ = lambda self, n, v: print("intercepted", n, v)
set_z(e, 2)
print(e.z)


class Desc:
    def __get__(self, obj, typ=None):
        return "desc get"

    def __set__(self, obj, v):
        print("desc set", v)


class G:
    pass


def read_attr(o):
    return o.attr


def write_attr(o, v):
    o.attr = v


g = G()
g.attr = "plain"
print(read_attr(g))
write_attr(g, "x")
print(read_attr(g))
G.attr = Desc()
print(read_attr(g))
write_attr(g, "y")
print(read_attr(g))


class H:
    pass


def read_v(o):
    return o.v


h = H()
h.v = 0
for i in range(20):
    setattr(h, "a%d" % i, i)
    h.v = i
    assert read_v(h) == i
for i in range(20):
    delattr(h, "a%d" % i)
print(read_v(h))
h.__dict__["v"] = "via __dict__"
print(read_v(h))
del h.__dict__["v"]
try:
    read_v(h)
except AttributeError as e:
    print("AttributeError:", e)

import math


def pi():
    return math.pi


def sqrt(x):
    return math.sqrt(x)


print(pi(), sqrt(16))
math.pi = 3
math.sqrt = lambda x: "patched"
print(pi(), sqrt(16))
del math.pi
try:
    pi()
except AttributeError as e:
    print("AttributeError:", e)


def count(x, v):
    return x.count(v)


print(count([1, 2, 1], 1), count("abca", "a"), count((1, 1), 1))


class L(list):
    def count(self, v):
        return "overridden"


print(count(L([1]), 1), count([1], 1), count(L([1]), 1))

for round in range(3):

    class K:
        val = round

    k = K()
    junk = [[i] for i in range(60000)]
    print(k.val, read_kind(a))


class Body:
    ns = locals()
    value = 1


Body.ns["value"] = "changed through the body namespace"
view = vars(Body)
print(Body.value, view["value"], Body.__dict__["value"])
