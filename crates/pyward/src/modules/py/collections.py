"""Container datatypes (CPython's collections, pure-Python version)."""

from _collections_abc import Mapping, MutableMapping, MutableSequence

_kwlist = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
    'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
    'return', 'try', 'while', 'with', 'yield'])


_ident_start = frozenset('_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')
_ident_rest = _ident_start | frozenset('0123456789')


def _isidentifier(name):
    # ASCII identifiers, plus any non-ASCII character (CPython checks XID classes).
    if not name or not (name[0] in _ident_start or name[0] > '\x7f'):
        return False
    for c in name:
        if not (c in _ident_rest or c > '\x7f'):
            return False
    return True


def _count_sort_key(kv):
    return kv[1]


class Counter(dict):
    """Dict subclass for counting hashable items."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __getitem__(self, key):
        try:
            return super().__getitem__(key)
        except KeyError:
            return self.__missing__(key)

    def __iter__(self):
        return super().__iter__()

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=_count_sort_key, reverse=True)
        if n is None:
            return items
        return items[:n] if n > 0 else []

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, (dict, Mapping)):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = count + self.get(elem, 0)
                else:
                    for elem, count in iterable.items():
                        super().__setitem__(elem, count)
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, (dict, Mapping)):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        try:
            d = {}
            for k, v in self.most_common():
                d[k] = v
        except TypeError:
            d = {}
            for k in self:
                d[k] = self.get(k)
        return '%s(%r)' % (type(self).__name__, d)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in list(self.items()):
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


class defaultdict(dict):
    """dict subclass that calls a factory function to supply missing values."""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __getitem__(self, key):
        try:
            return super().__getitem__(key)
        except KeyError:
            return self.__missing__(key)

    def __iter__(self):
        return super().__iter__()

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        return '%s(%r, %s)' % (type(self).__name__, self.default_factory,
                               super().__repr__())

    def copy(self):
        return type(self)(self.default_factory, self.items())

    __copy__ = copy


class OrderedDict(dict):
    """Dictionary that remembers insertion order."""

    def __iter__(self):
        return super().__iter__()

    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            rest = list(self.items())
            self.clear()
            self[key] = value
            for k, v in rest:
                self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        keys = list(self)
        key = keys[-1] if last else keys[0]
        value = self.pop(key)
        return key, value

    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        return '%s(%r)' % (type(self).__name__, list(self.items()))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self.items()) == list(other.items())
        if isinstance(other, dict):
            return len(self) == len(other) and all(
                k in other and other[k] == v for k, v in self.items())
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    __hash__ = None

    def copy(self):
        return type(self)(self.items())

    @classmethod
    def fromkeys(cls, iterable, value=None):
        self = cls()
        for key in iterable:
            self[key] = value
        return self


class deque:
    """A list-like sequence optimized for data accesses near its endpoints."""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        self._items = []
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def append(self, x):
        self._items.append(x)
        if self._maxlen is not None and len(self._items) > self._maxlen:
            del self._items[0]

    def appendleft(self, x):
        self._items.insert(0, x)
        if self._maxlen is not None and len(self._items) > self._maxlen:
            self._items.pop()

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def rotate(self, n=1):
        items = self._items
        if len(items) <= 1:
            return
        n = n % len(items)
        if n:
            self._items = items[-n:] + items[:-n]

    def clear(self):
        self._items = []

    def copy(self):
        return deque(self._items, self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._items.count(x)

    def index(self, x, start=0, stop=None):
        n = len(self._items)
        if stop is None:
            stop = n
        for i in range(max(0, start if start >= 0 else start + n), min(n, stop if stop >= 0 else stop + n)):
            if self._items[i] == x:
                return i
        raise ValueError('%r is not in deque' % (x,))

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        self._items.insert(i, x)

    def remove(self, value):
        for i, v in enumerate(self._items):
            if v == value:
                del self._items[i]
                return
        raise ValueError('%r is not in deque' % (value,))

    def reverse(self):
        self._items.reverse()

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return iter(list(self._items))

    def __reversed__(self):
        return reversed(list(self._items))

    def __contains__(self, x):
        return x in self._items

    def _index(self, i):
        if not isinstance(i, int):
            raise TypeError('sequence index must be integer, not %r' % type(i).__name__)
        n = len(self._items)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError('deque index out of range')
        return i

    def __getitem__(self, i):
        return self._items[self._index(i)]

    def __setitem__(self, i, value):
        self._items[self._index(i)] = value

    def __delitem__(self, i):
        del self._items[self._index(i)]

    def __eq__(self, other):
        if isinstance(other, deque):
            return self._items == other._items
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, deque):
            return self._items != other._items
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, deque):
            return self._items < other._items
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, deque):
            return self._items <= other._items
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, deque):
            return self._items > other._items
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, deque):
            return self._items >= other._items
        return NotImplemented

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        return deque(self._items + other._items, self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return deque(self._items * n, self._maxlen)

    def __repr__(self):
        if self._maxlen is None:
            return 'deque(%r)' % (self._items,)
        return 'deque(%r, maxlen=%d)' % (self._items, self._maxlen)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not _isidentifier(name) or name in _kwlist
                    or name.startswith('_') or name in seen):
                field_names[index] = '_%d' % index
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not _isidentifier(name):
            raise ValueError('Type names and field names must be valid identifiers: %r' % name)
        if name in _kwlist:
            raise ValueError('Type names and field names cannot be a keyword: %r' % name)
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % name)
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % name)
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names), reversed(defaults)))))
    fields = tuple(field_names)
    nfields = len(fields)
    cls = _make_namedtuple_class(typename, fields, nfields, field_defaults)
    return cls


def _bind_fields(typename, fields, field_defaults, args, kwds):
    n = len(fields)
    nreq = n - len(field_defaults)
    if len(args) > n:
        if field_defaults:
            takes = 'from %d to %d positional arguments' % (nreq + 1, n + 1)
        else:
            takes = '%d positional argument%s' % (n + 1, '' if n == 0 else 's')
        raise TypeError('%s.__new__() takes %s but %d were given' % (
            typename, takes, len(args) + 1))
    values = list(args)
    if kwds:
        for k in kwds:
            if k not in fields:
                raise TypeError("%s.__new__() got an unexpected keyword argument '%s'" % (typename, k))
            if fields.index(k) < len(args):
                raise TypeError("%s.__new__() got multiple values for argument '%s'" % (typename, k))
    missing = []
    for i in range(len(args), n):
        name = fields[i]
        if name in kwds:
            values.append(kwds[name])
        elif name in field_defaults:
            values.append(field_defaults[name])
        else:
            missing.append(name)
            values.append(None)
    if missing:
        names = ["'%s'" % m for m in missing]
        if len(names) == 1:
            text = names[0]
        elif len(names) == 2:
            text = names[0] + ' and ' + names[1]
        else:
            text = ', '.join(names[:-1]) + ', and ' + names[-1]
        raise TypeError('%s.__new__() missing %d required positional argument%s: %s' % (
            typename, len(missing), '' if len(missing) == 1 else 's', text))
    return values


class _NamedTupleBase(tuple):
    """Shared behaviour of namedtuple classes (class attributes say the fields)."""

    __slots__ = ()
    _fields = ()
    _field_defaults = {}
    _typename = 'namedtuple'

    def __new__(cls, *args, **kwds):
        return super().__new__(cls, _bind_fields(cls._typename, cls._fields, cls._field_defaults,
                                                 args, kwds))

    @classmethod
    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != len(cls._fields):
            raise TypeError('Expected %d arguments, got %d' % (len(cls._fields), len(values)))
        return cls(*values)

    def _replace(self, **kwds):
        values = [kwds.pop(name, self[i]) for i, name in enumerate(self._fields)]
        if kwds:
            raise ValueError('Got unexpected field names: %r' % list(kwds))
        return type(self)(*values)

    def __repr__(self):
        return type(self).__name__ + '(' + ', '.join(
            '%s=%r' % (name, self[i]) for i, name in enumerate(self._fields)) + ')'

    def _asdict(self):
        return {name: self[i] for i, name in enumerate(self._fields)}

    def __getnewargs__(self):
        return tuple(self)


def _setup_namedtuple(cls, typename, fields, field_defaults):
    cls._typename = typename
    cls._fields = fields
    cls._field_defaults = field_defaults
    cls.__match_args__ = fields
    for index, name in enumerate(fields):
        setattr(cls, name, _tuplegetter(index))
    try:
        cls.__name__ = typename
        cls.__qualname__ = typename
    except (AttributeError, TypeError):
        pass


def _make_namedtuple_class(typename, fields, nfields, field_defaults):
    class _NT(_NamedTupleBase):
        __slots__ = ()

    _setup_namedtuple(_NT, typename, fields, field_defaults)
    return _NT


class _tuplegetter:
    """A namedtuple field: item `index` of the tuple, read-only with CPython's messages
    (Modules/_collectionsmodule.c tuplegetter_descr_set)."""

    __slots__ = ('_index',)

    def __init__(self, index):
        self._index = index

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance[self._index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")


class ChainMap(MutableMapping):
    """A ChainMap groups multiple dicts (or other mappings) together."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(self._keys())

    def _keys(self):
        d = {}
        for mapping in reversed(self.maps):
            for k in mapping:
                d[k] = None
        return d

    def __iter__(self):
        return iter(self._keys())

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join(map(repr, self.maps)))

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return type(self)(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,)) from None

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.') from None

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,)) from None

    def clear(self):
        self.maps[0].clear()


class UserDict(MutableMapping):
    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(self.__class__, '__missing__'):
            return self.__class__.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return repr(self.data)

    def copy(self):
        return type(self)(self.data)


class UserList:
    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, item):
        return item in self.data

    def __eq__(self, other):
        return self.data == (other.data if isinstance(other, UserList) else other)

    def append(self, item):
        self.data.append(item)

    def extend(self, other):
        self.data.extend(other)

    def pop(self, i=-1):
        return self.data.pop(i)

    def insert(self, i, item):
        self.data.insert(i, item)

    def remove(self, item):
        self.data.remove(item)

    def sort(self, *args, **kwds):
        self.data.sort(*args, **kwds)


# CPython's deque is registered as a MutableSequence, and UserList derives from one.
MutableSequence.register(deque)
MutableSequence.register(UserList)

# CPython's startup has imported collections.abc before any program runs, so programs use
# collections.abc after `import collections` alone.
import collections.abc
