# The cmath module: constants, the functions on ordinary and special values, and errors.
import cmath
import math

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(type(cmath.infj).__name__, math.isnan(cmath.nanj.imag), cmath.nanj.real)
names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log', 'log10',
         'sin', 'sinh', 'sqrt', 'tan', 'tanh']
inf = float('inf')
nan = float('nan')
args = [0j, complex(-0.0, -0.0), 1, -1, 2.5, -4, 1j, -2j, 1 + 1j, -3 + 4j, 0.5 - 0.25j,
        complex(1e-310, 1e-310), complex(1e308, 1e308), complex(-1e308, 1e-308), complex(710, 1),
        complex(-710, 3), complex(20, 0.5), complex(1e200, -1), complex(inf, 0), complex(-inf, 2),
        complex(inf, -inf), complex(nan, 0), complex(0, nan), complex(1, inf), complex(-inf, nan)]
for name in names:
    f = getattr(cmath, name)
    row = []
    for z in args:
        try:
            row.append(repr(f(z)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    print(name, row)
for z in [1 + 1j, -1, complex(-0.0, -0.0), complex(inf, -inf), complex(nan, 1), -1 + 0j,
          complex(-1, -0.0), complex(1e308, 1e308), complex(2.5, 5e-324)]:
    show(lambda: (cmath.phase(z), cmath.polar(z)))
    print(cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
for r, phi in [(1, 0), (2, cmath.pi / 2), (1, -0.0), (-1, 0.0), (3, 1e-300), (inf, 1), (-inf, 2),
               (inf, 0), (0, inf), (1, inf), (nan, 0), (nan, 1), (1, nan), (-0.0, -inf)]:
    show(lambda: cmath.rect(r, phi))
for z, base in [(8, 2), (100, 10), (1j, 2), (-1, 1j), (0, 2), (2, 1), (2, 0), (1, 1), (1 + 1j, 2 + 2j)]:
    show(lambda: cmath.log(z, base))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j), cmath.isclose(1j, 1.1j, rel_tol=0.2))
print(cmath.isclose(0j, 1e-10j), cmath.isclose(0j, 1e-10j, abs_tol=1e-9), cmath.isclose(complex(inf, 1), complex(inf, 1)))
print(cmath.isclose(complex(nan), complex(nan)), cmath.isclose(complex(inf), complex(-inf)), cmath.isclose(a=1, b=1))

class HasComplex:
    def __complex__(self):
        return 4j

class HasFloat:
    def __float__(self):
        return 0.25

print(cmath.sqrt(HasComplex()), cmath.exp(HasFloat()), cmath.sqrt(True), cmath.sqrt(10 ** 20))
for f in [
    lambda: cmath.sqrt('1'),
    lambda: cmath.sqrt(),
    lambda: cmath.sqrt(1, 2),
    lambda: cmath.sqrt(x=1),
    lambda: cmath.sqrt(10 ** 400),
    lambda: cmath.log(),
    lambda: cmath.log(1, 2, 3),
    lambda: cmath.log(1, 'a'),
    lambda: cmath.log(1, base=2),
    lambda: cmath.rect(1),
    lambda: cmath.rect(1j, 1),
    lambda: cmath.rect('a', 1),
    lambda: cmath.phase(),
    lambda: cmath.polar([]),
    lambda: cmath.isclose(1),
    lambda: cmath.isclose(1, 2, 3),
    lambda: cmath.isclose(1, 2, rel_tol=-1),
    lambda: cmath.isclose(1, 2, foo=1),
    lambda: cmath.isclose('a', 1),
    lambda: cmath.acos(None),
]:
    show(f)
print(sorted(n for n in dir(cmath) if not n.startswith('_')))
