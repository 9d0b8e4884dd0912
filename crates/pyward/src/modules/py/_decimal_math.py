"""_decimal_math: exp, ln, log10 and non-integer powers for the bundled decimal module.

The integer kernels (_ilog, _dlog, _dlog10, _iexp, _dexp, _dpower and helpers) are taken
from CPython 3.11's Lib/_pydecimal.py (PSF license); the methods follow its algorithms:
compute with a few guard digits and add more until the result rounds unambiguously (Ziv's
loop), then round once. decimal.py calls install() to attach them to Decimal.
"""

_nbits = int.bit_length


def _sqrt_nearest(n, a):
    if n <= 0 or a <= 0:
        raise ValueError("Both arguments to _sqrt_nearest should be positive.")

    b=0
    while a != b:
        b, a = a, a--n//a>>1
    return a


def _rshift_nearest(x, shift):
    b, q = 1 << shift, x >> shift
    return q + (2*(x & (b-1)) + (q&1) > b)


def _div_nearest(a, b):
    q, r = divmod(a, b)
    return q + (2*r + (q&1) > b)


def _ilog(x, M, L = 8):

    # The basic algorithm is the following: let log1p be the function
    # log1p(x) = log(1+x).  Then log(x/M) = log1p((x-M)/M).  We use
    # the reduction
    #
    #    log1p(y) = 2*log1p(y/(1+sqrt(1+y)))
    #
    # repeatedly until the argument to log1p is small (< 2**-L in
    # absolute value).  For small y we can use the Taylor series
    # expansion
    #
    #    log1p(y) ~ y - y**2/2 + y**3/3 - ... - (-y)**T/T
    #
    # truncating at T such that y**T is small enough.  The whole
    # computation is carried out in a form of fixed-point arithmetic,
    # with a real number z being represented by an integer
    # approximation to z*M.  To avoid loss of precision, the y below
    # is actually an integer approximation to 2**R*y*M, where R is the
    # number of reductions performed so far.

    y = x-M
    # argument reduction; R = number of reductions performed
    R = 0
    while (R <= L and abs(y) << L-R >= M or
           R > L and abs(y) >> R-L >= M):
        y = _div_nearest((M*y) << 1,
                         M + _sqrt_nearest(M*(M+_rshift_nearest(y, R)), M))
        R += 1

    # Taylor series with T terms
    T = -int(-10*len(str(M))//(3*L))
    yshift = _rshift_nearest(y, R)
    w = _div_nearest(M, T)
    for k in range(T-1, 0, -1):
        w = _div_nearest(M, k) - _div_nearest(yshift*w, M)

    return _div_nearest(w*y, M)


def _dlog10(c, e, p):

    # increase precision by 2; compensate for this by dividing
    # final result by 100
    p += 2

    # write c*10**e as d*10**f with either:
    #   f >= 0 and 1 <= d <= 10, or
    #   f <= 0 and 0.1 <= d <= 1.
    # Thus for c*10**e close to 1, f = 0
    l = len(str(c))
    f = e+l - (e+l >= 1)

    if p > 0:
        M = 10**p
        k = e+p-f
        if k >= 0:
            c *= 10**k
        else:
            c = _div_nearest(c, 10**-k)

        log_d = _ilog(c, M) # error < 5 + 22 = 27
        log_10 = _log10_digits(p) # error < 1
        log_d = _div_nearest(log_d*M, log_10)
        log_tenpower = f*M # exact
    else:
        log_d = 0  # error < 2.31
        log_tenpower = _div_nearest(f, 10**-p) # error < 0.5

    return _div_nearest(log_tenpower+log_d, 100)


def _dlog(c, e, p):

    # Increase precision by 2. The precision increase is compensated
    # for at the end with a division by 100.
    p += 2

    # rewrite c*10**e as d*10**f with either f >= 0 and 1 <= d <= 10,
    # or f <= 0 and 0.1 <= d <= 1.  Then we can compute 10**p * log(c*10**e)
    # as 10**p * log(d) + 10**p*f * log(10).
    l = len(str(c))
    f = e+l - (e+l >= 1)

    # compute approximation to 10**p*log(d), with error < 27
    if p > 0:
        k = e+p-f
        if k >= 0:
            c *= 10**k
        else:
            c = _div_nearest(c, 10**-k)  # error of <= 0.5 in c

        # _ilog magnifies existing error in c by a factor of at most 10
        log_d = _ilog(c, 10**p) # error < 5 + 22 = 27
    else:
        # p <= 0: just approximate the whole thing by 0; error < 2.31
        log_d = 0

    # compute approximation to f*10**p*log(10), with error < 11.
    if f:
        extra = len(str(abs(f)))-1
        if p + extra >= 0:
            # error in f * _log10_digits(p+extra) < |f| * 1 = |f|
            # after division, error < |f|/10**extra + 0.5 < 10 + 0.5 < 11
            f_log_ten = _div_nearest(f*_log10_digits(p+extra), 10**extra)
        else:
            f_log_ten = 0
    else:
        f_log_ten = 0

    # error in sum < 11+27 = 38; error after division < 0.38 + 0.5 < 1
    return _div_nearest(f_log_ten + log_d, 100)


class _Log10Memoize(object):
    def __init__(self):
        self.digits = "23025850929940456840179914546843642076011014886"

    def getdigits(self, p):
        """Given an integer p >= 0, return floor(10**p)*log(10).

        For example, self.getdigits(3) returns 2302.
        """
        # digits are stored as a string, for quick conversion to
        # integer in the case that we've already computed enough
        # digits; the stored digits should always be correct
        # (truncated, not rounded to nearest).
        if p < 0:
            raise ValueError("p should be nonnegative")

        if p >= len(self.digits):
            # compute p+3, p+6, p+9, ... digits; continue until at
            # least one of the extra digits is nonzero
            extra = 3
            while True:
                # compute p+extra digits, correct to within 1ulp
                M = 10**(p+extra+2)
                digits = str(_div_nearest(_ilog(10*M, M), 100))
                if digits[-extra:] != '0'*extra:
                    break
                extra += 3
            # keep all reliable digits so far; remove trailing zeros
            # and next nonzero digit
            self.digits = digits.rstrip('0')[:-1]
        return int(self.digits[:p+1])


_log10_digits = _Log10Memoize().getdigits


def _iexp(x, M, L=8):

    # Algorithm: to compute exp(z) for a real number z, first divide z
    # by a suitable power R of 2 so that |z/2**R| < 2**-L.  Then
    # compute expm1(z/2**R) = exp(z/2**R) - 1 using the usual Taylor
    # series
    #
    #     expm1(x) = x + x**2/2! + x**3/3! + ...
    #
    # Now use the identity
    #
    #     expm1(2x) = expm1(x)*(expm1(x)+2)
    #
    # R times to compute the sequence expm1(z/2**R),
    # expm1(z/2**(R-1)), ... , exp(z/2), exp(z).

    # Find R such that x/2**R/M <= 2**-L
    R = _nbits((x<<L)//M)

    # Taylor series.  (2**L)**T > M
    T = -int(-10*len(str(M))//(3*L))
    y = _div_nearest(x, T)
    Mshift = M<<R
    for i in range(T-1, 0, -1):
        y = _div_nearest(x*(Mshift + y), Mshift * i)

    # Expansion
    for k in range(R-1, -1, -1):
        Mshift = M<<(k+2)
        y = _div_nearest(y*(y+Mshift), Mshift)

    return M+y


def _dexp(c, e, p):

    # we'll call iexp with M = 10**(p+2), giving p+3 digits of precision
    p += 2

    # compute log(10) with extra precision = adjusted exponent of c*10**e
    extra = max(0, e + len(str(c)) - 1)
    q = p + extra

    # compute quotient c*10**e/(log(10)) = c*10**(e+q)/(log(10)*10**q),
    # rounding down
    shift = e+q
    if shift >= 0:
        cshift = c*10**shift
    else:
        cshift = c//10**-shift
    quot, rem = divmod(cshift, _log10_digits(q))

    # reduce remainder back to original precision
    rem = _div_nearest(rem, 10**extra)

    # error in result of _iexp < 120;  error after division < 0.62
    return _div_nearest(_iexp(rem, 10**p), 1000), quot - p + 3


def _dpower(xc, xe, yc, ye, p):

    # Find b such that 10**(b-1) <= |y| <= 10**b
    b = len(str(abs(yc))) + ye

    # log(x) = lxc*10**(-p-b-1), to p+b+1 places after the decimal point
    lxc = _dlog(xc, xe, p+b+1)

    # compute product y*log(x) = yc*lxc*10**(-p-b-1+ye) = pc*10**(-p-1)
    shift = ye-b
    if shift >= 0:
        pc = lxc*yc*10**shift
    else:
        pc = _div_nearest(lxc*yc, 10**-shift)

    if pc == 0:
        # we prefer a result that isn't exactly 1; this makes it
        # easier to compute a correctly rounded result in __pow__
        if ((len(str(xc)) + xe >= 1) == (yc > 0)): # if x**y > 1:
            coeff, exp = 10**(p-1)+1, 1-p
        else:
            coeff, exp = 10**p-1, -p
    else:
        coeff, exp = _dexp(pc, -(p+1), p+1)
        coeff = _div_nearest(coeff, 10)
        exp += 1

    return coeff, exp


def _log10_lb(c, correction = {
        '1': 100, '2': 70, '3': 53, '4': 40, '5': 31,
        '6': 23, '7': 16, '8': 10, '9': 5}):
    if c <= 0:
        raise ValueError("The argument to _log10_lb should be nonnegative.")
    str_c = str(c)
    return 100*len(str_c) - correction[str_c[0]]


# Guard-digit rounds before a result that still looks like a rounding tie is taken as exact
# (a non-integer power such as 4 ** 0.5 is exact; CPython detects those up front).
_MAX_ROUNDS = 6


def _ziv(compute, p):
    """Coefficient and exponent from compute(extra) with an unambiguous last digit."""
    extra = 3
    for _ in range(_MAX_ROUNDS):
        coeff, exp = compute(extra)
        if coeff % (5 * 10 ** (len(str(abs(coeff))) - p - 1)):
            break
        extra += 3
    return coeff, exp


def _ln_exp_bound(d):
    adj = d._exp + len(str(d._int)) - 1
    if adj >= 1:
        return len(str(adj * 23 // 10)) - 1
    if adj <= -2:
        return len(str((-1 - adj) * 23 // 10)) - 1
    c, e = d._int, d._exp
    if adj == 0:
        num = str(c - 10 ** -e)
        den = str(c)
        return len(num) - len(den) - (num < den)
    return e + len(str(10 ** -e - c)) - 1


def _log10_exp_bound(d):
    adj = d._exp + len(str(d._int)) - 1
    if adj >= 1:
        return len(str(adj)) - 1
    if adj <= -2:
        return len(str(-1 - adj)) - 1
    c, e = d._int, d._exp
    if adj == 0:
        num = str(c - 10 ** -e)
        den = str(231 * c)
        return len(num) - len(den) - (num < den) + 2
    num = str(10 ** -e - c)
    return len(num) + e - (num < "231") - 1


def install(Decimal, getcontext, raise_, InvalidOperation, Overflow, ROUND_HALF_EVEN):
    make = Decimal._make

    def half_even(ans, context):
        work = context.copy()
        work.rounding = ROUND_HALF_EVEN
        return ans._fix(work)

    def special(d):
        """The result for a NaN argument, or None."""
        if d.is_snan():
            raise_(InvalidOperation)
        if d.is_nan():
            return Decimal(d)
        return None

    def exp(self, context=None):
        context = context or getcontext()
        ans = special(self)
        if ans is not None:
            return ans
        if self.is_infinite():
            return Decimal(0) if self._sign else Decimal(self)
        if not self._int:
            return Decimal(1)
        p = context.prec
        adj = self.adjusted()
        if self._sign == 0 and adj > len(str((context.Emax + 1) * 3)):
            raise_(Overflow)
        if self._sign == 1 and adj > len(str((context.Emax - context.Emin + p) * 3)):
            return make(0, 0, context.Emin - p + 1)
        if self._sign == 0 and adj < -p:
            ans = make(0, 10 ** p + 1, -p)
        elif self._sign == 1 and adj < -p - 1:
            ans = make(0, 10 ** (p + 1) - 1, -p - 1)
        else:
            c = -self._int if self._sign else self._int
            coeff, e = _ziv(lambda extra: _dexp(c, self._exp, p + extra), p)
            ans = make(0, coeff, e)
        return half_even(ans, context)

    def ln(self, context=None):
        context = context or getcontext()
        ans = special(self)
        if ans is not None:
            return ans
        if not self._int and not self._special:
            return Decimal('-Infinity')
        if self.is_infinite():
            if self._sign:
                raise_(InvalidOperation)
            return Decimal(self)
        if self == 1:
            return Decimal(0)
        if self._sign:
            raise_(InvalidOperation)
        p = context.prec
        places = p - _ln_exp_bound(self) + 2
        coeff, e = _ziv(lambda extra: (_dlog(self._int, self._exp, places + extra - 3),
                                       -(places + extra - 3)), p)
        return half_even(make(int(coeff < 0), abs(coeff), e), context)

    def log10(self, context=None):
        context = context or getcontext()
        ans = special(self)
        if ans is not None:
            return ans
        if not self._int and not self._special:
            return Decimal('-Infinity')
        if self.is_infinite():
            if self._sign:
                raise_(InvalidOperation)
            return Decimal(self)
        if self._sign:
            raise_(InvalidOperation)
        digits = str(self._int)
        if digits[0] == '1' and digits[1:] == '0' * (len(digits) - 1):
            ans = Decimal(self._exp + len(digits) - 1)
        else:
            p = context.prec
            places = p - _log10_exp_bound(self) + 2
            coeff, e = _ziv(lambda extra: (_dlog10(self._int, self._exp, places + extra - 3),
                                           -(places + extra - 3)), p)
            ans = make(int(coeff < 0), abs(coeff), e)
        return half_even(ans, context)

    integer_pow = Decimal.__pow__

    def __pow__(self, other, modulo=None, context=None):
        if modulo is None and isinstance(other, Decimal) and not other._special \
                and not self._special and other._exp < 0 and other._int % 10 ** -other._exp:
            return _fractional_pow(self, other, context or getcontext())
        return integer_pow(self, other, modulo)

    def _fractional_pow(self, other, context):
        if not self._int:
            return Decimal('Infinity') if other._sign else Decimal(0)
        if self._sign:
            raise_(InvalidOperation)
        if self == 1:
            p = context.prec
            return make(0, 10 ** (p - 1), 1 - p)
        p = context.prec
        yc = -other._int if other._sign else other._int
        coeff, e = _ziv(lambda extra: _dpower(self._int, self._exp, yc, other._exp, p + extra), p)
        return make(0, coeff, e)._fix(context)

    def __rpow__(self, other, context=None):
        if isinstance(other, int):
            return Decimal(other).__pow__(self)
        return NotImplemented

    Decimal.exp = exp
    Decimal.ln = ln
    Decimal.log10 = log10
    Decimal.__pow__ = __pow__
    Decimal.__rpow__ = __rpow__
