# What complex does not support, with CPython 3.11's TypeErrors, and its conversions.
import json
import math

J = 1j


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for f in [
    lambda: (1 + 2j) // 2,
    lambda: (1 + 2j) % 2,
    lambda: 2 // 1j,
    lambda: 2 % 1j,
    lambda: 2.5 // 1j,
    lambda: 1j // 1j,
    lambda: divmod(1 + 2j, 2),
    lambda: divmod(2, 1j),
    lambda: divmod(1j, 1j),
    lambda: int(1j),
    lambda: float(1j),
    lambda: int(complex(3)),
    lambda: round(1j),
    lambda: round(1j, 2),
    lambda: math.sqrt(1j),
    lambda: math.floor(2 + 0j),
    lambda: math.isclose(1j, 1),
    lambda: math.atan2(1j, 1),
    lambda: json.dumps(1j),
    lambda: json.dumps({'a': [1, 2j]}),
    lambda: json.dumps(1j, default=repr),
    lambda: range(1j),
    lambda: [1, 2][J],
    lambda: 'abc'[J - J],
    lambda: hex(1j),
    lambda: chr(65 + 0j),
    lambda: (1j).bit_length(),
    lambda: (1j).is_integer(),
    lambda: (1j).as_integer_ratio(),
    lambda: (1j).foo,
    lambda: type(1j)(5),
    lambda: complex.__name__,
    lambda: (1j).__class__.__name__,
    lambda: type(2j) == complex,
    lambda: issubclass(complex, object),
    lambda: isinstance(1, complex),
    lambda: (1j).__complex__(1),
]:
    show(f)
z = 1j
z -= 1 / 0j
