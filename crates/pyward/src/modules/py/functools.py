"""Higher-order functions (CPython's functools, pure-Python version)."""

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)

_initial_missing = object()


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            try:
                setattr(wrapper, attr, value)
            except (AttributeError, TypeError):
                pass
    for attr in updated:
        try:
            getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
        except (AttributeError, TypeError):
            pass
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    """New function with partial application of the given arguments and keywords."""

    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        args = [repr(self.func)]
        args.extend(repr(x) for x in self.args)
        args.extend('%s=%r' % (k, v) for k, v in self.keywords.items())
        return 'functools.partial(' + ', '.join(args) + ')'

    def __get__(self, obj, objtype=None):
        return self


class partialmethod:
    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return partial(self.func, obj, *self.args, **self.keywords)


class _CacheInfo(tuple):
    def __new__(cls, hits, misses, maxsize, currsize):
        return super().__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])

    def __repr__(self):
        return 'CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)' % (
            self[0], self[1], self[2], self[3])


_kwd_mark = object()


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (_kwd_mark,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        return _lru_wrapper(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _lru_wrapper(user_function, maxsize, typed)

    return decorating_function


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]  # hits, misses
    sentinel = object()

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)
    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, sentinel)
            if result is not sentinel:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result
    else:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, sentinel)
            if result is not sentinel:
                stats[0] += 1
                del cache[key]
                cache[key] = result
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key in cache:
                return result
            if len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = result
            return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = 0
        stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
    return update_wrapper(wrapper, user_function)


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)


_convert = {
    '__lt__': [('__gt__', lambda self, other: _not_op_and_not_eq(self, other, '__lt__')),
               ('__le__', lambda self, other: _op_or_eq(self, other, '__lt__')),
               ('__ge__', lambda self, other: _not_op(self, other, '__lt__'))],
    '__le__': [('__ge__', lambda self, other: _not_op_or_eq(self, other, '__le__')),
               ('__lt__', lambda self, other: _op_and_not_eq(self, other, '__le__')),
               ('__gt__', lambda self, other: _not_op(self, other, '__le__'))],
    '__gt__': [('__lt__', lambda self, other: _not_op_and_not_eq(self, other, '__gt__')),
               ('__ge__', lambda self, other: _op_or_eq(self, other, '__gt__')),
               ('__le__', lambda self, other: _not_op(self, other, '__gt__'))],
    '__ge__': [('__le__', lambda self, other: _not_op_or_eq(self, other, '__ge__')),
               ('__gt__', lambda self, other: _op_and_not_eq(self, other, '__ge__')),
               ('__lt__', lambda self, other: _not_op(self, other, '__ge__'))],
}


def _call(self, other, op):
    return getattr(self, op)(other)


def _not_op_and_not_eq(self, other, op):
    r = _call(self, other, op)
    if r is NotImplemented:
        return r
    return not r and self != other


def _op_or_eq(self, other, op):
    r = _call(self, other, op)
    if r is NotImplemented:
        return r
    return r or self == other


def _not_op(self, other, op):
    r = _call(self, other, op)
    if r is NotImplemented:
        return r
    return not r


def _not_op_or_eq(self, other, op):
    r = _call(self, other, op)
    if r is NotImplemented:
        return r
    return not r or self == other


def _op_and_not_eq(self, other, op):
    r = _call(self, other, op)
    if r is NotImplemented:
        return r
    return r and self != other


def total_ordering(cls):
    roots = set()
    for op in _convert:
        for c in cls.__mro__:
            if c is object:
                break
            if op in c.__dict__:
                roots.add(op)
                break
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            setattr(cls, opname, opfunc)
    return cls


def cmp_to_key(mycmp):
    class K(object):
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


def cached_property(func):
    """Cache the result of a method as an attribute (pyward: a property that stores the
    value under `_cached_<name>`, since user descriptors' __get__ is not supported)."""
    name = '_cached_' + getattr(func, '__name__', 'value')

    def getter(self):
        try:
            return getattr(self, name)
        except AttributeError:
            pass
        val = func(self)
        setattr(self, name, val)
        return val

    def deleter(self):
        try:
            delattr(self, name)
        except AttributeError:
            pass

    return property(getter, None, deleter, getattr(func, '__doc__', None))


def singledispatch(func):
    registry = {object: func}

    def dispatch(cls):
        for c in cls.__mro__:
            if c in registry:
                return registry[c]
        return func

    def register(cls, func=None):
        if func is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    'Invalid first argument to `register()`: %r. Use either '
                    '`@register(some_class)` or plain `@register` on an annotated '
                    'function.' % (cls,))
            func = cls
            cls = list(ann.values())[0]
        registry[cls] = func
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError('%s requires at least 1 positional argument' %
                            getattr(func, '__name__', 'singledispatch function'))
        return dispatch(type(args[0]))(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper
