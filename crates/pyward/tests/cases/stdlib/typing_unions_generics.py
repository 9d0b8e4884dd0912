# PEP 604 unions (int | None) and generic aliases (list[int], Box[int], Iterable[int]) are
# real runtime objects, as in CPython 3.11: dataclass fields and module annotations that use
# them evaluate, print and work with isinstance.
from dataclasses import dataclass, field, fields
from typing import Generic, TypeVar, Optional, Union, Protocol, get_origin, get_args
from collections.abc import Callable, Iterable, Mapping
from types import SimpleNamespace, UnionType, GenericAlias
T = TypeVar("T")
K = TypeVar("K")
@dataclass
class User:
    name: str
    email: str | None = None
    tags: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
print(User("ann"), User.__annotations__)
print([f.type for f in fields(User)])
class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item
class Pair(Generic[K, T]):
    pass
class IntBox(Box[int]):
    pass
b: Box[int] = Box[int](3)
print(b.get(), Box[int], Pair[str, int], Box.__parameters__, Pair.__parameters__, IntBox(4).get(), IntBox.__mro__[1].__name__)
print(Box[int] == Box[int], Box[int].__origin__ is Box, Box[str].__args__, isinstance(b, Box))
u = int | None
print(u, type(u).__name__, u.__args__, isinstance(None, u), isinstance(3, int | str), isinstance("s", int | float), issubclass(bool, int | str))
print(str | int == int | str, int | int, (int | str) | None, list[int], dict[str, list[int]], tuple[int, ...], type[int], list[int](range(3)))
print(Iterable[int], Callable[[int], str], Mapping[str, int], Optional[int], Union[int, str], Optional[Box[int]])
print(get_origin(list[int]), get_args(dict[str, int]), get_origin(Box[int]) is Box, get_origin(int | str) is UnionType)
for bad in [lambda: isinstance([], list[int]), lambda: int | 3, lambda: isinstance(1, 3)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
ns = SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == SimpleNamespace(a=1, b="x", c=[1]), isinstance(list[int], GenericAlias))
limit: int | None = None
def pick(items: Iterable[T], key: Callable[[T], int] | None = None) -> list[T]:
    return sorted(items, key=key)
print(pick([3, 1, 2]), pick(["bb", "a"], key=len), limit)
