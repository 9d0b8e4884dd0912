# Binary operators on user classes: `a.__op__(b)` runs as a frame of the dispatch loop, and
# what it returns (or raises) finishes the operator protocol exactly as CPython does.


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x)
        if isinstance(other, int):
            return V(self.x + other)
        return NotImplemented

    def __sub__(self, other):
        raise ValueError("no subtraction for %r" % (self.x,))

    def __mul__(self, other):
        return NotImplemented

    def __truediv__(self, other):
        yield self.x

    def __repr__(self):
        return "V(%r)" % (self.x,)


class R:
    def __radd__(self, other):
        return ("radd", other)

    def __rmul__(self, other):
        return ("rmul", other)


class W(V):
    def __radd__(self, other):
        return ("W.radd", other)


class Deep:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        if self.n == 0:
            return 0
        return Deep(self.n - 1) + other


class NoAdd:
    __add__ = None


class Str(str):
    pass


total = V(0)
for i in range(1000):
    total = total + V(i) + 1
print(total)
print(V(1) + R())
print(V(2) * R())
try:
    V(1) * 3
except TypeError as e:
    print("TypeError:", e)
try:
    V(1) + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    V(5) - V(1)
except ValueError as e:
    print("ValueError:", e)
print(V(1) + W(2))
print(list(V(7) / 2))
print(Deep(50) + 1)
try:
    Deep(10**6) + 1
except RecursionError:
    print("RecursionError")
try:
    NoAdd() + 1
except TypeError as e:
    print("TypeError:", e)
print(Str("a") + "b", type(Str("a") + "b").__name__)
x = V(10)
x += V(5)
print(x)
print(sum([V(1), V(2), V(3)], V(0)))
print(sorted([3, 1, 2], key=lambda k: (V(k) + 1).x))


def chain():
    return V(1) + V(2) - V(3)


chain()
