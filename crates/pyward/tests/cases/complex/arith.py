# Complex arithmetic: + - * / ** mixing int, bool, float and complex, reflected and in-place,
# unary operators and abs, with CPython 3.11's results bit for bit and its errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

inf = float('inf')
nan = float('nan')
values = [0, 1, -3, True, 2.5, -0.0, 1e308, 1j, 1 + 2j, -3.5 - 0.25j, complex(0, -0.0),
          complex(inf, 1), complex(1e-300, 1e300)]
for a in values:
    row = []
    for b in values:
        if not isinstance(a, complex) and not isinstance(b, complex):
            continue
        for op in ('+', '-', '*', '/'):
            try:
                row.append(repr(eval(f'a {op} b')))
            except ZeroDivisionError as e:
                row.append('ZeroDivisionError: ' + str(e))
    print(repr(a), row)

for base, exp in [(1j, 2), (2j, 3), (1 + 1j, 0.5), (1 + 1j, 1 + 1j), (2, 1j), (2.5, 1 + 1j),
                  (True, 1j), (1j, True), (3 + 4j, 2.0), (1j, 101), (1j, -101), (1 + 1j, 100),
                  (1 + 1j, -100), (0j, 0), (0j, 2), (0j, 0j), (complex(inf), 2), (10, -1j),
                  (-1, 0.5), (-8, 1 / 3), (-1.0, 1.5), (-2, -0.5), (2.0, 0.5 + 0j)]:
    show(lambda: base ** exp)
    show(lambda: pow(base, exp))

for f in [
    lambda: 0j ** -1,
    lambda: 0j ** 1j,
    lambda: 0j ** -2.5,
    lambda: (1e-200 + 0j) ** -2,
    lambda: (1e200 + 1e200j) ** 50.5,
    lambda: (1e200 + 1e200j) ** 50,
    lambda: (1.0000001 + 0j) ** 1e10,
    lambda: complex(inf) ** 2.5,
    lambda: (-1 + 0j) ** 1e308,
    lambda: 1j / 0,
    lambda: 1j / 0.0,
    lambda: 1 / 0j,
    lambda: 1.5 / complex(0, -0.0),
    lambda: 1j / False,
    lambda: 1j + 10 ** 400,
    lambda: 10 ** 400 * 1j,
    lambda: pow(1j, 2, 3),
    lambda: pow(2, 2, 3j),
    lambda: pow(2.5, 1j, None),
]:
    show(f)

z = 1j
z += 1
print(z)
z *= 2j
print(z)
z -= 1.5
print(z)
z /= 2
print(z)
z **= 2
print(z)
z += True
print(z)
n = 3
n *= 1j
print(n)
x = 2.5
x /= 1 + 1j
print(x)

print(-(1 + 2j), +(1 + 2j), -(0j), -complex(-0.0, 0.0), abs(3 + 4j), abs(-5j), abs(0j))
print(abs(complex(inf, nan)), abs(complex(nan, -inf)), abs(complex(nan, 1)), abs(1e308 + 1e307j))
show(lambda: abs(1e308 + 1e308j))
show(lambda: abs(complex(1.5e308, 1.5e308)))
show(lambda: ~1j)
show(lambda: 1j & 1)
show(lambda: 1j | 1j)
show(lambda: 1j << 1)
show(lambda: 1j @ 1j)
show(lambda: 1j + 'a')
show(lambda: 'a' + 1j)
show(lambda: [1] * 1j)
show(lambda: 1j * (1,))
show(lambda: 'ab' * 1j)
show(lambda: None + 1j)
