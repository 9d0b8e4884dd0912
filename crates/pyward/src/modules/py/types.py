"""types: the runtime types of builtins, SimpleNamespace, and the objects behind `int | None`
(UnionType) and `list[int]` (GenericAlias), which the VM builds through `_union` and
`_generic_alias`."""


def _f():
    pass


async def _c():
    pass


async def _ag():
    yield


def _g():
    yield


class _C:
    def _m(self):
        pass


FunctionType = LambdaType = type(_f)
GeneratorType = type(_g())
CoroutineType = type(_c())
AsyncGeneratorType = type(_ag())
MethodType = type(_C()._m)
BuiltinFunctionType = BuiltinMethodType = type(len)
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)
del _C, _f, _g, _c, _ag

import sys as _sys
ModuleType = type(_sys)
del _sys


def _type_repr(obj):
    if obj is NoneType or obj is None:
        return 'None'
    if obj is ...:
        return '...'
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    return repr(obj)


def _is_unionable(obj):
    return obj is None or isinstance(obj, (type, UnionType, GenericAlias))


def _union(left, right):
    """`left | right` for types, None, unions and generic aliases (type.__or__)."""
    if not (_is_unionable(left) and _is_unionable(right)):
        return NotImplemented
    args = []
    for side in (left, right):
        items = side.__args__ if isinstance(side, UnionType) else (side,)
        for a in items:
            if a is None:
                a = NoneType
            if a not in args:
                args.append(a)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


class UnionType:
    """`int | str`: usable with isinstance and issubclass."""

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return ' | '.join(_type_repr(a) for a in self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def _check_args(self, fname):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError('%s() argument 2 cannot be a parameterized generic' % fname)

    def __instancecheck__(self, obj):
        self._check_args('isinstance')
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        self._check_args('issubclass')
        return issubclass(cls, self.__args__)

    @property
    def __parameters__(self):
        return _parameters(self.__args__)


def _parameters(args):
    out = []
    for a in args:
        if type(a).__name__ in ('TypeVar', 'ParamSpec', 'TypeVarTuple') and a not in out:
            out.append(a)
        for p in getattr(a, '__parameters__', ()) if not isinstance(a, type) else ():
            if p not in out:
                out.append(p)
    return tuple(out)


class GenericAlias:
    """`list[int]`: the builtin generic alias (calling it builds the origin)."""

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args

    @property
    def __parameters__(self):
        return _parameters(self.__args__)

    def __repr__(self):
        if len(self.__args__) == 0:
            args = '()'
        else:
            args = ', '.join(_alias_arg_repr(a) for a in self.__args__)
        return '%s[%s]' % (_type_repr(self.__origin__), args)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')

    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)


def _alias_arg_repr(a):
    if isinstance(a, list):
        return '[' + ', '.join(_alias_arg_repr(x) for x in a) + ']'
    return _type_repr(a)


def _generic_alias(origin, args):
    return GenericAlias(origin, args)


class SimpleNamespace:
    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        self.__dict__.update(dict(mapping_or_iterable))
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ('%s=%r' % (k, v) for k, v in self.__dict__.items())
        return '%s(%s)' % ('namespace' if type(self) is SimpleNamespace else type(self).__name__,
                           ', '.join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


class MappingProxyType:
    """A read-only view of a mapping."""

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return dict(self._mapping)

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)


def new_class(name, bases=(), kwds=None, exec_body=None):
    ns = {}
    if exec_body is not None:
        exec_body(ns)
    return type(name, tuple(bases), ns)
