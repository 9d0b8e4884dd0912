from decimal import Decimal, getcontext, localcontext, InvalidOperation, DivisionByZero, ROUND_HALF_UP, ROUND_DOWN
D = Decimal
print(D(2) ** D('0.5'), D(4) ** D('0.5'), D('1.05') ** D('2.5'), D('2.25') ** D('0.5'), D(8) ** D('1.5'), D(2) ** D('-0.5'))
print(D(10).ln(), D(1).exp(), D(100).log10(), D('0.001').log10(), D(2).log10(), D(1).ln(), D(0).exp())
print(D('1.5').exp(), D('-3').exp(), D('0.5').ln(), D('123.456').log10(), D('1E-10').exp(), D('-1E-40').exp())
print(D(0).ln(), D('Infinity').exp(), D('-Infinity').exp(), D('NaN').ln(), D(1) ** D('0.5'), D(0) ** D('0.5'))
with localcontext() as ctx:
    ctx.prec = 10
    print(D(3).ln(), D(5).exp(), D(7) ** D('0.3'), D(2).sqrt(), D('1.1') ** D('0.1'))
with localcontext() as ctx:
    ctx.prec = 50
    print(D(2).ln(), D(1).exp(), D(3).log10(), D(2) ** D('0.5'))
with localcontext(rounding=ROUND_DOWN, prec=6):
    print(D(2) ** D('0.5'), D(2).ln(), D(2).exp())
principal = D('1000.00'); rate = D('0.05')
print((principal * (1 + rate) ** D('2.5')).quantize(D('0.01')), (principal * (D(1) + rate / 12) ** 120).quantize(D('0.01')))
for f in [lambda: D(-1).ln(), lambda: D(-2) ** D('0.5'), lambda: D(-1).log10(), lambda: D(1) / 0, lambda: D(0) / 0]:
    try:
        print(f())
    except (InvalidOperation, DivisionByZero) as e:
        print(type(e).__name__, e)
print(D.from_float(0.1), D('1.20').normalize(), D('1.5').to_integral_value(), D(3).compare(D(4)), D(-3).copy_sign(D(1)))
print(D('1.5').is_signed(), D('-0').is_zero(), D('NaN').is_nan(), D(3).max(D(5)), D(3).min(D(5)), getcontext().prec, getcontext().rounding)
