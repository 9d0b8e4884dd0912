# Builtin iterators have CPython's types: map, filter, zip, enumerate and reversed are
# classes (callable, subclassable, for isinstance), and each iterator is named by what it
# iterates (list_iterator, dict_keyiterator, ...).
for t in [map, filter, zip, enumerate, reversed, range, iter, type(iter([])), type(iter(())), type(iter('')), type(iter({})), type(iter({}.values())), type(iter({}.items())), type(iter(set())), type(iter(range(3))), type(iter(b'')), type(reversed([])), type(reversed(range(2))), type(x for x in []), type(iter(bytearray())), type(iter(frozenset()))]:
    print(t.__name__ if isinstance(t, type) else t)
print(isinstance(map(str, []), map), isinstance(zip(), zip), type(enumerate([])) is enumerate, isinstance(filter(None, []), filter), isinstance(reversed([]), reversed))
class M(map):
    pass
print(list(M(str, [1, 2])), type(M(str, [])).__name__)
class E(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return i * 10, v
print(list(E("ab")))
import itertools
c = itertools.count(5)
print(repr(c), next(c), repr(c), repr(itertools.count(1.5, 0.5)), repr(itertools.count(0, 2)))
print(repr(itertools.repeat(1, 3)), repr(itertools.repeat('a')))
print(type(itertools.count()).__name__, type(itertools.chain()).__name__)
print(repr(map)[:20], repr(zip))
print(map.__name__, zip.__qualname__)
print(dir(map)[-6:], dir(iter([]))[-6:])
print(map, zip, enumerate, reversed, filter)
m = map(str, [1])
print(repr(m)[:18], repr(iter([]))[:24], repr(zip())[:18])
print(isinstance(enumerate([]), enumerate), issubclass(map, object), map.__mro__)
print(next(iter(enumerate('ab'))), type(reversed((1, 2))).__name__, type(reversed(range(3))).__name__)
class Z(zip):
    def __repr__(self): return "Z!"
z = Z([1, 2], 'ab')
print(z, list(z), isinstance(z, zip))
class R(reversed):
    pass
print(list(R([1, 2, 3])))
class F(filter):
    def __next__(self):
        return super().__next__() * 10
print(list(F(None, [0, 1, 2])))
try:
    class Bad(type(iter([]))): pass
except TypeError as e:
    print(e)
try:
    type(iter([]))()
except TypeError as e:
    print(e)
e = enumerate('xy', 1)
print(e.__next__(), iter(e) is e, e.__iter__() is e)
print(callable(map), type(map).__name__)
print(type(itertools.count()).__name__, type(itertools.repeat(1)).__name__, repr(itertools.count(2**70)))
def gen():
    yield 1
print(type(gen()).__name__)
print(list(map(lambda a, b: a + b, [1, 2], [3, 4])), list(filter(None, [0, 1])), list(zip('ab', 'cd', strict=True)))
try:
    list(zip('a', 'bc', strict=True))
except ValueError as e:
    print(e)
