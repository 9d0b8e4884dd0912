# Operator and conversion dunders of builtin types, called directly, unbound, and through
# super() in subclasses of builtins.
from functools import reduce

print((3).__add__(4), (3).__radd__(4), (3).__mul__(4), (3).__sub__(1))
print((3).__add__(4.0), (3.0).__add__(4), (1).__add__(1j))
print((3).__eq__(3), (3).__eq__("a"), (3).__eq__(3.0), (3.0).__eq__(3))
print((3).__lt__(4), (3).__lt__(4.5), "a".__ge__("b"), "a".__ge__(1))
print([1].__lt__([2]), (1, 2).__le__((1, 2)), {1}.__le__({1, 2}), {}.__lt__({}))
print(None.__eq__(None), None.__ne__(1), (1).__ne__(1.0), (1.0).__ne__(1))
print((3).__neg__(), (5).__invert__(), (-5.5).__abs__(), (0.0).__bool__())
print((2.5).__floor__(), (-2.5).__ceil__(), (2.5).__int__(), (7).__float__())
print((2.5).__round__(), (2.567).__round__(2), (1234).__round__(-2))
print((2).__pow__(10), (2).__pow__(10, 7), (2).__rpow__(3), (1.5).__rtruediv__(3))
print((7).__divmod__(2), (7.5).__rdivmod__(2), (7).__divmod__(2.0))
print(True.__or__(False), True.__xor__(1), (1).__and__(True))
print({1}.__and__([1]), {1, 2}.__sub__({1}), {1}.__or__(frozenset({2})))
print("%s-%s".__mod__((1, 2)), "ab".__rmul__(2), [1].__mul__(2), (1,).__add__((2,)))
print({"a": 1}.__or__({"b": 2}), {"a": 1}.__or__([("b", 2)]))
print((3).__format__("03"), (1).__hash__() == hash(1), "x".__hash__() == hash("x"))
print(hasattr(object(), "__add__"), hasattr([], "__radd__"), hasattr("", "__rmul__"))
print(hasattr(1.0, "__invert__"), hasattr(1, "__invert__"), hasattr(None, "__bool__"))
for bad in ("a".__add__, [1].__add__):
    try:
        bad((1,))
    except TypeError as e:
        print("TypeError:", e)

print(reduce(int.__add__, [1, 2, 3]), reduce(float.__mul__, [1.0, 2.0, 3.0]))
print(list(map(int.__mul__, [1, 2], [3, 4])), list(map(str.__add__, "ab", "cd")))
print(sorted([3, 1, 2], key=int.__neg__), int.__add__(1, 2.5))


class MyInt(int):
    def __add__(self, o):
        return MyInt(super().__add__(o))

    def __repr__(self):
        return f"MyInt({int(self)})"


print(MyInt(3) + 4, 4 + MyInt(3), MyInt(3) * 2, format(MyInt(5), "03"))
try:
    MyInt(3) + 4.5
except TypeError as e:
    print("TypeError:", e)


class Money(float):
    def __str__(self):
        return f"${self:.2f}"

    def __sub__(self, o):
        return Money(float.__sub__(self, o))


print(Money(3) - 1, Money(3) < 4, Money(3).__lt__(4), Money(3).__round__(0))


class Caseless(str):
    def __eq__(self, o):
        return super().__eq__(o.lower() if isinstance(o, str) else o)

    __hash__ = str.__hash__


print(Caseless("abc") == "ABC", Caseless("abc") == 5, {Caseless("abc"): 1}["abc"])


class Bag(list):
    def __add__(self, o):
        return Bag(super().__add__(o))

    def __lt__(self, o):
        return len(self) < len(o)


print(type(Bag([1]) + [2]).__name__, Bag([1, 2]) < Bag([3]), Bag([1]).__eq__([1]))


class Conf(dict):
    def __or__(self, o):
        return Conf(super().__or__(o))


print(Conf(a=1) | {"b": 2}, type(Conf(a=1) | {"b": 2}).__name__)


class Plain:
    pass


p = Plain()
print(object.__eq__(p, p), object.__eq__(p, 1), object.__lt__(p, 1), (1).__lt__(p))
