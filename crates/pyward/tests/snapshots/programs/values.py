# Values with compact snapshot encodings: every kind and edge the object table writes by hand.
import math

small = {'a': 1, 'b': 2, 'c': 3, 'd': 4}
del small['b']
big = {i: str(i) for i in range(40)}
for i in range(0, 40, 3):
    del big[i]
emptied = {'x': 1}
del emptied['x']
mixed_keys = {1: 'int', 2.5: 'float', 'two': 2, (1, 2): 'tuple', None: 'none', True: 'bool', b'k': 'bytes', frozenset({1}): 'fs'}
ints = [0, 1, -1, 127, 128, -128, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**200, -3**150]
floats = [0.0, -0.0, 1.5, -2.25, float('inf'), float('-inf'), float('nan'), 1e308, 5e-324]
blobs = [b'', b'\x00\xff' * 20, bytearray(b'mutable'), bytearray()]
texts = ['', 'ascii', 'caf\xe9', '\u4e2d\u6587', '\U0001f600 emoji', 'x' * 300]
sets = [set(), {1, 2, 3}, frozenset({'a', 'b'}), {(1, 2), None}]
nested = []
cur = nested
for i in range(60):
    nxt = [i, (i, str(i))]
    cur.append(nxt)
    cur = nxt
tuples = ((), (1,), (1, (2, (3, (4,)))))
named = [int, len, str.upper, ValueError, NotImplemented, ..., None, True, False]
by_type = {int: 'int', ValueError: 'error', len: 'len'}
shared = [1, 2]
aliased = [shared, shared, {'s': shared}]
def make_counter():
    n = 0
    def step():
        nonlocal n
        n += 1
        return n
    return step
counter = make_counter()
counter()
it = iter(big)
next(it)
next(it)
items_it = iter(small.items())
group = ExceptionGroup('outer', [ValueError(1), BaseExceptionGroup('inner', [TypeError(2), KeyError(3)])])
group.add_note('kept')
next(items_it)
print(len(big), len(small), len(emptied))
