# fractions: construction from ints/strings/floats, arithmetic with ints and floats, comparisons, hashing, rounding, limit_denominator, errors.
from fractions import Fraction as F
import math
for s in ['3/4', ' -35/4 ', '1.5', '-47e-2', '1e3', '.5', '1.', '1_000/3', '3.1415', '+7', '1.5E+2', '0/5']:
    print(repr(s), repr(F(s)), str(F(s)))
for bad in ['', '1/', '/2', '1/0', 'abc', '1 /2', '1.5/2', '1__0', '1e', '--1', '1/-2']:
    try: print(F(bad))
    except Exception as e: print(repr(bad), type(e).__name__, e)
print(F(10, -8), F(F(1, 7), 5), F(F(1, 7), F(2, 3)), F(2.25), F(1.47), F(-0.0), F(True), F(3, True))
for bad in [lambda: F(1, 0), lambda: F(1.5, 2), lambda: F([1]), lambda: F(float('nan')), lambda: F(float('inf')), lambda: F(1) / 0, lambda: F(0) ** -1]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
a, b = F(1, 3), F(2, 5)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, a ** -2, b ** F(1, 2), 2 ** F(1, 2), 4 ** F(1, 2), F(4) ** F(1, 2))
print(a + 1, 1 + a, a * 2, 2 - a, 1 / a, a + 0.5, 0.5 + a, a * 1.5, a == F(2, 6), a == 1 / 3, F(1, 2) == 0.5, F(1) == 1, a < b, a > 0.3, 0.3 < a, a <= 1, a >= F(1, 3))
print(-a, +a, abs(F(-3, 4)), int(F(7, 2)), int(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), math.trunc(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(22, 7), 2), round(F(-1234, 7), -1), float(a), bool(F(0)), bool(a))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), hash(F(-1, 3)), hash(F(-1)), hash(F(2**70, 3)), {F(1, 2): 'half'}[0.5])
print(F('3.141592653589793').limit_denominator(10), F('3.141592653589793').limit_denominator(100), F(4321, 8765).limit_denominator(10000), F(1, 3).limit_denominator(1), F(7, 2).limit_denominator(1))
print(a.numerator, a.denominator, a.as_integer_ratio(), F.from_float(0.1), F.from_float(3), sorted([F(1, 2), F(1, 3), 0.4, 1]), sum([F(1, 3)] * 3), max(F(1, 2), F(2, 3)))
try: F(1, 3).limit_denominator(0)
except Exception as e: print(type(e).__name__, e)
try: F.from_float('x')
except Exception as e: print(type(e).__name__, e)
print(format(float(F(1, 3)), '.3f'), F(1, 2) != F(1, 3), F(5, 1))
