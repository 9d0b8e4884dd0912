import math
vals = [0.0, -0.0, 0.5, 1.0, 2.0, -1.5, 3.7, 1e-300, 1e300, 10, -7, float('inf'), float('-inf'), float('nan'), 2**70]
names = ['sqrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan',
         'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'fabs',
         'cbrt', 'erf', 'gamma', 'lgamma', 'degrees', 'radians', 'frexp', 'modf',
         'isfinite', 'isinf', 'isnan', 'ulp', 'floor', 'ceil', 'trunc']
for n in names:
    f = getattr(math, n)
    out = []
    for v in vals:
        try:
            out.append(repr(f(v)))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(n, ' '.join(out))
pairs = [(2.0, 3.0), (-2.0, 0.5), (0.0, -1.0), (0.0, 0.0), (float('inf'), -1), (-float('inf'), 3), (2, float('inf')),
         (0.5, float('-inf')), (float('nan'), 0), (1, float('nan')), (10.0, 3.0), (-10.0, 3.0), (5.5, -2.0), (1e308, 10), (3, 0)]
for n in ['pow', 'atan2', 'fmod', 'remainder', 'copysign', 'nextafter', 'hypot', 'ldexp', 'log']:
    f = getattr(math, n)
    out = []
    for a, b in pairs:
        try:
            if n == 'ldexp':
                b = int(b) if b == b and abs(b) != float('inf') else b
            out.append(repr(f(a, b)))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(n, ' '.join(out))
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.hypot(), math.hypot(3), math.hypot(3, 4), math.hypot(1, 2, 3, 4, 5), math.hypot(1e-310, 1e-310), math.hypot(1e308, 1e308, 1e300))
print(math.dist((1, 2), (4, 6)), math.dist([0, 0, 0], [1, 1, 1]), math.dist((1.5,), (-2.5,)))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]), math.fsum([1e-16, 1, 1e16]))
print(math.fsum([float('inf'), 1.0]), math.fsum(iter([1, 2, 3])))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1, 1.05, rel_tol=0.1), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(float('inf'), float('inf')))
print(math.ldexp(0.75, -1074), math.ldexp(0.5, -1073), math.ldexp(1.0, -1075), math.ldexp(3.0, -1076), math.ldexp(1.0, 1023), math.ldexp(5.0, 100))
print(math.frexp(1e-310), math.frexp(-8.0), math.frexp(0.1))
print(math.log(10**400), math.log2(2**2000), math.log10(10**500), math.log(10**400, 10), math.log(8, 2), math.log(100, 10))
print([math.gamma(x) for x in (0.5, 1.5, 4.5, 10.1, 25.3, -0.5, -2.5, 170.5, -170.5, 1e-25)])
print([math.lgamma(x) for x in (0.5, 1.5, 3.0, 100.0, -0.5, -2.5, 1e-25, 1e300)])
print([math.erf(x) for x in (-3, -0.5, 0.1, 0.7, 2.5, 6)], [math.erfc(x) for x in (-3, -0.5, 0.1, 0.7, 2.5, 6, 30)])
print([math.exp(x) for x in (0.1, 1, 5.5, 700)], [math.log(x) for x in (0.1, 2, 1e-300, 7.5)])
print([math.sin(x) for x in (0.1, 1, 100, 1e10)], [math.atan2(1, x) for x in (0.1, -1, 0)])
for bad in ['x', None, [1], '1']:
    try:
        math.sqrt(bad)
    except TypeError as e:
        print('TypeError', e)
for call in [lambda: math.sqrt(), lambda: math.sqrt(1, 2), lambda: math.pow(1), lambda: math.log(), lambda: math.log(1, 2, 3),
             lambda: math.log(0), lambda: math.log(-1), lambda: math.log(10, 1), lambda: math.log(2, 0), lambda: math.sqrt(-1), lambda: math.sqrt(10**400),
             lambda: math.exp(1000), lambda: math.pow(0, -1), lambda: math.pow(-2, 0.5), lambda: math.pow(10, 400), lambda: math.gamma(0), lambda: math.gamma(-3),
             lambda: math.gamma(172), lambda: math.lgamma(-1), lambda: math.lgamma(0), lambda: math.ldexp(1.0, 1.5), lambda: math.ldexp(1.0, 10**30), lambda: math.ldexp(1.0, -10**30),
             lambda: math.fsum([1e308, 1e308]), lambda: math.fsum([float('inf'), -float('inf')]), lambda: math.fsum([float('nan'), 1.0]), lambda: math.isclose(1, 2, rel_tol=-1),
             lambda: math.isclose(1), lambda: math.isclose(1, 2, 3), lambda: math.dist([1], [1, 2]), lambda: math.dist(1, 2), lambda: math.hypot('a'),
             lambda: math.trunc('a'), lambda: math.floor('x'), lambda: math.ceil(float('inf')), lambda: math.floor(float('nan')), lambda: math.atan2(1),
             lambda: math.copysign(1), lambda: math.nextafter(1), lambda: math.fmod(1, 0), lambda: math.fmod(float('inf'), 1), lambda: math.acos(2), lambda: math.cosh(1000),
             lambda: math.atanh(1), lambda: math.remainder(1, 0), lambda: math.ulp('a'), lambda: math.modf(float('inf')), lambda: math.remainder(float('inf'), 1)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(math.floor(3.7), math.ceil(3.2), math.trunc(-3.7), math.floor(-0.5), math.ceil(-0.5), math.floor(10**30), math.ceil(True), math.floor(1e20))
print([math.remainder(x, 2.0) for x in (1.0, 3.0, 5.0, -3.0, 2.5, 7.5)])
class F:
    def __float__(self):
        return 2.25
class I:
    def __index__(self):
        return 7
print(math.sqrt(F()), math.gcd(I(), 21), math.factorial(I()))
