# decimal: construction, str/repr exponent rules, arithmetic at precision 28 and under changed contexts, quantize with rounding modes, comparisons, hashing, formatting, errors.
from decimal import Decimal as D, getcontext, localcontext, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, InvalidOperation, DivisionByZero
import decimal
for s in ['1.10', '0', '-0', '1e3', '1E-7', '123.456e2', '0.000001', '0.0000001', '-1.5e-10', '1_000.5', '  3.14  ', 'Infinity', '-inf', 'NaN', '100', '1.23E+5', '.5', '5.', '00012']:
    d = D(s)
    print(repr(s), str(d), repr(d), d.as_tuple())
for v in [0.1, 1.5, -2.0, 10, -7, (0, (1, 2, 3), -2), (1, (4, 5), 3)]:
    print(repr(D(v)))
for bad in ['abc', '1.2.3', '', '1e', '_1', 'e5', '1__0']:
    try: D(bad)
    except Exception as e: print(repr(bad), type(e).__name__, e)
a, b = D('1.10'), D('3')
print(a + b, a - b, a * b, a / b, b / a, a // b, a % b, divmod(D(7), D(2)), D(-7) // 2, D(-7) % 2, a ** 2, b ** -1, D(2) ** 10, D(10) ** -2, D('1.5') ** 3)
print(a + 1, 1 + a, 2 * a, 10 - a, 1 / b, D(1) / D(8), D('0.1') + D('0.2'), D('1.30') + D('1.20'), D('1.10') - D('1.1'), D('-1.5') + D('1.5'), D(100) / D(4), D('1e2') / 4)
print(D('1.23456789012345678901234567890123'), +D('1.23456789012345678901234567890123'), D(2).sqrt(), D(16).sqrt(), D('0.25').sqrt(), D(1) / D(7))
getcontext().prec = 6
print(D(1) / D(7), D(2).sqrt(), D('123456789') + 0, getcontext().prec)
getcontext().prec = 28
with localcontext() as ctx:
    ctx.prec = 3
    print(D(2) / 3, ctx.prec)
print(D(2) / 3)
for mode in [ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING]:
    print(mode, [str(D(x).quantize(D('0.1'), rounding=mode)) for x in ['1.25', '1.35', '-1.25', '1.21', '-1.29', '2.5']], D('2.5').to_integral_value(rounding=mode), D('-2.5').quantize(D('1'), rounding=mode))
print(D('3.14159').quantize(D('0.01')), D('10').quantize(D('0.001')), D('1.5').to_integral_value(), D('2.5').to_integral_value(), D('1234.5678').quantize(D('1e2')))
print(D('1.0') == 1, D('0.1') == 0.1, D('0.5') == 0.5, D(1) < D(2), D('1.10') == D('1.1'), D('-0') == 0, D(3) > 2.5, sorted([D('1.5'), D('-2'), D('0.1')]), max(D(1), D(2)))
print(hash(D('1.0')) == hash(1), hash(D('0.5')) == hash(0.5), hash(D('1.1')), hash(D(-1)), {D('2.0'): 'x'}[2])
print(int(D('-3.7')), float(D('1.25')), round(D('2.5')), round(D('3.14159'), 2), round(D('-0.5')), bool(D(0)), bool(D('0.01')), abs(D('-1.50')), -D('1.50'), -D(0))
print(D('1.200').normalize(), D('0.000').normalize(), D('100').normalize(), D('1.5').adjusted(), D('123.45').as_integer_ratio(), D('-0.75').as_integer_ratio())
print(f"{D('3.14159'):.2f}", f"{D('1234567.891'):,.2f}", f"{D('2.5'):>8}", format(D('0.5'), '%'), format(D('12345.678'), '.3e'), f"{D('1.10')}", f"{D('-3.5'):.0f}")
for f in [lambda: D(1) / 0, lambda: D(0) / 0, lambda: D(1) // 0, lambda: D(1) % 0, lambda: D('1.5') + 1.5, lambda: D('1e40').quantize(D('1')), lambda: D('nan') < 1, lambda: D([1, 2]), lambda: D(-1).sqrt(), lambda: D('1.5').__round__('x')]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e, isinstance(e, ArithmeticError))
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(InvalidOperation, ArithmeticError), D('NaN') == D('NaN'), D('Infinity') > 10**100, D('-Infinity') < 0)
print(sum([D('0.1')] * 10), D('19.99') * 3, D('100') * D('0.075'), (D('100') * D('0.075')).quantize(D('0.01'), rounding=ROUND_HALF_UP))
for f in [lambda: 1.5 + D(1), lambda: D(1) * 2.0, lambda: 2.0 / D(1), lambda: D(2) ** 0.5, lambda: divmod(D(1), 1.0), lambda: 1.0 - D(1), lambda: D(1) % 1.0]:
    try: print(f())
    except TypeError as e: print(e)
