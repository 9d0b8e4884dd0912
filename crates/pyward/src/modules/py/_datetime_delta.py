"""datetime.timedelta and the helpers datetime.py shares with it (type names for CPython's
error messages, exact round-half-even). Split from datetime.py by size; the class reports
`__module__ == 'datetime'` so reprs and messages say `datetime.timedelta`.
"""

_US_PER_DAY = 86400000000


def _tname(obj):
    """CPython's tp_name: 'datetime.date' for the module's own classes."""
    cls = type(obj)
    if cls.__module__ == 'datetime':
        return 'datetime.' + cls.__name__
    return cls.__name__


def _cmp_error(op, a, b):
    return TypeError(f"'{op}' not supported between instances of '{_tname(a)}' and '{_tname(b)}'")


def _binop_error(op, a, b):
    return TypeError(f"unsupported operand type(s) for {op}: '{_tname(a)}' and '{_tname(b)}'")


def _no_op(op, a, b, other):
    """NotImplemented for a user class that may define the reflected operator; otherwise
    CPython's error now, so its message names the C type ('datetime.date')."""
    if type(other).__module__ in ('builtins', 'datetime'):
        raise _binop_error(op, a, b)
    return NotImplemented


def _round_half_even(num, den):
    """num/den rounded to the nearest int, ties to even (den > 0)."""
    q, r = divmod(num, den)
    r2 = 2 * r
    if r2 > den or (r2 == den and q % 2 == 1):
        q += 1
    return q



class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999)."""
    __module__ = 'datetime'


    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                weeks=0):
        num, den = 0, 1
        for name, v, factor in (('days', days, 86400000000), ('seconds', seconds, 1000000),
                                ('microseconds', microseconds, 1),
                                ('milliseconds', milliseconds, 1000),
                                ('minutes', minutes, 60000000), ('hours', hours, 3600000000),
                                ('weeks', weeks, 604800000000)):
            if isinstance(v, int):
                num += int(v) * factor * den
            elif isinstance(v, float):
                n, d = v.as_integer_ratio()
                if d > den:
                    num *= d // den
                    den = d
                num += n * factor * (den // d)
            else:
                raise TypeError(f'unsupported type for timedelta {name} component: '
                                f'{type(v).__name__}')
        return cls._from_us(_round_half_even(num, den))

    @classmethod
    def _from_us(cls, us):
        days, rest = divmod(us, _US_PER_DAY)
        if not -999999999 <= days <= 999999999:
            raise OverflowError(f'days={days}; must have magnitude <= 999999999')
        self = object.__new__(cls)
        self._days = days
        self._seconds, self._microseconds = divmod(rest, 1000000)
        self._hashcode = -1
        return self

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        return self._us() / 10**6

    def __repr__(self):
        parts = []
        if self._days:
            parts.append(f'days={self._days}')
        if self._seconds:
            parts.append(f'seconds={self._seconds}')
        if self._microseconds:
            parts.append(f'microseconds={self._microseconds}')
        return f"{_tname(self)}({', '.join(parts) or '0'})"

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = f'{hh}:{mm:02d}:{ss:02d}'
        if self._days:
            plural = 's' if abs(self._days) != 1 else ''
            s = f'{self._days} day{plural}, ' + s
        if self._microseconds:
            s += f'.{self._microseconds:06d}'
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._us() + other._us())
        return _no_op('+', self, other, other)

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._us() + other._us())
        return _no_op('+', other, self, other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._us() - other._us())
        return _no_op('-', self, other, other)

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(other._us() - self._us())
        return _no_op('-', other, self, other)

    def __neg__(self):
        return timedelta._from_us(-self._us())

    def __pos__(self):
        return timedelta._from_us(self._us())

    def __abs__(self):
        return -self if self._days < 0 else +self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_us(self._us() * other)
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            return timedelta._from_us(_round_half_even(self._us() * n, d))
        return _no_op('*', self, other, other)

    def __rmul__(self, other):
        if isinstance(other, (int, float)):
            return self * other
        return _no_op('*', other, self, other)

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us() / other._us()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return timedelta._from_us(_round_half_even(self._us() * (1 if other > 0 else -1),
                                                       abs(other)))
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            if n == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            if n < 0:
                n, d = -n, -d
            return timedelta._from_us(_round_half_even(self._us() * d, n))
        return _no_op('/', self, other, other)

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            if other._us() == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return self._us() // other._us()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return timedelta._from_us(self._us() // other)
        return _no_op('//', self, other, other)

    def __mod__(self, other):
        if isinstance(other, timedelta):
            if other._us() == 0:
                raise ZeroDivisionError('integer modulo by zero')
            return timedelta._from_us(self._us() % other._us())
        return _no_op('%', self, other, other)

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            if other._us() == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            q, r = divmod(self._us(), other._us())
            return q, timedelta._from_us(r)
        return _no_op('divmod()', self, other, other)

    def _cmp(self, other, op):
        if isinstance(other, timedelta):
            a, b = self._us(), other._us()
            return (a > b) - (a < b)
        raise _cmp_error(op, self, other)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._us() == other._us()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._us() != other._us()
        return NotImplemented

    def __lt__(self, other):
        return self._cmp(other, '<') < 0

    def __le__(self, other):
        return self._cmp(other, '<=') <= 0

    def __gt__(self, other):
        return self._cmp(other, '>') > 0

    def __ge__(self, other):
        return self._cmp(other, '>=') >= 0

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._days, self._seconds, self._microseconds))
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def __reduce__(self):
        return (type(self), (self._days, self._seconds, self._microseconds))


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)
