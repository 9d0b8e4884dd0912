# Exception classes with two exception bases (decimal.DivisionByZero style).
class E(ArithmeticError): pass
class Z(E, ZeroDivisionError): pass
class T(E, TypeError): pass
for c in (Z, T):
    try:
        raise c("boom")
    except ZeroDivisionError as e:
        print("zde", type(e).__name__, e)
    except TypeError as e:
        print("te", type(e).__name__, e, isinstance(e, E))
print([k.__name__ for k in Z.__mro__])
