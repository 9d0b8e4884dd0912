"""decimal: a subset of CPython 3.11's decimal module, following Lib/_pydecimal.py.

Decimal values are (sign, coefficient, exponent) triples or the specials Infinity and NaN.
Supported: construction from str/int/float/tuple/Decimal, + - * / // % divmod, integer
powers, comparisons and hashing consistent with int, float and Fraction, str/repr with
CPython's exponent rules, quantize/to_integral_value/normalize with the eight rounding
modes, and the thread-less context (getcontext().prec, .rounding, localcontext()).
Not supported: non-integer powers, ln/exp/log10, flags and non-default traps.
"""

import math as _math
import operator as _operator
from collections import namedtuple as _namedtuple

__all__ = ['Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext',
           'ExtendedContext', 'DecimalException', 'Clamped', 'InvalidOperation',
           'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
           'FloatOperation', 'DivisionImpossible', 'DivisionUndefined', 'ConversionSyntax',
           'InvalidContext', 'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING',
           'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP', 'setcontext',
           'getcontext', 'localcontext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY']

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR,
              ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent')


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


def _raise(signal, condition=None):
    """Raise as the C implementation does: the trapped signal, listing the condition."""
    raise signal([condition or signal])


class Context:
    """Precision and rounding for arithmetic (flags and traps are not tracked)."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        self.prec = 28 if prec is None else prec
        self.rounding = ROUND_HALF_EVEN if rounding is None else rounding
        self.Emin = -999999 if Emin is None else Emin
        self.Emax = 999999 if Emax is None else Emax
        self.capitals = 1 if capitals is None else capitals
        self.clamp = 0 if clamp is None else clamp
        self.flags = {}
        self.traps = {InvalidOperation: True, DivisionByZero: True, Overflow: True}

    def __setattr__(self, name, value):
        if name == 'prec':
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if not 1 <= value <= MAX_PREC:
                raise ValueError("valid range for prec is [1, MAX_PREC]")
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError("valid values for rounding are:\n"
                                "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                                "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                                "   ROUND_05UP]")
        object.__setattr__(self, name, value)

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                       self.clamp)

    __copy__ = copy

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=[], traps=[InvalidOperation, DivisionByZero, Overflow])'
                % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp))

    def create_decimal(self, num='0'):
        return Decimal(num)._fix(self)

    def _apply(self, a):
        return a._fix(self)


DefaultContext = Context()
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP)
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN)
_current = [DefaultContext.copy()]


def getcontext():
    """The current context."""
    return _current[0]


def setcontext(context):
    """Make context the current context."""
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
    _current[0] = context


class _LocalContext:
    def __init__(self, ctx):
        self.new_context = ctx.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """A context manager that runs its block with a copy of ctx (default: the current one)."""
    if ctx is None:
        ctx = getcontext()
    manager = _LocalContext(ctx)
    for k, v in kwargs.items():
        setattr(manager.new_context, k, v)
    return manager


def _round_int(n, k, rounding, sign):
    """n (>= 0) divided by 10**k (k > 0), rounded by the mode; sign is the value's sign."""
    q, r = divmod(n, 10 ** k)
    if r == 0:
        return q
    half = 5 * 10 ** (k - 1)
    if rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_HALF_UP:
        up = r >= half
    elif rounding == ROUND_HALF_DOWN:
        up = r > half
    elif rounding == ROUND_HALF_EVEN:
        up = r > half or (r == half and q % 2 == 1)
    elif rounding == ROUND_CEILING:
        up = sign == 0
    elif rounding == ROUND_FLOOR:
        up = sign == 1
    else:  # ROUND_05UP
        up = q % 10 in (0, 5)
    return q + 1 if up else q


def _parse(text):
    """(sign, coefficient, exponent, special) of a numeric string, or None."""
    s = text.strip().replace('_', '')
    if not s or not s.isascii():
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return sign, 0, 0, 'F'
    for tag, special in (('snan', 'N'), ('nan', 'n')):
        if low.startswith(tag):
            diag = low[len(tag):]
            if diag == '' or (diag.isdigit() and diag.isascii()):
                return sign, int(diag or '0'), 0, special
            return None
    mant, e, exp = s.partition('e') if 'e' in s else s.partition('E')
    if e:
        if not exp or exp[0] in '+-' and len(exp) == 1:
            return None
        digits = exp[1:] if exp[0] in '+-' else exp
        if not digits.isdigit():
            return None
        exp = int(exp)
    else:
        exp = 0
    intpart, dot, frac = mant.partition('.')
    if not (intpart or frac) or (intpart and not intpart.isdigit()) or \
            (frac and not frac.isdigit()):
        return None
    return sign, int(intpart + frac), exp - len(frac), ''


class Decimal:
    """Floating-point decimal number, exact until an operation rounds to the context."""

    __slots__ = ('_sign', '_int', '_exp', '_special')

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._special = (
                value._sign, value._int, value._exp, value._special)
            return self
        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int, self._exp, self._special = abs(value), 0, ''
            return self
        if isinstance(value, float):
            if value != value:
                self._sign, self._int, self._exp, self._special = 0, 0, 0, 'n'
            elif value in (float('inf'), float('-inf')):
                self._sign, self._int, self._exp, self._special = int(value < 0), 0, 0, 'F'
            else:
                sign = 1 if _math.copysign(1.0, value) < 0 else 0
                n, d = abs(value).as_integer_ratio()
                k = d.bit_length() - 1
                self._sign, self._int, self._exp, self._special = sign, n * 5 ** k, -k, ''
            return self
        if isinstance(value, str):
            parsed = _parse(value)
            if parsed is None:
                _raise(InvalidOperation, ConversionSyntax)
            self._sign, self._int, self._exp, self._special = parsed
            return self
        if isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            sign, digits, exp = value
            if sign not in (0, 1):
                raise ValueError("Invalid sign.  The first value in the tuple should be an "
                                 "integer; either 0 for a positive number or 1 for a negative "
                                 "number.")
            coeff = 0
            for d in digits:
                if not isinstance(d, int) or not 0 <= d <= 9:
                    raise ValueError("The second value in the tuple must be composed of "
                                     "integers in the range 0 through 9.")
                coeff = coeff * 10 + d
            self._sign, self._int = sign, coeff
            if exp in ('F', 'n', 'N'):
                self._exp, self._special = 0, exp
            elif isinstance(exp, int):
                self._exp, self._special = exp, ''
            else:
                raise ValueError("The third value in the tuple must be an integer, or one of "
                                 "the strings 'F', 'n', 'N'.")
            return self
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("argument must be int or float")
        return cls(f)

    @classmethod
    def _make(cls, sign, coeff, exp, special=''):
        self = object.__new__(cls)
        self._sign, self._int, self._exp, self._special = sign, coeff, exp, special
        return self

    # ---- rounding to a context

    def _fix(self, context=None):
        if self._special:
            return self
        if context is None:
            context = getcontext()
        prec = context.prec
        digits = len(str(self._int))
        if digits <= prec:
            return self
        k = digits - prec
        q = _round_int(self._int, k, context.rounding, self._sign)
        exp = self._exp + k
        if len(str(q)) > prec:
            q //= 10
            exp += 1
        return Decimal._make(self._sign, q, exp)

    def _rescale(self, exp, rounding):
        if self._exp >= exp:
            return Decimal._make(self._sign, self._int * 10 ** (self._exp - exp), exp)
        return Decimal._make(self._sign, _round_int(self._int, exp - self._exp, rounding,
                                                    self._sign), exp)

    # ---- text

    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._special == 'F':
            return sign + 'Infinity'
        if self._special:
            diag = str(self._int) if self._int else ''
            return sign + ('sNaN' if self._special == 'N' else 'NaN') + diag
        digits = str(self._int)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace]
            fracpart = '.' + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            exp = 'E' + '%+d' % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return self.__str__(eng=True)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def __format__(self, spec):
        if not spec:
            return str(self)
        kind = spec[-1] if spec[-1] in 'fFeEgG%' else ''
        head = spec[:-1] if kind else spec
        prec = None
        if '.' in head:
            head, _, p = head.partition('.')
            prec = int(p)
        value = self
        if kind == '%':
            value = Decimal._make(self._sign, self._int, self._exp + 2, self._special)
        if kind in ('f', 'F', '%'):
            if prec is not None and not self._special:
                value = value._rescale(-prec, getcontext().rounding)
            text = value._plain()
        elif kind in ('e', 'E') and not self._special:
            n = len(str(value._int)) - 1
            if prec is not None:
                value = value._rescale(value._exp + n - prec, getcontext().rounding)
                n = len(str(value._int)) - 1
            digits = str(value._int)
            mant = digits[0] + ('.' + digits[1:] if len(digits) > 1 else '')
            text = ('-' if value._sign else '') + mant + kind + '%+d' % (value._exp + n)
        else:
            text = str(value)
        if kind == '%':
            text += '%'
        sign_char = head[-1:] if head[-1:] in '+- ' else ''
        if sign_char:
            head = head[:-1]
            if sign_char in '+ ' and not text.startswith('-'):
                text = sign_char + text
        grouping = ',' if head.endswith(',') else ''
        if grouping:
            head = head[:-1]
            neg = text.startswith(('-', '+', ' '))
            lead, body = (text[0], text[1:]) if neg else ('', text)
            ip, dot, rest = body.partition('.')
            text = lead + format(int(ip), ',') + dot + rest
        return format(text, head if head[-1:] not in '0123456789' or head[:1] in '<>^' or
                      len(head) > 1 and head[1] in '<>^' else '>' + head)

    def _plain(self):
        """The value without an exponent (the 'f' presentation)."""
        if self._special:
            return str(self)
        sign = '-' if self._sign else ''
        digits = str(self._int)
        if self._exp >= 0:
            return sign + digits + '0' * self._exp
        digits = digits.rjust(-self._exp + 1, '0')
        return sign + digits[:self._exp] + '.' + digits[self._exp:]

    # ---- predicates and accessors

    def as_tuple(self):
        exp = self._special if self._special else self._exp
        digits = tuple(int(c) for c in str(self._int)) if (self._int or not self._special) else ()
        if self._special == 'F':
            digits = (0,)
        return DecimalTuple(self._sign, digits, exp)

    def as_integer_ratio(self):
        if self._special == 'F':
            raise OverflowError("cannot convert Infinity to integer ratio")
        if self._special:
            raise ValueError("cannot convert NaN to integer ratio")
        n = -self._int if self._sign else self._int
        if self._exp >= 0:
            return n * 10 ** self._exp, 1
        d = 10 ** -self._exp
        g = _math.gcd(n, d)
        return n // g, d // g

    def adjusted(self):
        return 0 if self._special else self._exp + len(str(self._int)) - 1

    def is_nan(self):
        return self._special in ('n', 'N')

    def is_qnan(self):
        return self._special == 'n'

    def is_snan(self):
        return self._special == 'N'

    def is_infinite(self):
        return self._special == 'F'

    def is_finite(self):
        return not self._special

    def is_zero(self):
        return not self._special and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def copy_abs(self):
        return Decimal._make(0, self._int, self._exp, self._special)

    def copy_negate(self):
        return Decimal._make(1 - self._sign, self._int, self._exp, self._special)

    def copy_sign(self, other):
        return Decimal._make(_convert(other, True)._sign, self._int, self._exp, self._special)

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    # ---- rounding operations

    def quantize(self, exp, rounding=None, context=None):
        exp = _convert(exp, True)
        context = context or getcontext()
        if self._special or exp._special:
            if self.is_infinite() and exp.is_infinite():
                return Decimal(self)
            if self.is_nan():
                return Decimal(self)
            _raise(InvalidOperation)
        ans = self._rescale(exp._exp, rounding or context.rounding)
        if len(str(ans._int)) > context.prec:
            _raise(InvalidOperation)
        return ans

    def to_integral_value(self, rounding=None, context=None):
        if self._special or self._exp >= 0:
            return Decimal(self)
        return self._rescale(0, rounding or (context or getcontext()).rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return self.to_integral_value(rounding, context)

    def normalize(self, context=None):
        if self._special:
            return Decimal(self)
        dup = self._fix(context)
        if dup._int == 0:
            return Decimal._make(dup._sign, 0, 0)
        coeff, exp = dup._int, dup._exp
        while coeff % 10 == 0:
            coeff //= 10
            exp += 1
        return Decimal._make(dup._sign, coeff, exp)

    def sqrt(self, context=None):
        context = context or getcontext()
        if self._special:
            if self._sign and self.is_infinite():
                _raise(InvalidOperation)
            return Decimal(self)
        if self._int == 0:
            return Decimal._make(self._sign, 0, self._exp // 2)
        if self._sign:
            _raise(InvalidOperation)
        prec = context.prec
        # Scale so the integer square root has prec + 1 digits, then round.
        e = self._exp
        c = self._int
        shift = 2 * (prec + 1) - len(str(c))
        if (e - shift) % 2:
            shift += 1
        c = c * 10 ** shift if shift >= 0 else c // 10 ** -shift
        exact = shift >= 0 or self._int % 10 ** -shift == 0
        r = _math.isqrt(c)
        exact = exact and r * r == c
        exp = (e - shift) // 2
        if exact:
            ideal = e // 2
            while exp < ideal and r % 10 == 0:
                r //= 10
                exp += 1
            return Decimal._make(0, r, exp)._fix(context)
        if r % 5 == 0:
            r += 1
        return Decimal._make(0, r, exp)._fix(context)

    # ---- arithmetic

    def __add__(self, other, context=None):
        other = _convert(other, op='+', reflected=False)
        if other is NotImplemented:
            return other
        if self._special or other._special:
            return _special_add(self, other)
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp)
        b = other._int * 10 ** (other._exp - exp)
        total = (-a if self._sign else a) + (-b if other._sign else b)
        if total == 0:
            sign = 1 if (self._sign and other._sign) or (
                self._sign != other._sign and getcontext().rounding == ROUND_FLOOR) else 0
        else:
            sign = 1 if total < 0 else 0
        return Decimal._make(sign, abs(total), exp)._fix(context)

    def __radd__(self, other, context=None):
        other = _convert(other, op='+', reflected=True)
        if other is NotImplemented:
            return other
        return other.__add__(self, context)

    def __sub__(self, other, context=None):
        other = _convert(other, op='-', reflected=False)
        if other is NotImplemented:
            return other
        return self.__add__(other.copy_negate(), context)

    def __rsub__(self, other, context=None):
        other = _convert(other, op='-', reflected=True)
        if other is NotImplemented:
            return other
        return other.__sub__(self, context)

    def __mul__(self, other, context=None):
        other = _convert(other, op='*', reflected=False)
        if other is NotImplemented:
            return other
        sign = self._sign ^ other._sign
        if self._special or other._special:
            if self.is_nan() or other.is_nan():
                return _nan(self, other)
            if self.is_zero() or other.is_zero():
                _raise(InvalidOperation)
            return Decimal._make(sign, 0, 0, 'F')
        return Decimal._make(sign, self._int * other._int, self._exp + other._exp)._fix(context)

    def __rmul__(self, other, context=None):
        other = _convert(other, op='*', reflected=True)
        if other is NotImplemented:
            return other
        return other.__mul__(self, context)

    def __truediv__(self, other, context=None):
        other = _convert(other, op='/', reflected=False)
        if other is NotImplemented:
            return other
        context = context or getcontext()
        sign = self._sign ^ other._sign
        if self._special or other._special:
            if self.is_nan() or other.is_nan():
                return _nan(self, other)
            if self.is_infinite() and other.is_infinite():
                _raise(InvalidOperation)
            if self.is_infinite():
                return Decimal._make(sign, 0, 0, 'F')
            return Decimal._make(sign, 0, context.Emin - context.prec + 1)
        if other._int == 0:
            if self._int == 0:
                _raise(InvalidOperation, DivisionUndefined)
            _raise(DivisionByZero)
        if self._int == 0:
            return Decimal._make(sign, 0, self._exp - other._exp)
        shift = len(str(other._int)) - len(str(self._int)) + context.prec + 1
        exp = self._exp - other._exp - shift
        if shift >= 0:
            coeff, rem = divmod(self._int * 10 ** shift, other._int)
        else:
            coeff, rem = divmod(self._int, other._int * 10 ** -shift)
        if rem:
            if coeff % 5 == 0:
                coeff += 1
        else:
            ideal = self._exp - other._exp
            while exp < ideal and coeff % 10 == 0:
                coeff //= 10
                exp += 1
        return Decimal._make(sign, coeff, exp)._fix(context)

    def __rtruediv__(self, other, context=None):
        other = _convert(other, op='/', reflected=True)
        if other is NotImplemented:
            return other
        return other.__truediv__(self, context)

    def _divide(self, other, context):
        """(self // other, self % other) for finite operands, other nonzero."""
        sign = self._sign ^ other._sign
        ideal = min(self._exp, other._exp)
        if self._int == 0 or self.adjusted() - other.adjusted() <= -2:
            return (Decimal._make(sign, 0, 0),
                    self._rescale(ideal, context.rounding)._fix(context))
        a, b = self._int, other._int
        if self._exp >= other._exp:
            a *= 10 ** (self._exp - other._exp)
        else:
            b *= 10 ** (other._exp - self._exp)
        q, r = divmod(a, b)
        if q >= 10 ** context.prec:
            _raise(InvalidOperation, DivisionImpossible)
        return (Decimal._make(sign, q, 0),
                Decimal._make(self._sign, r, ideal)._fix(context))

    def _divmod_checked(self, other, context):
        context = context or getcontext()
        if self._special or other._special:
            _raise(InvalidOperation)
        if other._int == 0:
            if self._int == 0:
                _raise(InvalidOperation, DivisionUndefined)
            _raise(DivisionByZero)
        return self._divide(other, context)

    def __floordiv__(self, other, context=None):
        other = _convert(other, op='//', reflected=False)
        if other is NotImplemented:
            return other
        if other.is_zero() and not self._special and not self.is_zero():
            _raise(DivisionByZero)
        return self._divmod_checked(other, context)[0]

    def __rfloordiv__(self, other, context=None):
        other = _convert(other, op='//', reflected=True)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self, context)

    def __mod__(self, other, context=None):
        other = _convert(other, op='%', reflected=False)
        if other is NotImplemented:
            return other
        if other.is_zero() and not self._special:
            _raise(InvalidOperation)
        return self._divmod_checked(other, context)[1]

    def __rmod__(self, other, context=None):
        other = _convert(other, op='%', reflected=True)
        if other is NotImplemented:
            return other
        return other.__mod__(self, context)

    def __divmod__(self, other, context=None):
        other = _convert(other, op='divmod()', reflected=False)
        if other is NotImplemented:
            return other
        return self._divmod_checked(other, context)

    def __rdivmod__(self, other, context=None):
        other = _convert(other, op='divmod()', reflected=True)
        if other is NotImplemented:
            return other
        return other.__divmod__(self, context)

    def __pow__(self, other, modulo=None, context=None):
        other = _convert(other, op='** or pow()', reflected=False)
        if other is NotImplemented:
            return other
        if modulo is not None:
            raise TypeError("pyward: three-argument pow() is not supported for Decimal")
        if other._special or self._special:
            _raise(InvalidOperation)
        if other._exp < 0 and other._int % 10 ** -other._exp:
            raise NotImplementedError("pyward: non-integer Decimal powers are not supported")
        n = int(other)
        if n == 0:
            if self._int == 0:
                _raise(InvalidOperation)
            return Decimal(1)
        sign = self._sign if n % 2 else 0
        if self._int == 0:
            if n < 0:
                _raise(DivisionByZero)
            return Decimal._make(sign, 0, 0)
        context = getcontext()
        # Exact power (bounded by the precision), then one rounding.
        m = abs(n)
        if len(str(self._int)) * m > 4 * context.prec + 64:
            work = context.copy()
            work.prec = context.prec + 10
            result = Decimal(1)
            base = Decimal._make(0, self._int, self._exp)
            while m:
                if m & 1:
                    result = result.__mul__(base, work)
                base = base.__mul__(base, work)
                m >>= 1
        else:
            result = Decimal._make(0, self._int ** m, self._exp * m)
        if n < 0:
            result = Decimal(1).__truediv__(result, context)
        else:
            result = result._fix(context)
        return Decimal._make(sign, result._int, result._exp)

    def __rpow__(self, other, context=None):
        other = _convert(other, op='** or pow()', reflected=True)
        if other is NotImplemented:
            return other
        return other.__pow__(self)

    def __neg__(self, context=None):
        if self._special:
            return self.copy_negate()
        if self._int == 0:
            return Decimal._make(0, 0, self._exp)
        return Decimal._make(1 - self._sign, self._int, self._exp)._fix(context)

    def __pos__(self, context=None):
        if self._special:
            return Decimal(self)
        if self._int == 0:
            return Decimal._make(0, 0, self._exp)
        return Decimal(self)._fix(context)

    def __abs__(self, round=True, context=None):
        if self._special:
            return self.copy_abs()
        return Decimal._make(0, self._int, self._exp)._fix(context)

    # ---- conversions

    def __int__(self):
        if self._special == 'F':
            raise OverflowError("cannot convert Infinity to integer")
        if self._special:
            raise ValueError("cannot convert NaN to integer")
        n = self._int * 10 ** self._exp if self._exp >= 0 else self._int // 10 ** -self._exp
        return -n if self._sign else n

    __trunc__ = __int__

    def __float__(self):
        if self.is_nan():
            if self.is_snan():
                raise ValueError("cannot convert signaling NaN to float")
            return float('-nan' if self._sign else 'nan')
        return float(str(self))

    def __bool__(self):
        return bool(self._special) or self._int != 0

    def __floor__(self):
        if self._special:
            raise OverflowError("cannot round an infinity") if self.is_infinite() else \
                ValueError("cannot round a NaN")
        return int(self._rescale(0, ROUND_FLOOR))

    def __ceil__(self):
        if self._special:
            raise OverflowError("cannot round an infinity") if self.is_infinite() else \
                ValueError("cannot round a NaN")
        return int(self._rescale(0, ROUND_CEILING))

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('optional arg must be an integer')
            return self.quantize(Decimal._make(0, 1, -n))
        if self._special:
            if self.is_nan():
                raise ValueError("cannot round a NaN")
            raise OverflowError("cannot round an infinity")
        return int(self._rescale(0, ROUND_HALF_EVEN))

    # ---- comparison and hashing

    def _cmp(self, other):
        """-1, 0 or 1 comparing finite-or-infinite self with other (a Decimal)."""
        if self._special or other._special:
            a = 0 if not self._special else (-1 if self._sign else 1)
            b = 0 if not other._special else (-1 if other._sign else 1)
            if a != b:
                return (a > b) - (a < b)
            if a:
                return 0
        if self._int == 0 and other._int == 0:
            return 0
        an, ad = self.as_integer_ratio()
        bn, bd = other.as_integer_ratio()
        x, y = an * bd, bn * ad
        return (x > y) - (x < y)

    def _compare_with(self, other, op):
        # == and != compare with a complex whose imaginary part is zero (convert_op_cmp).
        if isinstance(other, complex) and op in (_operator.eq, _operator.ne) and not other.imag:
            other = other.real
        if isinstance(other, float):
            other = Decimal(other)
        elif not isinstance(other, Decimal):
            if isinstance(other, int):
                other = Decimal(other)
            elif type(other).__name__ == 'Fraction' and type(other).__module__ == 'fractions':
                if self._special:
                    return op(self._cmp(Decimal(0)), 0) if self.is_infinite() else \
                        (op is _operator.ne)
                n, d = self.as_integer_ratio()
                return op(n * other.denominator, other.numerator * d)
            else:
                return NotImplemented
        if self.is_nan() or other.is_nan():
            if op in (_operator.eq, _operator.ne):
                return op is _operator.ne
            _raise(InvalidOperation)
        return op(self._cmp(other), 0)

    def __eq__(self, other):
        return self._compare_with(other, _operator.eq)

    def __ne__(self, other):
        return self._compare_with(other, _operator.ne)

    def __lt__(self, other):
        return self._compare_with(other, _operator.lt)

    def __le__(self, other):
        return self._compare_with(other, _operator.le)

    def __gt__(self, other):
        return self._compare_with(other, _operator.gt)

    def __ge__(self, other):
        return self._compare_with(other, _operator.ge)

    def compare(self, other, context=None):
        other = _convert(other, True)
        if self.is_nan() or other.is_nan():
            return _nan(self, other)
        return Decimal(self._cmp(other))

    def max(self, other, context=None):
        other = _convert(other, True)
        return other if self._cmp(other) < 0 else self

    def min(self, other, context=None):
        other = _convert(other, True)
        return other if self._cmp(other) > 0 else self

    def __hash__(self):
        if self._special:
            if self.is_snan():
                raise TypeError('Cannot hash a signaling NaN value.')
            if self.is_nan():
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, _PyHASH_MODULUS)
        else:
            exp_hash = pow(_PyHASH_10INV, -self._exp, _PyHASH_MODULUS)
        h = self._int * exp_hash % _PyHASH_MODULUS
        ans = -h if self._sign else h
        return -2 if ans == -1 else ans

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_PyHASH_MODULUS = (1 << 61) - 1
_PyHASH_10INV = pow(10, _PyHASH_MODULUS - 2, _PyHASH_MODULUS)


def _convert(other, raising=False, op=None, reflected=False):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if raising:
        raise TypeError("conversion from %s to Decimal is not supported" % type(other).__name__)
    if op is not None and isinstance(other, (float, complex)):
        # The C type is named 'decimal.Decimal' in CPython's operator errors.
        other_name = "'%s'" % type(other).__name__
        names = (other_name, "'decimal.Decimal'") if reflected else \
            ("'decimal.Decimal'", other_name)
        raise TypeError("unsupported operand type(s) for %s: %s and %s" % (op, *names))
    return NotImplemented


def _nan(a, b):
    if a.is_snan() or b.is_snan():
        _raise(InvalidOperation)
    return Decimal(a if a.is_nan() else b)


def _special_add(a, b):
    if a.is_nan() or b.is_nan():
        return _nan(a, b)
    if a.is_infinite() and b.is_infinite():
        if a._sign != b._sign:
            _raise(InvalidOperation)
        return Decimal(a)
    return Decimal(a if a.is_infinite() else b)


import _decimal_math
_decimal_math.install(Decimal, getcontext, _raise, InvalidOperation, Overflow, ROUND_HALF_EVEN)
