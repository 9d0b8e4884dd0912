# isinstance/issubclass with the collections.abc ABCs: builtin types registered as in
# CPython, duck-typed classes through __subclasshook__, ABCMeta.register, and one set of
# classes whichever module name (collections.abc, _collections_abc) a program uses.
from collections.abc import (Mapping, MutableMapping, Sequence, MutableSequence, Iterable, Iterator,
                             Sized, Container, Callable, Hashable, Set, MutableSet, Generator, Reversible,
                             Collection, KeysView, ItemsView, ValuesView, ByteString)
from collections import OrderedDict, defaultdict, Counter, deque, UserDict, UserList, namedtuple
import collections.abc
from abc import ABC, ABCMeta, abstractmethod
values = [{}, [], (), "s", b"b", bytearray(), set(), frozenset(), range(3), 5, 2.5, None, iter([]), (x for x in []),
          map(str, []), zip(), enumerate([]), {}.keys(), {}.items(), {}.values(), OrderedDict(), defaultdict(int),
          Counter(), deque(), UserDict(), UserList(), namedtuple("P", "x")(1), len, lambda: 0, int, object(), reversed([])]
abcs = [Mapping, MutableMapping, Sequence, MutableSequence, Iterable, Iterator, Sized, Container, Callable, Hashable,
        Set, MutableSet, Generator, Reversible, Collection, KeysView, ItemsView, ValuesView, ByteString]
for v in values:
    print(type(v).__name__, "".join("1" if isinstance(v, a) else "." for a in abcs))
class Duck:
    def __iter__(self): return iter([1])
    def __len__(self): return 1
class Callme:
    def __call__(self): pass
class NoHash:
    def __eq__(self, o): return True
print(isinstance(Duck(), Iterable), isinstance(Duck(), Sized), isinstance(Duck(), Collection), isinstance(Callme(), Callable), isinstance(NoHash(), Hashable), issubclass(Duck, Iterable))
class MyMap(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MyMap({"a": 1})
print(isinstance(m, Mapping), isinstance(m, MutableMapping), dict(m), m.get("a"), "a" in m, list(m.items()), m == {"a": 1})
class Base(ABC):
    @abstractmethod
    def run(self): ...
class Impl(Base):
    def run(self): return "ran"
print(Impl().run(), isinstance(Impl(), Base), issubclass(Impl, Base), type(Base), Base.__abstractmethods__ if False else "")
try:
    Base()
except TypeError as e:
    print(e)
class Plugin(metaclass=ABCMeta):
    pass
Plugin.register(int)
print(isinstance(3, Plugin), issubclass(bool, Plugin), isinstance("x", Plugin), issubclass(int, (str, Plugin)))
def flatten(x):
    if isinstance(x, Iterable) and not isinstance(x, (str, bytes)):
        for i in x:
            yield from flatten(i)
    else:
        yield x
print(list(flatten([1, [2, (3, {4: 5})], "ab", range(2)])))
print(isinstance({}, collections.abc.Mapping), collections.abc.Mapping is Mapping, issubclass(list, Sequence), issubclass(dict, Iterable), issubclass(str, Hashable))
