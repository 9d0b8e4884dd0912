# Complex numbers across a snapshot: the heap kind, as keys and members, in a subclass
# instance, held by a suspended generator, and the cmath module's natives.
import cmath

z = 1.5 - 2j
parts = [0j, -0.0 - 0j, complex('inf+nanj'), complex(1e308, -5e-324), 3j]
keyed = {2 + 0j: 'two', 1j: 'i', (1j, 2): 'tuple'}
members = {1j, 2 + 0j, complex(-1, 1)}


class Shifted(complex):
    def shift(self):
        return self + 1


s = Shifted(2, 3)


def powers(base):
    w = base
    while True:
        yield w
        w *= base


gen = powers(1 + 1j)
print(next(gen), next(gen))
root = cmath.sqrt
print(z, parts, keyed[2], members == {1j, 2, complex(-1, 1)}, s.shift(), root(-4))
