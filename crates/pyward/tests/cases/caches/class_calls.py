# A class call made from bytecode runs `__init__` as an ordinary frame of the loop; every
# rule of `type.__call__` must still hold.


class A:
    def __init__(self, x, y=2):
        self.x = x
        self.y = y


a = A(1)
print(a.x, a.y, type(a).__name__)
print(A(3, y=4).y, A(*[5, 6]).y, A(**{"x": 7}).x)


class B(A):
    pass


print(B(5).x, type(B(5)).__name__)


class ReturnsInt:
    def __init__(self):
        return 5


try:
    ReturnsInt()
except TypeError as e:
    print("TypeError:", e)


class Rebinds:
    def __init__(self, n):
        self = None
        junk = []
        for i in range(n):
            junk.append([i])


r = Rebinds(200000)
print(type(r).__name__)


class WithNew:
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls)

    def __init__(self, v):
        print("init", v)


WithNew(7)


class Raises:
    def __init__(self, a):
        raise ValueError("bad %d" % a)


try:
    Raises(3)
except ValueError as e:
    print("caught", e)


class Empty:
    pass


print(type(Empty()).__name__)
try:
    Empty(1)
except TypeError as e:
    print("TypeError:", e)
try:
    A()
except TypeError as e:
    print("TypeError:", e)


class GenInit:
    def __init__(self):
        yield 1


try:
    GenInit()
except TypeError as e:
    print("TypeError:", e)

print([o.x for o in [A(i) for i in range(5)]])
print(list(map(A, range(3)))[2].x)


def make(cls):
    return cls(1)


class Later:
    pass


print(type(make(A)).__name__)
A.__init__ = lambda self, v: setattr(self, "x", "replaced %s" % v)
print(make(A).x)
del A.__init__
try:
    make(A)
except TypeError as e:
    print("TypeError:", e)


class Counted:
    count = 0

    def __init__(self):
        Counted.count += 1


def deep(n):
    if n == 0:
        return Counted()
    return deep(n - 1)


for _ in range(3):
    deep(50)
print(Counted.count)


class Recurse:
    def __init__(self, n):
        self.child = Recurse(n - 1) if n else None


try:
    Recurse(5000)
except RecursionError:
    print("RecursionError")
