"""Data classes (CPython's dataclasses, built without exec: generic generated methods)."""

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class _KwOnlyType:
    pass


KW_ONLY = _KwOnlyType()


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata if metadata is not None else {}
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,'
                'hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%s)' % (
                    self.name, self.type, self.default, self.default_factory, self.init,
                    self.repr, self.hash, self.compare, self.metadata, self.kw_only,
                    self._field_type))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


_initializing = set()


def _is_classvar(tp):
    if isinstance(tp, str):
        return tp.startswith('ClassVar') or tp.startswith('typing.ClassVar')
    return getattr(tp, '_name', None) == 'ClassVar'


def _is_initvar(tp):
    if isinstance(tp, str):
        return tp.startswith('InitVar') or tp.startswith('dataclasses.InitVar')
    return isinstance(tp, InitVar) or tp is InitVar


def _set(self, name, value):
    _initializing.add(id(self))
    try:
        setattr(self, name, value)
    finally:
        _initializing.discard(id(self))


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    all_fields = {}
    for b in reversed(cls.__mro__[1:]):
        base_fields = getattr(b, '__dataclass_fields__', None)
        if base_fields is not None:
            for f in base_fields.values():
                all_fields[f.name] = f
    ann = cls.__dict__.get('__annotations__', {})
    own = []
    kw_only_mode = kw_only
    for name, tp in ann.items():
        if tp is KW_ONLY:
            kw_only_mode = True
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = tp
        if _is_classvar(tp):
            continue
        f._field_type = '_FIELD_INITVAR' if _is_initvar(tp) else '_FIELD'
        if f.kw_only is MISSING:
            f.kw_only = kw_only_mode
        if f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError('mutable default %s for field %s is not allowed: use '
                             'default_factory' % (type(f.default), name))
        if isinstance(default, Field):
            if f.default is MISSING:
                try:
                    delattr(cls, name)
                except AttributeError:
                    pass
            else:
                setattr(cls, name, f.default)
        own.append(f)
        all_fields[name] = f
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in ann:
            raise TypeError('%r is a field but has no type annotation' % (name,))
    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)
    flist = [f for f in all_fields.values() if f._field_type == '_FIELD']
    initlist = [f for f in all_fields.values() if f.init]
    pos = [f for f in initlist if not f.kw_only]
    kwo = [f for f in initlist if f.kw_only]
    seen_default = False
    for f in pos:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError('non-default argument %r follows default argument' % (f.name,))
    qualname = cls.__qualname__

    if init and '__init__' not in cls.__dict__:
        def __init__(self, *args, **kwargs):
            _bind_init(self, qualname, pos, kwo, all_fields, args, kwargs)
        cls.__init__ = __init__

    if repr and '__repr__' not in cls.__dict__:
        def __repr__(self):
            return type(self).__qualname__ + '(' + ', '.join(
                '%s=%r' % (f.name, getattr(self, f.name)) for f in flist if f.repr) + ')'
        cls.__repr__ = _recursive_repr(__repr__)
        # pprint formats dataclasses whose repr is this generated one field by field.
        cls.__repr__.__dataclass_repr__ = True

    cmp_fields = [f.name for f in flist if f.compare]

    def _astuple_cmp(self):
        return tuple([getattr(self, n) for n in cmp_fields])

    if eq and '__eq__' not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _astuple_cmp(self) == _astuple_cmp(other)
            return NotImplemented
        cls.__eq__ = __eq__

    if order:
        def _make_cmp(name, op):
            def cmp(self, other):
                if other.__class__ is self.__class__:
                    return op(_astuple_cmp(self), _astuple_cmp(other))
                return NotImplemented
            if name in cls.__dict__:
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider using '
                                'functools.total_ordering' % (name, cls.__name__))
            setattr(cls, name, cmp)
        _make_cmp('__lt__', lambda a, b: a < b)
        _make_cmp('__le__', lambda a, b: a <= b)
        _make_cmp('__gt__', lambda a, b: a > b)
        _make_cmp('__ge__', lambda a, b: a >= b)

    if frozen:
        def __setattr__(self, name, value):
            if id(self) in _initializing:
                return super(cls, self).__setattr__(name, value)
            if type(self) is cls or name in all_fields:
                raise FrozenInstanceError("cannot assign to field '%s'" % name)
            super(cls, self).__setattr__(name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in all_fields:
                raise FrozenInstanceError("cannot delete field '%s'" % name)
            super(cls, self).__delattr__(name)
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__

    hash_fields = [f.name for f in flist if (f.compare if f.hash is None else f.hash)]
    has_explicit_hash = '__hash__' in cls.__dict__ and not (
        cls.__dict__['__hash__'] is None and '__eq__' in cls.__dict__ and not eq)
    if unsafe_hash or (eq and frozen):
        def __hash__(self):
            return hash(tuple([getattr(self, n) for n in hash_fields]))
        cls.__hash__ = __hash__
    elif eq and not frozen:
        if '__hash__' not in cls.__dict__ or cls.__dict__['__hash__'] is None:
            cls.__hash__ = None
    if match_args and '__match_args__' not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in pos)
    return cls


def _recursive_repr(fn):
    running = set()

    def wrapper(self):
        key = id(self)
        if key in running:
            return '...'
        running.add(key)
        try:
            return fn(self)
        finally:
            running.discard(key)
    return wrapper


def _plural(n, word):
    return '%d %s%s' % (n, word, '' if n == 1 else 's')


def _names_text(names):
    names = ["'%s'" % n for n in names]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return names[0] + ' and ' + names[1]
    return ', '.join(names[:-1]) + ', and ' + names[-1]


def _bind_init(self, qualname, pos, kwo, all_fields, args, kwargs):
    fname = qualname + '.__init__()'
    if len(args) > len(pos):
        nreq = len([f for f in pos if f.default is MISSING and f.default_factory is MISSING])
        if nreq == len(pos):
            takes = _plural(len(pos) + 1, 'positional argument')
        else:
            takes = 'from %d to %d positional arguments' % (nreq + 1, len(pos) + 1)
        raise TypeError('%s takes %s but %d %s given' % (
            fname, takes, len(args) + 1, 'was' if len(args) + 1 == 1 else 'were'))
    values = {}
    for f, v in zip(pos, args):
        values[f.name] = v
    names = [f.name for f in pos] + [f.name for f in kwo]
    for k, v in kwargs.items():
        if k not in names:
            raise TypeError("%s got an unexpected keyword argument '%s'" % (fname, k))
        if k in values:
            raise TypeError("%s got multiple values for argument '%s'" % (fname, k))
        values[k] = v
    missing = [f.name for f in pos if f.name not in values and f.default is MISSING
               and f.default_factory is MISSING]
    if missing:
        raise TypeError('%s missing %s: %s' % (
            fname, _plural(len(missing), 'required positional argument'), _names_text(missing)))
    missing = [f.name for f in kwo if f.name not in values and f.default is MISSING
               and f.default_factory is MISSING]
    if missing:
        raise TypeError('%s missing %s: %s' % (
            fname, _plural(len(missing), 'required keyword-only argument'),
            _names_text(missing)))
    initvars = []
    _initializing.add(id(self))
    try:
        for f in all_fields.values():
            if f.name in values:
                v = values[f.name]
            elif f.default_factory is not MISSING:
                v = f.default_factory()
            elif f.default is not MISSING:
                v = f.default
            else:
                continue
            if f._field_type == '_FIELD_INITVAR':
                initvars.append(v)
                continue
            setattr(self, f.name, v)
    finally:
        _initializing.discard(id(self))
    post = getattr(self, '__post_init__', None)
    if post is not None:
        post(*initvars)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        if order and not eq:
            raise ValueError('eq must be true if order is true')
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fs.values() if f._field_type == '_FIELD')


def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            result.append((f.name, _asdict_inner(getattr(obj, f.name), dict_factory)))
        return dict_factory(result)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    import copy
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    import copy
    return copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be '
                                 'specified with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type == '_FIELD_INITVAR' and f.default is MISSING:
                raise ValueError("InitVar '%s' must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
