# Function annotations are evaluated at def time into __annotations__ (in CPython's order);
# methods forward the attribute; wraps copies it; singledispatch registers by annotation.
from typing import List, Optional
def f(a: int, b: str = "s", *args: int, c: float = 1.0, **kw: bool) -> List[int]:
    return []
print(f.__annotations__)
def g(x, y=2): return x
print(g.__annotations__, (lambda: 0).__annotations__)
class K:
    def m(self, other: "K") -> Optional["K"]: return None
    def __private(self, __p: int) -> None: pass
print(K.m.__annotations__, K().m.__annotations__, K._K__private.__annotations__)
import functools
def deco(fn):
    @functools.wraps(fn)
    def w(*a, **k): return fn(*a, **k)
    return w
@deco
def h(n: int) -> str: return str(n)
print(h.__annotations__, h.__wrapped__.__annotations__)
from functools import singledispatch
@singledispatch
def show(x): return "obj"
@show.register
def _(x: int): return "int"
@show.register
def _(x: list): return "list"
print(show(1), show([1]), show("s"))
count: int = 0
names: list[str] = []
print(__annotations__)
g.__annotations__ = {"x": int}
print(g.__annotations__)
import typing
print(typing.get_type_hints(f))
