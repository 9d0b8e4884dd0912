# del obj.attr runs a descriptor's __delete__, a plain __new__ is a static method (so
# instance.__new__(cls) works), and builtin __new__ builds subclass instances.
class Desc:
    def __get__(self, obj, t=None): return "got"
    def __set__(self, obj, v): print("set", v)
    def __delete__(self, obj): print("deleted")
class A:
    d = Desc()
a = A()
a.d = 5
print(a.d)
del a.d
class P:
    @property
    def x(self): return 1
    @x.deleter
    def x(self): print("prop deleted")
p = P()
del p.x
class Q:
    @property
    def y(self): return 1
try:
    del Q().y
except AttributeError as e:
    print(e)
class B:
    def __new__(cls, *a):
        print("new", cls.__name__)
        return super().__new__(cls)
b = B()
c = b.__new__(B)
print(type(c).__name__)
print(type(object.__new__(B)).__name__)
print(type(int.__new__(int, 5)), int.__new__(int, 5))
class MyInt(int):
    pass
print(type(int.__new__(MyInt, 7)).__name__, int.__new__(MyInt, 7))
class S(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(S("abc"), type(S("abc")).__name__)
print(str.__new__(S, "xy"), type(str.__new__(S, "xy")).__name__)
class A:
    def __new__(cls, *args, **kw):
        inst = super().__new__(cls)
        inst.made = True
        return inst
    def __init__(self, x=0):
        self.x = x
a = A(3)
print(a.made, a.x, type(A.__dict__["__new__"]).__name__, A.__new__.__qualname__)
class B(A):
    pass
print(B(4).made, B.__new__ is A.__new__)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = object.__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
class P(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
p = P(1, 2)
print(p, type(p).__name__, p.__new__(P, 5, 6))
import enum
class Color(enum.Enum):
    RED = 1
print(Color(1), Color.RED)
