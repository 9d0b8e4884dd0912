# Equality, ordering errors, hashing, truth and containers for complex numbers.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

big = 2 ** 53 + 1
print(1 + 0j == 1, 1 + 0j == True, 1 + 0j == 1.0, 1 + 0j != 1.0, 1j == 1, 1j != 1j, 2j == 2j)
print(complex(big) == big, big == complex(big), complex(2 ** 70) == 2 ** 70, 10 ** 400 == 1j)
print(0j == 0, 0j == -0.0, complex(-0.0, -0.0) == 0, 1j == '1j', 1j == None, [1j] == [1j])
print(complex(float('nan')) == complex(float('nan')), (1 + 0j) == (1, 0), 1j in [1, 2, 1j])
print(0.5 + 0j == 0.5, 0.5 == 0.5 + 0j, 1 == 1 + 1e-300j)
for op in ['<', '<=', '>', '>=']:
    show(lambda: eval(f'1j {op} 2j'))
    show(lambda: eval(f'1j {op} 2'))
    show(lambda: eval(f'2.5 {op} 1j'))
show(lambda: sorted([1j, 2j]))
show(lambda: max(1j, 2j))
show(lambda: min([3, 1j]))

for z in [0j, 1 + 0j, -1 + 0j, 1.5 + 0j, 1j, -1j, 1.5 + 2j, complex(1e300, -1e300),
          complex(float('inf'), float('-inf')), complex(2 ** 70), complex(-0.0, -0.0), 0.1 + 0.2j]:
    print(repr(z), hash(z))
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(complex(2 ** 70)) == hash(2 ** 70))
print(bool(0j), bool(-0.0 + 0j), bool(complex(0, -0.0)), bool(1e-300j), bool(1 + 0j), not 0j)
print(bool(complex(float('nan'), 0)), 'yes' if 2j else 'no', 0j or 'zero', 1j and 'one')

d = {1: 'int one', 2.5: 'float', 2 ** 70: 'big', 3j: 'imag', (1j, 2): 'tuple'}
print(d[1 + 0j], d[2.5 + 0j], d[complex(2 ** 70)], d[3j], d[(1j, 2)], d.get(1j), 3j in d)
d[1 + 0j] = 'replaced'
d[True] = 'true'
print(d)
e = {2 + 0j: 'two', 0.5j: 'half'}
print(e[2], e[2.0], e.get(2.0000001), 0.5j in e, complex(0, 0.5) in e)
s = {1j, 1 + 0j, 1, 1.0, True, 2j, complex(0, 2)}
print(len(s), 1 in s, 2j in s, sorted(s, key=lambda w: (complex(w).real, complex(w).imag)))
print({1, 2, 3} == {1 + 0j, 2.0, 3}, frozenset([1j]) == frozenset([1j]), {1j: 1} == {1j: 1})
print(sum([1j, 2, 3.5]), sum([1j, 2j], 1), sum([0.5, 1 - 1j, True]), sum([]), sum([1j]))
print([1j, 2j].index(2j), (1j, 2j, 1j).count(1j), list({3j: 0, 1j: 0}), max([1, 2], key=lambda _: 0))
