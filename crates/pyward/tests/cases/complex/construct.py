# complex(): numbers, strings and two arguments, with CPython 3.11's messages.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

class F:
    def __float__(self):
        return 2.5

class I:
    def __index__(self):
        return 7

class C:
    def __complex__(self):
        return 3 - 1j

class NotComplex:
    def __complex__(self):
        return 3

class Sub(complex):
    def double(self):
        return self * 2

for f in [
    lambda: complex(),
    lambda: complex(1),
    lambda: complex(2.5),
    lambda: complex(True, False),
    lambda: complex(1, 2),
    lambda: complex(1.5, -2.5),
    lambda: complex(1j),
    lambda: complex(1j, 1j),
    lambda: complex(1 + 2j, 3 - 4j),
    lambda: complex(real=1, imag=2),
    lambda: complex(imag=2),
    lambda: complex(real='1+1j'),
    lambda: complex(F()),
    lambda: complex(I()),
    lambda: complex(C()),
    lambda: complex(1, F()),
    lambda: complex(C(), 1),
    lambda: complex(Sub(1, 2)),
    lambda: type(complex(Sub(1, 2))).__name__,
    lambda: complex(1, -0.0),
    lambda: complex(-0.0),
    lambda: complex(0.0, -0.0),
]:
    show(f)

for text in ['1+2j', '(1-2j)', '  ( 1.5e3-2J )  ', 'j', '-j', '+J', '1e3j', '1.j', '.5j', 'inf+nanj',
             '-infinity-INFj', 'nan', '1_000+2_0j', '1e400', '-1e-400j', '\u0661\u0662+\u0663j',
             '\u2003 7 \u2003', '2-j', '3+j']:
    show(lambda: complex(text))

for text in ['', ' ', '1+', '1+2', '1 +2j', 'j2', '(1', '1)', '()', '(j', '1e', '1.5e+j', 'x',
             '1+2j\0', '1jj', '+-1j', '\u00bd', '--j']:
    show(lambda: complex(text))

for text in ['1__0', '_1', '1_', '1_j', '1_+2j', '1_.5']:
    show(lambda: complex(text))

for f in [
    lambda: complex('1', 2),
    lambda: complex(1, '2'),
    lambda: complex([]),
    lambda: complex(None),
    lambda: complex(b'1'),
    lambda: complex(1, []),
    lambda: complex(1, C()),
    lambda: complex(NotComplex()),
    lambda: complex(1, 2, 3),
    lambda: complex(x=1),
    lambda: complex(1, x=1),
    lambda: complex(real=1, imag=2, x=3),
    lambda: complex(1, real=2),
    lambda: complex(10 ** 400),
    lambda: complex(1, 10 ** 400),
]:
    show(f)

s = Sub(2, 3)
print(type(s).__name__, s, s.real, s.imag, s.double(), type(s.double()).__name__)
print(s + 1, -s, +s, abs(Sub(3, 4)), s == 2 + 3j, hash(s) == hash(2 + 3j), s.conjugate())
print(isinstance(s, complex), complex(s), type(+s).__name__, f'{s:.1f}', {s: 1}[2 + 3j])
