"""Abstract base classes for containers (CPython's collections.abc, mixin methods only).

isinstance() and issubclass() accept what CPython's do: the builtin types registered at the
end, and classes with the methods a one-method ABC's __subclasshook__ looks for.
"""

from abc import ABCMeta


def _check_methods(C, *methods):
    # The class dicts along C's MRO (not getattr, which would find the metaclass's); the
    # builtin types are registered below instead, as pyward's do not list every slot.
    for method in methods:
        for B in C.__mro__:
            if B.__module__ == 'builtins':
                return NotImplemented
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
    return True


class Hashable(metaclass=ABCMeta):
    pass


class Awaitable(metaclass=ABCMeta):
    pass


class Coroutine(Awaitable):
    pass


class AsyncIterable(metaclass=ABCMeta):
    pass


class AsyncIterator(AsyncIterable):
    pass


class AsyncGenerator(AsyncIterator):
    pass


class Iterable(metaclass=ABCMeta):
    def __iter__(self):
        while False:
            yield None


class Iterator(Iterable):
    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self


class Reversible(Iterable):
    pass


class Generator(Iterator):
    def __next__(self):
        return self.send(None)


class Sized(metaclass=ABCMeta):
    def __len__(self):
        return 0


class Container(metaclass=ABCMeta):
    def __contains__(self, x):
        return False


class Callable(metaclass=ABCMeta):
    pass


class Collection(Sized, Iterable, Container):
    pass


class Set(Collection):
    def __le__(self, other):
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __ge__(self, other):
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __eq__(self, other):
        return len(self) == len(other) and self.__le__(other)

    def isdisjoint(self, other):
        for value in other:
            if value in self:
                return False
        return True


class MutableSet(Set):
    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)


class Mapping(Collection):
    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        else:
            return True

    def keys(self):
        return [k for k in self]

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def __eq__(self, other):
        if not isinstance(other, (Mapping, dict)):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None


class MappingView(Sized):
    pass


class KeysView(MappingView, Set):
    pass


class ItemsView(MappingView, Set):
    pass


class ValuesView(MappingView, Collection):
    pass


_marker = object()


class MutableMapping(Mapping):
    def pop(self, key, default=_marker):
        try:
            value = self[key]
        except KeyError:
            if default is _marker:
                raise
            return default
        else:
            del self[key]
            return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        if isinstance(other, (Mapping, dict)):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


class Sequence(Reversible, Collection):
    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if v is value or v == value)


class ByteString(Sequence):
    pass


class MutableSequence(Sequence):
    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


def _class_getitem(cls, params):
    # `Iterable[int]`, `Callable[[int], str]`: a types.GenericAlias, as CPython's ABCs give.
    import types
    return types.GenericAlias(cls, params)


for _abc in (Hashable, Awaitable, Coroutine, AsyncIterable, AsyncIterator, AsyncGenerator,
             Iterable, Iterator, Reversible, Generator, Sized, Container, Callable, Collection,
             Set, MutableSet, Mapping, MappingView, KeysView, ItemsView, ValuesView,
             MutableMapping, Sequence, ByteString, MutableSequence):
    _abc.__class_getitem__ = _class_getitem
    _abc.__module__ = 'collections.abc'
del _abc


def _install_hook(abc, *methods):
    def __subclasshook__(cls, C):
        if cls is abc:
            return _check_methods(C, *methods)
        return NotImplemented
    abc.__subclasshook__ = classmethod(__subclasshook__)


for _abc, _methods in ((Awaitable, ('__await__',)),
                       (Coroutine, ('__await__', 'send', 'throw', 'close')),
                       (AsyncIterable, ('__aiter__',)),
                       (AsyncIterator, ('__anext__', '__aiter__')),
                       (AsyncGenerator, ('__aiter__', '__anext__', 'asend', 'athrow', 'aclose')),
                       (Iterable, ('__iter__',)),
                       (Iterator, ('__iter__', '__next__')),
                       (Reversible, ('__reversed__', '__iter__')),
                       (Generator, ('__iter__', '__next__', 'send', 'throw', 'close')),
                       (Sized, ('__len__',)),
                       (Container, ('__contains__',)),
                       (Callable, ('__call__',)),
                       (Collection, ('__len__', '__iter__', '__contains__'))):
    _install_hook(_abc, *_methods)
del _abc, _methods

_UNHASHABLE = (list, dict, set, bytearray, slice, type({}.keys()), type({}.items()))


def _hashable_hook(cls, C):
    # The first class along the MRO that says: a builtin by the table, a Python class by
    # its own __hash__ (None when it defines __eq__ alone, or sets it so).
    if cls is not Hashable:
        return NotImplemented
    for B in C.__mro__:
        if B.__module__ == 'builtins':
            return NotImplemented if B in _UNHASHABLE else True
        if '__hash__' in B.__dict__:
            return NotImplemented if B.__dict__['__hash__'] is None else True
    return True


Hashable.__subclasshook__ = classmethod(_hashable_hook)


def _types_of(*values):
    return {type(v) for v in values}


def _gen():
    yield


for _t in _types_of(iter(()), iter([]), iter(''), iter(b''), iter({}), iter(set()),
                    iter(range(0)), iter({}.keys()), iter({}.values()), iter({}.items()),
                    map(len, ()), filter(None, ()), zip(), enumerate(()), reversed([]),
                    reversed(range(0))):
    Iterator.register(_t)
Generator.register(type(_gen()))
Callable.register(type)
for _t in _types_of(len, _gen, [].append, Callable.register):
    Callable.register(_t)
Sequence.register(tuple)
Sequence.register(str)
Sequence.register(range)
ByteString.register(bytes)
ByteString.register(bytearray)
MutableSequence.register(list)
MutableSequence.register(bytearray)
Set.register(frozenset)
MutableSet.register(set)
MutableMapping.register(dict)
KeysView.register(type({}.keys()))
ValuesView.register(type({}.values()))
ItemsView.register(type({}.items()))
for _t in (dict, type({}.keys()), type({}.values()), type({}.items())):
    Reversible.register(_t)
del _t, _gen
