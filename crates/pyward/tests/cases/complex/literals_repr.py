# Imaginary literals and repr/str of complex numbers (complex_repr: float repr digits
# without '.0', the real part left out when it is +0, the imaginary part always signed).
print(1j, 2.5J, 1e3j, 0j, 1_0j, 0.5e-3j, 10E-2J)
print(type(1j).__name__, type(1j) is complex, isinstance(2j, complex), isinstance(2j, float))
print(repr(1 + 2j), str(1 - 2j), repr(-1j), repr(-(0j)), repr(-0.0 - 0j), repr(0.0 - 0j))
print(complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0))
print(complex(1e16, 1e-5), complex(1e15, 123456789.125), complex(0.1, 0.2), complex(1 / 3, 2 / 3))
print(complex(2.0, 3.0), complex(1e300 * 10, 1), complex(1, 1e300 * 10), complex(-1e300 * 10, -1e300 * 10))
nan = float('nan')
inf = float('inf')
print(complex(1, nan), complex(nan, 1), complex(nan, nan), complex(0, nan), complex(0, -inf))
print(complex(inf, 0), complex(-inf, -0.0), complex(1, -nan), complex(5e-324, -5e-324))
print([1j, (1+1j, -2j)], {'k': 3j}, str([0j]))
print(1j.real, 1j.imag, (3 - 4j).real, (3 - 4j).imag, type((3 - 4j).real).__name__)
print((5.5).real, (5.5).imag, (7).imag, True.imag, (2**80).imag)
print((1 + 2j).conjugate(), (1 - 0j).conjugate(), (-0.0 + 0j).conjugate(), complex.conjugate(3j))
print((5).conjugate(), (2.5).conjugate(), True.conjugate(), (2j).__complex__())
a = 1j
b = 1j
print(a == b, repr(-1j), -1j == complex(-0.0, -1.0), (1j,) == (1j,))
print(dir(1j))
print(dir(complex) == dir(1j), hasattr(1j, 'real'), hasattr(1j, 'bit_length'), callable(1j.conjugate))
