"""Enumerations: CPython 3.11's enum semantics on an EnumType metaclass.

Members are set up by Enum.__init_subclass__ once the class body has run (pyward has no
metaclass __prepare__), so `auto()` values, including expressions over earlier autos, are
resolved then. Mixed-in data types (`class E(str, Enum)`), flags, the functional API and
member protection follow CPython's EnumType.
"""

__all__ = ['Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'auto', 'unique', 'EnumMeta',
           'EnumType']

_creating = [0]


class auto:
    _order = [0]

    def __init__(self, value=None):
        self.value = value
        auto._order[0] += 1

    def __repr__(self):
        return 'auto(%r)' % (self.value,)

    # CPython replaces auto() by its value as the class body assigns it (a metaclass
    # __prepare__ namespace); here members are set up after the body ran, so an expression
    # over earlier autos (`WHITE = RED | GREEN`) is kept and evaluated in its turn.
    def __or__(self, other):
        return _AutoExpr(_or, self, other)

    def __ror__(self, other):
        return _AutoExpr(_or, other, self)

    def __and__(self, other):
        return _AutoExpr(_and, self, other)

    def __rand__(self, other):
        return _AutoExpr(_and, other, self)

    def __xor__(self, other):
        return _AutoExpr(_xor, self, other)

    def __rxor__(self, other):
        return _AutoExpr(_xor, other, self)

    def __add__(self, other):
        return _AutoExpr(_add, self, other)

    def __radd__(self, other):
        return _AutoExpr(_add, other, self)


def _or(a, b):
    return a | b


def _and(a, b):
    return a & b


def _xor(a, b):
    return a ^ b


def _add(a, b):
    return a + b


class _AutoExpr(auto):
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right
        self.value = None

    def resolve(self):
        def val(x):
            if isinstance(x, _AutoExpr):
                return x.resolve()
            if isinstance(x, auto):
                return x.value
            return x
        return self.op(val(self.left), val(self.right))


def _is_descriptor(v):
    return isinstance(v, (type(_is_descriptor), classmethod, staticmethod, property, type))


def _wrap_init(user_init):
    def __init__(self, *args, **kwargs):
        if _creating[0]:
            user_init(self, *args, **kwargs)
    return __init__


def _setup_members(cls):
    if '__init__' in cls.__dict__ and cls.__dict__['__init__'] is not Enum.__init__:
        cls.__init__ = _wrap_init(cls.__dict__['__init__'])
    member_map = {}
    value_map = {}
    member_names = []
    last_values = []
    for base in cls.__mro__[1:]:
        inherited = getattr(base, '_member_map_', None) if base is not object else None
        if inherited:
            raise TypeError('%s: cannot extend %r' % (
                cls.__name__, base))
    is_flag = 'Flag' in globals() and issubclass(cls, Flag)
    ignore = cls.__dict__.get('_ignore_', [])
    if isinstance(ignore, str):
        ignore = ignore.replace(',', ' ').split()
    items = [(k, v) for k, v in cls.__dict__.items()
             if not k.startswith('_') and k not in ignore and not _is_descriptor(v)]
    for name, value in items:
        if isinstance(value, _AutoExpr):
            value = value.resolve()
        if isinstance(value, auto):
            if value.value is None:
                value.value = cls._generate_next_value_(
                    name, 1, len(member_names), last_values[:])
            value = value.value
        if isinstance(value, tuple):
            args = value
        else:
            args = (value,)
        existing = None
        for m in member_map.values():
            if m._value_ == value:
                existing = m
                break
        if existing is not None:
            member_map[name] = existing
            setattr(cls, name, existing)
            continue
        _creating[0] += 1
        try:
            if issubclass(cls, int) or issubclass(cls, str):
                member = cls(*args)
            else:
                member = cls(*args)
        finally:
            _creating[0] -= 1
        member._value_ = value
        member._name_ = name
        member.__objclass__ = cls
        member_map[name] = member
        if not (is_flag and isinstance(value, int) and not (value and _single_bit(value))):
            # A flag's multi-bit and zero members are aliases: not iterated, as 3.11.
            member_names.append(name)
        last_values.append(value)
        try:
            value_map[value] = member
        except TypeError:
            pass
        setattr(cls, name, member)
    cls._member_map_ = member_map
    cls._member_names_ = member_names
    cls._value2member_map_ = value_map
    cls.__members__ = dict(member_map)
    _keep_enum_methods(cls)


def _member_type(cls):
    for base in cls.__mro__[1:]:
        if not isinstance(base, EnumType) and base is not object:
            return base
    return object


def _keep_enum_methods(cls):
    # As CPython's EnumType.__new__: where a mixed-in data type (`class E(str, Enum)`)
    # would supply repr/str/format ahead of Enum in the MRO, the enum's own method wins.
    first_enum = None
    for base in cls.__mro__[1:]:
        if isinstance(base, EnumType):
            first_enum = base
            break
    if first_enum is None:
        return
    if '__new__' not in cls.__dict__:
        # Calling the class looks a member up; the data type's __new__ only builds them.
        setattr(cls, '__new__', Enum.__new__)
    member_type = _member_type(cls)
    for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
        if name in cls.__dict__:
            continue
        found = getattr(cls, name, None)
        if found is getattr(member_type, name, None) or found is getattr(object, name, None):
            setattr(cls, name, getattr(first_enum, name))


def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
             boundary=None):
    """The functional API: `Enum('Animal', 'ANT BEE')`, as CPython's EnumType._create_."""
    bases = (cls,) if type is None else (type, cls)
    if isinstance(names, str):
        names = names.replace(',', ' ').split()
    if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
        original_names, names = names, []
        last_values = []
        for count, name in enumerate(original_names):
            value = cls._generate_next_value_(name, start, count, last_values[:])
            last_values.append(value)
            names.append((name, value))
    namespace = {}
    for item in names:
        if isinstance(item, str):
            member_name, member_value = item, names[item]
        else:
            member_name, member_value = item
        namespace[member_name] = member_value
    if module is not None:
        namespace['__module__'] = module
    if qualname is not None:
        namespace['__qualname__'] = qualname
    return EnumType(class_name, bases, namespace)


class EnumType(type):
    """Metaclass of enumerations: iteration, len, membership and lookup by name."""

    def __iter__(cls):
        return (cls._member_map_[name] for name in getattr(cls, '_member_names_', []))

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(getattr(cls, '_member_names_', [])))

    def __len__(cls):
        return len(getattr(cls, '_member_names_', []))

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __bool__(cls):
        return True

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', ()):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls.__dict__.get('_member_map_', ()):
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, name))
        super().__delattr__(name)

    def __repr__(cls):
        if hasattr(cls, '_member_map_') and cls._member_map_ is not None:
            flag = globals().get('Flag')
            if flag is not None and issubclass(cls, flag):
                return "<flag %r>" % cls.__name__
            return "<enum %r>" % cls.__name__
        return "<class '%s'>" % cls.__qualname__


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """Generic enumeration base class."""

    def __new__(cls, value=None, *args, **kwargs):
        if _creating[0]:
            # A member of a mixed-in data type (`class E(int, Enum)`) is built by that
            # type's __new__, as CPython's `_new_member_`.
            member_type = _member_type(cls)
            if member_type is object:
                return object.__new__(cls)
            return member_type.__new__(cls, value, *args)
        if args or 'names' in kwargs:
            names = args[0] if args else kwargs.pop('names')
            return _create_(cls, value, names, **kwargs)
        return cls._missing_lookup(value)

    def __init__(self, *args, **kwargs):
        pass

    @classmethod
    def _missing_lookup(cls, value):
        if isinstance(value, cls):
            return value
        members = cls.__dict__.get('_value2member_map_', None)
        if members is not None:
            try:
                if value in members:
                    return members[value]
            except TypeError:
                pass
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))

    @classmethod
    def _missing_(cls, value):
        return None

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    def __init_subclass__(cls, **kwargs):
        _setup_members(cls)

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class ReprEnum(Enum):
    pass


class IntEnum(int, ReprEnum):
    def __init_subclass__(cls, **kwargs):
        _setup_members(cls)

    __new__ = Enum.__new__

    def __init__(self, *args, **kwargs):
        if _creating[0]:
            super().__init__(*args)

    __repr__ = Enum.__repr__

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    __hash__ = int.__hash__ if hasattr(int, '__hash__') else Enum.__hash__


class StrEnum(str, ReprEnum):
    def __init_subclass__(cls, **kwargs):
        _setup_members(cls)

    __new__ = Enum.__new__

    def __init__(self, *args, **kwargs):
        if _creating[0]:
            super().__init__(*args)

    __repr__ = Enum.__repr__

    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return 1
        high = max(last_values)
        return 2 ** high.bit_length()

    @classmethod
    def _missing_(cls, value):
        # 3.11's boundaries: a Flag is STRICT (unknown bits raise), an IntFlag KEEPs them in
        # its value and name; a negative value counts from the top of the flag's bits.
        if not isinstance(value, int):
            return None
        flag_mask = 0
        for m in cls._member_map_.values():
            flag_mask |= m._value_
        all_bits = 2 ** flag_mask.bit_length() - 1
        keep = issubclass(cls, int)
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            if not keep:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError('%r invalid value %r\n    given %s\n  allowed %s' % (
                    cls, value, _flag_bin(value, max_bits), _flag_bin(flag_mask, max_bits)))
            if value < 0:
                value = max(all_bits + 1, 2 ** value.bit_length()) + value
        elif value < 0:
            value = all_bits + 1 + value
        if value in cls._value2member_map_:
            return cls._value2member_map_[value]
        _creating[0] += 1
        try:
            pseudo = cls(value)
        finally:
            _creating[0] -= 1
        pseudo._value_ = value
        known = 0
        names = []
        for m in cls._member_map_.values():
            if m._value_ and m._value_ & value == m._value_ and _single_bit(m._value_):
                names.append(m._name_)
                known |= m._value_
        pseudo._name_ = '|'.join(names) if names else None
        if names and value & ~known:
            pseudo._name_ += '|%r' % (value & ~known)
        cls._value2member_map_[value] = pseudo
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        for m in self.__class__._member_map_.values():
            if m._value_ and _single_bit(m._value_) and m._value_ & self._value_ == m._value_:
                yield m

    def __len__(self):
        return self._value_.bit_count()

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        # CPython's Flag operators: a member of the same flag, or a plain value of the
        # mixed-in data type (IntFlag | int).
        if isinstance(other, self.__class__):
            return other._value_
        if isinstance(self, int) and isinstance(other, int):
            return int(other)
        return NotImplemented

    def __or__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        all_bits = 0
        for m in self.__class__._member_map_.values():
            all_bits |= m._value_
        return self.__class__(all_bits & ~self._value_)

    def __repr__(self):
        if self._name_ is None:
            return '<%s: %r>' % (type(self).__name__, self._value_)
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (type(self).__name__, self._value_)
        return '%s.%s' % (type(self).__name__, self._name_)

    def __hash__(self):
        return hash(self._value_)

    def __eq__(self, other):
        if isinstance(other, Flag):
            return self._value_ == other._value_ and type(self) is type(other)
        return NotImplemented


def _single_bit(v):
    return v & (v - 1) == 0


def _flag_bin(num, max_bits):
    # enum.bin: two's complement with the sign bits apart, padded to max_bits.
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        s = bin(num + ceiling).replace('1', '0', 1)
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


class IntFlag(int, Flag):
    def __init_subclass__(cls, **kwargs):
        _setup_members(cls)

    __new__ = Enum.__new__

    def __init__(self, *args, **kwargs):
        if _creating[0]:
            super().__init__(*args)

    __repr__ = Flag.__repr__
    # EnumType copies the flag operators over int's.
    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__ror__
    __rand__ = Flag.__rand__
    __rxor__ = Flag.__rxor__
    __invert__ = Flag.__invert__
    __contains__ = Flag.__contains__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in <enum %r>: %s' % (enumeration.__name__, alias_details))
    return enumeration


def members(enumeration):
    """pyward helper: the members of an enum class in definition order."""
    return [enumeration._member_map_[n] for n in enumeration._member_names_]


