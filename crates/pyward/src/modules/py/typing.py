"""Type hints (pyward: names importable and subscriptable; no runtime checking)."""

TYPE_CHECKING = False


class _Special:
    def __init__(self, name, args=None):
        self._name = name
        self.__args__ = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Annotated':
            params = (ForwardRef(params[0]) if isinstance(params[0], str) else params[0],) \
                + params[1:]
        elif self._name != 'Literal':
            params = tuple(ForwardRef(p) if isinstance(p, str) else p for p in params)
        return _Special(self._name, params)

    def __call__(self, *args, **kwargs):
        raise TypeError('Cannot instantiate typing.%s' % self._name)

    def __or__(self, other):
        return _Special('Union', (self, other))

    def __ror__(self, other):
        return _Special('Union', (other, self))

    def __repr__(self):
        if self.__args__ is None:
            return 'typing.' + self._name
        args = self.__args__
        if self._name == 'Union' and len(args) == 2 and (None in args or type(None) in args):
            # CPython spells Union[X, None] as Optional[X].
            other = args[1] if args[0] is None or args[0] is type(None) else args[0]
            return 'typing.Optional[%s]' % _type_repr(other)
        return 'typing.%s[%s]' % (self._name, ', '.join(_type_repr(a) for a in args))

    def __eq__(self, other):
        return (isinstance(other, _Special) and self._name == other._name
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self._name, self.__args__))

    def _check(self, how, arg, test):
        # Unsubscripted aliases check their class; Union[...] each member (3.10+); other
        # subscripted aliases and special forms refuse, with CPython's messages.
        if self._name in ('Union', 'Optional') and self.__args__ is not None:
            members = self.__args__ + ((None,) if self._name == 'Optional' else ())
            return any(self._member_check(a, how, arg, test) for a in members)
        if self._name == 'Any' and how == 'issubclass':
            # 3.11's Any is a class whose metaclass refuses isinstance() only.
            return False
        if self.__args__ is not None:
            raise TypeError('Subscripted generics cannot be used with class and instance checks')
        origin = _alias_origin(self._name)
        if origin is None:
            raise TypeError('typing.%s cannot be used with %s()' % (self._name, how))
        return test(arg, origin)

    def _member_check(self, member, how, arg, test):
        if member is None:
            member = type(None)
        if isinstance(member, _Special):
            return member._check(how, arg, test)
        return test(arg, member)

    def __instancecheck__(self, obj):
        return self._check('isinstance', obj, isinstance)

    def __subclasscheck__(self, cls):
        return self._check('issubclass', cls, issubclass)


_BUILTIN_ORIGINS = {'List': list, 'Dict': dict, 'Tuple': tuple, 'Set': set,
                    'FrozenSet': frozenset, 'Type': type}
_COLLECTIONS_ORIGINS = {'DefaultDict': 'defaultdict', 'OrderedDict': 'OrderedDict',
                        'Counter': 'Counter', 'Deque': 'deque', 'ChainMap': 'ChainMap'}
_ABC_ORIGINS = {'AbstractSet': 'Set'}
_ABC_NAMES = ('Callable', 'Iterable', 'Iterator', 'Generator', 'AsyncIterator', 'AsyncIterable',
              'AsyncGenerator', 'Awaitable', 'Coroutine', 'Sequence', 'MutableSequence',
              'Mapping', 'MutableMapping', 'MutableSet', 'Collection', 'Container', 'Hashable',
              'Sized', 'Reversible', 'KeysView', 'ValuesView', 'ItemsView')


def _alias_origin(name):
    if name in _BUILTIN_ORIGINS:
        return _BUILTIN_ORIGINS[name]
    if name in _COLLECTIONS_ORIGINS:
        import collections
        return getattr(collections, _COLLECTIONS_ORIGINS[name])
    if name in _ABC_NAMES or name in _ABC_ORIGINS:
        import _collections_abc
        return getattr(_collections_abc, _ABC_ORIGINS.get(name, name))
    return None


class ForwardRef:
    """A type written as a string (`Optional["Node"]`)."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg

    def __repr__(self):
        return 'ForwardRef(%r)' % (self.__forward_arg__,)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


def _type_repr(obj):
    if obj is None or obj is type(None):
        return 'None'
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    return repr(obj)


Any = _Special('Any')
NoReturn = _Special('NoReturn')
Never = _Special('Never')
Optional = _Special('Optional')
Union = _Special('Union')
List = _Special('List')
Dict = _Special('Dict')
DefaultDict = _Special('DefaultDict')
OrderedDict = _Special('OrderedDict')
Counter = _Special('Counter')
Deque = _Special('Deque')
ChainMap = _Special('ChainMap')
Tuple = _Special('Tuple')
Set = _Special('Set')
FrozenSet = _Special('FrozenSet')
Type = _Special('Type')
Callable = _Special('Callable')
Iterable = _Special('Iterable')
Iterator = _Special('Iterator')
Generator = _Special('Generator')
AsyncIterator = _Special('AsyncIterator')
AsyncIterable = _Special('AsyncIterable')
AsyncGenerator = _Special('AsyncGenerator')
Awaitable = _Special('Awaitable')
Coroutine = _Special('Coroutine')
Sequence = _Special('Sequence')
MutableSequence = _Special('MutableSequence')
Mapping = _Special('Mapping')
MutableMapping = _Special('MutableMapping')
AbstractSet = _Special('AbstractSet')
MutableSet = _Special('MutableSet')
Collection = _Special('Collection')
Container = _Special('Container')
Hashable = _Special('Hashable')
Sized = _Special('Sized')
Reversible = _Special('Reversible')
KeysView = _Special('KeysView')
ValuesView = _Special('ValuesView')
ItemsView = _Special('ItemsView')
ContextManager = _Special('ContextManager')
Pattern = _Special('Pattern')
Match = _Special('Match')
Literal = _Special('Literal')
Final = _Special('Final')
ClassVar = _Special('ClassVar')
Annotated = _Special('Annotated')
Concatenate = _Special('Concatenate')
TypeGuard = _Special('TypeGuard')
Required = _Special('Required')
NotRequired = _Special('NotRequired')
Self = _Special('Self')
LiteralString = _Special('LiteralString')
TypeAlias = _Special('TypeAlias')
Unpack = _Special('Unpack')
Text = str
AnyStr = None


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            return '+' + self.__name__
        if self.__contravariant__:
            return '-' + self.__name__
        return '~' + self.__name__

    def __or__(self, other):
        return Union[self, other]


AnyStr = TypeVar('AnyStr', bytes, str)


class ParamSpec(TypeVar):
    pass


class TypeVarTuple(TypeVar):
    pass


class _GenericAlias:
    """`Box[int]` for a user class deriving from Generic: calling it builds a Box."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args

    @property
    def __parameters__(self):
        return tuple(a for a in self.__args__ if isinstance(a, TypeVar))

    def __repr__(self):
        return '%s[%s]' % (_type_repr(self.__origin__),
                           ', '.join(_type_repr(a) for a in self.__args__))

    def __call__(self, *args, **kwargs):
        obj = self.__origin__(*args, **kwargs)
        try:
            obj.__orig_class__ = self
        except Exception:
            pass
        return obj

    def __getitem__(self, params):
        return self.__origin__.__class_getitem__(params)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)


class Generic:
    """Base of generic classes: `class Box(Generic[T])`, then `Box[int]`."""

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            return _GenericBase(cls, params)
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        params = []
        for b in cls.__dict__.get('__orig_bases__', ()):
            for a in getattr(b, '__args__', ()):
                if isinstance(a, TypeVar) and a not in params:
                    params.append(a)
        if params or '__parameters__' not in cls.__dict__:
            cls.__parameters__ = tuple(params)


class _GenericBase:
    """`Generic[T]` / `Protocol[T]` in a class's bases: stands for the class itself."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __repr__(self):
        return 'typing.%s[%s]' % (self.__origin__.__name__,
                                  ', '.join(_type_repr(a) for a in self.__args__))


class Protocol(Generic):
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def assert_never(arg):
    raise AssertionError('Expected code to be unreachable')


def reveal_type(obj):
    return obj


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    mro = getattr(obj, '__mro__', None)
    if mro is not None:
        for base in reversed(mro):
            hints.update(getattr(base, '__dict__', {}).get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', {}))


_ORIGINS = {
    'List': list, 'Dict': dict, 'Set': set, 'FrozenSet': frozenset, 'Tuple': tuple,
    'Type': type,
}


def get_origin(tp):
    origin = getattr(tp, '__origin__', None)
    if origin is not None:
        return origin
    if isinstance(tp, _Special) and tp.__args__ is not None:
        if tp._name in ('Union', 'Optional'):
            return Union
        return _ORIGINS.get(tp._name)
    if type(tp).__name__ == 'UnionType':
        return type(tp)
    return None


def get_args(tp):
    return getattr(tp, '__args__', None) or ()


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__supertype__ = tp
    return new_type


import collections as _collections


class NamedTuple(_collections._NamedTupleBase):
    """Typed namedtuple: class syntax (`class P(NamedTuple): x: int`) or functional."""

    def __new__(cls, *args, **kwargs):
        if cls is NamedTuple:
            typename, fields = args[0], (args[1] if len(args) > 1 else None)
            if fields is None:
                fields = list(kwargs.items())
            return _collections.namedtuple(typename, [n for n, t in fields])
        return super().__new__(cls, *args, **kwargs)

    def __init_subclass__(cls, **kwargs):
        ann = cls.__dict__.get('__annotations__', {})
        names = list(ann)
        defaults = {}
        for n in names:
            if n in cls.__dict__:
                defaults[n] = cls.__dict__[n]
            elif defaults:
                raise TypeError('Non-default namedtuple field %s cannot follow default field%s %s'
                                % (n, 's' if len(defaults) > 1 else '', ', '.join(defaults)))
        _collections._setup_namedtuple(cls, cls.__name__, tuple(names), defaults)


class TypedDict(dict):
    pass
